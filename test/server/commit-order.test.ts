import { describe, expect, it } from 'vitest';
import { inCommitOrder } from '../../src/server/commit-order';

describe('the order a shared database group commit runs its changes in', () => {
  it('runs them by conversation key, each conversation in the order its changes came, unkeyed ones first', () => {
    const queued = [
      { id: 1, order: 'group:h' },
      { id: 2, order: 'group:g' },
      { id: 3, order: 'group:h' },
      { id: 4 },
      { id: 5, order: 'group:g' },
      { id: 6, order: 'single:ann|bob' },
    ];
    expect(inCommitOrder(queued).map((q) => q.id)).toEqual([4, 2, 5, 1, 3, 6]);
    expect(queued.map((q) => q.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
