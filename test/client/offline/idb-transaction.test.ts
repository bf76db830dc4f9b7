// The offline cache's writes made as one transaction: they land together, or a
// write that throws aborts the transaction (nothing half-written) and the error
// reaches the cache; a failed write is named quota or failed for its warning.
import { describe, expect, it } from 'vitest';
import { allOrNothing, errorReason } from '../../../src/client/offline/idb-transaction';

function fakeTx() {
  let settle: (() => void) | null = null;
  const tx = {
    aborted: false,
    done: new Promise<void>((resolve) => (settle = resolve)),
    abort() {
      tx.aborted = true;
    },
  };
  return { tx, commit: () => settle?.() };
}

describe('allOrNothing', () => {
  it('waits for the transaction to complete after its writes', async () => {
    const { tx, commit } = fakeTx();
    const written: string[] = [];
    let finished = false;
    const run = allOrNothing(tx, async () => {
      written.push('a', 'b');
      await Promise.resolve();
    }).then(() => (finished = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(finished).toBe(false);
    commit();
    await run;
    expect(written).toEqual(['a', 'b']);
    expect(tx.aborted).toBe(false);
  });

  it('aborts the transaction when a write throws, and rethrows', async () => {
    const { tx } = fakeTx();
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    await expect(
      allOrNothing(tx, () => {
        throw quota;
      }),
    ).rejects.toBe(quota);
    expect(tx.aborted).toBe(true);
  });
});

describe('errorReason', () => {
  it('names a quota error quota, and anything else failed', () => {
    expect(errorReason(Object.assign(new Error('x'), { name: 'QuotaExceededError' }))).toBe('quota');
    expect(errorReason(new Error('broken'))).toBe('failed');
    expect(errorReason(null)).toBe('failed');
    expect(errorReason('text')).toBe('failed');
  });
});
