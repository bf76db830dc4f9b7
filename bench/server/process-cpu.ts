// Owns reading the CPU time (user + system, ms) processes have used, from
// /proc: a process, a PostgreSQL server (its postmaster, the backends alive
// now and those that ended, which the postmaster reaped), and finding the
// processes of a server by what their command line says.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 1000 / 100;

/** Fields of /proc/<pid>/stat after the command name (field 3 first); null when the process is gone. */
function stat(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

/** CPU time `pid` used (ms); NaN when it is gone. */
export function cpuMs(pid: number | undefined): number {
  const f = pid === undefined ? null : stat(pid);
  return f ? (Number(f[11]) + Number(f[12])) * TICK_MS : NaN;
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
