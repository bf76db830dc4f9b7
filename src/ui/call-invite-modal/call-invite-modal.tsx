// Owns CallInviteModal: shows the oldest open call invitation of this user
// (incoming first, else one this user is making) as a modal dialog, one at a
// time, and moves on to the next once it ends. Reads only useInvitations.
// The dialog's code is its own chunk, fetched once the connection is open (a
// call can only ring over it): a chat screen should not pay for calls in its
// first load or its first paint, yet a call that rings later must not wait for
// the network.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Invitation } from '../../protocol/invitation';
import { useConnectionState, useDisplayName, useInvitations } from '../../react';
import type { Locale } from '../i18n';
import { lazyChunk, useLazyChunk } from '../lazy-chunk';
import type { ModalScope } from '../modal-dialog';
import type { CallEnding } from './invitation-dialog';

const dialogChunk = lazyChunk(() => import('./invitation-dialog'), 'call dialog');

export interface CallInviteModalProps {
  /** The accepted invitation, for a media layer to start the call: the callee's own accept, or the caller's first invitee accepting. */
  onAccepted?(invitation: Invitation): void;
  /** Every ending, with why. */
  onEnded?(invitation: Invitation, ending: CallEnding): void;
  /** How a user is named (default: their profile's display name, else the id; useDisplayName). */
  displayName?(userId: string): string;
  avatarUrl?(userId: string): string | undefined;
  locale?: Locale;
  /** How long "Missed call", "No answer" or "Call declined" shows before closing (default 3000 ms). */
  noticeMs?: number;
  /**
   * What the dialog is modal to: 'page' (default; native modal dialog, the rest of the page inert)
   * or 'chat' (only the enclosing `Chat` — for pages showing several chats side by side).
   */
  scope?: ModalScope;
}

export function CallInviteModal({
  onAccepted,
  onEnded,
  displayName: ownName,
  avatarUrl,
  locale,
  noticeMs = 3000,
  scope = 'page',
}: CallInviteModalProps): ReactNode {
  const profileName = useDisplayName();
  const displayName = ownName ?? profileName;
  const { incoming, outgoing } = useInvitations();
  const [current, setCurrent] = useState<string | null>(null);
  const finished = useRef(new Set<string>());
  const candidate = [...incoming, ...outgoing].find((v) => !finished.current.has(v.inviteId))?.inviteId ?? null;
  // Once shown, an invitation stays until its dialog ends, even after it leaves the open lists.
  const shown = current ?? candidate;
  if (shown !== null && current === null) setCurrent(shown);

  const done = useCallback(() => {
    setCurrent((id) => {
      if (id !== null) finished.current.add(id);
      return null;
    });
  }, []);

  // Fetched once connected (so a call does not wait for the network), again per call after a failure.
  // Not at mount: a reload drawing the cached chat would compile and run it before that first paint.
  const connected = useConnectionState().state === 'open';
  const dialog = useLazyChunk(dialogChunk, shown ?? (connected ? 'connected' : undefined));
  if (shown === null || dialog === null) return null;
  const { InvitationDialog } = dialog;
  return (
    <InvitationDialog
      key={shown}
      inviteId={shown}
      displayName={displayName}
      noticeMs={noticeMs}
      scope={scope}
      onDone={done}
      {...(avatarUrl ? { avatarUrl } : {})}
      {...(onAccepted ? { onAccepted } : {})}
      {...(onEnded ? { onEnded } : {})}
      {...(locale !== undefined ? { locale } : {})}
    />
  );
}
