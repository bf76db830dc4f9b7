// Owns the dialog of one call invitation, incoming or outgoing: who, voice or
// video, the group, a countdown to the server's deadline, the actions, each
// invitee's answer in a group call, and how it ends (missed call, declined,
// cancelled, answered here or on another device).
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Invitation, InviteeState } from '../../protocol/invitation';
import { useGroupName, useInvitation } from '../../react';
import { Avatar } from '../conversation-list/avatar';
import { useStrings, type Locale } from '../i18n';
import { useModalDialog, type ModalScope } from '../modal-dialog';
import { callTypeOf } from './call-type';

/** How an invitation ended for this user. */
export type CallEnding = 'accepted' | 'declined' | 'cancelled' | 'timeout' | 'answeredElsewhere';

export interface InvitationDialogProps {
  inviteId: string;
  locale?: Locale;
  displayName(userId: string): string;
  avatarUrl?(userId: string): string | undefined;
  onAccepted?(invitation: Invitation): void;
  onEnded?(invitation: Invitation, ending: CallEnding): void;
  /** How long "Missed call" / "No answer" / "Call declined" stays before the dialog closes. */
  noticeMs: number;
  /** What the dialog is modal to (default the page). */
  scope?: ModalScope;
  onDone(): void;
}

type Notice = 'missed' | 'noAnswer' | 'declined';

function endingOf(
  inv: Invitation,
  mine: InviteeState | null,
  direction: 'incoming' | 'outgoing',
  acted: string | null,
): { ending: CallEnding; notice: Notice | null } {
  if (direction === 'incoming') {
    if (mine === 'timeout') return { ending: 'timeout', notice: 'missed' };
    if (mine === 'cancelled') return { ending: 'cancelled', notice: null };
    if (mine === 'accepted') return { ending: acted === 'accept' ? 'accepted' : 'answeredElsewhere', notice: null };
    return { ending: acted === 'reject' ? 'declined' : 'answeredElsewhere', notice: null };
  }
  const states = Object.values(inv.states);
  if (states.includes('accepted')) return { ending: 'accepted', notice: null };
  if (states.every((s) => s === 'cancelled')) return { ending: 'cancelled', notice: null };
  if (states.includes('timeout')) return { ending: 'timeout', notice: 'noAnswer' };
  return { ending: 'declined', notice: 'declined' };
}

