import { WorkloadParams } from '../corpus/corpus';
import { Prng } from '../corpus/prng';

/**
 * The five query workloads (lineage at two depths), as the requests each server gets. Every
 * workload rotates over many parameter values (40 datasets, 200 papers, ...) so that no answer is
 * one cached row; the runner hands them out in turn to whichever connection is free.
 *
 * For each server the workload says how close its query is to papergraph's:
 * - `same`: the same answer (the floor returns what the papergraph selection returns);
 * - `nearest`: the closest query that server can express, with the difference in `notes`;
 * - `partial`: it can express part of the answer only (not counted as a shared workload);
 * - `none`: no way to ask it.
 */

export const SERVERS = ['floor', 'papergraph', 'neo4j-graphql'] as const;
export type ServerKind = (typeof SERVERS)[number];

export const WORKLOADS = [
  'paper',
  'entity-papers',
  'lineage-3',
  'lineage-6',
  'search',
  'stats',
] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

export type Equivalence = 'same' | 'nearest' | 'partial' | 'none';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** How big the answer is in the graph (descendants of a lineage root, papers of a dataset). */
  size?: number;
}

export interface WorkloadPlan {
  workload: WorkloadName;
  server: ServerKind;
  equivalence: Equivalence;
  notes?: string;
  /** Empty when equivalence is `none`. */
  requests: RequestSpec[];
}

export const WORKLOAD_DESCRIPTIONS: Record<WorkloadName, string> = {
  paper: 'one paper by id with all its mentions (role, confidence, evidence) and their entities',
  'entity-papers':
    'one dataset by name with the first page (20, by title) of the papers evaluating on it, and their total count',
  'lineage-3':
    'every descendant of an entity to depth 3: each lineage edge once with relation, child and parent',
  'lineage-6': 'the same to depth 6',
  search: 'full-text search over papers and entities, best 10 hits',
  stats:
    'dashboard statistics: counts by kind, role and relation, top-10 datasets, tasks, methods, models, most descendants, top introducing papers',
};

const ENTITY = 'id name kind';

const PAPERGRAPH_QUERIES: Record<WorkloadName, string> = {
  paper: `query Paper($id: ID!) { paper(id: $id) { id title abstract published authors mentions { role confidence evidence entity { ${ENTITY} } } } }`,
  'entity-papers': `query DatasetPapers($name: String!) { entity(name: $name) { ${ENTITY} papers(role: EVALUATES_ON, first: 20) { totalCount nodes { id title published } pageInfo { hasNextPage endCursor } } } }`,
  'lineage-3': `query Lineage($name: String!) { lineage(name: $name, direction: DESCENDANTS, maxDepth: 3) { root { ${ENTITY} } edges { relation child { ${ENTITY} } parent { ${ENTITY} } } } }`,
  'lineage-6': `query Lineage($name: String!) { lineage(name: $name, direction: DESCENDANTS, maxDepth: 6) { root { ${ENTITY} } edges { relation child { ${ENTITY} } parent { ${ENTITY} } } } }`,
  search: `query Search($q: String!) { search(query: $q, first: 10) { score node { __typename ... on Paper { id title } ... on Entity { ${ENTITY} } } } }`,
  stats:
    'query Stats { stats(top: 10) { papers entitiesByKind { kind count } mentionsByRole { role count } ' +
    'lineageByRelation { relation count } provenance { source mentions lineageEdges } ' +
    'topDatasets { count entity { name } } topTasks { count entity { name } } topMethods { count entity { name } } ' +
    'topModels { count entity { name } } mostDescendants { count entity { name } } topIntroducingPapers { count paper { title } } } }',
};

const MENTION_EDGES = `edges { properties { evidence confidence } node { ${ENTITY} } }`;

/** Fixed-depth nesting of one-hop `derivatives`: the only way to walk lineage in a generated schema. */
function nestedDerivatives(depth: number): string {
  let selection = ENTITY;
  for (let i = 0; i < depth; i++) selection = `${ENTITY} derivatives { ${selection} }`;
  return selection;
}

