import fs from 'node:fs';

import { round } from './ingest-bench';

/**
 * Summarises a V8 .cpuprofile (node --cpu-prof) into where the time went: self time by package
 * (node_modules/<name>, papergraph's src/, Node internals, GC, idle) and the busiest functions.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  /** Sampled wall time, ms. */
  totalMs: number;
  /** Time the process was busy (not idle), ms. */
  busyMs: number;
  byPackage: Array<{ name: string; ms: number; share: number }>;
  topFunctions: Array<{ name: string; where: string; ms: number; share: number }>;
}

export function packageOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(garbage collector)') return '(garbage collector)';
    if (functionName === '(program)') return '(program: native, compiler)';
    return '(native)';
  }
  if (url.startsWith('node:')) return 'node internals';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (/\/(dist\/)?src\//.test(url)) return 'papergraph (src/)';
  if (/\/(dist\/)?bench\//.test(url)) return 'bench harness';
  return url;
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Self time per node from the samples and their time deltas (more exact than hitCount).
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const packages = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; ms: number }>();
  let idle = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const pkg = packageOf(url, functionName);
    if (pkg === '(idle)') idle += ms;
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
    const where = url
      ? `${url.replace(/^.*?(node_modules\/|\/dist\/|node:)/, '$1')}:${lineNumber + 1}`
      : '';
    const key = `${functionName}@${where}`;
    const entry = functions.get(key) ?? { name: functionName || '(anonymous)', where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  const busyMs = totalMs - idle;
  const share = (ms: number) => round(busyMs > 0 ? ms / busyMs : 0, 3);
  return {
    totalMs: round(totalMs, 0),
    busyMs: round(busyMs, 0),
    byPackage: [...packages]
      .filter(([name]) => name !== '(idle)')
      .map(([name, ms]) => ({ name, ms: round(ms, 0), share: share(ms) }))
      .sort((a, b) => b.ms - a.ms),
    topFunctions: [...functions.values()]
      .filter((f) => f.name !== '(idle)')
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((f) => ({ ...f, ms: round(f.ms, 0), share: share(f.ms) })),
  };
}
