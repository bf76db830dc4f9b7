// @vitest-environment jsdom
// ConversationList and UnreadBadge against a real embedded server: order by
// latest activity, previews of every kind (emoji, media labels, calls,
// recalls, group senders), unread badges with 99+, keyboard selection,
// deletion, and hostile text rendered inert.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ChatClient } from '../../../src/client/chat-client-types';
import { createManualClock, type ManualClock } from '../../../src/server/clock';
import { ConversationList } from '../../../src/ui/conversation-list';
import { formatDateTime } from '../../../src/ui/i18n';
import { UnreadBadge } from '../../../src/ui/unread-badge';
import { createUiHarness, pngFile, polyfillBlobReading, type UiHarness } from '../chat/ui-harness';

let h: UiHarness;
let alice: ChatClient;
let bob: ChatClient;
let carol: ChatClient;
let clock: ManualClock;

beforeEach(async () => {
  // A manual server clock, moved on between sends, so "most recent" is never a tie.
  clock = createManualClock(Date.now());
  h = createUiHarness({ clock });
  alice = await h.client('alice');
  bob = await h.client('bob');
  carol = await h.client('carol');
});

afterEach(() => {
  cleanup();
  h.close();
});

const rows = () => within(screen.getByRole('navigation', { name: 'Conversations' })).getAllByRole('listitem');
const rowNames = () => rows().map((r) => r.querySelector('.natter-conversation__name')?.textContent);
const row = (name: string) =>
  rows().find((r) => r.querySelector('.natter-conversation__name')?.textContent === name) as HTMLElement;

describe('order and badges', () => {
  test('most recent conversation first; a new message moves its conversation to the top', async () => {
    await bob.sendText('single:alice', 'from bob');
    clock.advance(1000);
    await carol.sendText('single:alice', 'from carol');
    clock.advance(1000);
    h.renderAs(alice, <ConversationList />);
    await waitFor(() => expect(rowNames()).toEqual(['carol', 'bob']));
    await bob.sendText('single:alice', 'bob again');
    clock.advance(1000);
    await waitFor(() => expect(rowNames()).toEqual(['bob', 'carol']));
    expect(row('bob')).toHaveTextContent('bob again');
  });

  test('unread badges per row, "99+" above 99, and UnreadBadge for the total and one conversation', async () => {
    for (let i = 0; i < 3; i++) await bob.sendText('single:alice', `b${i}`);
    clock.advance(1000);
    for (let i = 0; i < 120; i++) await carol.sendText('single:alice', `c${i}`);
    h.renderAs(
      alice,
      <>
        <div data-testid="total">
          <UnreadBadge />
        </div>
        <div data-testid="bob-only">
          <UnreadBadge conversationId="single:bob" />
        </div>
        <ConversationList />
      </>,
    );
    await waitFor(() => expect(rowNames()).toEqual(['carol', 'bob']));
    const bobBadge = row('bob').querySelector('.natter-badge') as HTMLElement;
    expect(bobBadge).toHaveTextContent('3');
    expect(within(bobBadge).getByText('3 unread')).toHaveClass('natter-visually-hidden');
    const carolBadge = row('carol').querySelector('.natter-badge') as HTMLElement;
    expect(within(carolBadge).getByText('99+')).toBeInTheDocument();
    expect(within(carolBadge).getByText('120 unread')).toBeInTheDocument();
    expect(within(screen.getByTestId('total')).getByText('99+')).toBeInTheDocument();
    expect(within(screen.getByTestId('total')).getByText('123 unread')).toBeInTheDocument();
    expect(screen.getByTestId('bob-only')).toHaveTextContent('3');

    await alice.markRead('single:bob');
    await waitFor(() => expect(row('bob').querySelector('.natter-badge')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('bob-only')).toBeEmptyDOMElement());
    expect(within(screen.getByTestId('total')).getByText('120 unread')).toBeInTheDocument();
  });
});

describe('row time', () => {
  test("a pointer over a row's time shows its full date and time as a tooltip", async () => {
    await bob.sendText('single:alice', 'from bob');
    h.renderAs(alice, <ConversationList />);
    await waitFor(() => expect(rowNames()).toEqual(['bob']));
    const time = row('bob').querySelector('time') as HTMLElement;
    const ts = Date.parse(time.getAttribute('datetime') as string);
    await userEvent.hover(time);
    expect(time).toHaveAttribute('title', formatDateTime(ts, 'en'));
  });
});

