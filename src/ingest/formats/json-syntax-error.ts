import { InputError } from '../../model';
import { LineIndex } from './line-index';

/**
 * Turns a JSON.parse failure into an InputError naming the line. V8 gives a position for most
 * syntax errors but not for "Unexpected token ..." ones, so those are located by parsing prefixes.
 */
export function jsonSyntaxError(
  text: string,
  error: unknown,
  file: string,
  firstLine = 1,
): InputError {
  const message = error instanceof Error ? error.message : String(error);
  const offset = errorOffset(text, message);
  const line = firstLine + new LineIndex(text).lineOf(offset) - 1;
  return new InputError(file, line, `invalid JSON: ${stripSnippet(message)}`);
}

function errorOffset(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), text.length);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  return firstFailingOffset(text);
}

/**
 * A prefix that fails before its own end fails at the same place as the whole text (parsing is
 * left to right), so the shortest such prefix ends just after the offending character.
 */
function firstFailingOffset(text: string): number {
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (failsBeforeEnd(text.slice(0, mid))) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/Unexpected end of JSON input/.test(message)) return false;
    const position = /at position (\d+)/.exec(message);
    return !position || Number(position[1]) < prefix.length;
  }
}

/** V8 quotes the surrounding text ('"..." is not valid JSON'); the line number says more. */
function stripSnippet(message: string): string {
  return message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+( \(line \d+ column \d+\))?$/, '');
}
