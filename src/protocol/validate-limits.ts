// Owns the size limits a server enforces on request parameters that already
// passed their schema (validate.ts): text length, ext and customExts bytes,
// signaling data bytes, and WebRTC SDP and candidate sizes. A limit exceeded
// is 511, told apart from a malformed parameter (4002).
import type { OpName, Ops } from './frames';
import type { OutgoingBody } from './message';
import { RTC_MAX_CANDIDATE_BYTES, RTC_MAX_SDP_BYTES, type RtcSignal } from './rtc';

/** The limits validation enforces (a subset of ServerLimits). */
export interface ValidationLimits {
  maxTextLength: number;
  maxExtBytes: number;
  /** Nesting bound for the whole frame (default 32): deeper frames get 4004. */
  maxJsonDepth?: number;
}

const encoder = new TextEncoder();
function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** Size limits on parameters that passed their schema: 511 when exceeded. */
export function checkLimits(op: OpName, p: unknown, limits: ValidationLimits): string | null {
  if (op === 'send') {
    const m = p as Ops['send']['p'];
    const body: OutgoingBody = m.body;
    if (body.type === 'txt' && body.msg.length > limits.maxTextLength)
      return `text longer than ${limits.maxTextLength}`;
    if (m.ext !== undefined && jsonBytes(m.ext) > limits.maxExtBytes)
      return `ext larger than ${limits.maxExtBytes} bytes`;
    if (body.type === 'custom' && jsonBytes(body.customExts) > limits.maxExtBytes)
      return `customExts larger than ${limits.maxExtBytes} bytes`;
  }
  if (op === 'edit' && (p as Ops['edit']['p']).body.msg.length > limits.maxTextLength)
    return `text longer than ${limits.maxTextLength}`;
  if (op.startsWith('sig.')) {
    const d = (p as { data?: string }).data;
    if (d !== undefined && encoder.encode(d).length > limits.maxExtBytes)
      return `data larger than ${limits.maxExtBytes} bytes`;
  }
  if (op === 'rtc.signal') {
    const signal: RtcSignal = (p as Ops['rtc.signal']['p']).signal;
    if (signal.type === 'candidate' && encoder.encode(signal.candidate).length > RTC_MAX_CANDIDATE_BYTES)
      return `candidate larger than ${RTC_MAX_CANDIDATE_BYTES} bytes`;
    if (signal.type !== 'candidate' && encoder.encode(signal.sdp).length > RTC_MAX_SDP_BYTES)
      return `sdp larger than ${RTC_MAX_SDP_BYTES} bytes`;
  }
  return null;
}
