import { InputError } from '../../model';
import { splitLines } from './line-index';
import { jsonSyntaxError } from './json-syntax-error';

export interface JsonLine {
  /** The parsed object of one non-blank line. */
  value: Record<string, unknown>;
  /** 1-based line in the file. */
  line: number;
}

/** Parses JSON Lines, one object per line; blank lines are skipped (editors leave a last one). */
export function parseJsonLines(text: string, file: string): JsonLine[] {
  const records: JsonLine[] = [];
  splitLines(text).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw jsonSyntaxError(raw, error, file, line);
    }
    records.push({ value: asObject(value, file, line), line });
  });
  return records;
}

/** A record must be a JSON object; arrays and scalars are the usual sign of the wrong file. */
export function asObject(value: unknown, file: string, line: number): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  throw new InputError(file, line, `expected a JSON object, got ${describeJson(value)}`);
}

export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
