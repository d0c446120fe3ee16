import { Database } from '../db/database';
import { aliasKey } from '../ingest/resolve/slug';
import { EntityKind, KIND_LABEL } from '../model';
import { CursorPosition } from './cursor';
import {
  ALL_DETAILS,
  AnchorFilter,
  COUNTER_OF,
  Details,
  LINEAGE_TYPES,
  MAX_LINEAGE_DEPTH,
  MENTION_TYPES,
  Statement,
  entityByAlias,
  entityMap,
  int,
  run,
  selection,
} from './cypher';
import { OrderDirection, pageCypher, toPage } from './page';
import {
  EntityPapersKey,
  EntityPapersRow,
  entityPapersPage,
  pageKeyParams,
  toEntityPapersPage,
} from './papers.repository';
import { EntityRow, Page, PaperRow } from './rows';

/** Entities: alias-aware lookup, the filtered and ordered list, and per-entity counts. */

export type EntityOrderField = 'NAME' | 'PAPER_COUNT' | 'DERIVATIVE_COUNT' | 'DESCENDANT_COUNT';

export interface EntityOrder {
  field: EntityOrderField;
  direction: OrderDirection;
}

export interface EntityFilter {
  kind?: EntityKind;
  /** Case-insensitive substring of the name or of an alias. */
  nameContains?: string;
  /** Paper id: entities the paper introduces. */
  introducedIn?: string;
  /** Paper id: entities the paper links to in any role. */
  mentionedIn?: string;
  /** Dataset name or alias: entities introduced, used or compared in papers evaluating on it. */
  evaluatedOn?: string;
  /** Entity name or alias: entities descending from it at any depth (up to 10). */
  derivedFrom?: string;
}

export interface EntityListArgs {
  first: number;
  after?: CursorPosition;
  where?: EntityFilter;
  orderBy: EntityOrder;
}

const SORT_KEYS: Record<EntityOrderField, string> = {
  NAME: 'toLower(e.name)',
  PAPER_COUNT: COUNTER_OF.paperCount('e'),
  DERIVATIVE_COUNT: COUNTER_OF.derivativeCount('e'),
  DESCENDANT_COUNT: COUNTER_OF.descendantCount('e'),
};

export function entityOrdering(order: EntityOrder): string {
  return `entity:${order.field}:${order.direction}`;
}

function entitySelection(where: EntityFilter = {}): Statement {
  const anchors: AnchorFilter[] = [];
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (where.introducedIn !== undefined) {
    params.introducedIn = where.introducedIn;
    const pattern = '(:Paper {id: $introducedIn})-[:INTRODUCES]->';
    anchors.push({ anchor: `MATCH ${pattern}(e:Entity)`, test: `EXISTS { ${pattern}(e) }` });
  }
  if (where.mentionedIn !== undefined) {
    params.mentionedIn = where.mentionedIn;
    const pattern = `(:Paper {id: $mentionedIn})-[:${MENTION_TYPES}]->`;
    anchors.push({ anchor: `MATCH ${pattern}(e:Entity)`, test: `EXISTS { ${pattern}(e) }` });
  }
  if (where.evaluatedOn !== undefined) {
    params.evaluatedOn = aliasKey(where.evaluatedOn);
    const pattern =
      '(:Alias {key: $evaluatedOn})-[:ALIAS_OF]->(dataset_:Entity)' +
      '<-[:EVALUATES_ON]-(:Paper)-[:INTRODUCES|USES|COMPARES_WITH]->';
    anchors.push({
      anchor: `MATCH ${pattern}(e:Entity) WHERE e <> dataset_`,
      test: `EXISTS { MATCH ${pattern}(e) WHERE e <> dataset_ }`,
    });
  }
  if (where.derivedFrom !== undefined) {
    params.derivedFrom = aliasKey(where.derivedFrom);
    const pattern =
      '(:Alias {key: $derivedFrom})-[:ALIAS_OF]->(ancestor_:Entity)' +
      `<-[:${LINEAGE_TYPES}*1..${MAX_LINEAGE_DEPTH}]-`;
    anchors.push({
      anchor: `MATCH ${pattern}(e:Entity) WHERE e <> ancestor_`,
      test: `EXISTS { MATCH ${pattern}(e) WHERE e <> ancestor_ }`,
    });
  }
  if (where.kind !== undefined) {
    params.kind = where.kind;
    conditions.push('e.kind = $kind');
  }
  if (where.nameContains !== undefined) {
    params.nameContains = where.nameContains;
    conditions.push(
      '(toLower(e.name) CONTAINS toLower($nameContains) OR ' +
        'any(alias IN e.aliases WHERE toLower(alias) CONTAINS toLower($nameContains)))',
    );
  }
  // A kind alone starts from its label rather than from every entity.
  const all = where.kind ? `MATCH (e:${KIND_LABEL[where.kind]})` : 'MATCH (e:Entity)';
  return { cypher: selection('e', all, anchors, conditions), params };
}

