import fs from 'node:fs';
import path from 'node:path';

import { graphql, GraphQLSchema, Kind, OperationDefinitionNode, parse } from 'graphql';

import { loadConfig } from '../../../src/config';
import { Database } from '../../../src/db/database';
import { seedCorpus } from '../../../src/ingest/ingest';
import { Context } from '../../../src/graphql/context';
import { createLoaders } from '../../../src/graphql/loaders';
import { buildPapergraphSchema } from '../../../src/graphql/schema';
import { clearGraph, openTestDatabase } from '../../support/test-graph';

/**
 * No N+1: nested fields of many papers or entities cost one statement per field and level, batched
 * by the per-request DataLoaders, however many parents there are.
 */
describe('statements per request', () => {
  let db: Database;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    db = await openTestDatabase();
    await clearGraph(db);
    await seedCorpus(db, loadConfig().rootDir);
    schema = await buildPapergraphSchema();
  }, 300_000);
  afterAll(() => db.close());

  /** Runs one operation with a Database that counts the statements it is asked to run. */
  async function statements(source: string, operationName?: string): Promise<number> {
    let count = 0;
    const counting = Object.create(db) as Database;
    counting.query = (cypher, params) => {
      count += 1;
      return db.query(cypher, params);
    };
    const context = { db: counting, loaders: createLoaders(counting) } as unknown as Context;
    const result = await graphql({ schema, source, operationName, contextValue: context });
    expect(result.errors).toBeUndefined();
    return count;
  }

  const ENTITIES = (first: number) => `{
    entities(first: ${first}, orderBy: { field: PAPER_COUNT, direction: DESC }) {
      nodes {
        name paperCount descendantCount
        introducedIn { title }
        derivedFrom { relation parent { name } paper { title } }
        derivatives { child { name } }
        coUsed(kind: DATASET, first: 3) { count papers { title } }
        papers(first: 3) {
          totalCount
          nodes { title mentions { role entity { name } } related(first: 2) { sharedCount } }
        }
        ... on Dataset { evaluatedModels(first: 3) { count } }
      }
    }
  }`;

  it('does not grow with the number of entities', async () => {
    // entities, counts, introducedIn, lineage, the papers its edges cite, coUsed, papers,
    // mentions, related, and evaluatedModels when the page holds a dataset.
    expect(await statements(ENTITIES(5))).toBeLessThanOrEqual(10);
    expect(await statements(ENTITIES(100))).toBe(10);
  });

  it('is one statement per nested field of a page of papers', async () => {
    const count = await statements(`{
      papers(first: 100) {
        nodes { title introduces { name } uses { name } evaluatesOn { name } comparesWith { name }
                tasks { name } mentions { role } related { sharedCount shared { name } } }
      }
    }`);
    // papers, mentions (all five role lists share it), related.
    expect(count).toBe(3);
  });

  it('is one statement for a lineage, a path, a search or the stats', async () => {
    expect(
      await statements(
        '{ lineage(name: "BERT", maxDepth: 10) { nodes { name } edges { paper { title } } } }',
      ),
    ).toBe(1);
    expect(
      await statements(
        '{ path(from: "BERT", to: "ImageNet-1K") { relation node { __typename } } }',
      ),
    ).toBe(1);
    expect(await statements('{ search(query: "masked autoencoders") { score } }')).toBe(1);
    expect(await statements('{ stats { papers topDatasets { entity { name } } } }')).toBe(1);
  });

  it('runs every operation of schema/examples.graphql without an error', async () => {
    const source = fs.readFileSync(
      path.join(loadConfig().rootDir, 'schema', 'examples.graphql'),
      'utf8',
    );
    const operations = parse(source).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    for (const operation of operations) {
      // Each example costs at most one statement per root field and nested level.
      expect(await statements(source, operation.name!.value)).toBeLessThanOrEqual(12);
    }
  });
});
