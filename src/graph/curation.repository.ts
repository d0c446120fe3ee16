import { ManagedTransaction } from 'neo4j-driver';

import { Database } from '../db/database';
import { aliasKey } from '../ingest/resolve/slug';
import { GraphWriter, LoadReport, loadBatch } from '../ingest/load';
import { GraphBatch, LINEAGE_RELATIONS, LineageRelation, LINK_ROLES, LinkRole } from '../model';
import { CurationError } from './curation-error';
import {
  TAKE_CURATION_LOCK,
  lockLinkedEntities,
  refreshLineageCounters,
  updatePaperCounters,
} from './counters';
import { MENTION_TYPES, entityMap, lineageEdgeMap, paperMap } from './cypher';
import { resolveEntityRefs } from './entity-refs';
import { EntityRow, LineageEdgeRow, PaperRow } from './rows';

/**
 * Every write of the curation mutations, each in one write transaction, so a failed check (an
 * unknown name, a cycle) leaves the graph as it was. What a curator writes carries
 * `source: 'CURATED'`, `curatedBy` and `curatedAt`, and the loader never overwrites it.
 *
 * Relationship types cannot be Cypher parameters; they are interpolated only from the fixed
 * lists in model.ts, never from input.
 */

export interface MergeResult {
  /** The kept entity, as it is after the merge. */
  kept: EntityRow;
  mergedIds: string[];
  movedLinks: number;
}

export interface LineageEdgeResult {
  edge: LineageEdgeRow;
  created: boolean;
  curatedBy: string;
  curatedAt: string;
}

export interface RemoveMentionResult {
  paper: PaperRow;
  entity: EntityRow;
  role: LinkRole;
  removed: boolean;
  curatedBy: string;
  curatedAt: string;
}

const LINEAGE_PATTERN = LINEAGE_RELATIONS.join('|');

const CURATED = `source: 'CURATED', curatedBy: $curator, curatedAt: datetime()`;

function mentionMoveCypher(role: LinkRole): string {
  return `
    MATCH (k:Entity {id: $keepId})
    MATCH (p:Paper)-[r:${role}]->(m:Entity) WHERE m.id IN $mergeIds
    WITH k, p, r, properties(r) AS props
    MERGE (p)-[moved:${role}]->(k)
      ON CREATE SET moved = props, moved += {${CURATED}}
      // A curated claim wins over an extracted one already on the kept entity.
      ON MATCH SET moved += CASE WHEN props.source = 'CURATED' AND moved.source <> 'CURATED'
        THEN props ELSE {} END
    DELETE r
    RETURN count(*) AS n`;
}

const TOMBSTONE_MOVE_CYPHER = `
  MATCH (k:Entity {id: $keepId})
  MATCH (p:Paper)-[r:REMOVED]->(m:Entity) WHERE m.id IN $mergeIds
  WITH k, p, r, properties(r) AS props
  MERGE (p)-[moved:REMOVED {role: props.role}]->(k)
    ON CREATE SET moved = props
  DELETE r
  RETURN count(*) AS n`;

/** Edges from a merged entity: re-pointed from the kept one; those that would be self-loops go. */
function lineageOutMoveCypher(relation: LineageRelation): string {
  return `
    MATCH (k:Entity {id: $keepId})
    MATCH (m:Entity)-[r:${relation}]->(x:Entity) WHERE m.id IN $mergeIds
    WITH k, r, properties(r) AS props, CASE WHEN x.id IN $mergeIds THEN k ELSE x END AS parent
    CALL (k, parent, props) {
      WITH k, parent, props WHERE parent <> k
      MERGE (k)-[moved:${relation}]->(parent)
        ON CREATE SET moved = props, moved += {${CURATED}}
    }
    DELETE r
    RETURN count(*) AS n`;
}

/** Edges into a merged entity from outside the merge: re-pointed at the kept one. */
function lineageInMoveCypher(relation: LineageRelation): string {
  return `
    MATCH (k:Entity {id: $keepId})
    MATCH (x:Entity)-[r:${relation}]->(m:Entity) WHERE m.id IN $mergeIds AND NOT x.id IN $mergeIds
    WITH k, x, r, properties(r) AS props
    CALL (k, x, props) {
      WITH k, x, props WHERE x <> k
      MERGE (x)-[moved:${relation}]->(k)
        ON CREATE SET moved = props, moved += {${CURATED}}
    }
    DELETE r
    RETURN count(*) AS n`;
}

