import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/codebook/project-root.js";
import { FONT } from "../../src/figures/theme.js";
import { buildSite, themeCss } from "../../scripts/site/build-site.js";
import { dataLabel } from "../../scripts/site/data-label.js";
import { readGlossary } from "../../scripts/site/glossary.js";
import { rewriteLink } from "../../scripts/site/markdown.js";
import type { Notebook } from "../../scripts/site/notebook-json.js";
import { readNotebook } from "../../scripts/site/notebook-json.js";
import { firstSentence, notebookSummary } from "../../scripts/site/summary.js";
import { isNumericCell, prepareTables } from "../../scripts/site/tables.js";

const root = projectRoot();
const tmp = mkdtempSync(path.join(os.tmpdir(), "sp-site-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const md = (source: string) => ({ cell_type: "markdown" as const, source, metadata: {} });
const nb = (...cells: Notebook["cells"]): Notebook => ({ cells, metadata: {} });

describe("notebookSummary(notebook): the index entry comes from the notebook itself", () => {
  const intro = md(
    "# 03 Initial contact: who refers\n\n**Questions (the report's stage).** Are inactive people\nreached?\n\n**Data.** x",
  );

  it("takes the title without its number and the question from the **Question...** paragraph", () => {
    const s = notebookSummary(nb(intro), "03-initial-contact.ipynb");
    expect(s).toMatchObject({ number: "03", title: "Initial contact: who refers" });
    expect(s.question).toBe("Are inactive people reached?");
  });

  it("prefers a declared **Headline.** paragraph over the 'What this means' section", () => {
    const s = notebookSummary(
      nb(
        intro,
        md("## What this means\n\nGPs refer most. Then others."),
        md("**Headline.** Few are trained."),
      ),
      "03-x.ipynb",
    );
    expect([s.headlineFrom, s.headline]).toEqual(["declared", "Few are trained."]);
  });

  it("falls back to the first sentence under 'What this means', then to the first figure's title", () => {
    const meaning = notebookSummary(
      nb(intro, md("## What this means\n\nGPs refer most, e.g. 89%. Then others.")),
      "a",
    );
    expect([meaning.headlineFrom, meaning.headline]).toEqual([
      "what-this-means",
      "GPs refer most, e.g. 89%.",
    ]);
    const figure = nb(intro, {
      cell_type: "code",
      source: "show(x)",
      outputs: [
        {
          output_type: "display_data",
          data: {},
          metadata: { "sp-pathways": { kind: "figure", title: "T" } },
        },
      ],
    });
    expect(notebookSummary(figure, "a").headline).toBe("T");
    expect(notebookSummary(nb(intro), "a")).toMatchObject({ headline: null, headlineFrom: "none" });
  });

  it("keeps the list a question paragraph introduces with a colon", () => {
    const cell = md(
      "# 02 Overview\n\n**Questions.** The report asks at each stage:\n\n- **Contact.** Who?\n- **Outcomes.** What?",
    );
    expect(notebookSummary(nb(cell), "02-overview.ipynb").question).toBe(
      "The report asks at each stage:\n\n- **Contact.** Who?\n- **Outcomes.** What?",
    );
  });

  it("has no question when the first markdown cell declares none", () => {
    expect(notebookSummary(nb(md("# 00 Intro\n\nText.")), "00-intro.ipynb").question).toBeNull();
  });

  it("firstSentence(text) does not stop at an abbreviation", () => {
    expect(firstSentence("Use a flag, e.g. Trained. Next one.")).toBe("Use a flag, e.g. Trained.");
    expect(firstSentence("No full stop")).toBe("No full stop");
  });
});

describe("prepareTables(html): numbers right-aligned, footnotes under the table", () => {
  it("isNumericCell tells counts, percentages, intervals and suppression markers from words", () => {
    for (const s of [
      "241 (80.3%, 75.5–84.4)",
      "89% [88.5, 89.5)",
      "&lt;5",
      "[c]",
      "300",
      "–",
      "14.1–22.7%",
    ]) {
      expect(isNumericCell(s), s).toBe(true);
    }
    for (const s of ["pass", "lw-referrals-gp: 89%", "supported by these data", "", "GPs 89.0% (267/300)"]) {
      expect(isNumericCell(s), s).toBe(false);
    }
  });

  it("classes cells, aligns the header of a number column, marks spanning footnotes and lifts the caption", () => {
    const out = prepareTables(
      "<table><caption>Who refers</caption><thead><tr><th>source</th><th>All</th></tr></thead>" +
        '<tbody><tr><th>GPs</th><td align="right">267 (89.0%)</td></tr><tr><th>Self</th><td>&lt;5</td></tr></tbody>' +
        '<tfoot><tr><td colspan="2">Counts of 1-4 are shown as "&lt;5".</td></tr></tfoot></table>',
      "t",
    );
    expect(out).toContain('<p class="table-caption" id="t-1-caption">Who refers</p>');
    expect(out).toContain('<table aria-labelledby="t-1-caption">');
    expect(out).not.toContain("<caption>");
    expect(out).toContain('<th class="num">All</th>');
    expect(out).toContain("<th>source</th>");
    expect(out).toContain('<td class="num">267 (89.0%)</td>');
    expect(out).toContain('<td class="num">&lt;5</td>');
    expect(out).toContain('<td colspan="2" class="note">');
    expect(out).not.toContain("align=");
    expect(out).toMatch(/^<div class="table-block">.*<div class="table-wrap"><table/);
  });

  it("leaves HTML without tables alone", () => {
    expect(prepareTables("<p>1</p>")).toBe("<p>1</p>");
  });
});

describe("rewriteLink(href): links in a notebook still work from the site", () => {
  const ctx = { sourceDir: "/r/notebooks", pageDir: "/r/build/site", pages: new Set(["03-a.ipynb"]) };
  it("sends a link to another notebook to its page, and re-bases other relative links", () => {
    expect(rewriteLink("03-a.ipynb#receipts", ctx)).toBe("03-a.html#receipts");
    expect(rewriteLink("../data/README.md", ctx)).toBe("../../data/README.md");
    expect(rewriteLink("04-not-in-site.ipynb", ctx)).toBe("../../notebooks/04-not-in-site.ipynb");
    expect(rewriteLink("https://example.org/x", ctx)).toBe("https://example.org/x");
    expect(rewriteLink("#top", ctx)).toBe("#top");
  });

  it("sends a glossary link to the term in the site's glossary, whatever folder the notebooks ran in", () => {
    const glossary = new Map([["cramérs-v", "term-cramer-s-v"]]);
    const site = { ...ctx, glossary };
    expect(rewriteLink("../docs/glossary.md#cram%C3%A9rs-v", site)).toBe("index.html#term-cramer-s-v");
    expect(rewriteLink("../docs/glossary.md#cramérs-v", site)).toBe("index.html#term-cramer-s-v");
    expect(rewriteLink("../docs/glossary.md#no-such-term", site)).toBe("index.html#glossary");
    expect(rewriteLink("../docs/glossary.md", site)).toBe("index.html#glossary");
    // Without a site glossary (a plain re-base), the file itself.
    expect(rewriteLink("../docs/glossary.md#pcn", ctx)).toBe("../../docs/glossary.md#pcn");
  });
});

describe("the glossary (docs/glossary.md)", () => {
  it("defines every term the issue asks for, each with text", () => {
    const terms = readGlossary(path.join(root, "docs", "glossary.md")).map((e) => e.term);
    for (const t of [
      "Active Partnership",
      "Link Worker",
      "PCN",
      "ICB",
      "CCG",
      "federation",
      "IMD",
      "OHID",
      "MHCLG",
    ]) {
      expect(terms).toContain(t);
    }
    for (const t of ["COM-B", "Wilson interval", "Cramér's V", "suppression"]) expect(terms).toContain(t);
  });

  it("names a term that has no definition", () => {
    const file = path.join(tmp, "glossary.md");
    writeFileSync(file, "# Glossary\n\n## PCN\n\nPrimary Care Network.\n\n## ICB\n\n");
    expect(() => readGlossary(file)).toThrow(/the glossary term "ICB" has no definition/);
  });
});

describe("buildSite(): the reading edition from the committed notebooks", () => {
  const out = path.join(tmp, "site");
  const site = buildSite({ root, notebooksDir: path.join(root, "notebooks"), outDir: out });

  it("writes an index and one page per notebook, in file order", () => {
    const notebooks = readdirSync(path.join(root, "notebooks"))
      .filter((f) => f.endsWith(".ipynb"))
      .sort();
    expect(site.pages.map((p) => p.file)).toEqual(notebooks.map((f) => f.replace(".ipynb", ".html")));
    const index = readFileSync(path.join(out, "index.html"), "utf8");
    for (const p of site.pages) expect(index).toContain(`href="${p.file}"`);
    expect(index).toContain("SYNTHETIC");
    expect(index).toContain('id="term-cramer-s-v"');
  });

  it("folds every code cell and keeps every figure with its spec and image", () => {
    for (const p of site.pages) {
      const html = readFileSync(path.join(out, p.file), "utf8");
      const cells = readNotebook(path.join(root, p.notebook)).cells;
      const code = cells.filter((c) => c.cell_type === "code" && String(c.source).trim() !== "").length;
      expect((html.match(/<details class="source">/g) ?? []).length, p.file).toBe(code);
      expect((html.match(/<pre class="code">/g) ?? []).length, p.file).toBe(code);
      const figures = cells
        .flatMap((c) => c.outputs ?? [])
        .filter((o) => o.data?.["application/vnd.plotly.v1+json"]);
      expect(p.figures, p.file).toBe(figures.length);
      expect((html.match(/class="figure-spec"/g) ?? []).length, p.file).toBe(figures.length);
      expect((html.match(/<img class="static"/g) ?? []).length, p.file).toBeGreaterThanOrEqual(
        figures.length,
      );
    }
    // The basic bundle draws bars, scatters and pies; any other trace (notebook 10's box plot) needs the full one.
    const types = new Set(
      site.pages.flatMap((p) =>
        readNotebook(path.join(root, p.notebook))
          .cells.flatMap((c) => c.outputs ?? [])
          .flatMap(
            (o) =>
              (o.data?.["application/vnd.plotly.v1+json"] as { data?: { type?: string }[] } | undefined)
                ?.data ?? [],
          )
          .map((t) => t.type ?? "scatter"),
      ),
    );
    expect(site.bundle).toBe(
      [...types].every((t) => ["bar", "scatter", "pie"].includes(t)) ? "basic" : "full",
    );
    expect(readdirSync(path.join(out, "assets")).sort()).toEqual([
      "plotly.min.js",
      "site.css",
      "site.js",
      "theme.css",
    ]);
  });

  it("sends every glossary link in a page to a term that the index's glossary defines", () => {
    const index = readFileSync(path.join(out, "index.html"), "utf8");
    let links = 0;
    for (const p of site.pages) {
      const html = readFileSync(path.join(out, p.file), "utf8");
      expect(html, p.file).not.toMatch(/href="[^"]*docs\/glossary\.md/);
      for (const [, id] of html.matchAll(/href="index\.html#(term-[^"]+)"/g)) {
        links++;
        expect(index, `${p.file} links to #${id}`).toContain(`id="${id}"`);
      }
    }
    expect(links).toBeGreaterThan(site.pages.length);
  });

  it("carries the figures' theme into the stylesheet", () => {
    expect(themeCss()).toContain(`--font: ${FONT};`);
  });

  it("refuses to empty a folder it did not write", () => {
    const foreign = path.join(tmp, "foreign");
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, "keep.txt"), "x");
    expect(() => buildSite({ root, notebooksDir: path.join(root, "notebooks"), outDir: foreign })).toThrow(
      /not a folder this site builder wrote/,
    );
    expect(readdirSync(foreign)).toEqual(["keep.txt"]);
  });
});

