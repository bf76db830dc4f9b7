// Owns the order in which test files start: the few that take minutes go first, longest first. A
// clean clone (CI) has no durations cached, so vitest would start the largest files first, and the
// longest ones are small files (a suite run against a cluster, the bench smoke run): one of them
// starting last would run alone at the end while the other worker waits.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that take minutes on a loaded machine, longest first (from a full run's JSON report). */
const LONG = [
  'test/node/cluster/conformance-cluster.test.ts',
  'test/bench/bench-smoke.test.ts',
  'test/journeys/journeys.test.ts',
  'test/node/cluster/failover.test.ts',
  'test/browser/calls.test.ts',
  'test/stories/storybook.test.ts',
  'test/stories/accessibility.test.ts',
  'test/node/conformance-node.test.ts',
  'test/node/crash-recovery.test.ts',
  'test/stories/play-functions.test.ts',
  'test/node/cluster/call-nodes.test.ts',
  'test/browser/message-list.test.ts',
];

export class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const rank = (f: TestSpecification): number => {
      const at = LONG.indexOf(relative(root, f.moduleId).split('\\').join('/'));
      return at < 0 ? LONG.length : at;
    };
    // A stable sort: the other files keep vitest's own order.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
