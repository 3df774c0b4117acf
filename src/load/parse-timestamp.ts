const pad = (n: string): string => n.padStart(2, "0");

/**
 * Reads a survey-platform timestamp as a local ISO string without zone: UK "DD/MM/YYYY HH:MM[:SS]" (Jisc,
 * SmartSurvey, Google Sheets), ISO "YYYY-MM-DD[T ]HH:MM[:SS]", "YYYY/MM/DD HH:MM:SS" (Google Forms CSV), US
 * "MM/DD/YYYY h:mm:ss AM" (SurveyMonkey) only when an AM/PM marker says so. Returns null when unreadable.
 * @example
 * parseTimestamp("31/01/2022 09:05"); // "2022-01-31T09:05:00"
 */
export function parseTimestamp(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?)?$/.exec(s);
  if (m) return build(m[1] as string, m[2] as string, m[3] as string, m[4], m[5], m[6]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i.exec(s);
  if (!m) return null;
  let [day, month] = [m[1] as string, m[2] as string];
  let hour = m[4];
  if (m[7]) {
    [day, month] = [month, day];
    const h = Number(hour) % 12;
    hour = String(m[7].toUpperCase() === "PM" ? h + 12 : h);
  }
  return build(m[3] as string, month, day, hour, m[5], m[6]);
}

function build(y: string, mo: string, d: string, h?: string, mi?: string, s?: string): string | null {
  const [month, day, hour, minute, second] = [
    Number(mo),
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
  ];
  const daysIn = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysIn || hour > 23 || minute > 59 || second > 59)
    return null;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h ?? "0")}:${pad(mi ?? "0")}:${pad(s ?? "0")}`;
}
