import { EntityKind, LineageRelation, LinkRole } from '../../model';
import { Lexicon, LexiconEntry } from '../resolve/lexicon';
import { editDistance, foldedKey } from '../resolve/normalize';
import { findPaperNames, LocalName, Occurrence } from './candidates';
import { cleanText } from './clean-text';
import { contextKindVotes, KindVotes, morphologyKindVotes } from './kinds';
import { findLineage, LineageEntity, LineageMention } from './lineage';
import { hasSizeSuffix, nameShape, Shape, stripSize } from './name-shapes';
import { analyzeRoles, roleOf, SentenceRoles } from './roles';
import { paperSentences, Sentence } from './sentences';
import { isStopName, isVague, NON_ENTITY_HEADS } from './stoplist';
import { isDescriptiveAffix } from './surface-index';
import { isWord } from './vocabulary';

/**
 * Extraction for one paper: names found in the title and abstract are grouped into the paper's
 * entities (one per real thing: acronym and expansion, typo'd and correct spellings, sizes of
 * one model), kept only when the evidence makes them entities, and given a kind, their roles
 * (one mention per role, with the sentence that supports it) and lineage edges.
 */

export interface ExtractedMention {
  role: LinkRole;
  evidence: string;
  confidence: number;
  /** Position of the supporting occurrence in the paper. */
  order: number;
}

export interface PaperEntity extends LineageEntity {
  entry?: LexiconEntry;
  /** Written forms and how much weight each carries for choosing the canonical name. */
  surfaces: Map<string, number>;
  /** Acronym definitions of the paper for this entity, with how often the acronym is used. */
  definitions: Definition[];
  kind: EntityKind;
  introduced: boolean;
  /** Introduced, or proposed under a name the lexicon knows (see LocalName.proposed). */
  proposed?: boolean;
  mentions: ExtractedMention[];
  /** Entities that only appear as lineage parents (lexicon entries named inside other names). */
  lineageOnly: boolean;
  firstOrder: number;
  /** The sentences (title first) that name the entity, in text order, each once. */
  sentences: string[];
}

export interface Definition {
  short: string;
  long: string;
  /** Uses of the short form besides the definition itself. */
  shortUses: number;
}

export interface PaperLineage {
  child: PaperEntity;
  parent: PaperEntity;
  relation: LineageRelation;
  evidence: string;
  confidence: number;
}

export interface PaperExtraction {
  entities: PaperEntity[];
  lineage: PaperLineage[];
  /** Keys of names the paper itself establishes (introduced, coined, defined): corpus knowledge. */
  confidentKeys: string[];
  /** Keys of name-like words left out for lack of evidence in this paper alone. */
  rejectedKeys: string[];
}

export interface ExtractPaperOptions {
  /**
   * Names other papers of the corpus establish: a paper that only mentions "VILA" in passing
   * still links to it when another paper introduces VILA.
   */
  knownNames?: ReadonlySet<string>;
}

export interface PaperInput {
  title: string;
  abstract: string;
  statedTasks?: string[];
  statedMethods?: string[];
}

interface Cluster {
  entry?: LexiconEntry;
  occurrences: Occurrence[];
  locals: Set<LocalName>;
  votes: KindVotes;
  /** Weight of kind evidence from head nouns and appositions only. */
  headEvidence: number;
  accepted: boolean;
  entity?: PaperEntity;
}

