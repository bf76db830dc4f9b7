import { describe, expect, it } from 'vitest';
import { initialChatState } from '../../src/store/chat-state';
import { recordView } from '../../src/store/record-view';

describe('recordView', () => {
  it('shows a Map as a frozen plain object with the same entries, built once per Map', () => {
    const a = { n: 1 };
    const map = new Map([['single:bob', a], ['group:g', { n: 2 }]]);
    const view = recordView(map);
    expect(view).toEqual({ 'single:bob': { n: 1 }, 'group:g': { n: 2 } });
    expect(view['single:bob']).toBe(a);
    expect(Object.isFrozen(view)).toBe(true);
    expect(recordView(map)).toBe(view);
    expect(recordView(new Map(map))).not.toBe(view);
  });

  it('backs the deprecated Record fields of the chat state', () => {
    const s = initialChatState('alice');
    expect(s.messages).toEqual({});
    expect(s.conversations.byId).toEqual({});
    expect(s.messages).toBe(s.messages);
  });
});
