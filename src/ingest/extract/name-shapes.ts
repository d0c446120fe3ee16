/**
 * How much a written form looks like the name of a model, method or dataset, judged from its
 * letters alone. Coined ML names mix case and digits ("HuBERT", "LongVILA", "MiniGPT-4",
 * "HowTo100M", "CPM-2"); ordinary words and descriptive compounds ("image-QA", "LLM-based",
 * "Real-Time") do not.
 *
 * - strong: coined-looking; an entity unless a stoplist says otherwise.
 * - acronym: all capitals ("FCOS", "BLSP"); an entity when the context supports it.
 * - weak: a capitalised word or lower-case alphanumeric ("Moshi", "wav2vec", "Kinetics-400");
 *   an entity only with explicit support (a cue phrase, a dataset/model head noun, a lexicon).
 * - none: not a name.
 */
export type Shape = 'strong' | 'acronym' | 'weak' | 'none';

type Piece =
  | 'camel'
  | 'alnum'
  | 'lowerAlnum'
  | 'caps'
  | 'letter'
  | 'title'
  | 'lower'
  | 'digits'
  | 'size'
  | 'plus'
  | 'other';

/** Last pieces that make a compound descriptive: "LLM-based", "GAN-style", "BERT-like". */
export const DESCRIPTIVE_AFFIXES = new Set([
  'based',
  'style',
  'like',
  'related',
  'specific',
  'oriented',
  'free',
  'aware',
  'driven',
  'level',
  'scale',
  'only',
  'centric',
  'agnostic',
  'guided',
  'conditioned',
  'enhanced',
  'augmented',
  'powered',
  'inspired',
  'derived',
  'generated',
  'initialized',
  'initialised',
  'pretrained',
  'trained',
  'tuned',
  'finetuned',
  'family',
  'series',
  'type',
  'sized',
  'size',
  'format',
  'compatible',
  'equivalent',
  'friendly',
  'ready',
  'native',
  'enabled',
  'supervised',
  'distilled',
  'backed',
  'integrated',
  'assisted',
  'grounded',
  'centered',
  'focused',
]);

/** Size and flavour suffixes of one model: "-7B", "-base", "_LARGE", " Large", "-L/16". */
const SIZE_SUFFIX =
  /^(.+?)(?:[-_ ](?:\d+(?:\.\d+)?[BMK]|base|large|small|tiny|huge|giant|medium|xl|xxl)|[-_ ][BLSHG](?:\/\d+)?)$/i;

function pieceType(piece: string): Piece {
  if (/^\+{1,2}$/.test(piece)) return 'plus';
  if (/^\d+(\.\d+)*$/.test(piece)) return 'digits';
  // "7B", "4o", "16x16", "960h": a number with a unit, never the start of a name.
  if (/^\d/.test(piece)) return 'size';
  if (/^[A-Z]$/.test(piece)) return 'letter';
  if (/^[A-Z]{2,}s?$/.test(piece)) return 'caps';
  if (/^[A-Z][a-z]+$/.test(piece)) return 'title';
  if (/^[a-z]+$/.test(piece)) return 'lower';
  if (/[a-z][A-Z]/.test(piece) && /^[A-Za-z0-9]+$/.test(piece)) return 'camel';
  if (/^[A-Za-z0-9]+$/.test(piece) && /\d/.test(piece) && /[A-Za-z]/.test(piece)) {
    if (/^\d+[A-Za-z]{1,2}$/.test(piece)) return 'size';
    if (/^[A-Z]\d+$/.test(piece)) return 'letter';
    return /[A-Z]/.test(piece) ? 'alnum' : 'lowerAlnum';
  }
  // "LUPerson", "BIOptimus": several capitals mixed with lower case.
  if (/^[A-Za-z]+$/.test(piece) && /[a-z]/.test(piece) && /[A-Z].*[A-Z]/.test(piece))
    return 'camel';
  return 'other';
}

