/**
 * Scores an extractor's dry-run output against a gold annotation (see GUIDELINES.md).
 *
 *   node dist/bench/extraction/score.js <gold.json> <predicted.json> [--details] [--json]
 *        [--aliases <aliases.json>]
 *
 * Papers are matched by normalised title. Entity names are matched leniently: case, diacritics,
 * spaces, hyphens and punctuation are ignored (but "+" is kept, so "EViP++" is not "EViP"), a
 * trailing plural "s" is stripped, and names in one alias class (the gold file's `aliases`, the
 * caller's alias map, and per-mention `aliases` for that mention only) are the same entity.
 *
 * Precision counts predicted items that match some gold item; recall counts gold items matched
 * by some prediction. Two predicted surface forms of one gold entity therefore both count as
 * correct predictions, while the gold entity is recalled once. With nothing predicted precision is
 * 1 (no false claims); with nothing in gold recall is 1.
 */
import * as fs from 'fs';
import {
  ENTITY_KINDS,
  EntityKind,
  InputError,
  LINEAGE_RELATIONS,
  LINK_ROLES,
  LineageRelation,
  LinkRole,
} from '../../src/model';

export interface GoldMention {
  name: string;
  kind: EntityKind;
  role: LinkRole;
  /** Other names accepted for this mention only (paper-specific, e.g. "BERT-Base" for BERT). */
  aliases?: string[];
}

export interface GoldPaper {
  title: string;
  mentions: GoldMention[];
}

export interface GoldLineage {
  child: string;
  parent: string;
  relation: LineageRelation;
  /** Title of the paper whose text supports the edge. */
  title?: string;
}

export interface GoldFile {
  papers: GoldPaper[];
  lineage: GoldLineage[];
  /** Canonical name -> other names of the same entity, valid in every paper. */
  aliases?: Record<string, string[]>;
}

export interface PredictedMention {
  name: string;
  kind: string;
  role: string;
  evidence?: string;
}

export interface PredictedPaper {
  title: string;
  mentions: PredictedMention[];
}

export interface PredictedLineage {
  child: string;
  parent: string;
  relation: string;
  evidence?: string;
}

export interface PredictedFile {
  papers: PredictedPaper[];
  lineage?: PredictedLineage[];
}

export interface ScoreOptions {
  /** Extra alias map (canonical -> aliases), merged with the gold file's own `aliases`. */
  aliases?: Record<string, string[]>;
}

/** Precision/recall counts; see the module comment for how duplicates count. */
export interface Prf {
  goldTotal: number;
  goldMatched: number;
  predictedTotal: number;
  predictedMatched: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface MentionLabel {
  name: string;
  kind: string;
  role: string;
}

export interface PaperDetail {
  title: string;
  /** False if the prediction has no paper with this title (all gold mentions are then missed). */
  predicted: boolean;
  /** Gold entities (role ignored) that no prediction matched. */
  missedEntities: MentionLabel[];
  /** Predicted entities (role ignored) that match no gold entity. */
  spuriousEntities: MentionLabel[];
  /** Gold (entity, role) pairs not predicted with that role. */
  missedLinks: MentionLabel[];
  /** Predicted (entity, role) pairs absent from gold. */
  spuriousLinks: MentionLabel[];
  /** Entities found with a different role: gold role vs predicted roles. */
  roleConfusions: Array<{ name: string; gold: string[]; predicted: string[] }>;
}

export interface LineageLabel {
  child: string;
  parent: string;
  relation: string;
}

export interface ScoreReport {
  papers: {
    gold: number;
    predicted: number;
    matched: number;
    /** Gold titles with no predicted paper. */
    missingFromPrediction: string[];
    /** Predicted titles with no gold paper: ignored by every other number. */
    notInGold: string[];
  };
  /** (a) (paper, entity) links, role ignored. */
  links: Prf;
  /** (b) (paper, entity, role) links. */
  linksWithRole: Prf;
  /** (c) (paper, entity) for METHOD, MODEL and DATASET entities only (gold kind / predicted kind). */
  namedEntities: Prf;
  /** (d) lineage (child, parent) pairs, relation ignored; corpus-level, deduplicated. */
  lineage: Prf;
  /** (d) lineage (child, parent, relation) triples. */
  lineageWithRelation: Prf;
  /** (b) broken down by role (gold role for recall, predicted role for precision). */
  byRole: Record<LinkRole, Prf>;
  /** (a) broken down by kind (gold kind for recall, predicted kind for precision). */
  byKind: Record<EntityKind, Prf>;
  /** Among matched (paper, entity) pairs, how often the predicted kind equals the gold kind. */
  kindAgreement: { matched: number; agree: number; rate: number };
  perPaper: PaperDetail[];
  lineageErrors: { missed: LineageLabel[]; spurious: LineageLabel[] };
}

// ---------------------------------------------------------------------------------------------
// Normalisation and aliases

/** The comparison key of a name: "Masked Autoencoders" -> "maskedautoencoder". */
export function normalizeName(name: string): string {
  let key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]/g, '');
  if (key.length > 3 && key.endsWith('s') && !key.endsWith('ss')) key = key.slice(0, -1);
  return key;
}

