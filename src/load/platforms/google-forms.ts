import type { PlatformLayout } from "./types.js";

/**
 * Google Forms (the responses sheet, or its CSV download): Timestamp, Email address when collected, question
 * texts as headers, grid items as `Question [Item]`, multi-selects joined with ", " (an option may contain a
 * comma: the cleaner resolves the cell against the codebook options).
 */
export const googleForms: PlatformLayout = {
  id: "google-forms",
  name: "Google Forms",
  formats: ["csv", "xlsx"],
  admin: { timestamp: ["Timestamp"], email: ["Email address", "Email Address"] },
  ignore: ["Score"],
  signature: ["Timestamp", "Email address", "Score"],
  minSignature: 2,
  header: "one",
  subColumns: ["bracket"],
  suffixes: [],
  multiSelect: '", "-joined',
};
