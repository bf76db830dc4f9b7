// Documentation of natter's hooks (natter/react), one page per hook: what it
// returns, a short example (the example's real source file) and that example
// running live on an embedded server. Written as stories because Storybook
// 10's MDX needs @storybook/addon-docs, which this repository does not install.
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { Code, DocPage, Live, Returns, type Field } from './doc-page';
import { ConnectionBadge } from './examples/connection-badge';
import connectionSource from './examples/connection-badge.tsx?raw';
import { Inbox } from './examples/inbox';
import inboxSource from './examples/inbox.tsx?raw';
import { Blocklist } from './examples/raw-client';
import rawClientSource from './examples/raw-client.tsx?raw';
import { Receipts } from './examples/receipts';
import receiptsSource from './examples/receipts.tsx?raw';
import { Ringer } from './examples/ringer';
import ringerSource from './examples/ringer.tsx?raw';
import { Thread } from './examples/thread';
import threadSource from './examples/thread.tsx?raw';
import { TypingLine } from './examples/typing-line';
import typingSource from './examples/typing-line.tsx?raw';

function HookPage({
  name,
  signature,
  intro,
  fields,
  source,
  example,
}: {
  name: string;
  signature: string;
  intro: ReactNode;
  fields: readonly Field[];
  source: string;
  example: ReactNode;
}): ReactNode {
  return (
    <DocPage title={name}>
      <Code>{signature}</Code>
      <p>{intro}</p>
      <h2 style={{ fontSize: 18 }}>Returns</h2>
      <Returns fields={fields} />
      <h2 style={{ fontSize: 18 }}>Example</h2>
      <Code>{source.replace(/^\/\/.*\n/, '')}</Code>
      <Live>{example}</Live>
    </DocPage>
  );
}

function Overview(): ReactNode {
  return (
    <DocPage title="Hooks (natter/react)">
      <p>
        Every hook reads one chat session from the nearest <code>&lt;ChatProvider client=&#123;client&#125;&gt;</code>.
        The provider creates a Zustand store for the client and binds it to the client's events (the only place events
        become state), so hooks never subscribe to the client themselves and re-render only when what they select
        changes. natter's own components are built on exactly these hooks.
      </p>
      <Returns
        fields={[
          ['useConnectionState()', 'ConnectionSlice', 'The connection: state, ready, resumed, error, syncing.'],
          [
            'useConversationList()',
            'ConversationListResult',
            'Conversations (most recent first) with last message and unread; total unread; refresh.',
          ],
          ['useUnreadCount(id?)', 'number', "One conversation's unread count, or the total."],
          [
            'useConversation(id, options?)',
            'ConversationResult',
            'Messages with status, every send, retry, discard, recall, markRead, paging.',
          ],
          [
            'useReadReceipts(id)',
            'ReadReceiptsResult',
            "Delivery/read state of own messages, the peer's read marker, group readers.",
          ],
          [
            'useInvitations()',
            'InvitationsResult',
            'Open call invitations (incoming/outgoing) with seconds left, and invite/accept/reject/cancel/modify.',
          ],
          [
            'useInvitation(inviteId)',
            'OneInvitationResult',
            'One invitation (fetched if unseen), its final state once closed, actions bound to it.',
          ],
          ['useTyping(id)', 'TypingResult', 'Who else is typing; notifyTyping/stopTyping.'],
          [
            'useMessageSenders(id)',
            'MessageSenders',
            'Every send, retry and discard of one conversation, without subscribing to its messages.',
          ],
          [
            'useDeleteConversation()',
            '(id, options?) => Promise<void>',
            'Deletes a conversation (optionally its history for this user) on every device.',
          ],
          [
            'useGroup(groupId) / useGroupName(groupId)',
            'GroupResult / string',
            "A group's record (name, members, admins), or its display name.",
          ],
          [
            'useGroupReaders()',
            '(serverId, readCount) => Promise<UserId[]>',
            'Who read an own group message sent with allowGroupAck (cached per read count).',
          ],
          [
            'useChatUser() / useServerLimits() / useServerClock()',
            'UserId / ServerLimits | null / () => number',
            "The session's user, the server's announced limits, the server's time.",
          ],
          ['useDraft(id)', '[text, setText]', "A conversation's unsent text, kept for the page's lifetime."],
          ['useChatClient()', 'ChatClient', 'The raw client, for requests the hooks do not cover.'],
          ['useChatSelector(selector)', 'T', 'A narrow selector over the store state, for what no hook offers.'],
        ]}
      />
      <p>Pick a hook in the sidebar for its fields, an example and the example running live.</p>
    </DocPage>
  );
}

