// @vitest-environment jsdom
// The feature hooks over a real embedded server: useMessageActions toggles a
// reaction and the message in useConversation follows; usePins starts from
// the server's list and follows pins events; useThread joins fetched pages
// with live replies; useMentionCount is the server's badge.
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useConversation } from '../../src/react/use-conversation';
import { useMessageActions } from '../../src/react/use-message-actions';
import { mentionCandidates, mentionQueryAt, useMentionCount } from '../../src/react/use-mentions';
import { usePins } from '../../src/react/use-pins';
import { useThread } from '../../src/react/use-thread';
import { createReactHarness, type ReactHarness } from './react-harness';

let h: ReactHarness;
afterEach(() => h?.close());

describe('feature hooks', () => {
  it('toggles a reaction and the loaded message shows the server’s reactions', async () => {
    h = createReactHarness();
    const alice = await h.client('alice', { connect: true });
    const bob = await h.client('bob');
    const m = await alice.sendText('single:bob', 'hi');
    const { result } = h.render(bob, () => ({ conv: useConversation('single:alice'), actions: useMessageActions() }));
    await waitFor(() => expect(result.current.conv.messages).toHaveLength(1));
    await act(async () => void (await result.current.actions.toggleReaction(m, '🎉')));
    await waitFor(() =>
      expect(result.current.conv.messages[0]?.message?.reactions).toEqual([{ emoji: '🎉', users: ['bob'] }]),
    );
    const current = result.current.conv.messages[0]!.message!;
    await act(async () => void (await result.current.actions.toggleReaction(current, '🎉')));
    await waitFor(() => expect(result.current.conv.messages[0]?.message?.reactions).toBeUndefined());
  });

  it('usePins starts from the server and follows live changes; useMentionCount is the badge', async () => {
    h = createReactHarness();
    const alice = await h.client('alice', { connect: true });
    await alice.createGroup({ groupId: 'g', name: 'G', members: ['bob'] });
    const first = await alice.sendText('group:g', 'first');
    await alice.pin(first.serverId);
    const bob = await h.client('bob');
    const { result } = h.render(bob, () => ({ pins: usePins('group:g'), mentions: useMentionCount('group:g') }));
    await waitFor(() => expect(result.current.pins.pins.map((p) => p.serverId)).toEqual([first.serverId]));
    expect(result.current.pins.messages.get(first.serverId)?.body).toEqual({ type: 'txt', msg: 'first' });
    const second = await alice.sendText('group:g', '@bob pinned', { mentions: { users: ['bob'] } });
    await alice.pin(second.serverId);
    await waitFor(() =>
      expect(result.current.pins.pins.map((p) => p.serverId)).toEqual([second.serverId, first.serverId]),
    );
    await waitFor(() => expect(result.current.mentions).toBe(1));
  });

  it('useThread joins the fetched replies with live ones, oldest first', async () => {
    h = createReactHarness();
    const alice = await h.client('alice', { connect: true });
    const bob = await h.client('bob');
    const root = await alice.sendText('single:bob', 'topic');
    await alice.sendText('single:bob', 'before', { threadOf: root.serverId });
    const { result } = h.render(bob, () => useThread('single:alice', root.serverId));
    await waitFor(() => expect(result.current.replies.map((m) => m.body)).toEqual([{ type: 'txt', msg: 'before' }]));
    await act(async () => void (await result.current.reply('live')));
    await waitFor(() =>
      expect(result.current.replies.map((m) => (m.body.type === 'txt' ? m.body.msg : ''))).toEqual(['before', 'live']),
    );
  });

  it('finds the @word at the caret and completes it from the members', () => {
    expect(mentionQueryAt('hello @bo', 9)).toEqual({ query: 'bo', start: 6 });
    expect(mentionQueryAt('mail a@b', 8)).toBeNull();
    expect(mentionCandidates(['alice', 'bob', 'robert', 'bobby'], 'bob', 'alice')).toEqual(['bob', 'bobby']);
    expect(mentionCandidates(['alice', 'bob', 'robert'], 'ob', 'alice')).toEqual(['bob', 'robert']);
  });
});
