import { EntityKind, EntityRecord, GraphBatch, MentionRecord } from '../../model';
import { roleForKind } from '../role-for-kind';
import { aliasKey } from './slug';

/**
 * Resolution against the graph already loaded: a batch resolves names among its own papers, but
 * the graph knows more, above all a curator's merges (mergeEntities deletes the merged entities
 * and leaves their spellings as `(:Alias {key})-[:ALIAS_OF]->(kept)`). Without this step a
 * re-ingest would bring a merged entity back under its old id.
 *
 * - A batch entity whose id the graph holds is that entity.
 * - Otherwise its canonical name's alias key decides: one graph entity under that key (or one of
 *   the same kind, when the key is shared) is the entity; none or several, it stays new. Only the
 *   name is looked up, not every alias: an acronym shared by two things must not merge them.
 * - The graph is the authority on an entity a curator has edited, or that a batch entity was
 *   resolved into: its name, kind, aliases and description stay, and the batch only adds the
 *   spellings the graph lacks (no new spelling: the entity is left out of the batch, so the loader
 *   leaves it as it is).
 */

/** What the graph says about one entity. */
export interface KnownEntity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  description?: string;
  /** A curator has edited it (a merge kept it). */
  curated: boolean;
}

export interface GraphIdentities {
  /** Graph entities by id, for the batch's ids. */
  byId: Map<string, KnownEntity>;
  /** Graph entities by alias key, for the keys of the batch's entity names. */
  byKey: Map<string, KnownEntity[]>;
}

/** The ids and alias keys to look up in the graph for a batch. */
export function identityLookups(batch: GraphBatch): { ids: string[]; keys: string[] } {
  return {
    ids: batch.entities.map((e) => e.id),
    keys: [...new Set(batch.entities.map((e) => aliasKey(e.name)).filter(Boolean))],
  };
}

export function resolveAgainstGraph(batch: GraphBatch, graph: GraphIdentities): GraphBatch {
  const target = new Map<string, KnownEntity | undefined>();
  const resolvedInto = new Set<string>();
  for (const entity of batch.entities) {
    const known = graph.byId.get(entity.id) ?? byName(entity, graph.byKey);
    target.set(entity.id, known);
    if (known && known.id !== entity.id) resolvedInto.add(known.id);
  }
  const authoritative = (known: KnownEntity | undefined): known is KnownEntity =>
    !!known && (known.curated || resolvedInto.has(known.id));
  if (!batch.entities.some((e) => authoritative(target.get(e.id)))) return batch;

  const idOf = (id: string) => target.get(id)?.id ?? id;
  const kindOf = new Map<string, EntityKind>();
  const entities: EntityRecord[] = [];
  const spellings = new Map<string, { known: KnownEntity; records: EntityRecord[] }>();
  for (const entity of batch.entities) {
    const known = target.get(entity.id);
    if (!authoritative(known)) {
      kindOf.set(entity.id, entity.kind);
      entities.push(entity);
      continue;
    }
    kindOf.set(known.id, known.kind);
    const group = spellings.get(known.id) ?? { known, records: [] };
    group.records.push(entity);
    spellings.set(known.id, group);
  }
  for (const { known, records } of spellings.values()) {
    const updated = withNewSpellings(known, records);
    if (updated) entities.push(updated);
  }
  entities.sort((a, b) => compare(a.id, b.id));

  return {
    ...batch,
    entities,
    papers: batch.papers.map((paper) => ({
      ...paper,
      mentions: onePerEntityAndRole(
        paper.mentions.map((m) => {
          const entityId = idOf(m.entityId);
          const kind = kindOf.get(entityId);
          return { ...m, entityId, role: kind ? roleForKind(m.role, kind) : m.role };
        }),
      ),
    })),
    lineage: batch.lineage
      .map((edge) => ({ ...edge, childId: idOf(edge.childId), parentId: idOf(edge.parentId) }))
      .filter((edge) => edge.childId !== edge.parentId),
  };
}

function byName(entity: EntityRecord, byKey: Map<string, KnownEntity[]>): KnownEntity | undefined {
  const found = byKey.get(aliasKey(entity.name)) ?? [];
  if (found.length === 1) return found[0];
  const sameKind = found.filter((k) => k.kind === entity.kind);
  return sameKind.length === 1 ? sameKind[0] : undefined;
}

/** The graph's entity plus the batch's spellings it lacks; undefined when it lacks none. */
function withNewSpellings(known: KnownEntity, records: EntityRecord[]): EntityRecord | undefined {
  const keys = new Set([known.name, ...known.aliases].map(aliasKey));
  const added: string[] = [];
  for (const spelling of records.flatMap((r) => [r.name, ...r.aliases])) {
    const key = aliasKey(spelling);
    if (!key || keys.has(key)) continue;
    keys.add(key);
    added.push(spelling);
  }
  if (added.length === 0) return undefined;
  const description = known.description ?? records.find((r) => r.description)?.description;
  return {
    id: known.id,
    name: known.name,
    kind: known.kind,
    aliases: [...known.aliases, ...added],
    ...(description ? { description } : {}),
  };
}

/** Two batch entities that are one graph entity: one link per role, the most confident, first. */
function onePerEntityAndRole(mentions: MentionRecord[]): MentionRecord[] {
  const best = new Map<string, MentionRecord>();
  for (const mention of mentions) {
    const key = `${mention.entityId}|${mention.role}`;
    const current = best.get(key);
    if (!current || mention.confidence > current.confidence) best.set(key, mention);
  }
  return mentions.filter((m) => best.get(`${m.entityId}|${m.role}`) === m);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
