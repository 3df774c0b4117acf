import { describe, it, expect } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  parsePublishedFigures,
  publishedFigures,
  publishedFigure,
  withinTolerance,
} from "../../src/published/figures.js";
import { projectRoot } from "../../src/codebook/project-root.js";

const HEADER = "id,survey,area,section,quote,kind,value,lower,upper,interval,base,operationalisation,source";
const REPORT = path.join(projectRoot(), "..", "shared", "seed", "nw-social-prescribing-summary-2023.md");

describe("publishedFigures()", () => {
  it("publishedFigures() has unique ids and at least the ~25 numbers the report quotes", () => {
    const figs = publishedFigures();
    expect(new Set(figs.map((f) => f.id)).size).toBe(figs.length);
    expect(figs.filter((f) => f.kind === "percent" || f.kind === "range").length).toBeGreaterThanOrEqual(25);
  });
  it("includes the Merseyside figures published by Merseyside Sport, base 69", () => {
    expect(publishedFigure("mer-n").value).toBe(69);
    expect(publishedFigure("mer-trained").area).toBe("Merseyside");
  });
  it("percent figures are rounded whole percentages with a half-point band: 48% -> [47.5, 48.5)", () => {
    const f = publishedFigure("lw-meets-guideline");
    expect([f.value, f.lower, f.upper, f.interval]).toEqual([48, 47.5, 48.5, "[)"]);
  });
  it.skipIf(!fs.existsSync(REPORT))(
    "every quote attributed to the summary report appears in it verbatim",
    () => {
      const squash = (s: string) => s.replace(/\s+/g, " ");
      const report = squash(fs.readFileSync(REPORT, "utf8"));
      for (const f of publishedFigures().filter((x) => x.source.startsWith("Link Worker and"))) {
        expect(report.includes(squash(f.quote)), f.id).toBe(true);
      }
    },
  );
  it("publishedFigure(id) names a missing id", () => {
    expect(() => publishedFigure("nope")).toThrow('no figure "nope"');
  });
});

describe("parsePublishedFigures(text)", () => {
  it("rejects an unknown kind, naming the figure and column", () => {
    const text = `${HEADER}\nx-1,provider,North West,provision,q,guess,1,0,2,[],b,o,s\n`;
    expect(() => parsePublishedFigures(text)).toThrow('figure "x-1" column kind is "guess"');
  });
  it("rejects a non-numeric value, naming the figure and value", () => {
    const text = `${HEADER}\nx-1,provider,North West,provision,q,percent,about 5,4.5,5.5,[),b,o,s\n`;
    expect(() => parsePublishedFigures(text)).toThrow(
      'figure "x-1" column value is "about 5", expected a number',
    );
  });
  it("rejects a percent without its tolerance band (missing values)", () => {
    const text = `${HEADER}\nx-1,provider,North West,provision,q,percent,5,,,,b,o,s\n`;
    expect(() => parsePublishedFigures(text)).toThrow(
      'figure "x-1" (percent) needs lower, upper and interval',
    );
  });
  it("a header-only table has no figures", () => {
    expect(parsePublishedFigures(`${HEADER}\n`)).toEqual([]);
  });
});

describe("withinTolerance(fig, x)", () => {
  const f = () => publishedFigure("lw-meets-guideline"); // [47.5, 48.5)
  it("includes the lower end and excludes the upper end of [)", () => {
    expect(withinTolerance(f(), 47.5)).toBe(true);
    expect(withinTolerance(f(), 48.49)).toBe(true);
    expect(withinTolerance(f(), 48.5)).toBe(false);
  });
  it("excludes the lower end of (]: 'more than half' is not met by exactly 50%", () => {
    expect(withinTolerance(publishedFigure("lw-not-enough-knowledge"), 50)).toBe(false);
    expect(withinTolerance(publishedFigure("lw-not-enough-knowledge"), 50.1)).toBe(true);
  });
  it("returns null for no valid responses (null or NaN) and for rankings", () => {
    expect(withinTolerance(f(), null)).toBeNull();
    expect(withinTolerance(f(), Number.NaN)).toBeNull();
    expect(withinTolerance(publishedFigure("lw-improvements-top3"), 50)).toBeNull();
  });
});
