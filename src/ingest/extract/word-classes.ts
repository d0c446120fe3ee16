import { headKind } from './head-nouns';
import { Token } from './sentences';

/**
 * A small rule-based part-of-speech guess, good enough for the few decisions that need one
 * (does a finite verb end a clause, does a preposition end a name). wink's statistical tagger
 * doubled the cost of reading an abstract and, on abstracts, often tagged plural nouns as verbs
 * ("earlier models"); closed word classes and a list of the verbs abstracts use are cheaper and
 * steadier here.
 */

const AUX = new Set(
  'is are was were be been being am has have had does do did can could will would may might shall should must'.split(
    ' ',
  ),
);
const DET = new Set(
  'a an the this these those each every all some any no both either neither such our its their'.split(
    ' ',
  ),
);
const PRON = new Set('we it they he she i you which who whom us them one'.split(' '));
const ADP = new Set(
  (
    'of in on for with from to by at into onto over under between among across through via within ' +
    'without towards toward about against during after before upon than as like per beyond'
  ).split(' '),
);
const CCONJ = new Set('and or but nor yet'.split(' '));

/** Finite verbs that abstracts use after their subject ("X achieves", "it shows"). */
const VERBS = new Set(
  (
    'achieves shows demonstrates performs reaches obtains yields provides leads enables allows ' +
    'requires relies remains becomes helps generates produces learns predicts reduces increases ' +
    'exhibits attains delivers establishes sets brings makes offers supports works suffers fails ' +
    'lacks scales converges matches captures benefits encodes processes consists contains ' +
    'comprises reveals suggests indicates confirms finds observes trains runs operates handles ' +
    'transfers generalizes generalises creates introduces proposes presents extends outperforms ' +
    'surpasses beats exceeds improves boosts enhances uses utilizes leverages employs adopts ' +
    'applies builds takes gives needs seems appears tends aims seeks focuses explores studies ' +
    'addresses solves mitigates alleviates combines integrates incorporates relies depends ' +
    'retrieves conditions approaches sets show demonstrate achieve perform outperform surpass ' +
    'improve reveal suggest indicate enable allow require remain become help produce provide'
  ).split(' '),
);

/** "-ing" words that abstracts use as nouns ("a pooling strategy", "language modeling"). */
const ING_NOUNS = new Set(
  (
    'training pretraining learning modeling modelling pooling masking reasoning understanding ' +
    'processing embedding encoding tuning finetuning prompting scaling sampling ranking labeling ' +
    'labelling parsing matching routing caching editing grounding reading writing rendering ' +
    'mapping clustering filtering tracking planning forecasting captioning answering tagging ' +
    'pruning smoothing setting thinking computing engineering building meaning beginning ' +
    'something nothing everything morning spring string thing king wing ring'
  ).split(' '),
);

/** Universal POS tags guessed for the tokens of one sentence, in place. */
export function tagWords(tokens: Token[]): void {
  let first = true;
  let previous = '';
  for (const token of tokens) {
    token.pos = tagOf(token, first, previous);
    if (token.kind === 'word') first = false;
    previous = token.pos;
  }
}

function tagOf(token: Token, first: boolean, previous: string): string {
  switch (token.kind) {
    case 'number':
      return 'NUM';
    case 'punct':
      return 'PUNCT';
    case 'symbol':
      return 'SYM';
    case 'url':
      return 'X';
    default:
      break;
  }
  const lower = token.lower;
  if (AUX.has(lower)) return 'AUX';
  if (DET.has(lower)) return 'DET';
  if (PRON.has(lower)) return 'PRON';
  if (ADP.has(lower)) return 'ADP';
  if (CCONJ.has(lower)) return 'CCONJ';
  if (/^[A-Z0-9]/.test(token.text) && !first) return 'PROPN';
  if (VERBS.has(lower)) return 'VERB';
  // "MAE reconstructs", "it predicts": an -s word right after a name or pronoun, unless it is
  // a noun that names things ("LLaMA models", "BERT embeddings").
  if (
    (previous === 'PROPN' || previous === 'PRON') &&
    /^[a-z]{3,}[^su]s$/.test(lower) &&
    !headKind(lower)
  ) {
    return 'VERB';
  }
  if (/^[a-z]{3,}(ing|ed)$/.test(lower) && !ING_NOUNS.has(lower)) return 'VERB';
  if (/ly$/.test(lower) && lower.length > 4) return 'ADV';
  return 'NOUN';
}
