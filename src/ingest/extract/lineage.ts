import { EntityKind, LineageRelation } from '../../model';
import { foldedKey } from '../resolve/normalize';
import { Sentence } from './sentences';
import { isBreak } from './surface-index';

/**
 * Child -> parent edges between entities of one paper, from two sources:
 *
 * - cue phrases: "Following BERT, we ..." (INSPIRED_BY), "distilled from X" (DISTILLED_FROM),
 *   "fine-tuning MiniGPT-4", "on top of X" (FINETUNED_FROM), "combines X and Y" (COMBINES),
 *   "builds upon X", "based on X", "extends X" (EXTENDS), "a variant of X" (VARIANT_OF). The child
 *   is the name the clause is about (the nearest name before the cue), or, when the clause is
 *   about "we", the paper's own main entity.
 * - name morphology: a name the paper introduces, built from a known name, is a variant of it
 *   ("Fast-HuBERT" from HuBERT, "LongVILA" from VILA, "CASE-BERT" from BERT), unless a cue
 *   already gave the child a parent in this paper (InstructionGPT-4 is fine-tuned from
 *   MiniGPT-4, not a GPT-4 variant). Names the paper only mentions (baselines such as
 *   "DAB-DETR") get no parent from their spelling: the text says nothing about their lineage.
 */

export interface LineageEntity {
  kind: EntityKind;
  /** Whether the lexicon knows the entity (then only the lexicon gives it morphological parents). */
  entry?: unknown;
  /** Every written form of the entity in this paper (and its lexicon forms). */
  names: string[];
  /** Whether the paper introduces the entity (its own model, method or dataset). */
  introduced?: boolean;
}

export interface LineageMention<E> {
  entity: E;
  sentence: Sentence;
  start: number;
  end: number;
}

export interface LineageEdge<E> {
  child: E;
  parent: E;
  relation: LineageRelation;
  evidence: string;
  confidence: number;
}

interface Cue {
  relation: LineageRelation;
  /** Word sequences (lower-case, hyphens removed); "|" separates alternatives. */
  words: string[];
  /** COMBINES takes every name after the cue; others take the first. */
  many?: boolean;
}

const CUES: Cue[] = [
  { relation: 'INSPIRED_BY', words: ['following'] },
  { relation: 'INSPIRED_BY', words: ['inspired|motivated', 'by'] },
  { relation: 'INSPIRED_BY', words: ['in', 'the', 'spirit', 'of'] },
  { relation: 'DISTILLED_FROM', words: ['distill|distills|distilled|distilling', 'from'] },
  {
    relation: 'DISTILLED_FROM',
    words: [
      'distill|distills|distilled|distilling',
      'knowledge|capabilities|weights|representations',
      'from',
    ],
  },
  { relation: 'DISTILLED_FROM', words: ['teacher'] },
  { relation: 'FINETUNED_FROM', words: ['finetuned|finetunes|finetuning|finetune', 'from'] },
  { relation: 'FINETUNED_FROM', words: ['finetuned|finetunes|finetuning|finetune'] },
  { relation: 'FINETUNED_FROM', words: ['initialized|initialised', 'from|with'] },
  { relation: 'FINETUNED_FROM', words: ['on', 'top', 'of'] },
  { relation: 'FINETUNED_FROM', words: ['continually|further', 'pretrain|pretrained|pretraining'] },
  { relation: 'COMBINES', words: ['combines|combine|combining|combined'], many: true },
  { relation: 'COMBINES', words: ['combination', 'of'], many: true },
  { relation: 'EXTENDS', words: ['extends|extend|extending'] },
  { relation: 'EXTENDS', words: ['extension', 'of'] },
  { relation: 'EXTENDS', words: ['based', 'on'] },
  { relation: 'EXTENDS', words: ['built|builds|building', 'on|upon'] },
  { relation: 'VARIANT_OF', words: ['variant|version', 'of'] },
];

/** Words allowed between a cue and the parent's name ("inspired by the idea of GANs"). */
const FILLER = new Set([
  'the',
  'a',
  'an',
  'pretrained',
  'original',
  'existing',
  'popular',
  'recent',
  'success',
  'of',
  'idea',
  'ideas',
  'vanilla',
  'standard',
  'powerful',
  'strong',
  'large',
  'public',
  'widely',
  'used',
  'wellknown',
  'knowledge',
  'from',
  'model',
  'models',
  'both',
  'recently',
  'proposed',
]);

