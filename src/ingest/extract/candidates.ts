import { EntityKind } from '../../model';
import { Lexicon, LexiconEntry } from '../resolve/lexicon';
import { foldedKey, sameStem } from '../resolve/normalize';
import { findAcronymDefinitions } from './acronyms';
import { CueVia, findNameCues, introducedBefore, titleNameCue } from './cue-phrases';
import { headKind } from './head-nouns';
import { KIND_WEIGHTS, KindVotes } from './kinds';
import { acceptLexiconAffix, lexiconIndex } from './lexicon-matcher';
import { isVersionToken, nameShape, Shape } from './name-shapes';
import { Sentence } from './sentences';
import {
  BLOCKED_PHRASES,
  isGenericParadigm,
  isStopName,
  isVague,
  NON_ENTITY_HEADS,
} from './stoplist';
import { isWord } from './vocabulary';
import {
  isBoundaryBefore,
  isBreak,
  isDescriptiveAffix,
  isSizeAffix,
  nextBoundary,
  SpanMatch,
  SurfaceIndex,
} from './surface-index';

/**
 * Name candidates of one paper, in two passes. The first pass collects the names the paper
 * itself defines (title prefix, cue phrases, acronym definitions) into a paper gazetteer; the
 * second finds every occurrence of a gazetteer name, a lexicon name, or a name-shaped word, with
 * the longest match winning at each position.
 */

export type LocalVia = CueVia | 'acronym';

/** A name the paper defines or introduces. */
export interface LocalName {
  surface: string;
  key: string;
  via: Set<LocalVia>;
  introduced: boolean;
  /**
   * Named right after an intro verb ("we propose BEiT"), even when the lexicon knows the name and
   * so does not count it as introduced: enough for the lexicon's lineage of the name.
   */
  proposed?: boolean;
  /** Where the paper introduces it (an abstract sentence is preferred to the title). */
  introSentence?: Sentence;
  kindVotes: KindVotes;
  /** Acronym partners: the short form of a long form and the reverse. */
  partners: LocalName[];
  /** The long form of an acronym definition. */
  isLongForm: boolean;
  /** Only lower-case words ("crosscoders", "condition embedding perturbations"). */
  lower: boolean;
  /** The lexicon entry this name denotes, unless the paper defines it differently. */
  entry?: LexiconEntry;
  /** The sentence of the acronym definition, for role and support decisions. */
  definedIn?: Sentence;
}

export interface Occurrence {
  sentence: Sentence;
  /** Token range [start, end) of the name; `cover` also spans a glued affix ("-based"). */
  start: number;
  end: number;
  cover: number;
  surface: string;
  entry?: LexiconEntry;
  local?: LocalName;
  shape: Shape;
  /** A lexicon name written with a capital matched here in lower case ("transformer"). */
  lowerCaseLexicon: boolean;
  /** A descriptive suffix glued to the name ("BERT-based"). */
  affix?: string;
  /** Position in the paper, for ordering and evidence choice. */
  order: number;
}

export interface PaperNames {
  locals: LocalName[];
  occurrences: Occurrence[];
}

export function findPaperNames(sentences: Sentence[], lexicon: Lexicon): PaperNames {
  const locals = collectLocalNames(sentences, lexicon);
  const index = new SurfaceIndex<LocalName>();
  // Introduced names first, so that they own their keys.
  const ordered = [...locals.values()].sort((a, b) => Number(b.introduced) - Number(a.introduced));
  for (const local of ordered) index.add(local.surface, local);
  const occurrences: Occurrence[] = [];
  for (const sentence of sentences) occurrences.push(...scanSentence(sentence, index, lexicon));
  return { locals: [...locals.values()], occurrences };
}

