// Owns reading the CPU time (user + system, ms) processes have used, from
// /proc: a process, a PostgreSQL server (its postmaster, the backends alive
// now and those that ended, which the postmaster reaped), and finding the
// processes of a server by what their command line says.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 1000 / 100;

/** Fields of /proc/<pid>/stat after the command name (field 3 first); null when the process is gone. */
function stat(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

/** Whether this kernel keeps per-thread run times in nanoseconds (schedstat). */
const SCHEDSTAT = existsSync('/proc/self/schedstat');

/**
 * CPU time `pid` used (ms); NaN when it is gone. Read from its threads' schedstat, in nanoseconds:
 * /proc/<pid>/stat counts 10 ms ticks, so a drain of 500 messages in 10 ms read as 0 or 20 µs a
 * message. Threads that ended are not counted there (read it across spans in which the process
 * keeps its threads); without schedstat (a kernel built without it), the ticks.
 */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  if (!SCHEDSTAT) {
    const f = stat(pid);
    return f ? (Number(f[11]) + Number(f[12])) * TICK_MS : NaN;
  }
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return NaN;
  }
  let ns = 0;
  for (const task of tasks) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended since the listing.
    }
  }
  return ns / 1e6;
}

/** The parent of `pid` (0 when it is gone). */
export function parentOf(pid: number): number {
  return Number(stat(pid)?.[1] ?? 0);
}

/** Live processes whose command line contains `text`. */
export function findProcesses(text: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(text)) out.push(Number(name));
    } catch {
      // Ended while we looked.
    }
  }
  return out;
}

/** CPU time of a process tree's root, its live children and the children it reaped (ms). */
export function treeCpuMs(root: number): number {
  const f = stat(root);
  if (!f) return NaN;
  let ms = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_MS;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const child = stat(Number(name));
    if (child && Number(child[1]) === root) ms += (Number(child[11]) + Number(child[12])) * TICK_MS;
  }
  return ms;
}
