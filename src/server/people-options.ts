// Owns the options of people and finding things: who may read profiles and
// search the directory, the hook that fills profiles from an app's own user
// database, presence on or off, and how presence fan-out yields the event loop.
import type { UserId } from '../protocol/message';
import type { Profile } from '../protocol/people';
import type { Awaitable } from './people-storage';

/** A profile as an app's user database knows it: whatever it sets wins over what the user set. */
export type SourceProfile = { user: UserId } & Partial<Pick<Profile, 'name' | 'avatar' | 'fields'>>;

/** Fills profiles from the app's own user database instead of (or on top of) what users set. */
export interface ProfileSource {
  /** The users it knows among `users` (others are left out). */
  get(users: UserId[]): Awaitable<SourceProfile[]>;
  /** Directory search in the app's database (prefix of name or id, case-insensitive); optional. */
  search?(query: string, limit: number): Awaitable<SourceProfile[]>;
}

export interface PeopleOptions {
  /** Every user may read every profile and search the whole directory. Default false: only users who share a conversation or a group. */
  publicDirectory?: boolean;
  profiles?: ProfileSource;
  /** false turns presence off: everyone is reported offline and nothing is pushed. Default true. */
  presence?: boolean;
  /** Recipients served per turn of the event loop when presence or a profile change fans out (default 200). */
  fanoutBatch?: number;
  /** Schedules the next fan-out batch on a later turn. Default `setImmediate` where it exists, else `setTimeout(fn, 0)`. */
  yieldTurn?: (next: () => void) => void;
}
