import http from 'node:http';
import net from 'node:net';

import neo4j, { Driver } from 'neo4j-driver';

import { withoutCallerStack } from '../../src/db/database';
import { aliasKey } from '../../src/ingest/resolve/slug';
import { announceReady, serverEnv } from './child';

/**
 * The floor: what each workload costs with nothing between HTTP and the database but a
 * hand-written Cypher statement. node:http, one neo4j-driver call per request, JSON out; no
 * GraphQL, no validation, no logging. Each statement returns what the papergraph query of the
 * same workload returns, in one round trip.
 *
 *   GET /paper?id=          a paper with its mentions and their entities
 *   GET /dataset-papers?name=  a dataset (by alias) with the first page of papers evaluating on it
 *   GET /lineage?name=&depth=  descendants of an entity to a depth, each edge once, nearest first
 *   GET /search?q=          full text over papers and entities, best 10
 *   GET /stats              counts and top-10 lists of the whole graph
 */

const MENTION_TYPES = 'INTRODUCES|USES|EVALUATES_ON|COMPARES_WITH|ADDRESSES';
const LINEAGE_TYPES = 'EXTENDS|VARIANT_OF|FINETUNED_FROM|DISTILLED_FROM|COMBINES|INSPIRED_BY';

const KINDS = [
  ['DATASET', 'Dataset'],
  ['TASK', 'Task'],
  ['METHOD', 'Method'],
  ['MODEL', 'Model'],
] as const;
const TOP_BY_PAPERS = [
  ['Dataset', 'topDatasets'],
  ['Task', 'topTasks'],
  ['Method', 'topMethods'],
  ['Model', 'topModels'],
] as const;

const countOf = (pattern: string, variable: string, where = '') =>
  `COLLECT { MATCH ${pattern} ${where} RETURN count(${variable}) }[0]`;

/** Total and CURATED count of each relationship type (EXTRACTED is the difference). */
function typeCounts(types: string): string {
  return `[${types
    .split('|')
    .map(
      (type) =>
        `{type: '${type}', count: ${countOf(`()-[r:${type}]->()`, 'r')}, ` +
        `curated: ${countOf(`()-[r:${type}]->()`, 'r', "WHERE r.source = 'CURATED'")}}`,
    )
    .join(', ')}]`;
}

function topByPapers(label: string, as: string): string {
  return `CALL () {
      MATCH (e:${label}) WHERE e.paperCount > 0
      WITH e ORDER BY e.paperCount DESC, toLower(e.name), e.id LIMIT 10
      RETURN collect({name: e.name, count: e.paperCount}) AS ${as}
    }`;
}

/** The entity an alias key names; of several, the one most papers mention (counted only then). */
const ENTITY_BY_ALIAS = `
  MATCH (:Alias {key: $key})-[:ALIAS_OF]->(candidate:Entity)
  WITH collect(candidate) AS candidates
  CALL (candidates) {
    UNWIND candidates AS c
    WITH c, CASE WHEN size(candidates) = 1 THEN 0
      ELSE COUNT { MATCH (p:Paper)-[:${MENTION_TYPES}]->(c) RETURN DISTINCT p } END AS n
    ORDER BY n DESC, c.id LIMIT 1
    RETURN c AS e
  }`;

