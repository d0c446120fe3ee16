import { aliasKey } from '../../../src/ingest/resolve/slug';
import { Database } from '../../../src/db/database';
import { loadBatch } from '../../../src/ingest/load';
import { GraphBatch, MentionRecord } from '../../../src/model';
import { RunningServer } from '../../../src/server';
import { counterMismatches } from '../../support/counters';
import { clearGraph, openTestDatabase } from '../../support/test-graph';
import { gql, startTestServer } from '../../support/test-server';
import { asCurator, errorCodes } from './api-helpers';

const extracted = (entityId: string, role: MentionRecord['role']): MentionRecord => ({
  entityId,
  role,
  evidence: `${role} ${entityId}.`,
  confidence: 0.8,
  source: 'EXTRACTED',
});

/** A small graph with the shapes a merge must handle: duplicates, would-be self-loops, tombstones. */
function fixture(): GraphBatch {
  const paper = (id: string, mentions: MentionRecord[]) => ({
    id,
    title: `Paper ${id}`,
    abstract: `Abstract of ${id}.`,
    authors: [],
    mentions,
  });
  return {
    papers: [
      paper('p1', [extracted('roberta', 'INTRODUCES'), extracted('bert', 'USES')]),
      paper('p2', [extracted('bert-base', 'USES'), extracted('imagenet', 'EVALUATES_ON')]),
      paper('p3', [extracted('bert', 'USES'), extracted('bert-base', 'USES')]),
    ],
    entities: [
      {
        id: 'bert',
        name: 'BERT',
        kind: 'MODEL',
        aliases: ['Bidirectional Encoder Representations from Transformers'],
      },
      {
        id: 'bert-base',
        name: 'BERT-Base',
        kind: 'MODEL',
        aliases: ['BERT base model'],
        description: 'The 110M-parameter BERT.',
      },
      { id: 'roberta', name: 'RoBERTa', kind: 'MODEL', aliases: [] },
      { id: 'transformer', name: 'Transformer', kind: 'METHOD', aliases: [] },
      { id: 'imagenet', name: 'ImageNet', kind: 'DATASET', aliases: [] },
    ],
    lineage: [
      {
        childId: 'roberta',
        parentId: 'bert',
        relation: 'EXTENDS',
        evidence: 'RoBERTa builds on BERT.',
        paperId: 'p1',
        confidence: 0.8,
        source: 'EXTRACTED',
      },
      {
        childId: 'roberta',
        parentId: 'bert-base',
        relation: 'EXTENDS',
        evidence: 'From BERT-Base.',
        paperId: 'p1',
        confidence: 0.7,
        source: 'EXTRACTED',
      },
      {
        childId: 'bert-base',
        parentId: 'bert',
        relation: 'VARIANT_OF',
        evidence: 'lexicon',
        confidence: 1,
        source: 'CURATED',
      },
      {
        childId: 'bert-base',
        parentId: 'transformer',
        relation: 'EXTENDS',
        evidence: 'A Transformer encoder.',
        paperId: 'p2',
        confidence: 0.8,
        source: 'EXTRACTED',
      },
    ],
    warnings: [],
  };
}

const MERGE = `
  mutation Merge($keep: String!, $merge: [String!]!) {
    mergeEntities(keep: $keep, merge: $merge) {
      kept mergedIds movedLinks
      entity { id name kind aliases description }
    }
  }`;

const ADD_EDGE = `
  mutation Add($child: String!, $parent: String!, $relation: LineageRelation!, $evidence: String) {
    addLineageEdge(child: $child, parent: $parent, relation: $relation, evidence: $evidence) {
      created curatedBy curatedAt
      edge { child { id name } parent { id name } relation evidence source confidence paper { id } }
    }
  }`;

const REMOVE = `
  mutation Remove($paperId: ID!, $entityId: ID!, $role: LinkRole!) {
    removeMention(paperId: $paperId, entityId: $entityId, role: $role) {
      paper { id title } entity { id name } role removed curatedBy curatedAt
    }
  }`;

const INGEST = `
  mutation Ingest($papers: [PaperInput!]!) {
    ingestPapers(papers: $papers) {
      paperIds warnings
      papers { created updated unchanged }
      entities { created updated unchanged }
      mentions { created updated unchanged removed }
      lineage { created updated unchanged removed }
    }
  }`;