export function extractPaper(
  input: PaperInput,
  lexicon: Lexicon,
  options: ExtractPaperOptions = {},
): PaperExtraction {
  const sentences = paperSentences(cleanText(input.title), cleanText(input.abstract));
  const { occurrences } = findPaperNames(sentences, lexicon);
  // Roles are read only where a name occurs; sentences that name nothing need no analysis.
  const naming = new Set(occurrences.map((o) => o.sentence));
  const roles = new Map<Sentence, SentenceRoles>(
    sentences.filter((s) => naming.has(s)).map((s) => [s, analyzeRoles(s)]),
  );

  const clusters = clusterOccurrences(occurrences);
  for (const cluster of clusters) collectKindVotes(cluster, roles);
  decideAcceptance(clusters, roles, options.knownNames);
  const rejectedKeys = clusters
    .filter((c) => !c.accepted && !c.entry && c.occurrences.some((o) => o.shape !== 'none'))
    .flatMap((c) => clusterKeys(c));
  const accepted = mergeSizeVariants(clusters.filter((c) => c.accepted));
  const confidentKeys = accepted
    .filter((c) => !c.entry && confident(c))
    .flatMap((c) => clusterKeys(c));

  const entities: PaperEntity[] = [];
  for (const cluster of [...accepted]) {
    const entity = toEntity(cluster, roles);
    if (namesAField(entity)) {
      accepted.splice(accepted.indexOf(cluster), 1);
      continue;
    }
    cluster.entity = entity;
    entities.push(entity);
  }
  addStatedNames(input, entities, accepted, lexicon);

  const primary = primaryEntity(accepted);
  const lineageOnly = new Map<LexiconEntry, PaperEntity>();
  const byKey = new Map<string, PaperEntity>();
  for (const entity of entities) {
    for (const surface of entity.names) byKey.set(foldedKey(surface), entity);
  }
  const findEntity = (surface: string): PaperEntity | undefined => {
    const known = byKey.get(foldedKey(surface));
    if (known) return known;
    const entry = lexicon.lookup(surface);
    if (!entry || isVague(surface)) return undefined;
    const inPaper = entities.find((e) => e.entry === entry);
    if (inPaper) return inPaper;
    let entity = lineageOnly.get(entry);
    if (!entity) {
      entity = lexiconOnlyEntity(entry);
      lineageOnly.set(entry, entity);
    }
    return entity;
  };
  const mentions: Array<LineageMention<PaperEntity>> = [];
  for (const cluster of accepted) {
    for (const o of cluster.occurrences) {
      mentions.push({ entity: cluster.entity!, sentence: o.sentence, start: o.start, end: o.end });
    }
  }
  const edges = findLineage(sentences, mentions, primary?.entity, findEntity);
  const used = new Set(edges.flatMap((e) => [e.child, e.parent]));
  for (const entity of lineageOnly.values()) if (used.has(entity)) entities.push(entity);
  return { entities, lineage: edges, confidentKeys, rejectedKeys };
}

/**
 * "BioNLP tasks", "Grounding tasks": one coined word before "tasks" names a field; the tasks a
 * paper addresses are phrases ("hate speech detection") or come from the lexicon.
 */
function namesAField(entity: PaperEntity): boolean {
  return (
    !entity.entry &&
    entity.kind === 'TASK' &&
    entity.definitions.length === 0 &&
    [...entity.surfaces.keys()].every((s) => !/\s/.test(s))
  );
}

function clusterKeys(cluster: Cluster): string[] {
  return [...new Set(cluster.occurrences.map((o) => foldedKey(o.surface)))];
}

/** Whether the paper establishes the name itself rather than merely mentioning it. */
function confident(cluster: Cluster): boolean {
  const locals = [...cluster.locals];
  if (locals.some((l) => l.introduced || l.via.size > 0)) return true;
  return cluster.occurrences.some((o) => o.shape === 'strong');
}

// ---------------------------------------------------------------------------------------------
// Grouping occurrences into entities

