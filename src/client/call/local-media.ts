// Owns opening the user's microphone and camera (and the screen) for a call,
// and turning the browser's refusals into errors a person can act on:
// permission denied, no such device, device busy, or anything else.
import type { CallErrorKind } from './call-types';

export class CallMediaError extends Error {
  constructor(
    readonly kind: CallErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'CallMediaError';
  }
}

function kindOf(e: unknown): CallErrorKind {
  const name =
    e instanceof Error || (typeof e === 'object' && e !== null) ? String((e as { name?: unknown }).name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError')
    return 'permission-denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError')
    return 'no-device';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'device-in-use';
  return 'media-failed';
}

export function toCallMediaError(e: unknown): CallMediaError {
  if (e instanceof CallMediaError) return e;
  return new CallMediaError(kindOf(e), e instanceof Error ? e.message : String(e));
}

export interface DeviceChoice {
  audioDeviceId?: string;
  videoDeviceId?: string;
}

/** The microphone, and the camera for a video call. Rejects with a CallMediaError. */
export async function openLocalMedia(video: boolean, choice: DeviceChoice = {}): Promise<MediaStream> {
  const media = globalThis.navigator?.mediaDevices;
  if (!media?.getUserMedia)
    throw new CallMediaError(
      'media-failed',
      'this browser cannot open a microphone or camera here (a secure context is needed)',
    );
  try {
    return await media.getUserMedia({
      audio: choice.audioDeviceId ? { deviceId: { exact: choice.audioDeviceId } } : true,
      video: video ? (choice.videoDeviceId ? { deviceId: { exact: choice.videoDeviceId } } : true) : false,
    });
  } catch (e) {
    throw toCallMediaError(e);
  }
}

/** One track of a given device (null: the default one), to switch to mid-call. */
export async function openDeviceTrack(kind: 'audio' | 'video', deviceId: string | null): Promise<MediaStreamTrack> {
  const choice: DeviceChoice = {};
  if (deviceId !== null) choice[kind === 'audio' ? 'audioDeviceId' : 'videoDeviceId'] = deviceId;
  const stream = await openLocalMedia(kind === 'video', choice);
  const track = kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
  for (const t of stream.getTracks()) if (t !== track) t.stop();
  if (!track) throw new CallMediaError('no-device', `no ${kind} track from device ${deviceId ?? '(default)'}`);
  return track;
}

/** The screen (or a window or tab) as a video track. */
export async function openScreenTrack(): Promise<MediaStreamTrack> {
  const media = globalThis.navigator?.mediaDevices;
  if (!media?.getDisplayMedia)
    throw new CallMediaError('media-failed', 'screen sharing is not available in this browser');
  try {
    const stream = await media.getDisplayMedia({ video: true, audio: false });
    const track = stream.getVideoTracks()[0];
    if (!track) throw new CallMediaError('no-device', 'no screen was chosen');
    return track;
  } catch (e) {
    throw toCallMediaError(e);
  }
}
