import {
  EntityKind,
  GraphBatch,
  IngestWarning,
  LineageRecord,
  LineageRelation,
  MentionRecord,
  PaperRecord,
  StoredPaper,
} from '../model';
import { extractPaper, PaperEntity, PaperExtraction } from './extract/paper-extractor';
import { resolveEntities } from './resolve/entity-resolver';
import { Lexicon, LexiconEntry } from './resolve/lexicon';
import { paperId } from './resolve/slug';
import { roleForKind } from './role-for-kind';

/**
 * Papers in, graph batch out: extraction per paper, then corpus-wide entity resolution, then
 * lineage from the papers' text and from the lexicon.
 *
 * Lexicon lineage: a lexicon entity's curated parent edge (BEiT -> BERT) is written for a paper
 * that introduces or proposes the child and names the parent, and only then: never transitively
 * (BEiT does not bring BERT -> Transformer), never for a child named alone, and never for a paper
 * that merely mentions both (a survey naming RoBERTa and BERT says nothing of their lineage), so
 * that every edge is supported by some paper's text. Such an edge belongs to that paper (its id, and as evidence the sentence
 * that names the parent, one naming the child too when there is one) with source EXTRACTED, like
 * any edge read from the paper, and the lexicon's confidence. When the paper's own words already
 * relate the two entities, the lexicon decides the relation and the paper's sentence stays the
 * evidence ("Following BERT, we propose BEiT" is BEiT EXTENDS BERT): one edge per pair and paper.
 *
 * The output is deterministic: papers keep input order, mentions follow their first supporting
 * sentence, entities and lineage are sorted.
 */

/** Confidence of a lexicon parent edge: the relation is a curated fact. */
export const LEXICON_EDGE_CONFIDENCE = 1;

export interface ExtractOptions {
  lexicon: Lexicon;
}

export function extractPapers(records: PaperRecord[], options: ExtractOptions): GraphBatch {
  const { lexicon } = options;
  const warnings: IngestWarning[] = [...lexicon.warnings];
  const papers: Array<{ record: PaperRecord; id: string; extraction: PaperExtraction }> = [];
  const seen = new Map<string, PaperRecord>();

  for (const record of records) {
    const id = paperId(record);
    const earlier = seen.get(id);
    if (earlier) {
      warnings.push({
        source: record.source,
        message: `duplicate paper id "${id}" (first at ${earlier.source.file}:${earlier.source.line}); skipped`,
      });
      continue;
    }
    seen.set(id, record);
    if (!record.abstract.trim()) {
      warnings.push({
        source: record.source,
        message: `paper "${record.title}" has no abstract; only its title was read`,
      });
    }
    let extraction: PaperExtraction;
    try {
      extraction = extractPaper(record, lexicon);
    } catch (error) {
      warnings.push({
        source: record.source,
        message: `extraction failed for "${record.title}": ${(error as Error).message}`,
      });
      extraction = { entities: [], lineage: [], confidentKeys: [], rejectedKeys: [] };
    }
    papers.push({ record, id, extraction });
  }

  // Second look at names a paper mentions in passing but another paper establishes.
  const known = new Set(papers.flatMap((p) => p.extraction.confidentKeys));
  for (const paper of papers) {
    if (!paper.extraction.rejectedKeys.some((key) => known.has(key))) continue;
    try {
      paper.extraction = extractPaper(paper.record, lexicon, { knownNames: known });
    } catch {
      // The first extraction stands; its failure, if any, was already reported.
    }
  }

  const resolved = resolveEntities(papers.map((p) => p.extraction.entities));

  const kindOf = new Map(resolved.entities.map((e) => [e.id, e.kind]));
  const stored = papers.map(({ record, id, extraction }) => ({
    ...storedPaper(record, id),
    mentions: paperMentions(extraction.entities, resolved.idOf, kindOf),
  }));

  const lineage: LineageRecord[] = [];
  /** Edge of a (child, parent, paper), whatever its relation: one per pair and paper. */
  const byPair = new Map<string, LineageRecord>();
  const pairKey = (e: LineageRecord) => `${e.childId}|${e.parentId}|${e.paperId ?? ''}`;
  const addEdge = (edge: LineageRecord): void => {
    if (edge.childId === edge.parentId || byPair.has(pairKey(edge))) return;
    byPair.set(pairKey(edge), edge);
    lineage.push(edge);
  };
  for (const { id, extraction } of papers) {
    for (const edge of extraction.lineage) {
      addEdge({
        childId: resolved.idOf(edge.child),
        parentId: resolved.idOf(edge.parent),
        relation: edge.relation,
        evidence: edge.evidence,
        paperId: id,
        confidence: edge.confidence,
        source: 'EXTRACTED',
      });
    }
  }
  for (const { id, extraction } of papers) {
    for (const edge of lexiconEdges(extraction.entities, lexicon)) {
      const record: LineageRecord = {
        childId: resolved.idOf(edge.child),
        parentId: resolved.idOf(edge.parent),
        relation: edge.relation,
        evidence: edge.evidence,
        paperId: id,
        confidence: LEXICON_EDGE_CONFIDENCE,
        source: 'EXTRACTED',
      };
      const read = byPair.get(pairKey(record));
      if (read) {
        // The paper relates them in its own words: the lexicon names the relation.
        read.relation = record.relation;
        read.confidence = Math.max(read.confidence, record.confidence);
      } else if (edge.child.proposed) {
        addEdge(record);
      }
    }
  }
  lineage.sort(
    (a, b) =>
      compare(a.childId, b.childId) ||
      compare(a.parentId, b.parentId) ||
      compare(a.relation, b.relation) ||
      compare(a.paperId ?? '', b.paperId ?? ''),
  );

  return { papers: stored, entities: resolved.entities, lineage, warnings };
}

