import { Database } from '../db/database';
import { aliasKey } from '../ingest/resolve/slug';
import { LinkRole } from '../model';
import { CursorPosition, afterCondition } from './cursor';
import {
  AnchorFilter,
  EACH_KEY,
  MENTION_TYPES,
  Statement,
  int,
  paperMap,
  run,
  selection,
} from './cypher';
import { byIndex, groupById } from './batch';
import { OrderDirection, pageCypher, toPage } from './page';
import { Page, PaperRow } from './rows';

/** Papers: lookup, the filtered and ordered list, and the papers of entities. */

export type PaperOrderField = 'TITLE' | 'PUBLISHED' | 'MENTION_COUNT';

export interface PaperOrder {
  field: PaperOrderField;
  direction: OrderDirection;
}

export interface PaperFilter {
  /** Case-insensitive substring of the title. */
  titleContains?: string;
  /** Entity names (or aliases) the paper links to in one role, or in any role for `mentions`. */
  introduces?: string;
  uses?: string;
  evaluatesOn?: string;
  comparesWith?: string;
  addresses?: string;
  mentions?: string;
  /** ISO dates, inclusive; papers without a date are left out when either is set. */
  publishedFrom?: string;
  publishedTo?: string;
}

export interface PaperListArgs {
  first: number;
  after?: CursorPosition;
  where?: PaperFilter;
  orderBy: PaperOrder;
}

const SORT_KEYS: Record<PaperOrderField, string> = {
  TITLE: 'toLower(p.title)',
  // Papers without a date sort as '' (first ascending, last descending) so that cursors stay
  // comparable.
  PUBLISHED: "coalesce(p.published, '')",
  MENTION_COUNT: `COUNT { (p)-[:${MENTION_TYPES}]->(:Entity) }`,
};

const ROLE_FILTERS: Array<[keyof PaperFilter, LinkRole | undefined]> = [
  ['introduces', 'INTRODUCES'],
  ['uses', 'USES'],
  ['evaluatesOn', 'EVALUATES_ON'],
  ['comparesWith', 'COMPARES_WITH'],
  ['addresses', 'ADDRESSES'],
  ['mentions', undefined],
];

/** The tag a cursor of this ordering carries. */
export function paperOrdering(order: PaperOrder): string {
  return `paper:${order.field}:${order.direction}`;
}

function paperSelection(where: PaperFilter = {}): Statement {
  const anchors: AnchorFilter[] = [];
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [field, role] of ROLE_FILTERS) {
    const name = where[field];
    if (name === undefined) continue;
    params[field] = aliasKey(name);
    const pattern = `(:Alias {key: $${field}})-[:ALIAS_OF]->(:Entity)<-[:${role ?? MENTION_TYPES}]-`;
    anchors.push({ anchor: `MATCH ${pattern}(p:Paper)`, test: `EXISTS { ${pattern}(p) }` });
  }
  if (where.titleContains !== undefined) {
    params.titleContains = where.titleContains;
    conditions.push('toLower(p.title) CONTAINS toLower($titleContains)');
  }
  if (where.publishedFrom !== undefined) {
    params.publishedFrom = where.publishedFrom;
    conditions.push('p.published >= $publishedFrom');
  }
  if (where.publishedTo !== undefined) {
    params.publishedTo = where.publishedTo;
    conditions.push('p.published <= $publishedTo');
  }
  return { cypher: selection('p', 'MATCH (p:Paper)', anchors, conditions), params };
}

export function paperListStatement({ first, after, where, orderBy }: PaperListArgs): Statement {
  const selected = paperSelection(where);
  return {
    cypher: pageCypher({
      selection: selected.cypher,
      variable: 'p',
      key: SORT_KEYS[orderBy.field],
      direction: orderBy.direction,
      project: paperMap,
    }),
    params: { ...selected.params, after: after ?? null, limit: int(first + 1) },
  };
}

