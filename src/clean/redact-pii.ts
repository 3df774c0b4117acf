/** Which kinds of personal data were found in a piece of free text. */
export type PiiKind = "email" | "phone" | "postcode" | "name";

export interface Redaction {
  text: string;
  found: PiiKind[];
}

const EMAIL = /[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
// Candidate UK numbers: +44 or a leading 0, then digits with spaces, hyphens or brackets; checked by digit count.
const PHONE = /(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?\b0)\d[\d\s()-]{7,15}\d/g;
// A full UK postcode (outward and inward code); an outward code alone ("PR1") is a district, not an address.
const POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;
// Self-introductions and sign-offs followed by a capitalised name: a heuristic; other names are not detected.
const NAME =
  /\b((?:[Mm]y name is|[Nn]ame:|I am|I'm|[Rr]egards,?|[Tt]hanks,?|[Tt]hank you,?|[Cc]heers,?|[Mm]any thanks,?)\s+)([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b/g;
const NAME_STOPWORDS = new Set([
  "Active",
  "The",
  "A",
  "An",
  "Not",
  "Very",
  "Link",
  "Social",
  "Our",
  "My",
  "GP",
  "NHS",
]);

function isUkPhone(candidate: string): boolean {
  const digits = candidate.replace(/\(0\)/, "").replace(/\D/g, "");
  return digits.startsWith("44")
    ? digits.length === 12
    : digits.startsWith("0") && (digits.length === 10 || digits.length === 11);
}

/**
 * Redacts personal data in free text: email addresses as "[email]", UK phone numbers as "[phone]", full UK
 * postcodes as "[postcode]", and names after a self-introduction or sign-off ("my name is", "regards,") as
 * "[name]". Names elsewhere in the text are not detected.
 * @example
 * redactPii("Call 07700 900123 or jo@example.org, PR1 2HE").text; // "Call [phone] or [email], [postcode]"
 */
export function redactPii(text: string): Redaction {
  const found = new Set<PiiKind>();
  let out = text.replace(EMAIL, () => {
    found.add("email");
    return "[email]";
  });
  out = out.replace(PHONE, (match) => {
    if (!isUkPhone(match)) return match;
    found.add("phone");
    const trailing = /\s+$/.exec(match)?.[0] ?? "";
    return `[phone]${trailing}`;
  });
  out = out.replace(POSTCODE, () => {
    found.add("postcode");
    return "[postcode]";
  });
  out = out.replace(NAME, (match, lead: string, name: string) => {
    if (NAME_STOPWORDS.has(name.split(/[ -]/)[0] as string)) return match;
    found.add("name");
    return `${lead}[name]`;
  });
  return { text: out, found: [...found] };
}
