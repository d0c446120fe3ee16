import { Lexicon, LexiconEntry } from '../resolve/lexicon';
import { Sentence } from './sentences';
import { isStopLexiconForm } from './stoplist';
import { isDescriptiveAffix, isSizeAffix, SpanMatch, SurfaceIndex } from './surface-index';

/**
 * Finds lexicon names (canonical names and aliases) in sentences. Vague forms are left out of the
 * index even when the lexicon lists them, so "LLMs" never links to anything.
 */

const indexes = new WeakMap<Lexicon, SurfaceIndex<LexiconEntry>>();

export function lexiconIndex(lexicon: Lexicon): SurfaceIndex<LexiconEntry> {
  let index = indexes.get(lexicon);
  if (!index) {
    index = new SurfaceIndex<LexiconEntry>();
    // Canonical names first: an alias of one entry never hides another entry's name.
    for (const entry of lexicon.entries) {
      if (!isStopLexiconForm(entry.name)) index.add(entry.name, entry);
    }
    for (const entry of lexicon.entries) {
      // A vague entry is vague under every name ("deep RL" for Reinforcement Learning).
      if (isStopLexiconForm(entry.name)) continue;
      for (const alias of entry.aliases) if (!isStopLexiconForm(alias)) index.add(alias, entry);
    }
    indexes.set(lexicon, index);
  }
  return index;
}

/**
 * A glued suffix keeps the lexicon match when it only describes the name ("BERT-based") or, for
 * models, gives a size ("LLaMA-70B", "BERT_BASE"). "ImageNet-1K" is not "ImageNet", and
 * "Fast-HuBERT" never matches here because a match must start on a word boundary.
 */
export function acceptLexiconAffix(entry: LexiconEntry, affix: string): boolean {
  return isDescriptiveAffix(affix) || (entry.kind === 'MODEL' && isSizeAffix(affix));
}

/** The longest lexicon name starting at token `start`, if any. */
export function lexiconMatchAt(
  lexicon: Lexicon,
  sentence: Sentence,
  start: number,
): SpanMatch<LexiconEntry> | undefined {
  return lexiconIndex(lexicon).longestAt(sentence, start, acceptLexiconAffix);
}
