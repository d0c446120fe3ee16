import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

import neo4j from 'neo4j-driver';

import { ROOT } from '../../src/config';
import { Database } from '../../src/db/database';
import { extractBatch } from '../../src/ingest/ingest';
import { readJsonl } from '../../src/ingest/formats/jsonl.reader';
import { LoadReport, loadBatch } from '../../src/ingest/load';
import { aliasKey } from '../../src/ingest/resolve/slug';
import { GraphBatch, KIND_LABEL } from '../../src/model';
import { batchLines } from '../corpus/batch-file';

/**
 * Write-side benchmarks: papergraph's loader (`loadBatch`), the naive way (one auto-commit MERGE
 * per record and per relationship through neo4j-driver), and the extractor on its own.
 */

export interface LoadFigures {
  method: 'loader' | 'loader-rerun' | 'naive' | 'bulk-import';
  papers: number;
  /** Nodes and relationships in the graph afterwards (papers, entities, aliases; mentions, lineage, alias links). */
  nodes: number;
  relationships: number;
  seconds: number;
  papersPerSecond: number;
  relationshipsPerSecond: number;
  report?: LoadReport;
}

export interface ExtractionFigures {
  abstracts: number;
  seconds: number;
  abstractsPerSecond: number;
  /** How much of the generator's expected graph the extractor finds in the same abstracts. */
  agreement: {
    linkRecall: number;
    linkPrecision: number;
    lineageRecall: number;
    lineagePrecision: number;
    kindAgreement: number;
  };
}

async function graphSize(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.query<{ nodes: number; relationships: number }>(
    // Only what a load writes: migrations leave bookkeeping nodes (SchemaMigration, CurationLock).
    `CALL () { MATCH (n) WHERE n:Paper OR n:Entity OR n:Alias RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     RETURN nodes, relationships`,
  );
  return row;
}

