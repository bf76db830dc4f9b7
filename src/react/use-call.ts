// Owns useCall: the current call of this device (or the last one, ended) as
// the store's call slice holds it, its duration ticking every second, and the
// call actions of the one CallClient of the surrounding ChatProvider's client
// (its code loaded and the CallClient made when a call starts or one rings
// here, not when the hook mounts; the store's binding then mirrors it).
import { useEffect, useMemo, useState } from 'react';
import { existingCallClient } from '../client/call/call-registry';
import type { CallClient, CallError, CallState } from '../client/call/call-types';
import type { ChatState } from '../store/chat-state';
import { rtcCallType } from '../protocol/rtc';
import { loadCallClient } from './call-client-chunk';
import { useChatClient } from './use-chat-client';
import { useChatSelector } from './use-chat-selector';

export interface CallResult {
  /** The call on this device (also the last one once ended, until `dismiss`), or null. */
  call: CallState | null;
  /** Seconds since the call connected (0 before), ticking while it lasts. */
  durationSeconds: number;
  /** Why the microphone or camera could not be opened when starting or answering. */
  mediaError: CallError | null;
  start: CallClient['start'];
  accept: CallClient['accept'];
  join: CallClient['join'];
  reject: CallClient['reject'];
  hangUp: CallClient['hangUp'];
  setMuted: CallClient['setMuted'];
  setCameraOff: CallClient['setCameraOff'];
  switchDevice: CallClient['switchDevice'];
  chooseDevice: CallClient['chooseDevice'];
  startScreenShare: CallClient['startScreenShare'];
  stopScreenShare: CallClient['stopScreenShare'];
  stats: CallClient['stats'];
  dismiss: CallClient['dismiss'];
}

function useDuration(call: CallState | null): number {
  const [now, setNow] = useState(() => Date.now());
  const running = call !== null && call.connectedAt !== null && call.ended === null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (!call || call.connectedAt === null) return 0;
  if (call.ended) return Math.round(call.ended.durationMs / 1000);
  return Math.max(0, Math.floor((now - call.connectedAt) / 1000));
}

/** A call invitation waits for this user's answer. */
function ringing(s: ChatState): boolean {
  const { incoming, byId } = s.invitations;
  return incoming.some((id) => {
    const inv = byId[id];
    return inv !== undefined && rtcCallType(inv.data) !== null;
  });
}

/** The call of this device and its controls (one call at a time per client). */
export function useCall(): CallResult {
  const client = useChatClient();
  // A ringing call needs the CallClient before anyone answers: it follows glare and other devices' answers.
  const rings = useChatSelector(ringing);
  useEffect(() => {
    if (!rings) return;
    loadCallClient(client).catch((e: unknown) => console.error('natter: the call code could not be loaded', e));
  }, [client, rings]);
  const call = useChatSelector((s) => s.call.current);
  const mediaError = useChatSelector((s) => s.call.mediaError);
  const durationSeconds = useDuration(call);
  const actions = useMemo(() => {
    const calls = () => loadCallClient(client);
    return {
      start: async (...a: Parameters<CallClient['start']>) => (await calls()).start(...a),
      accept: async (callId: string) => (await calls()).accept(callId),
      join: async (call: Parameters<CallClient['join']>[0]) => (await calls()).join(call),
      reject: async (callId: string) => (await calls()).reject(callId),
      hangUp: async () => (await calls()).hangUp(),
      setMuted: async (muted: boolean) => (await calls()).setMuted(muted),
      setCameraOff: async (off: boolean) => (await calls()).setCameraOff(off),
      switchDevice: async (...a: Parameters<CallClient['switchDevice']>) => (await calls()).switchDevice(...a),
      chooseDevice: async (...a: Parameters<CallClient['chooseDevice']>) => (await calls()).chooseDevice(...a),
      startScreenShare: async () => (await calls()).startScreenShare(),
      stopScreenShare: async () => (await calls()).stopScreenShare(),
      stats: async (user: string) => (await calls()).stats(user),
      // Nothing to forget before a CallClient exists.
      dismiss: () => existingCallClient(client)?.dismiss(),
    };
  }, [client]);
  return { call, durationSeconds, mediaError, ...actions };
}
