/**
 * Trims weights in place to [lower, upper] as R's `survey::trimWeights(design, upper, lower, strict = TRUE)`:
 * weights outside are set to the bound, the trimmed amount is spread evenly over the weights that were inside,
 * and this repeats until none is outside. The total is kept. Returns how many weights were trimmed in some pass.
 * @example
 * const w = new Float64Array([0.5, 1, 1, 3.5]);
 * trimWeights(w, { lower: 0.8, upper: 2 }); // 2 (trimmed); w is now [0.8, 1.6, 1.6, 2], still summing to 6
 */
export function trimWeights(w: Float64Array, bounds: { lower?: number; upper?: number }): number {
  const lower = bounds.lower ?? -Infinity;
  const upper = bounds.upper ?? Infinity;
  if (!(lower <= upper)) throw new Error(`trimWeights: lower bound ${lower} is above upper bound ${upper}`);
  const n = w.length;
  const total = w.reduce((a, b) => a + b, 0);
  if (lower * n > total * (1 + 1e-12) || upper * n < total * (1 - 1e-12))
    throw new Error(
      `trimWeights: ${n} weights summing to ${total} cannot all lie in [${lower}, ${upper}] (their mean is ${total / n})`,
    );
  const everTrimmed = new Uint8Array(n);
  for (let pass = 0; pass < 10000; pass++) {
    const outside = new Uint8Array(n);
    let trimmed = 0;
    let inside = 0;
    for (let i = 0; i < n; i++) {
      const v = w[i]!;
      if (v < lower || v > upper) {
        const b = v < lower ? lower : upper;
        trimmed += v - b;
        w[i] = b;
        outside[i] = 1;
        everTrimmed[i] = 1;
      } else inside++;
    }
    if (inside === n) return everTrimmed.reduce((a, b) => a + b, 0);
    const share = trimmed / inside;
    for (let i = 0; i < n; i++) if (!outside[i]) w[i] = w[i]! + share;
  }
  throw new Error(`trimWeights: the weights did not settle within [${lower}, ${upper}]`);
}
