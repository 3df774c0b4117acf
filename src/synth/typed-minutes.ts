import type { Rng } from "./rng.js";

/**
 * How a respondent might type a number of weekly minutes that the cleaner reads back as exactly `m`
 * ("2 hrs", "90 mins", "1.5 hours", "150+", "none", "about 60", "45-75"); plain digits most of the time.
 * @example
 * typedMinutes(createRng(1), 120); // "120" or "2 hrs" or "120 mins" ...
 */
export function typedMinutes(rng: Rng, m: number): string {
  const u = rng.next();
  if (m === 0) return rng.pick(["0", "none", "None", "0 mins", "0"]);
  if (m === 150 && u < 0.3) return "150+";
  if (m >= 60 && m % 60 === 0 && u < 0.3)
    return `${m / 60} ${rng.pick(["hrs", "hours", "hr"])}`.replace(/^1 hrs$/, "1 hr");
  if (m > 60 && m % 30 === 0 && u < 0.3) return `${m / 60} hours`;
  if (m === 60 && u < 0.45) return "about 60";
  if (m >= 45 && m <= 130 && m % 5 === 0 && u < 0.45) return `${m - 15}-${m + 15}`;
  if (u < 0.6) return `${m} mins`;
  return String(m);
}