function clusterOccurrences(occurrences: Occurrence[]): Cluster[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  const entryOfKey = new Map<string, LexiconEntry>();
  const keyOf = (o: Occurrence): string => {
    const entry = o.entry;
    if (entry) return `lex:${entry.index}`;
    return `loc:${foldedKey(o.local?.surface ?? o.surface)}`;
  };
  const localKey = (local: LocalName): string =>
    local.entry ? `lex:${local.entry.index}` : `loc:${local.key}`;
  const ensure = (key: string): void => {
    if (!parent.has(key)) parent.set(key, key);
  };
  const union = (a: string, b: string): void => {
    ensure(a);
    ensure(b);
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // Two lexicon entries are two entities whatever the text says.
    const ea = entryOfKey.get(ra);
    const eb = entryOfKey.get(rb);
    if (ea && eb && ea !== eb) return;
    if (eb || (!ea && rb < ra)) {
      parent.set(ra, rb);
    } else {
      parent.set(rb, ra);
    }
  };

  for (const o of occurrences) {
    const key = keyOf(o);
    ensure(key);
    if (o.entry) entryOfKey.set(key, o.entry);
  }
  const locals = new Set(occurrences.flatMap((o) => (o.local ? [o.local] : [])));
  for (const local of locals) {
    for (const partner of local.partners) {
      if (locals.has(partner)) union(localKey(local), localKey(partner));
    }
  }

  // Spellings of one name inside the paper: typos, initials, an organisation prefix.
  const surfaces = new Map<string, string>();
  for (const o of occurrences) {
    const key = keyOf(o);
    if (key.startsWith('loc:') && !surfaces.has(key))
      surfaces.set(key, o.local?.surface ?? o.surface);
  }
  const keys = [...surfaces.keys()];
  for (let a = 0; a < keys.length; a++) {
    for (let b = a + 1; b < keys.length; b++) {
      const x = surfaces.get(keys[a])!;
      const y = surfaces.get(keys[b])!;
      if (
        nearDuplicate(x, y) ||
        initialsOf(x, y) ||
        initialsOf(y, x) ||
        prefixedBy(x, y) ||
        prefixedBy(y, x)
      ) {
        union(keys[a], keys[b]);
      }
    }
  }

  const byRoot = new Map<string, Cluster>();
  for (const o of occurrences) {
    const root = find(keyOf(o));
    let cluster = byRoot.get(root);
    if (!cluster) {
      cluster = {
        occurrences: [],
        locals: new Set(),
        votes: new KindVotes(),
        headEvidence: 0,
        accepted: false,
      };
      byRoot.set(root, cluster);
    }
    cluster.occurrences.push(o);
    if (o.local) cluster.locals.add(o.local);
    const entry = entryOfKey.get(root);
    if (entry) cluster.entry = entry;
  }
  return [...byRoot.values()];
}

/**
 * "ChartAssisstant" and "ChartAssistant": long coined names (8+ characters, same first four)
 * within one or two edits, depending on length.
 */
export function nearDuplicate(a: string, b: string): boolean {
  if (nameShape(a) !== 'strong' || nameShape(b) !== 'strong') return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 8 || /\s/.test(a) || /\s/.test(b)) return false;
  if (a.slice(0, 4).toLowerCase() !== b.slice(0, 4).toLowerCase()) return false;
  // Version or size digits make different models, not typos ("NTU60" / "NTU120").
  if (a.replace(/\D/g, '') !== b.replace(/\D/g, '')) return false;
  const max = shorter >= 12 ? 2 : 1;
  return editDistance(a.toLowerCase(), b.toLowerCase(), max) <= max;
}

/** "PLLaVA" is "Pooling LLaVA": the initials of the first words, then the last word. */
function initialsOf(short: string, long: string): boolean {
  const words = long.split(/\s+/);
  if (words.length < 2 || /\s/.test(short)) return false;
  const initials = words
    .slice(0, -1)
    .map((w) => w[0])
    .join('');
  return (initials + words[words.length - 1]).toLowerCase() === short.toLowerCase();
}

/** "Kwai Keye-VL" and "Keye-VL": a capitalised word before a coined name. */
function prefixedBy(long: string, short: string): boolean {
  if (!long.endsWith(` ${short}`) || nameShape(short) !== 'strong') return false;
  const prefix = long.slice(0, -short.length - 1);
  return /^[A-Z][A-Za-z]*( [A-Z][A-Za-z]*)?$/.test(prefix);
}

// ---------------------------------------------------------------------------------------------
// Kinds and acceptance

function collectKindVotes(cluster: Cluster, roles: Map<Sentence, SentenceRoles>): void {
  const head = new KindVotes();
  for (const local of cluster.locals) head.merge(local.kindVotes);
  for (const o of cluster.occurrences) {
    contextKindVotes(o.sentence, o.start, o.cover, roles.get(o.sentence)!.cueAt[o.start], head);
  }
  cluster.headEvidence = head.total;
  cluster.votes.merge(head);
  for (const surface of new Set(cluster.occurrences.map((o) => o.surface))) {
    morphologyKindVotes(surface, cluster.votes);
  }
}

