import { describe, it, expect } from "vitest";
import * as fs from "node:fs";
import * as XLSX from "xlsx";
import { buildSynthetic } from "../../src/synth/generate.js";
import { createRng } from "../../src/synth/rng.js";
import { typedMinutes } from "../../src/synth/typed-minutes.js";
import {
  lasByArea,
  allocateMulti,
  newRespondents,
  formatDdMm,
  localMinutes,
} from "../../src/synth/common.js";
import { AREAS } from "../../src/synth/plan.js";
import { parseMinutes } from "../../src/clean/parse-minutes.js";
import { dataPath } from "../../src/codebook/project-root.js";

const a = buildSynthetic();
const b = buildSynthetic();

describe("buildSynthetic()", () => {
  it("is deterministic: the CSV is identical text and the XLSX identical bytes across runs", () => {
    expect(a.csv).toBe(b.csv);
    expect(Buffer.compare(a.xlsx, b.xlsx)).toBe(0);
  });
  it("the committed exports are what the generator writes now (run scripts/generate-synthetic.ts after changes)", () => {
    expect(fs.readFileSync(dataPath("synthetic", "link-worker.csv"), "utf8")).toBe(a.csv);
    expect(Buffer.compare(fs.readFileSync(dataPath("synthetic", "provider.xlsx")), a.xlsx)).toBe(0);
  });
  it("plans 300 Link Workers (Merseyside 69, published) and 200 providers across the five Active Partnerships", () => {
    expect(a.linkWorkers).toHaveLength(300);
    expect(a.providers).toHaveLength(200);
    expect(a.linkWorkers.filter((r) => r.area === "merseyside")).toHaveLength(69);
    expect(new Set(a.linkWorkers.map((r) => r.area))).toEqual(new Set(AREAS.map((x) => x.code)));
  });
  it("every respondent's local authority lies inside their Active Partnership area", () => {
    const las = lasByArea();
    for (const r of [...a.linkWorkers, ...a.providers])
      expect(las[r.area]).toContain(r.answers.local_authority);
  });
  it("the CSV is UTF-8 with BOM and CRLF line endings, with the platform's admin columns first", () => {
    expect(a.csv.startsWith("\uFEFFResponse ID,Started,Completed,Email address,")).toBe(true);
    expect(a.csv.split("\r\n").length).toBeGreaterThan(300);
    expect(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/.test(a.csv)).toBe(true);
  });
  it("the XLSX has one sheet 'Form responses 1' with Timestamp as date-formatted number cells", () => {
    const wb = XLSX.read(a.xlsx, { type: "buffer", cellDates: true, cellNF: true });
    expect(wb.SheetNames).toEqual(["Form responses 1"]);
    const ws = wb.Sheets["Form responses 1"]!;
    expect((ws.A1 as XLSX.CellObject).v).toBe("Timestamp");
    const a2 = ws.A2 as XLSX.CellObject;
    expect(a2.t).toBe("d");
    expect(String(a2.z)).toMatch(/dd\/mm\/yyyy/);
    expect((a2.v as Date).getUTCFullYear()).toBe(2022);
  });
});

describe("typedMinutes(rng, m)", () => {
  it("every typed form reads back as exactly m through the cleaner's parseMinutes", () => {
    const rng = createRng(7);
    for (const m of [0, 10, 40, 45, 60, 90, 120, 135, 150, 180, 240, 450, 600]) {
      for (let i = 0; i < 40; i++) {
        const text = typedMinutes(rng, m);
        expect(parseMinutes(text).minutes, `"${text}" for ${m}`).toBe(m);
      }
    }
  });
});

describe("helpers", () => {
  it("rng.sample draws exactly k distinct items and refuses more than there are", () => {
    const rng = createRng(1);
    const s = rng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(s).size).toBe(3);
    expect(() => rng.sample([1, 2], 3)).toThrow("rng.sample: asked for 3 of 2");
    expect(() => rng.pick([])).toThrow("rng.pick: empty list");
  });
  it("allocateMulti hits planned counts exactly and gives the fallback to anyone left with nothing", () => {
    const rng = createRng(3);
    const people = newRespondents(rng, "providers").slice(0, 10);
    allocateMulti(rng, people, "challenges", { Transport: 4 }, "Mental health", [
      "Mental health",
      "Transport",
    ]);
    const ticks = people.map((r) => r.answers.challenges as string[]);
    expect(ticks.filter((t) => t.includes("Transport"))).toHaveLength(4);
    expect(ticks.every((t) => t.length > 0)).toBe(true);
  });
  it("allocateMulti on an empty base (no valid respondents) changes nothing", () => {
    expect(() =>
      allocateMulti(createRng(1), [], "challenges", { Transport: 0 }, "Mental health", []),
    ).not.toThrow();
  });
  it("formatDdMm prints the platform's DD/MM/YYYY HH:MM", () => {
    expect(formatDdMm(localMinutes(2021, 11, 15) + 9 * 60 + 5)).toBe("15/11/2021 09:05");
  });
});
