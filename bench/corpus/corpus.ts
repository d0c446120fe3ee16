import { slug } from '../../src/ingest/resolve/slug';
import {
  EntityKind,
  EntityRecord,
  GraphBatch,
  LineageRecord,
  LineageRelation,
  LinkRole,
  MentionRecord,
} from '../../src/model';
import { NameCoiner, STEMS, TASKS } from './names';
import { Prng } from './prng';

/**
 * The synthetic corpus: N papers whose abstracts say, in the cue phrases papergraph's extractor
 * reads, what each paper introduces, builds on, uses, evaluates on, compares with and addresses;
 * and, for the same papers, the graph those sentences mean (the expected GraphBatch), so that the
 * loader can be measured without the extractor.
 *
 * Shape of the data, chosen to look like the field:
 * - Popularity is long-tailed: datasets, methods and baselines are drawn by a power law over the
 *   order they appeared in (the first ones become hubs, like ImageNet or BERT), so a few entities
 *   are in a third of all papers and most are in one or two.
 * - Each paper introduces one entity (45% models, 40% methods, 15% datasets). Most models and
 *   methods derive from an earlier one (fine-tuned from, extends, distilled from, variant of,
 *   inspired by, combines), usually a popular one, sometimes a recent one, so lineage forms
 *   trees up to depth 8 with a few very bushy roots.
 * - Entities that predate the corpus (the "prehistory": base datasets, models and methods no
 *   paper introduces) are the first hubs and lineage roots, as older work is in a real corpus.
 *
 * Everything comes from one seeded PRNG: the same seed and size give the same bytes.
 */

export interface CorpusOptions {
  papers: number;
  seed: number;
}

/** One line of the JSON Lines input (what `papergraph ingest` reads). */
export interface JsonlPaper {
  id: string;
  title: string;
  abstract: string;
  published: string;
  authors: string[];
}

/** One generated paper: its input record and what the graph should hold for it. */
export interface SyntheticPaper {
  record: JsonlPaper;
  paper: GraphBatch['papers'][number];
  /** Entities that first appear in this paper (each entity is emitted once, with its first paper). */
  entities: EntityRecord[];
  lineage: LineageRecord[];
}

/** Parameters the query workloads draw from, chosen from the generated graph. */
export interface WorkloadParams {
  /** Paper ids, uniformly sampled. */
  paperIds: string[];
  /** Datasets with the number of papers evaluating on them, spread log-uniformly over popularity. */
  datasets: Array<{ name: string; papers: number }>;
  /** Lineage roots whose descendants reach depth 6 (the deepest, in a small corpus), with descendant counts at depth 3 and 6. */
  lineageRoots: Array<{ name: string; descendants3: number; descendants6: number }>;
  /** Full-text queries: entity names and title words. */
  searchTerms: string[];
}

/** Bumped whenever the generator's output changes, so that cached corpora are regenerated. */
export const GENERATOR_VERSION = 1;

export interface CorpusSummary {
  generatorVersion: number;
  papers: number;
  seed: number;
  entities: Record<EntityKind, number>;
  mentions: Record<LinkRole, number>;
  lineageEdges: number;
  lineageDepths: number[];
  /** Papers linking to the most popular dataset, method and model. */
  topDataset: { name: string; papers: number };
  topMethod: { name: string; papers: number };
  topModel: { name: string; papers: number };
}

const MAX_DEPTH = 8;
const CONFIDENCE: Record<LinkRole, number> = {
  INTRODUCES: 0.95,
  USES: 0.8,
  EVALUATES_ON: 0.9,
  COMPARES_WITH: 0.85,
  ADDRESSES: 0.75,
};

interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  depth: number;
  /** First parent in the lineage, -1 for a root. */
  parent: number;
  children: number[];
  emitted: boolean;
  papers: number;
  evaluatedBy: number;
}

type PaperKind = 'MODEL' | 'METHOD' | 'DATASET';

const RELATIONS: Record<'MODEL' | 'METHOD', Array<[LineageRelation, number]>> = {
  MODEL: [
    ['FINETUNED_FROM', 0.35],
    ['EXTENDS', 0.2],
    ['DISTILLED_FROM', 0.1],
    ['VARIANT_OF', 0.15],
    ['INSPIRED_BY', 0.1],
    ['COMBINES', 0.1],
  ],
  METHOD: [
    ['EXTENDS', 0.45],
    ['VARIANT_OF', 0.2],
    ['INSPIRED_BY', 0.2],
    ['COMBINES', 0.15],
  ],
};

