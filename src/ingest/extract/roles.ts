import { EntityKind, LinkRole } from '../../model';
import { Sentence, Token } from './sentences';

/**
 * The role of a paper-to-entity link, read from the words around each mention. Cue words open a
 * scope ("outperforms", "compared with", "on", "based on") that lasts over lists of names until
 * the clause ends, so "outperforming FCOS, RetinaNet and DETR" gives all three the same role.
 */

export type RoleCue = 'COMPARE' | 'EVAL' | 'TRAIN' | 'USE';

export interface SentenceRoles {
  /** The cue in force at each token (undefined when none). */
  cueAt: Array<RoleCue | undefined>;
  /** Index of the first comparison cue, or -1. */
  firstCompare: number;
  /** Whether the sentence reports results, so datasets in it are evaluation data. */
  reportsResults: boolean;
}

const COMPARE_WORDS = new Set([
  'outperform',
  'outperforms',
  'outperformed',
  'outperforming',
  'surpass',
  'surpasses',
  'surpassed',
  'surpassing',
  'beat',
  'beats',
  'beating',
  'exceed',
  'exceeds',
  'exceeded',
  'exceeding',
  'unlike',
  'against',
  'versus',
  'vs',
  'vs.',
  'than',
  'rival',
  'rivals',
  'rivaling',
  'compare',
  'compares',
  'outperformance',
  'baselines',
  'baseline',
]);

const COMPARE_PAIRS: Array<[string, string[]]> = [
  ['compared', ['to', 'with', 'against']],
  ['comparing', ['to', 'with', 'against']],
  ['comparison', ['to', 'with', 'against']],
  ['contrast', ['to', 'with']],
  ['relative', ['to']],
  ['superior', ['to']],
  ['par', ['with']],
  ['comparable', ['to', 'with']],
  ['competitive', ['with']],
  ['similar', ['to']],
];

/** Nouns after which "over X" compares ("improvement over Emu3", "gains over UniChart"). */
const GAIN_WORDS = new Set([
  'improvement',
  'improvements',
  'gain',
  'gains',
  'advantage',
  'advantages',
  'superiority',
  'margin',
  'speedup',
  'boost',
  'win',
  'wins',
  'lead',
  'reduction',
  'increase',
]);

const USE_WORDS = new Set([
  'using',
  'use',
  'uses',
  'used',
  'utilize',
  'utilizes',
  'utilized',
  'utilizing',
  'utilise',
  'utilises',
  'leverage',
  'leverages',
  'leveraged',
  'leveraging',
  'employ',
  'employs',
  'employed',
  'employing',
  'adopt',
  'adopts',
  'adopted',
  'adopting',
  'via',
  'with',
  'from',
  'incorporating',
  'incorporates',
  'incorporate',
  'integrating',
  'integrates',
  'integrate',
  'initialize',
  'initialized',
  'initialise',
  'initialised',
  'apply',
  'applies',
  'applying',
  'following',
  'follow',
  'follows',
  'upon',
]);

/** Prepositions that do not end a comparison: "exceeding the results from GPT4V". */
const WEAK_USE_WORDS = new Set(['with', 'from', 'via', 'upon']);

const TRAIN_STEMS =
  /^(pre|train|trained|training|pretrain|pretrained|pretraining|tune|tuned|tuning|finetune|finetuned|finetuning|corrupt|out|learned|learns|learn)$/;

const RESULT_WORDS =
  /^(evaluat\w*|benchmark\w*|experiment\w*|results?|accuracy|scores?|achiev\w*|test\w*|performance|outperform\w*|surpass\w*|state|sota|validat\w*|assess\w*|reach\w*|obtain\w*|sets?)$/;

const CLAUSE_END = new Set([
  ';',
  ':',
  '.',
  '!',
  '?',
  'which',
  'while',
  'whereas',
  'but',
  'where',
  'although',
  'though',
  'because',
  'thus',
  'thereby',
  'whilst',
  'yet',
  'whose',
  'who',
  'without',
]);