function decideAcceptance(
  clusters: Cluster[],
  roles: Map<Sentence, SentenceRoles>,
  knownNames: ReadonlySet<string> | undefined,
): void {
  for (const cluster of clusters) {
    cluster.accepted = acceptOnOwn(cluster, roles);
    if (!cluster.accepted && knownNames && !cluster.entry) {
      cluster.accepted =
        clusterKeys(cluster).some((k) => knownNames.has(k)) &&
        !cluster.occurrences.every((o) => isStopName(o.surface) || o.shape === 'none');
    }
  }
  const pairs = listNeighbours(clusters);
  // Weak names listed next to accepted ones ("Cityscapes, ACDC, and NYUv2 datasets").
  for (let round = 0; round < 2; round++) {
    for (const [a, b] of pairs) {
      if (a.accepted && !b.accepted && canJoinList(b)) b.accepted = true;
    }
  }
  // Names listed together are usually of one kind ("evaluated on DocBench-2 and ScanText").
  const kinds = new Map(clusters.map((c) => [c, c.entry?.kind ?? c.votes.best()]));
  for (const [a, b] of pairs) {
    const kind = kinds.get(a);
    // Only names without evidence of their own, and never "a task" by association.
    if (a.accepted && b.accepted && !b.entry && kind !== 'TASK' && b.headEvidence === 0) {
      b.votes.add(kind, 1);
    }
  }
}

/** Pairs of different clusters named side by side in a list, in both directions. */
function listNeighbours(clusters: Cluster[]): Array<[Cluster, Cluster]> {
  const clusterOf = new Map<Occurrence, Cluster>();
  for (const cluster of clusters) for (const o of cluster.occurrences) clusterOf.set(o, cluster);
  const bySentence = new Map<Sentence, Occurrence[]>();
  for (const o of clusterOf.keys()) {
    const list = bySentence.get(o.sentence) ?? [];
    list.push(o);
    bySentence.set(o.sentence, list);
  }
  const pairs: Array<[Cluster, Cluster]> = [];
  for (const [sentence, list] of bySentence) {
    list.sort((a, b) => a.start - b.start);
    for (let k = 0; k + 1 < list.length; k++) {
      const [x, y] = [list[k], list[k + 1]];
      const [cx, cy] = [clusterOf.get(x)!, clusterOf.get(y)!];
      if (cx === cy || !listedTogether(sentence, x, y)) continue;
      pairs.push([cx, cy], [cy, cx]);
    }
  }
  return pairs;
}

function acceptOnOwn(cluster: Cluster, roles: Map<Sentence, SentenceRoles>): boolean {
  const surfaces = cluster.occurrences.map((o) => o.surface);
  if (cluster.entry) {
    // A lexicon name seen only as a generic lower-case word inside a descriptive compound
    // ("transformer-based") says little; anything else is a link.
    return !cluster.occurrences.every((o) => o.lowerCaseLexicon && o.affix);
  }
  if (surfaces.every((s) => isStopName(s))) return false;
  // "the CloudOps domain": a name used only for an area or a field.
  if (cluster.occurrences.every((o) => nonEntityHeadAfter(o))) return false;
  const locals = [...cluster.locals];
  const longForms = locals.filter((l) => l.isLongForm);
  if (longForms.some((l) => isStopName(l.surface) || isVague(l.surface))) return false;
  if (locals.some((l) => l.introduced)) return true;
  if (locals.some((l) => l.via.has('naming') || l.via.has('dataset'))) return true;
  if (locals.some((l) => l.via.has('acronym'))) return acceptDefinition(cluster, longForms);
  const shapes = new Set<Shape>(cluster.occurrences.map((o) => o.shape));
  if (shapes.has('strong')) return true;
  const supported = cluster.headEvidence >= 2;
  // A compound such as "STEM-focused" supports nothing about the name inside it.
  const cues = cluster.occurrences
    .filter((o) => !o.affix || !isDescriptiveAffix(o.affix))
    .map((o) => roles.get(o.sentence)!.cueAt[o.start]);
  if (shapes.has('acronym')) {
    const letters = Math.max(
      ...surfaces.map((s) => s.replace(/[^A-Za-z]/g, '').replace(/s$/, '').length),
    );
    if (letters < 3) return supported;
    return (
      supported ||
      cluster.occurrences.length >= 2 ||
      cues.some((c) => c === 'COMPARE' || c === 'EVAL')
    );
  }
  if (shapes.has('weak')) {
    if (supported) return true;
    const coined = surfaces.some((s) => !isWord(s) || /\d/.test(s));
    return coined && cues.some((c) => c === 'COMPARE' || c === 'EVAL');
  }
  return false;
}

