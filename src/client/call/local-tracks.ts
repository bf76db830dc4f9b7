// Owns this device's tracks in a call: the microphone, the camera and a shared
// screen, and what each control sends. Mute and camera-off both disable the
// track (the local preview goes dark) and stop sending it (null on the
// sender, so no packets go out); the screen replaces the camera while shared.
import { openDeviceTrack, openScreenTrack } from './local-media';
import type { MediaSession } from './media-layer';

export interface TrackFlags {
  muted: boolean;
  cameraOff: boolean;
  screenSharing: boolean;
}

export class LocalTracks {
  private camera: MediaStreamTrack | null;
  private screen: MediaStreamTrack | null = null;

  constructor(private local: MediaStream) {
    this.camera = local.getVideoTracks()[0] ?? null;
  }

  /** This device's microphone and camera as previewed (a new stream after a device switch). */
  get stream(): MediaStream {
    return this.local;
  }

  async mute(session: MediaSession | null, muted: boolean): Promise<void> {
    const mic = this.stream.getAudioTracks()[0] ?? null;
    if (mic) mic.enabled = !muted;
    await session?.replaceTrack('audio', muted ? null : mic);
  }

  async cameraOff(session: MediaSession | null, off: boolean, sharing: boolean): Promise<void> {
    if (this.camera) this.camera.enabled = !off;
    if (!sharing) await session?.replaceTrack('video', off ? null : this.camera);
  }

  /** Replaces the microphone or camera with another device's, keeping mute and camera-off. */
  async switchDevice(
    session: MediaSession | null,
    kind: 'audio' | 'video',
    deviceId: string | null,
    flags: TrackFlags,
  ): Promise<void> {
    const track = await openDeviceTrack(kind, deviceId);
    track.enabled = kind === 'audio' ? !flags.muted : !flags.cameraOff;
    const sending = kind === 'audio' ? !flags.muted : !flags.cameraOff && !flags.screenSharing;
    // The new device goes out before the old one stops, so the peers see no gap.
    if (sending) await session?.replaceTrack(kind, track);
    // A new stream object: the view tells a changed preview by its stream.
    const kept = this.stream.getTracks().filter((t) => t.kind !== track.kind);
    for (const old of this.stream.getTracks()) if (old.kind === track.kind) old.stop();
    this.local = new MediaStream([...kept, track]);
    if (kind === 'video') this.camera = track;
  }

  async startScreen(session: MediaSession | null, onEnded: () => void): Promise<void> {
    const track = await openScreenTrack();
    this.screen = track;
    // The browser's own "Stop sharing" ends the track.
    track.addEventListener('ended', onEnded);
    await session?.replaceTrack('video', track);
  }

  async stopScreen(session: MediaSession | null, cameraOff: boolean): Promise<void> {
    this.screen?.stop();
    this.screen = null;
    await session?.replaceTrack('video', cameraOff ? null : this.camera);
  }

  /** Stops the screen, and the microphone and camera unless they go on to another call (glare). */
  stop(keepMedia: boolean): void {
    this.screen?.stop();
    this.screen = null;
    if (keepMedia) return;
    for (const t of this.stream.getTracks()) t.stop();
    this.camera?.stop();
  }
}