describe('previews', () => {
  test('emoji-aware text, media labels, call events, recalls and group senders', async () => {
    polyfillBlobReading();
    await bob.sendText('single:alice', 'hi 😀');
    clock.advance(1000);
    await carol.sendFile('single:alice', 'img', pngFile('p.png'));
    clock.advance(1000);
    const group = await alice.createGroup({ groupId: 'team', name: 'The Team', members: ['bob', 'carol'] });
    await carol.sendText(`group:${group.groupId}`, 'morning all');
    clock.advance(1000);
    h.renderAs(alice, <ConversationList />);
    await waitFor(() => expect(rowNames()).toEqual(['The Team', 'carol', 'bob']));
    expect(row('bob').querySelector('.natter-emoji--unicode')).toHaveTextContent('😀');
    expect(row('carol')).toHaveTextContent('[Image]');
    expect(row('The Team')).toHaveTextContent('carol: morning all');

    const { invitation } = await bob.invite('alice', { data: '{"call_type":"video"}', timeout: 30 });
    await waitFor(() => expect(row('bob')).toHaveTextContent('bob started a video call'));
    await bob.cancelInvitation(invitation.inviteId);
    await waitFor(() => expect(row('bob')).toHaveTextContent('bob cancelled the call'));

    const sent = await carol.sendText('single:alice', 'oops');
    await waitFor(() => expect(row('carol')).toHaveTextContent('oops'));
    await carol.recall(sent.serverId);
    await waitFor(() => expect(row('carol')).toHaveTextContent('carol recalled a message'));
  });

  test('Simplified Chinese labels', async () => {
    polyfillBlobReading();
    await bob.sendFile('single:alice', 'img', pngFile('p.png'));
    clock.advance(1000);
    h.renderAs(alice, <ConversationList />, { locale: 'zh-CN' });
    const nav = await screen.findByRole('navigation', { name: '会话' });
    await waitFor(() => expect(nav).toHaveTextContent('[图片]'));
    expect(within(nav).getByRole('button', { name: '删除与 bob 的会话' })).toBeInTheDocument();
  });

  test('markup in text and file names stays text', async () => {
    polyfillBlobReading();
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await bob.sendText('single:alice', payload);
    clock.advance(1000);
    await carol.sendFile(
      'single:alice',
      'file',
      new File(['notes'], '<b onmouseover=alert(1)>x</b>.txt', { type: 'text/plain' }),
    );
    clock.advance(1000);
    const { container } = h.renderAs(
      alice,
      <ConversationList conversationName={(c) => (c.target === 'bob' ? '<i>Bob</i>' : undefined)} />,
    );
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(row('<i>Bob</i>')).toHaveTextContent(payload);
    expect(row('carol')).toHaveTextContent('[File] <b onmouseover=alert(1)>x</b>.txt');
    expect(container.querySelector('script, [onerror], [onmouseover], i, b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('selection and keyboard', () => {
  test('Arrow keys, Home and End move between rows; Enter selects; only one row is tabbable', async () => {
    await bob.sendText('single:alice', '1');
    clock.advance(1000);
    await carol.sendText('single:alice', '2');
    clock.advance(1000);
    const group = await alice.createGroup({ groupId: 'g1', name: 'G', members: ['bob'] });
    await bob.sendText(`group:${group.groupId}`, '3');
    clock.advance(1000);
    const onSelect = vi.fn();
    const user = userEvent.setup();
    h.renderAs(alice, <ConversationList onSelect={onSelect} />);
    await waitFor(() => expect(rowNames()).toEqual(['G', 'carol', 'bob']));
    const select = (name: string) => within(row(name)).getAllByRole('button')[0] as HTMLElement;
    expect(rows().filter((r) => r.querySelector('.natter-conversation__select[tabindex="0"]'))).toHaveLength(1);

    await user.tab();
    expect(select('G')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(select('carol')).toHaveFocus();
    await user.keyboard('{End}');
    expect(select('bob')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(select('bob')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(select('G')).toHaveFocus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('single:carol');
    expect(select('carol')).toHaveAttribute('aria-current', 'true');
    expect(select('G')).not.toHaveAttribute('aria-current');
    await user.keyboard('{ArrowUp} ');
    expect(onSelect).toHaveBeenLastCalledWith('group:g1');
  });

  test('a controlled `selected` marks its row', async () => {
    await bob.sendText('single:alice', '1');
    clock.advance(1000);
    await carol.sendText('single:alice', '2');
    clock.advance(1000);
    h.renderAs(alice, <ConversationList selected="single:bob" />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(within(row('bob')).getAllByRole('button')[0]).toHaveAttribute('aria-current', 'true');
    expect(within(row('carol')).getAllByRole('button')[0]).not.toHaveAttribute('aria-current');
  });
});

describe('delete', () => {
  test('the delete button removes the conversation on the server and from the list', async () => {
    await bob.sendText('single:alice', '1');
    clock.advance(1000);
    await carol.sendText('single:alice', '2');
    clock.advance(1000);
    const user = userEvent.setup();
    h.renderAs(alice, <ConversationList />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Delete conversation with bob' }));
    await waitFor(() => expect(rowNames()).toEqual(['carol']));
    expect((await alice.conversations()).map((c) => c.id)).toEqual(['single:carol']);
  });

  test('the Delete key deletes the focused row and focus moves to its neighbour', async () => {
    await bob.sendText('single:alice', '1');
    clock.advance(1000);
    await carol.sendText('single:alice', '2');
    clock.advance(1000);
    const user = userEvent.setup();
    h.renderAs(alice, <ConversationList />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    await waitFor(() => expect(rowNames()).toEqual(['carol', 'bob']));
    await user.tab();
    await user.keyboard('{Delete}');
    await waitFor(() => expect(rowNames()).toEqual(['bob']));
    expect(within(row('bob')).getAllByRole('button')[0]).toHaveFocus();
  });
});

test('an empty list says so', async () => {
  h.renderAs(alice, <ConversationList />);
  expect(await screen.findByText('No conversations yet')).toBeInTheDocument();
});