export function analyzeRoles(sentence: Sentence): SentenceRoles {
  const tokens = sentence.tokens;
  const cueAt: Array<RoleCue | undefined> = new Array(tokens.length).fill(undefined);
  let active: RoleCue | undefined;
  let fronted = false;
  let firstCompare = -1;
  let reportsResults = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const lower = token.lower;
    if (RESULT_WORDS.test(lower)) reportsResults = true;
    const cue = cueStartingAt(tokens, i);
    if (cue && !(cue.cue === 'USE' && active === 'COMPARE' && WEAK_USE_WORDS.has(lower))) {
      active = cue.cue;
      // "Unlike X, ...", "On GSM8K and MATH, ReasonRAG surpasses ...": a fronted phrase.
      fronted =
        (cue.cue === 'COMPARE' && FRONTED_CUES.has(lower) && clauseStart(tokens, i)) ||
        (cue.cue === 'EVAL' && i === 0);
      if (cue.cue === 'COMPARE' && firstCompare < 0) firstCompare = i;
      for (let k = i; k < i + cue.length && k < tokens.length; k++) cueAt[k] = active;
      i += cue.length - 1;
      continue;
    }
    if (CLAUSE_END.has(lower) || endsClause(tokens, i)) active = undefined;
    // "by distilling weights from BERT": a means clause ends a comparison.
    if (lower === 'by' && /ing$/.test(tokens[i + 1]?.lower ?? '') && active === 'COMPARE')
      active = undefined;
    // ", highlighting the role of DDPM": a participle clause says something new.
    if (token.pos === 'VERB' && /ing$/.test(lower) && tokens[i - 1]?.text === ',')
      active = undefined;
    // "Unlike X, JEPA does ...": a fronted comparison ends where the main clause begins.
    if (fronted && token.text === ',' && subjectFollows(tokens, i + 1)) active = undefined;
    cueAt[i] = active;
  }
  return { cueAt, firstCompare, reportsResults };
}

/** Comparison cues that can open a sentence ("Unlike X, ...", "Compared to X, ..."). */
const FRONTED_CUES = new Set(['unlike', 'compared', 'comparing', 'in', 'relative']);

function clauseStart(tokens: Token[], i: number): boolean {
  return i === 0 || tokens[i - 1].text === ',' || tokens[i - 1].lower === 'and';
}

/** Whether a subject and its verb start at token i: "JEPA does", "it predicts", "our model shows". */
function subjectFollows(tokens: Token[], i: number): boolean {
  for (let k = i; k < tokens.length && k < i + 8; k++) {
    const token = tokens[k];
    if (token.text === ',' || token.text === ';') return false;
    if (
      k > i &&
      (token.pos === 'VERB' || token.pos === 'AUX') &&
      /^[a-z]/.test(token.text) &&
      token.ws
    ) {
      return true;
    }
    const nameLike =
      token.pos === 'PROPN' ||
      token.pos === 'PRON' ||
      token.pos === 'NOUN' ||
      token.pos === 'DET' ||
      token.pos === 'ADJ' ||
      token.kind !== 'word';
    if (!nameLike) return false;
  }
  return false;
}

const PAIR_SECONDS = new Map(COMPARE_PAIRS);

