// Bundle app (d): chatscope's equivalent screen — MainContainer, ChatContainer,
// MessageList, Message, MessageInput — with its styles. It has no client and no
// virtualization: the app brings its own transport and state.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatContainer, MainContainer, Message, MessageInput, MessageList } from '@chatscope/chat-ui-kit-react';
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';

function App() {
  const [messages, setMessages] = useState<string[]>([]);
  return (
    <MainContainer>
      <ChatContainer>
        <MessageList>
          {messages.map((m, i) => (
            <Message key={i} model={{ message: m, direction: 'outgoing', position: 'single' }} />
          ))}
        </MessageList>
        <MessageInput placeholder="Message" onSend={(_, text) => setMessages((s) => [...s, text])} />
      </ChatContainer>
    </MainContainer>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
