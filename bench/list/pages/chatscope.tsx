// List bench contender (c): chatscope's MessageList with its default styles.
// It is not virtualized: every message becomes DOM, so the driver caps its sizes.
import { useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Message, MessageList, type MessageModel } from '@chatscope/chat-ui-kit-react';
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import type { RawMessage } from './fixture';
import { installBench } from './harness';

interface Item {
  id: string;
  model: MessageModel;
}

const toItem = (m: RawMessage): Item => ({
  id: m.id,
  model: {
    message: m.text,
    sender: m.user,
    direction: m.user === 'me' ? 'outgoing' : 'incoming',
    position: 'single',
    type: 'text',
  },
});

let initial: Item[] = [];
let setItems: (update: (s: Item[]) => Item[]) => void = () => undefined;

function App(): ReactNode {
  const [items, set] = useState(initial);
  setItems = set;
  return (
    <div style={{ height: '100%' }}>
      <MessageList>
        {items.map((it) => (
          <Message key={it.id} model={it.model} />
        ))}
      </MessageList>
    </div>
  );
}

installBench({
  ingest(history) {
    initial = history.map(toItem);
  },
  mount(container) {
    createRoot(container).render(<App />);
  },
  append(m) {
    setItems((s) => [...s, toItem(m)]);
  },
  prepend(older) {
    setItems((s) => [...older.map(toItem), ...s]);
  },
});
