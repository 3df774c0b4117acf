import type * as XLSX from "xlsx";
import { sheetjs } from "../lazy/lazy-require.js";
import type { Question } from "../codebook/types.js";
import { codebook } from "../codebook/codebooks.js";
import type { Rng } from "./rng.js";
import type { SynthRespondent } from "./types.js";
import { fieldworkTimes, localMinutes, type LocalMinutes } from "./common.js";
import { DUPLICATES } from "./plan.js";

// Excel serial day 0 is 1899-12-30 (the 1900 leap-year bug is absorbed by that epoch).
const EXCEL_EPOCH = localMinutes(1899, 12, 30);
const excelSerial = (t: LocalMinutes) => (t - EXCEL_EPOCH) / 1440;

function cellFor(q: Question, r: SynthRespondent): string {
  const v = r.answers[q.id];
  if (q.type === "multi") {
    if (!Array.isArray(v)) return "";
    const other = r.other[q.id];
    return [...v, ...(other ? [other] : [])].join(", ");
  }
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

/**
 * The provider survey as a Google Forms-style workbook: sheet "Form responses 1", Timestamp as real Excel date
 * cells, an Email address column, question-text headers, multi-selects joined with ", " (Other text inline),
 * partial rows and duplicate submissions minutes apart. Returns the workbook; `providerXlsx` writes bytes.
 * @example
 * providerWorkbook(buildProviders(rng), rng).SheetNames; // ["Form responses 1"]
 */
export function providerWorkbook(respondents: SynthRespondent[], rng: Rng): XLSX.WorkBook {
  const questions = codebook("provider").questions;
  const starts = fieldworkTimes(rng, respondents.length, localMinutes(2022, 2, 1), 59);
  const rows: { t: number; r: SynthRespondent }[] = rng
    .shuffle(respondents)
    .map((r, i) => ({ t: starts[i]! + rng.int(60) / 60, r }));
  const complete = rows.filter((x) => x.r.complete);
  const dupes = [
    ...rng.sample(
      complete.filter((x) => x.r.email !== null),
      DUPLICATES.provider - 2,
    ),
    ...rng.sample(
      complete.filter((x) => x.r.email === null),
      2,
    ),
  ];
  for (const x of dupes) rows.push({ t: x.t + 3 + rng.int(20) + rng.int(60) / 60, r: x.r });
  rows.sort((a, b) => a.t - b.t);
  const header = ["Timestamp", "Email address", ...questions.map((q) => q.text)];
  const aoa: (string | number)[][] = [
    header,
    ...rows.map((x) => [excelSerial(x.t), x.r.email ?? "", ...questions.map((q) => cellFor(q, x.r))]),
  ];
  const ws = sheetjs().utils.aoa_to_sheet(aoa);
  for (let i = 1; i <= rows.length; i++) {
    const cell = ws[sheetjs().utils.encode_cell({ r: i, c: 0 })] as XLSX.CellObject;
    cell.z = "dd/mm/yyyy hh:mm:ss";
  }
  const wb = sheetjs().utils.book_new();
  sheetjs().utils.book_append_sheet(wb, ws, "Form responses 1");
  return wb;
}

/**
 * Bytes of the provider workbook (fixed metadata, so regeneration gives identical cells).
 * @example
 * fs.writeFileSync("provider.xlsx", providerXlsx(wb));
 */
export function providerXlsx(wb: XLSX.WorkBook): Buffer {
  wb.Props = {
    Title: "Form responses (synthetic)",
    Author: "sp-pathways synthetic generator",
    CreatedDate: new Date(Date.UTC(2022, 2, 31, 12, 0, 0)),
  };
  return sheetjs().write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}
