import type { Question } from "../codebook/types.js";
import { normaliseText } from "./normalise-text.js";

// Words that carry no meaning for telling questions apart.
const STOPWORDS = new Set(
  (
    "a an the of to in on at by for from with and or do does did you your yours yourself is are be been " +
    "would could should can will what which how who whom where when why this that these those it its i " +
    "me my we our they their them if any as into about please"
  ).split(" "),
);

const stem = (word: string): string =>
  word.length > 4 && word.endsWith("ies")
    ? `${word.slice(0, -3)}y`
    : word.length > 3 && word.endsWith("s") && !word.endsWith("ss")
      ? word.slice(0, -1)
      : word;

/** A text as matching sees it: content words, and the acronyms of runs of 2-3 words ("pa" covers both words). */
export interface Tokens {
  words: string[];
  /** The same words as a set. */
  set: Set<string>;
  /** Acronym -> the words it stands for ("pa" -> ["physical", "activity"]). */
  acronyms: Map<string, string[]>;
}

/**
 * Splits a text into stemmed content words plus the acronyms of each run of 2-3 consecutive words, so that
 * "physical activity" and "PA" meet.
 * @example
 * tokens("How confident do you feel discussing PA?").words; // ["confident", "feel", "discussing", "pa"]
 */
export function tokens(text: string): Tokens {
  const all = normaliseText(text)
    .split(" ")
    .filter((w) => w !== "");
  const words = all.filter((w) => !STOPWORDS.has(w)).map(stem);
  const acronyms = new Map<string, string[]>();
  for (let i = 0; i < words.length; i++) {
    for (const n of [2, 3]) {
      const run = words.slice(i, i + n);
      if (run.length < n || run.some((w) => !/^\p{L}/u.test(w))) continue;
      const acronym = run.map((w) => w[0]).join("");
      if (!acronyms.has(acronym)) acronyms.set(acronym, run);
    }
  }
  return { words, set: new Set(words), acronyms };
}

/** The codebook's question texts, tokenised once, with an inverted index and word weights (rarer = heavier). */
export interface TextIndex {
  questions: { q: Question; tokens: Tokens }[];
  /** Word or acronym -> positions in `questions`. */
  postings: Map<string, number[]>;
  weight: (word: string) => number;
}

/**
 * Builds the index that `scoreText` searches.
 * @example
 * const index = textIndex(codebook.questions);
 */
export function textIndex(questions: readonly Question[]): TextIndex {
  const entries = questions.map((q) => ({ q, tokens: tokens(q.text) }));
  const postings = new Map<string, number[]>();
  const df = new Map<string, number>();
  entries.forEach((e, i) => {
    const keys = new Set([...e.tokens.words, ...e.tokens.acronyms.keys()]);
    for (const k of keys) postings.set(k, [...(postings.get(k) ?? []), i]);
    for (const w of new Set(e.tokens.words)) df.set(w, (df.get(w) ?? 0) + 1);
  });
  const n = questions.length;
  const weights = new Map<string, number>();
  const weight = (word: string): number => {
    let w = weights.get(word);
    if (w === undefined) weights.set(word, (w = Math.log(1 + n / (df.get(word) ?? 0.5))));
    return w;
  };
  return { questions: entries, postings, weight };
}

// The share of a's words that b covers: the same word, an acronym of b's words, or a word inside a run of b
// whose acronym a uses ("pa" in a covers nothing here; "physical" in a is covered by "pa" in b).
function covered(a: Tokens, b: Tokens, weight: (w: string) => number): [number, number] {
  let byAcronymInB: Set<string> | undefined;
  for (const [acronym, run] of a.acronyms)
    if (b.set.has(acronym)) for (const w of run) (byAcronymInB ??= new Set()).add(w);
  let hit = 0;
  let total = 0;
  for (const w of a.words) {
    const wt = weight(w);
    total += wt;
    if (b.set.has(w) || byAcronymInB?.has(w) || b.acronyms.has(w)) hit += wt;
  }
  return [hit, total];
}

/**
 * Token-overlap similarity of two texts, 0-1 (weighted Dice over content words, acronyms counted as the words
 * they stand for). Word order does not matter, so reordered clauses still match.
 * @example
 * similarity(tokens("minutes of PA a week"), tokens("weekly minutes of physical activity"), () => 1); // ~0.8
 */
export function similarity(a: Tokens, b: Tokens, weight: (w: string) => number): number {
  const [ha, ta] = covered(a, b, weight);
  const [hb, tb] = covered(b, a, weight);
  return ta + tb === 0 ? 0 : (ha + hb) / (ta + tb);
}

/**
 * The questions a header text may mean, best first, with their similarity (only questions sharing a word or
 * acronym are scored, so the cost does not grow with the number of columns times questions).
 * @example
 * scoreText("3. How confident do you feel discussing PA?", index)[0].q.id; // "confidence_discussing"
 */
export function scoreText(text: string, index: TextIndex, limit = 5): { q: Question; score: number }[] {
  const t = tokens(text);
  // Rank by the weight of shared words and acronyms, then score only the best few in full.
  const shared = new Map<number, number>();
  for (const k of [...t.set, ...t.acronyms.keys()]) {
    const w = index.weight(k);
    for (const i of index.postings.get(k) ?? []) shared.set(i, (shared.get(i) ?? 0) + w);
  }
  const best = [...shared].sort((a, b) => b[1] - a[1]).slice(0, limit);
  const out: { q: Question; score: number }[] = [];
  for (const [i] of best) {
    const entry = index.questions[i] as { q: Question; tokens: Tokens };
    out.push({ q: entry.q, score: similarity(t, entry.tokens, index.weight) });
  }
  return out.sort((a, b) => b.score - a.score);
}