export function InvitationDialog({
  inviteId,
  locale,
  displayName,
  avatarUrl,
  onAccepted,
  onEnded,
  noticeMs,
  onDone,
  scope = 'page',
}: InvitationDialogProps): ReactNode {
  const t = useStrings(locale).call;
  const one = useInvitation(inviteId);
  const inv = one.invitation;
  const dialog = useRef<HTMLDialogElement>(null);
  const acted = useRef<'accept' | 'reject' | 'cancel' | null>(null);
  const acceptedSeen = useRef(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const descId = useId();
  // Focus goes to the dialog itself, not to a button: a call that rings while someone types must
  // not be answered (or declined) by their next Enter (WAI-ARIA: the least destructive choice).
  useModalDialog(dialog, scope, inv !== undefined && one.direction !== null);

  // The caller hands the call to its media layer at the first accept.
  useEffect(() => {
    if (!inv || one.direction !== 'outgoing' || acceptedSeen.current) return;
    if (Object.values(inv.states).includes('accepted')) {
      acceptedSeen.current = true;
      onAccepted?.(inv);
    }
  }, [inv, one.direction, onAccepted]);

  // Closing runs once per closing, with the callbacks as they are at that moment: a parent that
  // re-renders with new ones must not end the call again.
  const atClose = useRef({ onEnded, onDone, noticeMs });
  useEffect(() => {
    atClose.current = { onEnded, onDone, noticeMs };
  });

  // Closed by anyone, anywhere: end now, or after a short notice.
  const myState = one.myState;
  useEffect(() => {
    if (!inv || one.open || one.direction === null || one.loading) return;
    const { ending, notice: n } = endingOf(inv, myState, one.direction, acted.current);
    const { onEnded: ended, onDone: done, noticeMs: ms } = atClose.current;
    ended?.(inv, ending);
    if (!n) {
      done();
      return;
    }
    setNotice(n);
    dialog.current?.focus();
    const timer = setTimeout(done, ms);
    return () => clearTimeout(timer);
  }, [inv, myState, one.open, one.direction, one.loading]);

  if (!inv || one.direction === null) return null;
  const incoming = one.direction === 'incoming';
  const video = callTypeOf(inv.data) === 'video';
  const run = async (kind: 'accept' | 'reject' | 'cancel') => {
    if (busy) return;
    acted.current = kind;
    setBusy(true);
    setError(null);
    try {
      const result =
        kind === 'accept' ? await one.accept() : kind === 'reject' ? await one.reject() : await one.cancel();
      if (kind === 'accept') onAccepted?.(result);
    } catch (e) {
      acted.current = null;
      setError(t.actionFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };
  // Escape only dismisses an ending's notice; a ringing call is answered or declined on purpose.
  const escape = () => {
    if (notice) onDone();
  };

  const others = incoming ? [inv.inviter] : inv.invitees;
  const names = others.map(displayName).join(', ');
  const kindLine = incoming ? (video ? t.incomingVideo : t.incomingVoice) : video ? t.outgoingVideo : t.outgoingVoice;
  const noticeText =
    notice === 'missed' ? t.missedCall : notice === 'noAnswer' ? t.noAnswer : notice === 'declined' ? t.declined : null;
  const stateLabel: Record<InviteeState, string> = {
    pending: t.statePending,
    accepted: t.stateAccepted,
    rejected: t.stateRejected,
    timeout: t.stateTimeout,
    cancelled: t.stateCancelled,
  };

  return (
    <dialog
      ref={dialog}
      className="natter-call__backdrop"
      aria-labelledby={titleId}
      aria-describedby={descId}
      tabIndex={-1}
      data-direction={one.direction}
      data-media={video ? 'video' : 'audio'}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        escape();
      }}
    >
      <div className="natter-call">
        <Avatar
          id={incoming ? inv.inviter : inv.groupId !== undefined ? `group:${inv.groupId}` : (inv.invitees[0] ?? '')}
          name={incoming ? displayName(inv.inviter) : names}
          src={incoming ? (avatarUrl?.(inv.inviter) ?? null) : null}
          size={64}
        />
        <h2 id={titleId} className="natter-call__title">
          {incoming ? displayName(inv.inviter) : t.calling(names)}
        </h2>
        <p id={descId} className="natter-call__kind">
          {kindLine}
          {inv.groupId !== undefined && <GroupLine groupId={inv.groupId} format={t.inGroup} />}
        </p>
        {noticeText ? (
          <p className="natter-call__notice" role="status">
            {noticeText}
          </p>
        ) : (
          <>
            {one.secondsLeft !== null && (
              <p className="natter-call__countdown" role="timer" aria-label={t.countdownLabel}>
                {t.secondsLeft(one.secondsLeft)}
              </p>
            )}
            {!incoming && inv.invitees.length > 1 && (
              <ul className="natter-call__answers" aria-label={t.answersLabel}>
                {inv.invitees.map((u) => (
                  <li key={u} data-state={inv.states[u]}>
                    <span className="natter-call__invitee">{displayName(u)}</span>{' '}
                    <span className="natter-call__state">{stateLabel[inv.states[u] ?? 'pending']}</span>
                  </li>
                ))}
              </ul>
            )}
            {error && (
              <p className="natter-call__error" role="alert">
                {error}
              </p>
            )}
            <div className="natter-call__actions">
              {incoming ? (
                <>
                  <button
                    type="button"
                    className="natter-call__decline"
                    disabled={busy}
                    onClick={() => void run('reject')}
                  >
                    {t.decline}
                  </button>
                  <button
                    type="button"
                    className="natter-call__accept"
                    disabled={busy}
                    onClick={() => void run('accept')}
                  >
                    {t.accept}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="natter-call__cancel"
                  disabled={busy}
                  onClick={() => void run('cancel')}
                >
                  {t.cancel}
                </button>
              )}
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}

function GroupLine({ groupId, format }: { groupId: string; format(name: string): string }): ReactNode {
  const name = useGroupName(groupId) ?? groupId;
  return <span className="natter-call__group"> · {format(name)}</span>;
}
