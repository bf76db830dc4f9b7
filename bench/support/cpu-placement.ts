// Owns where a benchmark's processes run. Users' clients reach a server from
// other machines; a bench that starts the server and the clients generating
// its load on one machine makes them share its CPUs, and Linux then tends to
// keep a client and the server it talks to on one CPU (a socket write wakes
// the reader on the writer's CPU, expecting the writer to sleep): `perf sched`
// showed natter serve and the bench's client queued behind each other on one
// CPU for 16 ms of a 50 ms outbox drain while the other CPU was idle. This
// gives the server under test CPUs of its own and this process another one, so
// a bench can report the server without that placement too (on a machine of two
// CPUs the server then has one, helper threads included). `taskset`
// (util-linux) does the pinning; with one CPU there is nothing to separate.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU lists in taskset's form ("0,1,2"). */
export interface CpuPlacement {
  /** The server under test's CPUs: every CPU this process may use but the last. */
  server: string;
  /** The load generator's (this process's) CPU: the last one. */
  client: string;
  /** Every CPU this process could use when the bench started (to share them again). */
  all: string;
}

/** Expands a kernel CPU list ("0-3,8,10-11") into CPU numbers. */
export function cpuList(text: string): number[] {
  return text
    .trim()
    .split(',')
    .filter(Boolean)
    .flatMap((part) => {
      const [from, to = from] = part.split('-').map(Number) as [number, number?];
      if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) throw new Error(`not a CPU list: ${text}`);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
}

/** The CPUs this process may run on (Linux), or null where the kernel does not say. */
function allowedCpus(): number[] | null {
  try {
    const m = /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? cpuList(m[1]!) : null;
  } catch {
    return null;
  }
}

/** The server's CPUs and the client's, or null when this process may use fewer than two CPUs. */
export function separateCpus(): CpuPlacement | null {
  const cpus = allowedCpus();
  if (!cpus || cpus.length < 2) return null;
  return { server: cpus.slice(0, -1).join(','), client: String(cpus.at(-1)), all: cpus.join(',') };
}

function taskset(args: string[]): void {
  try {
    execFileSync('taskset', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('taskset is not installed: it comes with util-linux (apt-get install util-linux)');
    throw e;
  }
}

/** Moves every thread of this process to `cpus` (threads it starts later inherit them). */
export function pinThisProcess(cpus: string): void {
  taskset(['-a', '-p', '-c', cpus, String(process.pid)]);
}

/** The command and arguments that run `command args` on `cpus` only (same pid: taskset execs it). */
export function onCpus(cpus: string, command: string, args: string[]): [string, string[]] {
  return ['taskset', ['-c', cpus, command, ...args]];
}