export function entityListStatement({ first, after, where, orderBy }: EntityListArgs): Statement {
  const selected = entitySelection(where);
  return {
    cypher: pageCypher({
      selection: selected.cypher,
      variable: 'e',
      key: SORT_KEYS[orderBy.field],
      direction: orderBy.direction,
      project: entityMap,
    }),
    params: { ...selected.params, after: after ?? null, limit: int(first + 1) },
  };
}

export async function listEntities(db: Database, args: EntityListArgs): Promise<Page<EntityRow>> {
  const [result] = await run<{
    totalCount: number;
    rows: Array<{ node: EntityRow; key: string | number }>;
  }>(db, entityListStatement(args));
  return toPage(result.rows, args.first, entityOrdering(args.orderBy), result.totalCount);
}

export function findEntityStatement(
  name: string,
  kind?: EntityKind,
  details: Details = ALL_DETAILS,
): Statement {
  return {
    cypher: `${entityByAlias('e', 'key', 'kind')}
      RETURN ${entityMap('e', details.entities)} AS entity`,
    params: { key: aliasKey(name), kind: kind ?? null },
  };
}

/** The entity a name or alias means, whatever its case, hyphens, spaces or plural. */
export async function findEntity(
  db: Database,
  name: string,
  kind?: EntityKind,
  details: Details = ALL_DETAILS,
): Promise<EntityRow | null> {
  const [row] = await run<{ entity: EntityRow }>(db, findEntityStatement(name, kind, details));
  return row?.entity ?? null;
}

/** A page of an entity's papers, asked for with the entity itself. */
export type PapersOfFound = Omit<EntityPapersKey, 'entityId'>;

/**
 * The entity a name means and the first page of its papers, in one statement: `entity(name) {
 * papers { ... } }`, the commonest way in, costs one round trip rather than two.
 */
export async function findEntityWithPapers(
  db: Database,
  name: string,
  kind: EntityKind | undefined,
  details: Details,
  papers: PapersOfFound,
): Promise<{ entity: EntityRow; papers: Page<PaperRow> } | null> {
  const page = entityPapersPage(papers.details, papers.role);
  const params = pageKeyParams([papers]);
  const [row] = await run<{ entity: EntityRow } & EntityPapersRow>(db, {
    cypher: `${entityByAlias('e', 'key', 'kind')}
      WITH e, $page AS k
      ${page.call}
      RETURN ${entityMap('e', details.entities)} AS entity, ${page.returns}`,
    params: { key: aliasKey(name), kind: kind ?? null, page: params.keys[0], limit: params.limit },
  });
  return row ? { entity: row.entity, papers: toEntityPapersPage(row, papers.first) } : null;
}

export interface EntityCounts {
  paperCount: number;
  derivativeCount: number;
  descendantCount: number;
}

export async function countsOfEntities(
  db: Database,
  ids: readonly string[],
): Promise<EntityCounts[]> {
  const rows = await run<EntityCounts & { id: string }>(db, {
    cypher: `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      RETURN id, ${COUNTER_OF.paperCount('e')} AS paperCount,
        ${COUNTER_OF.derivativeCount('e')} AS derivativeCount,
        ${COUNTER_OF.descendantCount('e')} AS descendantCount`,
    params: { ids },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? { paperCount: 0, derivativeCount: 0, descendantCount: 0 });
}