function collectLocalNames(sentences: Sentence[], lexicon: Lexicon): Map<string, LocalName> {
  const locals = new Map<string, LocalName>();
  const local = (surface: string): LocalName => {
    const key = foldedKey(surface);
    let found = locals.get(key);
    if (!found) {
      found = {
        surface,
        key,
        via: new Set(),
        introduced: false,
        kindVotes: new KindVotes(),
        partners: [],
        isLongForm: false,
        lower: !/[A-Z]/.test(surface),
        entry: lexicon.lookup(surface),
      };
      locals.set(key, found);
    }
    return found;
  };
  const introduce = (name: LocalName, sentence: Sentence): void => {
    name.introduced = true;
    if (!name.introSentence || (name.introSentence.isTitle && !sentence.isTitle)) {
      name.introSentence = sentence;
    }
  };

  const title = sentences.find((s) => s.isTitle);
  const titleCue = title ? titleNameCue(title) : undefined;
  if (titleCue && !isStopName(titleCue.phrase.text)) {
    const name = local(titleCue.phrase.text);
    name.via.add('title');
    introduce(name, titleCue.sentence);
    name.kindVotes.add(titleCue.kindHint, KIND_WEIGHTS.title);
  }

  for (const sentence of sentences) {
    const cues = findNameCues(sentence).filter(
      (cue) =>
        !isStopName(cue.phrase.text) &&
        usablePhrase(cue.phrase.text, cue.phrase.lower, cue.phrase.quoted),
    );
    for (const cue of cues) {
      if (cue.via === 'intro' && plainWords(sentence, cue.phrase)) continue;
      const name = local(cue.phrase.text);
      name.via.add(cue.via);
      // An intro verb before a known name ("we release hateful BERT") does not make the paper
      // its author; only the title or a naming phrase ("a model called BERT") can.
      const known = cue.via === 'intro' && name.entry !== undefined;
      if (cue.introduces && !known) introduce(name, sentence);
      if (cue.introduces) name.proposed = true;
      name.kindVotes.add(cue.kindHint, KIND_WEIGHTS.cue);
    }
    for (const def of findAcronymDefinitions(sentence)) {
      // "we propose Blockwise Learning Rate (LR)": the acronym abbreviates only the end of the
      // name, which the paper then writes "Blockwise LR".
      const named = cues.find(
        (c) => c.phrase.end === def.long.end && c.phrase.start < def.long.start,
      );
      if (named) {
        const prefix = sentence.text.slice(
          sentence.tokens[named.phrase.start].start,
          sentence.tokens[def.long.start].start,
        );
        const short = local(`${prefix.trim()} ${def.shortText}`);
        const whole = local(named.phrase.text);
        short.via.add('acronym');
        if (!whole.partners.includes(short)) whole.partners.push(short);
        if (!short.partners.includes(whole)) short.partners.push(whole);
        continue;
      }
      const known = lexicon.lookup(def.shortText) ?? lexicon.lookup(def.longText);
      // "the cloud operations (CloudOps) domain": an area, not a method.
      const headAfter =
        sentence.tokens[def.short.end + (sentence.tokens[def.short.end]?.text === ')' ? 1 : 0)];
      if (headAfter && NON_ENTITY_HEADS.has(headAfter.lower)) continue;
      const generic = [def.shortText, def.longText].some(
        (form) => isStopName(form) || isGenericParadigm(form) || isVague(form),
      );
      if (generic && !known) continue;
      if (isVague(def.longText) || isVague(def.shortText)) continue;
      const short = local(def.shortText);
      const long = local(def.longText);
      if (short === long) continue;
      short.via.add('acronym');
      long.via.add('acronym');
      long.isLongForm = true;
      short.definedIn = sentence;
      long.definedIn = sentence;
      if (!short.partners.includes(long)) short.partners.push(long);
      if (!long.partners.includes(short)) long.partners.push(short);
      const words = def.longText.split(/\s+/);
      long.kindVotes.add(headOfName(words[words.length - 1]), KIND_WEIGHTS.title);
      // The paper's own expansion wins over a lexicon entry it contradicts ("SAR" defined anew).
      const shortEntry = lexicon.lookup(def.shortText);
      const longEntry = lexicon.lookup(def.longText);
      if (shortEntry && longEntry !== shortEntry && contradicts(shortEntry, def.longText)) {
        short.entry = longEntry;
      }
      if (!short.entry && long.entry) short.entry = long.entry;
      if (!long.entry && short.entry) long.entry = short.entry;
      // Names defined in an introducing sentence are introduced together; so is a definition
      // made right after "we propose" ("... by adding condition embedding perturbations (CEP)").
      for (const name of [short, long]) {
        const partner = name === short ? long : short;
        if (partner.introduced && partner.introSentence === sentence) introduce(name, sentence);
      }
      const letters = def.shortText.replace(/[^A-Za-z]/g, '').length;
      const fresh = freshBefore(sentence, def.long.start);
      if (!known && letters >= 3 && (fresh || introducedBefore(sentence, def.long.start))) {
        introduce(short, sentence);
        introduce(long, sentence);
      }
    }
  }
  // An acronym partner of an introduced name is introduced too.
  for (const name of locals.values()) {
    if (!name.introduced) continue;
    for (const partner of name.partners) {
      if (!partner.introduced) introduce(partner, name.introSentence ?? partner.definedIn!);
    }
  }
  return locals;
}

/**
 * "we propose an Image Modeling framework": ordinary capitalised words used as a modifier after
 * "a"/"an" describe the contribution rather than name it ("we propose Gradient Echo Matching, a
 * method" does name it).
 */
