import { aliasKey } from './slug';

/**
 * Surface-form normalization shared by the lexicon index, the text matcher and the resolver.
 *
 * Two kinds of key exist. The folded key ignores case, spaces, hyphens, punctuation and a final
 * plural "s", so "Pre-Training", "pretraining" and "pre training" meet, as do "Masked
 * Autoencoders" and "masked auto-encoder". It is the loader's alias key, so names found here are
 * found again by entity(name:). Short all-caps acronyms get an exact key instead: "CASE", "NAS"
 * or "CLIP" must not match the English words "case", "nas" or "clip".
 */

const SHORT_ACRONYM = /^([A-Z]{2,5})(s?)$/;

/** True for a short all-caps acronym, optionally plural ("MAE", "MAEs", "DINO"). */
export function isShortAcronym(surface: string): boolean {
  return SHORT_ACRONYM.test(surface.trim());
}

const foldedKeys = new Map<string, string>();

/** The case-insensitive key of a surface form (see the module comment). */
export function foldedKey(surface: string): string {
  let key = foldedKeys.get(surface);
  if (key === undefined) {
    key = aliasKey(surface);
    // Bounded: keys are cheap to recompute, the cache only saves repeated work on one corpus.
    if (foldedKeys.size > 100_000) foldedKeys.clear();
    foldedKeys.set(surface, key);
  }
  return key;
}

/** The case-sensitive key of a short acronym ("MAEs" -> "=MAE"), or undefined for other forms. */
export function exactKey(surface: string): string | undefined {
  const match = SHORT_ACRONYM.exec(surface.trim());
  return match ? `=${match[1]}` : undefined;
}

/** The one key under which an index stores a surface form. */
export function indexKey(surface: string): string {
  return exactKey(surface) ?? foldedKey(surface);
}

/**
 * The keys under which text is looked up, most specific first: an all-caps span may hit an exact
 * acronym entry or a case-insensitive one ("ADAM" finds "Adam"), but lower-case text never hits an
 * exact acronym entry.
 */
export function lookupKeys(surface: string): string[] {
  const exact = exactKey(surface);
  const folded = foldedKey(surface);
  return exact ? [exact, folded] : [folded];
}

/** Levenshtein distance, giving up (returning max + 1) once the distance must exceed max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Length of the common prefix of two strings. */
export function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether two folded keys name the same thing up to an inflection ("maskedlanguagemodel" and
 * "maskedlanguagemodeling"): equal, or one is a prefix of the other differing by a short ending.
 */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 6) return false;
  const common = commonPrefixLength(a, b);
  return common === shorter && Math.max(a.length, b.length) - shorter <= 3;
}
