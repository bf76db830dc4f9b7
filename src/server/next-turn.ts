// Owns giving the event loop a turn from the middle of long work, the same
// way in Node and in a page: what other connections sent meanwhile is read
// and served before the work goes on.

/**
 * Calls `next` on the next turn of the event loop: setImmediate in Node; in a browser a message to a
 * fresh channel, since nested setTimeout(0) calls wait at least 4 ms each.
 */
export function nextTurn(next: () => void): void {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') g.setImmediate(next);
  else if (typeof g.MessageChannel === 'function') {
    const channel = new g.MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      next();
    };
    channel.port2.postMessage(null);
  } else setTimeout(next, 0);
}

/** Resolves on the next turn of the event loop (nextTurn). */
export function aTurn(): Promise<void> {
  return new Promise((resolve) => nextTurn(resolve));
}