const NAME_LIKE_PIECES = new Set<Piece>([
  'caps',
  'title',
  'letter',
  'digits',
  'size',
  'camel',
  'alnum',
  'plus',
  'lowerAlnum',
]);

const NUMBERED_NAME_PIECES = new Set<Piece>(['title', 'digits', 'size', 'letter', 'plus']);

const shapes = new Map<string, Shape>();

/** The shape of one written form (a token run without spaces, or a short phrase). */
export function nameShape(surface: string): Shape {
  let shape = shapes.get(surface);
  if (shape === undefined) {
    shape = computeShape(surface);
    // Bounded: shapes are cheap to recompute.
    if (shapes.size > 50_000) shapes.clear();
    shapes.set(surface, shape);
  }
  return shape;
}

function computeShape(surface: string): Shape {
  const words = surface.trim().split(/\s+/);
  if (words.length > 1) {
    const shapes = words.map(wordShape);
    if (shapes.includes('strong')) return 'strong';
    if (shapes.includes('acronym')) return 'acronym';
    return 'none';
  }
  return wordShape(words[0]);
}

function wordShape(word: string): Shape {
  const pieces = word
    .replace(/\+\+?$/, '-$&')
    .split(/[-_/]/)
    .filter((p) => p !== '');
  if (pieces.length === 0) return 'none';
  const types = pieces.map(pieceType);
  if (types.includes('other')) return 'none';
  if (pieces.length === 1) {
    switch (types[0]) {
      case 'camel':
      case 'alnum':
        return 'strong';
      case 'caps':
        return 'acronym';
      case 'title':
      case 'lowerAlnum':
      case 'letter':
        return 'weak';
      default:
        return 'none';
    }
  }
  const last = pieces[pieces.length - 1].toLowerCase();
  if (DESCRIPTIVE_AFFIXES.has(last)) return 'none';
  if (types.every((t) => t === 'digits' || t === 'size' || t === 'plus')) return 'none';
  const hasLower = types.includes('lower');
  if (types.includes('camel') || types.includes('alnum')) return hasLower ? 'weak' : 'strong';
  if (types.includes('caps')) return hasLower ? 'none' : 'strong';
  if (types[0] === 'letter' && types.slice(1).every((t) => t === 'title' || t === 'plus')) {
    return 'strong';
  }
  if (
    types.includes('lowerAlnum') &&
    types.every((t) => NAME_LIKE_PIECES.has(t) || t === 'lower')
  ) {
    return 'weak';
  }
  // "Swin-T", "ViT-H": a capitalised name with a one-letter flavour.
  if (types.length === 2 && types[0] === 'title' && types[1] === 'letter') return 'weak';
  // "Phi-4", "Kinetics-400", "Llama-3-Physician": capitalised words with a number in between.
  const numbered = types.includes('digits') || types.includes('size');
  if (types[0] === 'title' && numbered && types.every((t) => NUMBERED_NAME_PIECES.has(t))) {
    return 'weak';
  }
  return 'none';
}

/** "CodeFuse-13B" -> "CodeFuse", "BERT_BASE" -> "BERT", "WavLM Large" -> "WavLM"; else itself. */
export function stripSize(surface: string): string {
  let current = surface.trim();
  for (;;) {
    const match = SIZE_SUFFIX.exec(current);
    if (!match || nameShape(match[1]) === 'none') return current;
    current = match[1];
  }
}

/** Whether the form ends with a size or flavour suffix ("LLaMA-70B", "CodeT5-small"). */
export function hasSizeSuffix(surface: string): boolean {
  return stripSize(surface) !== surface.trim();
}

/** A token that can follow a name as its version: "2", "2.0", "v1.1", "V2". */
export function isVersionToken(text: string): boolean {
  return /^(\d{1,2}(\.\d+)*|[vV]\d+(\.\d+)*)$/.test(text);
}
