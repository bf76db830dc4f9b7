// Owns natter's Korean (한국어) strings of the in-call view; part of locales/ko.ts.
import type { InCallStrings } from '../../in-call-strings';

export const inCallKo: InCallStrings = {
  callWith: (names, video) => `${names}님과 ${video ? '영상' : '음성'} 통화`,
  connecting: '연결 중…',
  ringing: '전화 거는 중…',
  reconnecting: '다시 연결 중…',
  connected: '연결됨',
  ended: (d) => `통화 종료 · ${d}`,
  movedElsewhere: '통화가 내 다른 기기로 넘어갔습니다',
  you: '나',
  mute: '음소거',
  unmute: '음소거 해제',
  cameraOff: '카메라 끄기',
  cameraOn: '카메라 켜기',
  shareScreen: '화면 공유',
  stopSharing: '공유 중지',
  minimise: '최소화',
  expand: '통화로 돌아가기',
  hangUp: '끊기',
  close: '닫기',
  peerRinging: '전화 거는 중…',
  peerConnecting: '연결 중…',
  peerReconnecting: '다시 연결 중…',
  peerLeft: '통화에서 나감',
  peerDeclined: '거절함',
  peerMissed: '응답 없음',
  peerMuted: '음소거됨',
  controls: '통화 제어',
  devices: '장치',
  microphone: '마이크',
  camera: '카메라',
  speaker: '스피커',
  systemDefault: '시스템 기본값',
  mediaError: (kind) =>
    ({
      'permission-denied':
        '브라우저에 마이크나 카메라 사용 권한이 없습니다. 사이트 설정(주소 표시줄 왼쪽 아이콘)에서 허용한 뒤 다시 시도하세요.',
      'no-device': '마이크나 카메라를 찾을 수 없습니다. 기기를 연결한 뒤 다시 시도하세요.',
      'device-in-use': '다른 앱이 마이크나 카메라를 사용하고 있습니다. 그 앱을 닫은 뒤 다시 시도하세요.',
      'media-failed': '마이크나 카메라를 시작할 수 없습니다.',
      'call-failed': '통화를 계속할 수 없습니다.',
    })[kind],
  summary: (outcome, video, d) => {
    const kind = video ? '영상 통화' : '음성 통화';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `부재중 ${kind}`;
    if (outcome === 'declined') return `${kind} 거절됨`;
    return `${kind} 취소됨`;
  },
};