const CLAUSE_BREAKERS = new Set([';', ':', '.', 'while', 'whereas', 'but', 'although']);

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Chunks of glued tokens, lower-cased, hyphens removed: "fine-tuned" -> "finetuned". */
function words(sentence: Sentence): Word[] {
  const result: Word[] = [];
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length;) {
    let end = i + 1;
    if (!isBreak(tokens[i])) {
      while (end < tokens.length && !tokens[end].ws && !isBreak(tokens[end])) end++;
    }
    const text = sentence.text
      .slice(tokens[i].start, tokens[end - 1].end)
      .toLowerCase()
      .replace(/-/g, '');
    result.push({ text, start: i, end });
    i = end;
  }
  return result;
}

const CUE_WORDS: Array<Array<Set<string>>> = CUES.map((cue) =>
  cue.words.map((w) => new Set(w.split('|'))),
);
const FIRST_WORDS = new Set(CUE_WORDS.flatMap((words) => [...words[0]]));
/**
 * A word is a slice of its sentence, lower-cased and without hyphens, so a sentence whose text,
 * read the same way, contains no first word of a cue has no cue: most sentences are ruled out
 * without splitting them into words.
 */
const ANY_FIRST_WORD = new RegExp([...FIRST_WORDS].join('|'));

function mayHoldCue(sentence: Sentence): boolean {
  return ANY_FIRST_WORD.test(sentence.text.toLowerCase().replace(/-/g, ''));
}

function cueLength(ws: Word[], at: number, cue: number): number {
  const words = CUE_WORDS[cue];
  for (let k = 0; k < words.length; k++) {
    const word = ws[at + k];
    if (!word || !words[k].has(word.text)) return 0;
  }
  return words.length;
}

export function findLineage<E extends LineageEntity>(
  sentences: Sentence[],
  mentions: Array<LineageMention<E>>,
  primary: E | undefined,
  findEntity: (surface: string) => E | undefined,
): Array<LineageEdge<E>> {
  const edges: Array<LineageEdge<E>> = [];
  const bySentence = new Map<Sentence, Array<LineageMention<E>>>();
  for (const mention of mentions) {
    const list = bySentence.get(mention.sentence) ?? [];
    list.push(mention);
    bySentence.set(mention.sentence, list);
  }

  for (const sentence of sentences) {
    const inSentence = (bySentence.get(sentence) ?? []).sort((a, b) => a.start - b.start);
    if (inSentence.length === 0 || !mayHoldCue(sentence)) continue;
    const ws = words(sentence);
    for (let w = 0; w < ws.length; w++) {
      if (!FIRST_WORDS.has(ws[w].text)) continue;
      for (let c = 0; c < CUES.length; c++) {
        const cue = CUES[c];
        const length = cueLength(ws, w, c);
        if (!length) continue;
        const cueStart = ws[w].start;
        const parents = parentsAfter(sentence, ws, w + length, inSentence, cue.many ?? false);
        if (parents.length === 0) continue;
        const child = childOf(sentence, cueStart, inSentence, primary);
        if (!child || parents.some((p) => p === child)) continue;
        for (const parent of parents) {
          if (!kindsFit(cue.relation, child.kind, parent.kind)) continue;
          edges.push({
            child,
            parent,
            relation: cue.relation,
            evidence: sentence.text,
            confidence: cue.relation === 'COMBINES' || cue.relation === 'INSPIRED_BY' ? 0.75 : 0.8,
          });
        }
        break;
      }
    }
  }

  // "X Extension" in a title: "Parameter-free LLaVA Extension from Images to Videos".
  const title = sentences.find((s) => s.isTitle);
  if (title && primary) {
    for (const mention of bySentence.get(title) ?? []) {
      if (title.tokens[mention.end]?.lower === 'extension' && mention.entity !== primary) {
        edges.push({
          child: primary,
          parent: mention.entity,
          relation: 'EXTENDS',
          evidence: title.text,
          confidence: 0.75,
        });
      }
    }
  }

  const cueChildren = new Set(edges.map((e) => e.child));
  const seen = new Set<E>();
  for (const mention of mentions) {
    const child = mention.entity;
    // Only the paper's own names: a baseline named "DAB-DETR" says nothing about DETR here.
    if (seen.has(child) || cueChildren.has(child) || child.entry || !child.introduced) continue;
    seen.add(child);
    const parent = morphologicalParent(child, findEntity);
    if (!parent) continue;
    edges.push({
      child,
      parent,
      relation: 'VARIANT_OF',
      evidence: mention.sentence.text,
      confidence: 0.65,
    });
  }
  return dedupeEdges(edges);
}

