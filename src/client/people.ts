// Owns the client's calls for people and finding things: profiles, presence,
// the directory, message search and the history around a message. They are
// functions over any ChatClient (its typed `request`), so an app that uses
// none of them ships none of them. Pushed `presence` and `profile` events
// arrive as ChatClient events like every other.
import type { ConversationId } from '../protocol/ids';
import type { UserId } from '../protocol/message';
import type { HistoryWindow, MessageSearchPage, NewerPage, Presence, Profile, ProfileUpdate } from '../protocol/people';
import type { ChatClient } from './chat-client-types';

/** Changes this user's profile; returns it as others now see it. */
export async function setProfile(client: ChatClient, update: ProfileUpdate): Promise<Profile> {
  return (await client.request('profile.set', update)).profile;
}

/** Profiles of the users this user may see, in the order asked (others left out). */
export async function getProfiles(client: ChatClient, users: UserId[]): Promise<Profile[]> {
  return (await client.request('profile.get', { users })).profiles;
}

/** Directory: users whose name, a word of it, or id starts with `query` (case-insensitive). */
export async function searchUsers(
  client: ChatClient,
  query: string,
  options: { limit?: number } = {},
): Promise<Profile[]> {
  return (await client.request('users.search', { query, ...options })).profiles;
}

/** Presence of users (those this user may not see come back offline). */
export async function getPresence(client: ChatClient, users: UserId[]): Promise<Presence[]> {
  return (await client.request('presence.get', { users })).presence;
}

/** Tells the server this device is active or idle (e.g. on `visibilitychange`). */
export async function setPresence(client: ChatClient, status: 'online' | 'away'): Promise<void> {
  await client.request('presence.set', { status });
}

export interface SearchMessagesOptions {
  /** Search one conversation only (refused with 602/605/4043 when this user cannot read it). */
  conversation?: ConversationId;
  /** `cursor` of the previous page. */
  cursor?: string;
  limit?: number;
}

/** Full-text search in the conversations this user can read, newest first. */
export function searchMessages(
  client: ChatClient,
  query: string,
  options: SearchMessagesOptions = {},
): Promise<MessageSearchPage> {
  return client.request('search', { query, ...options });
}

/** The messages around one (jump to a message): `limit` on each side. */
export function historyAround(
  client: ChatClient,
  serverId: string,
  options: { limit?: number } = {},
): Promise<HistoryWindow> {
  return client.request('history.around', { serverId, ...options });
}

/** Messages newer than `after` (a seq), oldest first. */
export function historyAfter(
  client: ChatClient,
  conversation: ConversationId,
  after: number,
  options: { limit?: number } = {},
): Promise<NewerPage> {
  return client.request('history.after', { conversation, after, ...options });
}
