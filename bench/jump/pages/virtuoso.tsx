// Jump bench floor: a bare react-virtuoso list holding every message in memory;
// a jump is `scrollToIndex` and a highlight set in state (nothing to fetch).
import { useRef, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { installBench, reportStartupError, type RawMessage } from './harness';

let jumpTo: (m: RawMessage) => void = () => undefined;

function App({ messages }: { messages: RawMessage[] }): ReactNode {
  const ref = useRef<VirtuosoHandle>(null);
  const [highlight, setHighlight] = useState(-1);
  jumpTo = (m) => {
    setHighlight(m.i);
    ref.current?.scrollToIndex({ index: m.i, align: 'center' });
  };
  return (
    <Virtuoso<RawMessage>
      ref={ref}
      style={{ height: '100%' }}
      data={messages}
      initialTopMostItemIndex={{ index: 'LAST', align: 'end' }}
      computeItemKey={(_, m) => m.id}
      itemContent={(_, m) => (
        <div style={{ padding: '4px 12px' }}>
          <div data-highlighted={m.i === highlight ? '' : undefined} style={{ padding: '6px 10px', borderRadius: 12 }}>
            {m.text}
          </div>
        </div>
      )}
    />
  );
}

try {
  installBench({
    start(container, messages) {
      flushSync(() => createRoot(container).render(<App messages={messages} />));
      return Promise.resolve();
    },
    jump: (m) => jumpTo(m),
    highlighted: (el) => el.closest('[data-highlighted]') !== null,
  });
} catch (e) {
  reportStartupError(e);
}
