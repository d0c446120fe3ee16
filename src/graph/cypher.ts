import neo4j, { Integer } from 'neo4j-driver';

import { Database } from '../db/database';
import { LINEAGE_RELATIONS, LINK_ROLES, LineageRelation } from '../model';

/**
 * Cypher fragments shared by the repository modules. Labels, relationship types and hop bounds
 * cannot be query parameters in Cypher, so they are interpolated here, only from the fixed lists
 * in model.ts or from integers checked against a range; every value from a request is a parameter.
 */

export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** Runs one read statement (a read transaction) and returns its records as plain objects. */
export function run<T>(db: Database, statement: Statement): Promise<T[]> {
  return db.query(statement.cypher, statement.params) as Promise<T[]>;
}

/** `INTRODUCES|USES|...`: every paper-to-entity mention type (never REMOVED tombstones). */
export const MENTION_TYPES = LINK_ROLES.join('|');

/** `EXTENDS|VARIANT_OF|...`: every child-to-parent lineage type. */
export const LINEAGE_TYPES = LINEAGE_RELATIONS.join('|');

/** Unwinds `$keys` (maps) as `k`, with `index` to bring each answer back to its key. */
export const EACH_KEY = 'UNWIND range(0, size($keys) - 1) AS index WITH index, $keys[index] AS k';

/** A subset of the lineage types, kept in the fixed order of model.ts. */
export function lineageTypes(relations?: readonly LineageRelation[]): string {
  if (!relations || relations.length === 0) return LINEAGE_TYPES;
  return LINEAGE_RELATIONS.filter((relation) => relations.includes(relation)).join('|');
}

/**
 * A filter that can start the match: `anchor` is a MATCH clause binding the variable from an
 * index (an alias key, a paper id), `test` the same condition as a predicate on a bound variable.
 */
export interface AnchorFilter {
  anchor: string;
  test: string;
}

/**
 * `MATCH ... WITH DISTINCT v WHERE ...`: the first anchor filter starts the match, so a selective
 * filter is an index lookup instead of a test of every node; the rest, and the plain conditions,
 * are tested. With no anchor filter, `all` (a label scan) starts it.
 */
export function selection(
  variable: string,
  all: string,
  anchors: AnchorFilter[],
  conditions: string[],
): string {
  const [first, ...rest] = anchors;
  const tests = [...rest.map((filter) => filter.test), ...conditions];
  const where = tests.length ? tests.join(' AND ') : 'true';
  return first
    ? `${first.anchor} WITH DISTINCT ${variable} WHERE ${where}`
    : `${all} WITH ${variable} WHERE ${where}`;
}

/** Variable-length bounds must be literals; only a checked integer reaches the query text. */
export function hopLimit(value: number, max: number): string {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`hop limit must be an integer in 1..${max}, got ${value}`);
  }
  return String(value);
}

/** JS numbers reach Cypher as floats, which LIMIT and list slices refuse. */
export function int(value: number): Integer {
  return neo4j.int(value);
}

const ENTITY_PROPERTIES = ['id', 'name', 'kind', 'aliases', 'description'];
const PAPER_PROPERTIES = ['id', 'title', 'abstract', 'url', 'arxivId', 'published', 'authors'];
// Lists are never null in the API, whatever an older or hand-made node holds.
const LISTS = new Set(['aliases', 'authors']);

/** The value of each property of the node `expression`, lists never null. */
function valuesOf(expression: string, properties: readonly string[]): string[] {
  return properties.map((p) =>
    LISTS.has(p) ? `coalesce(${expression}.${p}, [])` : `${expression}.${p}`,
  );
}

// A map literal rather than a map projection, so that it works on any expression (startNode(r)).
function mapOf(expression: string, properties: readonly string[]): string {
  const values = valuesOf(expression, properties);
  return `{${properties.map((p, i) => `${p}: ${values[i]}`).join(', ')}}`;
}

/**
 * Which optional properties rows carry. A query that never asks for an entity's aliases or a
 * paper's abstract should not pay for reading, sending and decoding them, so the GraphQL layer says
 * what the whole operation asks for (see selection.ts); rows fetched without a detail lack it, and
 * only that operation, which did not ask, ever reads them.
 */
export interface Details {
  /** Entity aliases and description. */
  entities: boolean;
  /** Paper abstract, url, arXiv id and authors. */
  papers: boolean;
}

export const ALL_DETAILS: Details = { entities: true, papers: true };
export const NO_DETAILS: Details = { entities: false, papers: false };

