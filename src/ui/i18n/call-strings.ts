// Owns the strings of CallInviteModal and the Chat header's call button, in every locale.
import type { BuiltInLocale } from './locale';

export interface CallStrings {
  incomingVoice: string;
  incomingVideo: string;
  /** Outgoing call's kind line. */
  outgoingVoice: string;
  outgoingVideo: string;
  /** Title of an outgoing call, e.g. "Calling Bob…". */
  calling(names: string): string;
  /** Group name line of a group invitation. */
  inGroup(group: string): string;
  accept: string;
  decline: string;
  cancel: string;
  missedCall: string;
  noAnswer: string;
  declined: string;
  cancelled: string;
  answeredElsewhere: string;
  /** Countdown, e.g. "30 s". */
  secondsLeft(seconds: number): string;
  /** Accessible name of the countdown. */
  countdownLabel: string;
  /** Accessible name of the invitees' answers (group call). */
  answersLabel: string;
  statePending: string;
  stateAccepted: string;
  stateRejected: string;
  stateTimeout: string;
  stateCancelled: string;
  actionFailed(message: string): string;
  /** Chat header buttons. */
  voiceCall: string;
  videoCall: string;
}

const en: CallStrings = {
  incomingVoice: 'Incoming voice call',
  incomingVideo: 'Incoming video call',
  outgoingVoice: 'Voice call',
  outgoingVideo: 'Video call',
  calling: (names) => `Calling ${names}…`,
  inGroup: (group) => `in ${group}`,
  accept: 'Accept',
  decline: 'Decline',
  cancel: 'Cancel',
  missedCall: 'Missed call',
  noAnswer: 'No answer',
  declined: 'Call declined',
  cancelled: 'Call cancelled',
  answeredElsewhere: 'Answered on another device',
  secondsLeft: (s) => `${s} s`,
  countdownLabel: 'Time left to answer',
  answersLabel: 'Answers',
  statePending: 'Waiting',
  stateAccepted: 'Accepted',
  stateRejected: 'Declined',
  stateTimeout: 'No answer',
  stateCancelled: 'Cancelled',
  actionFailed: (m) => `That did not work: ${m}`,
  voiceCall: 'Voice call',
  videoCall: 'Video call',
};

const zhCN: CallStrings = {
  incomingVoice: '语音通话邀请',
  incomingVideo: '视频通话邀请',
  outgoingVoice: '语音通话',
  outgoingVideo: '视频通话',
  calling: (names) => `正在呼叫 ${names}…`,
  inGroup: (group) => `群组：${group}`,
  accept: '接听',
  decline: '拒绝',
  cancel: '取消',
  missedCall: '未接来电',
  noAnswer: '无人接听',
  declined: '对方已拒绝',
  cancelled: '通话已取消',
  answeredElsewhere: '已在其他设备处理',
  secondsLeft: (s) => `${s} 秒`,
  countdownLabel: '剩余应答时间',
  answersLabel: '应答情况',
  statePending: '等待中',
  stateAccepted: '已接听',
  stateRejected: '已拒绝',
  stateTimeout: '未应答',
  stateCancelled: '已取消',
  actionFailed: (m) => `操作失败：${m}`,
  voiceCall: '语音通话',
  videoCall: '视频通话',
};

export const callStrings: Record<BuiltInLocale, CallStrings> = { en, 'zh-CN': zhCN };
