import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuList, onCpus, separateCpus } from '../../bench/support/cpu-placement';

const allowed = () => cpuList(/^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]!);

describe('cpu placement', () => {
  it('reads the kernel’s CPU lists, ranges and single CPUs alike', () => {
    expect(cpuList('0-3,8,10-11')).toEqual([0, 1, 2, 3, 8, 10, 11]);
    expect(cpuList('5\n')).toEqual([5]);
    expect(() => cpuList('3-1')).toThrow(/not a CPU list/);
    expect(() => cpuList('a')).toThrow(/not a CPU list/);
  });

  it('gives the server every CPU but the last and the clients the last, or nothing to split with one CPU', () => {
    const cpus = allowed();
    const placement = separateCpus();
    if (cpus.length < 2) {
      expect(placement).toBeNull();
      return;
    }
    expect(placement).not.toBeNull();
    const server = cpuList(placement!.server);
    expect(server).toEqual(cpus.slice(0, -1));
    expect(cpuList(placement!.client)).toEqual([cpus.at(-1)]);
    expect(cpuList(placement!.all)).toEqual(cpus);
  });

  it('starts a command that runs on the CPUs asked for only', () => {
    const cpu = String(allowed()[0]);
    const [command, args] = onCpus(cpu, process.execPath, [
      '-e',
      "process.stdout.write(/Cpus_allowed_list:\\s*(\\S+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1])",
    ]);
    expect(execFileSync(command, args, { encoding: 'utf8' })).toBe(cpu);
  });
});
