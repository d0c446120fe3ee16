import { InputError } from '../../model';
import { describeJson } from './json-lines';
import { normalizeArxivId, splitAuthors, toIsoDate, uniqueNonEmpty } from './field-values';

/**
 * Typed access to the fields of one JSON record. Every failure names the file, the record's line
 * and the field, because a message like "expected string" is useless in a 50,000-line dump.
 * JSON null counts as absent for optional fields: dumps such as Papers with Code use it that way.
 */
export class RecordFields {
  constructor(
    private readonly record: Record<string, unknown>,
    private readonly file: string,
    private readonly line: number,
  ) {}

  requiredString(field: string): string {
    const value = this.record[field];
    if (value === undefined) throw this.error(field, 'is required');
    if (typeof value !== 'string')
      throw this.error(field, `must be a string, got ${describeJson(value)}`);
    return value;
  }

  optionalString(field: string): string | undefined {
    const value = this.record[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string')
      throw this.error(field, `must be a string, got ${describeJson(value)}`);
    return value.trim() || undefined;
  }

  /** Ids are often numeric in exported data; they are kept as their decimal text. */
  optionalId(field: string): string | undefined {
    const value = this.record[field];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (value === undefined || value === null || typeof value === 'string') {
      return this.optionalString(field);
    }
    throw this.error(field, `must be a string or a number, got ${describeJson(value)}`);
  }

  optionalDate(field: string): string | undefined {
    const value = this.optionalString(field);
    if (value === undefined) return undefined;
    const date = toIsoDate(value);
    if (!date) throw this.error(field, `must be a date (YYYY-MM-DD), got '${value}'`);
    return date;
  }

  optionalArxivId(field: string): string | undefined {
    const value = this.optionalString(field);
    if (value === undefined) return undefined;
    const id = normalizeArxivId(value);
    if (!id) throw this.error(field, `must be an arXiv id such as 2106.08254, got '${value}'`);
    return id;
  }

  /** An array of names, or one comma-separated string of them. */
  optionalAuthors(field: string): string[] | undefined {
    const value = this.record[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return splitAuthors(value);
    if (isStringArray(value)) return uniqueNonEmpty(value);
    throw this.error(field, 'must be an array of strings or a comma-separated string');
  }

  optionalStringList(field: string): string[] | undefined {
    const value = this.record[field];
    if (value === undefined || value === null) return undefined;
    if (isStringArray(value)) return uniqueNonEmpty(value);
    throw this.error(field, 'must be an array of strings');
  }

  /** Names given as strings or as objects with a `name` (Papers with Code `methods`). */
  optionalNameList(field: string): string[] | undefined {
    const value = this.record[field];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw this.error(field, 'must be an array');
    const names = value.map((item, index) => {
      if (typeof item === 'string') return item;
      const name =
        typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined;
      if (typeof name === 'string') return name;
      throw this.error(`${field}[${index}]`, "must be a string or an object with a string 'name'");
    });
    return uniqueNonEmpty(names);
  }

  private error(field: string, problem: string): InputError {
    return new InputError(this.file, this.line, `field '${field}' ${problem}`);
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
