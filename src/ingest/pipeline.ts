import {
  EntityKind,
  GraphBatch,
  IngestWarning,
  LineageRecord,
  LinkRole,
  MentionRecord,
  PaperRecord,
  StoredPaper,
} from '../model';
import { extractPaper, PaperEntity, PaperExtraction } from './extract/paper-extractor';
import { resolveEntities } from './resolve/entity-resolver';
import { Lexicon, LexiconEntry } from './resolve/lexicon';
import { paperId } from './resolve/slug';

/**
 * Papers in, graph batch out: extraction per paper, then corpus-wide entity resolution, then
 * lineage from the papers' text and from the lexicon.
 *
 * Lexicon lineage: every lexicon entity that ends up in the graph brings its curated parents
 * (and theirs, transitively), with the parent entity added when no paper mentions it, so that
 * BEiT -> BERT exists whenever BEiT is in the graph. Such edges carry evidence "lexicon", no
 * paperId, confidence 1 and source CURATED (the fact comes from the curated lexicon, not from
 * a sentence).
 *
 * The output is deterministic: papers keep input order, mentions follow their first supporting
 * sentence, entities and lineage are sorted.
 */

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

  const parents = lexiconAncestors(
    papers.flatMap((p) => p.extraction.entities),
    lexicon,
  );
  const resolved = resolveEntities([...papers.map((p) => p.extraction.entities), parents.extra]);

  const kindOf = new Map(resolved.entities.map((e) => [e.id, e.kind]));
  const stored = papers.map(({ record, id, extraction }) => ({
    ...storedPaper(record, id),
    mentions: paperMentions(extraction.entities, resolved.idOf, kindOf),
  }));

  const lineage: LineageRecord[] = [];
  const lineageKeys = new Set<string>();
  const addEdge = (edge: LineageRecord): void => {
    if (edge.childId === edge.parentId) return;
    const key = `${edge.childId}|${edge.parentId}|${edge.relation}|${edge.paperId ?? ''}`;
    if (lineageKeys.has(key)) return;
    lineageKeys.add(key);
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
  const idOfEntry = (entry: LexiconEntry): string => resolved.idOf(parents.byEntry.get(entry)!);
  for (const entry of parents.entries) {
    for (const parent of entry.parents) {
      const parentEntry = lexicon.byName(parent.name)!;
      addEdge({
        childId: idOfEntry(entry),
        parentId: idOfEntry(parentEntry),
        relation: parent.relation,
        evidence: 'lexicon',
        confidence: 1,
        source: 'CURATED',
      });
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

/** Tasks are only addressed, and only datasets are evaluated on. */
function roleForKind(role: LinkRole, kind: EntityKind): LinkRole {
  if (kind === 'TASK') return 'ADDRESSES';
  if (role === 'ADDRESSES') return 'USES';
  if (role === 'EVALUATES_ON' && kind !== 'DATASET') return 'USES';
  return role;
}

/**
 * Lexicon entries in the graph and all their curated ancestors; ancestors that no paper
 * mentions become entities of their own (`extra`), so that every curated edge has both ends.
 */
function lexiconAncestors(
  entities: PaperEntity[],
  lexicon: Lexicon,
): { entries: LexiconEntry[]; extra: PaperEntity[]; byEntry: Map<LexiconEntry, PaperEntity> } {
  const byEntry = new Map<LexiconEntry, PaperEntity>();
  for (const entity of entities)
    if (entity.entry && !byEntry.has(entity.entry)) byEntry.set(entity.entry, entity);
  const queue = [...byEntry.keys()];
  const extra: PaperEntity[] = [];
  for (let i = 0; i < queue.length; i++) {
    for (const parent of queue[i].parents) {
      const entry = lexicon.byName(parent.name);
      if (!entry || byEntry.has(entry)) continue;
      const entity: PaperEntity = {
        entry,
        surfaces: new Map([[entry.name, 0]]),
        definitions: [],
        kind: entry.kind,
        introduced: false,
        mentions: [],
        lineageOnly: true,
        firstOrder: Number.MAX_SAFE_INTEGER,
        names: [entry.name, ...entry.aliases],
      };
      byEntry.set(entry, entity);
      extra.push(entity);
      queue.push(entry);
    }
  }
  return { entries: queue, extra, byEntry };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
