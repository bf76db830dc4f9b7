// Owns the people hooks: a user's profile, their presence, and the display
// name function natter's components show users by. Each reads the store (kept
// live by pushed `profile` and `presence` events) and asks for what it lacks
// through the shared people loader.
import { useCallback, useEffect } from 'react';
import type { UserId } from '../protocol/message';
import type { Presence, Profile } from '../protocol/people';
import { selectPresence, selectProfile } from '../store/selectors';
import { useChatContext } from './chat-context';
import { useChatSelector } from './use-chat-selector';
import { peopleLoader } from './people-loader';

function useWant(user: UserId | undefined, presence: boolean): void {
  const { client } = useChatContext();
  const ready = useChatSelector((s) => s.connection.ready);
  useEffect(() => {
    if (user) peopleLoader(client).want([user], presence, ready);
  }, [client, user, presence, ready]);
}

/** `user`'s profile as this user may see it; undefined until known (or for users they may not see). */
export function useProfile(user: UserId | undefined): Profile | undefined {
  useWant(user, false);
  return useChatSelector((s) => (user ? selectProfile(s, user) : undefined));
}

/** `user`'s presence (online, away, offline with last seen); undefined until known. Updated live for contacts. */
export function usePresence(user: UserId | undefined): Presence | undefined {
  useWant(user, true);
  return useChatSelector((s) => (user ? selectPresence(s, user) : undefined));
}

/**
 * A function from user id to the name to show: the profile's display name, else the id. Names it
 * is asked for and does not know are fetched (batched), and the components re-render with them.
 */
export function useDisplayName(): (user: UserId) => string {
  const { client } = useChatContext();
  const ready = useChatSelector((s) => s.connection.ready);
  const profiles = useChatSelector((s) => s.people.profiles);
  return useCallback(
    (user: UserId) => {
      const p = profiles.get(user);
      // Asked from render, where virtualized rows call it: the loader only queues a microtask (no
      // state is set), and asks each user once.
      if (!p) peopleLoader(client).want([user], false, ready);
      return p?.name || user;
    },
    [client, ready, profiles],
  );
}