const PEER_QUERIES: Record<WorkloadName, string> = {
  paper:
    `query Paper($id: ID!) { papers(where: { id: { eq: $id } }) { id title abstract published authors ` +
    ['introduces', 'uses', 'evaluatesOn', 'comparesWith', 'addresses']
      .map((f) => `${f}Connection { ${MENTION_EDGES} }`)
      .join(' ') +
    ' } }',
  'entity-papers':
    `query DatasetPapers($name: String!) { entities(where: { name: { eq: $name } }) { ${ENTITY} ` +
    'evaluatedInConnection(first: 20, sort: [{ node: { title: ASC } }]) { totalCount edges { node { id title published } } pageInfo { hasNextPage endCursor } } } }',
  'lineage-3': `query Lineage($name: String!) { entities(where: { name: { eq: $name } }) { ${nestedDerivatives(3)} } }`,
  'lineage-6': `query Lineage($name: String!) { entities(where: { name: { eq: $name } }) { ${nestedDerivatives(6)} } }`,
  search:
    `query Search($q: String!) { searchPapers(phrase: $q, first: 10) { edges { score node { id title } } } ` +
    `searchEntities(phrase: $q, first: 10) { edges { score node { ${ENTITY} } } } }`,
  stats:
    'query Stats { papersConnection { totalCount } ' +
    ['DATASET', 'TASK', 'METHOD', 'MODEL']
      .map(
        (k) =>
          `${k.toLowerCase()}Count: entitiesConnection(where: { kind: { eq: "${k}" } }) { totalCount }`,
      )
      .join(' ') +
    ' ' +
    ['DATASET', 'TASK', 'METHOD', 'MODEL']
      .map(
        (k) =>
          `top${k}: entities(where: { kind: { eq: "${k}" } }, sort: [{ paperCount: DESC }], limit: 10) { name paperCount }`,
      )
      .join(' ') +
    ' mostDescendants: entities(where: { kind: { in: ["METHOD", "MODEL"] } }, sort: [{ descendantCount: DESC }], limit: 10) { name descendantCount } }',
};

const PEER_NOTES: Partial<Record<WorkloadName, { equivalence: Equivalence; notes: string }>> = {
  paper: {
    equivalence: 'nearest',
    notes: 'five relationship connections (one per role) instead of one mentions list',
  },
  'entity-papers': {
    equivalence: 'nearest',
    notes: 'exact name match (no alias, case or plural folding); title sort is case-sensitive',
  },
  'lineage-3': {
    equivalence: 'nearest',
    notes:
      'fixed nesting of a one-hop @cypher `derivatives` field: entities only (no relation type), a node reached twice is returned twice; no variable depth',
  },
  'lineage-6': {
    equivalence: 'nearest',
    notes:
      'fixed nesting of a one-hop @cypher `derivatives` field: entities only (no relation type), a node reached twice is returned twice; no variable depth',
  },
  search: {
    equivalence: 'nearest',
    notes:
      '@fulltext queries on papers and entities side by side (10 each, not merged); the phrase is passed to Lucene unescaped',
  },
  stats: {
    equivalence: 'partial',
    notes:
      'node counts (connection totalCount) and top lists sorted by @cypher count fields; no relationship counts by role, relation or provenance, no top introducing papers',
  },
};

function graphql(query: string, variables: Record<string, unknown>): RequestSpec {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  };
}

function get(path: string, query: Record<string, string | number>): RequestSpec {
  const search = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  return { method: 'GET', path: `${path}${search ? `?${search}` : ''}` };
}

/** The values each workload rotates over, in a fixed shuffled order (the parameters come sorted by size). */
function variablesOf(workload: WorkloadName, params: WorkloadParams): Variant[] {
  const values = unshuffled(workload, params);
  const prng = new Prng(WORKLOADS.indexOf(workload) + 1);
  for (let i = values.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [values[i], values[j]] = [values[j], values[i]];
  }
  return values;
}

interface Variant {
  vars: Record<string, string>;
  size?: number;
}

function unshuffled(workload: WorkloadName, params: WorkloadParams): Variant[] {
  switch (workload) {
    case 'paper':
      return params.paperIds.map((id) => ({ vars: { id } }));
    case 'entity-papers':
      return params.datasets.map((d) => ({ vars: { name: d.name }, size: d.papers }));
    case 'lineage-3':
      return params.lineageRoots.map((r) => ({ vars: { name: r.name }, size: r.descendants3 }));
    case 'lineage-6':
      return params.lineageRoots.map((r) => ({ vars: { name: r.name }, size: r.descendants6 }));
    case 'search':
      return params.searchTerms.map((q) => ({ vars: { q } }));
    case 'stats':
      return [{ vars: {} }];
  }
}

function floorRequest(workload: WorkloadName, v: Record<string, string>): RequestSpec {
  switch (workload) {
    case 'paper':
      return get('/paper', { id: v.id });
    case 'entity-papers':
      return get('/dataset-papers', { name: v.name });
    case 'lineage-3':
      return get('/lineage', { name: v.name, depth: 3 });
    case 'lineage-6':
      return get('/lineage', { name: v.name, depth: 6 });
    case 'search':
      return get('/search', { q: v.q });
    case 'stats':
      return get('/stats', {});
  }
}

