// The README's performance section is rendered from bench reports, a block per
// shown benchmark: a report holding some of them rewrites only theirs.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module without type declarations
import { renderPerformance } from '../../bench/readme-table.mjs';

const render = renderPerformance as (report: unknown, previous?: string) => string;

const result = (name: string, actual: string) => ({
  name,
  title: `${name} bench`,
  command: `run ${name}`,
  date: '2026-12-04T10:00:00.000Z',
  summary: { tables: [], targets: [{ name: `${name} target`, actual, pass: true }] },
});

/** A result whose one target was missed. */
const missedResult = (name: string, actual: string) => ({
  ...result(name, actual),
  summary: { tables: [], targets: [{ name: `${name} target`, actual, pass: false }] },
});

describe('README performance section', () => {
  it('rewrites the blocks of the benchmarks a report ran and keeps the others as they were', () => {
    const first = render({ date: '2026-12-04', results: [result('list', '1.1×'), result('latency', '0.5 ms')] });
    expect(first).toContain('| list target | 1.1× | PASS |');
    expect(first).toContain('| latency target | 0.5 ms | PASS |');

    const second = render(
      { date: '2026-12-05', results: [result('conversations', '4 ms'), result('list', '1.3×')] },
      first,
    );
    expect(second).toContain('| conversations target | 4 ms | PASS |');
    expect(second).toContain('| list target | 1.3× | PASS |');
    expect(second).not.toContain('1.1×');
    expect(second).toContain('| latency target | 0.5 ms | PASS |');
    // In the README's order: list, latency, conversations.
    expect(second.indexOf('list target')).toBeLessThan(second.indexOf('latency target'));
    expect(second.indexOf('latency target')).toBeLessThan(second.indexOf('conversations target'));
  });

  it('leaves out a benchmark no report has measured yet', () => {
    expect(render({ date: '2026-12-04', results: [result('list', '1.1×')] })).not.toContain('bench:fanout');
  });

  it('lists every benchmark with the targets each missed and when it was measured, and keeps that list after a partial run', () => {
    const missed = missedResult('jump', '2 of 3');
    const full = render({
      date: '2026-12-05T00:00:00.000Z',
      command: 'npm run bench',
      results: [result('list', '1.1×')],
      everything: [result('list', '1.1×'), missed, { name: 'calls', title: 'calls', command: 'x', error: 'exit 1' }],
    });
    expect(full).toContain('| [list](bench/results/latest.md) | 1 of 1 |  | 2026-12-04 10:00 |');
    expect(full).toContain('| [jump](bench/results/latest.md) | 0 of 1 | jump target (2 of 3) | 2026-12-04 10:00 |');
    // A result without a date of its own was measured by the report's run.
    expect(full).toContain('| [calls](bench/results/latest.md) | failed: exit 1 |  | 2026-12-05 00:00 |');
    const partial = render({ date: '2026-12-06', results: [result('latency', '0.5 ms')] }, full);
    expect(partial).toContain('jump target (2 of 3)');
    expect(partial).toContain('| latency target | 0.5 ms | PASS |');
  });

  it('rewrites that list from a merged report, so a miss fixed since the full run leaves it', () => {
    const missed = missedResult('jump', '0 of 3');
    const full = render({
      date: '2026-12-04T10:00:00.000Z',
      command: 'npm run bench',
      results: [result('list', '1.1×')],
      everything: [result('list', '1.1×'), missed],
    });
    const fixed = { ...result('jump', '3 of 3'), date: '2026-12-05T21:20:00.000Z' };
    const merged = render(
      {
        date: '2026-12-05T21:20:00.000Z',
        command: 'npm run bench -- jump --merge',
        results: [result('list', '1.1×')],
        everything: [result('list', '1.1×'), fixed],
      },
      full,
    );
    expect(merged).not.toContain('jump target (0 of 3)');
    expect(merged).toContain('| [jump](bench/results/latest.md) | 1 of 1 |  | 2026-12-05 21:20 |');
    expect(merged).toContain('| [list](bench/results/latest.md) | 1 of 1 |  | 2026-12-04 10:00 |');
    expect(merged).toContain('report of `npm run bench -- jump --merge`');
  });
});