/** The comparison key of a title: case, spacing and punctuation ignored. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^Subscribe(?=\S)/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Equivalence classes of names: every name maps to its class representative key. */
export class AliasIndex {
  private readonly parent = new Map<string, string>();

  constructor(...maps: Array<Record<string, string[]> | undefined>) {
    for (const map of maps) {
      if (!map) continue;
      for (const [canonical, aliases] of Object.entries(map)) {
        for (const alias of aliases) this.union(canonical, alias);
      }
    }
  }

  /** The class key of a name (its own normalised key when it has no aliases). */
  key(name: string): string {
    return this.find(normalizeName(name));
  }

  private find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    return root;
  }

  private union(a: string, b: string): void {
    const ka = normalizeName(a);
    const kb = normalizeName(b);
    if (!ka || !kb) return;
    if (!this.parent.has(ka)) this.parent.set(ka, ka);
    if (!this.parent.has(kb)) this.parent.set(kb, kb);
    const ra = this.find(ka);
    const rb = this.find(kb);
    // the smaller key is the root, so classes do not depend on insertion order
    if (ra < rb) this.parent.set(rb, ra);
    else if (rb < ra) this.parent.set(ra, rb);
  }
}

// ---------------------------------------------------------------------------------------------
// Counting

class Counter {
  goldTotal = 0;
  goldMatched = 0;
  predictedTotal = 0;
  predictedMatched = 0;

  addGold(matched: boolean): void {
    this.goldTotal++;
    if (matched) this.goldMatched++;
  }

  addPredicted(matched: boolean): void {
    this.predictedTotal++;
    if (matched) this.predictedMatched++;
  }

  prf(): Prf {
    const precision = this.predictedTotal ? this.predictedMatched / this.predictedTotal : 1;
    const recall = this.goldTotal ? this.goldMatched / this.goldTotal : 1;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return {
      goldTotal: this.goldTotal,
      goldMatched: this.goldMatched,
      predictedTotal: this.predictedTotal,
      predictedMatched: this.predictedMatched,
      precision,
      recall,
      f1,
    };
  }
}

function counters<K extends string>(keys: readonly K[]): Record<K, Counter> {
  return Object.fromEntries(keys.map((k) => [k, new Counter()])) as Record<K, Counter>;
}

function prfs<K extends string>(record: Record<K, Counter>): Record<K, Prf> {
  return Object.fromEntries(
    Object.entries(record).map(([k, c]) => [k, (c as Counter).prf()]),
  ) as Record<K, Prf>;
}

/** A gold entity of one paper: every role it takes, and every key that names it. */
interface GoldEntity {
  name: string;
  kind: EntityKind;
  roles: Set<string>;
  keys: Set<string>;
}

/** A predicted entity of one paper (deduplicated by alias class). */
interface PredEntity {
  name: string;
  kinds: Set<string>;
  roles: Set<string>;
  key: string;
}

function goldEntities(paper: GoldPaper, aliases: AliasIndex): GoldEntity[] {
  const byKey = new Map<string, GoldEntity>();
  for (const m of paper.mentions) {
    const key = aliases.key(m.name);
    let entity = byKey.get(key);
    if (!entity) {
      entity = { name: m.name, kind: m.kind, roles: new Set(), keys: new Set([key]) };
      byKey.set(key, entity);
    }
    entity.roles.add(m.role);
    for (const a of m.aliases ?? []) entity.keys.add(aliases.key(a));
  }
  return [...byKey.values()];
}

