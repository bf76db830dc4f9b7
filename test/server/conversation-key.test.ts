// Conversation keys: a single chat's key names both users (sorted), and the
// peer of either is read back from the key alone; keys of other kinds, or of
// chats the user is not in, name no peer.
import { describe, expect, it } from 'vitest';
import { conversationKey, singlePeerOf, viewOfKey } from '../../src/server/conversation-key';

describe('singlePeerOf', () => {
  it("reads either user's peer back from their single chat's key", () => {
    const key = conversationKey('single', 'bob', 'alice');
    expect(key).toBe('single:alice|bob');
    expect(singlePeerOf(key, 'alice')).toBe('bob');
    expect(singlePeerOf(key, 'bob')).toBe('alice');
    expect(singlePeerOf(conversationKey('single', 'carol', 'carol'), 'carol')).toBe('carol');
  });

  it('names no peer for a group, a room, or a chat the user is not in', () => {
    expect(singlePeerOf(conversationKey('group', 'alice', 'g1'), 'alice')).toBeUndefined();
    expect(singlePeerOf(conversationKey('room', 'alice', 'r1'), 'alice')).toBeUndefined();
    expect(singlePeerOf('single:alice|bob', 'carol')).toBeUndefined();
  });
});

describe('viewOfKey', () => {
  it('names each kind of conversation as the user sees it, as the conversation list does', () => {
    expect(viewOfKey(conversationKey('single', 'bob', 'alice'), 'alice')).toEqual({
      type: 'single',
      target: 'bob',
      id: 'single:bob',
    });
    expect(viewOfKey(conversationKey('group', 'alice', 'g1'), 'alice')).toEqual({
      type: 'group',
      target: 'g1',
      id: 'group:g1',
    });
    expect(viewOfKey(conversationKey('room', 'alice', 'r1'), 'bob')).toEqual({
      type: 'room',
      target: 'r1',
      id: 'room:r1',
    });
  });

  it("names nothing for another pair's chat or a malformed key", () => {
    expect(viewOfKey('single:alice|bob', 'carol')).toBeUndefined();
    expect(viewOfKey('nonsense', 'alice')).toBeUndefined();
    expect(viewOfKey('group:', 'alice')).toBeUndefined();
  });
});
