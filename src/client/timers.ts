// Owns timer scheduling for the client. Timers are unref'd where the
// platform allows (Node), so an idle client never keeps a process alive on
// its own; the socket does that while it is open.

export type TimerHandle = ReturnType<typeof setTimeout>;

export function later(ms: number, fn: () => void): TimerHandle {
  const t = setTimeout(fn, ms);
  (t as { unref?: () => void }).unref?.();
  return t;
}

export function cancel(t: TimerHandle | null | undefined): void {
  if (t !== null && t !== undefined) clearTimeout(t);
}
