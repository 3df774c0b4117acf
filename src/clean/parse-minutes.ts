/** How a free-typed answer was read, when it was not a plain number of minutes. */
export type MinutesFlag =
  | "hours" // a unit of hours was converted to minutes
  | "range-midpoint" // "30-45" read as the midpoint, 37.5
  | "lower-bound" // "150+", "at least 150", "over 150": read as the bound
  | "upper-bound" // "up to 60", "less than 60": read as the bound
  | "approximate" // "about 60", "~60"
  | "per-day" // "30 mins a day" multiplied by 7
  | "no-unit" // a bare number, taken as minutes
  | "not-applicable"; // "n/a", "don't know": missing, not an error

export interface MinutesReading {
  /** Minutes per week, or null (missing or unreadable). */
  minutes: number | null;
  flags: MinutesFlag[];
  /** Why the answer could not be read; absent when it was read or was a non-answer. */
  error?: string;
}

/** Minutes in seven days: a weekly total above this cannot be true. */
export const MINUTES_IN_WEEK = 7 * 24 * 60;

const WORDS: Record<string, string> = {
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  twenty: "20",
  thirty: "30",
  forty: "40",
  fifty: "50",
  sixty: "60",
  ninety: "90",
};
const ZERO = /^(none|nil|nothing|zero|no|0+|0+ ?(mins?|minutes?|hours?|hrs?))$/;
const NON_ANSWER = /^(n\/?a|-+|\?+|don'?t know|dont know|not sure|unsure|varies|prefer not to say)$/;
const NUM = String.raw`(\d+(?:\.\d+)?)`;
const UNIT = String.raw`(m|mins?|minutes?|mns|h|hrs?|hours?)?`;

const unitFactor = (unit: string | undefined): number => (unit && unit.startsWith("h") ? 60 : 1);

/**
 * Reads a free-typed number of weekly minutes as survey respondents type it. Rules: "150" -> 150; "90 mins" ->
 * 90; "2 hrs" -> 120; "1.5 hours" -> 90; "1 hr 30 mins" -> 90; "3 x 30 mins" -> 90; "150+" -> 150 (flag lower-bound); "about 60" ->
 * 60 (approximate); "30-45" -> 37.5, the midpoint of the range (range-midpoint); "30 mins a day" -> 210
 * (per-day, times 7); "none" / "0" -> 0; "n/a" / "don't know" -> null without error; anything else -> null with
 * an error; more than 10,080 (the minutes in a week) -> null with an error.
 * @example
 * parseMinutes("2 hrs").minutes; // 120
 * parseMinutes("30-45"); // { minutes: 37.5, flags: ["range-midpoint"] }
 */
export function parseMinutes(text: string | null | undefined): MinutesReading {
  if (text === null || text === undefined || text.trim() === "") return { minutes: null, flags: [] };
  const reading = read(text);
  if (reading.minutes !== null && reading.minutes > MINUTES_IN_WEEK) {
    return {
      minutes: null,
      flags: reading.flags,
      error: `${reading.minutes} minutes is more than the ${MINUTES_IN_WEEK} minutes in a week`,
    };
  }
  return reading;
}

function read(text: string): MinutesReading {
  const flags: MinutesFlag[] = [];
  let s = text
    .toLowerCase()
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!]+$/, "");
  if (NON_ANSWER.test(s)) return { minutes: null, flags: ["not-applicable"] };
  if (ZERO.test(s)) return { minutes: 0, flags: [] };

  const prefix =
    /^(about|approx\.?|approximately|around|roughly|circa|c\.|~|maybe|probably|at least|over|more than|less than|under|up to)\s*/.exec(
      s,
    );
  if (prefix) {
    const word = prefix[1] as string;
    flags.push(
      ["at least", "over", "more than"].includes(word)
        ? "lower-bound"
        : ["less than", "under", "up to"].includes(word)
          ? "upper-bound"
          : "approximate",
    );
    s = s.slice(prefix[0].length);
  }
  let perDay = false;
  const period = /\s*(?:(?:a|per|each|every|\/|p)\s*(week|wk|day)|(weekly|daily)|pw)$/.exec(s);
  if (period) {
    perDay = period[1] === "day" || period[2] === "daily";
    s = s.slice(0, period.index).trim();
  }
  s = s
    .replace(/\bhalf an? hour\b|\bhalf hour\b/, "30 mins")
    .replace(/\ban hour\b/, "1 hour")
    .replace(
      /\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|ninety)\b/g,
      (w) => WORDS[w] ?? w,
    );
  if (s.endsWith("+")) {
    flags.push("lower-bound");
    s = s.slice(0, -1).trim();
  }

  let minutes: number;
  let m: RegExpExecArray | null;
  if ((m = new RegExp(String.raw`^${NUM} ?${UNIT} ?(?:-|to) ?${NUM} ?${UNIT}$`).exec(s))) {
    const unit = m[4] ?? m[2];
    const [low, high] = [Number(m[1]) * unitFactor(m[2] ?? unit), Number(m[3]) * unitFactor(unit)];
    if (high < low) return { minutes: null, flags, error: `the range "${text.trim()}" runs backwards` };
    minutes = (low + high) / 2;
    flags.push("range-midpoint");
    if (unitFactor(unit) === 60) flags.push("hours");
    if (!unit) flags.push("no-unit");
  } else if (
    (m = new RegExp(String.raw`^${NUM} ?(h|hrs?|hours?) ?(?:and )?${NUM} ?(m|mins?|minutes?)?$`).exec(s))
  ) {
    minutes = Number(m[1]) * 60 + Number(m[3]);
    flags.push("hours");
  } else if ((m = new RegExp(String.raw`^(\d+) ?(?:x|times|\*) ?${NUM} ?${UNIT}$`).exec(s))) {
    minutes = Number(m[1]) * Number(m[2]) * unitFactor(m[3]);
    if (unitFactor(m[3]) === 60) flags.push("hours");
  } else if ((m = new RegExp(String.raw`^${NUM} ?${UNIT}$`).exec(s))) {
    minutes = Number(m[1]) * unitFactor(m[2]);
    if (unitFactor(m[2]) === 60) flags.push("hours");
    if (!m[2]) flags.push("no-unit");
  } else {
    return { minutes: null, flags, error: `"${text.trim()}" is not a number of minutes` };
  }
  if (perDay) {
    minutes *= 7;
    flags.push("per-day");
  }
  return { minutes, flags };
}
