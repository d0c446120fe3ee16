/**
 * Maps character offsets to 1-based line numbers. Readers that parse a whole document at once
 * (JSON arrays, XML) only learn offsets, but every record and error must name its line.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  /** The 1-based line holding `offset`; offsets past the end belong to the last line. */
  lineOf(offset: number): number {
    // Binary search: documents can hold tens of thousands of records.
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

/** The lines of a text without their terminators; Windows line ends are common in pasted files. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