function predEntities(paper: PredictedPaper | undefined, aliases: AliasIndex): PredEntity[] {
  const byKey = new Map<string, PredEntity>();
  for (const m of paper?.mentions ?? []) {
    const key = aliases.key(m.name);
    if (!key) continue;
    let entity = byKey.get(key);
    if (!entity) {
      entity = { name: m.name, kinds: new Set(), roles: new Set(), key };
      byKey.set(key, entity);
    }
    entity.kinds.add(m.kind);
    entity.roles.add(m.role);
  }
  return [...byKey.values()];
}

/** The gold entity a prediction names, if any (an exact class match wins over a mention alias). */
function goldFor(pred: PredEntity, gold: GoldEntity[]): GoldEntity | undefined {
  return gold.find((g) => [...g.keys][0] === pred.key) ?? gold.find((g) => g.keys.has(pred.key));
}

const isNamed = (kind: string): boolean => kind !== 'TASK';
const label = (name: string, kind: string, role: string): MentionLabel => ({ name, kind, role });

// ---------------------------------------------------------------------------------------------
// Scoring

export function scoreExtraction(
  gold: GoldFile,
  predicted: PredictedFile,
  options: ScoreOptions = {},
): ScoreReport {
  const aliases = new AliasIndex(gold.aliases, options.aliases);

  const predByTitle = new Map<string, PredictedPaper>();
  for (const p of predicted.papers) {
    const key = normalizeTitle(p.title);
    const existing = predByTitle.get(key);
    if (existing) existing.mentions = [...existing.mentions, ...p.mentions];
    else predByTitle.set(key, { title: p.title, mentions: [...p.mentions] });
  }
  const goldTitles = new Set(gold.papers.map((p) => normalizeTitle(p.title)));

  const links = new Counter();
  const linksWithRole = new Counter();
  const named = new Counter();
  const byRole = counters(LINK_ROLES);
  const byKind = counters(ENTITY_KINDS);
  let kindMatched = 0;
  let kindAgree = 0;
  const perPaper: PaperDetail[] = [];

  for (const goldPaper of gold.papers) {
    const predPaper = predByTitle.get(normalizeTitle(goldPaper.title));
    const g = goldEntities(goldPaper, aliases);
    const p = predEntities(predPaper, aliases);
    const matchOf = new Map<PredEntity, GoldEntity | undefined>(p.map((e) => [e, goldFor(e, g)]));
    const recalled = new Set<GoldEntity>([...matchOf.values()].filter((e) => e !== undefined));
    const detail: PaperDetail = {
      title: goldPaper.title,
      predicted: predPaper !== undefined,
      missedEntities: [],
      spuriousEntities: [],
      missedLinks: [],
      spuriousLinks: [],
      roleConfusions: [],
    };

    // (a) and (c), and kinds
    for (const ge of g) {
      const hit = recalled.has(ge);
      links.addGold(hit);
      byKind[ge.kind]?.addGold(hit);
      if (!hit) detail.missedEntities.push(label(ge.name, ge.kind, [...ge.roles].join('|')));
      if (isNamed(ge.kind)) {
        const namedHit = p.some((pe) => matchOf.get(pe) === ge && [...pe.kinds].some(isNamed));
        named.addGold(namedHit);
      }
    }
    for (const pe of p) {
      const ge = matchOf.get(pe);
      links.addPredicted(ge !== undefined);
      for (const kind of pe.kinds) byKind[kind as EntityKind]?.addPredicted(ge !== undefined);
      if (!ge) {
        detail.spuriousEntities.push(
          label(pe.name, [...pe.kinds].join('|'), [...pe.roles].join('|')),
        );
      } else {
        kindMatched++;
        if (pe.kinds.has(ge.kind)) kindAgree++;
      }
      if ([...pe.kinds].some(isNamed)) named.addPredicted(ge !== undefined && isNamed(ge.kind));
    }

    // (b): (entity, role) pairs
    for (const ge of g) {
      const predRoles = new Set<string>();
      for (const pe of p) if (matchOf.get(pe) === ge) pe.roles.forEach((r) => predRoles.add(r));
      for (const role of ge.roles) {
        const hit = predRoles.has(role);
        linksWithRole.addGold(hit);
        byRole[role as LinkRole]?.addGold(hit);
        if (!hit) detail.missedLinks.push(label(ge.name, ge.kind, role));
      }
      if (predRoles.size > 0 && [...ge.roles].some((r) => !predRoles.has(r))) {
        detail.roleConfusions.push({
          name: ge.name,
          gold: [...ge.roles],
          predicted: [...predRoles],
        });
      }
    }
    for (const pe of p) {
      const ge = matchOf.get(pe);
      for (const role of pe.roles) {
        const hit = ge !== undefined && ge.roles.has(role);
        linksWithRole.addPredicted(hit);
        byRole[role as LinkRole]?.addPredicted(hit);
        if (!hit) detail.spuriousLinks.push(label(pe.name, [...pe.kinds].join('|'), role));
      }
    }
    perPaper.push(detail);
  }

  // (d): lineage, corpus level
  const pairKey = (child: string, parent: string): string =>
    `${aliases.key(child)}\u0000${aliases.key(parent)}`;
  const goldPairs = new Map<string, LineageLabel>();
  const goldTriples = new Map<string, LineageLabel>();
  for (const e of gold.lineage) {
    goldPairs.set(pairKey(e.child, e.parent), e);
    goldTriples.set(`${pairKey(e.child, e.parent)}\u0000${e.relation}`, e);
  }
  const predPairs = new Map<string, LineageLabel>();
  const predTriples = new Map<string, LineageLabel>();
  for (const e of predicted.lineage ?? []) {
    predPairs.set(pairKey(e.child, e.parent), e);
    predTriples.set(`${pairKey(e.child, e.parent)}\u0000${e.relation}`, e);
  }
  const lineage = new Counter();
  const lineageWithRelation = new Counter();
  const lineageErrors: ScoreReport['lineageErrors'] = { missed: [], spurious: [] };
  const lin = (e: LineageLabel): LineageLabel => ({
    child: e.child,
    parent: e.parent,
    relation: e.relation,
  });
  for (const [k, e] of goldPairs) {
    lineage.addGold(predPairs.has(k));
    if (!predPairs.has(k)) lineageErrors.missed.push(lin(e));
  }
  for (const [k, e] of predPairs) {
    lineage.addPredicted(goldPairs.has(k));
    if (!goldPairs.has(k)) lineageErrors.spurious.push(lin(e));
  }
  for (const k of goldTriples.keys()) lineageWithRelation.addGold(predTriples.has(k));
  for (const k of predTriples.keys()) lineageWithRelation.addPredicted(goldTriples.has(k));

  const matchedPapers = gold.papers.filter((p) => predByTitle.has(normalizeTitle(p.title)));
  return {
    papers: {
      gold: gold.papers.length,
      predicted: predicted.papers.length,
      matched: matchedPapers.length,
      missingFromPrediction: gold.papers
        .filter((p) => !predByTitle.has(normalizeTitle(p.title)))
        .map((p) => p.title),
      notInGold: [...predByTitle.entries()]
        .filter(([k]) => !goldTitles.has(k))
        .map(([, p]) => p.title),
    },
    links: links.prf(),
    linksWithRole: linksWithRole.prf(),
    namedEntities: named.prf(),
    lineage: lineage.prf(),
    lineageWithRelation: lineageWithRelation.prf(),
    byRole: prfs(byRole),
    byKind: prfs(byKind),
    kindAgreement: {
      matched: kindMatched,
      agree: kindAgree,
      rate: kindMatched ? kindAgree / kindMatched : 1,
    },
    perPaper,
    lineageErrors,
  };
}

