import { extname } from 'node:path';
import { InputError } from '../../model';

export const FORMATS = ['hf-page', 'jsonl', 'arxiv-atom', 'pwc-json'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

// Keys only the Papers with Code dump uses; generic JSON Lines use camelCase (arxivId, published).
const PWC_KEYS = ['paper_url', 'arxiv_id', 'url_abs', 'tasks', 'methods'];

const EXTENSION_HINTS: Record<string, Format> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'pwc-json',
  '.xml': 'arxiv-atom',
  '.atom': 'arxiv-atom',
  '.txt': 'hf-page',
  '': 'hf-page',
};

// Plain text under these names is something else (a table, a document), never a copied page.
const FOREIGN_EXTENSIONS = ['.csv', '.tsv', '.pdf', '.html', '.htm', '.yaml', '.yml', '.docx'];

/**
 * Tells the format from the content, which is decisive when it starts with markup or JSON. The
 * extension only settles plain text, so that a broken .jsonl file gets the JSON reader's precise
 * error rather than being misread as a copied web page.
 */
export function detectFormat(text: string, file: string): Format {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start) throw new InputError(file, undefined, 'file is empty');

  if (start.startsWith('<')) {
    if (/<(?:[^\s/>:]+:)?feed[\s>]/.test(start)) return 'arxiv-atom';
    throw new InputError(
      file,
      undefined,
      'markup without a <feed> element: not an arXiv Atom feed',
    );
  }
  if (start.startsWith('[')) return 'pwc-json';
  if (start.startsWith('{')) return looksLikePwcRecord(start) ? 'pwc-json' : 'jsonl';
  const extension = extname(file).toLowerCase();
  if (EXTENSION_HINTS[extension]) return EXTENSION_HINTS[extension];
  if (
    !FOREIGN_EXTENSIONS.includes(extension) &&
    start.split(/\r?\n/).some((line) => line.length >= 300)
  )
    return 'hf-page';
  throw new InputError(
    file,
    undefined,
    `cannot tell the format; expected one of ${FORMATS.join(', ')} (name it explicitly)`,
  );
}

function looksLikePwcRecord(text: string): boolean {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  try {
    const record: unknown = JSON.parse(firstLine);
    return typeof record === 'object' && record !== null && PWC_KEYS.some((key) => key in record);
  } catch {
    // Not one object per line; the JSON Lines reader will name the broken line.
    return false;
  }
}
