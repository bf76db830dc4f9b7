// Owns natter's Japanese (日本語) strings of the in-call view; part of locales/ja.ts.
import type { InCallStrings } from '../../in-call-strings';

export const inCallJa: InCallStrings = {
  callWith: (names, video) => `${names} との${video ? 'ビデオ' : '音声'}通話`,
  connecting: '接続しています…',
  ringing: '呼び出しています…',
  reconnecting: '再接続しています…',
  connected: '接続しました',
  ended: (d) => `通話終了 · ${d}`,
  movedElsewhere: '通話はお使いの別のデバイスに移りました',
  you: '自分',
  mute: 'ミュート',
  unmute: 'ミュート解除',
  cameraOff: 'カメラをオフ',
  cameraOn: 'カメラをオン',
  shareScreen: '画面を共有',
  stopSharing: '共有を停止',
  minimise: '最小化',
  expand: '通話に戻る',
  hangUp: '通話を終了',
  close: '閉じる',
  peerRinging: '呼び出し中…',
  peerConnecting: '接続中…',
  peerReconnecting: '再接続中…',
  peerLeft: '通話から退出しました',
  peerDeclined: '拒否されました',
  peerMissed: '応答なし',
  peerMuted: 'ミュート中',
  controls: '通話の操作',
  devices: 'デバイス',
  microphone: 'マイク',
  camera: 'カメラ',
  speaker: 'スピーカー',
  systemDefault: 'システムの既定',
  mediaError: (kind) =>
    ({
      'permission-denied':
        'ブラウザーにマイクまたはカメラの使用が許可されていません。サイトの設定（アドレスバー左のアイコン）で許可してから、もう一度お試しください。',
      'no-device': 'マイクまたはカメラが見つかりません。接続してから、もう一度お試しください。',
      'device-in-use':
        'マイクまたはカメラが別のアプリで使用されています。そのアプリを閉じてから、もう一度お試しください。',
      'media-failed': 'マイクまたはカメラを開始できませんでした。',
      'call-failed': '通話を続けられませんでした。',
    })[kind],
  summary: (outcome, video, d) => {
    const kind = video ? 'ビデオ通話' : '音声通話';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `不在着信（${kind}）`;
    if (outcome === 'declined') return `${kind}は拒否されました`;
    return `${kind}はキャンセルされました`;
  },
};
