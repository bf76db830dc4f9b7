// Owns counting group read receipts from a channel ack: when a member marks a
// group conversation read (what natter's MessageList does on view), every
// message in the newly read range that was sent with allowGroupAck by someone
// else gets this member's read receipt, and its sender gets the new count
// (`groupRead`), exactly as if a receipt had been sent per message.
import type { UserId } from '../protocol/message';
import type { CachedStorage } from './cached-storage';
import type { CoreContext } from './context';
import { viewerConversationId } from './conversation-key';
import type { ConversationKey } from './storage';

const PAGE = 500;
/** Messages scanned per ack at most: a member catching up on a huge backlog counts its newest ones. */
const MAX_SCANNED = 10_000;

/** Read receipts for `reader` on the allowGroupAck messages with `fromSeq < seq <= upToSeq`. */
export async function groupReadsFromAck(
  ctx: CoreContext,
  storage: CachedStorage,
  reader: UserId,
  key: ConversationKey,
  fromSeq: number,
  upToSeq: number,
): Promise<void> {
  let before = upToSeq + 1;
  for (let scanned = 0; scanned < MAX_SCANNED && before > fromSeq + 1;) {
    const page = await storage.listMessages(key, { before, after: fromSeq, limit: PAGE });
    if (page.length === 0) break;
    scanned += page.length;
    for (const m of page) {
      before = Math.min(before, m.seq);
      if (m.config?.allowGroupAck !== true || m.from === reader || m.body.type === 'recalled') continue;
      if (!(await storage.addReceipt(m.serverId, reader, 'read', ctx.clock.now()))) continue;
      const count = (await storage.listReceipts(m.serverId, 'read')).length;
      ctx.events.durable([m.from], {
        type: 'groupRead',
        serverId: m.serverId,
        conversation: viewerConversationId(m.chatType, m.from, m.to, m.from),
        by: reader,
        count,
      });
    }
  }
}
