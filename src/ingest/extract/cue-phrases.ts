import { EntityKind } from '../../model';
import {
  appositionKind,
  descriptorKind,
  followingKind,
  headKind,
  lastHeadKind,
} from './head-nouns';
import { NamePhrase, namePhraseAt } from './name-phrases';
import { nameShape } from './name-shapes';
import { Sentence, Token } from './sentences';
import { isBreak } from './surface-index';
import { NON_ENTITY_HEADS } from './stoplist';

/**
 * Phrases that name something: the title's "Name:" prefix, "we propose / introduce / present X",
 * "called / named / dubbed X", "the resulting model, X", "the X dataset". Each finding says
 * whether the paper introduces the name and what kind the surrounding words announce.
 */

export type CueVia = 'title' | 'intro' | 'naming' | 'dataset';

export interface NameCue {
  phrase: NamePhrase;
  sentence: Sentence;
  via: CueVia;
  /** Whether the paper itself proposes the named thing. */
  introduces: boolean;
  kindHint?: EntityKind;
}

const INTRO_VERBS = new Set([
  'propose',
  'proposes',
  'proposed',
  'introduce',
  'introduces',
  'introduced',
  'present',
  'presents',
  'presented',
  'develop',
  'develops',
  'developed',
  'design',
  'designs',
  'designed',
  'build',
  'builds',
  'built',
  'release',
  'releases',
  'released',
  'construct',
  'constructs',
  'constructed',
  'create',
  'creates',
  'created',
  'establish',
  'establishes',
  'established',
  'devise',
  'devised',
  'define',
  'defines',
  'defined',
  'curate',
  'curated',
  'unveil',
  'unveils',
  'contribute',
  'contributes',
  'launch',
  'launches',
  'put',
  'collect',
  'collected',
  'compile',
  'compiled',
  'gather',
  'gathered',
  'assemble',
  'assembled',
]);

/** Gerunds that introduce when the sentence is about "we": "we explore ..., developing X". */
const INTRO_GERUNDS = new Set([
  'proposing',
  'introducing',
  'presenting',
  'developing',
  'designing',
  'building',
  'creating',
  'constructing',
  'releasing',
  'devising',
  'establishing',
]);

const PAPER_NOUNS = new Set(['paper', 'work', 'study', 'report', 'article', 'letter', 'thesis']);

/** Adverbs between the subject and the verb ("we further propose", "we then introduce"). */
const SUBJECT_ADVERBS = new Set([
  'further',
  'also',
  'first',
  'then',
  'hereby',
  'additionally',
  'now',
  'thus',
  'therefore',
  'here',
  'finally',
  'newly',
  'subsequently',
  'next',
  'jointly',
  'herein',
  'hence',
  'instead',
  'consequently',
  'accordingly',
  'thereby',
  'so',
  'still',
  'recently',
  'both',
]);

const NAMING_WORDS = new Set(['called', 'named', 'dubbed', 'termed', 'coined', 'namely']);

/** Stops the search for an intro verb's object: the name must come before these. */
const OBJECT_SEARCH_STOP = new Set([
  'of',
  'for',
  'to',
  'in',
  'on',
  'with',
  'from',
  'by',
  'at',
  'via',
  'through',
  'that',
  'which',
  'where',
  'who',
  'whose',
  'when',
  'while',
  'as',
  'than',
  'into',
  'across',
  'between',
  'among',
  'using',
  'based',
  'without',
  'within',
  'towards',
  'toward',
  'over',
  'under',
  'aimed',
  'upon',
  'inspired',
  'like',
  'such',
  'because',
  'if',
  'and',
  'or',
  'to',
]);

/** "Family", "Technical Report" and the like are not part of a title name. */
const TITLE_NAME_TRAILERS = /\s+(family|suite|series|technical report|report)$/i;

