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

const HEADER =
  "id,survey,area,section,quote,kind,value,lower,upper,interval,base,operationalisation,source,wording,label,phrase";
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
  const squash = (s: string) => s.replace(/\s+/g, " ");
  it.skipIf(!fs.existsSync(REPORT))(
    "every quote marked verbatim appears in the summary report word for word, and only report quotes are verbatim",
    () => {
      const report = squash(fs.readFileSync(REPORT, "utf8"));
      const verbatim = publishedFigures().filter((x) => x.wording === "verbatim");
      expect(verbatim.length).toBeGreaterThan(40);
      for (const f of verbatim) {
        expect(f.source, f.id).toMatch(/^Link Worker and Physical Activity Provider Reports, 2023 Summary/);
        expect(report.includes(squash(f.quote)), f.id).toBe(true);
      }
    },
  );
  it("the Merseyside Sport and Active Lancashire rows are paraphrases of a published table: each restates a row of reference/published-elsewhere.md, and its double-quoted words occur there", () => {
    const page = squash(
      fs.readFileSync(path.join(projectRoot(), "data", "reference", "published-elsewhere.md"), "utf8"),
    );
    const paraphrases = publishedFigures().filter((x) => x.wording === "paraphrase");
    expect(paraphrases.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        "mer-n",
        "mer-trained",
        "lw-not-enough-knowledge",
        "lw-find-provision-online-top",
      ]),
    );
    for (const f of paraphrases) {
      expect(f.source, f.id).toMatch(/via reference\/published-elsewhere\.md/);
      // The row label (before the colon) is the table's own label; the quoted fragments are the page's words.
      const label = squash(f.quote.split(/:|\.\.\./)[0]!.trim());
      if (label !== "") expect(page.includes(label), `${f.id}: label "${label}"`).toBe(true);
      for (const m of f.quote.matchAll(/"([^"]+)"/g)) {
        for (const part of m[1]!
          .split("...")
          .map((x) => x.trim())
          .filter(Boolean))
          expect(page.includes(part), `${f.id}: "${part}"`).toBe(true);
      }
    }
  });
  it("rejects a wording other than verbatim or paraphrase, naming the figure", () => {
    const text = `${HEADER}\nx-1,provider,North West,provision,q,rank,,,,,b,o,s,quoted,A label,\n`;
    expect(() => parsePublishedFigures(text)).toThrow(
      'figure "x-1" column wording is "quoted", expected "verbatim" or "paraphrase"',
    );
  });
  it("publishedFigure(id) names a missing id", () => {
    expect(() => publishedFigure("nope")).toThrow('no figure "nope"');
  });
});

describe("parsePublishedFigures(text)", () => {
  it("rejects an unknown kind, naming the figure and column", () => {
    const text = `${HEADER}\nx-1,provider,North West,provision,q,guess,1,0,2,[],b,o,s,verbatim,A label,\n`;
    expect(() => parsePublishedFigures(text)).toThrow('figure "x-1" column kind is "guess"');
  });
  it("rejects a non-numeric value, naming the figure and value", () => {
    const text = `${HEADER}\nx-1,provider,North West,provision,q,percent,about 5,4.5,5.5,[),b,o,s,verbatim,A label,\n`;
    expect(() => parsePublishedFigures(text)).toThrow(
      'figure "x-1" column value is "about 5", expected a number',
    );
  });
  it("rejects a percent without its tolerance band (missing values)", () => {
    const text = `${HEADER}\nx-1,provider,North West,provision,q,percent,5,,,,b,o,s,verbatim,A label,\n`;
    expect(() => parsePublishedFigures(text)).toThrow(
      'figure "x-1" (percent) needs lower, upper and interval',
    );
  });
  it("rejects a row without a label, and a range without its verbal phrase, naming the figure", () => {
    expect(() =>
      parsePublishedFigures(`${HEADER}\nx-1,provider,North West,provision,q,rank,,,,,b,o,s,verbatim,,\n`),
    ).toThrow('figure "x-1" needs a human-readable label in column label');
    expect(() =>
      parsePublishedFigures(
        `${HEADER}\nx-1,provider,North West,provision,q,range,50,40,50,[),b,o,s,verbatim,A label,\n`,
      ),
    ).toThrow('figure "x-1" (range) needs its verbal quantity in column phrase');
  });
  it("rejects two rows with one label (charts need distinct row names)", () => {
    const row = (id: string) => `${id},provider,North West,provision,q,rank,,,,,b,o,s,verbatim,Same,`;
    expect(() => parsePublishedFigures(`${HEADER}\n${row("x-1")}\n${row("x-2")}\n`)).toThrow(
      'figures "x-1" and "x-2" share the label "Same"',
    );
  });
  it("every published figure has a human-readable label, not its id, and every range its phrase", () => {
    for (const f of publishedFigures()) {
      expect(f.label, f.id).not.toBe(f.id);
      expect(f.label, f.id).not.toMatch(/^[a-z0-9-]+$/);
    }
    expect(publishedFigure("lw-more-pa-provision").phrase).toBe("almost half");
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
