// Owns how profiles and presence change the store: the latest of each user's
// profile (an answer that comes after a pushed change must not bring the old
// one back, so the later `updatedAt` wins) and each user's latest presence.
import type { UserId } from '../protocol/message';
import type { Presence, Profile } from '../protocol/people';
import type { PeopleSlice } from './people-slice';
import type { StoreDraft } from './store-draft';

interface PeopleDraft {
  profiles: Map<UserId, Profile> | null;
  presence: Map<UserId, Presence> | null;
}

// A batch's people changes, beside the draft (one per batch, dropped with it).
const drafts = new WeakMap<StoreDraft, PeopleDraft>();

function draftOf(d: StoreDraft): PeopleDraft {
  let p = drafts.get(d);
  if (!p) drafts.set(d, (p = { profiles: null, presence: null }));
  return p;
}

export function onProfiles(d: StoreDraft, profiles: readonly Profile[]): void {
  const p = draftOf(d);
  for (const profile of profiles) {
    const current = (p.profiles ?? d.base.people.profiles).get(profile.user);
    if (current && current.updatedAt > profile.updatedAt) continue;
    p.profiles ??= new Map(d.base.people.profiles);
    p.profiles.set(profile.user, profile);
  }
}

export function onPresence(d: StoreDraft, presence: readonly Presence[]): void {
  if (presence.length === 0) return;
  const p = draftOf(d);
  p.presence ??= new Map(d.base.people.presence);
  for (const x of presence) p.presence.set(x.user, x);
}

/** The people slice after the batch (the base one when the batch changed none). */
export function commitPeople(d: StoreDraft): PeopleSlice {
  const p = drafts.get(d);
  const base = d.base.people;
  if (!p || (!p.profiles && !p.presence)) return base;
  return { profiles: p.profiles ?? base.profiles, presence: p.presence ?? base.presence };
}
