// Owns the WebIM roster over natter's contacts. natter has no friend
// requests: a user's contacts are the users they share a single chat or a
// group with (the same rule the server uses for presence and profiles). So
// `getRoster` lists those contacts as mutual (`subscription: 'both'`), and
// onRoster reports the changes Easemob's roster pushes report: a contact
// appearing (a first single-chat message, a shared group) and one going away
// (`subscription: 'remove'`, after leaving or losing the last shared group).
import type { ChatClient, ChatClientEvents } from '../../client/chat-client-types';
import type { Message, UserId } from '../../protocol/message';
import type { RosterItem } from './types';

/** The Easemob JID of `user` in app `appKey` (`org#app` → `org#app_user@easemob.com`). */
function jidOf(appKey: string, user: UserId): string {
  return `${appKey}_${user}@easemob.com`;
}

export function rosterItem(appKey: string, user: UserId, subscription: RosterItem['subscription']): RosterItem {
  return { name: user, jid: jidOf(appKey, user), subscription, groups: [] };
}

/** Everyone `client`'s user shares a single chat or a group with, sorted. */
export async function contactsOf(client: ChatClient): Promise<UserId[]> {
  const [conversations, groups] = await Promise.all([client.conversations(), client.groups()]);
  const contacts = new Set<UserId>();
  for (const c of conversations) if (c.type === 'single') contacts.add(c.target);
  for (const g of groups) for (const m of g.members) contacts.add(m);
  contacts.delete(client.user);
  return [...contacts].sort();
}

const MEMBERSHIP_CHANGES: ReadonlySet<ChatClientEvents['group']['action']> = new Set([
  'created',
  'joined',
  'memberAdded',
  'memberRemoved',
  'left',
  'destroyed',
]);

/**
 * Follows one connection's contacts and reports each change once. Every step
 * runs on one queue, so a message from a new user that arrives while the
 * contacts are being loaded is not reported a second time.
 */
export class RosterTracker {
  private known: Set<UserId> | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: ChatClient,
    private readonly appKey: string,
    private readonly report: (items: RosterItem[]) => void,
  ) {}

  /**
   * Loads the contacts as they are now (reported by no one: Easemob reports the first roster only to
   * getRoster); settles once they are loaded (never rejects).
   */
  start(): Promise<void> {
    return this.enqueue(async () => {
      this.known = new Set(await contactsOf(this.client));
    });
  }

  /** A message: its single-chat peer becomes a contact. */
  message(m: Message): void {
    if (m.chatType !== 'single') return;
    const peer = m.from === this.client.user ? m.to : m.from;
    void this.enqueue(() => {
      if (!this.known || this.known.has(peer) || peer === this.client.user) return;
      this.known.add(peer);
      this.report([rosterItem(this.appKey, peer, 'both')]);
    });
  }

  /** A group membership change: contacts are counted again and the difference reported. */
  group(action: ChatClientEvents['group']['action']): void {
    if (!MEMBERSHIP_CHANGES.has(action)) return;
    void this.enqueue(async () => {
      if (!this.known) return;
      const now = new Set(await contactsOf(this.client));
      const changes: RosterItem[] = [];
      for (const u of now) if (!this.known.has(u)) changes.push(rosterItem(this.appKey, u, 'both'));
      for (const u of this.known) if (!now.has(u)) changes.push(rosterItem(this.appKey, u, 'remove'));
      this.known = now;
      if (changes.length > 0) this.report(changes);
    });
  }

  private enqueue(step: () => Promise<void> | void): Promise<void> {
    // A failed step (the connection closed meanwhile) leaves the last known roster; the next change counts again.
    this.queue = this.queue.then(step).catch(() => undefined);
    return this.queue;
  }
}