function storedPaper(record: PaperRecord, id: string): StoredPaper {
  return {
    id,
    title: record.title,
    abstract: record.abstract,
    ...(record.url ? { url: record.url } : {}),
    ...(record.arxivId ? { arxivId: record.arxivId } : {}),
    ...(record.published ? { published: record.published } : {}),
    authors: record.authors ?? [],
  };
}

/** One mention per entity and role: the most confident, then the earliest. */
function paperMentions(
  entities: PaperEntity[],
  idOf: (e: PaperEntity) => string,
  kindOf: Map<string, EntityKind>,
): MentionRecord[] {
  const best = new Map<string, { mention: MentionRecord; order: number }>();
  for (const entity of entities) {
    if (entity.lineageOnly) continue;
    const entityId = idOf(entity);
    for (const found of entity.mentions) {
      // The corpus decides an entity's kind; a role that needs another kind falls back.
      const m = { ...found, role: roleForKind(found.role, kindOf.get(entityId)!) };
      const key = `${entityId}|${m.role}`;
      const current = best.get(key);
      if (
        current &&
        (current.mention.confidence > m.confidence ||
          (current.mention.confidence === m.confidence && current.order <= m.order))
      ) {
        continue;
      }
      best.set(key, {
        mention: {
          entityId,
          role: m.role,
          evidence: m.evidence,
          confidence: m.confidence,
          source: 'EXTRACTED',
        },
        order: m.order,
      });
    }
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        a.order - b.order ||
        compare(a.mention.entityId, b.mention.entityId) ||
        compare(a.mention.role, b.mention.role),
    )
    .map((b) => b.mention);
}

/**
 * The lexicon's parent edges between entities a paper names (child and parent both linked to
 * the paper), with the sentence that names the parent, preferring one that names the child too.
 */
function lexiconEdges(
  entities: PaperEntity[],
  lexicon: Lexicon,
): Array<{ child: PaperEntity; parent: PaperEntity; relation: LineageRelation; evidence: string }> {
  const named = new Map<LexiconEntry, PaperEntity>();
  for (const entity of entities) {
    if (!entity.entry || entity.lineageOnly || entity.mentions.length === 0) continue;
    if (!named.has(entity.entry)) named.set(entity.entry, entity);
  }
  const edges: Array<{
    child: PaperEntity;
    parent: PaperEntity;
    relation: LineageRelation;
    evidence: string;
  }> = [];
  for (const [entry, child] of named) {
    for (const link of entry.parents) {
      const parentEntry = lexicon.byName(link.name);
      const parent = parentEntry && named.get(parentEntry);
      if (!parent || parent === child) continue;
      const evidence =
        parent.sentences.find((s) => child.sentences.includes(s)) ??
        parent.sentences[0] ??
        parent.mentions[0].evidence;
      edges.push({ child, parent, relation: link.relation, evidence });
    }
  }
  return edges;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
