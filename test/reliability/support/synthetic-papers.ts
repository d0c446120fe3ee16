import fs from 'node:fs';

import { slug } from '../../../src/ingest/resolve/slug';
import { EntityKind } from '../../../src/model';

/**
 * Deterministic synthetic papers for the reliability tests: the same size and seed always give the
 * same bytes. Each paper introduces one coined model, method or dataset ("Velkamorno"), usually
 * derived from an earlier one, and uses, evaluates on and compares with earlier ones, in the cue
 * phrases the extractor reads: JSON Lines input for `papergraph ingest`, which goes through
 * extraction. (The soak's large graph is the benchmark corpus, loaded without extraction.)
 *
 * Kept small and independent of bench/corpus, which evolves with the benchmarks.
 */

export interface SyntheticOptions {
  papers: number;
  seed: number;
  /** Index of the first paper; papers [from, from + papers) of the same seed are always equal. */
  from?: number;
}

export interface JsonlPaper {
  id: string;
  title: string;
  abstract: string;
  published: string;
  authors: string[];
}

/** mulberry32: tiny, seedable, the same on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['B', 'D', 'F', 'G', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'V', 'Z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u'];
const CLUSTERS = ['lk', 'rn', 'sk', 'lv', 'rd', 'nt', 'mb', 'rv'];
const SUFFIX: Record<'MODEL' | 'METHOD' | 'DATASET', string> = {
  MODEL: 'Net',
  METHOD: 'Tune',
  DATASET: 'Bench',
};
const TASKS = [
  'Image Classification',
  'Object Detection',
  'Semantic Segmentation',
  'Machine Translation',
  'Question Answering',
  'Speech Recognition',
];
const HEAD: Record<'MODEL' | 'METHOD', string> = { MODEL: 'model', METHOD: 'method' };

/**
 * A coined name for entity number `n` of a kind: unique, never a prefix or part of another one,
 * "Velkamorno" + kind suffix. Deterministic in n, so papers of any range agree on names.
 */
function coinedName(n: number, kind: 'MODEL' | 'METHOD' | 'DATASET'): string {
  const stems = ONSETS.length * VOWELS.length * CLUSTERS.length * VOWELS.length;
  const stem = (i: number) => {
    const o = ONSETS[i % ONSETS.length];
    const v = VOWELS[Math.floor(i / ONSETS.length) % VOWELS.length];
    const c = CLUSTERS[Math.floor(i / (ONSETS.length * VOWELS.length)) % CLUSTERS.length];
    const w =
      VOWELS[Math.floor(i / (ONSETS.length * VOWELS.length * CLUSTERS.length)) % VOWELS.length];
    return `${o}${v}${c}${w}`;
  };
  // A bijection of n onto stem pairs, scrambled so neighbours do not share a first stem.
  const a = (n * 7919) % stems;
  const b = (Math.floor(n / stems) * 31 + n) % stems;
  return `${stem(a)}${stem(b).toLowerCase()}${SUFFIX[kind]}`;
}

interface Paper {
  record: JsonlPaper;
  /** The entity this paper introduces, its parent (if any) and what it links to. */
  introduces: { id: string; name: string; kind: EntityKind };
  parent?: { id: string; name: string; kind: EntityKind };
  uses: Array<{ id: string; name: string; kind: EntityKind }>;
  evaluatesOn: Array<{ id: string; name: string; kind: EntityKind }>;
  comparesWith: Array<{ id: string; name: string; kind: EntityKind }>;
  task: { id: string; name: string; kind: EntityKind };
  sentences: { intro: string; uses: string; evaluates: string; compares: string; task: string };
}

/** Base entities every corpus starts from: lineage roots and popular datasets. */
const BASE = 12;