/**
 * Which kinds a relation joins: weights come from models (fine-tuning, distillation), a dataset
 * derives only from a dataset, and tasks have no lineage.
 */
function kindsFit(relation: LineageRelation, child: EntityKind, parent: EntityKind): boolean {
  if (child === 'TASK' || parent === 'TASK') return false;
  if (relation === 'FINETUNED_FROM' || relation === 'DISTILLED_FROM') {
    return child === 'MODEL' && parent === 'MODEL';
  }
  if (relation === 'INSPIRED_BY') return child !== 'DATASET' && parent !== 'DATASET';
  return (child === 'DATASET') === (parent === 'DATASET');
}

/** Words that end the list of things a name combines ("... MLM for self-supervised ..."). */
const LIST_END = new Set([
  'for',
  'in',
  'on',
  'to',
  'via',
  'by',
  'into',
  'of',
  'that',
  'which',
  'where',
  'through',
  'at',
  'as',
  'within',
  'across',
  'under',
  'over',
  'while',
  'so',
]);

/** The names right after a cue, skipping filler words; several only for COMBINES. */
function parentsAfter<E>(
  sentence: Sentence,
  ws: Word[],
  from: number,
  mentions: Array<LineageMention<E>>,
  many: boolean,
): E[] {
  const found: E[] = [];
  let w = from;
  let skipped = 0;
  while (w < ws.length) {
    const word = ws[w];
    const mention = mentions.find((m) => m.start === word.start);
    if (mention) {
      if (!found.includes(mention.entity)) found.push(mention.entity);
      if (!many) return found;
      w = ws.findIndex((x) => x.start >= mention.end);
      if (w < 0) break;
      continue;
    }
    if (CLAUSE_BREAKERS.has(word.text)) break;
    if (many && word.text === '(') {
      const close = ws.findIndex((x, k) => k > w && x.text === ')');
      if (close < 0) break;
      w = close + 1;
      continue;
    }
    const separator = many && found.length > 0 && [',', 'and', 'with', 'or'].includes(word.text);
    if (many && found.length > 0 && LIST_END.has(word.text)) break;
    const skippable =
      FILLER.has(word.text) || (many && /^[a-z]+$/.test(word.text) && !LIST_END.has(word.text));
    if (!separator && (isBreak(sentence.tokens[word.start]) || !skippable)) break;
    if (++skipped > 6) break;
    w++;
  }
  return found;
}

/**
 * The entity a lineage cue is about: the nearest name before it in the same clause, or the
 * paper's main entity when the clause is about "we" (or the cue opens the sentence).
 */
function childOf<E>(
  sentence: Sentence,
  cueStart: number,
  mentions: Array<LineageMention<E>>,
  primary: E | undefined,
): E | undefined {
  const tokens = sentence.tokens;
  // "X, inspired by Y": the cue describes the unnamed phrase before the comma.
  const afterComma = tokens[cueStart - 1]?.text === ',';
  for (let i = mentions.length - 1; i >= 0; i--) {
    const mention = mentions[i];
    if (mention.end > cueStart) continue;
    const between = tokens.slice(mention.end, cueStart);
    const words = between.filter((t) => t.ws && !insideParentheses(tokens, t)).length;
    if (words > 8) break;
    // A citation's "et al." inside parentheses does not end the clause.
    const outside = between.filter((t) => !insideParentheses(tokens, t));
    if (outside.some((t) => CLAUSE_BREAKERS.has(t.lower) || t.lower === 'we')) break;
    if (afterComma && between.length > 1 && !appositionOf(between)) break;
    return mention.entity;
  }
  if (!primary) return undefined;
  // Otherwise only a clause about "we" or the title is about the paper's own entity:
  // "Following BERT, we ...", "We are inspired by ImageMAE", "we extend KD ...".
  if (sentence.isTitle) return primary;
  if (cueStart <= 1) return primary;
  let k = cueStart - 1;
  while (k >= 0 && (SUBJECT_WORDS.has(tokens[k].lower) || /ly$/.test(tokens[k].lower))) k--;
  return k >= 0 && tokens[k].lower === 'we' ? primary : undefined;
}

