import { describe, expect, it } from "vitest";
import { guessDelimiter, type HeaderScore } from "../../src/load/parse-csv.js";

// The delimiter of a CSV is the one whose header row rates best; rating is costly (header matching against both
// codebooks), so a candidate whose cheap upper bound cannot beat the best rating so far is not rated.
const known = new Set(["Response ID", "Area", "Trained in PA?", "Confident, or not?"]);
const rate = (calls: string[][]): HeaderScore => {
  const score: HeaderScore = (h) => {
    calls.push(h);
    return h.filter((x) => known.has(x)).length + h.length / 1000;
  };
  return score;
};

describe("guessDelimiter", () => {
  const semicolon = 'Response ID;Area;Trained in PA?;"Confident, or not?"\r\n1;Cumbria;Yes;"Very, very"\r\n';
  const comma = 'Response ID,Area,Trained in PA?,"Confident, or not?"\r\n1,Cumbria,Yes,"Very, very"\r\n';

  it("picks the delimiter whose header rates best, rating every candidate without a bound", () => {
    const calls: string[][] = [];
    expect(guessDelimiter(semicolon, rate(calls))).toEqual({ delimiter: ";", width: 4 });
    expect(calls).toHaveLength(4);
  });

  it("with an upper bound, skips candidates that cannot win and picks the same delimiter", () => {
    for (const [text, delimiter] of [
      [semicolon, ";"],
      [comma, ","],
    ] as const) {
      const plain: string[][] = [];
      const bounded: string[][] = [];
      const score = rate(bounded);
      score.upperBound = (h) => h.length * 1.001;
      const expected = guessDelimiter(text, rate(plain));
      expect(guessDelimiter(text, score)).toEqual(expected);
      expect(expected.delimiter).toBe(delimiter);
      // The tab and pipe readings are one long column each: never rated.
      expect(bounded.every((h) => h.length > 1)).toBe(true);
      expect(bounded.length).toBeLessThan(plain.length);
    }
  });

  it("keeps the earliest delimiter on a full tie, in any rating order", () => {
    const score: HeaderScore = () => 0;
    score.upperBound = () => 0;
    expect(guessDelimiter("a\r\n1\r\n", score).delimiter).toBe(",");
  });
});