// ---------------------------------------------------------------------------------------------
// Input validation

function fail(file: string, detail: string): never {
  throw new InputError(file, undefined, detail);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, file: string, where: string): string {
  if (typeof v !== 'string' || !v.trim()) fail(file, `${where} must be a non-empty string`);
  return v;
}

function oneOf<T extends string>(
  v: unknown,
  allowed: readonly T[],
  file: string,
  where: string,
): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    fail(file, `${where} must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)})`);
  }
  return v as T;
}

function parseAliases(v: unknown, file: string, where: string): Record<string, string[]> {
  if (!isObject(v)) fail(file, `${where} must be an object of name -> [aliases]`);
  const out: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(v)) {
    if (!Array.isArray(list)) fail(file, `${where}.${k} must be an array of strings`);
    out[k] = list.map((a, i) => str(a, file, `${where}.${k}[${i}]`));
  }
  return out;
}

/** Checks the shape of a gold file (kinds, roles and relations must be the model's). */
export function parseGold(data: unknown, file = 'gold'): GoldFile {
  if (!isObject(data) || !Array.isArray(data.papers)) fail(file, 'expected { "papers": [...] }');
  const papers = data.papers.map((p: unknown, i: number): GoldPaper => {
    const where = `papers[${i}]`;
    if (!isObject(p) || !Array.isArray(p.mentions)) fail(file, `${where} needs title and mentions`);
    return {
      title: str(p.title, file, `${where}.title`),
      mentions: p.mentions.map((m: unknown, j: number): GoldMention => {
        const w = `${where}.mentions[${j}]`;
        if (!isObject(m)) fail(file, `${w} must be an object`);
        const mention: GoldMention = {
          name: str(m.name, file, `${w}.name`),
          kind: oneOf(m.kind, ENTITY_KINDS, file, `${w}.kind`),
          role: oneOf(m.role, LINK_ROLES, file, `${w}.role`),
        };
        if (m.aliases !== undefined) {
          if (!Array.isArray(m.aliases)) fail(file, `${w}.aliases must be an array`);
          mention.aliases = m.aliases.map((a, k) => str(a, file, `${w}.aliases[${k}]`));
        }
        return mention;
      }),
    };
  });
  const lineageRaw = data.lineage ?? [];
  if (!Array.isArray(lineageRaw)) fail(file, '"lineage" must be an array');
  const lineage = lineageRaw.map((e: unknown, i: number): GoldLineage => {
    const w = `lineage[${i}]`;
    if (!isObject(e)) fail(file, `${w} must be an object`);
    return {
      child: str(e.child, file, `${w}.child`),
      parent: str(e.parent, file, `${w}.parent`),
      relation: oneOf(e.relation, LINEAGE_RELATIONS, file, `${w}.relation`),
      ...(typeof e.title === 'string' ? { title: e.title } : {}),
    };
  });
  const gold: GoldFile = { papers, lineage };
  if (data.aliases !== undefined) gold.aliases = parseAliases(data.aliases, file, 'aliases');
  return gold;
}

