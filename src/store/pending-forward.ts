// Owns what this user's waiting forwards and pins show outside the message
// they change: a forward as a pending row at the end of the conversation it
// goes to (keyed by its localId like the copy the server will store, so the
// row gives way to that copy without a flash, and left out once the copy is
// there), and a pin or unpin in the conversation's pin list at once. Part of
// the waiting-change overlay (pending-change-view.ts), loaded lazily with it.
import type { PendingChange } from '../client/pending-change';
import type { PinnedMessage } from '../protocol/features';
import { parseConversationId, type ConversationId } from '../protocol/ids';
import type { Message, UserId } from '../protocol/message';
import type { ChatMessage } from './chat-message';

type PendingChanges = ReadonlyMap<string, readonly PendingChange[]>;

/** How far back from the newest message a forward's stored copy is looked for. */
const RECENT = 50;

const views = new WeakMap<PendingChange, ChatMessage>();

function storedAlready(items: readonly Message[], user: UserId, localId: string): boolean {
  for (let i = items.length - 1; i >= 0 && i >= items.length - RECENT; i--) {
    const m = items[i] as Message;
    if (m.localId === localId && m.from === user) return true;
  }
  return false;
}

function forwardView(c: PendingChange, to: ConversationId, localId: string, user: UserId): ChatMessage {
  const hit = views.get(c);
  if (hit) return hit;
  const target = parseConversationId(to);
  const body = c.change.type === 'forward' ? c.change.body : null;
  const view: ChatMessage = {
    key: `${user}/${localId}`,
    localId,
    serverId: null,
    seq: null,
    from: user,
    to: target?.target ?? to,
    chatType: target?.type ?? 'single',
    conversation: to,
    ts: c.at,
    body: body ?? { type: 'txt', msg: '…' },
    ext: undefined,
    config: undefined,
    own: true,
    status: c.error ? 'failed' : 'pending',
    error: c.error ?? null,
    progress: null,
    readCount: 0,
    message: null,
    changing: !c.error,
    waiting: [c],
  };
  views.set(c, view);
  return view;
}

/** Rows of the forwards to `conversation` that wait (or were refused), oldest first. */
export function forwardViews(
  changes: PendingChanges,
  conversation: ConversationId,
  items: readonly Message[],
  user: UserId,
): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const list of changes.values()) {
    for (const c of list) {
      if (c.change.type !== 'forward' || c.change.to !== conversation) continue;
      if (storedAlready(items, user, c.change.localId)) continue;
      out.push(forwardView(c, conversation, c.change.localId, user));
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

function findMessage(items: readonly Message[], serverId: string): Message | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (items[i]?.serverId === serverId) return items[i];
  return undefined;
}

export interface PinsWithChanges {
  pins: readonly PinnedMessage[];
  /** serverIds whose pin or unpin waits. */
  waiting: ReadonlySet<string>;
  /** The loaded messages of pins that wait. */
  messages: readonly Message[];
}

/**
 * A conversation's pins with this user's waiting pins and unpins applied (the last one of each
 * message wins, as the server applies them in order); `items` are its loaded messages, which say
 * whether a waiting pin is of this conversation.
 */
export function pinsWithChanges(
  pins: readonly PinnedMessage[],
  changes: PendingChanges,
  items: readonly Message[] | undefined,
  user: UserId,
): PinsWithChanges {
  // Kept per conversation (its messages, or its pins when none are loaded).
  const key = items ?? pins;
  const last = lastPins.get(key);
  if (last?.changes === changes && last.pins === pins && last.user === user) return last.out;
  const out = applyPins(pins, changes, items ?? [], user);
  lastPins.set(key, { changes, pins, user, out });
  return out;
}

/** The last answer of pinsWithChanges per conversation: a hook asks again on every render. */
const lastPins = new WeakMap<
  object,
  { changes: PendingChanges; pins: readonly PinnedMessage[]; user: UserId; out: PinsWithChanges }
>();

function applyPins(
  pins: readonly PinnedMessage[],
  changes: PendingChanges,
  items: readonly Message[],
  user: UserId,
): PinsWithChanges {
  let out = pins;
  const waiting = new Set<string>();
  const messages: Message[] = [];
  for (const [serverId, list] of changes) {
    let last: PendingChange | undefined;
    for (const c of list) if (c.change.type === 'pin' && !c.error) last = c;
    if (!last || last.change.type !== 'pin') continue;
    const pinned = out.some((p) => p.serverId === serverId);
    const m = findMessage(items, serverId);
    if (!m && !pinned) continue; // another conversation's message
    waiting.add(serverId);
    if (m) messages.push(m);
    if (last.change.unpin && pinned) out = out.filter((p) => p.serverId !== serverId);
    else if (!last.change.unpin && !pinned) out = [{ serverId, by: user, at: last.at }, ...out];
  }
  return { pins: out, waiting, messages };
}
