// Owns the strings of CallInviteModal, in every locale.
// Starter keys; UI engineer B owns and extends this file.
import type { Locale } from './locale';

export interface CallStrings {
  incomingVoice: string;
  incomingVideo: string;
  accept: string;
  decline: string;
  cancel: string;
  missedCall: string;
  /** Countdown, e.g. "30 s". */
  secondsLeft(seconds: number): string;
}

const en: CallStrings = {
  incomingVoice: 'Incoming voice call',
  incomingVideo: 'Incoming video call',
  accept: 'Accept',
  decline: 'Decline',
  cancel: 'Cancel',
  missedCall: 'Missed call',
  secondsLeft: (s) => `${s} s`,
};

const zhCN: CallStrings = {
  incomingVoice: '语音通话邀请',
  incomingVideo: '视频通话邀请',
  accept: '接听',
  decline: '拒绝',
  cancel: '取消',
  missedCall: '未接来电',
  secondsLeft: (s) => `${s} 秒`,
};

export const callStrings: Record<Locale, CallStrings> = { en, 'zh-CN': zhCN };
