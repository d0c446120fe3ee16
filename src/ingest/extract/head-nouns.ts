import { EntityKind } from '../../model';
import { Sentence } from './sentences';
import { isBreak } from './surface-index';

/**
 * Nouns that say what kind of thing a name is, wherever they stand: after it ("the Pythia model
 * suite", "the CDD dataset"), before it ("the benchmark MVBench", "a method called
 * crosscoders") or in an apposition ("ChartSFT, a comprehensive dataset").
 */

const HEAD_KIND: Record<string, EntityKind> = {};
const add = (kind: EntityKind, words: string): void => {
  for (const word of words.split(/\s+/)) HEAD_KIND[word] = kind;
};
add(
  'MODEL',
  'model models network networks architecture architectures backbone backbones encoder encoders ' +
    'decoder decoders llm llms mllm mllms lm lms plm plms vlm vlms lmm lmms transformer ' +
    'transformers family checkpoint checkpoints detector detectors classifier classifiers vocoder ' +
    'codec codecs chatbot assistant suite net nets',
);
add(
  'METHOD',
  'method methods approach approaches framework frameworks algorithm algorithms technique ' +
    'techniques strategy strategies loss losses objective objectives mechanism mechanisms ' +
    'pipeline pipelines optimizer optimizers scheme schemes recipe procedure pre-training ' +
    'pretraining training tuning fine-tuning finetuning distillation regularization ' +
    'initialization masking prompting augmentation tokenization tokenisation tokeniser tokenizer ' +
    'module modules layer layers operator embeddings embedding criterion',
);
add('DATASET', 'dataset datasets benchmark benchmarks corpus corpora database databases bench');
add('TASK', 'task tasks problem problems');

/** Heads that name a training objective when "task" follows them ("pre-training task"). */
const OBJECTIVE_MODIFIERS = new Set([
  'pre-training',
  'pretraining',
  'training',
  'pretext',
  'auxiliary',
  'proxy',
]);

/** The kind a head noun announces, if any. */
export function headKind(lower: string): EntityKind | undefined {
  return Object.prototype.hasOwnProperty.call(HEAD_KIND, lower) ? HEAD_KIND[lower] : undefined;
}

/** Words that end a noun phrase when looking for its head. */
const PHRASE_END = new Set([
  'that',
  'which',
  'who',
  'whose',
  'where',
  'for',
  'of',
  'with',
  'to',
  'in',
  'on',
  'by',
  'from',
  'via',
  'as',
  'than',
  'and',
  'or',
  'but',
  'while',
  'using',
  'based',
  'built',
  'designed',
  'tailored',
  'trained',
  'developed',
  'capable',
  'specifically',
  'consisting',
  'comprising',
  'covering',
  'including',
  'called',
  'named',
  'termed',
  'dubbed',
  'inspired',
  'equipped',
]);

/**
 * The kind announced by an apposition that follows a name: "X, a unified pre-training
 * framework that ..." -> METHOD (the last head noun before the phrase ends).
 */
export function appositionKind(sentence: Sentence, nameEnd: number): EntityKind | undefined {
  const tokens = sentence.tokens;
  let i = nameEnd;
  if (tokens[i]?.text === '(') {
    const close = tokens.findIndex((t, k) => k > i && t.text === ')');
    if (close < 0) return undefined;
    i = close + 1;
  }
  if (tokens[i]?.text !== ',' && tokens[i]?.text !== '-' && tokens[i]?.text !== ':') {
    return undefined;
  }
  i++;
  if (tokens[i]?.text === '-') i++;
  if (!['a', 'an', 'the', 'our'].includes(tokens[i]?.lower ?? '')) return undefined;
  return lastHeadKind(sentence, i + 1, 14, true);
}

