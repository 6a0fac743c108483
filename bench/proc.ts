/** What Linux's /proc says about a process: CPU time so far and memory. */
import { readFileSync } from 'node:fs';

/** User + system CPU time of a process so far, in microseconds (100 ticks a second); 0 once it is gone. */
export function cpuMicros(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(stat[11]) + Number(stat[12])) * 10_000;
  } catch {
    return 0;
  }
}

/** The highest resident set size of a process so far (VmHWM), in MB. */
export function rssPeakMb(pid: number): number {
  return statusMb(pid, 'VmHWM');
}

/** The resident set size of a process now (VmRSS), in MB. */
export function rssMb(pid: number): number {
  return statusMb(pid, 'VmRSS');
}

function statusMb(pid: number, field: string): number {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) / 1024;
  } catch {
    return 0;
  }
}
