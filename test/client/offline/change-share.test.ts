// Queued changes told between the tabs of one user (two shares on one
// BroadcastChannel name, as two tabs have): a change one tab queues shows in
// the other as a `change` input and its answer as `changeSettled` (with the
// reason when refused); a tab that starts later asks and is told of the
// changes waiting; a change whose maker let go of it unanswered is taken over
// (adopted) by the tab that heard of it, and one that was answered is not
// (and is shown no more, even when its answer was not heard).
import { afterEach, describe, expect, it } from 'vitest';
import type { SavedChange } from '../../../src/client/change-persistence';
import type { ClientInput } from '../../../src/client/client-input';
import { shareChanges, type ChangeEntries, type ChangeShare } from '../../../src/client/offline/change-share';
import { NatterError } from '../../../src/protocol/errors';

const shares: ChangeShare[] = [];
afterEach(() => {
  for (const s of shares.splice(0)) s.dispose();
});

let n = 0;
const names = () => `natter:test-share-${++n}`;

interface Tab {
  inputs: ClientInput[];
  queue: SavedChange[];
  adopted: SavedChange[];
  share: ChangeShare;
  /** Lets go of a change's entry as its maker would: `left` when unanswered (closed), null when answered. */
  free(id: string, left: SavedChange | null): void;
}

function tab(name: string): Tab {
  const waits = new Map<string, (left: SavedChange | null) => void>();
  const entries: ChangeEntries = {
    heldChange: () => Promise.resolve(true),
    takeOverChange: (id, signal) =>
      new Promise((resolve) => {
        waits.set(id, resolve);
        signal.addEventListener('abort', () => resolve(null));
      }),
  };
  const inputs: ClientInput[] = [];
  const queue: SavedChange[] = [];
  const adopted: SavedChange[] = [];
  const share = shareChanges(
    name,
    { push: (i) => inputs.push(i), waiting: () => queue, adopt: (c) => adopted.push(c) },
    entries,
  );
  shares.push(share);
  return { inputs, queue, adopted, share, free: (id, left) => waits.get(id)?.(left) };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

const pin = (id: string): SavedChange => ({ id, order: 1, op: 'pin', params: { serverId: 's1' } });
const kinds = (t: Tab) => t.inputs.map((i) => (i.kind === 'changeSettled' ? [i.kind, i.id, i.error?.code] : [i.kind]));

describe('queued changes told between tabs', () => {
  it('a change queued in one tab shows in the other, then its refusal with the reason', async () => {
    const name = names();
    const maker = tab(name);
    const other = tab(name);
    maker.queue.push(pin('c1'));
    maker.share.queued(pin('c1'));
    await until(() => other.inputs.length === 1, 'shown');
    expect(other.inputs[0]).toMatchObject({ kind: 'change', change: { id: 'c1', change: { type: 'pin' } } });
    maker.share.settled(pin('c1'), null, new NatterError(510, 'only the group owner or an admin can pin'));
    await until(() => other.inputs.length === 2, 'settled');
    expect(kinds(other)).toEqual([['change'], ['changeSettled', 'c1', 510]]);
    // Told, never taken over: it was answered.
    expect(other.adopted).toEqual([]);
    expect(maker.inputs).toEqual([]);
  });

  it('a tab that starts later is told of the changes waiting in the others', async () => {
    const name = names();
    const maker = tab(name);
    maker.queue.push(pin('c1'), pin('c2'));
    const later = tab(name);
    await until(() => later.inputs.length === 2, 'told');
    expect(later.inputs.map((i) => (i.kind === 'change' ? i.change.id : i.kind))).toEqual(['c1', 'c2']);
  });

  it('a change its maker left unanswered is adopted; one it answered is not', async () => {
    const name = names();
    const maker = tab(name);
    const other = tab(name);
    maker.share.queued(pin('left'));
    maker.share.queued(pin('done'));
    await until(() => other.inputs.length === 2, 'shown');
    other.free('left', pin('left'));
    other.free('done', null);
    await until(() => other.adopted.length === 1 && other.inputs.length === 3, 'adopted');
    expect(other.adopted.map((c) => c.id)).toEqual(['left']);
    // The answered one, whose answer this tab did not hear, is shown no more.
    expect(kinds(other)).toEqual([['change'], ['change'], ['changeSettled', 'done', undefined]]);
  });
});
