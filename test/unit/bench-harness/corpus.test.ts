import fs from 'node:fs';
import path from 'node:path';

import { CorpusGenerator, SyntheticPaper, listOf } from '../../../bench/corpus/corpus';
import { STEMS, TASKS } from '../../../bench/corpus/names';
import { Prng } from '../../../bench/corpus/prng';
import { aliasKey } from '../../../src/ingest/resolve/slug';
import { LINEAGE_RELATIONS, LINK_ROLES } from '../../../src/model';

const ROOT = path.resolve(__dirname, '../../..');

function generate(
  papers: number,
  seed: number,
): { items: SyntheticPaper[]; generator: CorpusGenerator } {
  const generator = new CorpusGenerator({ papers, seed });
  return { items: [...generator.papers()], generator };
}

describe('Prng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const c = new Prng(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws power-law ranks inside the pool, rank 0 most often', () => {
    const prng = new Prng(1);
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 50_000; i++) counts[prng.zipf(1000, 1.1)]++;
    expect(counts.every((n) => n >= 0)).toBe(true);
    expect(counts[0]).toBe(Math.max(...counts));
    expect(counts[0]).toBeGreaterThan(counts[10] * 5);
    expect(counts.slice(500).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(prng.zipf(1, 1.1)).toBe(0);
  });
});

describe('CorpusGenerator', () => {
  const { items, generator } = generate(2_000, 42);

  it('is deterministic for a seed', () => {
    const again = generate(300, 42).items;
    expect(JSON.stringify(again)).toBe(JSON.stringify(generate(300, 42).items));
    expect(JSON.stringify(generate(300, 43).items.slice(0, 5))).not.toBe(
      JSON.stringify(again.slice(0, 5)),
    );
  });

  it('emits each entity once, no later than the first paper linking it', () => {
    const emitted = new Set<string>();
    for (const item of items) {
      for (const entity of item.entities) {
        expect(emitted.has(entity.id)).toBe(false);
        emitted.add(entity.id);
      }
      for (const m of item.paper.mentions) expect(emitted.has(m.entityId)).toBe(true);
      for (const l of item.lineage)
        expect(emitted.has(l.childId) && emitted.has(l.parentId)).toBe(true);
    }
  });

  it('writes records papergraph reads and links the abstracts support', () => {
    for (const { record, paper, lineage } of items) {
      expect(record.id).toBe(paper.id);
      expect(record.title.length).toBeGreaterThan(0);
      expect(record.published).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(paper.mentions.filter((m) => m.role === 'INTRODUCES')).toHaveLength(1);
      const keys = new Set<string>();
      for (const m of paper.mentions) {
        expect(LINK_ROLES).toContain(m.role);
        expect(record.abstract).toContain(m.evidence);
        keys.add(`${m.role} ${m.entityId}`);
      }
      expect(keys.size).toBe(paper.mentions.length);
      for (const l of lineage) {
        expect(LINEAGE_RELATIONS).toContain(l.relation);
        expect(l.paperId).toBe(paper.id);
        expect(record.abstract).toContain(l.evidence);
        expect(l.childId).not.toBe(l.parentId);
      }
    }
  });

  it('gives unique names that never contain one another', () => {
    const names = items
      .flatMap((i) => i.entities)
      .filter((e) => e.kind !== 'TASK')
      .map((e) => e.name);
    expect(new Set(names.map(aliasKey)).size).toBe(names.length);
    const byLength = [...names].sort((a, b) => a.length - b.length);
    const short = byLength.filter((n) => n.length === 10);
    const long = new Set(byLength.filter((n) => n.length > 10).map((n) => n.slice(0, 10)));
    expect(short.filter((n) => long.has(n))).toEqual([]);
  });

  it('has a long tail: a few hubs, most entities in a handful of papers', () => {
    const summary = generator.summary();
    expect(summary.topDataset.papers).toBeGreaterThan(2_000 * 0.1);
    const counts = new Map<string, number>();
    for (const { paper } of items)
      for (const m of paper.mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    expect(median).toBeLessThanOrEqual(3);
    expect(sorted[sorted.length - 1]).toBeGreaterThan(50 * median);
    expect(summary.entities.TASK).toBeGreaterThan(10);
    expect(summary.entities.DATASET).toBeGreaterThan(100);
  });

  it('builds lineage trees without cycles, at most 8 deep', () => {
    const parents = new Map<string, string[]>();
    for (const { lineage } of items) {
      for (const l of lineage)
        parents.set(l.childId, [...(parents.get(l.childId) ?? []), l.parentId]);
    }
    const depth = (id: string, seen: Set<string>): number => {
      expect(seen.has(id)).toBe(false);
      const ps = parents.get(id) ?? [];
      return ps.length ? 1 + Math.max(...ps.map((p) => depth(p, new Set([...seen, id])))) : 0;
    };
    const depths = [...parents.keys()].map((id) => depth(id, new Set()));
    expect(Math.max(...depths)).toBeLessThanOrEqual(8);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(4);
    expect(
      generator
        .summary()
        .lineageDepths.slice(1)
        .reduce((a, b) => a + b, 0),
    ).toBe(parents.size);
  });

  it('chooses workload parameters from the generated graph', () => {
    const params = generator.workloadParams();
    const ids = new Set(items.map((i) => i.paper.id));
    expect(params.paperIds.length).toBeGreaterThan(0);
    for (const id of params.paperIds) expect(ids.has(id)).toBe(true);
    expect(params.datasets.length).toBeGreaterThan(10);
    expect(params.datasets[0].papers).toBeGreaterThanOrEqual(
      params.datasets[params.datasets.length - 1].papers,
    );
    expect(params.lineageRoots.length).toBeGreaterThan(0);
    for (const root of params.lineageRoots)
      expect(root.descendants6).toBeGreaterThanOrEqual(root.descendants3);
    expect(params.searchTerms.length).toBe(40);
  });
});

describe('names', () => {
  it('are coined from distinct five-letter stems', () => {
    expect(new Set(STEMS).size).toBe(STEMS.length);
    for (const stem of STEMS) expect(stem).toMatch(/^[A-Z][a-z]{4}$/);
  });

  it('take tasks from the lexicon, none inside another', () => {
    const lexicon = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/lexicon.json'), 'utf8')) as {
      entries: Array<{ name: string; kind: string; parents?: unknown[] }>;
    };
    const tasks = new Map(lexicon.entries.filter((e) => e.kind === 'TASK').map((e) => [e.name, e]));
    for (const task of TASKS) {
      expect(tasks.has(task)).toBe(true);
      expect(tasks.get(task)?.parents ?? []).toEqual([]);
      for (const other of TASKS)
        if (other !== task) expect(other.toLowerCase().includes(task.toLowerCase())).toBe(false);
    }
  });

  it('lists names in English', () => {
    expect(listOf(['A'])).toBe('A');
    expect(listOf(['A', 'B'])).toBe('A and B');
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