const KIND_NOUNS: Record<PaperKind, string[]> = {
  MODEL: ['model', 'language model', 'vision model', 'multimodal model', 'speech model'],
  METHOD: ['training method', 'framework', 'training objective', 'learning algorithm'],
  DATASET: ['benchmark', 'dataset'],
};
const TITLE_ADJECTIVES = [
  'Efficient',
  'Scalable',
  'Robust',
  'Sparse',
  'Adaptive',
  'Unified',
  'Lightweight',
  'Modular',
  'Hierarchical',
  'Multilingual',
];
const TITLE_NOUNS = [
  'Pretraining',
  'Representation Learning',
  'Distillation',
  'Alignment',
  'Routing',
  'Compression',
  'Tokenization',
  'Retrieval',
  'Adaptation',
  'Decoding',
];
const CONTEXTS = [
  'remains costly for current systems.',
  'is still far from solved.',
  'has attracted growing interest.',
  'needs models that generalise beyond their training data.',
];
const FILLERS = [
  'Code and weights are publicly available.',
  'Ablations confirm the contribution of each component.',
  'We further analyse failure cases and limitations.',
  '',
];
/** Head nouns after a name, which tell the extractor its kind where nothing else does. */
const HEADS: Record<'MODEL' | 'METHOD', string[]> = {
  MODEL: ['model', 'backbone', 'encoder'],
  METHOD: ['objective', 'method', 'technique', 'module'],
};
const FIRST_NAMES = [
  'A.',
  'B.',
  'C.',
  'D.',
  'E.',
  'F.',
  'G.',
  'H.',
  'J.',
  'K.',
  'L.',
  'M.',
  'N.',
  'P.',
  'R.',
  'S.',
  'T.',
  'V.',
  'Y.',
  'Z.',
];

