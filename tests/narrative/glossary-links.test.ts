import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/codebook/project-root.js";
import { readGlossary } from "../../scripts/site/glossary.js";
import {
  GLOSSARY_HREF,
  githubAnchor,
  glossaryAnchorOf,
  termPattern,
} from "../../scripts/site/glossary-terms.js";
import { readNotebook, joinText } from "../../scripts/site/notebook-json.js";
import { firstTermUses, glossaryLinks } from "../../scripts/site/term-uses.js";

const root = projectRoot();
const glossary = readGlossary(path.join(root, "docs", "glossary.md"));
const terms = glossary.map((e) => e.term);
const anchors = new Set(terms.map(githubAnchor));
const notebooks = readdirSync(path.join(root, "notebooks"))
  .filter((f) => f.endsWith(".ipynb"))
  .sort();
const markdownOf = (file: string) =>
  readNotebook(path.join(root, "notebooks", file)).cells.flatMap((c, index) =>
    c.cell_type === "markdown" ? [{ index, markdown: joinText(c.source) }] : [],
  );
const cells = (...markdown: string[]) => markdown.map((m, index) => ({ index, markdown: m }));

describe("githubAnchor(heading): the anchor GitHub gives a glossary heading", () => {
  it("lower-cases, drops punctuation but keeps hyphens and accented letters, and joins words with hyphens", () => {
    // Anchors as GitHub renders docs/glossary.md (github-slugger's rules).
    expect(githubAnchor("Active Partnership")).toBe("active-partnership");
    expect(githubAnchor("Cramér's V")).toBe("cramérs-v");
    expect(githubAnchor("Fisher's exact test")).toBe("fishers-exact-test");
    expect(githubAnchor("150-minute guideline")).toBe("150-minute-guideline");
    expect(githubAnchor("COM-B")).toBe("com-b");
    expect(githubAnchor("row share and column share")).toBe("row-share-and-column-share");
  });

  it("glossaryAnchorOf(href) reads the anchor of a glossary link, encoded or not, and ignores other links", () => {
    expect(glossaryAnchorOf("../docs/glossary.md#cram%C3%A9rs-v")).toBe("cramérs-v");
    expect(glossaryAnchorOf("docs/glossary.md#pcn")).toBe("pcn");
    expect(glossaryAnchorOf("../docs/glossary.md")).toBe("");
    expect(glossaryAnchorOf("../data/README.md#pcn")).toBeUndefined();
    expect(glossaryAnchorOf("https://example.org/notdocs/glossary.mdx")).toBeUndefined();
  });
});

describe("termPattern(term): how a glossary term is written in the notebooks", () => {
  const uses = (term: string, text: string) => [...text.matchAll(termPattern(term))].map((m) => m[0]);

  it("matches every glossary term's own name, so a new term needs no extra entry", () => {
    for (const term of terms) {
      const first = termPattern(term).exec(`a ${term} here`);
      expect(first?.index, term).toBe(2);
      expect(term.startsWith(first?.[0] ?? "?"), term).toBe(true);
    }
  });

  it("finds plurals, spelled-out names and forms split across a line break", () => {
    expect(uses("PCN", "two PCNs and a Primary Care Network")).toEqual(["PCNs", "Primary Care Network"]);
    expect(uses("Link Worker", "social-prescribing Link\nWorkers")).toEqual(["Link\nWorkers"]);
    expect(uses("Holm correction", "Holm-adjusted p")).toEqual(["Holm"]);
    expect(uses("Wilson interval", "a Wilson 95% interval")).toEqual(["Wilson 95% interval"]);
    expect(uses("IMD", "the English Indices of Deprivation (IMD)")).toEqual([
      "Indices of Deprivation",
      "IMD",
    ]);
  });

  it("leaves out look-alikes: another Fisher's, the forum's name, words inside longer words", () => {
    expect(uses("Fisher's exact test", "Fisher's z with the Bonett-Wright error")).toEqual([]);
    expect(uses("Fisher's exact test", "a chi-square or Fisher test")).toEqual(["Fisher test"]);
    expect(uses("social prescribing", "the Social Prescribing Forum")).toEqual([]);
    expect(uses("receipt", "receipts, not preceipts")).toEqual(["receipts"]);
    expect(uses("IMD", "IMDB")).toEqual([]);
  });
});

describe("firstTermUses(cells, terms): the first use a reader meets", () => {
  it("skips headings, code and the words of other links, and reads across cells in order", () => {
    const [use] = firstTermUses(
      cells("# PCN heading", "See `PCN` and [the PCN page](https://example.org).", "Our PCNs\nagree."),
      ["PCN"],
    );
    expect(use).toMatchObject({ term: "PCN", cell: 2, text: "PCNs", linkedAnchor: undefined });
  });

  it("counts a use inside a glossary link as linked, with the anchor it points at", () => {
    const [use] = firstTermUses(
      cells(`**[Link\nWorkers](${GLOSSARY_HREF}#link-worker)** then Link Workers`),
      ["Link Worker"],
    );
    expect(use).toMatchObject({ cell: 0, text: "Link Workers", linkedAnchor: "link-worker" });
    const [wrong] = firstTermUses(cells(`[ICBs](${GLOSSARY_HREF}#ccg)`), ["ICB"]);
    expect(wrong?.linkedAnchor).toBe("ccg");
  });

  it("leaves out terms the notebook never uses", () => {
    expect(firstTermUses(cells("Nothing to define."), ["OHID"])).toEqual([]);
  });

  it("glossaryLinks(cells) lists each glossary link once, even with bold inside it", () => {
    expect(
      glossaryLinks(cells(`[**Active** Lives](${GLOSSARY_HREF}#active-lives) and [x](other.md)`)),
    ).toEqual([{ cell: 0, anchor: "active-lives", text: "Active Lives" }]);
  });
});

describe("every notebook links each glossary term at its first use", () => {
  it.each(notebooks)("%s", (file) => {
    const markdown = markdownOf(file);
    const problems = firstTermUses(markdown, terms)
      .filter((u) => u.linkedAnchor !== githubAnchor(u.term))
      .map(
        (u) =>
          `cell ${u.cell}: "${u.text}" (${u.term}) should link to ${GLOSSARY_HREF}#${githubAnchor(u.term)}: ...${u.context}...`,
      );
    for (const link of glossaryLinks(markdown)) {
      if (link.anchor !== "" && !anchors.has(link.anchor)) {
        problems.push(
          `cell ${link.cell}: "${link.text}" links to #${link.anchor}, which docs/glossary.md does not define`,
        );
      }
    }
    // Fix with `npx tsx scripts/link-glossary.ts`, which links first uses in markdown cells only.
    expect(problems).toEqual([]);
  });

  it("writes glossary links as ../docs/glossary.md#anchor, the path that works on GitHub from notebooks/", () => {
    const hrefs = notebooks.flatMap((f) =>
      markdownOf(f).flatMap(({ markdown }) =>
        [...markdown.matchAll(/\]\(([^)]*glossary\.md[^)]*)\)/g)].map((m) => m[1]),
      ),
    );
    expect(hrefs.length).toBeGreaterThan(notebooks.length);
    for (const href of hrefs) expect(href).toMatch(/^\.\.\/docs\/glossary\.md#[^\s#]+$/);
  });
});
