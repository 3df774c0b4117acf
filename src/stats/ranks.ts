/** Mid-ranks (1-based, ties share their average rank) and the sizes of the tie groups, for rank tests. */
export interface Ranked {
  readonly ranks: Float64Array;
  /** Size of every group of tied values (1 for an untied value). */
  readonly ties: number[];
}

/** Ranks values with ties averaged, as scipy `rankdata(method="average")`. */
export function midRanks(values: readonly number[]): Ranked {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(values.length);
  const ties: number[] = [];
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    ties.push(end - start);
    start = end;
  }
  return { ranks, ties };
}

/** Keeps finite numbers; anything else must be a missing value (null, undefined, NaN), or the error names it. */
export function finiteValues(fn: string, name: string, values: readonly unknown[]): number[] {
  const out: number[] = [];
  values.forEach((v, i) => {
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return;
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new Error(
        `${fn}: ${name}[${i}] is ${typeof v === "string" ? JSON.stringify(v) : String(v)}; expected a finite number or a missing value`,
      );
    out.push(v);
  });
  return out;
}