export function findNameCues(sentence: Sentence): NameCue[] {
  const cues: NameCue[] = [];
  const tokens = sentence.tokens;
  const push = (cue: NameCue | undefined): void => {
    if (cue && acceptable(cue)) cues.push(cue);
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (INTRO_VERBS.has(token.lower) && hasIntroSubject(tokens, i)) {
      const verbEnd = token.lower === 'put' && tokens[i + 1]?.lower === 'forward' ? i + 2 : i + 1;
      if (token.lower === 'put' && verbEnd === i + 1) continue;
      for (const cue of introObjects(sentence, verbEnd)) push(cue);
    }
    const namedEntity = token.lower === 'named' && tokens[i + 1]?.lower === 'entity';
    if ((NAMING_WORDS.has(token.lower) && !namedEntity) || isMultiWordNaming(tokens, i)) {
      push(namingCue(sentence, i));
    }
    if (isPassiveIntro(tokens, i)) push(passiveIntro(sentence, i));
    // "our proposed ROPIM", "the proposed Fast-HuBERT": the paper's own contribution by name.
    if (token.lower === 'proposed' && ['our', 'the'].includes(tokens[i - 1]?.lower ?? '')) {
      const phrase = namePhraseAt(sentence, i + 1);
      if (phrase) {
        push({
          phrase,
          sentence,
          via: 'intro',
          introduces: true,
          kindHint: followingKind(sentence, phrase.end),
        });
      }
    }
  }
  push(resultingName(sentence));
  for (const cue of datasetPhrases(sentence)) push(cue);
  return dedupe(cues);
}

/** The name a title announces: "AlignDet: Aligning ...", "InternLM2 Technical Report". */
export function titleNameCue(title: Sentence): NameCue | undefined {
  const tokens = title.tokens;
  let end = tokens.findIndex((t) => t.text === ':');
  if (end < 0) {
    const report = title.text.search(/\s+Technical Report\s*$/i);
    if (report <= 0) return undefined;
    end = tokens.findIndex((t) => t.start >= report);
  }
  if (end <= 0) return undefined;
  let start = 0;
  if (/^(the|a|an)$/i.test(tokens[0].text)) start = 1;
  if (start >= end) return undefined;
  let text = title.text.slice(tokens[start].start, tokens[end - 1].end).trim();
  text = text.replace(TITLE_NAME_TRAILERS, '');
  const words = text.split(/\s+/);
  if (words.length > 4 || !words.every((w) => /^[A-Z0-9]/.test(w) || /[A-Z]/.test(w))) {
    return undefined;
  }
  const shapes = words.map((w) => nameShape(w));
  const named =
    shapes.some((s) => s === 'strong' || s === 'acronym') ||
    (words.length === 1 && shapes[0] === 'weak');
  if (!named) return undefined;
  const textEnd = tokens[start].start + text.length;
  let last = start;
  while (last + 1 < end && tokens[last + 1].end <= textEnd) last++;
  const phrase: NamePhrase = { start, end: last + 1, text, quoted: false, lower: false };
  const rest = tokens.slice(end + 1);
  return { phrase, sentence: title, via: 'title', introduces: true, kindHint: titleKind(rest) };
}

/**
 * The kind the rest of a title announces: "A Universal Chart Multimodal Language Model via ...".
 * Only words before the first preposition describe the thing itself ("... Pre-training for
 * Building Expert Models" is a pre-training method); a model word there beats a training word
 * ("Pre-training an Optimal Biomedical Language Model" names a model).
 */
function titleKind(rest: Token[]): EntityKind | undefined {
  const kinds: EntityKind[] = [];
  for (const token of rest) {
    if (TITLE_PREPOSITIONS.has(token.lower)) break;
    const kind =
      headKind(token.lower) ??
      (/^(learning|modeling|modelling)$/.test(token.lower) ? 'METHOD' : undefined);
    if (kind && kind !== 'TASK') kinds.push(kind);
  }
  return kinds.find((k) => k === 'MODEL' || k === 'DATASET') ?? kinds[0];
}

const TITLE_PREPOSITIONS = new Set([
  'for',
  'via',
  'with',
  'in',
  'on',
  'towards',
  'toward',
  'as',
  'from',
  'by',
  'through',
  'of',
  'using',
  'to',
]);

