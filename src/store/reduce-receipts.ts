// Owns receipts for this user's own messages: who received and who read each
// one, the group read counts the server pushes, and channel acks (a peer read
// everything up to a seq). All updates are idempotent and only move forward.
import { parseConversationId, type ConversationId } from '../protocol/ids';
import type { HistoryPage } from '../protocol/frames';
import type { UserId } from '../protocol/message';
import type { StoreDraft } from './store-draft';

/** Receipt state the server reports with a conversation summary or a history page. */
export type ReceiptState = Pick<HistoryPage, 'peerReadSeq' | 'peerDeliveredSeq' | 'groupReadCounts'>;

function addUser(record: Record<string, readonly UserId[]>, serverId: string, user: UserId): void {
  const list = record[serverId];
  if (!list) record[serverId] = [user];
  else if (!list.includes(user)) record[serverId] = [...list, user];
}

function alreadyHas(
  d: StoreDraft,
  conversation: ConversationId,
  kind: 'delivered' | 'read',
  serverId: string,
  user: UserId,
): boolean {
  const drafted = d.receipts.get(conversation);
  const list = drafted ? drafted[kind][serverId] : d.base.receipts[conversation]?.[kind][serverId];
  return !!list && list.includes(user);
}

/** A conversation-wide marker or count as this batch currently sees it (0 when unknown). */
function markOf(
  d: StoreDraft,
  conversation: ConversationId,
  kind: 'groupReadCount' | 'ackedUpTo' | 'deliveredUpTo',
  key: string,
): number {
  return d.receipts.get(conversation)?.[kind][key] ?? d.base.receipts[conversation]?.[kind][key] ?? 0;
}

/** True when `by` is the other user of the single chat `conversation`. */
function isSinglePeer(conversation: ConversationId, by: UserId): boolean {
  const parsed = parseConversationId(conversation);
  return parsed?.type === 'single' && parsed.target === by;
}

/** Raises a single-chat peer's delivered marker to `seq` (it only moves forward). */
function raiseDelivered(d: StoreDraft, conversation: ConversationId, peer: UserId, seq: number): void {
  if (seq > markOf(d, conversation, 'deliveredUpTo', peer)) d.receiptsOf(conversation).deliveredUpTo[peer] = seq;
}

/**
 * A delivery receipt. In a single chat it also covers every earlier message (`seq`, when the
 * server sends it): the list a reload fetches shows them delivered, so the live view does too,
 * whichever of the two the client saw first.
 */
export function onDelivered(
  d: StoreDraft,
  conversation: ConversationId,
  serverId: string,
  by: UserId,
  seq?: number,
): void {
  if (seq !== undefined && isSinglePeer(conversation, by)) raiseDelivered(d, conversation, by, seq);
  if (alreadyHas(d, conversation, 'delivered', serverId, by)) return;
  addUser(d.receiptsOf(conversation).delivered, serverId, by);
}

/** A read receipt; in a single chat, like the peer's channel ack up to `seq` (read implies delivered). */
export function onRead(d: StoreDraft, conversation: ConversationId, serverId: string, by: UserId, seq?: number): void {
  if (seq !== undefined && isSinglePeer(conversation, by)) onChannelAck(d, conversation, by, seq);
  if (alreadyHas(d, conversation, 'read', serverId, by)) return;
  const r = d.receiptsOf(conversation);
  addUser(r.read, serverId, by);
  addUser(r.delivered, serverId, by); // reading implies receiving
}

export function onGroupRead(
  d: StoreDraft,
  conversation: ConversationId,
  serverId: string,
  by: UserId,
  count: number,
): void {
  const known = markOf(d, conversation, 'groupReadCount', serverId);
  if (count <= known && alreadyHas(d, conversation, 'read', serverId, by)) return;
  const r = d.receiptsOf(conversation);
  r.groupReadCount[serverId] = Math.max(known, count);
  addUser(r.read, serverId, by);
}

/**
 * The server's receipt state for a conversation (from the conversation list or a history page):
 * the single-chat peer's read and delivered markers, and group read counts of own messages. It
 * covers receipts given while this client was away; like live receipts it only moves forward.
 */
export function onReceiptState(d: StoreDraft, conversation: ConversationId, state: ReceiptState): void {
  const parsed = parseConversationId(conversation);
  if (parsed?.type === 'single' && parsed.target !== d.user) {
    const peer = parsed.target;
    if (state.peerReadSeq) onChannelAck(d, conversation, peer, state.peerReadSeq);
    raiseDelivered(d, conversation, peer, Math.max(state.peerDeliveredSeq ?? 0, state.peerReadSeq ?? 0));
  }
  for (const [serverId, count] of Object.entries(state.groupReadCounts ?? {})) {
    if (count > markOf(d, conversation, 'groupReadCount', serverId))
      d.receiptsOf(conversation).groupReadCount[serverId] = count;
  }
}

export function onChannelAck(d: StoreDraft, conversation: ConversationId, by: UserId, upToSeq: number): void {
  if (by === d.user) return; // own acks move the read marker (readState), not receipts
  if (upToSeq <= markOf(d, conversation, 'ackedUpTo', by)) return;
  d.receiptsOf(conversation).ackedUpTo[by] = upToSeq;
}