const SET_KEPT_ALIASES_CYPHER = `
  MATCH (k:Entity {id: $keepId})
  OPTIONAL MATCH (m:Entity) WHERE m.id IN $mergeIds AND m.description IS NOT NULL
  WITH k, collect(m.description)[0] AS mergedDescription
  SET k.aliases = $aliases, k.aliasText = $aliasText,
    k.description = coalesce(k.description, mergedDescription),
    k.curatedBy = $curator, k.curatedAt = datetime()`;

/** Every spelling of a merged entity now finds the kept one, through the same Alias nodes. */
const REPOINT_ALIASES_CYPHER = `
  MATCH (k:Entity {id: $keepId})
  MATCH (a:Alias)-[old:ALIAS_OF]->(m:Entity) WHERE m.id IN $mergeIds
  MERGE (a)-[:ALIAS_OF]->(k)
  DELETE old`;

/** The keys of the merged names and aliases, should a merged entity have lacked some. */
const ADD_ALIAS_KEYS_CYPHER = `
  MATCH (k:Entity {id: $keepId})
  UNWIND $keys AS key
  MERGE (a:Alias {key: key})
  MERGE (a)-[:ALIAS_OF]->(k)`;

/** Papers linking to a merged entity: their links move, so their counters are kept. */
const PAPERS_OF_MERGED_CYPHER = `
  MATCH (p:Paper)-[:${MENTION_TYPES}]->(m:Entity) WHERE m.id IN $mergeIds
  RETURN DISTINCT p.id AS id`;

const DELETE_MERGED_CYPHER = `
  MATCH (m:Entity) WHERE m.id IN $mergeIds
  DETACH DELETE m`;

const KEPT_ROW_CYPHER = `MATCH (k:Entity {id: $keepId}) RETURN ${entityMap('k')} AS row`;

const ENTITY_NAMES_CYPHER = `
  UNWIND $ids AS id
  MATCH (e:Entity {id: id})
  RETURN e.id AS id, e.name AS name, coalesce(e.aliases, []) AS aliases`;

const LINEAGE_PATH_CYPHER = `
  MATCH (c:Entity {id: $childId}), (pa:Entity {id: $parentId})
  MATCH path = shortestPath((pa)-[:${LINEAGE_PATTERN}*1..]->(c))
  RETURN [n IN nodes(path) | n.name] AS names`;

function addLineageCypher(relation: LineageRelation): string {
  return `
    MATCH (c:Entity {id: $childId}), (pa:Entity {id: $parentId})
    OPTIONAL MATCH (c)-[old:${relation}]->(pa)
    WITH c, pa, old IS NULL AS created
    MERGE (c)-[r:${relation}]->(pa)
    SET r.evidence = coalesce($evidence, r.evidence, 'curated'), r.confidence = 1.0,
      r += {${CURATED}}
    RETURN created, ${lineageEdgeMap('r')} AS edge, r.curatedBy AS curatedBy,
      toString(r.curatedAt) AS curatedAt`;
}

const FIND_ENDPOINTS_CYPHER = `
  OPTIONAL MATCH (p:Paper {id: $paperId})
  OPTIONAL MATCH (e:Entity {id: $entityId})
  RETURN p IS NOT NULL AS paperFound, e IS NOT NULL AS entityFound`;

function removeMentionCypher(role: LinkRole): string {
  return `
    MATCH (p:Paper {id: $paperId}), (e:Entity {id: $entityId})
    OPTIONAL MATCH (p)-[r:${role}]->(e)
    WITH p, e, collect(r) AS mentions
    FOREACH (r IN mentions | DELETE r)
    MERGE (p)-[t:REMOVED {role: $role}]->(e)
    SET t.curatedBy = $curator, t.curatedAt = datetime()
    RETURN size(mentions) > 0 AS removed, ${paperMap('p')} AS paper, ${entityMap('e')} AS entity,
      t.curatedBy AS curatedBy, toString(t.curatedAt) AS curatedAt`;
}

