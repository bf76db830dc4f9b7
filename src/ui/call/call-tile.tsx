// Owns one tile of the in-call view: a participant's (or this user's own)
// video, or an avatar in voice calls and while the camera is off, with the
// name and a state line ("Reconnecting…", "Muted") under it. Another
// participant's audio plays on the speaker chosen for calls.
import { useEffect, useRef, type ReactNode } from 'react';
import { Avatar } from '../conversation-list/avatar';

export interface CallTileProps {
  id: string;
  name: string;
  stream: MediaStream | null;
  showVideo: boolean;
  /** This user's own tile: mirrored and never played back (no echo). */
  self: boolean;
  status: string | null;
  avatarUrl?: string | undefined;
  /** The speaker to play this participant on (null: the default output). */
  sinkId?: string | null;
}

function hasLiveVideo(stream: MediaStream | null): boolean {
  return !!stream && stream.getVideoTracks().some((t) => t.readyState === 'live');
}

export function CallTile({
  id,
  name,
  stream,
  showVideo,
  self,
  status,
  avatarUrl,
  sinkId = null,
}: CallTileProps): ReactNode {
  const media = useRef<HTMLVideoElement>(null);
  const video = showVideo && hasLiveVideo(stream);
  useEffect(() => {
    const el = media.current;
    if (!el || el.srcObject === stream) return;
    el.srcObject = stream;
    void el.play().catch(() => undefined);
  }, [stream, video]);
  useEffect(() => {
    const el = media.current;
    if (self || !el || typeof el.setSinkId !== 'function' || el.sinkId === (sinkId ?? '')) return;
    // A speaker unplugged meanwhile: the browser keeps playing on the one it had.
    el.setSinkId(sinkId ?? '').catch(() => undefined);
  }, [self, sinkId]);
  return (
    <figure className="natter-call-tile" data-self={self || undefined} data-video={video || undefined}>
      {/* Remote audio plays through this element even in voice calls; it is hidden then. */}
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- a live call has no caption track */}
      <video
        ref={media}
        className="natter-call-tile__video"
        autoPlay
        playsInline
        muted={self}
        hidden={!video}
        aria-hidden="true"
      />
      {!video && <Avatar id={id} name={name} src={avatarUrl ?? null} size={72} />}
      <figcaption className="natter-call-tile__caption">
        <span className="natter-call-tile__name">{name}</span>
        {status && <span className="natter-call-tile__status">{status}</span>}
      </figcaption>
    </figure>
  );
}
