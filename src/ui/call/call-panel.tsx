// Owns CallPanel, the in-call view (CallView loads it as a chunk of its own):
// tiles for 1–4 people (video, or avatars in voice calls), the call's state in
// words (connecting, reconnecting, ended with its duration), the controls, a
// minimised floating view so the user can keep chatting, the device picker,
// and device problems explained in words. Reads only public hooks; ringing is
// CallInviteModal's, so nothing shows while a call rings.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { CallParticipant } from '../../react';
import { useCall, useCallDevices, useChatUser, useDisplayName } from '../../react';
import { formatDuration, type Locale } from '../i18n';
import type { InCallStrings } from '../i18n/in-call-strings';
import { CallControls } from './call-controls';
import { CallDevicePicker } from './call-device-picker';
import { CallTile } from './call-tile';
import { useInCallStrings } from './use-in-call-strings';

export interface CallViewProps {
  /** How a user is named (default: their profile's display name, else the id; useDisplayName). */
  displayName?: (userId: string) => string;
  avatarUrl?: (userId: string) => string | undefined;
  locale?: Locale;
  /** How long "Call ended" (or a device problem) stays before closing by itself (default 4000 ms; 0 keeps it). */
  noticeMs?: number;
}

function peerStatus(p: CallParticipant, t: InCallStrings): string | null {
  switch (p.state) {
    case 'ringing':
      return t.peerRinging;
    case 'connecting':
      return t.peerConnecting;
    case 'reconnecting':
    case 'failed':
      return t.peerReconnecting;
    case 'left':
    case 'closed':
      return t.peerLeft;
    case 'declined':
      return t.peerDeclined;
    case 'missed':
      return t.peerMissed;
    default:
      return null;
  }
}

export function CallPanel({ displayName: ownName, avatarUrl, locale, noticeMs = 4000 }: CallViewProps): ReactNode {
  const profileName = useDisplayName();
  const displayName = ownName ?? profileName;
  const t = useInCallStrings(locale);
  const me = useChatUser();
  const c = useCall();
  const { call, mediaError, dismiss } = c;
  const [minimised, setMinimised] = useState(false);
  const [devicesOpen, setDevicesOpen] = useState(false);
  const devicesId = useId();
  const speaker = useCallDevices().chosen.audiooutput;
  const region = useRef<HTMLElement>(null);
  const finished = call?.ended != null;
  const showing = call !== null && call.phase !== 'ringing';

  useEffect(() => {
    if (!(finished || (mediaError && !call)) || noticeMs <= 0) return;
    const timer = setTimeout(dismiss, noticeMs);
    return () => clearTimeout(timer);
  }, [finished, mediaError, call, noticeMs, dismiss]);
  useEffect(() => {
    if (showing && !minimised && !finished) region.current?.focus();
  }, [showing, minimised, finished]);

  if (mediaError && (!call || finished)) {
    return (
      <section className="natter-call-view natter-call-view--notice" aria-label={t.controls}>
        <p role="alert" className="natter-call-view__error">
          {t.mediaError(mediaError.kind)}
        </p>
        <button type="button" className="natter-call-view__control" onClick={dismiss}>
          {t.close}
        </button>
      </section>
    );
  }
  if (!call || !showing) return null;

  const video = call.callType === 'video';
  const others = call.participants.filter((p) => p.user !== me);
  const label = t.callWith(others.map((p) => displayName(p.user)).join(', '), video);
  const duration = formatDuration(c.durationSeconds);
  const status = call.ended
    ? call.ended.reason === 'moved'
      ? t.movedElsewhere
      : t.ended(duration)
    : call.phase === 'reconnecting'
      ? t.reconnecting
      : call.phase === 'connected'
        ? duration
        : t.connecting;

  if (call.ended) {
    return (
      <section className="natter-call-view natter-call-view--notice" aria-label={label}>
        <p role="status">{status}</p>
        {call.error && (
          <p role="alert" className="natter-call-view__error">
            {t.mediaError(call.error.kind)}
          </p>
        )}
        <button type="button" className="natter-call-view__control" onClick={dismiss}>
          {t.close}
        </button>
      </section>
    );
  }

  if (minimised) {
    return (
      <section className="natter-call-view natter-call-view--floating" aria-label={label} data-phase={call.phase}>
        <p className="natter-call-view__title">{others.map((p) => displayName(p.user)).join(', ')}</p>
        <p role="status" className="natter-call-view__status">
          {status}
        </p>
        <button type="button" className="natter-call-view__control" onClick={() => setMinimised(false)}>
          {t.expand}
        </button>
        <button
          type="button"
          className="natter-call-view__control natter-call-view__control--hangup"
          onClick={() => void c.hangUp()}
        >
          {t.hangUp}
        </button>
      </section>
    );
  }

  const tiles = others.filter(
    (p) => p.state !== 'left' && p.state !== 'closed' && p.state !== 'declined' && p.state !== 'missed',
  );
  return (
    // Escape pressed on any control inside minimises the call (the handler catches it as it bubbles).
    <section
      ref={region}
      className="natter-call-view"
      aria-label={label}
      tabIndex={-1}
      data-phase={call.phase}
      data-media={call.callType}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          setMinimised(true);
        }
      }}
    >
      <p role="status" className="natter-call-view__status">
        {status}
      </p>
      <div className="natter-call-view__tiles" data-count={tiles.length + 1}>
        {tiles.map((p) => (
          <CallTile
            key={p.user}
            id={p.user}
            name={displayName(p.user)}
            stream={p.stream}
            showVideo={video}
            self={false}
            status={peerStatus(p, t)}
            avatarUrl={avatarUrl?.(p.user)}
            sinkId={speaker}
          />
        ))}
        <CallTile
          id={me}
          name={t.you}
          stream={call.localStream}
          showVideo={video && !call.cameraOff}
          self
          status={call.muted ? t.peerMuted : null}
          avatarUrl={avatarUrl?.(me)}
        />
      </div>
      <CallControls
        t={t}
        call={call}
        actions={c}
        onMinimise={() => setMinimised(true)}
        devicesOpen={devicesOpen}
        devicesId={devicesId}
        onToggleDevices={() => setDevicesOpen((open) => !open)}
      />
      <div id={devicesId} hidden={!devicesOpen}>
        {devicesOpen && <CallDevicePicker video={video} locale={locale} />}
      </div>
    </section>
  );
}