describe('curation mutations', () => {
  let server: RunningServer;
  let db: Database;

  const links = (cypher: string, params: Record<string, unknown> = {}) => db.query(cypher, params);
  const count = async (cypher: string, params: Record<string, unknown> = {}) =>
    Number((await db.query<{ n: number }>(cypher, params))[0].n);

  beforeAll(async () => {
    db = await openTestDatabase();
    server = await startTestServer();
  });
  beforeEach(async () => {
    await clearGraph(db);
    await loadBatch(db, fixture());
  });
  // Whatever a mutation did (or refused to do), the counters the rankings read stay exact.
  afterEach(async () => {
    expect(await counterMismatches(db)).toEqual([]);
  });
  afterAll(async () => {
    await server?.stop();
    await clearGraph(db);
    await db.close();
  });

  describe('mergeEntities', () => {
    it('moves mentions, lineage and aliases onto the kept entity, without duplicates', async () => {
      const response = await gql(
        server,
        MERGE,
        { keep: 'BERT', merge: ['bert base model'] },
        asCurator('alice'),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({
        mergeEntities: {
          kept: 'bert',
          entity: {
            id: 'bert',
            name: 'BERT',
            kind: 'MODEL',
            aliases: [
              'Bidirectional Encoder Representations from Transformers',
              'BERT-Base',
              'BERT base model',
            ],
            description: 'The 110M-parameter BERT.',
          },
          mergedIds: ['bert-base'],
          // p2 USES, p3 USES (absorbed), roberta EXTENDS (absorbed), VARIANT_OF (self-loop, dropped),
          // EXTENDS transformer.
          movedLinks: 5,
        },
      });

      expect(await count(`MATCH (e:Entity {id: 'bert-base'}) RETURN count(e) AS n`)).toBe(0);
      const mentions = await links(
        `MATCH (p:Paper)-[r]->(:Entity {id: 'bert'}) RETURN p.id AS paper, type(r) AS role, r.source AS source, r.curatedBy AS curatedBy ORDER BY paper`,
      );
      expect(mentions).toEqual([
        { paper: 'p1', role: 'USES', source: 'EXTRACTED', curatedBy: null },
        { paper: 'p2', role: 'USES', source: 'CURATED', curatedBy: 'alice' },
        { paper: 'p3', role: 'USES', source: 'EXTRACTED', curatedBy: null },
      ]);
      const lineage = await links(
        `MATCH (c:Entity)-[r]->(p:Entity) WHERE type(r) <> 'ALIAS_OF'
         RETURN c.id AS child, type(r) AS relation, p.id AS parent, r.source AS source ORDER BY child, parent`,
      );
      expect(lineage).toEqual([
        { child: 'bert', relation: 'EXTENDS', parent: 'transformer', source: 'CURATED' },
        { child: 'roberta', relation: 'EXTENDS', parent: 'bert', source: 'EXTRACTED' },
      ]);
      const [kept] = await links(
        `MATCH (e:Entity {id: 'bert'}) RETURN e.aliasText AS aliasText, e.description AS description, e.curatedBy AS curatedBy`,
      );
      expect(kept).toEqual({
        aliasText:
          'Bidirectional Encoder Representations from Transformers | BERT-Base | BERT base model',
        description: 'The 110M-parameter BERT.',
        curatedBy: 'alice',
      });
      for (const spelling of ['BERT-Base', 'BERT base model', 'BERT']) {
        const targets = await links(
          `MATCH (:Alias {key: $key})-[:ALIAS_OF]->(e) RETURN collect(e.id) AS ids`,
          { key: aliasKey(spelling) },
        );
        expect(targets).toEqual([{ ids: ['bert'] }]);
      }
    });

    it('moves tombstones, so a removed mention stays removed', async () => {
      await gql(
        server,
        REMOVE,
        { paperId: 'p2', entityId: 'bert-base', role: 'USES' },
        asCurator(),
      );
      await gql(server, MERGE, { keep: 'bert', merge: ['bert-base'] }, asCurator());
      expect(
        await count(
          `MATCH (:Paper {id: 'p2'})-[t:REMOVED {role: 'USES'}]->(:Entity {id: 'bert'}) RETURN count(t) AS n`,
        ),
      ).toBe(1);
      expect(
        await count(
          `MATCH (:Paper {id: 'p2'})-[r:USES]->(:Entity {id: 'bert'}) RETURN count(r) AS n`,
        ),
      ).toBe(0);
    });

    it('merges several entities at once, by id, name or alias', async () => {
      const response = await gql(
        server,
        MERGE,
        { keep: 'roberta', merge: ['BERT', 'bert-base'] },
        asCurator(),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.mergeEntities).toMatchObject({
        kept: 'roberta',
        mergedIds: ['bert', 'bert-base'],
      });
      // Every lineage edge was among the three: all are self-loops now, except to Transformer.
      const lineage = await links(
        `MATCH (c:Entity)-[r]->(p:Entity) WHERE type(r) <> 'ALIAS_OF' RETURN c.id AS child, p.id AS parent`,
      );
      expect(lineage).toEqual([{ child: 'roberta', parent: 'transformer' }]);
    });

    it('names every unknown entity and changes nothing', async () => {
      const response = await gql(
        server,
        MERGE,
        { keep: 'BERT', merge: ['bert-base', 'NoSuchNet', 'Nope'] },
        asCurator(),
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0].message).toBe(
        "Unknown entity: merge[1] 'NoSuchNet', merge[2] 'Nope'",
      );
      expect(await count(`MATCH (e:Entity) RETURN count(e) AS n`)).toBe(5);
    });

    it('refuses to merge an entity into itself, however it is named', async () => {
      const response = await gql(
        server,
        MERGE,
        {
          keep: 'bert',
          merge: ['bert-base', 'Bidirectional Encoder Representations from Transformers'],
        },
        asCurator(),
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0].message).toMatch(
        /merge\[1\] .* is the kept entity 'bert' itself/,
      );
      expect(await count(`MATCH (e:Entity {id: 'bert-base'}) RETURN count(e) AS n`)).toBe(1);
    });

    it('refuses an empty list', async () => {
      const response = await gql(server, MERGE, { keep: 'bert', merge: [] }, asCurator());
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('addLineageEdge', () => {
    it('adds a curated edge between entities named by name or alias', async () => {
      const response = await gql(
        server,
        ADD_EDGE,
        {
          child: 'ImageNet',
          parent: 'bidirectional encoder representations from transformers',
          relation: 'INSPIRED_BY',
          evidence: 'Curated.',
        },
        asCurator('bob'),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.addLineageEdge).toEqual({
        edge: {
          child: { id: 'imagenet', name: 'ImageNet' },
          parent: { id: 'bert', name: 'BERT' },
          relation: 'INSPIRED_BY',
          evidence: 'Curated.',
          source: 'CURATED',
          confidence: 1,
          paper: null,
        },
        curatedBy: 'bob',
        curatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        created: true,
      });
      const [edge] = await links(
        `MATCH (:Entity {id: 'imagenet'})-[r:INSPIRED_BY]->(:Entity {id: 'bert'})
         RETURN r.source AS source, r.confidence AS confidence, r.curatedBy AS curatedBy`,
      );
      expect(edge).toEqual({ source: 'CURATED', confidence: 1, curatedBy: 'bob' });
    });

    it('takes over an extracted edge as curated, and the loader then leaves it alone', async () => {
      const response = await gql(
        server,
        ADD_EDGE,
        { child: 'roberta', parent: 'bert', relation: 'EXTENDS' },
        asCurator(),
      );
      expect(response.data?.addLineageEdge).toMatchObject({
        created: false,
        curatedBy: 'api-token',
        // The extracted evidence and its paper stay; the edge is now the curator's.
        edge: {
          evidence: 'RoBERTa builds on BERT.',
          source: 'CURATED',
          confidence: 1,
          paper: { id: 'p1' },
        },
      });
      const changed = fixture();
      changed.lineage[0] = { ...changed.lineage[0], evidence: 'Re-extracted text.' };
      changed.papers[0] = { ...changed.papers[0], abstract: 'Changed abstract.' };
      await loadBatch(db, changed);
      const [edge] = await links(
        `MATCH (:Entity {id: 'roberta'})-[r:EXTENDS]->(:Entity {id: 'bert'}) RETURN r.evidence AS evidence, r.source AS source`,
      );
      expect(edge).toEqual({ evidence: 'RoBERTa builds on BERT.', source: 'CURATED' });
    });

    it('names which end is unknown', async () => {
      const child = await gql(
        server,
        ADD_EDGE,
        { child: 'NoSuchNet', parent: 'bert', relation: 'EXTENDS' },
        asCurator(),
      );
      expect(errorCodes(child)).toEqual(['BAD_USER_INPUT']);
      expect(child.errors?.[0].message).toBe("Unknown entity: child 'NoSuchNet'");
      const both = await gql(
        server,
        ADD_EDGE,
        { child: 'A1', parent: 'B2', relation: 'EXTENDS' },
        asCurator(),
      );
      expect(both.errors?.[0].message).toBe("Unknown entity: child 'A1', parent 'B2'");
    });

    it('refuses a self-loop, also through an alias', async () => {
      const response = await gql(
        server,
        ADD_EDGE,
        {
          child: 'BERT',
          parent: 'Bidirectional Encoder Representations from Transformers',
          relation: 'VARIANT_OF',
        },
        asCurator(),
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0].message).toMatch(/same entity 'bert'/);
    });

    it('refuses a cycle, naming the path that closes it', async () => {
      // bert-base -> bert and roberta -> bert-base exist: bert -> roberta closes bert..roberta..bert.
      const response = await gql(
        server,
        ADD_EDGE,
        { child: 'bert', parent: 'roberta', relation: 'INSPIRED_BY' },
        asCurator(),
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0].message).toMatch(
        /would close a lineage cycle: .*\(RoBERTa -> BERT\)/,
      );
      const longer = await gql(
        server,
        ADD_EDGE,
        { child: 'transformer', parent: 'roberta', relation: 'EXTENDS' },
        asCurator(),
      );
      expect(longer.errors?.[0].message).toMatch(/\(RoBERTa -> BERT-Base -> Transformer\)/);
      expect(
        await count(`MATCH (:Entity {id: 'bert'})-[r:INSPIRED_BY]->() RETURN count(r) AS n`),
      ).toBe(0);
    });

    it('lets only one of two concurrent edges that together close a cycle through', async () => {
      for (let round = 0; round < 5; round++) {
        await clearGraph(db);
        await loadBatch(db, fixture());
        const [forward, backward] = await Promise.all([
          gql(
            server,
            ADD_EDGE,
            { child: 'imagenet', parent: 'transformer', relation: 'INSPIRED_BY' },
            asCurator(),
          ),
          gql(
            server,
            ADD_EDGE,
            { child: 'transformer', parent: 'imagenet', relation: 'INSPIRED_BY' },
            asCurator(),
          ),
        ]);
        const outcomes = [forward, backward]
          .map((r) => (r.errors ? errorCodes(r)[0] : 'OK'))
          .sort();
        expect(outcomes).toEqual(['BAD_USER_INPUT', 'OK']);
      }
    });

    it('rejects an unknown relation before running', async () => {
      const response = await gql(
        server,
        ADD_EDGE,
        { child: 'roberta', parent: 'bert', relation: 'EXTENDS]->() DETACH DELETE n //' },
        asCurator(),
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.status).toBe(400);
    });
  });

  describe('removeMention', () => {
    it('deletes the mention and leaves a tombstone that the loader honours', async () => {
      const response = await gql(
        server,
        REMOVE,
        { paperId: 'p1', entityId: 'bert', role: 'USES' },
        asCurator('carol'),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.removeMention).toEqual({
        paper: { id: 'p1', title: 'Paper p1' },
        entity: { id: 'bert', name: 'BERT' },
        role: 'USES',
        removed: true,
        curatedBy: 'carol',
        curatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      const [tombstone] = await links(
        `MATCH (:Paper {id: 'p1'})-[t:REMOVED]->(:Entity {id: 'bert'}) RETURN t.role AS role, t.curatedBy AS curatedBy, t.curatedAt IS NOT NULL AS dated`,
      );
      expect(tombstone).toEqual({ role: 'USES', curatedBy: 'carol', dated: true });

      const changed = fixture();
      changed.papers[0] = { ...changed.papers[0], abstract: 'A new version, still using BERT.' };
      await loadBatch(db, changed);
      expect(
        await count(
          `MATCH (:Paper {id: 'p1'})-[r:USES]->(:Entity {id: 'bert'}) RETURN count(r) AS n`,
        ),
      ).toBe(0);
      expect(
        await count(
          `MATCH (:Paper {id: 'p1'})-[r:INTRODUCES]->(:Entity {id: 'roberta'}) RETURN count(r) AS n`,
        ),
      ).toBe(1);
    });

    it('says removed: false when there was no such mention, and is idempotent', async () => {
      await gql(server, REMOVE, { paperId: 'p1', entityId: 'bert', role: 'USES' }, asCurator());
      const again = await gql(
        server,
        REMOVE,
        { paperId: 'p1', entityId: 'bert', role: 'USES' },
        asCurator(),
      );
      expect(again.data?.removeMention).toMatchObject({ removed: false });
      expect(await count(`MATCH (:Paper {id: 'p1'})-[t:REMOVED]->() RETURN count(t) AS n`)).toBe(1);
    });

    it('names an unknown paper or entity', async () => {
      const response = await gql(
        server,
        REMOVE,
        { paperId: 'nope', entityId: 'nada', role: 'USES' },
        asCurator(),
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0].message).toBe("Unknown paper 'nope' and entity 'nada'");
    });
  });

  describe('ingestPapers', () => {
    const papers = [
      {
        title: 'DistilFoo: A Distilled Version of BERT',
        abstract:
          'We introduce DistilFoo, a smaller model distilled from BERT. We evaluate DistilFoo on the GLUE benchmark and on SQuAD.',
        arxivId: 'arXiv:1910.01108v2',
        published: '2019-10-02',
        authors: ['V. Sanh', 'L. Debut'],
        url: 'https://arxiv.org/abs/1910.01108',
      },
      { id: 'custom-id', title: 'Another Paper', abstract: 'We use ResNet-50 on ImageNet.' },
    ];

    it('runs the CLI pipeline and reports counts, ids and who submitted', async () => {
      await clearGraph(db);
      const response = await gql(server, INGEST, { papers }, asCurator('dora'));
      expect(response.errors).toBeUndefined();
      const result = response.data?.ingestPapers as Record<string, unknown>;
      expect(result.paperIds).toEqual(['distilfoo-a-distilled-version-of-bert', 'custom-id']);
      expect(result.papers).toEqual({ created: 2, updated: 0, unchanged: 0 });
      expect((result.entities as { created: number }).created).toBeGreaterThan(0);
      expect((result.mentions as { created: number }).created).toBeGreaterThan(0);

      const [paper] = await links(
        `MATCH (p:Paper {id: 'distilfoo-a-distilled-version-of-bert'})
         RETURN p.arxivId AS arxivId, p.published AS published, p.curatedBy AS curatedBy, p.curatedAt IS NOT NULL AS dated`,
      );
      expect(paper).toEqual({
        arxivId: '1910.01108',
        published: '2019-10-02',
        curatedBy: 'dora',
        dated: true,
      });
      const mentioned = await links(
        `MATCH (:Paper {id: 'distilfoo-a-distilled-version-of-bert'})-[r]->(e:Entity) RETURN collect(e.name) AS names`,
      );
      expect(mentioned[0].names).toEqual(expect.arrayContaining(['BERT']));

      const again = await gql(server, INGEST, { papers }, asCurator());
      expect((again.data?.ingestPapers as Record<string, unknown>).papers).toEqual({
        created: 0,
        updated: 0,
        unchanged: 2,
      });
    });

    it.each([
      ['an empty title', [{ title: '   ', abstract: '' }], /^papers\[0\]: paper has no title$/],
      [
        'a title over 1,000 characters',
        [{ title: 'T'.repeat(1001) }],
        /^papers\[0\]: title is 1,001 characters long \(at most 1,000\)$/,
      ],
      [
        'an abstract over 100,000 characters',
        [{ title: 'Long', abstract: 'a'.repeat(100_001) }],
        /^papers\[0\]: abstract is 100,001/,
      ],
      [
        'a duplicate paper',
        [{ title: 'Same' }, { title: 'Other' }, { title: 'same' }],
        /^papers\[2\]: duplicate paper 'same'/,
      ],
      [
        'a date that is not one',
        [{ title: 'Dated', published: '2021-02-30' }],
        /^papers\[0\]: field 'published' must be a date/,
      ],
      [
        'a javascript: URL',
        [{ title: 'Link', url: 'javascript:alert(1)' }],
        /^papers\[0\]: field 'url' must be an http or https URL/,
      ],
      [
        'a bad arXiv id',
        [{ title: 'Arxiv', arxivId: '../../etc/passwd' }],
        /^papers\[0\]: field 'arxivId' must be an arXiv id/,
      ],
      ['no papers', [], /^papers is empty/],
      [
        '101 papers',
        Array.from({ length: 101 }, (_, i) => ({ title: `Paper ${i}` })),
        /^101 papers in one call; at most 100/,
      ],
    ])('refuses %s, naming the paper, and writes nothing', async (_, input, message) => {
      await clearGraph(db);
      const response = await gql(server, INGEST, { papers: input }, asCurator());
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0].message).toMatch(message);
      expect(await count('MATCH (n) WHERE n:Paper OR n:Entity RETURN count(n) AS n')).toBe(0);
    });

    it('refuses a paper without a title field at the schema level', async () => {
      const response = await gql(
        server,
        INGEST,
        { papers: [{ abstract: 'No title.' }] },
        asCurator(),
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    });
  });
});