const SUBJECT_WORDS = new Set([
  'are',
  'were',
  'further',
  'also',
  'first',
  'then',
  'thus',
  'hereby',
  'here',
]);

function insideParentheses(tokens: Sentence['tokens'], token: Sentence['tokens'][number]): boolean {
  const index = tokens.indexOf(token);
  let depth = 0;
  for (let i = 0; i < index; i++) {
    if (tokens[i].text === '(') depth++;
    else if (tokens[i].text === ')') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** "X, a ... model": the words between a name and a cue form an apposition to the name. */
function appositionOf(between: Sentence['tokens']): boolean {
  return between[0]?.text === ',' && ['a', 'an', 'the'].includes(between[1]?.lower ?? '');
}

/**
 * The known entity a name is derived from: a prefix or suffix of its name, cut at a hyphen, a
 * space or a case change ("Long|VILA", "Fast-|HuBERT", "Poly|Pythias"). The longest such part
 * wins; a dataset never derives from a model or method, nor the reverse.
 */
function morphologicalParent<E extends LineageEntity>(
  child: E,
  findEntity: (surface: string) => E | undefined,
): E | undefined {
  let best: { entity: E; length: number; sameKind: boolean } | undefined;
  for (const name of child.names) {
    // "bert2BERT", "Dialog2Flow", "T2I": "X2Y" names convert, they do not derive.
    if (/[A-Za-z]2[A-Z]/.test(name)) continue;
    for (const part of nameParts(name)) {
      const entity = findEntity(part);
      if (!entity || entity === child) continue;
      // "ChartSFT" (a dataset) is not a variant of SFT (a method), nor "InfMoE" of MoE; a
      // method may be named after the model it speeds up ("Fast-HuBERT").
      const fits =
        entity.kind === child.kind || (entity.kind === 'MODEL' && child.kind === 'METHOD');
      if (!fits || entity.kind === 'TASK') continue;
      const length = foldedKey(part).length;
      const sameKind = entity.kind === child.kind;
      if (length < 2) continue;
      if (!best || length > best.length || (length === best.length && sameKind && !best.sameKind)) {
        best = { entity, length, sameKind };
      }
    }
  }
  return best?.entity;
}

/** Proper prefixes and suffixes of a name that start or end at a word or case boundary. */
function nameParts(name: string): string[] {
  const cuts: number[] = [];
  for (let i = 1; i < name.length; i++) {
    const a = name[i - 1];
    const b = name[i];
    if (/[-_ ]/.test(a) && !/[-_ ]/.test(b)) cuts.push(i);
    else if (/[a-z]/.test(a) && /[A-Z]/.test(b)) cuts.push(i);
    else if (/[A-Za-z]/.test(a) && /[0-9]/.test(b) && /[A-Z]/.test(name[i - 1])) cuts.push(i);
    else if (/[0-9]/.test(a) && /[A-Z]/.test(b)) cuts.push(i);
  }
  const parts = new Set<string>();
  // "FineWeb2", "InternLM2": a version number glued to the name.
  const versioned = /^(.*[A-Za-z])\d+$/.exec(name);
  if (versioned && versioned[1].length >= 2) parts.add(versioned[1]);
  for (const cut of cuts) {
    const prefix = name.slice(0, cut).replace(/[-_ ]+$/, '');
    const suffix = name.slice(cut);
    if (prefix.length >= 2 && /[A-Za-z]/.test(prefix)) parts.add(prefix);
    if (suffix.length >= 2 && /[A-Za-z]/.test(suffix) && /[A-Z]/.test(suffix[0])) parts.add(suffix);
  }
  return [...parts];
}

function dedupeEdges<E>(edges: Array<LineageEdge<E>>): Array<LineageEdge<E>> {
  const seen = new Set<string>();
  const ids = new Map<E, number>();
  const idOf = (e: E): number => {
    if (!ids.has(e)) ids.set(e, ids.size);
    return ids.get(e)!;
  };
  return edges.filter((edge) => {
    const key = `${idOf(edge.child)}>${idOf(edge.parent)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