const meta: Meta = {
  title: 'Docs/Hooks',
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj;

export const AllHooks: Story = { name: 'Overview', render: () => <Overview /> };

export const UseConnectionState: Story = {
  name: 'useConnectionState',
  render: () => (
    <HookPage
      name="useConnectionState"
      signature="function useConnectionState(): ConnectionSlice"
      intro="The connection as the store sees it. Re-renders only when the connection changes."
      fields={[
        ['state', "'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed'", 'The transport state.'],
        ['ready', 'boolean', 'Welcomed by the server on the current connection.'],
        ['resumed', 'boolean', 'The last welcome replayed the events missed while away (no full sync needed).'],
        ['error', '{ code, message } | null', 'The last connection error (e.g. 4010 bad token).'],
        ['syncing', 'boolean', 'A full sync is running (after a reset).'],
        ['syncGeneration', 'number', 'Bumped by every reset resync.'],
      ]}
      source={connectionSource}
      example={<ConnectionBadge />}
    />
  ),
};

export const UseConversationList: Story = {
  name: 'useConversationList & useUnreadCount',
  render: () => (
    <HookPage
      name="useConversationList, useUnreadCount"
      signature={
        'function useConversationList(): ConversationListResult\nfunction useUnreadCount(conversationId?: ConversationId): number'
      }
      intro="The user's conversations, kept live by the store; unread counts are the server's (they clear on every device when one marks the conversation read). useUnreadCount selects one number and re-renders only when it changes."
      fields={[
        [
          'conversations',
          'ConversationSummary[]',
          'Most recently updated first: id, type, target, lastMessage, unread, readSeq, lastSeq, updatedAt.',
        ],
        ['loaded', 'boolean', 'The list was fetched from the server at least once.'],
        ['syncing', 'boolean', 'A full sync is running.'],
        ['totalUnread', 'number', 'Sum of unread counts (same as useUnreadCount()).'],
        ['refresh()', 'Promise<void>', 'Fetch the list and open invitations again.'],
      ]}
      source={inboxSource}
      example={<Inbox />}
    />
  ),
};

export const UseConversation: Story = {
  name: 'useConversation',
  render: () => (
    <HookPage
      name="useConversation"
      signature="function useConversation(conversationId: ConversationId, options?: { pageSize?: number }): ConversationResult"
      intro="Everything to show and act on one conversation: stored messages by seq, then this client's pending and failed sends, each with a status. Sends never throw: they resolve to { ok, localId, message | error }, and a failed send also shows as a failed message."
      fields={[
        [
          'messages',
          'ChatMessage[]',
          "key, localId, serverId, seq, from, body, ts, own, status ('pending' | 'sent' | 'delivered' | 'read' | 'failed' | 'recalled' | 'received'), error, progress (upload 0..1), readCount.",
        ],
        ['conversation', 'ConversationSummary | undefined', 'The summary (last message, unread, read marker).'],
        ['unread', 'number', "The server's unread count."],
        [
          'sendText, sendImage, sendFile, sendAudio, sendVideo, sendLocation, sendCustom, sendCommand, send',
          '(…) => Promise<SendResult>',
          'One per message type; file sends upload first with onProgress and an AbortSignal.',
        ],
        [
          'retry(localId), discard(localId)',
          'Promise<SendResult>, void',
          'Send a failed message again with its localId, or give it up.',
        ],
        ['recall(serverId)', 'Promise<Message>', 'Recall an own message (504 window passed, 505 disabled).'],
        ['markRead(upToSeq?)', 'Promise<number>', 'Mark read on every device; resolves with the read marker.'],
        [
          'loadOlder(), hasMore, loadingHistory, historyLoaded, historyError',
          '…',
          'Paging back through history (TanStack infinite query).',
        ],
      ]}
      source={threadSource}
      example={<Thread />}
    />
  ),
};

export const UseReadReceipts: Story = {
  name: 'useReadReceipts',
  render: () => (
    <HookPage
      name="useReadReceipts"
      signature="function useReadReceipts(conversationId: ConversationId): ReadReceiptsResult"
      intro="Delivery and read state of this user's loaded messages in one conversation, from delivery receipts, read receipts, channel acks and group read counts."
      fields={[
        [
          'byMessage',
          'Record<serverId, MessageReceipt>',
          'serverId, seq, delivered, read, readCount, deliveredTo, readBy.',
        ],
        ['receiptOf(serverId)', 'MessageReceipt | undefined', 'One message’s receipt.'],
        ['peerReadUpTo', 'number', 'Highest seq the other side acked as read (single chat).'],
        [
          'readers(serverId)',
          'Promise<UserId[]>',
          'Who read a group message sent with allowGroupAck (sender only; cached until the count changes).',
        ],
        ['sendReadReceipt(serverId)', 'Promise<void>', 'Tell the sender this user read one message.'],
      ]}
      source={receiptsSource}
      example={<Receipts />}
    />
  ),
};

export const UseInvitation: Story = {
  name: 'useInvitations',
  render: () => (
    <HookPage
      name="useInvitations"
      signature={
        'function useInvitations(): InvitationsResult\nfunction useInvitation(inviteId: string): OneInvitationResult'
      }
      intro="Call invitations (signaling). The server owns the clock: secondsLeft counts down to the server's deadline, and when it passes both sides get a timeout. The first answer wins; later ones reject with 8010."
      fields={[
        [
          'incoming',
          'readonly InvitationView[]',
          'Invitations waiting for this user: inviteId, invitation (inviter, invitees, groupId, data, deadline, states), direction, secondsLeft.',
        ],
        ['outgoing', 'readonly InvitationView[]', 'Invitations this user sent that someone has not answered yet.'],
        [
          'invite(user, options?), inviteInGroup(groupId, users, options?)',
          'Promise<Invitation>',
          'options: data (e.g. {"call_type":"video"}), timeout seconds, onlineUserOnly, offlinePushInfo.',
        ],
        [
          'accept, reject, cancel, modify (inviteId, data?)',
          'Promise<Invitation>',
          'Answer, cancel (inviter only) or change the data.',
        ],
        [
          'useInvitation(id) → invitation, direction, open, myState, secondsLeft, loading, error',
          'OneInvitationResult',
          'One invitation, with accept/reject/cancel/modify bound to it.',
        ],
      ]}
      source={ringerSource}
      example={<Ringer />}
    />
  ),
};

export const UseTyping: Story = {
  name: 'useTyping',
  render: () => (
    <HookPage
      name="useTyping"
      signature="function useTyping(conversationId: ConversationId): TypingResult"
      intro="A typing indicator over command messages (never stored as unread, never replayed): entries expire on their own."
      fields={[
        ['typing', 'UserId[]', 'Other users typing now.'],
        ['notifyTyping()', 'void', 'Call on each keystroke: sends at most one typing signal every few seconds.'],
        ['stopTyping()', 'void', 'Tell others this user stopped (cleared or sent).'],
      ]}
      source={typingSource}
      example={<TypingLine />}
    />
  ),
};

export const UseChatClient: Story = {
  name: 'useChatClient & useChatSelector',
  render: () => (
    <HookPage
      name="useChatClient, useChatSelector"
      signature={
        'function useChatClient(): ChatClient\nfunction useChatSelector<T>(selector: (state: ChatState) => T): T'
      }
      intro="Escape hatches. useChatClient gives the raw ChatClient for requests the hooks do not cover (groups, rooms, blocklist, …): use it for requests only, subscribe through hooks. useChatSelector re-renders when the selected value changes by identity, so select narrowly and return stored references."
      fields={[
        [
          'useChatClient()',
          'ChatClient',
          'user, state, limits, serverNow(), request(op, params), send…, history, groups, rooms, block, invite…',
        ],
        [
          'useChatSelector(s => …)',
          'T',
          'State slices: user, connection, conversations (summaries, order), conversationMessages, receipts, invitations, typing.',
        ],
      ]}
      source={rawClientSource}
      example={<Blocklist />}
    />
  ),
};
