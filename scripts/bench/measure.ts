// What the benchmarks measure with. runMeasured runs a command and measures its wall time, peak
// memory and CPU time: the resident memory and the CPU of its whole process tree (Pagefind runs as a
// child of a Node wrapper), sampled every 50 ms from /proc. CPU time says how much work a build is
// when the machine's speed drifts between runs. median and percentile summarize timings.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readProcStat } from './cpu-time.ts';

export type Measured = { seconds: number; peakRssMb: number; cpuSeconds: number; output: string };

export function runMeasured(command: string, args: string[], { cwd, env }: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Once the child has ended and been waited for, its tree's CPU is in this process's children's
    // times: exact for every process waited for. The samples cover any that were not.
    const waitedBefore = readProcStat('self')?.waitedChildrenCpuSeconds ?? 0;
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    let peak = 0;
    let cpu = 0;
    const timer = setInterval(() => {
      const tree = sampleTree(child.pid!);
      peak = Math.max(peak, tree.rssBytes);
      // The tree's CPU only grows; a sample taken as a process ends may miss it, so keep the largest.
      cpu = Math.max(cpu, tree.cpuSeconds);
    }, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-3000)}`));
      const waited = (readProcStat('self')?.waitedChildrenCpuSeconds ?? 0) - waitedBefore;
      resolve({ seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peak / 2 ** 20), cpuSeconds: Math.max(cpu, waited), output });
    });
  });
}

/** Resident memory and CPU seconds (ended descendants included) of a process and all its descendants. */
function sampleTree(root: number): { rssBytes: number; cpuSeconds: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcStat(entry);
    if (!stat) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      rss.set(Number(entry), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      continue; // The process ended while we looked.
    }
    cpu.set(Number(entry), stat.cpuSeconds + stat.waitedChildrenCpuSeconds);
    children.set(stat.parentPid, [...(children.get(stat.parentPid) ?? []), Number(entry)]);
  }
  let rssBytes = 0;
  let cpuSeconds = 0;
  for (const stack = [root]; stack.length; ) {
    const pid = stack.pop()!;
    rssBytes += rss.get(pid) ?? 0;
    cpuSeconds += cpu.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return { rssBytes, cpuSeconds };
}

/** median([3, 1, 2, 10]) → 2.5: the middle value, or the mean of the two middle ones. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** percentile(timings, 99): the nearest-rank percentile, a value that was measured (of 10 values, p99 is the largest). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
