// Owns timer scheduling for the client. Timers are unref'd where the
// platform allows (Node), so an idle client never keeps a process alive on
// its own; the socket does that while it is open. A timer may also be cut
// short by the page going away (`laterOrOnLeave`), for work a reload must
// not lose.

export type TimerHandle = ReturnType<typeof setTimeout>;

export function later(ms: number, fn: () => void): TimerHandle {
  const t = setTimeout(fn, ms);
  (t as { unref?: () => void }).unref?.();
  return t;
}

export function cancel(t: TimerHandle | null | undefined): void {
  if (t !== null && t !== undefined) clearTimeout(t);
}

/** Page events after which a page may be unloaded without further notice (a reload, a closed or frozen tab). */
const LEAVING = ['pagehide', 'visibilitychange'] as const;

/**
 * Runs `fn` once: after `ms`, or as soon as the page is hidden or about to unload, whichever comes
 * first (only the timer where there is no page). Returns what cancels it.
 */
export function laterOrOnLeave(ms: number, fn: () => void): () => void {
  const page = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
  const stop = () => {
    cancel(timer);
    for (const type of LEAVING) page.removeEventListener?.(type, leaving);
  };
  const run = () => {
    stop();
    fn();
  };
  const leaving = (e: Event) => {
    if (e.type === 'pagehide' || globalThis.document?.visibilityState === 'hidden') run();
  };
  const timer = later(ms, run);
  for (const type of LEAVING) page.addEventListener?.(type, leaving);
  return stop;
}
