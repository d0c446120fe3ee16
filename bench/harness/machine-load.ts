import fs from 'node:fs';
import os from 'node:os';

import { round } from './ingest-bench';

/**
 * How much of the machine other work took while a phase of the run was measured. The load
 * average alone cannot say it: the run's own database, API server and load generator load the
 * machine too. So the CPU time of every process outside this run (this process and its
 * descendants: the Neo4j JVM, the API servers) is read from /proc at both ends of the phase,
 * as a share of all the cores' time. Processes that started and ended inside the phase are
 * missed, so the share is a lower bound. Linux only; elsewhere the figures are null.
 */

export interface OtherLoad {
  seconds: number;
  /** CPU time of processes outside this run, as a share of all cores over the phase (0..1). */
  otherCpuShare: number | null;
  /** The same for this run's own processes. */
  ownCpuShare: number | null;
  /** Highest 1-minute load average seen during the phase (sampled every 5 s). */
  loadAverageMax: number;
}

interface Snapshot {
  /** Jiffies of all cores together, busy or idle. */
  total: number;
  /** CPU jiffies (user + system) by pid, and whether the pid belongs to this run. */
  processes: Map<number, { ticks: number; own: boolean }>;
}

function snapshot(): Snapshot | null {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const total = cpu
      .split(/\s+/)
      .slice(1, 9)
      .reduce((sum, field) => sum + Number(field), 0);
    const parents = new Map<number, number>();
    const ticks = new Map<number, number>();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // ended while we read
      }
      // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      parents.set(pid, Number(fields[1]));
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    }
    const own = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 64; p = parents.get(p) ?? 0, hops++)
        if (p === process.pid) return true;
      return false;
    };
    const processes = new Map<number, { ticks: number; own: boolean }>();
    for (const [pid, t] of ticks) processes.set(pid, { ticks: t, own: own(pid) });
    return { total, processes };
  } catch {
    return null;
  }
}

/** Starts watching; the returned function ends the phase and says what other work took. */
export function watchOtherLoad(): () => OtherLoad {
  const started = Date.now();
  const first = snapshot();
  let loadAverageMax = os.loadavg()[0];
  const timer = setInterval(() => {
    loadAverageMax = Math.max(loadAverageMax, os.loadavg()[0]);
  }, 5_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    loadAverageMax = Math.max(loadAverageMax, os.loadavg()[0]);
    const last = snapshot();
    let other: number | null = null;
    let own: number | null = null;
    if (first && last && last.total > first.total) {
      let otherTicks = 0;
      let ownTicks = 0;
      for (const [pid, now] of last.processes) {
        const before = first.processes.get(pid)?.ticks ?? 0;
        const used = Math.max(0, now.ticks - before);
        if (now.own) ownTicks += used;
        else otherTicks += used;
      }
      const elapsed = last.total - first.total;
      other = round(Math.min(1, otherTicks / elapsed), 2);
      own = round(Math.min(1, ownTicks / elapsed), 2);
    }
    return {
      seconds: Math.round((Date.now() - started) / 1000),
      otherCpuShare: other,
      ownCpuShare: own,
      loadAverageMax: round(loadAverageMax, 2),
    };
  };
}
