import { describe, expect, it } from "vitest";
import { publishedFigures } from "../../src/published/figures.js";
import {
  parseRecommendationIndicators,
  recommendationIndicators,
} from "../../src/published/recommendation-indicators.js";

const HEAD = "recommendation,indicator,receipt,direction\n";

describe("recommendationIndicators: data/published/recommendation-indicators.csv", () => {
  it("pairs each of the five recommendations with indicators whose receipts are published figures", () => {
    const rows = recommendationIndicators();
    const ids = new Set(publishedFigures().map((f) => f.id));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const r of rows) expect(ids.has(r.receipt), r.receipt).toBe(true);
    // Every recommendation of the report (numbered 1 to 5) has at least one indicator.
    expect([...new Set(rows.map((r) => r.recommendation[0]))].sort()).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("reads the four columns, trimmed", () => {
    const rows = parseRecommendationIndicators(`${HEAD}2. Learning , Trained ,lw-trained, up\n`, [
      "lw-trained",
    ]);
    expect(rows).toEqual([
      { recommendation: "2. Learning", indicator: "Trained", receipt: "lw-trained", direction: "up" },
    ]);
  });

  it("names a bad receipt id, its row and the closest published id", () => {
    expect(() =>
      parseRecommendationIndicators(
        `${HEAD}2. Learning,Trained,lw-trained,up\n3. Travel,Far,lw-travel-3-mile,down\n`,
        ["lw-trained", "lw-travel-3-miles"],
      ),
    ).toThrow(
      'recommendationIndicators: no receipt "lw-travel-3-mile" in figures.csv (row 3); did you mean "lw-travel-3-miles"?',
    );
  });

  it("names a missing column and an empty cell", () => {
    expect(() =>
      parseRecommendationIndicators("recommendation,indicator,reciept,direction\na,b,c,d\n", []),
    ).toThrow('recommendationIndicators: no column "receipt"; did you mean "reciept"?');
    expect(() => parseRecommendationIndicators(`${HEAD}a,b,lw-trained,\n`, ["lw-trained"])).toThrow(
      "recommendationIndicators: row 2: column direction is empty",
    );
  });
});
