import fs from 'node:fs';

import {
  ENTITY_KINDS,
  EntityKind,
  EntityRecord,
  GraphBatch,
  InputError,
  LINEAGE_RELATIONS,
  LINK_ROLES,
  LineageRecord,
  LineageRelation,
  LinkRole,
  MentionRecord,
} from '../../model';
import { aliasKey, slug } from '../resolve/slug';

/**
 * The curation overlay: reviewed corrections applied after extraction (seeds/curation.json).
 * It holds decisions a reviewer made, by name: entities the extractor must not create, kinds and
 * canonical names to fix, names to merge, mentions and lineage edges to add or remove. Whatever it
 * adds is marked `source: CURATED`. Entries naming a paper or entity absent from the batch are
 * skipped, so the same overlay applies to any input; an added mention or lineage edge may create
 * its entity when the entry (or an `entities` entry of the same name) gives the kind.
 */

export interface OverlayEntity {
  name: string;
  kind?: EntityKind;
  aliases?: string[];
  description?: string;
  /** The canonical name the entity takes instead ("Hunyuan-MT" -> "Hunyuan-MT-7B"); the old
   * name stays an alias, and the id follows the new name unless another entity holds it. */
  rename?: string;
}

export interface OverlayMentionChange {
  name: string;
  role?: LinkRole;
  kind?: EntityKind;
  evidence?: string;
}

export interface OverlayPaper {
  title: string;
  add?: OverlayMentionChange[];
  remove?: OverlayMentionChange[];
}

export interface OverlayLineage {
  child: string;
  parent: string;
  relation?: LineageRelation;
  evidence?: string;
  /** Title of the paper whose text supports the edge. */
  paper?: string;
}

export interface Overlay {
  file: string;
  entities: OverlayEntity[];
  merges: Array<{ keep: string; merge: string[] }>;
  removeEntities: string[];
  papers: OverlayPaper[];
  addLineage: OverlayLineage[];
  removeLineage: OverlayLineage[];
}

export const EMPTY_OVERLAY: Overlay = {
  file: '<none>',
  entities: [],
  merges: [],
  removeEntities: [],
  papers: [],
  addLineage: [],
  removeLineage: [],
};

// ---- reading and validating -------------------------------------------------------------------

type Json = Record<string, unknown>;

function fail(file: string, where: string, message: string): never {
  throw new InputError(file, undefined, `${where}: ${message}`);
}

function str(file: string, where: string, value: unknown, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || !value.trim()) fail(file, where, 'must be a non-empty string');
  return value.trim();
}

function oneOf<T extends string>(
  file: string,
  where: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) fail(file, where, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

function list(file: string, where: string, value: unknown): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(file, where, 'must be an array');
  return value;
}

function object(file: string, where: string, value: unknown): Json {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    fail(file, where, 'must be an object');
  return value as Json;
}

function mentionChange(file: string, where: string, value: unknown): OverlayMentionChange {
  const o = object(file, where, value);
  return {
    name: str(file, `${where}.name`, o.name)!,
    role: oneOf(file, `${where}.role`, o.role, LINK_ROLES),
    kind: oneOf(file, `${where}.kind`, o.kind, ENTITY_KINDS),
    evidence: str(file, `${where}.evidence`, o.evidence, true),
  };
}

function lineageEntry(file: string, where: string, value: unknown): OverlayLineage {
  const o = object(file, where, value);
  return {
    child: str(file, `${where}.child`, o.child)!,
    parent: str(file, `${where}.parent`, o.parent)!,
    relation: oneOf(file, `${where}.relation`, o.relation, LINEAGE_RELATIONS),
    evidence: str(file, `${where}.evidence`, o.evidence, true),
    paper: str(file, `${where}.paper`, o.paper, true),
  };
}