/** Paper i of a seed: a pure function of (seed, i), so ranges and whole corpora agree. */
function paper(seed: number, i: number): Paper {
  const random = prng(seed * 1_000_003 + i);
  const int = (max: number) => Math.floor(random() * max);
  const kind = (['MODEL', 'METHOD', 'MODEL', 'METHOD', 'DATASET'] as const)[int(5)];
  const entity = (n: number, k: 'MODEL' | 'METHOD' | 'DATASET') => {
    const name = coinedName(n * 3 + ['MODEL', 'METHOD', 'DATASET'].indexOf(k), k);
    return { id: slug(name), name, kind: k as EntityKind };
  };
  // Entity n of a kind is introduced by paper n - BASE (or predates the corpus when n < BASE).
  const self = entity(BASE + i, kind);
  // Earlier entities: mostly recent ones (deep lineage), sometimes a popular base one.
  const earlier = () => (random() < 0.3 ? int(BASE) : Math.max(0, BASE + i - 1 - int(40)));
  const task = TASKS[int(TASKS.length)];
  const taskEntity = { id: slug(task), name: task, kind: 'TASK' as EntityKind };
  const parent = kind !== 'DATASET' && random() < 0.8 ? entity(earlier(), kind) : undefined;
  const pick = (count: number, k: 'MODEL' | 'METHOD' | 'DATASET') => {
    const out = new Map<string, ReturnType<typeof entity>>();
    for (let tries = 0; out.size < count && tries < count * 4; tries++) {
      const e = entity(earlier(), k);
      if (e.id !== self.id && e.id !== parent?.id) out.set(e.id, e);
    }
    return [...out.values()];
  };
  const uses = pick(1 + int(2), kind === 'MODEL' ? 'METHOD' : 'MODEL');
  const evaluatesOn = pick(1 + int(2), 'DATASET');
  const comparesWith = kind === 'DATASET' ? [] : pick(1 + int(2), kind);
  const list = (xs: Array<{ name: string }>) =>
    xs.length < 2
      ? xs.map((x) => x.name).join('')
      : `${xs
          .slice(0, -1)
          .map((x) => x.name)
          .join(', ')} and ${xs[xs.length - 1].name}`;
  const head = (k: EntityKind) => (k === 'MODEL' || k === 'METHOD' ? HEAD[k] : 'benchmark');
  const intro = parent
    ? `We propose ${self.name}, a ${head(kind)} which extends ${parent.name}.`
    : `We introduce ${self.name}, a new ${head(kind)} for ${task}.`;
  const sentences = {
    task: `${task} remains hard for current systems.`,
    intro,
    uses: `${self.name} uses the ${list(uses)} ${head(uses[0]?.kind ?? 'MODEL')} during training.`,
    evaluates: `We evaluate ${self.name} on ${list(evaluatesOn)}.`,
    compares: comparesWith.length
      ? `${self.name} outperforms ${list(comparesWith)} by ${1 + int(9)}.${int(10)} points.`
      : '',
  };
  const year = 2015 + (i % 10);
  const record: JsonlPaper = {
    id: `synthetic-${seed}-${String(i).padStart(6, '0')}`,
    title: `${self.name}: ${task} at Scale (${i})`,
    abstract: [
      sentences.task,
      sentences.intro,
      sentences.uses,
      sentences.evaluates,
      sentences.compares,
    ]
      .filter(Boolean)
      .join(' '),
    published: `${year}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`,
    authors: [
      `A. ${ONSETS[int(ONSETS.length)]}${VOWELS[int(5)]}rn`,
      `B. ${ONSETS[int(ONSETS.length)]}olk`,
    ],
  };
  return {
    record,
    introduces: self,
    parent,
    uses,
    evaluatesOn,
    comparesWith,
    task: taskEntity,
    sentences,
  };
}

function range(options: SyntheticOptions): number[] {
  const from = options.from ?? 0;
  return Array.from({ length: options.papers }, (_, k) => from + k);
}

/** The JSON Lines records of papers [from, from + papers). */
export function syntheticRecords(options: SyntheticOptions): JsonlPaper[] {
  return range(options).map((i) => paper(options.seed, i).record);
}

/** Writes records as JSON Lines; returns the file. */
export function writeJsonl(file: string, records: JsonlPaper[]): string {
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

/** Names of the base entities (lineage roots, popular datasets) of any corpus. */
export function baseEntityNames(kind: 'MODEL' | 'METHOD' | 'DATASET'): string[] {
  return Array.from({ length: BASE }, (_, n) =>
    coinedName(n * 3 + ['MODEL', 'METHOD', 'DATASET'].indexOf(kind), kind),
  );
}
