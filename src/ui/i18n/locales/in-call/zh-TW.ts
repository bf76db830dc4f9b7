// Owns natter's Traditional Chinese (繁體中文) strings of the in-call view; part of locales/zh-TW.ts.
import type { InCallStrings } from '../../in-call-strings';

export const inCallZhTW: InCallStrings = {
  callWith: (names, video) => `與 ${names} 的${video ? '視訊' : '語音'}通話`,
  connecting: '正在連線…',
  ringing: '正在撥號…',
  reconnecting: '正在重新連線…',
  connected: '已接通',
  ended: (d) => `通話結束 · ${d}`,
  movedElsewhere: '通話已轉到你的其他裝置',
  you: '我',
  mute: '靜音',
  unmute: '取消靜音',
  cameraOff: '關閉相機',
  cameraOn: '開啟相機',
  shareScreen: '分享螢幕',
  stopSharing: '停止分享',
  minimise: '最小化',
  expand: '返回通話',
  hangUp: '掛斷',
  close: '關閉',
  peerRinging: '正在撥號…',
  peerConnecting: '正在連線…',
  peerReconnecting: '正在重新連線…',
  peerLeft: '已離開通話',
  peerDeclined: '已拒絕',
  peerMissed: '未接聽',
  peerMuted: '已靜音',
  controls: '通話控制項',
  devices: '裝置',
  microphone: '麥克風',
  camera: '攝影機',
  speaker: '喇叭',
  systemDefault: '系統預設',
  mediaError: (kind) =>
    ({
      'permission-denied': '瀏覽器沒有取得使用麥克風或相機的權限。請在網站設定（網址列左側的圖示）中允許後再試一次。',
      'no-device': '找不到麥克風或相機。請連接裝置後再試一次。',
      'device-in-use': '麥克風或相機正被其他應用程式使用。請關閉該應用程式後再試一次。',
      'media-failed': '無法啟動麥克風或相機。',
      'call-failed': '通話無法繼續。',
    })[kind],
  summary: (outcome, video, d) => {
    const kind = video ? '視訊通話' : '語音通話';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `未接${kind}`;
    if (outcome === 'declined') return `${kind}已拒絕`;
    return `${kind}已取消`;
  },
};
