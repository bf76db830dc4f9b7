// A transport wrapper for the browser fixture pages: frames to the client can be
// held back (all of them, in order) and released, so a test can look at the UI
// between asking for a page and the page arriving. A gate rather than a timed
// delay: on a loaded machine a delay can run out before the test has looked.
import type { ClientConnectionHandlers, Transport } from '../../src/protocol/link';

export interface HoldableTransport {
  transport: Transport;
  hold(): void;
  release(): void;
}

export function holdable(inner: Transport): HoldableTransport {
  let held: (() => void)[] | null = null;
  return {
    transport: {
      connect: (h: ClientConnectionHandlers) =>
        inner.connect({
          ...h,
          frame: (data) => {
            if (held) held.push(() => h.frame(data));
            else h.frame(data);
          },
        }),
      ...(inner.upload ? { upload: inner.upload.bind(inner) } : {}),
    },
    hold: () => {
      held ??= [];
    },
    release: () => {
      const queued = held ?? [];
      held = null;
      for (const deliver of queued) deliver();
    },
  };
}
