// The SQLite reader thread yields the CPU to the event loop: on Linux, where
// a thread has a priority of its own, it runs at READER_NICE while the main
// thread and the rest of the process keep theirs; elsewhere nothing changes.
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { READER_NICE } from '../../src/node/sqlite-reader';
import { useTempSqlite } from './support/temp-sqlite';

const { tempDb, open } = useTempSqlite('natter-sqlite-reader-');

/** Each thread of this process and its nice value (/proc/self/task/<tid>/stat, field 19). */
function threadNices(): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after it follow its closing parenthesis.
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    nices.set(Number(tid), Number(after[16]));
  }
  return nices;
}

describe('SQLite reader thread', () => {
  it('runs at a lower priority than the event loop, leaving the rest of the process as it was', async () => {
    const s = open(tempDb());
    if (process.platform !== 'linux') {
      // Elsewhere a priority is the whole process': the reader keeps the default.
      const before = getPriority();
      await s.conversationPageInBackground('alice', { limit: 5 }, true);
      expect(getPriority()).toBe(before);
      return;
    }
    const before = threadNices();
    await s.conversationPageInBackground('alice', { limit: 5 }, true);
    const after = threadNices();
    const started = [...after].filter(([tid]) => !before.has(tid));
    expect(READER_NICE).toBeGreaterThan(0);
    expect(started.map(([, nice]) => nice)).toContain(READER_NICE);
    // The main thread (its id is the process id) and every thread there before keep their priority.
    expect(after.get(process.pid)).toBe(before.get(process.pid));
    for (const [tid, nice] of before) if (after.has(tid)) expect(after.get(tid), `thread ${tid}`).toBe(nice);
  });
});