/** Checks the shape of an extractor dry-run (kinds and roles are taken as given). */
export function parsePredicted(data: unknown, file = 'predicted'): PredictedFile {
  if (!isObject(data) || !Array.isArray(data.papers)) fail(file, 'expected { "papers": [...] }');
  const papers = data.papers.map((p: unknown, i: number): PredictedPaper => {
    const where = `papers[${i}]`;
    if (!isObject(p)) fail(file, `${where} must be an object`);
    const mentions = p.mentions ?? [];
    if (!Array.isArray(mentions)) fail(file, `${where}.mentions must be an array`);
    return {
      title: str(p.title, file, `${where}.title`),
      mentions: mentions.map((m: unknown, j: number): PredictedMention => {
        const w = `${where}.mentions[${j}]`;
        if (!isObject(m)) fail(file, `${w} must be an object`);
        return {
          name: str(m.name, file, `${w}.name`),
          kind: str(m.kind, file, `${w}.kind`),
          role: str(m.role, file, `${w}.role`),
          ...(typeof m.evidence === 'string' ? { evidence: m.evidence } : {}),
        };
      }),
    };
  });
  const lineageRaw = data.lineage ?? [];
  if (!Array.isArray(lineageRaw)) fail(file, '"lineage" must be an array');
  const lineage = lineageRaw.map((e: unknown, i: number): PredictedLineage => {
    const w = `lineage[${i}]`;
    if (!isObject(e)) fail(file, `${w} must be an object`);
    return {
      child: str(e.child, file, `${w}.child`),
      parent: str(e.parent, file, `${w}.parent`),
      relation: str(e.relation, file, `${w}.relation`),
    };
  });
  return { papers, lineage };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    fail(file, `cannot read: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(file, `invalid JSON: ${(err as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Report formatting

const pct = (x: number): string => `${(100 * x).toFixed(1)}`.padStart(6);

function row(label: string, s: Prf): string {
  return [
    label.padEnd(34),
    pct(s.precision),
    pct(s.recall),
    pct(s.f1),
    `${s.predictedMatched}/${s.predictedTotal}`.padStart(11),
    `${s.goldMatched}/${s.goldTotal}`.padStart(11),
  ].join('  ');
}

export function formatReport(report: ScoreReport, details = false): string {
  const out: string[] = [];
  const p = report.papers;
  out.push(`papers: gold ${p.gold}, predicted ${p.predicted}, matched ${p.matched}`);
  if (p.missingFromPrediction.length) {
    out.push(`  gold papers missing from prediction (${p.missingFromPrediction.length}):`);
    for (const t of p.missingFromPrediction) out.push(`    - ${t}`);
  }
  if (p.notInGold.length) {
    out.push(`  predicted papers not in gold, ignored (${p.notInGold.length}):`);
    for (const t of p.notInGold) out.push(`    - ${t}`);
  }
  out.push('');
  out.push(
    [
      'metric'.padEnd(34),
      '     P',
      '     R',
      '    F1',
      'pred ok/all'.padStart(11),
      'gold hit/all'.padStart(11),
    ].join('  '),
  );
  out.push(row('(a) links (paper, entity)', report.links));
  out.push(row('(b) links (paper, entity, role)', report.linksWithRole));
  out.push(row('(c) named entities (no TASK)', report.namedEntities));
  out.push(row('(d) lineage (child, parent)', report.lineage));
  out.push(row('(d) lineage + relation', report.lineageWithRelation));
  out.push('');
  for (const role of LINK_ROLES) out.push(row(`  role ${role}`, report.byRole[role]));
  for (const kind of ENTITY_KINDS) out.push(row(`  kind ${kind}`, report.byKind[kind]));
  const k = report.kindAgreement;
  out.push(`kind agreement on matched entities: ${k.agree}/${k.matched} (${pct(k.rate).trim()}%)`);

  if (details) {
    out.push('', '=== per-paper errors ===');
    const fmt = (m: MentionLabel): string => `${m.name} [${m.kind} ${m.role}]`;
    for (const d of report.perPaper) {
      const clean =
        !d.missedEntities.length &&
        !d.spuriousEntities.length &&
        !d.missedLinks.length &&
        !d.spuriousLinks.length;
      if (clean) continue;
      out.push('', `# ${d.title}${d.predicted ? '' : '  (NOT PREDICTED)'}`);
      if (d.missedEntities.length) out.push(`  FN entity: ${d.missedEntities.map(fmt).join('; ')}`);
      if (d.spuriousEntities.length)
        out.push(`  FP entity: ${d.spuriousEntities.map(fmt).join('; ')}`);
      for (const c of d.roleConfusions) {
        out.push(
          `  role: ${c.name} gold ${c.gold.join('|')} vs predicted ${c.predicted.join('|')}`,
        );
      }
    }
    const fl = (e: LineageLabel): string => `${e.child} -> ${e.parent} (${e.relation})`;
    out.push('', '=== lineage errors ===');
    for (const e of report.lineageErrors.missed) out.push(`  FN ${fl(e)}`);
    for (const e of report.lineageErrors.spurious) out.push(`  FP ${fl(e)}`);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE =
  'usage: node dist/bench/extraction/score.js <gold.json> <predicted.json> [--details] [--json] [--aliases <aliases.json>]';

export function main(argv: string[]): number {
  const positional: string[] = [];
  let details = false;
  let json = false;
  let aliasFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--details') details = true;
    else if (arg === '--json') json = true;
    else if (arg === '--aliases') aliasFile = argv[++i];
    else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith('--')) {
      console.error(`unknown option ${arg}\n${USAGE}`);
      return 2;
    } else positional.push(arg);
  }
  if (positional.length !== 2 || (argv.includes('--aliases') && !aliasFile)) {
    console.error(USAGE);
    return 2;
  }
  try {
    const [goldFile, predFile] = positional;
    const gold = parseGold(readJson(goldFile), goldFile);
    const predicted = parsePredicted(readJson(predFile), predFile);
    const aliases = aliasFile ? parseAliases(readJson(aliasFile), aliasFile, 'aliases') : undefined;
    const report = scoreExtraction(gold, predicted, { aliases });
    console.log(json ? JSON.stringify(report, null, 2) : formatReport(report, details));
    return 0;
  } catch (err) {
    if (err instanceof InputError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
