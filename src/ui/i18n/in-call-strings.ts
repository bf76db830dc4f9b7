// Owns the in-call strings' shape and the part of them the first screen shows
// (a call's summary line in the message list) in the built-in languages; the
// call view's own strings load with its chunk (in-call-view-strings.ts).
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

/** What the message list needs of the in-call strings before any call view is loaded. */
export type InCallSummaryStrings = Pick<InCallStrings, 'summary'>;

const en: InCallSummaryStrings = {
  summary: (outcome, video, d) => {
    const kind = video ? 'Video call' : 'Voice call';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `Missed ${kind.toLowerCase()}`;
    if (outcome === 'declined') return `${kind} declined`;
    return `${kind} cancelled`;
  },
};

const zhCN: InCallSummaryStrings = {
  summary: (outcome, video, d) => {
    const kind = video ? '视频通话' : '语音通话';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `未接${kind}`;
    if (outcome === 'declined') return `${kind}已拒绝`;
    return `${kind}已取消`;
  },
};

export const inCallSummaryStrings: Record<BuiltInLocale, InCallSummaryStrings> = { en, 'zh-CN': zhCN };
