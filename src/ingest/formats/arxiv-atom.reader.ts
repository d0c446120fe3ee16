import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError, PaperRecord } from '../../model';
import { collapseWhitespace, normalizeArxivId, toIsoDate } from './field-values';
import { LineIndex } from './line-index';

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // arXiv mixes in arxiv: and opensearch: elements; a prefixed atom:feed must read the same.
  removeNSPrefix: true,
  // Keep "1234" a string: titles and ids are text even when they look numeric.
  parseTagValue: false,
  // Numeric character references (&#233;) are common in titles and only decoded with this on.
  htmlEntities: true,
  isArray: (name) => name === 'entry' || name === 'author' || name === 'link',
});

/** Reads an arXiv export API response: an Atom feed with one `<entry>` per paper. */
export function readArxivAtom(text: string, file: string): PaperRecord[] {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { line, msg } = validation.err;
    throw new InputError(file, line, `malformed XML: ${msg}`);
  }
  const markup = maskNonMarkup(text);
  const lines = new LineIndex(text);
  checkAtomRoot(markup, file, lines);

  const document = parseFeed(text, file);
  const entries = document.feed?.entry ?? [];
  const entryLines = findEntryOffsets(markup).map((offset) => lines.lineOf(offset));
  if (entryLines.length !== entries.length) {
    throw new InputError(file, undefined, '<entry> elements found outside the <feed> element');
  }
  return entries.map((entry, index) => toPaper(asNode(entry), file, entryLines[index]));
}

/**
 * The parser refuses some documents the validator accepts (nesting deeper than its limit, an
 * unclosed processing instruction, two DOCTYPEs) with a plain Error; they are bad input too.
 */
function parseFeed(text: string, file: string): { feed?: { entry?: unknown[] } } {
  try {
    return parser.parse(text) as { feed?: { entry?: unknown[] } };
  } catch (error) {
    throw new InputError(file, undefined, `malformed XML: ${(error as Error).message}`);
  }
}

type XmlNode = Record<string, unknown>;

function toPaper(entry: XmlNode, file: string, line: number): PaperRecord {
  const id = textOf(entry.id);
  if (/arxiv\.org\/api\/errors/.test(id)) {
    // The API reports a bad query as a feed whose only entry is the error.
    throw new InputError(file, line, `the arXiv API returned an error: ${textOf(entry.summary)}`);
  }
  return {
    title: collapseWhitespace(textOf(entry.title)),
    abstract: collapseWhitespace(textOf(entry.summary)),
    url: alternateLink(entry) ?? (/^https?:\/\//.test(id) ? id : undefined),
    arxivId: normalizeArxivId(id),
    published: publishedDate(entry, file, line),
    authors: listOf(entry.author)
      .map((author) => collapseWhitespace(textOf(asNode(author).name)))
      .filter((name) => name !== ''),
    source: { file, line },
  };
}

function publishedDate(entry: XmlNode, file: string, line: number): string | undefined {
  const published = textOf(entry.published).trim();
  if (!published) return undefined;
  const date = toIsoDate(published);
  if (!date) throw new InputError(file, line, `<published> is not an ISO date: '${published}'`);
  return date;
}

/** Atom's rel defaults to "alternate"; arXiv also lists the PDF under rel="related". */
function alternateLink(entry: XmlNode): string | undefined {
  const link = listOf(entry.link)
    .map(asNode)
    .find((candidate) => (candidate['@_rel'] ?? 'alternate') === 'alternate');
  const href = link?.['@_href'];
  return typeof href === 'string' && href.trim() ? href.trim() : undefined;
}

function checkAtomRoot(markup: string, file: string, lines: LineIndex): void {
  const root = /<(?![?!])([^\s/>]+)([^>]*)>/.exec(markup);
  if (!root) throw new InputError(file, undefined, 'not an Atom feed: no XML element found');
  const [, name, attributes] = root;
  const isFeed = name.replace(/^[^:]*:/, '') === 'feed';
  const namespaces = [...attributes.matchAll(/xmlns(?::[^\s=]+)?\s*=\s*["']([^"']*)["']/g)];
  if (!isFeed || !namespaces.some(([, uri]) => uri === ATOM_NAMESPACE)) {
    throw new InputError(
      file,
      lines.lineOf(root.index),
      `not an Atom feed: the root element is <${name}>, expected <feed xmlns="${ATOM_NAMESPACE}">`,
    );
  }
}

/**
 * The parser gives no positions for empty elements, so entries are located in the text itself,
 * with comments, CDATA and processing instructions blanked out so that their content cannot match.
 */
function findEntryOffsets(markup: string): number[] {
  return [...markup.matchAll(/<(?:[^\s/>:]+:)?entry(?=[\s/>])/g)].map((match) => match.index);
}

/** Replaces non-element constructs with spaces of the same length, keeping offsets and lines. */
function maskNonMarkup(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (construct) =>
    construct.replace(/[^\n]/g, ' '),
  );
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object' && value !== null) return textOf((value as XmlNode)['#text']);
  return value === undefined || value === null ? '' : String(value);
}

function asNode(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null ? (value as XmlNode) : {};
}

function listOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