export async function listPapers(db: Database, args: PaperListArgs): Promise<Page<PaperRow>> {
  const [result] = await run<{
    totalCount: number;
    rows: Array<{ node: PaperRow; key: string | number }>;
  }>(db, paperListStatement(args));
  return toPage(result.rows, args.first, paperOrdering(args.orderBy), result.totalCount);
}

export type PaperLookup = { id: string } | { title: string };

export function findPaperStatement(lookup: PaperLookup): Statement {
  if ('id' in lookup) {
    return {
      cypher: `MATCH (p:Paper {id: $id}) RETURN ${paperMap('p')} AS paper`,
      params: { id: lookup.id },
    };
  }
  return {
    // An exact title wins over one that differs only in case.
    cypher: `
      MATCH (p:Paper) WHERE toLower(p.title) = $lowerTitle
      RETURN ${paperMap('p')} AS paper
      ORDER BY p.title = $title DESC, p.id
      LIMIT 1`,
    params: { title: lookup.title.trim(), lowerTitle: lookup.title.trim().toLowerCase() },
  };
}

export async function findPaper(db: Database, lookup: PaperLookup): Promise<PaperRow | null> {
  const [row] = await run<{ paper: PaperRow }>(db, findPaperStatement(lookup));
  return row?.paper ?? null;
}

/** Papers introducing each entity, by title. */
export async function papersIntroducing(
  db: Database,
  entityIds: readonly string[],
): Promise<PaperRow[][]> {
  const rows = await run<{ id: string; paper: PaperRow }>(db, {
    cypher: `
      UNWIND $ids AS id
      MATCH (p:Paper)-[:INTRODUCES]->(:Entity {id: id})
      RETURN id, ${paperMap('p')} AS paper
      ORDER BY toLower(p.title), p.id`,
    params: { ids: entityIds },
  });
  return groupById(rows, entityIds, (row) => row.paper);
}

/** One page of an entity's papers (in one role or any), for many entities in one statement. */
export interface EntityPapersKey {
  entityId: string;
  role?: LinkRole;
  first: number;
  after?: CursorPosition;
}

/** Cursors of Entity.papers: by title, as the papers list. */
export const ENTITY_PAPERS_ORDERING = paperOrdering({ field: 'TITLE', direction: 'ASC' });

export function entityPapersStatement(keys: readonly EntityPapersKey[]): Statement {
  return {
    cypher: `
      ${EACH_KEY}
      MATCH (e:Entity {id: k.entityId})
      CALL (e, k) {
        MATCH (p:Paper)-[r:${MENTION_TYPES}]->(e)
        WHERE k.role IS NULL OR type(r) = k.role
        WITH DISTINCT p
        WITH p, ${SORT_KEYS.TITLE} AS key ORDER BY key, p.id
        WITH collect({node: ${paperMap('p')}, key: key}) AS sorted
        RETURN size(sorted) AS totalCount,
          [row IN sorted WHERE ${afterCondition('row.key', 'row.node.id', 'k.after', 'ASC')}][0..k.limit]
            AS rows
      }
      RETURN index, totalCount, rows`,
    params: {
      keys: keys.map((key) => ({
        entityId: key.entityId,
        role: key.role ?? null,
        after: key.after ?? null,
        limit: int(key.first + 1),
      })),
    },
  };
}

export async function papersOfEntities(
  db: Database,
  keys: readonly EntityPapersKey[],
): Promise<Page<PaperRow>[]> {
  if (keys.length === 0) return [];
  const rows = await run<{
    index: number;
    totalCount: number;
    rows: Array<{ node: PaperRow; key: string }>;
  }>(db, entityPapersStatement(keys));
  return byIndex(
    rows,
    keys.length,
    (row) => toPage(row.rows, keys[row.index].first, ENTITY_PAPERS_ORDERING, row.totalCount),
    () => ({ totalCount: 0, items: [], hasNextPage: false }),
  );
}