const MARK_PAPERS_CYPHER = `
  MATCH (p:Paper) WHERE p.id IN $ids
  SET p.curatedBy = $curator, p.curatedAt = datetime()`;

async function count(tx: ManagedTransaction, cypher: string, params: Record<string, unknown>) {
  const result = await tx.run(cypher, params);
  return Number(result.records[0]?.get('n') ?? 0);
}

/** The kept entity's aliases plus every new spelling the merged ones bring, one per alias key. */
function mergedAliases(
  kept: { name: string; aliases: string[] },
  merged: Array<{ name: string; aliases: string[] }>,
) {
  const aliases = [...kept.aliases];
  const known = new Set([kept.name, ...kept.aliases].map(aliasKey));
  const keys = new Set<string>();
  for (const spelling of merged.flatMap((m) => [m.name, ...m.aliases])) {
    const key = aliasKey(spelling);
    if (!key) continue;
    keys.add(key);
    if (known.has(key)) continue;
    known.add(key);
    aliases.push(spelling);
  }
  return { aliases, keys: [...keys] };
}

export class CurationRepository {
  constructor(private readonly db: Database) {}

  /**
   * Merges entities named by id, name or alias into `keepRef`: their mentions, tombstones and
   * lineage edges move to the kept entity (an equal link it already has absorbs them; edges that
   * would become self-loops are dropped), their names and aliases become its aliases, and they are
   * deleted.
   */
  async mergeEntities(keepRef: string, mergeRefs: string[], curator: string): Promise<MergeResult> {
    return this.db.write(async (tx) => {
      await tx.run(TAKE_CURATION_LOCK);
      const [keep, ...resolved] = await resolveEntityRefs(tx, [
        { role: 'keep', text: keepRef },
        ...mergeRefs.map((text, i) => ({ role: `merge[${i}]`, text })),
      ]);
      const mergeIds = [...new Set(resolved.map((e) => e.id))];
      if (mergeIds.includes(keep.id)) {
        const i = resolved.findIndex((e) => e.id === keep.id);
        throw new CurationError(
          `merge[${i}] '${mergeRefs[i]}' is the kept entity '${keep.id}' itself; an entity cannot be merged into itself`,
          { index: i },
        );
      }

      const names = await tx.run(ENTITY_NAMES_CYPHER, { ids: [keep.id, ...mergeIds] });
      const [kept, ...merged] = names.records.map((r) => ({
        id: r.get('id') as string,
        name: r.get('name') as string,
        aliases: r.get('aliases') as string[],
      }));
      const { aliases, keys } = mergedAliases(kept, merged);

      const params = { keepId: keep.id, mergeIds, curator };
      const linked = await lockLinkedEntities(
        tx,
        (await tx.run(PAPERS_OF_MERGED_CYPHER, params)).records.map((r) => r.get('id') as string),
      );
      let movedLinks = 0;
      for (const role of LINK_ROLES) movedLinks += await count(tx, mentionMoveCypher(role), params);
      movedLinks += await count(tx, TOMBSTONE_MOVE_CYPHER, params);
      for (const relation of LINEAGE_RELATIONS) {
        movedLinks += await count(tx, lineageOutMoveCypher(relation), params);
        movedLinks += await count(tx, lineageInMoveCypher(relation), params);
      }
      await tx.run(SET_KEPT_ALIASES_CYPHER, {
        ...params,
        aliases,
        // The full-text index reads one string property, as the loader writes it.
        aliasText: aliases.join(' | '),
      });
      await tx.run(REPOINT_ALIASES_CYPHER, params);
      await tx.run(ADD_ALIAS_KEYS_CYPHER, { ...params, keys });
      await tx.run(DELETE_MERGED_CYPHER, params);
      await updatePaperCounters(tx, linked);
      await refreshLineageCounters(tx, [keep.id]);
      const row = (await tx.run(KEPT_ROW_CYPHER, params)).records[0].get('row') as EntityRow;
      return { kept: row, mergedIds: mergeIds, movedLinks };
    });
  }

