import { createHash } from 'node:crypto';

import { ManagedTransaction } from 'neo4j-driver';

import { Database } from '../db/database';
import {
  EntityRecord,
  GraphBatch,
  KIND_LABEL,
  LINEAGE_RELATIONS,
  LINK_ROLES,
  LineageRecord,
  MentionRecord,
  StoredPaper,
} from '../model';
import { lockLinkedEntities, refreshLineageCounters, updatePaperCounters } from '../graph/counters';
import { strongestPerEdge } from './lineage-edges';
import { aliasKey } from './resolve/slug';

/**
 * Writes a resolved GraphBatch with batched `UNWIND ... MERGE` in write transactions. Every item
 * carries a hash of its content, so a second run of the same input writes nothing and says so, and
 * a changed paper is updated with its links. Extracted links a re-ingested paper no longer supports
 * are removed; curated ones are never touched, and a mention a curator removed stays removed.
 */

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface LoadReport {
  papers: WriteCounts;
  entities: WriteCounts;
  mentions: WriteCounts & { removed: number };
  lineage: WriteCounts & { removed: number };
}

export interface LoadOptions {
  /** Papers per write transaction; their mentions go in the same transaction. Default 500. */
  papersPerTransaction?: number;
  /** Entities or lineage edges per write transaction. Default 2000. */
  rowsPerTransaction?: number;
  /** Called after each transaction with the number of papers written so far. */
  onProgress?: (papersDone: number) => void;
}

const emptyCounts = (): WriteCounts => ({ created: 0, updated: 0, unchanged: 0 });

export function emptyReport(): LoadReport {
  return {
    papers: emptyCounts(),
    entities: emptyCounts(),
    mentions: { ...emptyCounts(), removed: 0 },
    lineage: { ...emptyCounts(), removed: 0 },
  };
}

function hashOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64').slice(0, 16);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T, K extends string>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

async function tally(
  tx: ManagedTransaction,
  cypher: string,
  params: Record<string, unknown>,
  into: WriteCounts,
): Promise<Record<string, unknown>[]> {
  const result = await tx.run(cypher, params);
  for (const record of result.records) {
    const status = record.get('status') as keyof WriteCounts;
    into[status] += Number(record.get('n'));
  }
  return result.records.map((record) => record.toObject());
}

// Labels and relationship types cannot be parameters in Cypher; they come only from the fixed
// lists in model.ts, never from input, so interpolating them is safe.
const STATUS = `CASE WHEN old IS NULL THEN 'created' WHEN old.hash = row.hash THEN 'unchanged' ELSE 'updated' END`;
// A curated link wins over extraction: the loader leaves it as it is and counts it unchanged.
const LINK_STATUS = `CASE WHEN old IS NULL THEN 'created' WHEN old.hash = row.hash OR old.source = 'CURATED' THEN 'unchanged' ELSE 'updated' END`;

function entityCypher(label: string): string {
  return `
    UNWIND $rows AS row
    OPTIONAL MATCH (old:Entity {id: row.id})
    WITH row, ${STATUS} AS status
    MERGE (e:Entity {id: row.id})
    WITH e, row, status
    CALL (e, row, status) {
      WITH e, row, status WHERE status <> 'unchanged'
      REMOVE e:Method:Model:Dataset:Task
      SET e:${label}, e += row.props, e.hash = row.hash, e.updatedAt = datetime(),
        e.paperCount = coalesce(e.paperCount, 0), e.derivativeCount = coalesce(e.derivativeCount, 0),
        e.descendantCount = coalesce(e.descendantCount, 0)
      WITH e, row
      UNWIND row.keys AS key
      MERGE (a:Alias {key: key})
      MERGE (a)-[:ALIAS_OF]->(e)
    }
    RETURN status, count(*) AS n`;
}

const PAPER_CYPHER = `
  UNWIND $rows AS row
  OPTIONAL MATCH (old:Paper {id: row.id})
  WITH row, ${STATUS} AS status
  MERGE (p:Paper {id: row.id})
  WITH p, row, status
  CALL (p, row, status) {
    WITH p, row, status WHERE status <> 'unchanged'
    SET p = row.props, p.id = row.id, p.hash = row.hash, p.updatedAt = datetime()
  }
  RETURN status, count(*) AS n`;

function mentionCypher(role: string): string {
  return `
    UNWIND $rows AS row
    MATCH (p:Paper {id: row.paperId}), (e:Entity {id: row.entityId})
    WHERE NOT EXISTS { (p)-[:REMOVED {role: '${role}'}]->(e) }
    OPTIONAL MATCH (p)-[old:${role}]->(e)
    WITH p, e, row, ${LINK_STATUS} AS status
    CALL (p, e, row, status) {
      WITH p, e, row, status WHERE status <> 'unchanged'
      MERGE (p)-[r:${role}]->(e)
      SET r += row.props, r.hash = row.hash
    }
    RETURN status, count(*) AS n`;
}

/** Extracted mentions of the re-ingested papers that the new extraction no longer supports. */
const STALE_MENTIONS_CYPHER = `
  UNWIND $papers AS paper
  MATCH (p:Paper {id: paper.id})-[r]->(e:Entity)
  WHERE r.source = 'EXTRACTED' AND NOT (type(r) + ' ' + e.id) IN paper.keep
  DELETE r
  RETURN count(r) AS n`;

function lineageCypher(relation: string): string {
  return `
    UNWIND $rows AS row
    MATCH (c:Entity {id: row.childId}), (pa:Entity {id: row.parentId})
    OPTIONAL MATCH (c)-[old:${relation}]->(pa)
    WITH c, pa, row, ${LINK_STATUS} AS status
    CALL (c, pa, row, status) {
      WITH c, pa, row, status WHERE status <> 'unchanged'
      MERGE (c)-[r:${relation}]->(pa)
      SET r += row.props, r.hash = row.hash
    }
    RETURN status, count(*) AS n, collect(DISTINCT pa.id) AS parents`;
}

