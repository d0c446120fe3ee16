import { EntityKind } from '../../src/model';
import { Prng } from './prng';

/**
 * Coined entity names for the synthetic corpus. Models, methods and datasets get made-up names in
 * the shape the extractor recognises as coined ("VelkaMorno", "TirnoSalvaBench"): two five-letter
 * stems of the pattern consonant-vowel-cluster-vowel, camel-cased. Every name uses a pair of stems
 * no other name uses, so no name is contained in another (the extractor would read "XBench" as a
 * variant of "X"), and every name has exactly ten letters before its kind suffix, so no name is a
 * prefix of another. About 4,900 stems give 24 million pairs: enough for the 1M-paper corpus.
 *
 * Tasks are not coined: the extractor finds tasks through the lexicon, so they are real task
 * names from seeds/lexicon.json (none contained in another, none with lexicon parents).
 */

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u'];
const CLUSTERS = [
  'lk',
  'rn',
  'sk',
  'lv',
  'rd',
  'nt',
  'mb',
  'rv',
  'lt',
  'st',
  'nd',
  'rk',
  'sp',
  'zm',
];

export const STEMS: readonly string[] = ONSETS.flatMap((c) =>
  VOWELS.flatMap((v) =>
    CLUSTERS.flatMap((cl) => VOWELS.map((w) => `${c.toUpperCase()}${v}${cl}${w}`)),
  ),
);

/** Dataset suffixes the extractor's name morphology reads as datasets. */
const DATASET_SUFFIXES = ['Bench', 'QA', 'Set', 'Eval'];

export const TASKS: readonly string[] = [
  'Image Classification',
  'Object Detection',
  'Semantic Segmentation',
  'Instance Segmentation',
  'Monocular Depth Estimation',
  'Human Pose Estimation',
  'Multi-Object Tracking',
  'Action Recognition',
  'Image Captioning',
  'Visual Question Answering',
  'Image Generation',
  'Image Inpainting',
  'Image Super-Resolution',
  'Style Transfer',
  'Optical Flow Estimation',
  'Novel View Synthesis',
  'Anomaly Detection',
  'Face Recognition',
  'Optical Character Recognition',
  'Document Understanding',
  'Machine Translation',
  'Reading Comprehension',
  'Natural Language Inference',
  'Sentiment Analysis',
  'Named Entity Recognition',
  'Relation Extraction',
  'Coreference Resolution',
  'Semantic Parsing',
  'Summarization',
  'Dialogue Generation',
  'Code Generation',
  'Mathematical Reasoning',
  'Commonsense Reasoning',
  'Speech Recognition',
  'Speaker Verification',
  'Speech Enhancement',
  'Keyword Spotting',
  'Time Series Forecasting',
  'Link Prediction',
  'Node Classification',
];

/** Hands out names that are unique across all kinds of one corpus. */
export class NameCoiner {
  private readonly used = new Set<number>();

  constructor(private readonly prng: Prng) {}

  coin(kind: Exclude<EntityKind, 'TASK'>): string {
    const n = STEMS.length;
    for (;;) {
      const a = this.prng.int(0, n - 1);
      const b = this.prng.int(0, n - 1);
      if (a === b) continue;
      const pair = a * n + b;
      if (this.used.has(pair)) continue;
      this.used.add(pair);
      const base = `${STEMS[a]}${STEMS[b]}`;
      return kind === 'DATASET' ? `${base}${this.prng.pick(DATASET_SUFFIXES)}` : base;
    }
  }
}