export const ENTITY_DETAILS = ['aliases', 'description'];
export const PAPER_DETAILS = ['abstract', 'url', 'arxivId', 'authors'];

const entityProperties = (details: boolean) =>
  details ? ENTITY_PROPERTIES : ENTITY_PROPERTIES.filter((p) => !ENTITY_DETAILS.includes(p));
const paperProperties = (details: boolean) =>
  details ? PAPER_PROPERTIES : PAPER_PROPERTIES.filter((p) => !PAPER_DETAILS.includes(p));

/**
 * An entity as a list `[id, name, kind]`, then aliases and description with details: for answers
 * of thousands of entities, where repeating map keys on each would be most of the bytes.
 */
export function entityTuple(expression: string, details: boolean): string {
  return `[${valuesOf(expression, entityProperties(details)).join(', ')}]`;
}

/** An EntityRow of the node `expression`. */
export function entityMap(expression: string, details = true): string {
  return mapOf(expression, entityProperties(details));
}

/** A PaperRow of the node `expression`. */
export function paperMap(expression: string, details = true): string {
  return mapOf(expression, paperProperties(details));
}

/**
 * The counters kept on entities (see counters.ts), read as plain properties: rankings, orderings
 * and counts are one property read, not a walk. These count expressions below are what the
 * writers store there.
 */
export const COUNTER_OF = {
  paperCount: (entity: string) => `coalesce(${entity}.paperCount, 0)`,
  derivativeCount: (entity: string) => `coalesce(${entity}.derivativeCount, 0)`,
  descendantCount: (entity: string) => `coalesce(${entity}.descendantCount, 0)`,
};

/** Distinct papers mentioning the entity in any role. */
export function paperCount(entity: string): string {
  return `COUNT { MATCH (counted_:Paper)-[:${MENTION_TYPES}]->(${entity}) RETURN DISTINCT counted_ }`;
}

/** Distinct direct children in the lineage. */
export function derivativeCount(entity: string): string {
  return `COUNT { MATCH (counted_:Entity)-[:${LINEAGE_TYPES}]->(${entity}) RETURN DISTINCT counted_ }`;
}

/** Deepest lineage walk the API allows, also the bound of descendant counts. */
export const MAX_LINEAGE_DEPTH = 10;

/** Distinct descendants at any depth up to MAX_LINEAGE_DEPTH. */
export function descendantCount(entity: string): string {
  return (
    `COUNT { MATCH (counted_:Entity)-[:${LINEAGE_TYPES}*1..${MAX_LINEAGE_DEPTH}]->(${entity}) ` +
    `WHERE counted_ <> ${entity} RETURN DISTINCT counted_ }`
  );
}

/**
 * Binds `variable` to the entity an alias key names: of several candidates, the one of the given
 * kind, else the one mentioned by most papers (ties by id, so the answer is stable).
 */
export function entityByAlias(variable: string, keyParam: string, kindParam: string): string {
  return `
    MATCH (:Alias {key: $${keyParam}})-[:ALIAS_OF]->(candidate_:Entity)
    WHERE $${kindParam} IS NULL OR candidate_.kind = $${kindParam}
    WITH candidate_ ORDER BY ${COUNTER_OF.paperCount('candidate_')} DESC, candidate_.id
    LIMIT 1
    WITH candidate_ AS ${variable}`;
}

/**
 * A lineage relationship `r` as a LineageEdgeRow. The supporting paper is its id only: a paper's
 * abstract repeated on every edge of a large lineage would dwarf the rest of the answer, so
 * `LineageEdge.paper` is fetched by id when asked for (a DataLoader).
 */
export function lineageEdgeMap(r: string): string {
  return `{
      child: ${entityMap(`startNode(${r})`)},
      parent: ${entityMap(`endNode(${r})`)},
      ${lineageEdgeFields(r)}
    }`;
}

/** The properties of a lineage relationship `r` other than its relation and its two entities. */
export function lineageEdgeDetails(r: string): Array<[string, string]> {
  return [
    ['evidence', `${r}.evidence`],
    ['source', `coalesce(${r}.source, 'EXTRACTED')`],
    ['confidence', `coalesce(${r}.confidence, 1.0)`],
    ['paperId', `${r}.paperId`],
  ];
}

/** The fields of a lineage relationship `r` other than its two entities. */
export function lineageEdgeFields(r: string): string {
  return [['relation', `type(${r})`], ...lineageEdgeDetails(r)]
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');
}
