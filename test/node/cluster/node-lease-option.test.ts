// `natter serve --node-lease <ms>` (the startServer option nodeLeaseMs): how
// long a node's lease in Redis lasts unrefreshed. Wrong values are refused
// with a message naming the option before anything is opened (the database
// and Redis URLs below lead nowhere), and it is refused without --redis.
// That a killed node is taken over after the lease set here is shown by the
// cluster tests that run with a short one (claim-takeover.test.ts).
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src/node/cli';
import { HELP } from '../../../src/node/cli-help';

function io(): CliIo & { stderr: string } {
  const o = { stderr: '', env: {}, out: () => undefined, err: (t: string) => void (o.stderr += t) };
  return o;
}

const CLUSTER = ['--db', 'postgres://natter@127.0.0.1:1/natter', '--redis', 'redis://127.0.0.1:1'];

describe('natter serve --node-lease', () => {
  it('is documented in the help', () => {
    expect(HELP).toContain('--node-lease <ms>');
  });

  it('refuses a lease that is not whole milliseconds from 1000 to 600000, before opening anything', async () => {
    const cases: [string, string][] = [
      ['abc', '--node-lease must be a non-negative integer'],
      ['2.5', '--node-lease must be a non-negative integer'],
      ['999', 'from 1000 to 600000, got 999'],
      ['600001', 'from 1000 to 600000, got 600001'],
    ];
    for (const [value, error] of cases) {
      const out = io();
      expect(await runCli(['serve', '--dev', '--port', '0', ...CLUSTER, '--node-lease', value], out)).toBe(2);
      expect(out.stderr).toContain(error);
    }
  });

  it('is refused without --redis, where there are no leases', async () => {
    for (const db of [[], ['--db', 'postgres://natter@127.0.0.1:1/natter']]) {
      const out = io();
      expect(await runCli(['serve', '--dev', '--port', '0', ...db, '--node-lease', '5000'], out)).toBe(2);
      expect(out.stderr).toContain('--node-lease needs --redis');
    }
  });
});
