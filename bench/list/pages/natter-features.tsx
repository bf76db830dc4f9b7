// List bench contender (a'): natter's MessageList, as on the plain page, fed the same messages of
// which 10% carry reactions and 5% are quoted replies (features.ts), drawn by natter's own rows.
// The history's features are derived before the timed ingest, so that it times the store, as on
// the plain page; the few appended and prepended messages derive theirs as they arrive.
import type { Message } from 'natter';
import { featuresOf, type MessageFeatures } from './features';
import type { RawMessage } from './fixture';
import { plainMessage, startNatterPage } from './natter-page';

/** The history's messages that carry features; `covered` holds the history's indices. */
const prepared = new Map<number, MessageFeatures>();
const covered = { from: 0, to: -1 };

function toMessage(m: RawMessage): Message {
  const features = m.i >= covered.from && m.i <= covered.to ? prepared.get(m.i) : featuresOf(m.i);
  const message = plainMessage(m);
  // Set on the fresh message rather than spread into a copy: a spread costs the timed ingest more than the store's own work.
  if (features?.reactions) message.reactions = features.reactions;
  if (features?.reply) message.reply = features.reply;
  return message;
}

startNatterPage(toMessage, (history) => {
  prepared.clear();
  covered.from = history[0]?.i ?? 0;
  covered.to = history[history.length - 1]?.i ?? -1;
  for (const m of history) {
    const features = featuresOf(m.i);
    if (features) prepared.set(m.i, features);
  }
});
