// Chat and B's other components render on a server (react-dom/server in plain
// Node, no window or document): the whole layout, a conversation open (its
// message list, a chunk of its own, as its loading state).
import { renderToString } from 'react-dom/server';
import { expect, test } from 'vitest';
import { createChatClient } from '../../../src/client/chat-client';
import { ChatProvider } from '../../../src/react';
import { createEmbeddedServer } from '../../../src/server/embedded-server';
import { CallInviteModal } from '../../../src/ui/call-invite-modal';
import { Chat } from '../../../src/ui/chat';
import { messageListChunk } from '../../../src/ui/chat/open-conversation';
import { ConversationList } from '../../../src/ui/conversation-list';
import { MessageInput } from '../../../src/ui/message-input';
import { UnreadBadge } from '../../../src/ui/unread-badge';

test('Chat, MessageInput, ConversationList, UnreadBadge and CallInviteModal render to a string without a DOM', async () => {
  expect(typeof window).toBe('undefined');
  const server = createEmbeddedServer();
  const client = createChatClient({ transport: server.connect(), user: 'alice', delivery: false });
  try {
    const html = renderToString(
      <ChatProvider client={client} autoConnect={false}>
        <Chat locale="zh-CN" theme="dark" defaultConversationId="single:bob" />
        <MessageInput conversationId="single:carol" />
        <ConversationList />
        <UnreadBadge />
        <CallInviteModal />
      </ChatProvider>,
    );
    expect(html).toContain('data-natter-theme="dark"');
    expect(html).toContain('aria-label="消息"');
    // The message list is a chunk of its own: a server renders its loading state.
    expect(html).toContain('role="status">正在加载消息…</p>');
    expect(html).toContain('aria-label="Message"');
    expect(html).toContain('<h2');
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  } finally {
    client.close();
    server.close();
    // Rendering started fetching the message list's chunk: let it land before the test environment goes.
    await messageListChunk.get();
  }
});