/** "A", "A and B", "A, B and C". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function weighted<T>(prng: Prng, options: Array<[T, number]>): T {
  let u = prng.next();
  for (const [value, weight] of options) {
    if (u < weight) return value;
    u -= weight;
  }
  return options[options.length - 1][0];
}

export class CorpusGenerator {
  private readonly prng: Prng;
  private readonly coiner: NameCoiner;
  private readonly entities: Entity[] = [];
  private readonly pools: Record<EntityKind, number[]> = {
    MODEL: [],
    METHOD: [],
    DATASET: [],
    TASK: [],
  };
  private readonly mentionCounts: Record<LinkRole, number> = {
    INTRODUCES: 0,
    USES: 0,
    EVALUATES_ON: 0,
    COMPARES_WITH: 0,
    ADDRESSES: 0,
  };
  private lineageEdges = 0;
  private generated = false;

  constructor(private readonly options: CorpusOptions) {
    if (!Number.isInteger(options.papers) || options.papers < 1) {
      throw new RangeError(`papers must be a positive integer, got ${options.papers}`);
    }
    this.prng = new Prng(options.seed);
    this.coiner = new NameCoiner(this.prng);
    // Tasks in a seeded order, so that which task is the hub depends on the seed.
    const tasks = [...TASKS];
    for (let i = tasks.length - 1; i > 0; i--) {
      const j = this.prng.int(0, i);
      [tasks[i], tasks[j]] = [tasks[j], tasks[i]];
    }
    for (const task of tasks) this.addEntity(task, 'TASK', 0);
    const n = options.papers;
    const base = {
      DATASET: 20 + Math.ceil(n / 500),
      MODEL: 20 + Math.ceil(n / 400),
      METHOD: 20 + Math.ceil(n / 400),
    };
    for (const kind of ['DATASET', 'MODEL', 'METHOD'] as const) {
      for (let i = 0; i < base[kind]; i++) this.addEntity(this.coiner.coin(kind), kind, 0);
    }
  }

  /** The papers, one at a time (a 1M-paper corpus never sits in memory). */
  *papers(): Generator<SyntheticPaper> {
    if (this.generated) throw new Error('a CorpusGenerator generates its corpus once');
    this.generated = true;
    const width = String(this.options.papers).length;
    for (let i = 0; i < this.options.papers; i++) {
      yield this.paper(`synth-${String(i + 1).padStart(width, '0')}`, i);
    }
  }

  private addEntity(name: string, kind: EntityKind, depth: number, parent = -1): number {
    const index = this.entities.length;
    this.entities.push({
      id: slug(name),
      name,
      kind,
      depth,
      parent,
      children: [],
      emitted: false,
      papers: 0,
      evaluatedBy: 0,
    });
    this.pools[kind].push(index);
    return index;
  }

  /** A popular entity (power law over age) or, with `recent`, one of the latest of its kind. */
  private draw(kind: EntityKind, s: number, recent = 0): number {
    const pool = this.pools[kind];
    if (recent > 0 && this.prng.chance(recent)) {
      const window = Math.min(pool.length, 300);
      return pool[pool.length - 1 - this.prng.int(0, window - 1)];
    }
    return pool[this.prng.zipf(pool.length, s)];
  }

  private drawDistinct(count: number, taken: Set<number>, draw: () => number): number[] {
    const out: number[] = [];
    for (let tries = 0; out.length < count && tries < count * 10; tries++) {
      const e = draw();
      if (taken.has(e)) continue;
      taken.add(e);
      out.push(e);
    }
    return out;
  }

  private paper(id: string, index: number): SyntheticPaper {
    const prng = this.prng;
    const kind = weighted<PaperKind>(prng, [
      ['MODEL', 0.45],
      ['METHOD', 0.4],
      ['DATASET', 0.15],
    ]);
    const taken = new Set<number>();
    const task = this.draw('TASK', 1.0);
    taken.add(task);

    // Parents are drawn before the new entity exists, so that it cannot be its own parent.
    let relation: LineageRelation | undefined;
    let parents: number[] = [];
    if (kind !== 'DATASET' && prng.chance(0.7)) {
      relation = weighted(prng, RELATIONS[kind]);
      const count = relation === 'COMBINES' ? 2 : 1;
      parents = this.drawDistinct(count, taken, () =>
        this.ancestorBelowCap(this.draw(kind, 1.05, 0.3)),
      );
      if (parents.length === 0) relation = undefined;
    }
    const depth = parents.length ? Math.max(...parents.map((p) => this.entities[p].depth)) + 1 : 0;
    const self = this.addEntity(
      this.coiner.coin(kind),
      kind,
      depth,
      parents.length ? parents[0] : -1,
    );
    taken.add(self);
    for (const p of parents) this.entities[p].children.push(self);

    const X = this.entities[self].name;
    const T = this.entities[task].name;
    const names = (list: number[]) => list.map((e) => this.entities[e].name);
    // "the VelkaMorno encoder": a name with a head noun of its kind.
    const headed = (list: number[]) =>
      list.map((e) => {
        const { name, kind: k } = this.entities[e];
        return k === 'MODEL' || k === 'METHOD' ? `the ${name} ${prng.pick(HEADS[k])}` : name;
      });
    const sentences: string[] = [];
    const mentions: Array<{ entity: number; role: LinkRole; evidence: string }> = [];
    const lineage: LineageRecord[] = [];
    const say = (sentence: string, links: Array<[number[], LinkRole]>): string => {
      sentences.push(sentence);
      for (const [entities, role] of links)
        for (const e of entities) mentions.push({ entity: e, role, evidence: sentence });
      return sentence;
    };

    let title: string;
    if (kind === 'DATASET') {
      const models = this.drawDistinct(prng.int(2, 3), taken, () =>
        this.draw(prng.chance(0.6) ? 'MODEL' : 'METHOD', 1.0, 0.3),
      );
      const others = this.drawDistinct(prng.int(0, 2), taken, () => this.draw('DATASET', 1.1));
      title = `${X}: A Benchmark for ${T}`;
      say(`${T} ${prng.pick(CONTEXTS)}`, [[[task], 'ADDRESSES']]);
      say(
        `We release ${X}, a ${prng.pick(KIND_NOUNS.DATASET)} of ${prng.int(2, 90)}k annotated examples.`,
        [[[self], 'INTRODUCES']],
      );
      say(`We evaluate ${listOf(headed(models))} on ${X}.`, [[models, 'USES']]);
      if (others.length)
        say(`Results on ${listOf(names(others))} are reported for reference.`, [
          [others, 'EVALUATES_ON'],
        ]);
    } else {
      const noun = prng.pick(KIND_NOUNS[kind]);
      const uses = this.drawDistinct(prng.int(1, 3), taken, () =>
        this.draw(prng.chance(0.7) ? 'METHOD' : 'MODEL', 1.05),
      );
      const datasets = this.drawDistinct(prng.int(1, 4), taken, () => this.draw('DATASET', 1.1));
      const baselines = this.drawDistinct(prng.int(1, 3), taken, () => this.draw(kind, 0.9, 0.5));
      title = `${X}: ${prng.pick(TITLE_ADJECTIVES)} ${prng.pick(TITLE_NOUNS)} for ${T}`;
      say(`${T} ${prng.pick(CONTEXTS)}`, [[[task], 'ADDRESSES']]);
      const P = names(parents);
      const intro = (() => {
        switch (relation) {
          case 'EXTENDS':
            return `We propose ${X}, a ${noun} which extends ${P[0]}.`;
          case 'FINETUNED_FROM':
            return `We introduce ${X}, a ${noun} fine-tuned from ${P[0]}.`;
          case 'DISTILLED_FROM':
            return `We present ${X}, a compact ${noun} distilled from ${P[0]}.`;
          case 'VARIANT_OF':
            return `We propose ${X}, a ${noun} designed as a variant of ${P[0]}.`;
          case 'INSPIRED_BY':
            return `Following ${P[0]}, we propose ${X}, a ${noun} for ${T}.`;
          case 'COMBINES':
            return `We propose ${X}, a ${noun} that combines ${P[0]} and ${P[1]}.`;
          default:
            return `We propose ${X}, a new ${noun} for ${T}.`;
        }
      })();
      say(intro, [
        [[self], 'INTRODUCES'],
        [parents, 'USES'],
      ]);
      for (const p of parents) {
        lineage.push({
          childId: this.entities[self].id,
          parentId: this.entities[p].id,
          relation: relation!,
          evidence: intro,
          paperId: id,
          confidence: 0.8,
          source: 'EXTRACTED',
        });
      }
      say(`${X} uses ${listOf(headed(uses))} during training.`, [[uses, 'USES']]);
      say(`We evaluate ${X} on ${listOf(names(datasets))}.`, [[datasets, 'EVALUATES_ON']]);
      say(
        `${X} outperforms ${listOf(headed(baselines))} by ${prng.int(1, 9)}.${prng.int(0, 9)} points.`,
        [[baselines, 'COMPARES_WITH']],
      );
    }
    const filler = prng.pick(FILLERS);
    if (filler) sentences.push(filler);

    // One mention per entity and role: the first sentence that supports it.
    const seen = new Set<string>();
    const records: MentionRecord[] = [];
    const linked = new Set<number>();
    for (const m of mentions) {
      const key = `${m.entity}|${m.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      linked.add(m.entity);
      this.mentionCounts[m.role]++;
      if (m.role === 'EVALUATES_ON') this.entities[m.entity].evaluatedBy++;
      records.push({
        entityId: this.entities[m.entity].id,
        role: m.role,
        evidence: m.evidence,
        confidence: CONFIDENCE[m.role],
        source: 'EXTRACTED',
      });
    }
    for (const e of linked) this.entities[e].papers++;
    this.lineageEdges += lineage.length;

    const fresh: EntityRecord[] = [];
    for (const e of linked) {
      const entity = this.entities[e];
      if (entity.emitted) continue;
      entity.emitted = true;
      fresh.push({ id: entity.id, name: entity.name, kind: entity.kind, aliases: [] });
    }

    const year = 2015 + Math.floor((index / this.options.papers) * 10);
    const published = `${year}-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`;
    const authors = Array.from(
      { length: prng.int(1, 5) },
      () => `${prng.pick(FIRST_NAMES)} ${prng.pick(STEMS)}`,
    );
    const abstract = sentences.join(' ');
    return {
      record: { id, title, abstract, published, authors },
      paper: { id, title, abstract, published, authors, mentions: records },
      entities: fresh,
      lineage,
    };
  }

  /** Lineage stops at depth 8: a parent drawn at the cap is replaced by its ancestor at depth 7. */
  private ancestorBelowCap(candidate: number): number {
    let e = candidate;
    while (this.entities[e].depth >= MAX_DEPTH) e = this.entities[e].parent;
    return e;
  }

  /** What the workloads query, chosen from the generated graph with the same PRNG (call after papers()). */
  workloadParams(count = 40): WorkloadParams {
    const prng = new Prng(this.options.seed ^ 0x5bd1e995);
    const n = this.options.papers;
    const width = String(n).length;
    const paperIds = Array.from(
      { length: Math.min(200, n) },
      () => `synth-${String(prng.int(1, n)).padStart(width, '0')}`,
    );

    const logUniform = <T>(sorted: T[], k: number): T[] => {
      if (sorted.length <= k) return sorted;
      const picked = new Set<number>();
      for (let tries = 0; picked.size < k && tries < k * 20; tries++) {
        picked.add(
          Math.min(sorted.length - 1, Math.floor(Math.exp(prng.next() * Math.log(sorted.length)))),
        );
      }
      return [...picked].sort((a, b) => a - b).map((i) => sorted[i]);
    };

    const datasets = this.pools.DATASET.map((e) => this.entities[e])
      .filter((e) => e.evaluatedBy > 0)
      .sort((a, b) => b.evaluatedBy - a.evaluatedBy || (a.id < b.id ? -1 : 1));

    const reach = (root: number, maxDepth: number): number => {
      const seen = new Set<number>();
      let frontier = [root];
      for (let d = 0; d < maxDepth && frontier.length; d++) {
        const next: number[] = [];
        for (const e of frontier) {
          for (const c of this.entities[e].children) {
            if (seen.has(c)) continue;
            seen.add(c);
            next.push(c);
          }
        }
        frontier = next;
      }
      return seen.size;
    };
    const height = new Map<number, number>();
    const heightOf = (e: number): number => {
      const known = height.get(e);
      if (known !== undefined) return known;
      let h = 0;
      for (const c of this.entities[e].children) h = Math.max(h, 1 + heightOf(c));
      height.set(e, h);
      return h;
    };
    // Roots whose descendants reach depth 6; a small corpus may have none, then the deepest.
    const parents = [...this.pools.MODEL, ...this.pools.METHOD].filter(
      (e) => this.entities[e].children.length > 0,
    );
    const tallest = parents.reduce((h, e) => Math.max(h, heightOf(e)), 0);
    const deep = parents
      .filter((e) => heightOf(e) >= Math.min(6, tallest))
      .map((e) => ({ e, d6: reach(e, 6) }))
      .sort((a, b) => b.d6 - a.d6 || a.e - b.e);
    const lineageRoots = logUniform(deep, count).map(({ e, d6 }) => ({
      name: this.entities[e].name,
      descendants3: reach(e, 3),
      descendants6: d6,
    }));

    const byPapers = this.entities
      .filter((e) => e.papers > 0 && e.kind !== 'TASK')
      .sort((a, b) => b.papers - a.papers || (a.id < b.id ? -1 : 1));
    const searchTerms = [
      ...logUniform(byPapers, count / 2).map((e) => e.name),
      ...Array.from({ length: count / 2 }, () =>
        `${prng.pick(TITLE_ADJECTIVES)} ${prng.pick(TITLE_NOUNS)}`.toLowerCase(),
      ),
    ];
    return {
      paperIds,
      datasets: logUniform(datasets, count).map((e) => ({ name: e.name, papers: e.evaluatedBy })),
      lineageRoots,
      searchTerms,
    };
  }

  summary(): CorpusSummary {
    const entities: Record<EntityKind, number> = { MODEL: 0, METHOD: 0, DATASET: 0, TASK: 0 };
    const depths: number[] = Array(MAX_DEPTH + 1).fill(0);
    for (const e of this.entities) {
      if (!e.emitted) continue;
      entities[e.kind]++;
      if (e.kind === 'MODEL' || e.kind === 'METHOD') depths[e.depth]++;
    }
    const top = (kind: EntityKind) => {
      const best = this.pools[kind]
        .map((e) => this.entities[e])
        .reduce((a, b) => (b.papers > a.papers ? b : a));
      return { name: best.name, papers: best.papers };
    };
    return {
      generatorVersion: GENERATOR_VERSION,
      papers: this.options.papers,
      seed: this.options.seed,
      entities,
      mentions: { ...this.mentionCounts },
      lineageEdges: this.lineageEdges,
      lineageDepths: depths,
      topDataset: top('DATASET'),
      topMethod: top('METHOD'),
      topModel: top('MODEL'),
    };
  }
}