export function planWorkload(
  workload: WorkloadName,
  server: ServerKind,
  params: WorkloadParams,
): WorkloadPlan {
  const values = variablesOf(workload, params);
  const sized = (request: RequestSpec, v: Variant): RequestSpec =>
    v.size === undefined ? request : { ...request, size: v.size };
  if (server === 'floor') {
    return {
      workload,
      server,
      equivalence: 'same',
      requests: values.map((v) => sized(floorRequest(workload, v.vars), v)),
    };
  }
  if (server === 'papergraph') {
    return {
      workload,
      server,
      equivalence: 'same',
      requests: values.map((v) => sized(graphql(PAPERGRAPH_QUERIES[workload], v.vars), v)),
    };
  }
  const peer = PEER_NOTES[workload] ?? { equivalence: 'nearest' as const, notes: '' };
  return {
    workload,
    server,
    equivalence: peer.equivalence,
    notes: peer.notes,
    requests: values.map((v) => sized(graphql(PEER_QUERIES[workload], v.vars), v)),
  };
}

/**
 * What an answer holds, read the same way from each server's shape, so that a run can tell a
 * right answer from an empty one (a paper not found is a 200 without errors, and measures
 * nothing): whether the thing asked for was found, and how big it is:
 * - paper: its mentions;
 * - entity-papers: the dataset's total count of papers evaluating on it;
 * - lineage: distinct descendants within the depth (the peer's nested tree may repeat a node);
 * - search: hits;
 * - stats: papers in the graph.
 */
export interface Answer {
  found: boolean;
  size: number;
}

type Json = Record<string, unknown>;

const NOT_FOUND: Answer = { found: false, size: 0 };
const listOf = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const countOf = (value: unknown): number => (typeof value === 'number' ? value : 0);

function descendantIds(nodes: Json[], into: Set<string>): Set<string> {
  for (const node of nodes) {
    into.add(String(node.id));
    descendantIds(listOf(node.derivatives), into);
  }
  return into;
}

/** papergraph's root field of each workload. */
const PAPERGRAPH_FIELD: Record<WorkloadName, string> = {
  paper: 'paper',
  'entity-papers': 'entity',
  'lineage-3': 'lineage',
  'lineage-6': 'lineage',
  search: 'search',
  stats: 'stats',
};

/** The floor's answer, which is papergraph's selection unwrapped (but for the page of papers). */
function floorAnswer(workload: WorkloadName, data: Json | Json[]): Answer {
  const one = data as Json;
  switch (workload) {
    case 'paper':
      return { found: true, size: listOf(one.mentions).length };
    case 'entity-papers':
      return { found: true, size: countOf(one.totalCount) };
    case 'lineage-3':
    case 'lineage-6': {
      if (!one.root) return NOT_FOUND;
      const children = new Set(listOf(one.edges).map((e) => String((e.child as Json).id)));
      return { found: true, size: children.size };
    }
    case 'search':
      return { found: listOf(data).length > 0, size: listOf(data).length };
    case 'stats':
      return { found: true, size: countOf(one.papers) };
  }
}

function peerAnswer(workload: WorkloadName, data: Json): Answer {
  const [first] = listOf(data.papers ?? data.entities);
  switch (workload) {
    case 'paper': {
      if (!first) return NOT_FOUND;
      const connections = Object.entries(first).filter(([field]) => field.endsWith('Connection'));
      const size = connections.reduce((n, [, c]) => n + listOf((c as Json).edges).length, 0);
      return { found: true, size };
    }
    case 'entity-papers':
      if (!first) return NOT_FOUND;
      return { found: true, size: countOf((first.evaluatedInConnection as Json).totalCount) };
    case 'lineage-3':
    case 'lineage-6':
      if (!first) return NOT_FOUND;
      return { found: true, size: descendantIds(listOf(first.derivatives), new Set()).size };
    case 'search': {
      const hits = ['searchPapers', 'searchEntities'].reduce(
        (n, field) => n + listOf((data[field] as Json | undefined)?.edges).length,
        0,
      );
      return { found: hits > 0, size: hits };
    }
    case 'stats':
      return { found: true, size: countOf((data.papersConnection as Json).totalCount) };
  }
}

export function answerOf(workload: WorkloadName, server: ServerKind, body: string): Answer {
  const data = (JSON.parse(body) as { data?: Json | Json[] | null }).data ?? null;
  if (data === null) return NOT_FOUND;
  if (server === 'floor') return floorAnswer(workload, data);
  if (server === 'neo4j-graphql') return peerAnswer(workload, data as Json);
  const value = (data as Json)[PAPERGRAPH_FIELD[workload]] as Json | Json[] | null | undefined;
  if (value === null || value === undefined) return NOT_FOUND;
  if (workload === 'entity-papers')
    return { found: true, size: countOf(((value as Json).papers as Json).totalCount) };
  return floorAnswer(workload, value);
}

/** Whether a response body is a success: HTTP 200 and no GraphQL `errors`. */
export function responseOk(status: number, body: string): boolean {
  return status === 200 && !body.startsWith('{"errors"') && !body.includes('"errors":[');
}
