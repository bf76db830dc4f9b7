// Owns the shape of the store's people slice: the profiles and presence this
// client has learnt (answers it asked for and changes the server pushed), by
// user. Reduced by reduce-people.ts.
import type { UserId } from '../protocol/message';
import type { Presence, Profile } from '../protocol/people';

export interface PeopleSlice {
  profiles: ReadonlyMap<UserId, Profile>;
  presence: ReadonlyMap<UserId, Presence>;
}

export const EMPTY_PEOPLE: PeopleSlice = Object.freeze({
  profiles: new Map<UserId, Profile>(),
  presence: new Map<UserId, Presence>(),
});
