// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useInvitation } from '../../src/react/use-invitation';
import { useInvitations } from '../../src/react/use-invitations';
import { createReactHarness, type ReactHarness } from './react-harness';

let h: ReactHarness;
afterEach(() => h?.close());

describe('useInvitation', () => {
  it('shows an invitation ringing on both sides with seconds ticking down, and accept closes it everywhere', async () => {
    h = createReactHarness();
    const alice = await h.client('alice');
    const bob = await h.client('bob');
    const a = h.render(alice, () => useInvitations());
    const b = h.render(bob, () => useInvitations());
    await waitFor(() => expect(alice.state).toBe('open'));
    await waitFor(() => expect(bob.state).toBe('open'));
    let inviteId = '';
    await act(async () => {
      inviteId = (await a.result.current.invite('bob', { timeout: 30, data: '{"media":"audio"}' })).inviteId;
    });
    expect(a.result.current.outgoing.map((i) => i.inviteId)).toEqual([inviteId]);
    await waitFor(() => expect(b.result.current.incoming.map((i) => i.inviteId)).toEqual([inviteId]));
    const first = b.result.current.incoming[0]?.secondsLeft ?? 0;
    expect(first).toBeGreaterThan(27);
    expect(first).toBeLessThanOrEqual(30);
    await waitFor(() => expect(b.result.current.incoming[0]?.secondsLeft).toBeLessThan(first), { timeout: 3000 });

    const one = h.render(bob, () => useInvitation(inviteId));
    await waitFor(() =>
      expect(one.result.current).toMatchObject({ direction: 'incoming', open: true, myState: 'pending' }),
    );
    await act(async () => {
      await one.result.current.accept('{"ok":true}');
    });
    expect(one.result.current).toMatchObject({ open: false, myState: 'accepted', secondsLeft: null });
    await waitFor(() => expect(b.result.current.incoming).toEqual([])); // another provider: via the event
    await waitFor(() => expect(a.result.current.outgoing).toEqual([]));
    await expect(one.result.current.reject()).rejects.toMatchObject({ code: 8010 });
  });

  it('handles reject, cancel, modify and group invitations', async () => {
    h = createReactHarness();
    const alice = await h.client('alice', { connect: true });
    const bob = await h.client('bob');
    const carol = await h.client('carol');
    await alice.createGroup({ groupId: 'crew', name: 'Crew', members: ['bob', 'carol'] });
    const a = h.render(alice, () => useInvitations());
    const b = h.render(bob, () => useInvitations());
    const c = h.render(carol, () => useInvitations());
    await waitFor(() => expect(bob.state).toBe('open'));
    await waitFor(() => expect(carol.state).toBe('open'));

    let id = '';
    await act(async () => {
      id = (await a.result.current.inviteInGroup('crew', ['bob', 'carol'], { timeout: 60, data: 'v1' })).inviteId;
    });
    await waitFor(() => expect(c.result.current.incoming.length).toBe(1));
    await act(async () => {
      await a.result.current.modify(id, 'v2');
    });
    await waitFor(() => expect(c.result.current.incoming[0]?.invitation.data).toBe('v2'));
    await waitFor(() => expect(b.result.current.incoming.length).toBe(1));
    await act(async () => {
      await b.result.current.reject(id);
    });
    expect(b.result.current.incoming).toEqual([]);
    expect(a.result.current.outgoing.length).toBe(1); // carol has not answered
    await act(async () => {
      await a.result.current.cancel(id);
    });
    expect(a.result.current.outgoing).toEqual([]);
    await waitFor(() => expect(c.result.current.incoming).toEqual([]));
  });

  it('fetches an invitation the store has not seen, and reports an unknown id', async () => {
    h = createReactHarness();
    const alice = await h.client('alice', { connect: true });
    const bob = await h.client('bob');
    const { invitation } = await alice.invite('bob', { timeout: 0 });
    await alice.cancelInvitation(invitation.inviteId);
    const one = h.render(bob, () => useInvitation(invitation.inviteId));
    await waitFor(() => expect(one.result.current.invitation?.states.bob).toBe('cancelled'));
    expect(one.result.current).toMatchObject({ open: false, direction: 'incoming', secondsLeft: null });
    const missing = h.render(bob, () => useInvitation('no-such-invite'));
    await waitFor(() => expect(missing.result.current.error).not.toBeNull());
    expect(missing.result.current.invitation).toBeUndefined();
  });
});
