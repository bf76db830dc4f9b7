// @vitest-environment jsdom
// CallInviteModal against a real embedded server on a manual clock: incoming
// and outgoing invitations, countdown from the server's deadline, accept,
// decline, Escape (which declines nothing), focus in and out, and closing on remote cancel, timeout and
// an answer given on another device.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import type { Invitation } from '../../../src/protocol/invitation';
import { useInvitations } from '../../../src/react';
import { createManualClock, type ManualClock } from '../../../src/server/clock';
import { CallInviteModal, callTypeOf } from '../../../src/ui/call-invite-modal';
import { createUiHarness, type UiHarness } from '../chat/ui-harness';

let h: UiHarness;
let clock: ManualClock;
let alice: ChatClient;
let bob: ChatClient;

beforeEach(async () => {
  clock = createManualClock();
  h = createUiHarness({ clock });
  alice = await h.client('alice', { clock });
  bob = await h.client('bob', { clock });
});

afterEach(() => {
  cleanup();
  h.close();
});

function Page({ onAccepted }: { onAccepted?: (i: Invitation) => void }) {
  return (
    <>
      <button type="button">before</button>
      <CallInviteModal noticeMs={200} displayName={(u) => u.toUpperCase()} {...(onAccepted ? { onAccepted } : {})} />
    </>
  );
}

async function ring(data = '{"call_type":"video"}', timeout = 30): Promise<Invitation> {
  return (await alice.invite('bob', { data, timeout })).invitation;
}

describe('incoming', () => {
  test('shows the caller, video from the data, a countdown from the server deadline, and focuses the dialog, not Accept', async () => {
    h.renderAs(bob, <Page />);
    screen.getByRole('button', { name: 'before' }).focus();
    await ring();
    const dialog = await screen.findByRole('dialog', { name: 'ALICE' });
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toHaveAccessibleDescription('Incoming video call');
    expect(within(dialog).getByRole('timer')).toHaveTextContent('30 s');
    // Enter typed into whatever had focus must not answer the call.
    expect(dialog).toHaveFocus();
    act(() => clock.advance(1000));
    await waitFor(() => expect(within(dialog).getByRole('timer')).toHaveTextContent('29 s'), { timeout: 3000 });
    act(() => clock.advance(10_000));
    await waitFor(() => expect(within(dialog).getByRole('timer')).toHaveTextContent('19 s'), { timeout: 3000 });
  });

  test('Accept answers on the server, hands the invitation to onAccepted, closes and restores focus', async () => {
    const onAccepted = vi.fn();
    const user = userEvent.setup();
    h.renderAs(bob, <Page onAccepted={onAccepted} />);
    const before = screen.getByRole('button', { name: 'before' });
    before.focus();
    const inv = await ring();
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(onAccepted).toHaveBeenCalledTimes(1);
    expect(onAccepted.mock.calls[0]?.[0]).toMatchObject({ inviteId: inv.inviteId, states: { bob: 'accepted' } });
    expect(before).toHaveFocus();
    expect((await alice.invitation(inv.inviteId)).states.bob).toBe('accepted');
  });

  test('Decline rejects on the server and closes', async () => {
    const user = userEvent.setup();
    h.renderAs(bob, <Page />);
    const inv = await ring();
    await user.click(await screen.findByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await alice.invitation(inv.inviteId)).states.bob).toBe('rejected');
  });

  test('Escape leaves a ringing call alone (declining takes a deliberate choice)', async () => {
    const user = userEvent.setup();
    h.renderAs(bob, <Page />);
    const inv = await ring();
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect((await alice.invitation(inv.inviteId)).states.bob).toBe('pending');
  });

  test('Tab reaches Decline first, then Accept', async () => {
    const user = userEvent.setup();
    h.renderAs(bob, <Page />);
    await ring();
    const dialog = await screen.findByRole('dialog');
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Decline' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Accept' })).toHaveFocus();
  });

  test('closes when the caller cancels', async () => {
    h.renderAs(bob, <Page />);
    const inv = await ring();
    await screen.findByRole('dialog');
    await alice.cancelInvitation(inv.inviteId);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  test('on the server timeout it shows "Missed call" briefly, then closes', async () => {
    h.renderAs(bob, <Page />);
    await ring('{"type":"audio"}', 30);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAccessibleDescription('Incoming voice call');
    act(() => clock.advance(30_000));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Missed call');
    expect(within(dialog).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  test('closes when the call is answered on another device of the same user, without onAccepted here', async () => {
    const bobPhone = await h.client('bob', { device: 'phone', clock });
    const onAccepted = vi.fn();
    h.renderAs(bob, <Page onAccepted={onAccepted} />);
    const inv = await ring();
    await screen.findByRole('dialog');
    await bobPhone.acceptInvitation(inv.inviteId);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(onAccepted).not.toHaveBeenCalled();
  });

  test('names the group of a group invitation', async () => {
    await alice.createGroup({ groupId: 'team', name: 'Team <b>Rocket</b>', members: ['bob', 'carol'] });
    h.renderAs(bob, <Page />);
    await alice.inviteInGroup('team', ['bob'], { data: '{"call_type":2}', timeout: 30 });
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog).toHaveAccessibleDescription('Incoming video call · in Team <b>Rocket</b>'));
    expect(dialog.querySelector('b')).toBeNull();
  });
});

function Caller({ invitees, group }: { invitees: string[]; group?: string }) {
  const { invite, inviteInGroup } = useInvitations();
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void (group
            ? inviteInGroup(group, invitees, { timeout: 30 })
            : invite(invitees[0] as string, { data: '{"call_type":"audio"}', timeout: 30 }))
        }
      >
        call
      </button>
      <CallInviteModal noticeMs={200} />
    </>
  );
}

