import { readFileSync } from 'fs';
import {
  ENTITY_KINDS,
  EntityKind,
  IngestWarning,
  InputError,
  LINEAGE_RELATIONS,
  LineageRelation,
} from '../../model';
import { foldedKey, indexKey } from './normalize';

/**
 * The curated lexicon (seeds/lexicon.json): known entities with their kind, aliases, parents and
 * description. Extraction links a name in the text to a lexicon entry before inventing an entity,
 * so the lexicon decides identity and kind for everything it knows.
 */

export interface LexiconParent {
  name: string;
  relation: LineageRelation;
}

export interface LexiconEntry {
  name: string;
  kind: EntityKind;
  aliases: string[];
  parents: LexiconParent[];
  description?: string;
  /** Position in the file's `entries` array, for messages. */
  index: number;
  /** 1-based line where the entry starts (1 when unknown). */
  line: number;
}

export interface Lexicon {
  file: string;
  entries: LexiconEntry[];
  /** Soft problems (duplicate aliases, unknown parents, unknown fields): the entry still loads. */
  warnings: IngestWarning[];
  /** The entry a surface form names (canonical name or alias), if any. */
  lookup(surface: string): LexiconEntry | undefined;
  /** The entry with exactly this canonical name. */
  byName(name: string): LexiconEntry | undefined;
}

export interface LexiconEntryInput {
  name: string;
  kind: EntityKind;
  aliases?: string[];
  parents?: LexiconParent[];
  description?: string;
}

const ENTRY_FIELDS = new Set(['name', 'kind', 'aliases', 'parents', 'description']);

/** Reads and validates a lexicon file; throws an InputError naming the entry and field at fault. */
export function loadLexicon(path: string): Lexicon {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, undefined, `cannot read the lexicon (${code ?? String(error)})`);
  }
  return parseLexicon(text, path);
}

/** Parses and validates lexicon JSON text (see loadLexicon). */
export function parseLexicon(text: string, file: string): Lexicon {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(file, undefined, `invalid JSON: ${(error as Error).message}`);
  }
  const lines = entryStartLines(text);
  if (!isObject(json)) throw new InputError(file, 1, 'the lexicon must be a JSON object');
  if (json.version !== 1) {
    throw new InputError(file, 1, `version: expected 1, got ${JSON.stringify(json.version)}`);
  }
  if (!Array.isArray(json.entries)) throw new InputError(file, 1, 'entries: expected an array');
  const warnings: IngestWarning[] = [];
  const inputs = json.entries.map((raw, index) =>
    validateEntry(raw, index, file, lines[index] ?? 1, warnings),
  );
  return buildLexicon(inputs, file, lines, warnings);
}

/** Builds a lexicon from already-typed entries (tests, or a lexicon assembled in code). */
export function buildLexicon(
  inputs: LexiconEntryInput[],
  file = '<lexicon>',
  lines: number[] = [],
  warnings: IngestWarning[] = [],
): Lexicon {
  const entries: LexiconEntry[] = inputs.map((input, index) => ({
    name: input.name.trim(),
    kind: input.kind,
    aliases: dedupeForms(input.name, input.aliases ?? []),
    parents: input.parents ?? [],
    description: input.description?.trim() || undefined,
    index,
    line: lines[index] ?? 1,
  }));

  const names = new Map<string, LexiconEntry>();
  for (const entry of entries) {
    const key = foldedKey(entry.name);
    const previous = names.get(key);
    if (previous) {
      throw new InputError(
        file,
        entry.line,
        `entries[${entry.index}].name: "${entry.name}" duplicates entries[${previous.index}] ("${previous.name}")`,
      );
    }
    names.set(key, entry);
  }

  // Canonical names claim their keys first, so an alias never steals another entry's name.
  const byKey = new Map<string, LexiconEntry>();
  for (const entry of entries) byKey.set(indexKey(entry.name), entry);
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const key = indexKey(alias);
      const owner = byKey.get(key);
      if (owner && owner !== entry) {
        warnings.push({
          source: { file, line: entry.line },
          message: `entries[${entry.index}].aliases: "${alias}" already names "${owner.name}"; ignored`,
        });
        continue;
      }
      byKey.set(key, entry);
    }
  }

  for (const entry of entries) {
    entry.parents = entry.parents.filter((parent) => {
      const target = names.get(foldedKey(parent.name));
      if (target && target !== entry) return true;
      warnings.push({
        source: { file, line: entry.line },
        message:
          target === entry
            ? `entries[${entry.index}].parents: "${entry.name}" cannot be its own parent; ignored`
            : `entries[${entry.index}].parents: "${parent.name}" is not a lexicon entry; ignored`,
      });
      return false;
    });
    // Parents are resolved to canonical spellings so that lineage edges name real entries.
    entry.parents = entry.parents.map((p) => ({
      name: names.get(foldedKey(p.name))!.name,
      relation: p.relation,
    }));
  }

  return {
    file,
    entries,
    warnings,
    lookup(surface: string): LexiconEntry | undefined {
      const exact = indexKey(surface);
      return byKey.get(exact) ?? byKey.get(foldedKey(surface));
    },
    byName(name: string): LexiconEntry | undefined {
      const entry = names.get(foldedKey(name));
      return entry && entry.name === name.trim() ? entry : undefined;
    },
  };
}

