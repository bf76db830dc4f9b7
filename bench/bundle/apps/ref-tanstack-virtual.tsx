// Reference build (not a chat screen): what @tanstack/react-virtual alone costs,
// next to react-virtuoso, for the choice of virtualizer.
import { useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { useVirtualizer } from '@tanstack/react-virtual';

const items = Array.from({ length: 1000 }, (_, i) => `row ${i}`);

function List() {
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: items.length, getScrollElement: () => parent.current, estimateSize: () => 40 });
  return (
    <div ref={parent} style={{ height: 400, overflow: 'auto' }}>
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((it) => (
          <div
            key={it.key}
            data-index={it.index}
            ref={v.measureElement}
            style={{ position: 'absolute', top: 0, transform: `translateY(${it.start}px)` }}
          >
            {items[it.index]}
          </div>
        ))}
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<List />);
