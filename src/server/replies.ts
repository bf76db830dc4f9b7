// Owns quoted replies: the quote a reply carries (who, what kind, the first
// FEATURE_LIMITS.quoteChars of its text) and refreshing quotes when history
// is read, so a reply to a message that was since edited shows the new text
// and one to a recalled or deleted message shows nothing of it.
import { FEATURE_LIMITS, type QuotedMessage } from '../protocol/features';
import type { Message } from '../protocol/message';
import type { CoreContext } from './context';

export function quoteOf(m: Message): QuotedMessage {
  if (m.body.type === 'recalled') return { serverId: m.serverId, from: m.from, type: 'recalled', text: '', gone: true };
  return {
    serverId: m.serverId,
    from: m.from,
    type: m.body.type,
    text: m.body.type === 'txt' ? m.body.msg.slice(0, FEATURE_LIMITS.quoteChars) : '',
  };
}

function sameQuote(a: QuotedMessage, b: QuotedMessage): boolean {
  return a.type === b.type && a.text === b.text && a.gone === b.gone;
}

/** The page with every quote as its message is now (one lookup per distinct quoted message). */
export async function refreshQuotes(ctx: CoreContext, messages: Message[]): Promise<Message[]> {
  if (!messages.some((m) => m.reply)) return messages;
  const fresh = new Map<string, QuotedMessage | null>();
  const out: Message[] = [];
  for (const m of messages) {
    if (!m.reply || m.body.type === 'recalled') {
      out.push(m);
      continue;
    }
    const id = m.reply.serverId;
    if (!fresh.has(id)) {
      const record = await ctx.storage.getMessage(id);
      fresh.set(id, record ? quoteOf(record.message) : null);
    }
    const quote = fresh.get(id) ?? { ...m.reply, text: '', gone: true as const };
    out.push(sameQuote(quote, m.reply) ? m : { ...m, reply: quote });
  }
  return out;
}