function hasIntroSubject(tokens: Token[], verb: number): boolean {
  let i = verb - 1;
  while (i >= 0 && (SUBJECT_ADVERBS.has(tokens[i].lower) || /ly$/.test(tokens[i].lower))) i--;
  if (i >= 0 && tokens[i].lower === 'and') {
    // "we develop and release X", "We study how ... and introduce X": the subject is the "we"
    // of the first verb of the clause.
    for (let j = i - 1; j >= 0 && j >= i - 16; j--) {
      if (tokens[j].text === ';' || tokens[j].text === ':') break;
      if (tokens[j].lower === 'we') return j + 1 < i && tokens[j + 1].pos !== 'AUX';
    }
  }
  if (i < 0) return false;
  if (tokens[i].lower === 'we') return true;
  // "we design a pipeline to create MMPR": the purpose of what "we" do.
  if (tokens[i].lower === 'to' && tokens.slice(0, i).some((t) => t.lower === 'we')) return true;
  if (PAPER_NOUNS.has(tokens[i].lower)) {
    const determiner = tokens[i - 1]?.lower;
    return determiner === 'this' || determiner === 'the' || determiner === 'our';
  }
  return false;
}

/** Names right after an intro verb, plus names coordinated with the first one. */
function introObjects(sentence: Sentence, from: number): NameCue[] {
  const tokens = sentence.tokens;
  const found: NameCue[] = [];
  for (let j = from; j < tokens.length && j < from + 14; j++) {
    const token = tokens[j];
    if (OBJECT_SEARCH_STOP.has(token.lower)) return found;
    // "a novel ... tokenisation mechanism, K-Tokeniser, for ...": a name in apposition.
    if (token.text === ',' && headKind(tokens[j - 1]?.lower ?? '')) {
      const named = namePhraseAt(sentence, j + 1);
      if (named && tokens[named.end]?.text === ',') {
        found.push({
          phrase: named,
          sentence,
          via: 'intro',
          introduces: true,
          kindHint: headKind(tokens[j - 1].lower),
        });
      }
      return found;
    }
    if (isBreak(token) && token.text !== '"' && token.text !== '(') return found;
    if (
      token.ws &&
      j > from &&
      (token.pos === 'VERB' || token.pos === 'AUX') &&
      !/ed$/.test(token.lower)
    ) {
      return found;
    }
    if (token.text === '(') continue;
    const phrase = namePhraseAt(sentence, j);
    if (!phrase) continue;
    // 'we define a "flip rate"': a quoted lower-case term is a notion, not a name.
    if (phrase.quoted && !/[A-Z]/.test(phrase.text)) return found;
    const descriptor = descriptorKind(sentence, phrase.start);
    found.push({
      phrase,
      sentence,
      via: 'intro',
      introduces: true,
      kindHint:
        appositionKind(sentence, phrase.end) ?? descriptor ?? followingKind(sentence, phrase.end),
    });
    for (const next of coordinatedNames(sentence, phrase)) {
      found.push({
        phrase: next,
        sentence,
        via: 'intro',
        introduces: true,
        kindHint: appositionKind(sentence, next.end) ?? followingKind(sentence, next.end),
      });
    }
    return found;
  }
  return found;
}

/** Names coordinated with a first one: "DistilCodec and UniTTS", "A, B and C". */
function coordinatedNames(sentence: Sentence, first: NamePhrase): NamePhrase[] {
  const tokens = sentence.tokens;
  const found: NamePhrase[] = [];
  let k = first.end;
  let separated = false;
  while (k < tokens.length) {
    if (tokens[k].text === '(' && !separated) {
      const close = tokens.findIndex((t, x) => x > k && t.text === ')');
      if (close < 0) break;
      k = close + 1;
      continue;
    }
    if (tokens[k].text === ',' || tokens[k].lower === 'and' || tokens[k].lower === 'or') {
      separated = true;
      k++;
      continue;
    }
    if (!separated) break;
    const next = namePhraseAt(sentence, k);
    if (!next) break;
    found.push(next);
    k = next.end;
    separated = false;
  }
  return found;
}

function isMultiWordNaming(tokens: Token[], i: number): boolean {
  const a = tokens[i].lower;
  const b = tokens[i + 1]?.lower;
  return (
    (a === 'known' && b === 'as') ||
    (a === 'referred' && b === 'to') ||
    (a === 'denoted' && b === 'as') ||
    (a === 'we' && (b === 'call' || b === 'name' || b === 'dub' || b === 'coin'))
  );
}