function plainWords(
  sentence: Sentence,
  phrase: { text: string; start: number; end: number },
): boolean {
  const words = phrase.text.split(/\s+/);
  if (words.length < 2) return false;
  const before = sentence.tokens[phrase.start - 1]?.lower;
  const after = sentence.tokens[phrase.end];
  if (before !== 'a' && before !== 'an') return false;
  if (!after || !/^[a-z]/.test(after.text)) return false;
  if (headKind(words[words.length - 1].toLowerCase()) === 'DATASET') return false;
  return words.every((w: string) =>
    w.split('-').every((piece) => /^[A-Z][a-z]+$/.test(piece) && isWord(piece)),
  );
}

/** Task, method and dataset words at the end of a long form ("... Recognition" is a task). */
function headOfName(word: string): EntityKind | undefined {
  const lower = word.toLowerCase();
  const head = headKind(lower);
  if (head) return head;
  if (
    /^(recognition|detection|segmentation|classification|generation|translation|retrieval|summarization|answering|parsing|captioning|navigation|driving|identification|extraction|understanding|forecasting|estimation|tracking)$/.test(
      lower,
    )
  ) {
    return 'TASK';
  }
  if (
    /^(modeling|modelling|learning|optimization|optimisation|quantization|parallelism|search|distillation|prompting|training|tuning|alignment|attention|regularization|masking|representation|representations|gate|fusion|mixer|embedding|embeddings)$/.test(
      lower,
    )
  ) {
    return 'METHOD';
  }
  if (
    /^(model|models|network|networks|transformer|transformers|encoder|decoder|llm)$/.test(lower)
  ) {
    return 'MODEL';
  }
  if (/^(dataset|corpus|benchmark|database)$/.test(lower)) return 'DATASET';
  return undefined;
}

/** Whether a paper's expansion of an acronym names something other than the lexicon entry. */
function contradicts(entry: LexiconEntry, longForm: string): boolean {
  const spelled = [entry.name, ...entry.aliases].filter((form) => /\s|-/.test(form));
  if (spelled.length === 0) return false;
  const key = foldedKey(longForm);
  return !spelled.some((form) => sameStem(foldedKey(form), key));
}

/**
 * Whether a cue phrase can be a name: lower-case phrases come only from naming cues, single
 * descriptive compounds ("GAN-style") and bare capitalised words of the title are not names.
 */
function usablePhrase(text: string, lower: boolean, quoted: boolean): boolean {
  if (lower || quoted) return text.length >= 3;
  // "PO", "AD": two capitals alone are too ambiguous to stand for a new name.
  if (/^[A-Z]{1,2}s?$/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length === 1) {
    // "Prompt-Transformer", "Multi-Bootstrap": capitalised compounds named by a cue.
    const pieces = text.split(/[-_]/);
    return (
      nameShape(text) !== 'none' || (pieces.length > 1 && pieces.every((p) => /^[A-Z]/.test(p)))
    );
  }
  return words.filter((w) => /^[A-Z0-9]/.test(w)).length >= 2 || nameShape(text) !== 'none';
}

function scanSentence(
  sentence: Sentence,
  index: SurfaceIndex<LocalName>,
  lexicon: Lexicon,
): Occurrence[] {
  const tokens = sentence.tokens;
  const known = lexiconIndex(lexicon);
  const found: Occurrence[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isBoundaryBefore(tokens, i) || isBreak(tokens[i])) {
      i++;
      continue;
    }
    // Blocked phrases are capitalised names ("Hugging Face Transformers").
    const nonEntity = isCapital(tokens[i].text) ? blockedIndex().longestAt(sentence, i) : undefined;
    if (nonEntity) {
      i = nonEntity.end;
      continue;
    }
    const local = index.longestAt(sentence, i, acceptLocalAffix);
    const lex = known.longestAt(sentence, i, acceptLexiconAffix);
    const occurrence = pick(sentence, local, lex);
    if (occurrence) {
      found.push(occurrence);
      i = occurrence.cover;
      continue;
    }
    const shaped = shapedCandidate(sentence, i);
    if (shaped) found.push(shaped);
    i = shaped ? shaped.cover : nextBoundary(tokens, i);
  }
  return found;
}

const acceptLocalAffix = (_: LocalName, affix: string): boolean =>
  isDescriptiveAffix(affix) || isSizeAffix(affix);

let blockedPhrases: SurfaceIndex<true> | undefined;

/** Multi-word names of non-entities ("Hugging Face Transformers") hide the names inside them. */
function blockedIndex(): SurfaceIndex<true> {
  if (!blockedPhrases) {
    blockedPhrases = new SurfaceIndex<true>();
    for (const phrase of BLOCKED_PHRASES) blockedPhrases.add(phrase, true);
  }
  return blockedPhrases;
}

const coverOf = (match: SpanMatch<unknown>): number => match.chunkEnd ?? match.end;

