// Reference build (not a chat screen): what react-virtuoso alone costs, for the
// choice of virtualizer, made by measurement.
import { createRoot } from 'react-dom/client';
import { Virtuoso } from 'react-virtuoso';

const items = Array.from({ length: 1000 }, (_, i) => `row ${i}`);
createRoot(document.getElementById('root')!).render(
  <Virtuoso
    style={{ height: 400 }}
    data={items}
    firstItemIndex={1000}
    followOutput="auto"
    itemContent={(_, s) => <div>{s}</div>}
  />,
);
