// Owns asking the server for the profiles and presence that something on
// screen needs and the store does not have: the users wanted until the frame
// that shows them is painted go out as one profile.get and one presence.get
// (a list of 50 conversations is two requests, not 100), each user once per
// connection. The answers reach the store through the client's input stream
// like any other; nothing here writes to the store.
import { getPresence, getProfiles } from '../client/people';
import type { ChatClient } from '../client/chat-client-types';
import type { UserId } from '../protocol/message';
import { frameScheduler } from '../store/ingest-queue';

export interface PeopleLoader {
  /**
   * Asks for these users' profiles (and presence, with `presence`) unless already asked on this
   * connection. `ready`: the client is welcomed; a call while it is not marks what was asked as
   * stale (presence changes while offline are not pushed), so it is asked again once it is.
   */
  want(users: readonly UserId[], presence: boolean, ready: boolean): void;
}

interface Asked {
  profiles: Set<UserId>;
  presence: Set<UserId>;
}

const loaders = new WeakMap<ChatClient, PeopleLoader>();

function createLoader(client: ChatClient): PeopleLoader {
  const asked: Asked = { profiles: new Set(), presence: new Set() };
  let stale = false;
  let queued: Asked | null = null;

  const flush = () => {
    const q = queued as Asked;
    queued = null;
    // A failed request is forgotten so that a later render asks again.
    if (q.profiles.size > 0)
      getProfiles(client, [...q.profiles]).catch(() => q.profiles.forEach((u) => asked.profiles.delete(u)));
    if (q.presence.size > 0)
      getPresence(client, [...q.presence]).catch(() => q.presence.forEach((u) => asked.presence.delete(u)));
  };
  const ask = (set: 'profiles' | 'presence', u: UserId) => {
    if (asked[set].has(u)) return;
    asked[set].add(u);
    if (!queued) {
      queued = { profiles: new Set(), presence: new Set() };
      // After the frame that asked is painted (a task posted from a frame), or soon where frames
      // stop: rows ask from their first render, and an in-page server would answer within the same
      // task, drawing every row again before the list's first paint.
      frameScheduler(() => setTimeout(flush));
    }
    queued[set].add(u);
  };

  return {
    want(users, presence, ready) {
      if (!ready) {
        stale = true;
        return;
      }
      if (stale) {
        stale = false;
        asked.profiles.clear();
        asked.presence.clear();
      }
      for (const u of users) {
        ask('profiles', u);
        if (presence) ask('presence', u);
      }
    },
  };
}

/** The loader of `client`, shared by every hook of every provider on it. */
export function peopleLoader(client: ChatClient): PeopleLoader {
  let loader = loaders.get(client);
  if (!loader) loaders.set(client, (loader = createLoader(client)));
  return loader;
}
