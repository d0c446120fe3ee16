import { CorpusGenerator } from '../../../bench/corpus/corpus';
import { ROOT } from '../../../src/config';
import { extractBatch } from '../../../src/ingest/ingest';
import { PaperRecord } from '../../../src/model';

/**
 * The synthetic corpus is only worth benchmarking ingest with if papergraph's extractor reads its
 * abstracts the way the generator meant them: this keeps the cue phrases and the extractor in step.
 */
describe('synthetic abstracts', () => {
  it('are read by the extractor into the expected links and lineage', () => {
    const items = [...new CorpusGenerator({ papers: 150, seed: 11 }).papers()];
    const records: PaperRecord[] = items.map((item, i) => ({
      ...item.record,
      source: { file: 'synthetic.jsonl', line: i + 1 },
    }));
    const batch = extractBatch(records, { rootDir: ROOT });

    const expected = new Set(
      items.flatMap((i) => i.paper.mentions.map((m) => `${i.paper.id} ${m.role} ${m.entityId}`)),
    );
    const found = new Set(
      batch.papers.flatMap((p) => p.mentions.map((m) => `${p.id} ${m.role} ${m.entityId}`)),
    );
    const recall = [...expected].filter((link) => found.has(link)).length / expected.size;
    const precision = [...found].filter((link) => expected.has(link)).length / found.size;
    expect(recall).toBeGreaterThan(0.95);
    expect(precision).toBeGreaterThan(0.95);

    const expectedLineage = new Set(
      items.flatMap((i) => i.lineage.map((l) => `${l.relation} ${l.childId} ${l.parentId}`)),
    );
    const foundLineage = new Set(
      batch.lineage.map((l) => `${l.relation} ${l.childId} ${l.parentId}`),
    );
    const lineageRecall =
      [...expectedLineage].filter((edge) => foundLineage.has(edge)).length / expectedLineage.size;
    expect(lineageRecall).toBeGreaterThan(0.95);
  });
});