function pick(
  sentence: Sentence,
  local: SpanMatch<LocalName> | undefined,
  lex: SpanMatch<LexiconEntry> | undefined,
): Occurrence | undefined {
  if (!local && !lex) return undefined;
  const useLocal = local && (!lex || coverOf(local) >= coverOf(lex));
  const match: SpanMatch<unknown> = (useLocal ? local : lex)!;
  const surface = spanText(sentence, match.start, match.end);
  let entry: LexiconEntry | undefined;
  if (useLocal) {
    entry = local!.value.entry;
    // Same span found in both: the lexicon knows the name unless the paper redefined it.
    if (!entry && lex && coverOf(lex) === coverOf(local!) && !local!.value.partners.length) {
      entry = lex.value;
    }
  } else {
    entry = lex!.value;
  }
  const lowerCaseLexicon = !!entry && !/[A-Z]/.test(surface) && /[A-Z]/.test(entry.name);
  return {
    sentence,
    start: match.start,
    end: match.end,
    cover: coverOf(match),
    surface,
    entry,
    local: useLocal ? local!.value : undefined,
    shape: nameShape(surface),
    lowerCaseLexicon,
    affix: match.affix,
    order: sentence.index * 10000 + match.start,
  };
}

/** A word that looks like a name by itself ("ChartSFT", "FCOS", "NYUv2", "YAYI 2"). */
function shapedCandidate(sentence: Sentence, start: number): Occurrence | undefined {
  const tokens = sentence.tokens;
  const chunkEnd = nextBoundary(tokens, start);
  // Most words are plain lower-case words or numbers: no need to look closer.
  if (
    chunkEnd === start + 1 &&
    (tokens[start].kind !== 'word' || PLAIN_WORD.test(tokens[start].text))
  ) {
    return undefined;
  }
  let end = chunkEnd;
  let affix: string | undefined;
  // "CLIP-based": the name is the part before the descriptive suffix.
  for (let k = chunkEnd - 1; k > start; k--) {
    if (tokens[k].text !== '-' && tokens[k].text !== '_') continue;
    const suffix = spanText(sentence, k, chunkEnd);
    if (isDescriptiveAffix(suffix)) {
      end = k;
      affix = suffix;
    }
    break;
  }
  let text = spanText(sentence, start, end);
  const shape = nameShape(text);
  if (shape === 'none') return undefined;
  let initial = true;
  for (let k = 0; k < start && initial; k++) initial = isBreak(tokens[k]);
  if (shape === 'weak' && (sentence.isTitle || initial)) return undefined;
  // "Natural Language Processing", "Alignment Loss": one capitalised word of a longer phrase.
  if (
    shape === 'weak' &&
    /^[A-Z][a-z]+$/.test(text) &&
    insideCapitalisedPhrase(sentence, start, chunkEnd)
  ) {
    return undefined;
  }
  if (isStopName(text)) return undefined;
  let cover = chunkEnd;
  // "YAYI 2", "wav2vec 2.0": a version number after the name belongs to it.
  const next = tokens[chunkEnd];
  if (
    !affix &&
    next &&
    next.ws &&
    isVersionToken(next.text) &&
    nextBoundary(tokens, chunkEnd) === chunkEnd + 1
  ) {
    const after = tokens[chunkEnd + 1];
    const quantity =
      after && /^(%|x|times|billion|million|points?|k|b|m|hours|layers|stages)$/i.test(after.text);
    if (!quantity) {
      end = chunkEnd + 1;
      cover = end;
      text = spanText(sentence, start, end);
    }
  }
  return {
    sentence,
    start,
    end,
    cover,
    surface: text,
    shape,
    lowerCaseLexicon: false,
    affix,
    order: sentence.index * 10000 + start,
  };
}

const PLAIN_WORD = /^[a-z]+$/;

function isCapital(text: string): boolean {
  const code = text.charCodeAt(0);
  return code >= 65 && code <= 90;
}

function spanText(sentence: Sentence, start: number, end: number): string {
  return sentence.text.slice(sentence.tokens[start].start, sentence.tokens[end - 1].end);
}

function insideCapitalisedPhrase(sentence: Sentence, start: number, end: number): boolean {
  const tokens = sentence.tokens;
  const before = tokens[start - 1];
  const after = tokens[end];
  const capital = (i: number): boolean =>
    /^[A-Z]/.test(tokens[i]?.text ?? '') && !isBreak(tokens[i]);
  if (before && !isBreak(before) && start - 1 > 0 && capital(start - 1)) return true;
  return !!after && tokens[end].ws && capital(end);
}

/** "a novel Conditional Online RLHF (COOL RLHF) strategy": a new name the paper brings. */
function freshBefore(sentence: Sentence, start: number): boolean {
  const tokens = sentence.tokens;
  for (let k = start - 1; k >= 0 && k >= start - 2; k--) {
    const lower = tokens[k].lower;
    if (lower === 'novel' || lower === 'new' || lower === 'our') return true;
    if (!/^(a|an|the|simple|effective|efficient)$/.test(lower)) return false;
  }
  return false;
}
