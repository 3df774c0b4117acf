import type { PlatformLayout } from "./types.js";

/**
 * SurveyMonkey ("all responses"): two header rows, question text above "Response", "Open-Ended Response" or the
 * option labels; Respondent ID, Collector ID, Start Date, End Date, IP Address, Email Address, First/Last Name.
 * CSV and XLSX.
 */
export const surveyMonkey: PlatformLayout = {
  id: "surveymonkey",
  name: "SurveyMonkey",
  formats: ["csv", "xlsx"],
  admin: {
    response_id: ["Respondent ID"],
    started: ["Start Date"],
    completed: ["End Date"],
    ip_address: ["IP Address"],
    email: ["Email Address"],
    name: ["First Name", "Last Name"],
  },
  ignore: ["Collector ID", "Custom Data 1", "Custom Data 2"],
  signature: ["Respondent ID", "Collector ID", "Start Date", "End Date", "Custom Data 1", "First Name"],
  minSignature: 2,
  header: "two-row",
  subColumns: ["bracket"],
  suffixes: [],
  multiSelect: "one column per option",
};
