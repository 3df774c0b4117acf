import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * One case of tests/strata/reference/weighted-strata.json: synthetic weighted respondents with R's
 * regTermTest(svyglm(...)) pooled test and per-stratum svychisq p-values (written by make-weighted-strata.R).
 */
export interface WeightedStrataFixture {
  name: string;
  y: string[];
  by: string[];
  s: string[];
  w: number[];
  F: number;
  df: number;
  ddf: number;
  p: number;
  coef: number[];
  vcov: number[];
  strata: string[];
  stratumP: number[];
}

/** Every case of the fixture file, in its order. */
export const weightedStrataFixtures = JSON.parse(
  readFileSync(join(__dirname, "weighted-strata.json"), "utf8"),
) as WeightedStrataFixture[];

/** The case called `name`; an unknown name is an error naming it. */
export function weightedStrataFixture(name: string): WeightedStrataFixture {
  const f = weightedStrataFixtures.find((x) => x.name === name);
  if (!f) throw new Error(`no weighted-strata fixture called "${name}"`);
  return f;
}
