// Owns the call view's strings in the built-in languages (English, Simplified
// Chinese) and how the call view reads its strings: these defaults under the
// active table's inCall group. They load with the call view's chunk, not with
// the first screen; the other languages carry theirs in their own chunk.
import type { InCallStrings, InCallSummaryStrings } from './in-call-strings';
import type { Locale } from './locale';
import { tableKeyOf } from './strings';

type InCallViewStrings = Omit<InCallStrings, 'summary'>;

const en: InCallViewStrings = {
  callWith: (names, video) => `${video ? 'Video' : 'Voice'} call with ${names}`,
  connecting: 'Connecting…',
  ringing: 'Ringing…',
  reconnecting: 'Reconnecting…',
  connected: 'Connected',
  ended: (d) => `Call ended · ${d}`,
  movedElsewhere: 'The call moved to another of your devices',
  you: 'You',
  mute: 'Mute',
  unmute: 'Unmute',
  cameraOff: 'Turn camera off',
  cameraOn: 'Turn camera on',
  shareScreen: 'Share screen',
  stopSharing: 'Stop sharing',
  minimise: 'Minimise',
  expand: 'Back to call',
  hangUp: 'Hang up',
  close: 'Close',
  peerRinging: 'Ringing…',
  peerConnecting: 'Connecting…',
  peerReconnecting: 'Reconnecting…',
  peerLeft: 'Left the call',
  peerDeclined: 'Declined',
  peerMissed: 'No answer',
  peerMuted: 'Muted',
  controls: 'Call controls',
  devices: 'Devices',
  microphone: 'Microphone',
  camera: 'Camera',
  speaker: 'Speaker',
  systemDefault: 'System default',
  mediaError: (kind) =>
    ({
      'permission-denied':
        'The browser was not allowed to use your microphone or camera. Allow them in the site settings (the icon at the left of the address bar) and try again.',
      'no-device': 'No microphone or camera was found. Connect one and try again.',
      'device-in-use': 'Your microphone or camera is being used by another app. Close it and try again.',
      'media-failed': 'Your microphone or camera could not be started.',
      'call-failed': 'The call could not go on.',
    })[kind],
};

const zhCN: InCallViewStrings = {
  callWith: (names, video) => `与 ${names} 的${video ? '视频' : '语音'}通话`,
  connecting: '正在连接…',
  ringing: '正在呼叫…',
  reconnecting: '正在重新连接…',
  connected: '已接通',
  ended: (d) => `通话结束 · ${d}`,
  movedElsewhere: '通话已转到你的其他设备',
  you: '我',
  mute: '静音',
  unmute: '取消静音',
  cameraOff: '关闭摄像头',
  cameraOn: '打开摄像头',
  shareScreen: '共享屏幕',
  stopSharing: '停止共享',
  minimise: '最小化',
  expand: '返回通话',
  hangUp: '挂断',
  close: '关闭',
  peerRinging: '正在呼叫…',
  peerConnecting: '正在连接…',
  peerReconnecting: '正在重新连接…',
  peerLeft: '已离开通话',
  peerDeclined: '已拒绝',
  peerMissed: '未应答',
  peerMuted: '已静音',
  controls: '通话控制',
  devices: '设备',
  microphone: '麦克风',
  camera: '摄像头',
  speaker: '扬声器',
  systemDefault: '系统默认',
  mediaError: (kind) =>
    ({
      'permission-denied': '浏览器没有获得使用麦克风或摄像头的权限。请在网站设置（地址栏左侧的图标）中允许后重试。',
      'no-device': '没有找到麦克风或摄像头。请连接设备后重试。',
      'device-in-use': '麦克风或摄像头正被其他应用占用。请关闭该应用后重试。',
      'media-failed': '无法启动麦克风或摄像头。',
      'call-failed': '通话无法继续。',
    })[kind],
};

/**
 * The whole in-call table for `locale`: the built-in defaults of its table (Simplified Chinese for
 * zh-CN, else English) under `inCall`, the group as the active table and an app's overrides give it,
 * so a loaded language's own wording and an app's overrides win.
 */
export function withInCallDefaults(locale: Locale, inCall: InCallSummaryStrings | InCallStrings): InCallStrings {
  return { ...(tableKeyOf(locale) === 'zh-CN' ? zhCN : en), ...inCall };
}
