import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { dataPath } from "../codebook/project-root.js";
import type { SurveyId } from "../codebook/types.js";

/** Bundled synthetic exports: the Link Worker survey as CSV, the provider survey as XLSX. */
export const SYNTHETIC_EXPORTS: Record<SurveyId, readonly string[]> = {
  "link-worker": ["synthetic", "link-worker.csv"],
  provider: ["synthetic", "provider.xlsx"],
};

const EXPORT_EXTENSIONS = /\.(csv|tsv|txt|xlsx|xlsm|xls)$/i;

/**
 * The folder searched for real exports: `$SP_DATA_DIR` when set, else `data/local/`.
 * @example
 * localDataDir(); // "/path/to/sp-pathways/data/local"
 */
export function localDataDir(): string {
  const fromEnv = process.env.SP_DATA_DIR;
  return fromEnv && fromEnv.trim() !== "" ? resolve(fromEnv) : dataPath("local");
}

/**
 * The first real export of a survey in the local data folder, by name: files whose names start with the
 * survey id ("link-worker", "provider") and end in .csv/.tsv/.txt/.xlsx/.xlsm/.xls, in alphabetical order.
 * @example
 * findLocalExport("provider"); // ".../data/local/provider-2022-03.xlsx" or undefined
 */
export function findLocalExport(survey: SurveyId): string | undefined {
  const dir = localDataDir();
  if (!existsSync(dir)) return undefined;
  const names = readdirSync(dir)
    .filter((name) => name.toLowerCase().startsWith(survey) && EXPORT_EXTENSIONS.test(name))
    // "link-worker" must not pick up a file named for another survey that merely starts the same way.
    .filter((name) => /^[-_ .]/.test(name.slice(survey.length)))
    .sort();
  const hit = names.find((name) => statSync(join(dir, name)).isFile());
  return hit === undefined ? undefined : join(dir, hit);
}

/**
 * Path of the bundled synthetic export of a survey.
 * @example
 * syntheticExport("link-worker"); // ".../data/synthetic/link-worker.csv"
 */
export function syntheticExport(survey: SurveyId): string {
  return dataPath(...SYNTHETIC_EXPORTS[survey]);
}
