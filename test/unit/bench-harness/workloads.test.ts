import fs from 'node:fs';
import path from 'node:path';

import { Neo4jGraphQL } from '@neo4j/graphql';
import { GraphQLSchema, buildSchema, parse, validate } from 'graphql';

import { CorpusGenerator } from '../../../bench/corpus/corpus';
import { TYPE_DEFS } from '../../../bench/servers/neo4j-graphql';
import {
  SERVERS,
  WORKLOADS,
  answerOf,
  planWorkload,
  responseOk,
} from '../../../bench/harness/workloads';

const ROOT = path.resolve(__dirname, '../../..');

describe('workloads', () => {
  const generator = new CorpusGenerator({ papers: 300, seed: 5 });
  Array.from(generator.papers()); // workloadParams() reads the generated graph
  const params = generator.workloadParams();
  let papergraph: GraphQLSchema;
  let peer: GraphQLSchema;

  beforeAll(async () => {
    papergraph = buildSchema(fs.readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8'));
    peer = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS }).getSchema();
  });

  it('give every server requests for every workload', () => {
    for (const workload of WORKLOADS) {
      for (const server of SERVERS) {
        const plan = planWorkload(workload, server, params);
        expect(plan.requests.length).toBeGreaterThan(0);
        expect(['same', 'nearest', 'partial', 'none']).toContain(plan.equivalence);
        if (server !== 'floor')
          expect(plan.requests[0]).toMatchObject({ method: 'POST', path: '/graphql' });
        else expect(plan.requests[0].method).toBe('GET');
      }
    }
  });

  it.each(WORKLOADS)('%s: the GraphQL operations are valid against each schema', (workload) => {
    for (const [server, schema] of [
      ['papergraph', papergraph],
      ['neo4j-graphql', peer],
    ] as const) {
      const { body } = planWorkload(workload, server, params).requests[0];
      const { query } = JSON.parse(body!) as { query: string };
      expect({ server, errors: validate(schema, parse(query)).map((e) => e.message) }).toEqual({
        server,
        errors: [],
      });
    }
  });

  it('read what each server answered: found or not, and how big', () => {
    const lineageEdges = [
      { relation: 'EXTENDS', child: { id: 'b' }, parent: { id: 'a' } },
      { relation: 'COMBINES', child: { id: 'c' }, parent: { id: 'b' } },
      { relation: 'VARIANT_OF', child: { id: 'c' }, parent: { id: 'a' } },
    ];
    const lineage = { root: { id: 'a' }, edges: lineageEdges };
    const body = (data: unknown) => JSON.stringify({ data });
    expect(answerOf('lineage-3', 'floor', body(lineage))).toEqual({ found: true, size: 2 });
    expect(answerOf('lineage-3', 'papergraph', body({ lineage }))).toEqual({
      found: true,
      size: 2,
    });
    // The peer's nested tree repeats a node reached twice: it is counted once.
    const tree = {
      id: 'a',
      derivatives: [
        { id: 'b', derivatives: [{ id: 'c', derivatives: [] }] },
        { id: 'c', derivatives: [] },
      ],
    };
    expect(answerOf('lineage-6', 'neo4j-graphql', body({ entities: [tree] }))).toEqual({
      found: true,
      size: 2,
    });
    expect(answerOf('paper', 'papergraph', body({ paper: null }))).toEqual({
      found: false,
      size: 0,
    });
    expect(answerOf('paper', 'floor', body(null))).toEqual({ found: false, size: 0 });
    expect(answerOf('paper', 'neo4j-graphql', body({ papers: [] }))).toEqual({
      found: false,
      size: 0,
    });
    const peerPaper = {
      id: 'p',
      usesConnection: { edges: [{}, {}] },
      addressesConnection: { edges: [{}] },
    };
    expect(answerOf('paper', 'neo4j-graphql', body({ papers: [peerPaper] }))).toEqual({
      found: true,
      size: 3,
    });
    expect(
      answerOf(
        'entity-papers',
        'papergraph',
        body({ entity: { papers: { totalCount: 7, nodes: [] } } }),
      ),
    ).toEqual({ found: true, size: 7 });
    expect(answerOf('entity-papers', 'floor', body({ totalCount: 7, papers: [] }))).toEqual({
      found: true,
      size: 7,
    });
    expect(answerOf('search', 'papergraph', body({ search: [] }))).toEqual({
      found: false,
      size: 0,
    });
    expect(
      answerOf(
        'search',
        'neo4j-graphql',
        body({ searchPapers: { edges: [{}] }, searchEntities: { edges: [] } }),
      ),
    ).toEqual({ found: true, size: 1 });
    expect(answerOf('stats', 'papergraph', body({ stats: { papers: 300 } }))).toEqual({
      found: true,
      size: 300,
    });
    expect(
      answerOf('stats', 'neo4j-graphql', body({ papersConnection: { totalCount: 300 } })),
    ).toEqual({ found: true, size: 300 });
  });

  it('count GraphQL errors and HTTP failures as errors', () => {
    expect(responseOk(200, '{"data":{"paper":null}}')).toBe(true);
    expect(responseOk(200, '{"errors":[{"message":"x"}],"data":null}')).toBe(false);
    expect(responseOk(200, '{"data":{"a":1},"errors":[{"message":"x"}]}')).toBe(false);
    expect(responseOk(500, '{"error":"boom"}')).toBe(false);
  });
});
