import type { AdminKey } from "./types.js";
import { normaliseText } from "./normalise-text.js";
import { PLATFORMS, type PlatformLayout } from "./platforms/index.js";

// Admin spellings of every platform: a column is recognised even when the layout was not (a re-saved export).
const ANY_PLATFORM = new Map<string, AdminKey>();
for (const platform of PLATFORMS) {
  for (const [key, headers] of Object.entries(platform.admin) as [AdminKey, string[]][]) {
    ANY_PLATFORM.set(normaliseText(key), key);
    for (const header of headers)
      if (!ANY_PLATFORM.has(normaliseText(header))) ANY_PLATFORM.set(normaliseText(header), key);
  }
}

/** Admin columns that hold personal data; the cleaner drops them. */
export const PII_ADMIN_KEYS: readonly AdminKey[] = ["email", "name", "ip_address", "location"];

/**
 * The fixed admin key of a platform admin header, or undefined: the platform's own spelling first, then any
 * platform's.
 * @example
 * adminKey("Respondent ID"); // "response_id"
 * adminKey("ID", microsoftForms); // "response_id"
 */
export function adminKey(header: string, platform?: PlatformLayout): AdminKey | undefined {
  const key = normaliseText(header);
  if (platform) {
    for (const [admin, headers] of Object.entries(platform.admin) as [AdminKey, string[]][])
      if (headers.some((h) => normaliseText(h) === key)) return admin;
  }
  return ANY_PLATFORM.get(key);
}

/**
 * Whether a header is a column of the platform that holds neither answers nor personal data (e.g. Qualtrics'
 * "Duration (in seconds)"): it is set aside without a warning.
 * @example
 * isPlatformColumn("Collector ID", surveyMonkey); // true
 */
export function isPlatformColumn(header: string, platform: PlatformLayout): boolean {
  const key = normaliseText(header);
  return platform.ignore.some((h) => normaliseText(h) === key);
}