  /** Adds (or takes over as curated) `child -[relation]-> parent`; refuses self-loops and cycles. */
  async addLineageEdge(
    childRef: string,
    parentRef: string,
    relation: LineageRelation,
    evidence: string | undefined,
    curator: string,
  ): Promise<LineageEdgeResult> {
    return this.db.write(async (tx) => {
      await tx.run(TAKE_CURATION_LOCK);
      const [child, parent] = await resolveEntityRefs(tx, [
        { role: 'child', text: childRef },
        { role: 'parent', text: parentRef },
      ]);
      if (child.id === parent.id) {
        throw new CurationError(
          `child '${childRef}' and parent '${parentRef}' are the same entity '${child.id}'; an entity cannot derive from itself`,
        );
      }
      const ids = { childId: child.id, parentId: parent.id };
      const path = await tx.run(LINEAGE_PATH_CYPHER, ids);
      if (path.records.length) {
        const names = path.records[0].get('names') as string[];
        throw new CurationError(
          `${child.name} -[${relation}]-> ${parent.name} would close a lineage cycle: ${parent.name} already derives from ${child.name} (${names.join(' -> ')})`,
          { cycle: names },
        );
      }
      const result = await tx.run(addLineageCypher(relation), {
        ...ids,
        evidence: evidence ?? null,
        curator,
      });
      const row = result.records[0];
      if (row.get('created')) await refreshLineageCounters(tx, [parent.id]);
      return {
        edge: row.get('edge') as LineageEdgeRow,
        created: row.get('created') as boolean,
        curatedBy: row.get('curatedBy') as string,
        curatedAt: row.get('curatedAt') as string,
      };
    });
  }

  /** Deletes a mention and leaves a REMOVED tombstone, so that no later ingest brings it back. */
  async removeMention(
    paperId: string,
    entityId: string,
    role: LinkRole,
    curator: string,
  ): Promise<RemoveMentionResult> {
    return this.db.write(async (tx) => {
      const found = (await tx.run(FIND_ENDPOINTS_CYPHER, { paperId, entityId })).records[0];
      const missing = [
        ...(found.get('paperFound') ? [] : [`paper '${paperId}'`]),
        ...(found.get('entityFound') ? [] : [`entity '${entityId}'`]),
      ];
      if (missing.length) throw new CurationError(`Unknown ${missing.join(' and ')}`, { missing });
      const linked = await lockLinkedEntities(tx, [paperId]);
      const result = await tx.run(removeMentionCypher(role), { paperId, entityId, role, curator });
      await updatePaperCounters(tx, linked);
      const row = result.records[0];
      return {
        paper: row.get('paper') as PaperRow,
        entity: row.get('entity') as EntityRow,
        role,
        removed: row.get('removed') as boolean,
        curatedBy: row.get('curatedBy') as string,
        curatedAt: row.get('curatedAt') as string,
      };
    });
  }

  /**
   * Loads an extracted batch with the CLI's loader, all of it in one write transaction (the CLI
   * splits large loads into many), and records who submitted the papers. The mentions and lineage
   * found in them stay EXTRACTED: they are the extractor's claims, not the curator's, and a later
   * extraction may correct them.
   */
  async ingestBatch(batch: GraphBatch, curator: string, timeoutMs: number): Promise<LoadReport> {
    return this.db.write(
      async (tx) => {
        const report = await loadBatch(inTransaction(tx), batch, {
          papersPerTransaction: Number.MAX_SAFE_INTEGER,
          rowsPerTransaction: Number.MAX_SAFE_INTEGER,
        });
        await tx.run(MARK_PAPERS_CYPHER, { ids: batch.papers.map((p) => p.id), curator });
        return report;
      },
      { timeoutMs },
    );
  }
}

/**
 * A writer whose every write runs inside the given transaction, so that one mutation commits or
 * rolls back as a whole.
 */
function inTransaction(tx: ManagedTransaction): GraphWriter {
  return { write: <T>(work: (inner: ManagedTransaction) => Promise<T>) => work(tx) };
}