describe('outgoing', () => {
  test('shows who is called and Cancel; Cancel ends it and focus returns to the call button', async () => {
    const user = userEvent.setup();
    h.renderAs(alice, <Caller invitees={['bob']} />);
    const call = screen.getByRole('button', { name: 'call' });
    await user.click(call);
    const dialog = await screen.findByRole('dialog', { name: 'Calling bob…' });
    expect(dialog).toHaveAccessibleDescription('Voice call');
    expect(dialog).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(call).toHaveFocus();
    const [inv] = await bob.pendingInvitations();
    expect(inv).toBeUndefined();
  });

  test('the caller gets onAccepted and the dialog closes when the invitee accepts', async () => {
    const onAccepted = vi.fn();
    const user = userEvent.setup();
    h.renderAs(
      alice,
      <>
        <Caller invitees={['bob']} />
        <CallInviteModal onAccepted={onAccepted} />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'call' }));
    await screen.findAllByRole('dialog');
    const [inv] = await bob.pendingInvitations();
    await bob.acceptInvitation((inv as Invitation).inviteId);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(onAccepted).toHaveBeenCalledWith(expect.objectContaining({ states: { bob: 'accepted' } }));
  });

  test('a group call lists each invitee\'s answer; "No answer" shows after the timeout', async () => {
    const carol = await h.client('carol', { clock });
    await alice.createGroup({ groupId: 'team', name: 'Team', members: ['bob', 'carol'] });
    const user = userEvent.setup();
    h.renderAs(alice, <Caller invitees={['bob', 'carol']} group="team" />);
    await user.click(screen.getByRole('button', { name: 'call' }));
    const dialog = await screen.findByRole('dialog', { name: 'Calling bob, carol…' });
    const answers = within(dialog).getByRole('list', { name: 'Answers' });
    expect(answers).toHaveTextContent('bob Waiting');
    const [inv] = await carol.pendingInvitations();
    await carol.rejectInvitation((inv as Invitation).inviteId);
    await waitFor(() => expect(answers).toHaveTextContent('carol Declined'));
    expect(answers).toHaveTextContent('bob Waiting');
    act(() => clock.advance(30_000));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('No answer');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

test('Simplified Chinese strings', async () => {
  h.renderAs(bob, <CallInviteModal />, { locale: 'zh-CN' });
  await ring();
  const dialog = await screen.findByRole('dialog', { name: 'alice' });
  expect(dialog).toHaveAccessibleDescription('视频通话邀请');
  expect(within(dialog).getByRole('button', { name: '接听' })).toBeInTheDocument();
  expect(within(dialog).getByRole('timer')).toHaveTextContent('30 秒');
});

test('call type from invitation data: the documented shapes', () => {
  expect(callTypeOf('{"call_type":"video"}')).toBe('video');
  expect(callTypeOf('{"type":"audio"}')).toBe('audio');
  expect(callTypeOf('{"callType":"VIDEO"}')).toBe('video');
  expect(callTypeOf('{"call_type":2}')).toBe('video');
  expect(callTypeOf('{"call_type":1}')).toBe('audio');
  expect(callTypeOf('{"data":{"cmd":"videoCall"}}')).toBe('video');
  expect(callTypeOf('{"video":true}')).toBe('video');
  expect(callTypeOf('not json')).toBe('audio');
  expect(callTypeOf('')).toBe('audio');
});
