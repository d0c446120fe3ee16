import { Database } from '../db/database';
import { aliasKey } from '../ingest/resolve/slug';
import { LINK_ROLES, LinkRole } from '../model';
import { CursorPosition, afterCondition } from './cursor';
import {
  ALL_DETAILS,
  AnchorFilter,
  Details,
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
import { mentionsOf, sortMentions } from './mentions.repository';
import { MentionRow, Page, PaperRow } from './rows';

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

export function findPaperStatement(
  lookup: PaperLookup,
  withMentions = false,
  details: Details = ALL_DETAILS,
): Statement {
  const mentions = withMentions ? `, ${mentionsOf('p', details.entities)} AS mentions` : '';
  const returns = `${paperMap('p', details.papers)} AS paper${mentions}`;
  if ('id' in lookup) {
    return {
      cypher: `MATCH (p:Paper {id: $id}) RETURN ${returns}`,
      params: { id: lookup.id },
    };
  }
  return {
    // An exact title wins over one that differs only in case.
    cypher: `
      MATCH (p:Paper) WHERE toLower(p.title) = $lowerTitle
      WITH p ORDER BY p.title = $title DESC, p.id
      LIMIT 1
      RETURN ${returns}`,
    params: { title: lookup.title.trim(), lowerTitle: lookup.title.trim().toLowerCase() },
  };
}

export interface FoundPaper {
  paper: PaperRow;
  /** Present when asked for: the paper's mentions, sorted as mentionsOfPapers sorts them. */
  mentions?: MentionRow[];
}

/** A paper, and with `withMentions` its mentions in the same statement. */
export async function findPaper(
  db: Database,
  lookup: PaperLookup,
  withMentions = false,
  details: Details = ALL_DETAILS,
): Promise<FoundPaper | null> {
  const [row] = await run<FoundPaper>(db, findPaperStatement(lookup, withMentions, details));
  if (!row) return null;
  return row.mentions ? { ...row, mentions: sortMentions(row.mentions) } : row;
}

/** Papers by id, in the order of the ids (null for an id no paper has). */
export async function papersByIds(
  db: Database,
  ids: readonly string[],
): Promise<Array<PaperRow | null>> {
  const rows = await run<{ id: string; paper: PaperRow }>(db, {
    cypher: `
      UNWIND $ids AS id
      MATCH (p:Paper {id: id})
      RETURN id, ${paperMap('p')} AS paper`,
    params: { ids },
  });
  return groupById(rows, ids, (row) => row.paper).map((papers) => papers[0] ?? null);
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
  /** Whether the papers carry their details (abstract, url, arXiv id, authors). */
  details: boolean;
}

/** Cursors of Entity.papers: by title, as the papers list. */
export const ENTITY_PAPERS_ORDERING = paperOrdering({ field: 'TITLE', direction: 'ASC' });

/**
 * The total of one role is the entity's degree in that role (a paper has at most one link of a
 * role to an entity); of all roles, the entity's paperCount counter.
 */
const ENTITY_PAPER_TOTAL = `CASE k.role ${LINK_ROLES.map(
  (role) => `WHEN '${role}' THEN COUNT { ()-[:${role}]->(e) }`,
).join(' ')} ELSE coalesce(e.paperCount, 0) END`;

/**
 * The papers `p` of the entity `e`: in the role every key names, when they all name the same one,
 * so that Neo4j expands only relationships of that type (a hub dataset has thousands of each);
 * else in the role of each key, or any.
 */
function papersOf(role: LinkRole | null | undefined): string {
  if (role) {
    if (!LINK_ROLES.includes(role)) throw new RangeError(`unknown role ${role}`);
    return `MATCH (p:Paper)-[:${role}]->(e)`;
  }
  return `MATCH (p:Paper)-[r:${MENTION_TYPES}]->(e)
        WHERE k.role IS NULL OR type(r) = k.role
        WITH DISTINCT p`;
}

/** The role all keys name, or undefined when they differ or name none. */
function sharedRole(keys: ReadonlyArray<{ role?: LinkRole }>): LinkRole | undefined {
  const roles = new Set(keys.map((key) => key.role));
  return roles.size === 1 ? [...roles][0] : undefined;
}

/**
 * The page of papers of the entity `e` that the key map `k` (see pageKeyParams) asks for: after it,
 * `totalCount` and `rows` (one more than the page, to tell whether a next page exists). `role`:
 * the role every key names, if they share one.
 */
export function entityPapersPage(
  details: boolean,
  role?: LinkRole,
): { call: string; returns: string } {
  return {
    call: `CALL (e, k) {
        ${papersOf(role)}
        WITH p, ${SORT_KEYS.TITLE} AS key
        WHERE ${afterCondition('key', 'p.id', 'k.after', 'ASC')}
        // Only the page is sorted out of a hub's thousands of papers, and only it is projected.
        ORDER BY key, p.id
        LIMIT $limit
        RETURN collect({node: ${paperMap('p', details)}, key: key}) AS rows
      }`,
    returns: `${ENTITY_PAPER_TOTAL} AS totalCount, rows[0..k.limit] AS rows`,
  };
}

/** The key map `k` of entityPapersPage, and the `limit` parameter for these keys. */
export function pageKeyParams(keys: ReadonlyArray<Omit<EntityPapersKey, 'entityId' | 'details'>>) {
  return {
    keys: keys.map((key) => ({
      role: key.role ?? null,
      after: key.after ?? null,
      limit: int(key.first + 1),
    })),
    limit: int(Math.max(...keys.map((key) => key.first + 1))),
  };
}

export interface EntityPapersRow {
  totalCount: number;
  rows: Array<{ node: PaperRow; key: string }>;
}

export function toEntityPapersPage(row: EntityPapersRow, first: number): Page<PaperRow> {
  return toPage(row.rows, first, ENTITY_PAPERS_ORDERING, row.totalCount);
}

export function entityPapersStatement(keys: readonly EntityPapersKey[]): Statement {
  // One operation asks for the same details everywhere (see detailsAsked); more is never wrong.
  const page = entityPapersPage(
    keys.some((key) => key.details),
    sharedRole(keys),
  );
  const { keys: pages, limit } = pageKeyParams(keys);
  return {
    cypher: `
      ${EACH_KEY}
      MATCH (e:Entity {id: k.entityId})
      ${page.call}
      RETURN index, ${page.returns}`,
    params: {
      keys: pages.map((page, i) => ({ ...page, entityId: keys[i].entityId })),
      limit,
    },
  };
}

export async function papersOfEntities(
  db: Database,
  keys: readonly EntityPapersKey[],
): Promise<Page<PaperRow>[]> {
  if (keys.length === 0) return [];
  const rows = await run<EntityPapersRow & { index: number }>(db, entityPapersStatement(keys));
  return byIndex(
    rows,
    keys.length,
    (row) => toEntityPapersPage(row, keys[row.index].first),
    () => ({ totalCount: 0, items: [], hasNextPage: false }),
  );
}