export function parseOverlay(text: string, file: string): Overlay {
  let root: Json;
  try {
    root = object(file, 'overlay', JSON.parse(text));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, undefined, `invalid JSON: ${(error as Error).message}`);
  }
  const lineage = object(file, 'lineage', root.lineage ?? {});
  return {
    file,
    entities: list(file, 'entities', root.entities).map((value, i) => {
      const where = `entities[${i}]`;
      const o = object(file, where, value);
      return {
        name: str(file, `${where}.name`, o.name)!,
        kind: oneOf(file, `${where}.kind`, o.kind, ENTITY_KINDS),
        aliases: list(file, `${where}.aliases`, o.aliases).map((a, j) =>
          str(file, `${where}.aliases[${j}]`, a)!,
        ),
        description: str(file, `${where}.description`, o.description, true),
        rename: str(file, `${where}.rename`, o.rename, true),
      };
    }),
    merges: list(file, 'merges', root.merges).map((value, i) => {
      const o = object(file, `merges[${i}]`, value);
      return {
        keep: str(file, `merges[${i}].keep`, o.keep)!,
        merge: list(file, `merges[${i}].merge`, o.merge).map((m, j) =>
          str(file, `merges[${i}].merge[${j}]`, m)!,
        ),
      };
    }),
    removeEntities: list(file, 'removeEntities', root.removeEntities).map((value, i) =>
      str(file, `removeEntities[${i}]`, value)!,
    ),
    papers: list(file, 'papers', root.papers).map((value, i) => {
      const where = `papers[${i}]`;
      const o = object(file, where, value);
      return {
        title: str(file, `${where}.title`, o.title)!,
        add: list(file, `${where}.add`, o.add).map((m, j) => {
          const change = mentionChange(file, `${where}.add[${j}]`, m);
          if (!change.role)
            fail(file, `${where}.add[${j}].role`, 'is required when adding a mention');
          return change;
        }),
        remove: list(file, `${where}.remove`, o.remove).map((m, j) =>
          mentionChange(file, `${where}.remove[${j}]`, m),
        ),
      };
    }),
    addLineage: list(file, 'lineage.add', lineage.add).map((value, i) => {
      const entry = lineageEntry(file, `lineage.add[${i}]`, value);
      if (!entry.relation)
        fail(file, `lineage.add[${i}].relation`, 'is required when adding an edge');
      return entry;
    }),
    removeLineage: list(file, 'lineage.remove', lineage.remove).map((value, i) =>
      lineageEntry(file, `lineage.remove[${i}]`, value),
    ),
  };
}

export function loadOverlay(file: string): Overlay {
  if (!fs.existsSync(file)) return { ...EMPTY_OVERLAY, file };
  return parseOverlay(fs.readFileSync(file, 'utf8'), file);
}

// ---- applying ---------------------------------------------------------------------------------

const CURATED_CONFIDENCE = 1;

/** Entities of a batch by every spelling, rebuilt as the overlay renames and merges. */
class EntityIndex {
  private readonly byKey = new Map<string, EntityRecord>();

  constructor(readonly entities: Map<string, EntityRecord>) {
    for (const entity of entities.values()) this.index(entity);
  }

  index(entity: EntityRecord): void {
    for (const name of [entity.name, ...entity.aliases]) {
      const key = aliasKey(name);
      if (key && !this.byKey.has(key)) this.byKey.set(key, entity);
    }
  }

  find(name: string): EntityRecord | undefined {
    const found = this.byKey.get(aliasKey(name));
    return found && this.entities.has(found.id) ? found : undefined;
  }

  add(entity: EntityRecord): void {
    this.entities.set(entity.id, entity);
    this.index(entity);
  }
}

function sentenceWith(text: string, name: string): string | undefined {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const needle = name.toLowerCase();
  return sentences.find((s) => s.toLowerCase().includes(needle))?.trim();
}

