// CPU time spent by this process and by a local PostgreSQL server during a benchmark phase, to say
// where the time of a request goes on a machine that others may be using too.
import { readdirSync, readFileSync } from 'node:fs';

// Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every common platform.
const TICKS_PER_SECOND = 100;

export type ProcStat = { name: string; parentPid: number; cpuSeconds: number; waitedChildrenCpuSeconds: number };

/** One process's /proc/<pid>/stat: its command name, parent and CPU times; null once it has ended. */
export function readProcStat(pid: number | string): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": the command may hold spaces, so split after its closing parenthesis.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return {
      name: stat.slice(stat.indexOf('(') + 1, close),
      parentPid: Number(fields[1]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND, // utime, stime
      // Children that ended and were waited for (cutime, cstime): a process tree's CPU includes them.
      waitedChildrenCpuSeconds: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND,
    };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by each process whose command name is `name` and whose command line
 * contains `matching` (PostgreSQL names each backend's database there), by process id; null without /proc.
 */
export function cpuSecondsOf(name: string, matching = ''): Map<number, number> | null {
  const seconds = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcStat(entry);
    if (stat?.name !== name) continue;
    try {
      if (matching && !readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(matching)) continue;
    } catch {
      continue; // The process ended while we looked.
    }
    seconds.set(Number(entry), stat.cpuSeconds);
  }
  return seconds;
}

/**
 * cpuMeter('postgres', 'vitrine_bench_1a2b') starts counting; the returned function gives the CPU
 * seconds of this process, and of the server's processes for that database, since then. A server
 * process that ended in between is not counted: measure a phase whose connections stay open.
 */
export function cpuMeter(server: string, matching = ''): () => { self: number; server: number | null } {
  const self = process.cpuUsage();
  const serverStart = cpuSecondsOf(server, matching);
  return () => {
    const used = process.cpuUsage(self);
    const serverNow = cpuSecondsOf(server, matching);
    let serverUsed: number | null = null;
    if (serverStart && serverNow) {
      serverUsed = 0;
      for (const [pid, seconds] of serverNow) serverUsed += seconds - (serverStart.get(pid) ?? 0);
    }
    return { self: (used.user + used.system) / 1e6, server: serverUsed };
  };
}
