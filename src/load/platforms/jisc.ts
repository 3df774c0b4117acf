import type { PlatformLayout } from "./types.js";

/**
 * Jisc Online Surveys: numbered headers (`3. Question`, and `4.a. Option` / `4.a. Item` columns that carry no
 * question text), `Other (please specify)` text columns, Response ID, `Timestamp (dd/mm/yyyy)`. CSV and XLSX.
 */
export const jisc: PlatformLayout = {
  id: "jisc",
  name: "Jisc Online Surveys",
  formats: ["csv", "xlsx"],
  admin: {
    response_id: ["Response ID"],
    completed: ["Timestamp (dd/mm/yyyy)", "Timestamp (dd/mm/yyyy hh:mm:ss)"],
    started: ["Started (dd/mm/yyyy)"],
  },
  ignore: ["Unique ID"],
  signature: ["Response ID", "Timestamp (dd/mm/yyyy)", "Timestamp (dd/mm/yyyy hh:mm:ss)", "Unique ID"],
  minSignature: 2,
  header: "one",
  subColumns: ["numbered", "bracket"],
  suffixes: [],
  multiSelect: "one column per option",
};
