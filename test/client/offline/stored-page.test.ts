// A cached page and its record in the offline database: the record is a copy
// (a change made to the page after a write was queued does not reach it), and
// reading it back gives the page of its conversation, thread counts included.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/protocol/message';
import { cachedPage, storedPage } from '../../../src/client/offline/stored-page';
import type { CachedPage } from '../../../src/client/offline/offline-types';

const message = { serverId: 's1', seq: 1, text: 'hi' } as unknown as Message;

describe('stored pages', () => {
  it('stores a copy of the page and reads it back for its conversation', () => {
    const messages = [message];
    const threadUnread: Record<string, number> = { s1: 2 };
    const page: CachedPage = { conversation: 'single:bob', messages, threadUnread };
    const record = storedPage(page);
    messages.push(message);
    threadUnread.s1 = 5;
    expect(record).toEqual({ messages: [message], threadUnread: { s1: 2 } });
    expect(cachedPage('single:bob', record)).toEqual({
      conversation: 'single:bob',
      messages: [message],
      threadUnread: { s1: 2 },
    });
  });

  it('leaves thread counts out when the page has none', () => {
    const record = storedPage({ conversation: 'group:g', messages: [] });
    expect(record).toEqual({ messages: [] });
    expect(cachedPage('group:g', record)).toEqual({ conversation: 'group:g', messages: [] });
  });
});
