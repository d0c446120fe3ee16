import { EntityKind, EntityRecord } from '../../model';
import type { PaperEntity } from '../extract/paper-extractor';
import { LexiconEntry } from './lexicon';
import { nameShape } from '../extract/name-shapes';
import { isVague } from '../extract/stoplist';
import { foldedKey } from './normalize';
import { slug } from './slug';

/**
 * Corpus-wide identity: one node per real entity. A lexicon entity is the same entity in every
 * paper. A discovered entity is merged across papers when they share a spelling, except that a
 * shared acronym with two different expansions ("ETC" for two different things) stays two
 * entities. The canonical name is the spelling the papers use most (capitalised forms preferred
 * over lower-case ones of the same key); the id is its slug, made unique if needed.
 */

export interface ResolvedEntities {
  entities: EntityRecord[];
  idOf(entity: PaperEntity): string;
}

interface Group {
  entry?: LexiconEntry;
  members: PaperEntity[];
  longKeys: Set<string>;
  shortKeys: Set<string>;
  /** Order of first appearance, for deterministic tie-breaks. */
  first: number;
}

export function resolveEntities(papers: PaperEntity[][]): ResolvedEntities {
  const groups: Group[] = [];
  const byEntry = new Map<LexiconEntry, Group>();
  const byKey = new Map<string, Group[]>();
  const groupOf = new Map<PaperEntity, Group>();

  const index = (group: Group, entity: PaperEntity): void => {
    for (const key of entityKeys(entity)) {
      const list = byKey.get(key) ?? [];
      if (!list.includes(group)) list.push(group);
      byKey.set(key, list);
    }
  };

  for (const paper of papers) {
    for (const entity of paper) {
      let group: Group | undefined;
      if (entity.entry) {
        group = byEntry.get(entity.entry);
        if (!group) {
          group = newGroup(groups.length, entity.entry);
          byEntry.set(entity.entry, group);
          groups.push(group);
        }
      } else {
        const longKeys = new Set(entity.definitions.map((d) => foldedKey(d.long)));
        const shortKeys = new Set(entity.definitions.map((d) => foldedKey(d.short)));
        for (const key of entityKeys(entity)) {
          const candidate = (byKey.get(key) ?? []).find(
            (g) => !g.entry && compatible(g, key, longKeys, shortKeys),
          );
          if (candidate) {
            group = candidate;
            break;
          }
        }
        if (!group) {
          group = newGroup(groups.length);
          groups.push(group);
        }
        for (const key of longKeys) group.longKeys.add(key);
        for (const key of shortKeys) group.shortKeys.add(key);
      }
      group.members.push(entity);
      groupOf.set(entity, group);
      index(group, entity);
    }
  }

  const ids = new Map<Group, string>();
  const records: EntityRecord[] = [];
  const taken = new Set<string>();
  // Lexicon entities claim their ids first: curated names are stable.
  const ordered = [...groups].sort(
    (a, b) => Number(!!b.entry) - Number(!!a.entry) || a.first - b.first,
  );
  for (const group of ordered) {
    const record = toRecord(group, taken);
    taken.add(record.id);
    ids.set(group, record.id);
    records.push(record);
  }
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    entities: records,
    idOf(entity: PaperEntity): string {
      const group = groupOf.get(entity);
      if (!group) throw new Error(`entity ${[...entity.surfaces.keys()][0]} was not resolved`);
      return ids.get(group)!;
    },
  };
}

function newGroup(first: number, entry?: LexiconEntry): Group {
  return { entry, members: [], longKeys: new Set(), shortKeys: new Set(), first };
}

function entityKeys(entity: PaperEntity): string[] {
  return [...new Set([...entity.surfaces.keys()].map((s) => foldedKey(s)))].filter((k) => k);
}

/**
 * Whether an entity may join a group through `key`: an acronym shared by two definitions joins
 * only when the expansions agree (or one side has none).
 */
function compatible(
  group: Group,
  key: string,
  longKeys: Set<string>,
  shortKeys: Set<string>,
): boolean {
  const viaAcronym = shortKeys.has(key) || group.shortKeys.has(key);
  if (!viaAcronym || longKeys.size === 0 || group.longKeys.size === 0) return true;
  return [...longKeys].some((k) => group.longKeys.has(k));
}