export const STATEMENTS = {
  paper: `
    MATCH (p:Paper {id: $id})
    RETURN p {.id, .title, .abstract, .published, .authors,
      mentions: COLLECT {
        MATCH (p)-[r:${MENTION_TYPES}]->(e:Entity)
        RETURN {role: type(r), confidence: r.confidence, evidence: r.evidence, entity: e {.id, .name, .kind}}
      }} AS paper`,
  datasetPapers: `${ENTITY_BY_ALIAS}
    RETURN e {.id, .name, .kind,
      totalCount: COUNT { (:Paper)-[:EVALUATES_ON]->(e) },
      papers: COLLECT {
        MATCH (p:Paper)-[:EVALUATES_ON]->(e)
        WITH p ORDER BY toLower(p.title), p.id LIMIT 21
        RETURN p {.id, .title, .published}
      }} AS entity`,
  lineage: (depth: number) => `${ENTITY_BY_ALIAS}
    CALL (e) {
      MATCH path = (e)<-[:${LINEAGE_TYPES}*1..${depth}]-(:Entity)
      WITH last(relationships(path)) AS r, length(path) AS depth
      WITH r, min(depth) AS depth
      WITH r, depth, startNode(r) AS child, endNode(r) AS parent
      ORDER BY depth, toLower(parent.name), toLower(child.name), type(r)
      RETURN collect({relation: type(r), child: child {.id, .name, .kind}, parent: parent {.id, .name, .kind}}) AS edges
    }
    RETURN e {.id, .name, .kind} AS root, edges`,
  search: `
    CALL () {
      CALL db.index.fulltext.queryNodes('paper_text', $query, {limit: 10}) YIELD node, score
      RETURN node, score
      UNION ALL
      CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: 10}) YIELD node, score
      RETURN node, score
    }
    WITH node, score ORDER BY score DESC, node.id LIMIT 10
    RETURN score, CASE WHEN node:Paper THEN node {.id, .title} ELSE node {.id, .name, .kind} END AS node`,
  // Read as papergraph reads them since the counters (migration 0004): node and relationship
  // totals from the count store, CURATED links from their source indexes, top lists from the
  // counters every writer keeps on the nodes. Counting from scratch would make this no floor.
  stats: `
    ${TOP_BY_PAPERS.map(([label, as]) => topByPapers(label, as)).join('\n')}
    CALL () {
      MATCH (e:Entity) WHERE e.descendantCount > 0 AND e.kind IN ['METHOD', 'MODEL']
      WITH e ORDER BY e.descendantCount DESC, toLower(e.name), e.id LIMIT 10
      RETURN collect({name: e.name, count: e.descendantCount}) AS mostDescendants
    }
    CALL () {
      MATCH (p:Paper) WHERE p.introducesRank IS NOT NULL
      WITH p ORDER BY p.introducesRank LIMIT 10
      RETURN collect({title: p.title, count: p.introducesCount}) AS topIntroducingPapers
    }
    RETURN ${countOf('(n:Paper)', 'n')} AS papers,
      [${KINDS.map(([kind, label]) => `{kind: '${kind}', count: ${countOf(`(n:${label})`, 'n')}}`).join(', ')}] AS entitiesByKind,
      ${typeCounts(MENTION_TYPES)} AS mentionsByRole,
      ${typeCounts(LINEAGE_TYPES)} AS lineageByRelation,
      topDatasets, topTasks, topMethods, topModels, mostDescendants, topIntroducingPapers`,
};

// The floor looks names up by papergraph's own alias key, so both answer the same entity.
export { aliasKey };

/** Words taken literally: Lucene syntax escaped, operator words lower-cased. */
export function luceneQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 32)
    .map((t) =>
      /^(AND|OR|NOT|TO)$/.test(t)
        ? t.toLowerCase()
        : t.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'),
    )
    .join(' ');
}

export interface RawServer {
  url: string;
  close(): Promise<void>;
}

export interface RawServerOptions {
  uri: string;
  user: string;
  password: string;
  host?: string;
  port?: number;
}

export async function startRawCypherServer(options: RawServerOptions): Promise<RawServer> {
  const driver: Driver = neo4j.driver(
    options.uri,
    neo4j.auth.basic(options.user, options.password),
    {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 100,
    },
  );
  // Reads as papergraph's Database.query makes them (see src/db/database.ts): an auto-commit
  // transaction, one round trip, started without the driver's capture of the caller's stack, so
  // that the ratio to the floor measures what papergraph adds above the driver, not a way of
  // calling it.
  const read = async (cypher: string, params: Record<string, unknown>) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await withoutCallerStack(() => session.run(cypher, params));
      return result.records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  };
  const routes: Record<string, (q: URLSearchParams) => Promise<unknown>> = {
    '/paper': async (q) =>
      (await read(STATEMENTS.paper, { id: q.get('id') ?? '' }))[0]?.paper ?? null,
    '/dataset-papers': async (q) =>
      (await read(STATEMENTS.datasetPapers, { key: aliasKey(q.get('name') ?? '') }))[0]?.entity ??
      null,
    '/lineage': async (q) => {
      const depth = Number(q.get('depth') ?? '3');
      if (!Number.isInteger(depth) || depth < 1 || depth > 10)
        throw new RangeError('depth must be 1..10');
      return (
        (await read(STATEMENTS.lineage(depth), { key: aliasKey(q.get('name') ?? '') }))[0] ?? null
      );
    },
    '/search': (q) => read(STATEMENTS.search, { query: luceneQuery(q.get('q') ?? '') }),
    '/stats': async () => (await read(STATEMENTS.stats, {}))[0],
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes[url.pathname];
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    if (!route) return send(404, { error: 'not found' });
    route(url.searchParams).then(
      (data) => send(200, { data }),
      (error: Error) => send(500, { error: error.message }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
}

if (require.main === module) {
  const env = serverEnv();
  startRawCypherServer({ uri: env.uri, user: env.user, password: env.password }).then(
    (server) => announceReady(server.url, () => server.close()),
    (error) => {
      process.stderr.write(`raw-cypher: ${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
}