function cueStartingAt(tokens: Token[], i: number): { cue: RoleCue; length: number } | undefined {
  const lower = tokens[i].lower;
  const next = tokens[i + 1]?.lower;
  const seconds = PAIR_SECONDS.get(lower);
  if (seconds && next && seconds.includes(next)) return { cue: 'COMPARE', length: 2 };
  if (lower === 'in' && next === 'contrast' && /^(to|with)$/.test(tokens[i + 2]?.lower ?? '')) {
    return { cue: 'COMPARE', length: 3 };
  }
  if (lower === 'better' || lower === 'worse' || lower === 'higher' || lower === 'lower') {
    return undefined;
  }
  if (COMPARE_WORDS.has(lower)) return { cue: 'COMPARE', length: 1 };
  if (lower === 'over' && gainBefore(tokens, i)) return { cue: 'COMPARE', length: 1 };
  if (lower === 'on' && next === 'top' && tokens[i + 2]?.lower === 'of')
    return { cue: 'USE', length: 3 };
  if (
    (lower === 'based' || lower === 'built' || lower === 'builds' || lower === 'building') &&
    (next === 'on' || next === 'upon')
  ) {
    return { cue: 'USE', length: 2 };
  }
  if (lower === 'on' || lower === 'across' || lower === 'in') {
    if (lower === 'in' && !inBenchmark(tokens, i)) return undefined;
    return { cue: trainedBefore(tokens, i) ? 'TRAIN' : 'EVAL', length: 1 };
  }
  if (USE_WORDS.has(lower)) {
    if ((lower === 'with' || lower === 'from' || lower === 'using') && trainedBefore(tokens, i)) {
      return { cue: 'TRAIN', length: 1 };
    }
    if (
      (lower === 'with' || lower === 'using') &&
      /^(test\w*|evaluat\w*)$/.test(tokens[i - 1]?.lower ?? '')
    ) {
      return { cue: 'EVAL', length: 1 };
    }
    // "the evaluation results from AIR-Bench"
    if (lower === 'from' && /^(results?|scores?|evaluations?)$/.test(tokens[i - 1]?.lower ?? '')) {
      return { cue: 'EVAL', length: 1 };
    }
    return { cue: 'USE', length: 1 };
  }
  return undefined;
}

/** "In the WMT2025 shared task", "in the VideoMME benchmark": "in" before an evaluation set. */
function inBenchmark(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k < i + 6; k++) {
    if (
      /^(benchmark|benchmarks|dataset|datasets|shared|challenge|leaderboard)$/.test(tokens[k].lower)
    ) {
      return true;
    }
    if (tokens[k].kind === 'punct' && tokens[k].text !== '-') return false;
  }
  return false;
}

/**
 * "improvement over X", "by 2.6 points over X", "improves nDCG@10 over X", "improves over X": an
 * amount or an improving verb before "over" makes X the reference point.
 */
function gainBefore(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) if (GAIN_WORDS.has(tokens[k].lower)) return true;
  const previous = tokens[i - 1];
  if (previous && (previous.kind === 'number' || /^(points?|pp|%)$/.test(previous.lower))) {
    return true;
  }
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    if (CLAUSE_END.has(tokens[k].lower) || tokens[k].text === ',') return false;
    if (IMPROVE_VERB.test(tokens[k].lower)) return true;
  }
  return false;
}

function trainedBefore(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (TRAIN_STEMS.test(tokens[k].lower) && tokens[k].lower !== 'pre') return true;
  }
  return false;
}

/** A finite verb or "and" + verb ends the scope of a cue: "compared to X, our model shows". */
function endsClause(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (!token.ws) return false;
  if (token.lower === 'and' && (tokens[i + 1]?.pos === 'VERB' || tokens[i + 1]?.pos === 'AUX')) {
    return /^[a-z]/.test(tokens[i + 1].text);
  }
  if (token.pos === 'AUX' && /^[a-z]/.test(token.text)) return true;
  // A finite verb right after its subject; wink sometimes tags plural nouns as verbs
  // ("earlier models"), so a verb after an adjective or determiner does not count.
  const previous = tokens[i - 1];
  return (
    token.pos === 'VERB' &&
    /^[a-z]/.test(token.text) &&
    !/(ing|ed)$/.test(token.lower) &&
    !!previous &&
    (previous.pos === 'NOUN' ||
      previous.pos === 'PROPN' ||
      previous.pos === 'PRON' ||
      previous.text === ')')
  );
}