function toRecord(group: Group, taken: Set<string>): EntityRecord {
  const weights = new Map<string, Map<string, number>>();
  for (const member of group.members) {
    for (const [surface, weight] of member.surfaces) {
      const key = foldedKey(surface);
      const forms = weights.get(key) ?? new Map<string, number>();
      forms.set(surface, (forms.get(surface) ?? 0) + weight);
      weights.set(key, forms);
    }
  }
  const kind = group.entry?.kind ?? majorityKind(group.members);
  const candidates = group.entry
    ? [group.entry.name]
    : preferDefinedForm(group, rankedNames(weights));
  let name = candidates[0];
  let id = slug(name);
  for (const candidate of candidates) {
    if (!taken.has(slug(candidate)) && slug(candidate)) {
      name = candidate;
      id = slug(candidate);
      break;
    }
  }
  if (taken.has(id) || !id) {
    const base = slug(name) || 'entity';
    id = `${base}-${kind.toLowerCase()}`;
    for (let n = 2; taken.has(id); n++) id = `${base}-${kind.toLowerCase()}-${n}`;
  }
  const nameKey = foldedKey(name);
  const aliasByKey = new Map<string, string>();
  const add = (form: string): void => {
    const key = foldedKey(form);
    // A vague alias ("QA" for Question Answering) would make the vague word find the entity.
    if (!key || key === nameKey || aliasByKey.has(key) || isVague(form)) return;
    aliasByKey.set(key, form);
  };
  for (const alias of group.entry?.aliases ?? []) add(alias);
  for (const ranked of rankedNames(weights)) add(ranked);
  return {
    id,
    name,
    kind,
    aliases: [...aliasByKey.values()].sort(),
    ...(group.entry?.description ? { description: group.entry.description } : {}),
  };
}

/**
 * For a name defined with an acronym, the paper's own choice: the acronym when it is coined
 * ("VLN-GPT", "TransKD", "MoD") or used again and again, otherwise the spelled-out form (as for
 * objectives such as "Extended Token Classification").
 */
function preferDefinedForm(group: Group, ranked: string[]): string[] {
  const definitions = group.members.flatMap((m) => m.definitions);
  if (definitions.length === 0) return ranked;
  // "Dialog2Flow (D2F)": the expansion is itself a coined name.
  if (definitions.some((d) => !/\s/.test(d.long) && nameShape(d.long) === 'strong')) {
    const longKeys = new Set(definitions.map((d) => foldedKey(d.long)));
    return [
      ...ranked.filter((n) => longKeys.has(foldedKey(n))),
      ...ranked.filter((n) => !longKeys.has(foldedKey(n))),
    ];
  }
  const uses = definitions.reduce((n, d) => n + d.shortUses, 0);
  const coined = definitions.some((d) => /[a-z0-9\s-]/.test(d.short.replace(/s$/, '')));
  const preferred = new Set(
    definitions.map((d) => foldedKey(coined || uses >= 2 ? d.short : d.long)),
  );
  return [
    ...ranked.filter((name) => preferred.has(foldedKey(name))),
    ...ranked.filter((name) => !preferred.has(foldedKey(name))),
  ];
}

/** Spellings best first: the most used key, and within it a capitalised, frequent form. */
function rankedNames(weights: Map<string, Map<string, number>>): string[] {
  const keys = [...weights.entries()].map(([key, forms]) => {
    let total = 0;
    for (const weight of forms.values()) total += weight;
    const best = [...forms.entries()].sort(
      ([a, wa], [b, wb]) =>
        Number(/[A-Z]/.test(b)) - Number(/[A-Z]/.test(a)) ||
        wb - wa ||
        (a < b ? -1 : a > b ? 1 : 0),
    )[0][0];
    return { key, total, best };
  });
  keys.sort(
    (a, b) =>
      b.total - a.total ||
      Number(/[A-Z]/.test(b.best)) - Number(/[A-Z]/.test(a.best)) ||
      b.key.length - a.key.length ||
      (a.key < b.key ? -1 : 1),
  );
  return keys.map((k) => k.best);
}

function majorityKind(members: PaperEntity[]): EntityKind {
  const votes = new Map<EntityKind, number>();
  for (const member of members) {
    const weight = member.introduced ? 2 : 1;
    votes.set(member.kind, (votes.get(member.kind) ?? 0) + weight);
  }
  let best: EntityKind = members[0].kind;
  for (const kind of ['MODEL', 'METHOD', 'DATASET', 'TASK'] as EntityKind[]) {
    if ((votes.get(kind) ?? 0) > (votes.get(best) ?? 0)) best = kind;
  }
  return best;
}
