import type { AdminKey } from "./types.js";
import { normaliseText } from "./normalise-text.js";

// Header spellings of admin columns on Jisc Online Surveys, SmartSurvey, SurveyMonkey, Google and Microsoft Forms.
const ADMIN_HEADERS: Record<AdminKey, string[]> = {
  response_id: ["Response ID", "Respondent ID", "ID", "Response number", "Response"],
  started: ["Started", "Start Date", "Start time", "Started at", "Date started"],
  completed: ["Completed", "End Date", "Completion time", "Completed at", "Submitted", "Date submitted"],
  timestamp: ["Timestamp"],
  email: ["Email address", "Email", "E-mail", "E-mail address", "Email Address", "Respondent email"],
  name: ["Name", "Full name", "First Name", "Last Name", "Your name", "Respondent name"],
  ip_address: ["IP Address", "IP"],
};

const BY_NORMALISED = new Map<string, AdminKey>();
for (const [key, headers] of Object.entries(ADMIN_HEADERS) as [AdminKey, string[]][]) {
  BY_NORMALISED.set(normaliseText(key), key);
  for (const header of headers) BY_NORMALISED.set(normaliseText(header), key);
}

/** Admin columns that hold personal data; the cleaner drops them. */
export const PII_ADMIN_KEYS: readonly AdminKey[] = ["email", "name", "ip_address"];

/**
 * The fixed admin key of a platform admin header, or undefined.
 * @example
 * adminKey("Respondent ID"); // "response_id"
 */
export function adminKey(header: string): AdminKey | undefined {
  return BY_NORMALISED.get(normaliseText(header));
}
