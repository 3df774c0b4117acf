import type { PlatformLayout } from "./types.js";

/**
 * No platform recognised: question texts (or codebook ids) as headers, `Question [Option]` sub-columns, the
 * usual admin column names. The bundled synthetic Link Worker export uses this layout.
 */
export const generic: PlatformLayout = {
  id: "generic",
  name: "question texts as headers (no platform recognised)",
  formats: ["csv", "xlsx"],
  admin: {
    response_id: ["Response ID", "Respondent ID", "Response number", "Response"],
    started: ["Started", "Start Date", "Start time", "Started at", "Date started"],
    completed: ["Completed", "End Date", "Completion time", "Completed at", "Submitted", "Date submitted"],
    timestamp: ["Timestamp"],
    email: ["Email address", "Email", "E-mail", "E-mail address", "Respondent email"],
    name: ["Name", "Full name", "First Name", "Last Name", "Your name", "Respondent name"],
    ip_address: ["IP Address", "IP"],
  },
  ignore: [],
  signature: [],
  minSignature: Infinity,
  header: "two-row",
  subColumns: ["bracket"],
  suffixes: [],
  multiSelect: "one column per option",
};
