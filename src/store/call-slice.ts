// Owns the store's call slice: this device's call (or the last one, ended,
// until dismissed), why media could not be opened, and the devices chosen, as
// the CallClient last reported them. Reduced whole: every call input is a full
// snapshot.
import type { CallDevices, CallError, CallState } from '../client/call/call-types';
import type { StoreInput } from './store-input';

export interface CallSlice {
  /** The call on this device, or null (no call, or no CallClient made for this client yet). */
  current: CallState | null;
  /** Why the microphone or camera could not be opened when starting or answering. */
  mediaError: CallError | null;
  /** The microphone, camera and speaker chosen (null: the browser's default). */
  devices: CallDevices;
}

export const EMPTY_CALL: CallSlice = Object.freeze({
  current: null,
  mediaError: null,
  devices: Object.freeze({ audioinput: null, videoinput: null, audiooutput: null }),
});

/** The slice after a batch: the batch's last call snapshot wins (the same object when nothing changed). */
export function commitCall(base: CallSlice, inputs: readonly StoreInput[]): CallSlice {
  for (let i = inputs.length - 1; i >= 0; i--) {
    const input = inputs[i]!;
    if (input.kind !== 'call') continue;
    if (input.call === base.current && input.mediaError === base.mediaError && input.devices === base.devices)
      return base;
    return { current: input.call, mediaError: input.mediaError, devices: input.devices };
  }
  return base;
}