/** Applies the overlay to a batch and returns a new batch; the input is not changed. */
export function applyOverlay(batch: GraphBatch, overlay: Overlay): GraphBatch {
  const entities = new EntityIndex(
    new Map(batch.entities.map((e) => [e.id, { ...e, aliases: [...e.aliases] }])),
  );
  const papers = batch.papers.map((p) => ({ ...p, mentions: [...p.mentions] }));
  let lineage: LineageRecord[] = [...batch.lineage];
  const titleKey = (title: string) => slug(title);
  const paperByTitle = new Map(papers.map((p) => [titleKey(p.title), p]));

  const remap = (from: string, to: string) => {
    for (const paper of papers) {
      const seen = new Set<string>();
      paper.mentions = paper.mentions
        .map((m) => (m.entityId === from ? { ...m, entityId: to } : m))
        .filter((m) => {
          const key = `${m.role} ${m.entityId}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
    }
    lineage = lineage
      .map((l) => ({
        ...l,
        childId: l.childId === from ? to : l.childId,
        parentId: l.parentId === from ? to : l.parentId,
      }))
      .filter((l) => l.childId !== l.parentId);
  };
  const drop = (id: string) => {
    entities.entities.delete(id);
    for (const paper of papers) paper.mentions = paper.mentions.filter((m) => m.entityId !== id);
    lineage = lineage.filter((l) => l.childId !== id && l.parentId !== id);
  };

  for (const name of overlay.removeEntities) {
    const entity = entities.find(name);
    if (entity) drop(entity.id);
  }

  for (const { keep, merge } of overlay.merges) {
    const kept = entities.find(keep);
    if (!kept) continue;
    for (const name of merge) {
      const merged = entities.find(name);
      if (!merged || merged.id === kept.id) continue;
      kept.aliases = [...new Set([...kept.aliases, merged.name, ...merged.aliases])].filter(
        (a) => a !== kept.name,
      );
      entities.entities.delete(merged.id);
      entities.index(kept);
      remap(merged.id, kept.id);
    }
  }

  const overlayKind = (name: string): EntityKind | undefined =>
    overlay.entities.find((e) => aliasKey(e.name) === aliasKey(name))?.kind;
  const ensureEntity = (name: string, kind: EntityKind | undefined): EntityRecord | undefined => {
    const existing = entities.find(name);
    if (existing) return existing;
    if (!kind) return undefined;
    const created: EntityRecord = { id: slug(name), name, kind, aliases: [] };
    entities.add(created);
    return created;
  };

  for (const fix of overlay.entities) {
    const entity = entities.find(fix.name);
    if (!entity) continue;
    if (fix.rename && fix.rename !== entity.name) {
      entity.aliases = [...new Set([...entity.aliases, entity.name])].filter(
        (a) => a !== fix.rename,
      );
      entity.name = fix.rename;
      const id = slug(fix.rename);
      if (id && id !== entity.id && !entities.entities.has(id)) {
        const old = entity.id;
        entities.entities.delete(old);
        entity.id = id;
        entities.entities.set(id, entity);
        remap(old, id);
      }
      entities.index(entity);
    }
    if (fix.kind) entity.kind = fix.kind;
    if (fix.description) entity.description = fix.description;
    if (fix.aliases?.length) {
      entity.aliases = [...new Set([...entity.aliases, ...fix.aliases])].filter(
        (a) => a !== entity.name,
      );
      entities.index(entity);
    }
  }

  for (const change of overlay.papers) {
    const paper = paperByTitle.get(titleKey(change.title));
    if (!paper) continue;
    for (const removal of change.remove ?? []) {
      const entity = entities.find(removal.name);
      if (!entity) continue;
      paper.mentions = paper.mentions.filter(
        (m) => !(m.entityId === entity.id && (!removal.role || m.role === removal.role)),
      );
    }
    for (const addition of change.add ?? []) {
      const entity = ensureEntity(addition.name, addition.kind ?? overlayKind(addition.name));
      if (!entity) continue;
      const role = addition.role!;
      const evidence =
        addition.evidence ??
        sentenceWith(paper.abstract, addition.name) ??
        sentenceWith(paper.title, addition.name) ??
        paper.title;
      const mention: MentionRecord = {
        entityId: entity.id,
        role,
        evidence,
        confidence: CURATED_CONFIDENCE,
        source: 'CURATED',
      };
      paper.mentions = [
        ...paper.mentions.filter((m) => !(m.entityId === entity.id && m.role === role)),
        mention,
      ];
    }
  }

  for (const removal of overlay.removeLineage) {
    const child = entities.find(removal.child);
    const parent = entities.find(removal.parent);
    if (!child || !parent) continue;
    lineage = lineage.filter(
      (l) =>
        !(
          l.childId === child.id &&
          l.parentId === parent.id &&
          (!removal.relation || l.relation === removal.relation)
        ),
    );
  }
  for (const edge of overlay.addLineage) {
    const paper = edge.paper ? paperByTitle.get(titleKey(edge.paper)) : undefined;
    if (edge.paper && !paper) continue;
    const child = ensureEntity(edge.child, overlayKind(edge.child));
    const parent = ensureEntity(edge.parent, overlayKind(edge.parent));
    if (!child || !parent || child.id === parent.id) continue;
    const evidence =
      edge.evidence ??
      (paper && (sentenceWith(paper.abstract, edge.parent) ?? paper.title)) ??
      'curated';
    lineage = [
      ...lineage.filter(
        (l) =>
          !(l.childId === child.id && l.parentId === parent.id && l.relation === edge.relation),
      ),
      {
        childId: child.id,
        parentId: parent.id,
        relation: edge.relation!,
        evidence,
        paperId: paper?.id,
        confidence: CURATED_CONFIDENCE,
        source: 'CURATED',
      },
    ];
  }

  // Entities no paper or lineage edge refers to any more are left out of the graph.
  const used = new Set<string>();
  for (const paper of papers) for (const m of paper.mentions) used.add(m.entityId);
  for (const l of lineage) {
    used.add(l.childId);
    used.add(l.parentId);
  }
  return {
    papers,
    entities: [...entities.entities.values()]
      .filter((e) => used.has(e.id))
      .sort((a, b) => a.id.localeCompare(b.id)),
    lineage,
    warnings: batch.warnings,
  };
}
