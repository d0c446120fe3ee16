/**
 * A small seeded pseudo-random generator, so that a corpus is the same for the same seed on any
 * machine and Node version (Math.random cannot be seeded). mulberry32: 32-bit state, fast, and
 * good enough for picking words and popularity ranks; not for anything that must be unguessable.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * A 0-based rank in [0, n) from a truncated power law: rank r is drawn with probability close
   * to (r + 1)^-s / H(n, s), so rank 0 is the hub and the tail is long. Continuous inverse-CDF
   * approximation of Zipf's law, O(1) per draw whatever n is (the pools grow while generating).
   */
  zipf(n: number, s: number): number {
    if (n <= 1) return 0;
    const u = this.next();
    let x: number;
    if (Math.abs(s - 1) < 1e-9) {
      x = Math.exp(u * Math.log(n + 1));
    } else {
      const a = 1 - s;
      x = Math.pow(u * (Math.pow(n + 1, a) - 1) + 1, 1 / a);
    }
    return Math.min(n - 1, Math.max(0, Math.floor(x) - 1));
  }

  /** `count` distinct values drawn by `draw`, giving up after a bounded number of tries. */
  distinct<T>(count: number, draw: () => T): T[] {
    const out = new Set<T>();
    for (let tries = 0; out.size < count && tries < count * 8; tries++) out.add(draw());
    return [...out];
  }
}
