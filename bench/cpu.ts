// CPU seconds of this process's main thread (Linux /proc; NaN elsewhere): unlike
// process.cpuUsage() it leaves out GC and compiler helper threads, and unlike wall time it
// hardly moves when other processes share the machine (the benchmarks' A/B figure).
import { readFileSync } from 'node:fs';

export function mainThreadCpuS(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return NaN;
  }
}
