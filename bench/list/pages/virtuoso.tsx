// List bench contender (d): a bare react-virtuoso list, the floor. Rows are one
// bubble each; older pages go in with `firstItemIndex` (Virtuoso's documented
// way to prepend without moving the visible items), new ones follow the bottom.
import { useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Virtuoso } from 'react-virtuoso';
import type { RawMessage } from './fixture';
import { installBench } from './harness';

interface ListState {
  items: RawMessage[];
  first: number;
}
const FIRST = 1_000_000_000;

let initial: ListState = { items: [], first: FIRST };
let setList: (update: (s: ListState) => ListState) => void = () => undefined;

function Row({ m }: { m: RawMessage }): ReactNode {
  return (
    <div style={{ padding: '4px 12px', display: 'flex', justifyContent: m.user === 'me' ? 'flex-end' : 'flex-start' }}>
      <div
        style={{
          maxWidth: '70%',
          padding: '6px 10px',
          borderRadius: 12,
          background: m.user === 'me' ? '#d6e9ff' : '#eee',
        }}
      >
        {m.text}
      </div>
    </div>
  );
}

function App(): ReactNode {
  const [list, set] = useState(initial);
  setList = set;
  return (
    <Virtuoso<RawMessage>
      style={{ height: '100%' }}
      data={list.items}
      firstItemIndex={list.first}
      initialTopMostItemIndex={{ index: 'LAST', align: 'end' }}
      followOutput="auto"
      computeItemKey={(_, m) => m.id}
      itemContent={(_, m) => <Row m={m} />}
    />
  );
}

installBench({
  ingest(history) {
    initial = { items: history, first: FIRST };
  },
  mount(container) {
    createRoot(container).render(<App />);
  },
  append(m) {
    setList((s) => ({ ...s, items: [...s.items, m] }));
  },
  prepend(older) {
    setList((s) => ({ items: [...older, ...s.items], first: s.first - older.length }));
  },
});