describe("a run on other data writes its own site and says so on every page", () => {
  it("puts a local-data run for one area in build/site-local-area-lancashire/, banner on every page", () => {
    const dir = path.join(tmp, "other-data");
    mkdirSync(dir);
    for (const f of ["02-overview.ipynb", "03-initial-contact.ipynb"]) {
      const json = JSON.parse(readFileSync(path.join(root, "notebooks", f), "utf8"));
      json.metadata.sp_pathways = { data: "local", area: "Lancashire" };
      writeFileSync(path.join(dir, f), JSON.stringify(json));
    }
    const site = buildSite({ root, notebooksDir: dir });
    try {
      expect(path.relative(root, site.outDir)).toBe(path.join("build", "site-local-area-lancashire"));
      for (const file of ["index.html", ...site.pages.map((p) => p.file)]) {
        const html = readFileSync(path.join(site.outDir, file), "utf8");
        expect(html, file).toContain(
          '<p class="data-banner real"><strong>Data.</strong> Your own survey export',
        );
        expect(html, file).toContain("Lancashire area (SP_AREA=Lancashire)");
      }
    } finally {
      rmSync(site.outDir, { recursive: true, force: true });
    }
  });

  it("dataLabel(provenance) names the bundled synthetic data, and gives it the plain build/site folder", () => {
    expect(dataLabel({ data: "bundled-synthetic", area: null })).toMatchObject({ synthetic: true, slug: "" });
    expect(dataLabel(undefined).text).toMatch(/^Synthetic data/);
    expect(dataLabel({ data: "custom", data_dir: "/x" })).toMatchObject({ synthetic: false, slug: "custom" });
    expect(dataLabel({ data: "custom", data_dir: "/x" }).text).toContain("/x (SP_DATA_DIR)");
  });
});
