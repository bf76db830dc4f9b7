// Test support: what a test reads on every turn of the event loop while some
// work is under way, to show that the work lets the loop turn (and how far it
// had got at each turn).

/**
 * Schedules `sample` for every turn of the event loop, then starts `work`; resolves with its value
 * and what `sample` returned on each turn until it settled.
 */
export async function sampledEachTurn<T, V>(
  sample: () => V,
  work: () => Promise<T>,
): Promise<{ value: T; samples: V[] }> {
  const samples: V[] = [];
  let settled = false;
  const turn = (): void => {
    if (settled) return;
    samples.push(sample());
    setImmediate(turn);
  };
  setImmediate(turn);
  try {
    return { value: await work(), samples };
  } finally {
    settled = true;
  }
}
