// Owns useCallDevices: the microphones, cameras and speakers the browser lists
// (listed again when one is plugged in or out, and once a call has opened
// media or when asked, since browsers hide devices until the user first
// allowed one), the
// devices chosen for calls as the store's call slice holds them, and choosing
// one (before a call, or switched live during one).
import { useEffect, useMemo, useState } from 'react';
import type { CallClient, CallDeviceKind, CallDevices } from '../client/call/call-types';
import { loadCallClient } from './call-client-chunk';
import { useChatClient } from './use-chat-client';
import { useChatSelector } from './use-chat-selector';

export interface CallDevice {
  deviceId: string;
  kind: CallDeviceKind;
  /** The browser's name for it ('' until the user has allowed a microphone or camera once). */
  label: string;
}

export interface CallDevicesResult {
  /** What the browser lists, by kind (empty where it lists nothing, e.g. outside a secure context). */
  available: Readonly<Record<CallDeviceKind, readonly CallDevice[]>>;
  /** The devices chosen (null: the browser's default). */
  chosen: CallDevices;
  /** Whether remote audio can be sent to a chosen speaker here (HTMLMediaElement.setSinkId). */
  canChooseSpeaker: boolean;
  choose: CallClient['chooseDevice'];
  /** Lists the devices again (e.g. when a picker gets focus: the user may have allowed media meanwhile). */
  refresh(): void;
}

const NONE: CallDevicesResult['available'] = { audioinput: [], videoinput: [], audiooutput: [] };

async function listDevices(): Promise<CallDevicesResult['available']> {
  const media = globalThis.navigator?.mediaDevices;
  if (!media?.enumerateDevices) return NONE;
  const byKind: Record<CallDeviceKind, CallDevice[]> = { audioinput: [], videoinput: [], audiooutput: [] };
  for (const d of await media.enumerateDevices()) {
    // Chromium lists a "default" alias next to the real devices: the chosen-null entry stands for it.
    if (d.deviceId === '' || d.deviceId === 'default' || d.deviceId === 'communications') continue;
    byKind[d.kind].push({ deviceId: d.deviceId, kind: d.kind, label: d.label });
  }
  return byKind;
}

const canSetSink = (): boolean =>
  typeof HTMLMediaElement !== 'undefined' && typeof HTMLMediaElement.prototype.setSinkId === 'function';

/** The devices calls can use on this device, and the ones chosen. */
export function useCallDevices(): CallDevicesResult {
  const client = useChatClient();
  const chosen = useChatSelector((s) => s.call.devices);
  // Labels appear once media has been opened: list again when a call's local media changes.
  const localStream = useChatSelector((s) => s.call.current?.localStream ?? null);
  const [available, setAvailable] = useState(NONE);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let live = true;
    const list = (): void =>
      void listDevices().then(
        (found) => live && setAvailable(found),
        () => undefined,
      );
    list();
    const media = globalThis.navigator?.mediaDevices;
    media?.addEventListener?.('devicechange', list);
    return () => {
      live = false;
      media?.removeEventListener?.('devicechange', list);
    };
  }, [localStream, asked]);

  const choose = useMemo<CallClient['chooseDevice']>(
    () => async (kind, deviceId) => (await loadCallClient(client)).chooseDevice(kind, deviceId),
    [client],
  );
  const refresh = useMemo(() => () => setAsked((n) => n + 1), []);
  return { available, chosen, canChooseSpeaker: canSetSink(), choose, refresh };
}
