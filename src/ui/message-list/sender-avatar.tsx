// Owns the sender's avatar beside others' bubbles in group conversations and
// chat rooms: drawn on the first message of a run by one sender (the run's
// other bubbles keep the gutter empty), with the profile picture when the
// sender has one, else initials. Decorative: the row already reads out who
// sent it. Positioned out of flow, so whether a row starts a run (which
// changes when older pages load above it) never changes the row's height.
import type { ReactNode } from 'react';
import { useProfile } from '../../react';
import { Avatar } from '../conversation-list/avatar';

/** Avatar diameter in px (the list's gutter in group conversations is sized from it in the CSS). */
const SIZE = 28;

export function SenderAvatar({ user, name }: { user: string; name: string }): ReactNode {
  const profile = useProfile(user);
  return (
    <span className="natter-message-avatar">
      <Avatar id={user} name={name} src={profile?.avatar ?? null} size={SIZE} />
    </span>
  );
}
