// Owns the strings of the in-call view (CallView), in every locale.
import type { CallErrorKind } from '../../react';
import type { BuiltInLocale } from './locale';

export interface InCallStrings {
  /** Accessible name of the call region, e.g. "Video call with Bob". */
  callWith(names: string, video: boolean): string;
  connecting: string;
  ringing: string;
  reconnecting: string;
  connected: string;
  /** "Call ended · 1:05". */
  ended(duration: string): string;
  movedElsewhere: string;
  you: string;
  mute: string;
  unmute: string;
  cameraOff: string;
  cameraOn: string;
  shareScreen: string;
  stopSharing: string;
  minimise: string;
  expand: string;
  hangUp: string;
  close: string;
  /** Participant state words. */
  peerRinging: string;
  peerConnecting: string;
  peerReconnecting: string;
  peerLeft: string;
  peerDeclined: string;
  peerMissed: string;
  peerMuted: string;
  /** Accessible name of the control bar. */
  controls: string;
  /** The device picker: its toggle and group name, the three kinds, and the browser's default device. */
  devices: string;
  microphone: string;
  camera: string;
  speaker: string;
  systemDefault: string;
  /** Device problems explained in words. */
  mediaError(kind: CallErrorKind): string;
  /** Summary line of a call in the message list. */
  summary(outcome: 'answered' | 'missed' | 'declined' | 'cancelled', video: boolean, duration: string): string;
}

const en: InCallStrings = {
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
  summary: (outcome, video, d) => {
    const kind = video ? 'Video call' : 'Voice call';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `Missed ${kind.toLowerCase()}`;
    if (outcome === 'declined') return `${kind} declined`;
    return `${kind} cancelled`;
  },
};

const zhCN: InCallStrings = {
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
  summary: (outcome, video, d) => {
    const kind = video ? '视频通话' : '语音通话';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `未接${kind}`;
    if (outcome === 'declined') return `${kind}已拒绝`;
    return `${kind}已取消`;
  },
};

export const inCallStrings: Record<BuiltInLocale, InCallStrings> = { en, 'zh-CN': zhCN };