export const EMPTY_LEXICON: Lexicon = buildLexicon([], '<empty lexicon>');

function validateEntry(
  raw: unknown,
  index: number,
  file: string,
  line: number,
  warnings: IngestWarning[],
): LexiconEntryInput {
  const at = `entries[${index}]`;
  const fail = (field: string, detail: string): never => {
    throw new InputError(file, line, `${at}${field ? `.${field}` : ''}: ${detail}`);
  };
  if (!isObject(raw)) return fail('', 'expected an object');
  for (const field of Object.keys(raw)) {
    if (!ENTRY_FIELDS.has(field)) {
      warnings.push({ source: { file, line }, message: `${at}.${field}: unknown field; ignored` });
    }
  }
  const name = raw.name;
  if (typeof name !== 'string' || !name.trim()) return fail('name', 'expected a non-empty string');
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(ENTITY_KINDS as readonly string[]).includes(kind)) {
    return fail('kind', `expected one of ${ENTITY_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  }
  const aliases = raw.aliases ?? [];
  if (!Array.isArray(aliases)) return fail('aliases', 'expected an array of strings');
  aliases.forEach((alias, i) => {
    if (typeof alias !== 'string' || !alias.trim()) {
      fail(`aliases[${i}]`, 'expected a non-empty string');
    }
  });
  const parents = raw.parents ?? [];
  if (!Array.isArray(parents)) return fail('parents', 'expected an array of { name, relation }');
  const typedParents = parents.map((parent, i): LexiconParent => {
    if (!isObject(parent)) return fail(`parents[${i}]`, 'expected an object { name, relation }');
    if (typeof parent.name !== 'string' || !parent.name.trim()) {
      return fail(`parents[${i}].name`, 'expected a non-empty string');
    }
    const relation = parent.relation;
    if (
      typeof relation !== 'string' ||
      !(LINEAGE_RELATIONS as readonly string[]).includes(relation)
    ) {
      return fail(
        `parents[${i}].relation`,
        `expected one of ${LINEAGE_RELATIONS.join(', ')}, got ${JSON.stringify(relation)}`,
      );
    }
    return { name: parent.name.trim(), relation: relation as LineageRelation };
  });
  const description = raw.description;
  if (description !== undefined && typeof description !== 'string') {
    return fail('description', 'expected a string');
  }
  return {
    name: name.trim(),
    kind: kind as EntityKind,
    aliases: (aliases as string[]).map((a) => a.trim()),
    parents: typedParents,
    description,
  };
}

/** Aliases without blanks, without repeats and without the canonical name itself. */
function dedupeForms(name: string, aliases: string[]): string[] {
  const seen = new Set([name.trim()]);
  const result: string[] = [];
  for (const alias of aliases) {
    const trimmed = alias.trim();
    if (!trimmed || seen.has(trimmed)) continue;
    seen.add(trimmed);
    result.push(trimmed);
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The 1-based line on which each element of the top-level `entries` array starts, found by a
 * string-aware scan of the JSON text, so that errors can point into the file.
 */
function entryStartLines(text: string): number[] {
  const lines: number[] = [];
  const stack: string[] = [];
  let line = 1;
  let inString = false;
  let lastKey = '';
  let keyStart = -1;
  let entriesDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (keyStart >= 0) lastKey = text.slice(keyStart, i);
      }
      continue;
    }
    if (c === '"') {
      inString = true;
      keyStart = stack.length === 1 && stack[0] === '{' ? i + 1 : -1;
    } else if (c === '{' || c === '[') {
      if (c === '[' && stack.length === 1 && lastKey === 'entries') entriesDepth = stack.length + 1;
      if (c === '{' && entriesDepth > 0 && stack.length === entriesDepth) lines.push(line);
      stack.push(c);
    } else if (c === '}' || c === ']') {
      stack.pop();
    }
  }
  return lines;
}
