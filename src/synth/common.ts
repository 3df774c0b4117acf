import * as fs from "node:fs";
import Papa from "papaparse";
import { dataPath } from "../codebook/project-root.js";
import type { Rng } from "./rng.js";
import type { SynthRespondent } from "./types.js";
import { AREAS } from "./plan.js";

/** Local authorities (2019 codes, as at fieldwork) by Active Partnership area code. */
export function lasByArea(): Record<string, string[]> {
  const text = fs.readFileSync(dataPath("reference", "nw-lad-active-partnership.csv"), "utf8");
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.ap_code!] ??= []).push(r.lad19_name!);
  return out;
}

/**
 * Empty respondents with area, Active Partnership label and a local authority inside that area.
 * @example
 * newRespondents(createRng(1), "linkWorkers").length; // 300
 */
export function newRespondents(rng: Rng, size: "linkWorkers" | "providers"): SynthRespondent[] {
  const las = lasByArea();
  const out: SynthRespondent[] = [];
  for (const area of AREAS) {
    for (let i = 0; i < area[size]; i++) {
      out.push({
        area: area.code,
        answers: { ap_area: area.label, local_authority: rng.pick(las[area.code]!) },
        typed: {},
        other: {},
        otherRecode: {},
        flags: {},
        email: null,
        complete: true,
      });
    }
  }
  return out;
}

/**
 * Ticks exactly `counts[label]` respondents of `base` for each option (weighted), then gives anyone left with
 * nothing ticked the `fallback` option, so an answered multi-select is never empty.
 * @example
 * allocateMulti(rng, people, "refer_to", { "Sports clubs": 66 }, "Community groups");
 */
export function allocateMulti(
  rng: Rng,
  base: SynthRespondent[],
  id: string,
  counts: Record<string, number>,
  fallback: string,
  order: string[],
  weight?: (label: string, r: SynthRespondent) => number,
): void {
  const chosen = new Map<SynthRespondent, Set<string>>(base.map((r) => [r, new Set<string>()]));
  for (const [label, k] of Object.entries(counts)) {
    for (const r of rng.sample(base, k, weight ? (x) => weight(label, x) : undefined))
      chosen.get(r)!.add(label);
  }
  for (const r of base) {
    const set = chosen.get(r)!;
    if (set.size === 0) set.add(fallback);
    r.answers[id] = order.filter((l) => set.has(l));
  }
}

/** Everyone's answer to `id` is null (a partial submission stopped before it). */
export function blank(rs: SynthRespondent[], ids: string[]): void {
  for (const r of rs) for (const id of ids) r.answers[id] = null;
}

const FIRST = [
  "a",
  "b",
  "c",
  "d",
  "e",
  "f",
  "g",
  "h",
  "j",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "w",
  "z",
];
const LAST = [
  "smith",
  "jones",
  "taylor",
  "brown",
  "williams",
  "wilson",
  "johnson",
  "davies",
  "patel",
  "robinson",
  "wright",
  "thompson",
  "evans",
  "walker",
  "white",
  "roberts",
  "green",
  "hall",
  "khan",
  "lewis",
  "clarke",
  "jackson",
  "wood",
  "hughes",
  "edwards",
  "ahmed",
  "hill",
  "moore",
  "kaur",
  "murphy",
];

/**
 * A synthetic email at a reserved example domain (RFC 2606), unique within a run.
 * @example
 * syntheticEmail(rng, new Set()); // "k.taylor27@example.org.uk"
 */
export function syntheticEmail(rng: Rng, used: Set<string>): string {
  for (;;) {
    const e = `${rng.pick(FIRST)}.${rng.pick(LAST)}${10 + rng.int(90)}@${rng.pick(["example.nhs.uk", "example.org.uk", "example.com"])}`;
    if (!used.has(e)) {
      used.add(e);
      return e;
    }
  }
}

/** Wall-clock minutes since 2000-01-01 00:00 (Europe/London local time, no zone arithmetic needed). */
export type LocalMinutes = number;

/**
 * Local time for a day offset and minute of day, from a fieldwork start date.
 * @example
 * localMinutes(2021, 11, 15) // minutes at 15/11/2021 00:00
 */
export function localMinutes(year: number, month: number, day: number): LocalMinutes {
  return Date.UTC(year, month - 1, day) / 60000;
}

/**
 * "DD/MM/YYYY HH:MM" for a local time.
 * @example
 * formatDdMm(localMinutes(2021, 11, 15) + 9 * 60 + 5); // "15/11/2021 09:05"
 */
export function formatDdMm(t: LocalMinutes): string {
  const d = new Date(t * 60000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/**
 * Submission start times spread over the fieldwork window, working hours on weekdays, ascending.
 * @example
 * fieldworkTimes(rng, 10, localMinutes(2022, 2, 1), 59).length; // 10
 */
export function fieldworkTimes(rng: Rng, n: number, start: LocalMinutes, days: number): LocalMinutes[] {
  const out: LocalMinutes[] = [];
  while (out.length < n) {
    const day = rng.int(days);
    const t = start + day * 1440;
    const dow = new Date(t * 60000).getUTCDay();
    if (dow === 0 || (dow === 6 && rng.next() < 0.8)) continue;
    out.push(t + 8 * 60 + rng.int(10 * 60));
  }
  return out.sort((a, b) => a - b);
}
