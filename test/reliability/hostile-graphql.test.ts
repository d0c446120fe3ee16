import fc from 'fast-check';

import { ENTITY_KINDS, LINEAGE_RELATIONS, LINK_ROLES } from '../../src/model';
import { fastCheckSeed } from '../support/fast-check-seed';
import { graphFingerprint } from '../support/test-graph';
import { TEST_API_TOKEN } from '../support/test-server';
import { useSeededServer } from '../integration/graphql/seeded-server';
import { Answer, codesOf, KNOWN_CODES, post, postRaw } from './support/http';
import {
  cursorArg,
  deepJson,
  enumArg,
  hostileInt,
  hostileString,
  inputArg,
  REAL_NAMES,
  requestBody,
  stringArg,
  wrongShape,
} from './support/hostile-values';

/**
 * Every argument of the API, fed generated hostile values through variables (fast-check) against
 * the real server over the seed corpus. Each answer is JSON with data or errors, every error
 * carries a code from the known set, and none is INTERNAL_SERVER_ERROR or an HTTP 500. Mutations
 * (with the token) that fail leave the graph exactly as it was: no partial write.
 *
 * Runs are bounded (GRAPHQL_PROPERTY_RUNS scales them); the seed is printed (replay a run with
 * FC_SEED=<seed>) and a failure prints the shrunk values.
 */

