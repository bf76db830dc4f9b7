// Owns CallInviteModal: shows the oldest open call invitation of this user
// (incoming first, else one this user is making) as a modal dialog, one at a
// time, and moves on to the next once it ends. Reads only useInvitation.
// The dialog's code is its own chunk, fetched as soon as the modal mounts: a
// chat screen should not pay for calls in its first load, yet a call that rings
// later must not wait for the network.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Invitation } from '../../protocol/invitation';
import { useInvitation } from '../../react';
import type { Locale } from '../i18n';
import type { CallEnding } from './invitation-dialog';

type DialogModule = typeof import('./invitation-dialog');

let dialogModule: Promise<DialogModule> | null = null;

/** The dialog's chunk; a failed fetch is forgotten so the next call tries again. */
function loadDialog(): Promise<DialogModule> {
  dialogModule ??= import('./invitation-dialog').catch((e: unknown) => {
    dialogModule = null;
    throw e;
  });
  return dialogModule;
}

/** The dialog module once loaded; fetched on mount, and again while `needed` if a fetch failed. */
function useDialogModule(needed: boolean): DialogModule | null {
  const [loaded, setLoaded] = useState<DialogModule | null>(null);
  const attempt = needed && loaded === null;
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadDialog().then(
      (m) => live && setLoaded(m),
      (e: unknown) => console.error('natter: the call dialog could not be loaded', e),
    );
    return () => {
      live = false;
    };
  }, [attempt, loaded]);
  return loaded;
}

export interface CallInviteModalProps {
  /** The accepted invitation, for a media layer to start the call: the callee's own accept, or the caller's first invitee accepting. */
  onAccepted?(invitation: Invitation): void;
  /** Every ending, with why. */
  onEnded?(invitation: Invitation, ending: CallEnding): void;
  /** Names for user ids (default: the id). */
  displayName?(userId: string): string;
  avatarUrl?(userId: string): string | undefined;
  locale?: Locale;
  /** How long "Missed call", "No answer" or "Call declined" shows before closing (default 3000 ms). */
  noticeMs?: number;
}

const identity = (id: string): string => id;

export function CallInviteModal({ onAccepted, onEnded, displayName = identity, avatarUrl, locale, noticeMs = 3000 }: CallInviteModalProps): ReactNode {
  const { incoming, outgoing } = useInvitation();
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

  const dialog = useDialogModule(shown !== null);
  if (shown === null || dialog === null) return null;
  const { InvitationDialog } = dialog;
  return (
    <InvitationDialog
      key={shown}
      inviteId={shown}
      displayName={displayName}
      noticeMs={noticeMs}
      onDone={done}
      {...(avatarUrl ? { avatarUrl } : {})}
      {...(onAccepted ? { onAccepted } : {})}
      {...(onEnded ? { onEnded } : {})}
      {...(locale !== undefined ? { locale } : {})}
    />
  );
}
