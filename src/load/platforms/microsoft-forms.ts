import type { PlatformLayout } from "./types.js";

/**
 * Microsoft Forms ("Open in Excel"; XLSX only): ID, Start time, Completion time, Email, Name (an anonymous form
 * writes "anonymous" in every Email cell), multi-selects joined with ";" and a trailing ";", grid items as
 * `Question.Item`.
 */
export const microsoftForms: PlatformLayout = {
  id: "microsoft-forms",
  name: "Microsoft Forms",
  formats: ["xlsx"],
  admin: {
    response_id: ["ID"],
    started: ["Start time"],
    completed: ["Completion time"],
    email: ["Email"],
    name: ["Name"],
  },
  ignore: ["Last modified time", "Total points", "Quiz feedback"],
  signature: ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"],
  minSignature: 3,
  header: "one",
  subColumns: ["bracket", "dot"],
  suffixes: [],
  multiSelect: '"; "-joined with a trailing ";"',
};
