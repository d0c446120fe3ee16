import { InputError } from '../../../src/model';

/** Runs `action` and returns the InputError it throws, failing the test if it throws none. */
export function catchInputError(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

/** Awaits `action` and returns the InputError it rejects with. */
export async function catchInputErrorAsync(action: () => Promise<unknown>): Promise<InputError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but the promise resolved');
}

/** Asserts the error names the file, the line and says what is wrong. */
export function expectInputError(
  error: InputError,
  file: string,
  line: number | undefined,
  detail: RegExp,
): void {
  expect(error.file).toBe(file);
  expect(error.line).toBe(line);
  expect(error.detail).toMatch(detail);
  expect(error.message).toBe(`${file}${line === undefined ? '' : `:${line}`}: ${error.detail}`);
}