/** The kind of the noun phrase starting at `from`: its last head noun before it ends. */
export function lastHeadKind(
  sentence: Sentence,
  from: number,
  limit: number,
  apposition = false,
): EntityKind | undefined {
  const tokens = sentence.tokens;
  let kind: EntityKind | undefined;
  for (let i = from; i < tokens.length && i < from + limit; i++) {
    const token = tokens[i];
    if (token.text === ',' && tokens[i + 1] && /^[a-z]/.test(tokens[i + 1].text)) continue;
    // "a new 20 terabyte (5 billion document) multilingual dataset"
    if (token.text === '(') {
      const close = tokens.findIndex((t, k) => k > i && t.text === ')');
      if (close > 0 && close - i <= 8) {
        i = close;
        continue;
      }
    }
    if (isBreak(token) && token.text !== '-') break;
    // "plug-in": a word glued into a compound does not end the phrase.
    if (PHRASE_END.has(token.lower) && (token.ws || i === from)) break;
    if (token.ws && token.pos === 'VERB' && /(ed|ing)$/.test(token.lower) && kind) break;
    const head = headKind(token.lower);
    if (head) {
      const previous = tokens[i - 1];
      const compound = previous && !token.ws ? compoundBefore(sentence, i) : previous?.lower;
      kind = head === 'TASK' && compound && OBJECTIVE_MODIFIERS.has(compound) ? 'METHOD' : head;
      // "With GEM, a 1.3B parameter Transformer trains faster": a subject, not an apposition.
      const next = tokens[i + 1];
      if (
        apposition &&
        next &&
        next.ws &&
        (next.pos === 'VERB' || next.pos === 'AUX') &&
        !/(ed|ing)$/.test(next.lower)
      ) {
        return undefined;
      }
    }
  }
  return kind;
}

function compoundBefore(sentence: Sentence, i: number): string {
  const tokens = sentence.tokens;
  let start = i;
  while (start > 0 && !tokens[start].ws && !isBreak(tokens[start - 1])) start--;
  return sentence.text.slice(tokens[start].start, tokens[i].start).replace(/-$/, '').toLowerCase();
}

/** The kind announced right before a name: "the benchmark MVBench", "a model called BERT". */
export function descriptorKind(sentence: Sentence, nameStart: number): EntityKind | undefined {
  const tokens = sentence.tokens;
  let i = nameStart - 1;
  const skip = new Set([
    'called',
    'named',
    'termed',
    'dubbed',
    'coined',
    'namely',
    'as',
    'known',
    'the',
    '"',
    'new',
  ]);
  let skipped = 0;
  while (i >= 0 && skip.has(tokens[i].lower) && skipped < 4) {
    i--;
    skipped++;
  }
  if (i < 0) return undefined;
  const kind = headKind(tokens[i].lower);
  if (kind === 'TASK') {
    const modifier =
      tokens[i - 1]?.lower === '-' ? compoundBefore(sentence, i) : tokens[i - 1]?.lower;
    if (modifier && OBJECTIVE_MODIFIERS.has(modifier)) return 'METHOD';
  }
  return kind;
}

/** The kind announced by the noun right after a name: "Pythia model", "CDD datasets". */
export function followingKind(sentence: Sentence, nameEnd: number): EntityKind | undefined {
  const tokens = sentence.tokens;
  let i = nameEnd;
  if (tokens[i]?.lower === "'s") return undefined;
  // "Multi-Modal Sequence Parallelism (MM-SP) system": look past the acronym.
  if (tokens[i]?.text === '(' && tokens[i + 2]?.text === ')') i += 3;
  else if (tokens[i]?.text === '(') {
    const close = tokens.findIndex((t, k) => k > i && t.text === ')');
    if (close > 0 && close - i <= 6) i = close + 1;
  }
  // "X pre-training" or "X-based" are handled by the callers; skip one modifier word at most.
  for (let step = 0; step < 2 && i < tokens.length; step++) {
    const token = tokens[i];
    if (isBreak(token)) return undefined;
    const kind = headKind(token.lower);
    if (kind) {
      if (kind === 'METHOD' && (token.lower === 'training' || token.lower === 'tuning')) {
        return step === 0 ? 'METHOD' : undefined;
      }
      return kind;
    }
    if (token.lower === 'test' && tokens[i + 1]?.lower === 'set') return 'DATASET';
    if (token.lower === 'shared' && tokens[i + 1]?.lower === 'task') return 'DATASET';
    if (token.lower === 'pre' || token.lower === '-') {
      i++;
      step--;
      continue;
    }
    if (
      !/^(base|large|small|vision|language|video|text|image|speech|audio|code|multimodal|foundation|language)$/i.test(
        token.lower,
      )
    ) {
      return undefined;
    }
    i++;
  }
  return undefined;
}
