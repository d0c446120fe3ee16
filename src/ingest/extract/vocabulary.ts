import { Document } from 'wink-nlp';
import { nlp } from './nlp';

/**
 * Whether a word is ordinary English, according to the vocabulary of wink's English model.
 * Coined names ("Moshi", "Pythia") are not in it; "Depression" or "Mamba" are. A capitalised
 * word that is not ordinary English is more likely to be a name.
 */
let probe: Document | undefined;
const cache = new Map<string, boolean>();

export function isWord(surface: string): boolean {
  const lower = surface.toLowerCase();
  let known = cache.get(lower);
  if (known === undefined) {
    probe ??= nlp().readDoc('word');
    known = /^[a-z]+$/.test(lower) && !!probe.isLexeme(lower);
    // Bounded: a long ingest sees many distinct words, and recomputing one is cheap.
    if (cache.size > 100_000) cache.clear();
    cache.set(lower, known);
  }
  return known;
}