function nonEntityHeadAfter(o: Occurrence): boolean {
  const tokens = o.sentence.tokens;
  let i = o.cover;
  if (tokens[i]?.text === ')') i++;
  return NON_ENTITY_HEADS.has(tokens[i]?.lower ?? '');
}

/**
 * An acronym definition is an entity when the paper treats it as a name: a capitalised
 * expansion ("Segment-First Bidirectional Scan (SFBS)"), a coined mixed-case acronym ("MoD"),
 * or an acronym the abstract keeps using ("JEPA" five times).
 */
function acceptDefinition(cluster: Cluster, longForms: LocalName[]): boolean {
  const shortForms = [...cluster.locals].filter((l) => !l.isLongForm);
  if (longForms.some((l) => capitalised(l.surface))) return true;
  if (
    shortForms.some((l) => /[a-z]/.test(l.surface.replace(/s$/, '')) && /[A-Z]/.test(l.surface))
  ) {
    return true;
  }
  const generic = longForms.some((l) =>
    /(pre-?training|training|learning|processing|data)$/i.test(l.surface),
  );
  if (generic) return false;
  const shortKeys = new Set(shortForms.map((l) => l.key));
  const uses = cluster.occurrences.filter((o) => shortKeys.has(foldedKey(o.surface))).length;
  return uses >= 3;
}

function capitalised(phrase: string): boolean {
  const words = phrase
    .split(/[\s-]+/)
    .filter((w) => !/^(and|of|for|from|with|to|in|on|the|a)$/i.test(w));
  return (
    words.length > 0 && words.filter((w) => /^[A-Z]/.test(w)).length >= Math.ceil(words.length / 2)
  );
}

/** Whether only list punctuation separates two names ("A, B and C"). */
function listedTogether(sentence: Sentence, a: Occurrence, b: Occurrence): boolean {
  const between = sentence.tokens.slice(a.cover, b.start);
  if (between.length === 0 || between.length > 3) return false;
  return between.every((t) => t.text === ',' || t.lower === 'and' || t.lower === 'or');
}

function canJoinList(cluster: Cluster): boolean {
  return cluster.occurrences.some((o) => o.shape !== 'none' && !isStopName(o.surface));
}

