import { mersenneTwister } from "../lazy/lazy-require.js";

/** A seeded pseudo-random source (Mersenne Twister); never Math.random, so every export is reproducible. */
export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Uniform integer on [0, n). */
  int(n: number): number;
  /** One element, optionally weighted. */
  pick<T>(xs: readonly T[], weights?: readonly number[]): T;
  /** A shuffled copy. */
  shuffle<T>(xs: readonly T[]): T[];
  /**
   * Exactly k distinct elements, drawn with probability proportional to `weight` (Efraimidis-Spirakis keys),
   * so planned counts are hit exactly while weights build in associations.
   */
  sample<T>(xs: readonly T[], k: number, weight?: (x: T) => number): T[];
}

/**
 * A seeded Rng over @stdlib's MT19937.
 * @example
 * const rng = createRng(2023);
 * rng.sample([1, 2, 3, 4], 2).length; // 2
 */
export function createRng(seed: number): Rng {
  // The factory's declared type omits .normalized(), which the runtime PRNG has (uniform on [0, 1)).
  const gen = mersenneTwister().factory({ seed }) as unknown as { normalized: () => number };
  const next = () => gen.normalized();
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick<T>(xs: readonly T[], weights?: readonly number[]): T {
      if (xs.length === 0) throw new Error("rng.pick: empty list");
      if (!weights) return xs[int(xs.length)]!;
      const total = weights.reduce((a, b) => a + b, 0);
      let u = next() * total;
      for (let i = 0; i < xs.length; i++) {
        u -= weights[i]!;
        if (u < 0) return xs[i]!;
      }
      return xs[xs.length - 1]!;
    },
    shuffle<T>(xs: readonly T[]): T[] {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    sample<T>(xs: readonly T[], k: number, weight?: (x: T) => number): T[] {
      if (k > xs.length) throw new Error(`rng.sample: asked for ${k} of ${xs.length}`);
      const keyed = xs.map((x) => {
        const w = weight ? weight(x) : 1;
        if (!(w > 0)) throw new Error(`rng.sample: weight ${w} is not positive`);
        return { x, key: Math.log(next() + Number.EPSILON) / w };
      });
      keyed.sort((a, b) => b.key - a.key);
      return keyed.slice(0, k).map((e) => e.x);
    },
  };
}
