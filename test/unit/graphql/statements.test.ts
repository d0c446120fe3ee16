import fc from 'fast-check';

import {
  coUsedStatement,
  evaluatedStatement,
  relatedStatement,
} from '../../../src/graph/co-usage.repository';
import { Statement } from '../../../src/graph/cypher';
import { entityListStatement, findEntityStatement } from '../../../src/graph/entities.repository';
import { LineageDirection, lineageStatement } from '../../../src/graph/lineage.repository';
import { pathStatement } from '../../../src/graph/path.repository';
import {
  PaperOrderField,
  entityPapersStatement,
  findPaperStatement,
  paperListStatement,
} from '../../../src/graph/papers.repository';
import { searchStatement } from '../../../src/graph/search.repository';
import { statsStatement } from '../../../src/graph/stats.repository';
import { EntityOrderField } from '../../../src/graph/entities.repository';

/**
 * The Cypher each read runs, in the manner of the Neo4j GraphQL Library's TCK: snapshots make a
 * change of a query plan visible in review, and a property shows that no value a client sends ever
 * reaches the query text (only parameters), whatever it holds.
 */

const HOSTILE = [
  "' OR 1=1 //",
  '"}) DETACH DELETE n //',
  '`) MATCH (n) DETACH DELETE n //',
  '$key',
  '*',
  '\\u0027',
  '{}',
];

function statementsFor(text: string): Statement[] {
  const filter = {
    titleContains: text,
    introduces: text,
    uses: text,
    evaluatesOn: text,
    comparesWith: text,
    addresses: text,
    mentions: text,
    publishedFrom: text,
    publishedTo: text,
  };
  const position = { key: text, id: text };
  return [
    paperListStatement({
      first: 5,
      after: position,
      where: filter,
      orderBy: { field: 'TITLE', direction: 'ASC' },
    }),
    entityListStatement({
      first: 5,
      after: position,
      where: {
        kind: 'MODEL',
        nameContains: text,
        introducedIn: text,
        mentionedIn: text,
        evaluatedOn: text,
        derivedFrom: text,
      },
      orderBy: { field: 'NAME', direction: 'DESC' },
    }),
    findPaperStatement({ id: text }),
    findPaperStatement({ title: text }),
    findEntityStatement(text, 'DATASET'),
    lineageStatement({ name: text, direction: 'BOTH', maxDepth: 3 }),
    pathStatement({ from: text, to: text, maxLength: 6 }),
    searchStatement(text, 10),
    entityPapersStatement([
      { entityId: text, role: 'USES', first: 5, after: position, details: true },
    ]),
    relatedStatement([{ paperId: text, first: 5 }]),
    coUsedStatement([{ entityId: text, kind: 'DATASET', first: 5 }]),
    evaluatedStatement([{ datasetId: text, first: 5 }]),
  ];
}

describe('read statements', () => {
  const benign = statementsFor('bert').map((statement) => statement.cypher);

  it('keep every client value out of the query text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ minLength: 1 })), (text) => {
        expect(statementsFor(text).map((statement) => statement.cypher)).toEqual(benign);
      }),
    );
  });

  it('pass client values as parameters', () => {
    const [papers] = statementsFor('" OR 1=1 //');
    expect(papers.params).toMatchObject({ titleContains: '" OR 1=1 //', uses: 'or11' });
  });

  it.each<PaperOrderField>(['TITLE', 'PUBLISHED', 'MENTION_COUNT'])(
    'list papers ordered by %s',
    (field) => {
      expect(
        paperListStatement({
          first: 20,
          where: { uses: 'BERT' },
          orderBy: { field, direction: 'DESC' },
        }),
      ).toMatchSnapshot();
    },
  );

  it.each<EntityOrderField>(['NAME', 'PAPER_COUNT', 'DERIVATIVE_COUNT', 'DESCENDANT_COUNT'])(
    'list entities ordered by %s',
    (field) => {
      expect(
        entityListStatement({
          first: 20,
          where: { kind: 'MODEL' },
          orderBy: { field, direction: 'ASC' },
        }),
      ).toMatchSnapshot();
    },
  );

  it.each<LineageDirection>(['ANCESTORS', 'DESCENDANTS', 'BOTH'])(
    'walk lineage to %s',
    (direction) => {
      expect(
        lineageStatement({
          name: 'BERT',
          direction,
          maxDepth: 4,
          relations: ['EXTENDS', 'VARIANT_OF'],
        }),
      ).toMatchSnapshot();
    },
  );

  it('leave lineage details in the database unless asked for', () => {
    const args = { name: 'BERT', direction: 'DESCENDANTS' as const, maxDepth: 6 };
    const none = { entities: false, edges: false, papers: false };
    const lean = lineageStatement(args, none).cypher;
    // The root is one entity and comes whole; the walk's entities and edges come lean.
    const walk = lean.slice(0, lean.lastIndexOf('RETURN {'));
    expect(walk).toMatch(/\[entity\.id, entity\.name, entity\.kind\]/);
    expect(walk).not.toMatch(/aliases|description|evidence|confidence|paperId|:Paper/);
    const withPapers = lineageStatement(args, none, true);
    expect(withPapers.cypher).toMatch(/r\.paperId/);
    expect(withPapers.cypher).toMatch(/MATCH \(paper:Paper/);
    expect(lineageStatement(args).cypher).toMatch(/entity\.aliases.*entity\.description/s);
  });

  it("expand only the role's relationships when every page key names the same role", () => {
    const key = { entityId: 'imagenet', first: 20, details: false };
    const shared = entityPapersStatement([
      { ...key, role: 'EVALUATES_ON' },
      { ...key, entityId: 'coco', role: 'EVALUATES_ON' },
    ]).cypher;
    expect(shared).toMatch(/MATCH \(p:Paper\)-\[:EVALUATES_ON\]->\(e\)/);
    const mixed = entityPapersStatement([{ ...key, role: 'USES' }, { ...key }]).cypher;
    expect(mixed).toMatch(/WHERE k\.role IS NULL OR type\(r\) = k\.role/);
    expect(mixed).not.toMatch(/\(p:Paper\)-\[:USES\]/);
  });

  it('find a path, search and count', () => {
    expect(pathStatement({ from: 'BERT', to: 'ImageNet-1K', maxLength: 6 })).toMatchSnapshot();
    expect(searchStatement('masked autoencoders', 10)).toMatchSnapshot();
    expect(statsStatement(10)).toMatchSnapshot();
  });

  it('refuse hop bounds out of range before building a query', () => {
    expect(() => lineageStatement({ name: 'x', direction: 'BOTH', maxDepth: 11 })).toThrow(
      RangeError,
    );
    expect(() => lineageStatement({ name: 'x', direction: 'BOTH', maxDepth: 1.5 })).toThrow(
      RangeError,
    );
    expect(() => pathStatement({ from: 'a', to: 'b', maxLength: 0 })).toThrow(RangeError);
  });
});