const SCALE = Number(process.env.GRAPHQL_PROPERTY_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const SEED = fastCheckSeed('hostile-graphql');

/** Codes a healthy server may answer hostile input with. DATABASE_UNAVAILABLE would mean a fault. */
const ALLOWED = new Set([...KNOWN_CODES].filter((code) => code !== 'DATABASE_UNAVAILABLE'));

const DIRECTIONS = ['ANCESTORS', 'DESCENDANTS', 'BOTH'];

/** The answer is well-formed and coded; returns a description of what is wrong, or undefined. */
function fault(answer: Answer): string | undefined {
  if (answer.failure) return `no response: ${answer.failure}`;
  if (![200, 400, 401, 403, 413].includes(answer.status)) return `HTTP ${answer.status}`;
  if (answer.text !== undefined) return `not JSON: ${answer.text.slice(0, 200)}`;
  if (answer.data === undefined && answer.errors === undefined) return 'neither data nor errors';
  const unknown = codesOf(answer).filter((code) => !ALLOWED.has(code));
  if (unknown.length) {
    return `codes ${unknown.join(', ')}: ${JSON.stringify(answer.errors).slice(0, 500)}`;
  }
  return undefined;
}

function expectNoFault(answer: Answer, what: unknown): void {
  const problem = fault(answer);
  if (problem) throw new Error(`${problem}\nfor ${JSON.stringify(what).slice(0, 600)}`);
}

/** One read operation per root field, with every argument (and nested field argument) a variable. */
const READS: Record<string, { query: string; variables: Record<string, fc.Arbitrary<unknown>> }> = {
  entity: {
    query: `query Q($name: String!, $kind: EntityKind, $first: Int, $after: String, $role: LinkRole) {
      entity(name: $name, kind: $kind) {
        id name aliases paperCount derivativeCount descendantCount
        papers(first: $first, after: $after, role: $role) { totalCount nodes { id } pageInfo { endCursor } }
        coUsed(first: $first, kind: $kind) { count entity { id } }
        ... on Dataset { evaluatedModels(first: $first, kind: $kind) { count } }
      } }`,
    variables: {
      name: stringArg,
      kind: enumArg(ENTITY_KINDS),
      first: hostileInt,
      after: cursorArg,
      role: enumArg(LINK_ROLES),
    },
  },
  entities: {
    query: `query Q($first: Int, $after: String, $kind: EntityKind, $orderBy: EntityOrder, $where: EntityWhere) {
      entities(first: $first, after: $after, kind: $kind, orderBy: $orderBy, where: $where) {
        totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
      } }`,
    variables: {
      first: hostileInt,
      after: cursorArg,
      kind: enumArg(ENTITY_KINDS),
      orderBy: inputArg({
        field: enumArg(['NAME', 'PAPER_COUNT', 'DERIVATIVE_COUNT', 'DESCENDANT_COUNT']),
        direction: enumArg(['ASC', 'DESC']),
      }),
      where: inputArg({
        nameContains: stringArg,
        introducedIn: stringArg,
        mentionedIn: stringArg,
        evaluatedOn: stringArg,
        derivedFrom: stringArg,
      }),
    },
  },
  lineage: {
    query: `query Q($name: String!, $maxDepth: Int, $direction: LineageDirection, $kind: EntityKind, $relations: [LineageRelation!]) {
      lineage(name: $name, maxDepth: $maxDepth, direction: $direction, kind: $kind, relations: $relations) {
        root { id } nodes { id } edges { relation evidence child { id } parent { id } }
      } }`,
    variables: {
      name: stringArg,
      maxDepth: hostileInt,
      direction: enumArg(DIRECTIONS),
      kind: enumArg(ENTITY_KINDS),
      relations: fc.oneof(
        fc.array(enumArg(LINEAGE_RELATIONS), { maxLength: 8 }),
        enumArg(LINEAGE_RELATIONS),
        wrongShape,
      ),
    },
  },
  paper: {
    query: `query Q($id: ID, $title: String, $role: LinkRole, $first: Int) {
      paper(id: $id, title: $title) {
        id title mentions(role: $role) { role evidence entity { id } } related(first: $first) { sharedCount paper { id } }
      } }`,
    variables: { id: stringArg, title: stringArg, role: enumArg(LINK_ROLES), first: hostileInt },
  },
  papers: {
    query: `query Q($first: Int, $after: String, $orderBy: PaperOrder, $where: PaperWhere) {
      papers(first: $first, after: $after, orderBy: $orderBy, where: $where) {
        totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
      } }`,
    variables: {
      first: hostileInt,
      after: cursorArg,
      orderBy: inputArg({
        field: enumArg(['TITLE', 'PUBLISHED', 'MENTION_COUNT']),
        direction: enumArg(['ASC', 'DESC']),
      }),
      where: inputArg({
        titleContains: stringArg,
        uses: stringArg,
        introduces: stringArg,
        evaluatesOn: stringArg,
        comparesWith: stringArg,
        addresses: stringArg,
        mentions: stringArg,
        publishedFrom: fc.oneof(
          stringArg,
          fc.constantFrom('2021-02-30', '0000-00-00', '99999-01-01', '2021'),
        ),
        publishedTo: fc.oneof(
          stringArg,
          fc.constantFrom('2021-13-01', '2021-01-01T00:00:00Z', '-1'),
        ),
      }),
    },
  },
  path: {
    query: `query Q($from: String!, $to: String!, $maxLength: Int) {
      path(from: $from, to: $to, maxLength: $maxLength) { relation direction evidence node { __typename } }
    }`,
    variables: { from: stringArg, to: stringArg, maxLength: hostileInt },
  },
  search: {
    query: `query Q($query: String!, $first: Int) { search(query: $query, first: $first) { score node { __typename } } }`,
    variables: { query: stringArg, first: hostileInt },
  },
  stats: {
    query: `query Q($top: Int) { stats(top: $top) { papers entities topModels { count entity { id } } } }`,
    variables: { top: hostileInt },
  },
};

function variablesOf(
  spec: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  // Any subset: a missing required variable is a hostile input too.
  return fc.record(spec, { requiredKeys: [] });
}

describe('hostile GraphQL, generated', () => {
  const seeded = useSeededServer();

  describe.each(Object.entries(READS))('%s', (_, spec) => {
    it('answers every generated argument with data or a known error code', async () => {
      await fc.assert(
        fc.asyncProperty(variablesOf(spec.variables), async (variables) => {
          const answer = await postRaw(seeded().server.url, requestBody(spec.query, variables));
          expectNoFault(answer, variables);
        }),
        { numRuns: runs(40), seed: SEED },
      );
    });
  });

  it('answers values nested 100,000 deep in any variable', async () => {
    const query = `query Q($s: String!, $w: PaperWhere, $r: [LineageRelation!], $n: Int) {
      entity(name: $s) { id } papers(where: $w, first: $n) { totalCount } lineage(name: "BERT", relations: $r) { root { id } } }`;
    for (const depth of [1_000, 10_000, 100_000]) {
      for (const name of ['s', 'w', 'r', 'n']) {
        const variables = { s: 'BERT', [name]: deepJson(depth) };
        const answer = await postRaw(seeded().server.url, requestBody(query, variables));
        expectNoFault(answer, { depth, name });
      }
    }
  });

  it('answers hostile strings written into the document itself (not variables)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileString, fc.string({ maxLength: 30 })),
        fc.constantFrom(
          'entity(name: $)',
          'search(query: $)',
          'paper(title: $)',
          'lineage(name: $)',
        ),
        async (text, call) => {
          const literal = JSON.stringify(text);
          const field = call.replace('$', literal);
          const selection = field.startsWith('search') ? '{ score }' : '{ __typename }';
          const answer = await post(seeded().server.url, `{ ${field} ${selection} }`);
          expectNoFault(answer, text);
        },
      ),
      { numRuns: runs(60), seed: SEED },
    );
  });

  describe('mutations with the token', () => {
    const headers = (curator: string) => ({
      authorization: `Bearer ${TEST_API_TOKEN}`,
      'x-curator': curator,
    });
    // Header values must be Latin-1; the curator name is hostile within that.
    const curator = fc.string({
      unit: fc.constantFrom(...`abc'"\\{}()$*;<>\` -_`.split('')),
      maxLength: 30,
    });
    const realOrHostile = fc.oneof(
      fc.constantFrom(...REAL_NAMES, 'bert', 'imagenet-1k', 'gpt'),
      hostileString,
    );
    const paperInput = fc.record(
      {
        title: fc.oneof(fc.constant('A Valid Paper About BERT'), stringArg),
        abstract: fc.oneof(fc.constant('We use BERT and evaluate on ImageNet-1K.'), stringArg),
        id: stringArg,
        url: stringArg,
        arxivId: fc.oneof(
          stringArg,
          fc.constantFrom('2106.08254', '2106.08254v2', 'hep-th/9901001'),
        ),
        published: fc.oneof(stringArg, fc.constantFrom('2021-06-15', '2021-02-30')),
        authors: fc.oneof(fc.array(stringArg, { maxLength: 4 }), wrongShape),
        methods: fc.oneof(fc.array(realOrHostile, { maxLength: 4 }), wrongShape),
        tasks: fc.oneof(fc.array(realOrHostile, { maxLength: 4 }), wrongShape),
      },
      { requiredKeys: [] },
    );
    const MUTATIONS: Record<
      string,
      { query: string; variables: fc.Arbitrary<Record<string, unknown>> }
    > = {
      ingestPapers: {
        query: `mutation M($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { paperIds papers { created } } }`,
        variables: fc.record({
          papers: fc.oneof(
            { weight: 6, arbitrary: fc.array(paperInput, { maxLength: 4 }) },
            // One valid paper beside a bad one: all or none.
            {
              weight: 3,
              arbitrary: fc.tuple(paperInput, fc.nat(3)).map(([bad, at]) => {
                const valid = { title: `Valid Companion ${at}`, abstract: 'We use BERT.' };
                return at % 2 ? [valid, bad] : [bad, valid];
              }),
            },
            {
              weight: 1,
              arbitrary: fc.constant(
                Array.from({ length: 101 }, (_, i) => ({ title: `Over Limit ${i}` })),
              ),
            },
            { weight: 1, arbitrary: wrongShape },
          ),
        }),
      },
      mergeEntities: {
        query: `mutation M($keep: String!, $merge: [String!]!) { mergeEntities(keep: $keep, merge: $merge) { kept mergedIds movedLinks } }`,
        variables: fc.record(
          {
            keep: fc.oneof(realOrHostile, wrongShape),
            // Real names beside unknown ones: an unknown one must stop the whole merge.
            merge: fc.oneof(fc.array(realOrHostile, { maxLength: 5 }), wrongShape),
          },
          { requiredKeys: [] },
        ),
      },
      addLineageEdge: {
        query: `mutation M($child: String!, $parent: String!, $relation: LineageRelation!, $evidence: String) {
          addLineageEdge(child: $child, parent: $parent, relation: $relation, evidence: $evidence) { created } }`,
        variables: fc.record(
          {
            child: fc.oneof(realOrHostile, wrongShape),
            parent: fc.oneof(realOrHostile, wrongShape),
            relation: enumArg(LINEAGE_RELATIONS),
            evidence: fc.oneof(stringArg, fc.constant('e'.repeat(2_001))),
          },
          { requiredKeys: [] },
        ),
      },
      removeMention: {
        query: `mutation M($paperId: ID!, $entityId: ID!, $role: LinkRole!) {
          removeMention(paperId: $paperId, entityId: $entityId, role: $role) { removed } }`,
        variables: fc.record(
          {
            paperId: fc.oneof(
              fc.constant('beit-bert-pre-training-of-image-transformers'),
              stringArg,
            ),
            entityId: fc.oneof(fc.constantFrom('bert', 'beit', 'imagenet-1k'), stringArg),
            role: enumArg(LINK_ROLES),
          },
          { requiredKeys: [] },
        ),
      },
    };

    it.each(Object.entries(MUTATIONS))(
      '%s: an error leaves the graph exactly as it was',
      async (_, spec) => {
        let errors = 0;
        await fc.assert(
          fc.asyncProperty(spec.variables, curator, async (variables, name) => {
            const { db, server } = seeded();
            const before = await graphFingerprint(db);
            const answer = await postRaw(
              server.url,
              requestBody(spec.query, variables),
              headers(name),
            );
            expectNoFault(answer, variables);
            if (answer.errors?.length) {
              errors += 1;
              const after = await graphFingerprint(db);
              if (after.digest !== before.digest) {
                throw new Error(
                  `a failed mutation changed the graph (${before.nodes}/${before.links} -> ${after.nodes}/${after.links}): ` +
                    `${JSON.stringify(answer.errors).slice(0, 400)}\nfor ${JSON.stringify(variables).slice(0, 400)}`,
                );
              }
            }
          }),
          { numRuns: runs(30), seed: SEED },
        );
        // The generator must mostly produce refusals, or the property says little.
        expect(errors).toBeGreaterThan(0);
      },
    );
  });

  it('still answers a plain query after all of it', async () => {
    const answer = await post(
      seeded().server.url,
      '{ serverInfo { papergraph } papers(first: 1) { totalCount } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({ papers: { totalCount: expect.any(Number) } });
  });
});
