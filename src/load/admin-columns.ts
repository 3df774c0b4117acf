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

// Each platform's own spellings and ignored columns, normalised once.
const byPlatform = new WeakMap<PlatformLayout, { admin: Map<string, AdminKey>; ignore: Set<string> }>();
function spellings(platform: PlatformLayout): { admin: Map<string, AdminKey>; ignore: Set<string> } {
  let entry = byPlatform.get(platform);
  if (entry) return entry;
  entry = { admin: new Map(), ignore: new Set(platform.ignore.map(normaliseText)) };
  for (const [key, headers] of Object.entries(platform.admin) as [AdminKey, string[]][])
    for (const header of headers)
      if (!entry.admin.has(normaliseText(header))) entry.admin.set(normaliseText(header), key);
  byPlatform.set(platform, entry);
  return entry;
}

/**
 * The fixed admin key of a platform admin header, or undefined: the platform's own spelling first, then any
 * platform's.
 * @example
 * adminKey("Respondent ID"); // "response_id"
 * adminKey("ID", microsoftForms); // "response_id"
 */
export function adminKey(header: string, platform?: PlatformLayout): AdminKey | undefined {
  const key = normaliseText(header);
  const own = platform ? spellings(platform).admin.get(key) : undefined;
  return own ?? ANY_PLATFORM.get(key);
}

/**
 * Whether a header is a column of the platform that holds neither answers nor personal data (e.g. Qualtrics'
 * "Duration (in seconds)"): it is set aside without a warning.
 * @example
 * isPlatformColumn("Collector ID", surveyMonkey); // true
 */
export function isPlatformColumn(header: string, platform: PlatformLayout): boolean {
  return spellings(platform).ignore.has(normaliseText(header));
}
