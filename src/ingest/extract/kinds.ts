import { EntityKind } from '../../model';
import { appositionKind, descriptorKind, followingKind } from './head-nouns';
import { RoleCue } from './roles';
import { Sentence } from './sentences';

/**
 * The kind of a name that the lexicon does not know, decided by weighted votes from every place
 * it appears: head nouns around it (strongest), the shape of the name itself ("...Bench",
 * "...QA" are datasets; "...BERT", "...GPT" models), and the role context (a name "on" which
 * results are reported is probably a dataset).
 */
export class KindVotes {
  private readonly weights = new Map<EntityKind, number>();

  add(kind: EntityKind | undefined, weight: number): void {
    if (!kind || weight <= 0) return;
    this.weights.set(kind, (this.weights.get(kind) ?? 0) + weight);
  }

  merge(other: KindVotes): void {
    for (const [kind, weight] of other.weights) this.add(kind, weight);
  }

  /** The total weight of evidence coming from head nouns and appositions (not guesses). */
  get total(): number {
    let sum = 0;
    for (const weight of this.weights.values()) sum += weight;
    return sum;
  }

  /** The best-supported kind; ties go to MODEL, then METHOD, DATASET, TASK. */
  best(): EntityKind | undefined {
    let best: EntityKind | undefined;
    let bestWeight = 0;
    for (const kind of ['MODEL', 'METHOD', 'DATASET', 'TASK'] as EntityKind[]) {
      const weight = this.weights.get(kind) ?? 0;
      if (weight > bestWeight) {
        best = kind;
        bestWeight = weight;
      }
    }
    return best;
  }
}

/** Weights of the evidence sources; head nouns next to the name are the most reliable. */
export const KIND_WEIGHTS = {
  apposition: 3,
  descriptor: 3,
  following: 2.5,
  cue: 2.5,
  title: 1.5,
  morphology: 1.5,
  context: 1,
};

/** Votes from the words around one mention at tokens [start, end). */
export function contextKindVotes(
  sentence: Sentence,
  start: number,
  end: number,
  cue: RoleCue | undefined,
  votes: KindVotes,
): void {
  const following = followingKind(sentence, end);
  // "MLM pre-training" says less about the name than "Pythia model" does.
  const weakFollowing =
    following === 'METHOD' && /^(pre|training|tuning)$/.test(sentence.tokens[end]?.lower ?? '');
  votes.add(following, weakFollowing ? 1 : KIND_WEIGHTS.following);
  votes.add(descriptorKind(sentence, start), KIND_WEIGHTS.descriptor);
  votes.add(appositionKind(sentence, end), KIND_WEIGHTS.apposition);
  const before = sentence.tokens[start - 1]?.lower;
  const twoBefore = sentence.tokens[start - 2]?.lower;
  if (cue === 'EVAL' && (before === 'on' || (before === 'the' && twoBefore === 'on'))) {
    // "evaluated on X", "results on X" say more than a bare "on X".
    const verb = sentence.tokens[start - (before === 'on' ? 2 : 3)]?.lower ?? '';
    const strong =
      /^(evaluat\w*|test\w*|results?|experiments?|accuracy|performance|benchmarks?|sota)$/.test(
        verb,
      );
    votes.add('DATASET', strong ? KIND_WEIGHTS.following : KIND_WEIGHTS.context);
  }
  if (cue === 'COMPARE') votes.add('MODEL', KIND_WEIGHTS.context / 2);
}

/** Votes from the letters of the name. */
export function morphologyKindVotes(surface: string, votes: KindVotes): void {
  if (/(Bench|QA|Eval|Set|Corpus|Data|-\d+[kK])$/.test(surface)) {
    votes.add('DATASET', KIND_WEIGHTS.morphology);
  } else if (
    /(BERT|GPT|LLM|LM|T5|ViT|LLaVA|VL|VILA|Former|former|Mamba)(-?[\d.]+\w*)?$/.test(surface)
  ) {
    votes.add('MODEL', KIND_WEIGHTS.morphology);
  }
}
