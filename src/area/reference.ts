import * as fs from "node:fs";
import Papa from "papaparse";
import { dataPath } from "../codebook/project-root.js";

/** One row of the district lookup: a fieldwork-era (2019-code) district, its 2023 successor and its Active Partnership. */
export interface DistrictLookup {
  readonly lad19Code: string;
  readonly lad19Name: string;
  readonly lad23Code: string;
  readonly lad23Name: string;
  readonly activePartnership: string;
}

/** An IMD local-authority summary row (rank 1 = most deprived). */
export interface ImdRow {
  readonly code: string;
  readonly name: string;
  readonly edition: "IMD 2019" | "IMD 2025";
  readonly score: number;
  readonly rank: number;
  /** Local authorities ranked in that edition (317 in 2019, 296 in 2025). */
  readonly rankOutOf: number;
}

/** Active Lives adults (19+, OHID Fingertips) for one area and survey year. */
export interface ActiveLivesRow {
  readonly code: string;
  readonly name: string;
  readonly period: string;
  readonly activePct: number | null;
  readonly inactivePct: number | null;
}

type Record_ = Record<string, string>;

/**
 * Reads a CSV from data/reference/ into string records, checking that the named columns exist.
 * @example
 * referenceCsv("imd2025-nw-lad24.csv", ["lad_code"]).length; // 35
 */
export function referenceCsv(file: string, required: readonly string[]): Record_[] {
  const path = dataPath("reference", file);
  if (!fs.existsSync(path)) throw new Error(`reference data: ${path} is missing`);
  const parsed = Papa.parse<Record_>(fs.readFileSync(path, "utf8"), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) {
    const e = parsed.errors[0]!;
    throw new Error(`reference data: ${file} row ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  const columns = parsed.meta.fields ?? [];
  for (const c of required)
    if (!columns.includes(c)) throw new Error(`reference data: ${file} has no column "${c}"`);
  return parsed.data;
}

function num(file: string, column: string, row: Record_): number | null {
  const raw = (row[column] ?? "").trim();
  if (raw === "") return null;
  const v = Number(raw);
  if (!Number.isFinite(v))
    throw new Error(`reference data: ${file} column "${column}" has "${raw}", not a number`);
  return v;
}

function required(file: string, column: string, row: Record_): number {
  const v = num(file, column, row);
  if (v === null) throw new Error(`reference data: ${file} column "${column}" is empty for ${row.lad_code}`);
  return v;
}

/**
 * The 39 North West districts on 2019 codes with their 2023 successor authority and Active Partnership.
 * @example
 * districtLookup().find((d) => d.lad19Name === "Eden")?.lad23Name; // "Westmorland and Furness"
 */
export function districtLookup(): DistrictLookup[] {
  const file = "nw-lad-active-partnership.csv";
  const cols = ["lad19_code", "lad19_name", "lad23_code", "lad23_name", "active_partnership"];
  return referenceCsv(file, cols).map((r) => ({
    lad19Code: r.lad19_code!,
    lad19Name: r.lad19_name!,
    lad23Code: r.lad23_code!,
    lad23Name: r.lad23_name!,
    activePartnership: r.active_partnership!,
  }));
}

/**
 * IMD local-authority summaries for one edition: 2019 on the 39 pre-2023 districts (no Cumberland or Westmorland
 * and Furness), 2025 on the 35 current authorities. The two editions are never merged.
 * @example
 * imd("2019").find((r) => r.name === "Blackpool")?.rank; // 1
 */
export function imd(edition: "2019" | "2025"): ImdRow[] {
  const file = edition === "2019" ? "imd2019-nw-lad.csv" : "imd2025-nw-lad24.csv";
  const cols = ["lad_code", "lad_name", "imd_avg_score", "imd_rank_of_avg_score"];
  return referenceCsv(file, cols).map((r) => ({
    code: r.lad_code!,
    name: r.lad_name!,
    edition: edition === "2019" ? "IMD 2019" : "IMD 2025",
    score: required(file, "imd_avg_score", r),
    rank: required(file, "imd_rank_of_avg_score", r),
    rankOutOf: edition === "2019" ? 317 : 296,
  }));
}

/**
 * Active Lives active and inactive adults (19+) for one survey year (default 2021/22, the surveys' fieldwork
 * year). Old Cumbria districts exist up to 2021/22; the two new authorities are OHID back-casts before 2023.
 * @example
 * activeLives("2021/22").find((r) => r.name === "Eden")?.inactivePct; // 16.8
 */
export function activeLives(period = "2021/22"): ActiveLivesRow[] {
  const file = "active-lives-nw-lad.csv";
  const cols = ["area_code", "area_name", "period", "active_pct_19plus", "inactive_pct_19plus"];
  const rows = referenceCsv(file, cols).filter((r) => r.period === period);
  if (!rows.length) throw new Error(`reference data: ${file} column "period" has no rows for "${period}"`);
  return rows.map((r) => ({
    code: r.area_code!,
    name: r.area_name!,
    period,
    activePct: num(file, "active_pct_19plus", r),
    inactivePct: num(file, "inactive_pct_19plus", r),
  }));
}
