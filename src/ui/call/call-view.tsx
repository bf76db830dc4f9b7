// Owns CallView, the in-call view as an app places it: it shows nothing until
// there is a call (or a device problem) on this device, and only then loads
// the view itself (call-panel.tsx) as a chunk of its own, so a chat that never
// calls does not carry it.
import type { ReactNode } from 'react';
import { useChatSelector } from '../../react';
import { lazyChunk, useLazyChunk } from '../lazy-chunk';
import type { CallViewProps } from './call-panel';

export type { CallViewProps } from './call-panel';

const panelChunk = lazyChunk(() => import('./call-panel'), 'call view');

export function CallView(props: CallViewProps): ReactNode {
  const needed = useChatSelector((s) => s.call.current !== null || s.call.mediaError !== null);
  const panel = useLazyChunk(panelChunk, needed ? true : undefined);
  if (!panel) return null;
  const { CallPanel } = panel;
  return <CallPanel {...props} />;
}