/** "CodeFuse-13B" and "CodeFuse", "CodeT5-small" and "CodeT5-base": one model. */
function mergeSizeVariants(clusters: Cluster[]): Cluster[] {
  const byBase = new Map<string, Cluster>();
  const kindOf = (c: Cluster): EntityKind => c.entry?.kind ?? c.votes.best() ?? 'MODEL';
  for (const cluster of clusters) {
    for (const o of cluster.occurrences) {
      if (!hasSizeSuffix(o.surface))
        byBase.set(foldedKey(o.surface), byBase.get(foldedKey(o.surface)) ?? cluster);
    }
  }
  const merged: Cluster[] = [];
  for (const cluster of clusters) {
    if (cluster.entry || kindOf(cluster) !== 'MODEL') {
      merged.push(cluster);
      continue;
    }
    const sized = cluster.occurrences.filter((o) => hasSizeSuffix(o.surface));
    if (sized.length !== cluster.occurrences.length) {
      merged.push(cluster);
      continue;
    }
    const baseKey = foldedKey(stripSize(sized[0].surface));
    const base = byBase.get(baseKey);
    if (
      base &&
      base !== cluster &&
      (kindOf(base) === 'MODEL' || base.votes.best() === undefined || !base.entry)
    ) {
      base.occurrences.push(...cluster.occurrences);
      for (const local of cluster.locals) base.locals.add(local);
      base.votes.merge(cluster.votes);
      continue;
    }
    // Two sizes of a model the paper never names bare: group them under the bare name.
    const sibling = merged.find(
      (c) =>
        c !== cluster &&
        !c.entry &&
        c.occurrences.every((o) => hasSizeSuffix(o.surface)) &&
        foldedKey(stripSize(c.occurrences[0].surface)) === baseKey,
    );
    if (sibling) {
      sibling.occurrences.push(...cluster.occurrences);
      for (const local of cluster.locals) sibling.locals.add(local);
      continue;
    }
    merged.push(cluster);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Entities and their mentions

function toEntity(cluster: Cluster, roles: Map<Sentence, SentenceRoles>): PaperEntity {
  let kind: EntityKind = cluster.entry?.kind ?? cluster.votes.best() ?? defaultKind(cluster);
  // What a paper names and proposes is a model, method or dataset; tasks are only addressed.
  if (!cluster.entry && kind === 'TASK' && [...cluster.locals].some((l) => l.introduced))
    kind = 'METHOD';
  const surfaces = new Map<string, number>();
  for (const o of cluster.occurrences) {
    surfaces.set(o.surface, (surfaces.get(o.surface) ?? 0) + (o.sentence.isTitle ? 1.5 : 1));
  }
  for (const local of cluster.locals) {
    if (local.introduced && local.introSentence && !local.introSentence.isTitle) {
      surfaces.set(local.surface, (surfaces.get(local.surface) ?? 0) + 1);
    }
  }
  // Sizes of one model are one entity named without the size ("CodeFuse-13B" -> "CodeFuse").
  if (!cluster.entry && kind === 'MODEL') {
    for (const [surface, weight] of [...surfaces]) {
      if (!hasSizeSuffix(surface)) continue;
      const base = stripSize(surface);
      surfaces.set(base, (surfaces.get(base) ?? 0) + weight);
      surfaces.set(surface, 0);
    }
  }
  const definitions: Definition[] = [];
  for (const local of cluster.locals) {
    if (!local.isLongForm) continue;
    for (const partner of local.partners) {
      const uses = cluster.occurrences.filter((o) => foldedKey(o.surface) === partner.key).length;
      definitions.push({
        short: partner.surface,
        long: local.surface,
        shortUses: Math.max(0, uses - 1),
      });
    }
  }
  const introducedLocal = [...cluster.locals]
    .filter((l) => l.introduced)
    .sort((a, b) => Number(a.introSentence?.isTitle) - Number(b.introSentence?.isTitle))[0];
  const base = baseConfidence(cluster);
  const mentions: ExtractedMention[] = [];
  if (introducedLocal?.introSentence) {
    const both =
      [...cluster.locals].some((l) => l.introduced && l.introSentence?.isTitle) &&
      !introducedLocal.introSentence.isTitle;
    mentions.push({
      role: kind === 'TASK' ? 'ADDRESSES' : 'INTRODUCES',
      evidence: introducedLocal.introSentence.text,
      confidence: round(Math.min(0.97, base + (both ? 0.07 : 0.03))),
      order: introducedLocal.introSentence.index * 10000,
    });
  } else {
    const best = new Map<LinkRole, { explicit: boolean; mention: ExtractedMention }>();
    for (const o of [...cluster.occurrences].sort((a, b) => a.order - b.order)) {
      const descriptive = !!o.affix && isDescriptiveAffix(o.affix);
      const decision = roleOf(
        o.sentence,
        roles.get(o.sentence)!,
        o.start,
        o.end,
        kind,
        descriptive,
      );
      const current = best.get(decision.role);
      if (current && (current.explicit || !decision.explicit)) continue;
      best.set(decision.role, {
        explicit: decision.explicit,
        mention: {
          role: decision.role,
          evidence: o.sentence.text,
          confidence: round(Math.min(0.97, base + (decision.explicit ? 0.05 : -0.1))),
          order: o.order,
        },
      });
    }
    const uses = best.get('USES');
    if (uses && !uses.explicit && best.size > 1) best.delete('USES');
    mentions.push(...[...best.values()].map((b) => b.mention));
  }
  mentions.sort((a, b) => a.order - b.order);
  const names = new Set([...surfaces.keys()]);
  if (cluster.entry) {
    names.add(cluster.entry.name);
    for (const alias of cluster.entry.aliases) names.add(alias);
  }
  return {
    entry: cluster.entry,
    surfaces,
    definitions,
    kind,
    introduced: !!introducedLocal,
    proposed: [...cluster.locals].some((l) => l.introduced || l.proposed),
    mentions,
    lineageOnly: false,
    firstOrder: Math.min(...cluster.occurrences.map((o) => o.order)),
    names: [...names],
    sentences: [
      ...new Set(
        [...cluster.occurrences].sort((a, b) => a.order - b.order).map((o) => o.sentence.text),
      ),
    ],
  };
}

/** Without evidence: a phrase names a technique, a coined word a model. */
function defaultKind(cluster: Cluster): EntityKind {
  const phrase = [...cluster.locals].some((l) => /\s/.test(l.surface) || l.lower);
  return phrase ? 'METHOD' : 'MODEL';
}

function baseConfidence(cluster: Cluster): number {
  if (cluster.entry) return cluster.occurrences.every((o) => o.lowerCaseLexicon) ? 0.7 : 0.9;
  const locals = [...cluster.locals];
  if (locals.some((l) => l.introduced)) return 0.88;
  if (locals.some((l) => l.via.has('acronym') || l.via.has('naming') || l.via.has('dataset')))
    return 0.82;
  const shapes = new Set(cluster.occurrences.map((o) => o.shape));
  if (shapes.has('strong')) return 0.78;
  if (shapes.has('acronym')) return 0.7;
  return 0.62;
}

function primaryEntity(clusters: Cluster[]): Cluster | undefined {
  const introduced = clusters.filter((c) => [...c.locals].some((l) => l.introduced));
  return (
    introduced.find((c) => [...c.locals].some((l) => l.via.has('title'))) ??
    introduced.sort((a, b) => a.entity!.firstOrder - b.entity!.firstOrder)[0]
  );
}

function lexiconOnlyEntity(entry: LexiconEntry): PaperEntity {
  return {
    entry,
    surfaces: new Map([[entry.name, 0]]),
    definitions: [] as Definition[],
    kind: entry.kind,
    introduced: false,
    mentions: [],
    lineageOnly: true,
    firstOrder: Number.MAX_SAFE_INTEGER,
    names: [entry.name, ...entry.aliases],
    sentences: [],
  };
}

/**
 * Names the input states itself (Papers with Code `tasks`, `methods`): linked with the role
 * their kind implies, with the abstract sentence that mentions them when there is one.
 */
function addStatedNames(
  input: PaperInput,
  entities: PaperEntity[],
  clusters: Cluster[],
  lexicon: Lexicon,
): void {
  const stated: Array<[string, EntityKind]> = [
    ...(input.statedTasks ?? []).map((n): [string, EntityKind] => [n, 'TASK']),
    ...(input.statedMethods ?? []).map((n): [string, EntityKind] => [n, 'METHOD']),
  ];
  for (const [name, statedKind] of stated) {
    if (!name.trim() || isVague(name)) continue;
    const entry = lexicon.lookup(name);
    const key = foldedKey(name);
    let entity = entities.find(
      (e) => (entry && e.entry === entry) || e.names.some((n) => foldedKey(n) === key),
    );
    const kind = entry?.kind ?? entity?.kind ?? statedKind;
    const role: LinkRole = kind === 'TASK' ? 'ADDRESSES' : 'USES';
    if (!entity) {
      entity = {
        entry,
        surfaces: new Map([[entry?.name ?? name.trim(), 1]]),
        definitions: [],
        kind,
        introduced: false,
        mentions: [],
        lineageOnly: false,
        firstOrder: Number.MAX_SAFE_INTEGER - 1,
        names: entry ? [entry.name, ...entry.aliases] : [name.trim()],
        sentences: [],
      };
      entities.push(entity);
    }
    if (entity.mentions.some((m) => m.role === role || m.role === 'INTRODUCES')) continue;
    const sentence = clusters.find((c) => c.entity === entity)?.occurrences[0]?.sentence.text;
    entity.mentions.push({
      role,
      evidence:
        sentence ?? `stated by the input record (${statedKind === 'TASK' ? 'tasks' : 'methods'})`,
      confidence: 0.8,
      order: Number.MAX_SAFE_INTEGER - 1,
    });
  }
}

function round(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 100) / 100;
}