function rates(papers: number, relationships: number, seconds: number) {
  return {
    seconds: round(seconds, 2),
    papersPerSecond: round(papers / seconds, 0),
    relationshipsPerSecond: round(relationships / seconds, 0),
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** papergraph's loader on an empty graph: the whole batch in its batched write transactions. */
export async function benchLoader(
  db: Database,
  batch: GraphBatch,
  method: 'loader' | 'loader-rerun' = 'loader',
): Promise<LoadFigures> {
  const started = performance.now();
  const report = await loadBatch(db, batch);
  const seconds = (performance.now() - started) / 1000;
  const size = await graphSize(db);
  return {
    method,
    papers: batch.papers.length,
    ...size,
    ...rates(batch.papers.length, size.relationships, seconds),
    report,
  };
}

/**
 * papergraph's loader over a batch file too large to hold in memory (1M papers): entities, then
 * papers with their mentions a slice at a time, then lineage. On an empty graph this writes the
 * same graph as one loadBatch call.
 */
export async function benchLoaderStreaming(
  db: Database,
  batchFile: string,
  papersPerCall = 50_000,
): Promise<LoadFigures> {
  const started = performance.now();
  const entities: GraphBatch['entities'] = [];
  const lineage: GraphBatch['lineage'] = [];
  for await (const line of batchLines(batchFile)) {
    if ('entity' in line) entities.push(line.entity);
    else if ('lineage' in line) lineage.push(line.lineage);
  }
  await loadBatch(db, { entities, papers: [], lineage: [], warnings: [] });
  let papers: GraphBatch['papers'] = [];
  let total = 0;
  for await (const line of batchLines(batchFile)) {
    if (!('paper' in line)) continue;
    papers.push(line.paper);
    if (papers.length >= papersPerCall) {
      await loadBatch(db, { entities: [], papers, lineage: [], warnings: [] });
      total += papers.length;
      papers = [];
    }
  }
  if (papers.length) await loadBatch(db, { entities: [], papers, lineage: [], warnings: [] });
  total += papers.length;
  await loadBatch(db, { entities: [], papers: [], lineage, warnings: [] });
  const seconds = (performance.now() - started) / 1000;
  const size = await graphSize(db);
  return { method: 'loader', papers: total, ...size, ...rates(total, size.relationships, seconds) };
}

/** The first `count` papers of a batch with the entities they link and the lineage they support. */
export function prefixBatch(batch: GraphBatch, count: number): GraphBatch {
  if (count >= batch.papers.length) return batch;
  const papers = batch.papers.slice(0, count);
  const paperIds = new Set(papers.map((p) => p.id));
  const lineage = batch.lineage.filter((l) => l.paperId !== undefined && paperIds.has(l.paperId));
  const entityIds = new Set([
    ...papers.flatMap((p) => p.mentions.map((m) => m.entityId)),
    ...lineage.flatMap((l) => [l.childId, l.parentId]),
  ]);
  return {
    papers,
    lineage,
    entities: batch.entities.filter((e) => entityIds.has(e.id)),
    warnings: [],
  };
}

/**
 * The naive way: every entity, paper, mention and lineage edge is its own auto-commit statement
 * (MERGE on the same constraints the loader uses), awaited one after the other, through one
 * session. It writes the same nodes and relationships as the loader.
 */
export async function benchNaive(db: Database, batch: GraphBatch): Promise<LoadFigures> {
  const session = db.driver.session({ defaultAccessMode: neo4j.session.WRITE });
  const started = performance.now();
  try {
    for (const entity of batch.entities) {
      const keys = [...new Set([entity.name, ...entity.aliases].map(aliasKey).filter(Boolean))];
      await session.run(
        `MERGE (e:Entity {id: $id})
         SET e:${KIND_LABEL[entity.kind]}, e.name = $name, e.kind = $kind, e.aliases = $aliases,
             e.aliasText = $aliasText, e.description = $description
         WITH e UNWIND $keys AS key
         MERGE (a:Alias {key: key}) MERGE (a)-[:ALIAS_OF]->(e)`,
        {
          id: entity.id,
          name: entity.name,
          kind: entity.kind,
          aliases: entity.aliases,
          aliasText: entity.aliases.join(' | '),
          description: entity.description ?? null,
          keys,
        },
      );
    }
    for (const paper of batch.papers) {
      await session.run('MERGE (p:Paper {id: $id}) SET p += $props', {
        id: paper.id,
        props: {
          title: paper.title,
          abstract: paper.abstract,
          authors: paper.authors,
          published: paper.published ?? null,
        },
      });
      for (const m of paper.mentions) {
        await session.run(
          `MATCH (p:Paper {id: $paperId}), (e:Entity {id: $entityId})
           MERGE (p)-[r:${m.role}]->(e) SET r.evidence = $evidence, r.confidence = $confidence, r.source = $source`,
          {
            paperId: paper.id,
            entityId: m.entityId,
            evidence: m.evidence,
            confidence: m.confidence,
            source: m.source,
          },
        );
      }
    }
    for (const edge of batch.lineage) {
      await session.run(
        `MATCH (c:Entity {id: $childId}), (pa:Entity {id: $parentId})
         MERGE (c)-[r:${edge.relation}]->(pa)
         SET r.evidence = $evidence, r.paperId = $paperId, r.confidence = $confidence, r.source = $source`,
        { ...edge, paperId: edge.paperId ?? null },
      );
    }
  } finally {
    await session.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const size = await graphSize(db);
  return {
    method: 'naive',
    papers: batch.papers.length,
    ...size,
    ...rates(batch.papers.length, size.relationships, seconds),
  };
}

/**
 * The extractor alone, on one core: the first `limit` abstracts of the corpus through the same
 * read -> extract -> resolve -> curate path as `papergraph ingest`, and how much of the expected
 * graph it recovers.
 */
export async function benchExtraction(
  papersFile: string,
  batchFile: string,
  limit: number,
): Promise<ExtractionFigures> {
  const lines = fs.readFileSync(papersFile, 'utf8').split('\n').slice(0, limit).join('\n');
  const records = readJsonl(lines, papersFile);
  // A warm-up pass, discarded: module loading, the lexicon and the JIT would otherwise dominate a
  // small sample (1,000 abstracts run six times slower cold).
  extractBatch(records.slice(0, 300), { rootDir: ROOT });
  const started = performance.now();
  const extracted = extractBatch(records, { rootDir: ROOT });
  const seconds = (performance.now() - started) / 1000;

  const ids = new Set(records.map((r) => r.id));
  const expectedLinks = new Set<string>();
  const expectedLineage = new Set<string>();
  const expectedKind = new Map<string, string>();
  for await (const line of batchLines(batchFile)) {
    if ('paper' in line && ids.has(line.paper.id)) {
      for (const m of line.paper.mentions)
        expectedLinks.add(`${line.paper.id} ${m.role} ${m.entityId}`);
    } else if ('lineage' in line && line.lineage.paperId && ids.has(line.lineage.paperId)) {
      const l = line.lineage;
      expectedLineage.add(`${l.relation} ${l.childId} ${l.parentId}`);
    } else if ('entity' in line) {
      expectedKind.set(line.entity.id, line.entity.kind);
    }
  }
  const links = new Set(
    extracted.papers.flatMap((p) => p.mentions.map((m) => `${p.id} ${m.role} ${m.entityId}`)),
  );
  const lineage = new Set(extracted.lineage.map((l) => `${l.relation} ${l.childId} ${l.parentId}`));
  const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;
  const known = extracted.entities.filter((e) => expectedKind.has(e.id));
  const ratio = (n: number, d: number) => round(d === 0 ? 1 : n / d, 4);
  return {
    abstracts: records.length,
    seconds: round(seconds, 2),
    abstractsPerSecond: round(records.length / seconds, 0),
    agreement: {
      linkRecall: ratio(overlap(expectedLinks, links), expectedLinks.size),
      linkPrecision: ratio(overlap(links, expectedLinks), links.size),
      lineageRecall: ratio(overlap(expectedLineage, lineage), expectedLineage.size),
      lineagePrecision: ratio(overlap(lineage, expectedLineage), lineage.size),
      kindAgreement: ratio(
        known.filter((e) => expectedKind.get(e.id) === e.kind).length,
        known.length,
      ),
    },
  };
}
