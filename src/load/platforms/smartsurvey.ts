import type { PlatformLayout } from "./types.js";

/**
 * SmartSurvey: a numbered question row (`3. How many ...`) above a sub-label row (option, item or
 * "Other (please specify)"); one column per option for multi-selects; UserID, IP Address, Started, Ended,
 * Duration. CSV and XLSX.
 */
export const smartSurvey: PlatformLayout = {
  id: "smartsurvey",
  name: "SmartSurvey",
  formats: ["csv", "xlsx"],
  admin: {
    response_id: ["UserID", "User ID"],
    started: ["Started"],
    completed: ["Ended"],
    ip_address: ["IP Address"],
  },
  ignore: ["UserNo", "Duration", "Invite Custom Field 1", "Invite Custom Field 2", "Tracking Link"],
  signature: ["UserID", "UserNo", "IP Address", "Started", "Ended", "Duration"],
  minSignature: 3,
  header: "two-row",
  subColumns: ["bracket"],
  suffixes: [],
  multiSelect: "one column per option",
};
