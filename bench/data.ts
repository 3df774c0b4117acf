// Synthetic referral-style records for the benchmark: deterministic (seeded), never real data.

/** Referral sources and their shares, roughly as a link-worker service might see them. */
export const SOURCES = [
  "GP",
  "Practice nurse",
  "Self-referral",
  "Social care",
  "Hospital",
  "Mental health",
  "Housing",
  "Other",
];
const SOURCE_SHARES = [0.42, 0.12, 0.14, 0.08, 0.07, 0.09, 0.04, 0.04];
/** Twelve age bands. */
export const AGE_BANDS = [
  "18-24",
  "25-29",
  "30-34",
  "35-39",
  "40-44",
  "45-49",
  "50-54",
  "55-59",
  "60-64",
  "65-69",
  "70-74",
  "75+",
];
const AGE_SHARES = [0.05, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.11, 0.11, 0.1, 0.09, 0.09];
/** Activities a referral could lead to (select all that apply). */
export const ACTIVITIES = ["Walking group", "Gym", "Swimming", "Dance", "Gardening", "Chair exercise"];
const ACTIVITY_PROB = [0.45, 0.25, 0.15, 0.1, 0.2, 0.12];

/** mulberry32: a small, fast, seeded generator (uniform in [0, 1)). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampler(shares: number[]): (u: number) => number {
  // A 1024-slot lookup table: one multiply and one load per draw.
  const table = new Uint8Array(1024);
  let k = 0;
  let cum = shares[0]!;
  for (let s = 0; s < 1024; ++s) {
    while ((s + 0.5) / 1024 > cum && k < shares.length - 1) cum += shares[++k]!;
    table[s] = k;
  }
  return (u) => table[(u * 1024) | 0]!;
}

/** Pre-encoded codes (the floor's input, and the data handed to pandas). */
export function codes(
  n: number,
  seed: number,
): { source: Uint8Array; age: Uint8Array; weight: Float64Array } {
  const r = rng(seed);
  const s = sampler(SOURCE_SHARES);
  const a = sampler(AGE_SHARES);
  const source = new Uint8Array(n);
  const age = new Uint8Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    source[i] = s(r());
    age[i] = a(r());
    weight[i] = 0.5 + 1.5 * r();
  }
  return { source, age, weight };
}

/** Multi-select codes in compressed-row form, from its own seeded stream. */
export function activityCodes(n: number, seed: number): { offsets: Uint32Array; codes: Uint8Array } {
  const r = rng(seed);
  const offsets = new Uint32Array(n + 1);
  const buffer: number[] = [];
  for (let i = 0; i < n; ++i) {
    for (let k = 0; k < ACTIVITIES.length; ++k) if (r() < ACTIVITY_PROB[k]!) buffer.push(k);
    offsets[i + 1] = buffer.length;
  }
  return { offsets, codes: Uint8Array.from(buffer) };
}

/** The same data as plain JS columns of strings (and string[] for activities), as a loader would produce. */
export function columns(n: number, seed: number, want: { multi: boolean }): Record<string, unknown[]> {
  const c = codes(n, seed);
  const source = new Array<string>(n);
  const age = new Array<string>(n);
  const weight = new Array<number>(n);
  for (let i = 0; i < n; ++i) {
    source[i] = SOURCES[c.source[i]!]!;
    age[i] = AGE_BANDS[c.age[i]!]!;
    weight[i] = c.weight[i]!;
  }
  const out: Record<string, unknown[]> = { source, age_band: age, weight };
  if (want.multi) {
    const m = activityCodes(n, seed + 1);
    const activities = new Array<string[]>(n);
    for (let i = 0; i < n; ++i) {
      const row: string[] = [];
      for (let j = m.offsets[i]!; j < m.offsets[i + 1]!; ++j) row.push(ACTIVITIES[m.codes[j]!]!);
      activities[i] = row;
    }
    out.activities = activities;
  }
  return out;
}