/** "a ... method called crosscoders", "(dubbed as ROM)", "named as GanLM". */
function namingCue(sentence: Sentence, at: number): NameCue | undefined {
  const tokens = sentence.tokens;
  let j = at + 1;
  if (isMultiWordNaming(tokens, at)) j = at + 2;
  if (tokens[at].lower === 'referred' && tokens[j]?.lower === 'as') j++;
  if (tokens[j]?.lower === 'as') j++;
  if (tokens[j]?.text === ':') j++;
  if (tokens[j]?.lower === 'the' && /^[A-Z"]/.test(tokens[j + 1]?.text ?? '')) j++;
  const phrase = namePhraseAt(sentence, j, true);
  if (!phrase) return undefined;
  const descriptor = descriptorKind(sentence, at + 1);
  const before = descriptor ?? lastHeadBefore(sentence, at);
  if (phrase.lower) {
    // Lower-case names need a method/model/dataset noun before the cue or an acronym after them.
    const acronymAfter = tokens[phrase.end]?.text === '(';
    if (!acronymAfter && (!before || before === 'TASK')) return undefined;
  }
  // "a pre-trained encoder we call GeoPoint-MAE": authors name only what they made.
  const coinedByUs = tokens[at].lower === 'we';
  return {
    phrase,
    sentence,
    via: 'naming',
    introduces: coinedByUs || introducesByContext(sentence, at),
    kindHint:
      before ??
      appositionKind(sentence, phrase.end) ??
      followingKind(sentence, tokens[phrase.end]?.text === ')' ? phrase.end + 1 : phrase.end),
  };
}

/** Whether an intro verb with "we" (or "this paper") as subject comes before token `at`. */
export function introducedBefore(sentence: Sentence, at: number): boolean {
  const tokens = sentence.tokens;
  for (let i = at - 1; i >= 0; i--) {
    if (INTRO_VERBS.has(tokens[i].lower) && hasIntroSubject(tokens, i)) return true;
  }
  return false;
}

/**
 * The head noun a naming word refers back to: "a novel pre-training task specifically designed
 * for short text, called ETC" -> the task (an objective: METHOD).
 */
function lastHeadBefore(sentence: Sentence, at: number): EntityKind | undefined {
  const tokens = sentence.tokens;
  let candidate: EntityKind | undefined;
  for (let i = at - 1; i >= 0 && i >= at - 14; i--) {
    const token = tokens[i];
    if (isBreak(token) && token.text !== ',' && token.text !== '-') break;
    if ((INTRO_VERBS.has(token.lower) && hasIntroSubject(tokens, i)) || token.lower === 'we') break;
    if (['a', 'an', 'the'].includes(token.lower) && candidate) break;
    // "the pre-training phase of LLMs, named PD": the head is before the preposition.
    if (PREPOSITIONS.has(token.lower)) {
      candidate = undefined;
      continue;
    }
    if (candidate) continue;
    const kind = headKind(token.lower);
    if (!kind) continue;
    // "a pre-training task called X": a training objective, not a task to solve.
    const objective =
      kind === 'TASK' &&
      /^(training|pretraining|pretext|auxiliary|proxy|surrogate)$/.test(tokens[i - 1]?.lower ?? '');
    candidate = objective ? 'METHOD' : kind;
  }
  return candidate;
}

const PREPOSITIONS = new Set([
  'of',
  'for',
  'in',
  'on',
  'with',
  'from',
  'to',
  'by',
  'at',
  'into',
  'across',
  'over',
]);

/**
 * Whether a naming cue introduces: the nearest preceding verb-like cue decides. "we propose a
 * task ..., called ETC" introduces; "using a method called crosscoders" does not.
 */
function introducesByContext(sentence: Sentence, at: number): boolean {
  const tokens = sentence.tokens;
  for (let i = at - 1; i >= 0; i--) {
    const lower = tokens[i].lower;
    if (INTRO_GERUNDS.has(lower) && tokens.slice(0, i).some((t) => t.lower === 'we')) return true;
    if (
      [
        'using',
        'use',
        'uses',
        'used',
        'leverage',
        'leverages',
        'adopt',
        'adopts',
        'employ',
        'employs',
        'apply',
        'applies',
        'via',
        'with',
        'follow',
        'following',
      ].includes(lower)
    ) {
      return false;
    }
    if (INTRO_VERBS.has(lower) && hasIntroSubject(tokens, i)) return true;
    if (INTRO_GERUNDS.has(lower) && tokens.slice(0, i).some((t) => t.lower === 'we')) return true;
    if (lower === 'we' || lower === 'our') return true;
  }
  return false;
}

/** "In this paper, the LCVO modular method is proposed." */
function isPassiveIntro(tokens: Token[], i: number): boolean {
  const verb = tokens[i].lower;
  if (!['proposed', 'introduced', 'presented', 'developed'].includes(verb)) return false;
  let j = i - 1;
  while (j >= 0 && SUBJECT_ADVERBS.has(tokens[j].lower)) j--;
  return j >= 0 && ['is', 'are', 'was', 'were'].includes(tokens[j].lower);
}

function passiveIntro(sentence: Sentence, verb: number): NameCue | undefined {
  const tokens = sentence.tokens;
  let aux = verb - 1;
  while (aux >= 0 && !['is', 'are', 'was', 'were'].includes(tokens[aux].lower)) aux--;
  for (let j = Math.max(0, aux - 8); j < aux; j++) {
    if (isBreak(tokens[j])) continue;
    const phrase = namePhraseAt(sentence, j);
    if (!phrase || phrase.end > aux) continue;
    if (j === 0 && nameShape(phrase.text) === 'weak') continue;
    const after =
      followingKind(sentence, phrase.end) ?? lastHeadKind(sentence, phrase.end, aux - phrase.end);
    return { phrase, sentence, via: 'intro', introduces: true, kindHint: after };
  }
  return undefined;
}

/**
 * "The resulting model, Llama-3-Physician, achieves", "our model, InternVL2-8B-MPO, achieves",
 * "Our proposal, the X (ACR), adopts": a name in apposition to the paper's own artefact.
 */
function resultingName(sentence: Sentence): NameCue | undefined {
  const tokens = sentence.tokens;
  for (let i = 0; i + 3 < tokens.length; i++) {
    const lower = tokens[i].lower;
    let j = i + 1;
    if (lower === 'the' && tokens[j]?.lower === 'resulting') j++;
    else if (lower !== 'our') continue;
    while (j < tokens.length && j < i + 5 && tokens[j].text !== ',' && !isBreak(tokens[j])) j++;
    if (tokens[j]?.text !== ',') continue;
    const noun = tokens[j - 1].lower;
    const head = headKind(noun) ?? (noun === 'proposal' || noun === 'system' ? 'MODEL' : undefined);
    if (!head || head === 'TASK') continue;
    let k = j + 1;
    if (tokens[k]?.lower === 'the') k++;
    if (tokens[k] && NAMING_WORDS.has(tokens[k].lower)) continue;
    const phrase = namePhraseAt(sentence, k);
    if (!phrase) continue;
    if (tokens[phrase.end] && !isBreak(tokens[phrase.end])) continue;
    return { phrase, sentence, via: 'intro', introduces: true, kindHint: head };
  }
  return undefined;
}

/**
 * "the X dataset", "a gold ... benchmark HateEval-Hi", "the "LUPerson-T" dataset": a dataset
 * named next to the word for it. Capitalised phrases ending in "Dataset" are names themselves.
 */
function datasetPhrases(sentence: Sentence): NameCue[] {
  const tokens = sentence.tokens;
  const found: NameCue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens[i].lower;
    if (!DATASET_WORDS.has(lower)) continue;
    // "the new TerraMask-50K dataset", "a novel benchmark X": new data is the paper's own.
    const fresh = tokens
      .slice(Math.max(0, i - 4), i)
      .some((t) => t.lower === 'new' || t.lower === 'novel');
    const introduces = fresh || sentenceIntroduces(tokens, i);
    // The phrase right after: "benchmark MVBench", "dataset HowTo100M".
    const after = namePhraseAt(sentence, i + 1);
    const namedAfter =
      after &&
      !after.lower &&
      (after.quoted || nameShape(after.text) === 'strong' || nameShape(after.text) === 'acronym');
    if (after && namedAfter && /^[a-z]/.test(tokens[i].text) && tokens[i + 1]?.ws !== false) {
      for (const phrase of [after, ...coordinatedNames(sentence, after)]) {
        found.push({ phrase, sentence, via: 'dataset', introduces, kindHint: 'DATASET' });
      }
    }
    // "we release ... the accompanying DockText corpus": a named dataset the paper releases.
    if (introduces && /^[a-z]/.test(tokens[i].text) && i > 0 && !sentence.isTitle) {
      let chunkStart = i - 1;
      while (chunkStart > 0 && !tokens[chunkStart].ws && !isBreak(tokens[chunkStart - 1]))
        chunkStart--;
      const text = sentence.text.slice(tokens[chunkStart].start, tokens[i - 1].end);
      if (tokens[i].ws && (nameShape(text) === 'strong' || nameShape(text) === 'acronym')) {
        const phrase: NamePhrase = { start: chunkStart, end: i, text, quoted: false, lower: false };
        found.push({ phrase, sentence, via: 'dataset', introduces, kindHint: 'DATASET' });
      }
    }
    // "the Video ChatGPT benchmark": a capitalised run of several words before the head word.
    const before = capitalRunBefore(sentence, i);
    if (before && /^[a-z]/.test(tokens[i].text) && !sentence.isTitle) {
      found.push({ phrase: before, sentence, via: 'dataset', introduces, kindHint: 'DATASET' });
    }
    // A capitalised "Open-World Video Game Dataset" is the name, head word included.
    if (/^[A-Z]/.test(tokens[i].text) && !sentence.isTitle) {
      let start = i;
      while (start > 0 && /^[A-Z]/.test(tokens[start - 1].text) && !isBreak(tokens[start - 1]))
        start--;
      while (start > 0 && tokens[start - 1].text === '-') {
        start--;
        while (start > 0 && /^[A-Za-z]/.test(tokens[start - 1].text) && !tokens[start].ws) start--;
      }
      if (i - start >= 2) {
        const phrase: NamePhrase = {
          start,
          end: i + 1,
          text: sentence.text.slice(tokens[start].start, tokens[i].end),
          quoted: false,
          lower: false,
        };
        found.push({ phrase, sentence, via: 'dataset', introduces, kindHint: 'DATASET' });
      }
    }
  }
  return found;
}

function capitalRunBefore(sentence: Sentence, head: number): NamePhrase | undefined {
  const tokens = sentence.tokens;
  let start = head;
  let chunks = 0;
  while (start > 1) {
    let chunkStart = start - 1;
    while (chunkStart > 0 && !tokens[chunkStart].ws && !isBreak(tokens[chunkStart - 1]))
      chunkStart--;
    if (!/^[A-Z]/.test(tokens[chunkStart].text) || isBreak(tokens[start - 1])) break;
    if (chunkStart === 0) break;
    start = chunkStart;
    chunks++;
  }
  if (chunks < 2) return undefined;
  return {
    start,
    end: head,
    text: sentence.text.slice(tokens[start].start, tokens[head - 1].end),
    quoted: false,
    lower: false,
  };
}

const DATASET_WORDS = new Set(['dataset', 'benchmark', 'corpus', 'database']);

function sentenceIntroduces(tokens: Token[], before: number): boolean {
  for (let i = before - 1; i >= 0; i--) {
    if (INTRO_VERBS.has(tokens[i].lower) && hasIntroSubject(tokens, i)) return true;
  }
  return false;
}

/** Drops phrases that name findings, fields or artefacts, and vague one-word phrases. */
function acceptable(cue: NameCue): boolean {
  const words = cue.phrase.text.toLowerCase().split(/\s+/);
  const last = words[words.length - 1].replace(/[^a-z-]/g, '');
  if (NON_ENTITY_HEADS.has(last)) return false;
  if (cue.phrase.text.length < 2) return false;
  return true;
}

/** One cue per phrase; a phrase found twice keeps the first finding, completed by the others. */
function dedupe(cues: NameCue[]): NameCue[] {
  const byKey = new Map<string, NameCue>();
  for (const cue of cues) {
    const key = `${cue.phrase.start}:${cue.phrase.end}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, { ...cue, kindHint: cue.kindHint ?? phraseHeadKind(cue.phrase.text) });
      continue;
    }
    first.introduces ||= cue.introduces;
    first.kindHint ??= cue.kindHint;
  }
  return [...byKey.values()];
}

/** "Open-World Video Game Dataset", "Mixture of Modality-Aware Experts Model": the last word. */
function phraseHeadKind(text: string): EntityKind | undefined {
  const words = text.split(/\s+/);
  if (words.length < 2) return undefined;
  const kind = headKind(words[words.length - 1].toLowerCase());
  return kind === 'TASK' ? undefined : kind;
}
