// Conversation list bench floor: the least a virtualized conversation list can
// do with the same rows — every conversation in React state, @tanstack/react-virtual
// (the virtualizer natter's list uses) drawing the rows in view, each row a
// button with name, last message, time and unread count. No kit, no server.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { RawConversation } from './fixture';
import { installBench } from './harness';

let initial: RawConversation[] = [];
let setList: (update: (s: RawConversation[]) => RawConversation[]) => void = () => undefined;
const estimateSize = () => 64;

function Row({ c }: { c: RawConversation }): ReactNode {
  return (
    <button
      type="button"
      style={{
        display: 'flex',
        width: '100%',
        height: 64,
        alignItems: 'center',
        gap: 8,
        border: 0,
        background: 'none',
        textAlign: 'start',
      }}
    >
      <span style={{ width: 40, height: 40, borderRadius: 20, background: '#8ab' }} aria-hidden="true" />
      <span style={{ flex: 1, minWidth: 0 }}>
        <span style={{ display: 'block', fontWeight: 600 }}>{c.peer}</span>
        <span style={{ display: 'block', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
          {c.text}
        </span>
      </span>
      <time>{new Date(c.ts).toLocaleTimeString()}</time>
      {c.unread > 0 && <span>{c.unread}</span>}
    </button>
  );
}

function App(): ReactNode {
  const [list, set] = useState(initial);
  setList = set;
  const scroller = useRef<HTMLDivElement | null>(null);
  const v = useVirtualizer({
    count: list.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    overscan: 4,
    getItemKey: (i) => list[i]?.peer ?? i,
  });
  return (
    <div ref={scroller} style={{ height: '100%', overflowY: 'auto' }}>
      <ul style={{ position: 'relative', height: v.getTotalSize(), margin: 0, padding: 0, listStyle: 'none' }}>
        {v.getVirtualItems().map((item) => (
          <li
            key={item.key}
            style={{ position: 'absolute', insetInline: 0, top: 0, transform: `translateY(${item.start}px)` }}
          >
            <Row c={list[item.index] as RawConversation} />
          </li>
        ))}
      </ul>
    </div>
  );
}

installBench({
  async prepare(conversations) {
    // Most recent first, as every contender shows them.
    initial = [...conversations].reverse();
    await Promise.resolve();
  },
  mount(container) {
    createRoot(container).render(<App />);
  },
  update(i, ts) {
    setList((s) => {
      const c = s.find((x) => x.i === i);
      return c ? [{ ...c, ts, text: 'news', unread: c.unread + 1 }, ...s.filter((x) => x !== c)] : s;
    });
  },
});