const STALE_LINEAGE_CYPHER = `
  MATCH (c:Entity)-[r]->(pa:Entity)
  WHERE r.source = 'EXTRACTED' AND r.paperId IN $paperIds
    AND NOT (type(r) + ' ' + c.id + ' ' + pa.id) IN $keep
  WITH r, pa.id AS parent
  DELETE r
  RETURN count(r) AS n, collect(DISTINCT parent) AS parents`;

function entityRow(entity: EntityRecord) {
  const props = {
    name: entity.name,
    kind: entity.kind,
    aliases: entity.aliases,
    // The full-text index reads one string property; a list of aliases is joined into it.
    aliasText: entity.aliases.join(' | '),
    description: entity.description ?? null,
  };
  const keys = [...new Set([entity.name, ...entity.aliases].map(aliasKey).filter(Boolean))];
  return { id: entity.id, props, keys, hash: hashOf([props, keys]) };
}

function paperRow(paper: StoredPaper) {
  const props: Record<string, unknown> = {
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
  };
  if (paper.url) props.url = paper.url;
  if (paper.arxivId) props.arxivId = paper.arxivId;
  if (paper.published) props.published = paper.published;
  return { id: paper.id, props, hash: hashOf(props) };
}

function mentionRow(paperId: string, mention: MentionRecord) {
  const props = {
    evidence: mention.evidence,
    confidence: mention.confidence,
    source: mention.source,
  };
  return { paperId, entityId: mention.entityId, role: mention.role, props, hash: hashOf(props) };
}

function lineageRow(edge: LineageRecord) {
  const props = {
    evidence: edge.evidence,
    paperId: edge.paperId ?? null,
    confidence: edge.confidence,
    source: edge.source,
  };
  return { ...edge, props, hash: hashOf(props) };
}

const LOAD_TIMEOUT_MS = 300_000;

/** What the loader needs of a database: write transactions (a Database, or one open transaction). */
export type GraphWriter = Pick<Database, 'write'>;

export async function loadBatch(
  db: GraphWriter,
  batch: GraphBatch,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const report = emptyReport();
  const papersPerTx = options.papersPerTransaction ?? 500;
  const rowsPerTx = options.rowsPerTransaction ?? 2000;
  const write = <T>(work: (tx: ManagedTransaction) => Promise<T>) =>
    db.write(work, { timeoutMs: LOAD_TIMEOUT_MS });

  for (const [kind, entities] of groupBy(batch.entities, (e) => e.kind)) {
    for (const chunk of chunks(entities.map(entityRow), rowsPerTx)) {
      await write((tx) =>
        tally(tx, entityCypher(KIND_LABEL[kind]), { rows: chunk }, report.entities),
      );
    }
  }

  let papersDone = 0;
  for (const chunk of chunks(batch.papers, papersPerTx)) {
    await write(async (tx) => {
      await tally(tx, PAPER_CYPHER, { rows: chunk.map(paperRow) }, report.papers);
      const linked = await lockLinkedEntities(
        tx,
        chunk.map((paper) => paper.id),
      );
      const mentions = chunk.flatMap((paper) => paper.mentions.map((m) => mentionRow(paper.id, m)));
      for (const role of LINK_ROLES) {
        const rows = mentions.filter((m) => m.role === role);
        if (rows.length) await tally(tx, mentionCypher(role), { rows }, report.mentions);
      }
      const keep = chunk.map((paper) => ({
        id: paper.id,
        keep: paper.mentions.map((m) => `${m.role} ${m.entityId}`),
      }));
      const stale = await tx.run(STALE_MENTIONS_CYPHER, { papers: keep });
      report.mentions.removed += Number(stale.records[0]?.get('n') ?? 0);
      await updatePaperCounters(tx, linked);
    });
    papersDone += chunk.length;
    options.onProgress?.(papersDone);
  }

  // Parents whose children changed: their and their ancestors' lineage counters are recounted
  // once at the end, rather than a bushy root's descendants once per transaction.
  const reparented = new Set<string>();
  const lineage = strongestPerEdge(batch.lineage).map(lineageRow);
  for (const relation of LINEAGE_RELATIONS) {
    for (const chunk of chunks(
      lineage.filter((l) => l.relation === relation),
      rowsPerTx,
    )) {
      const rows = await write((tx) =>
        tally(tx, lineageCypher(relation), { rows: chunk }, report.lineage),
      );
      for (const row of rows.filter((r) => r.status === 'created')) {
        for (const id of row.parents as string[]) reparented.add(id);
      }
    }
  }
  const paperIds = batch.papers.map((p) => p.id);
  if (paperIds.length) {
    const keep = batch.lineage.map((l) => `${l.relation} ${l.childId} ${l.parentId}`);
    const stale = await write((tx) => tx.run(STALE_LINEAGE_CYPHER, { paperIds, keep }));
    report.lineage.removed += Number(stale.records[0]?.get('n') ?? 0);
    for (const id of (stale.records[0]?.get('parents') as string[] | undefined) ?? []) {
      reparented.add(id);
    }
  }
  for (const chunk of chunks([...reparented], rowsPerTx)) {
    await write((tx) => refreshLineageCounters(tx, chunk));
  }
  return report;
}

/** True when the report shows no write at all (a repeated run of the same input). */
export function changedNothing(report: LoadReport): boolean {
  return [report.papers, report.entities, report.mentions, report.lineage].every(
    (c) => c.created === 0 && c.updated === 0 && ('removed' in c ? c.removed === 0 : true),
  );
}