export interface RoleDecision {
  role: LinkRole;
  /** False for the default USES that no cue word supports. */
  explicit: boolean;
}

/** The role of one mention from its sentence's cues, its kind and its immediate neighbours. */
export function roleOf(
  sentence: Sentence,
  roles: SentenceRoles,
  start: number,
  end: number,
  kind: EntityKind,
  affixed = false,
): RoleDecision {
  if (kind === 'TASK') return { role: 'ADDRESSES', explicit: true };
  // "MLM-based frameworks": the compound names something else; the name is only drawn upon.
  if (affixed) return { role: 'USES', explicit: false };
  const tokens = sentence.tokens;
  if (!isDataset(kind)) {
    if (/^baselines?$/.test(tokens[end]?.lower ?? ''))
      return { role: 'COMPARES_WITH', explicit: true };
    if (tokens[start - 1]?.text === '(' && /^baselines?$/.test(tokens[start - 2]?.lower ?? '')) {
      return { role: 'COMPARES_WITH', explicit: true };
    }
    // "AlignDet improves FCOS by 5.3 mAP, RetinaNet by 2.1 mAP": the improved models are the
    // reference points.
    if (
      tokens[end]?.lower === 'by' &&
      tokens[end + 1]?.kind === 'number' &&
      improvesBefore(tokens, start)
    ) {
      return { role: 'COMPARES_WITH', explicit: true };
    }
  }
  const cue = roles.cueAt[start];
  switch (cue) {
    case 'COMPARE':
      return isDataset(kind)
        ? { role: 'EVALUATES_ON', explicit: true }
        : { role: 'COMPARES_WITH', explicit: true };
    case 'EVAL':
      if (isDataset(kind)) return { role: 'EVALUATES_ON', explicit: true };
      // "better than LLaMA-70B on BELEBELE, BLOOM-176B on MMLU": models listed after a
      // comparison stay compared even when "on" intervenes.
      if (kind === 'MODEL' && roles.firstCompare >= 0 && roles.firstCompare < start) {
        return { role: 'COMPARES_WITH', explicit: true };
      }
      return { role: 'USES', explicit: false };
    case 'TRAIN':
      if (isDataset(kind) && /^benchmarks?$/.test(tokens[end]?.lower ?? '')) {
        return { role: 'EVALUATES_ON', explicit: true };
      }
      return { role: 'USES', explicit: true };
    case 'USE':
      // "experiments ... using the benchmark HumanEval-x": evaluation data.
      if (isDataset(kind) && experimentBefore(tokens, start) && benchmarkNear(tokens, start, end)) {
        return { role: 'EVALUATES_ON', explicit: true };
      }
      return { role: 'USES', explicit: true };
    default:
      if (isDataset(kind)) {
        return roles.reportsResults
          ? { role: 'EVALUATES_ON', explicit: false }
          : { role: 'USES', explicit: false };
      }
      return { role: 'USES', explicit: false };
  }
}

const IMPROVE_VERB =
  /^(improves|improved|improve|improving|boosts|boosted|boost|boosting|enhances|enhanced)$/;

function improvesBefore(tokens: Token[], start: number): boolean {
  for (let k = start - 1; k >= 0; k--) {
    if (IMPROVE_VERB.test(tokens[k].lower)) return true;
    if (tokens[k].text === ';' || tokens[k].text === '.') return false;
  }
  return false;
}

function benchmarkNear(tokens: Token[], start: number, end: number): boolean {
  const near = [...tokens.slice(Math.max(0, start - 3), start), ...tokens.slice(end, end + 2)];
  return near.some((t) => /^benchmarks?$/.test(t.lower));
}

function experimentBefore(tokens: Token[], start: number): boolean {
  return tokens
    .slice(0, start)
    .some((t) => /^(experiments?|evaluat\w*|test\w*|assess\w*)$/.test(t.lower));
}

function isDataset(kind: EntityKind): boolean {
  return kind === 'DATASET';
}
