import * as fs from "node:fs";
import Papa from "papaparse";
import { dataPath } from "../codebook/project-root.js";
import { unknownName, UsageError } from "../errors/usage-error.js";
import { publishedFigures } from "./figures.js";

/** One indicator that would track a recommendation of the report; one row of recommendation-indicators.csv. */
export interface RecommendationIndicator {
  /** The recommendation (or part of it) the indicator tracks, numbered as in the report. */
  readonly recommendation: string;
  /** The share a repeat survey would track, in words. */
  readonly indicator: string;
  /** The published figure (data/published/figures.csv id) whose computed value is the baseline. */
  readonly receipt: string;
  /** The change the recommendation wants: "up", "down", or a few words ("context"). */
  readonly direction: string;
}

const COLUMNS = ["recommendation", "indicator", "receipt", "direction"] as const;

/**
 * Parses recommendation-indicators CSV text and checks it: the four columns, no empty cell, and every `receipt` an
 * id of the published figures (`ids`, default those of data/published/figures.csv). A bad id is an error naming
 * its row and the closest ids.
 * @example
 * parseRecommendationIndicators("recommendation,indicator,receipt,direction\n2. Learning,Trained,lw-trained,up\n")[0].receipt; // "lw-trained"
 */
export function parseRecommendationIndicators(
  text: string,
  ids: readonly string[] = publishedFigures().map((f) => f.id),
): RecommendationIndicator[] {
  const fn = "recommendationIndicators";
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new UsageError(fn, `row ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  const header = parsed.meta.fields ?? [];
  for (const c of COLUMNS) if (!header.includes(c)) throw unknownName(fn, "column", c, header);
  return parsed.data.map((row, i) => {
    const line = i + 2;
    for (const c of COLUMNS)
      if ((row[c] ?? "").trim() === "") throw new UsageError(fn, `row ${line}: column ${c} is empty`);
    const receipt = row.receipt!.trim();
    if (!ids.includes(receipt)) throw unknownName(fn, "receipt", receipt, ids, `figures.csv (row ${line})`);
    return {
      recommendation: row.recommendation!.trim(),
      indicator: row.indicator!.trim(),
      receipt,
      direction: row.direction!.trim(),
    };
  });
}

/**
 * The indicators that would track the report's recommendations, from data/published/recommendation-indicators.csv
 * (our reading: the report names none), each with the receipt id of its baseline.
 * @example
 * recommendationIndicators().map((r) => r.receipt); // ["lw-referrals-physical-health", ...]
 */
export function recommendationIndicators(): RecommendationIndicator[] {
  return parseRecommendationIndicators(
    fs.readFileSync(dataPath("published", "recommendation-indicators.csv"), "utf8"),
  );
}
