// How each glossary term is written in the notebooks, and where a link to it goes: shared by the site builder
// (which sends glossary links to the reading edition's glossary), scripts/link-glossary.ts (which links each
// term's first use) and the test that keeps every notebook linked.

/** The link a notebook in notebooks/ uses for the glossary; on GitHub it opens docs/glossary.md at the anchor. */
export const GLOSSARY_HREF = "../docs/glossary.md";

/**
 * The anchor GitHub gives a markdown heading: lower case, punctuation other than `-` and `_` dropped (letters
 * with accents kept), each space a hyphen. Written out because the maintained implementation (github-slugger) is
 * ESM-only and this project's scripts compile as CommonJS; tests pin it to anchors GitHub produces.
 * @example
 * githubAnchor("Cramér's V"); // "cramérs-v"
 */
export function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/**
 * The written forms of terms whose uses are not simply the term (or its plural), as regular-expression source.
 * Case matters for abbreviations and names; other terms match in any case (see termPattern).
 */
const FORMS: Record<string, { source: string; anyCase?: boolean }> = {
  "Active Partnership": { source: String.raw`Active\s+Partnerships?` },
  "Link Worker": { source: String.raw`link[\s-]+workers?`, anyCase: true },
  PCN: { source: String.raw`PCNs?|Primary\s+Care\s+Networks?` },
  ICB: { source: String.raw`ICBs?|Integrated\s+Care\s+Boards?` },
  CCG: { source: String.raw`CCGs?|Clinical\s+Commissioning\s+Groups?` },
  federation: { source: String.raw`(?:GP\s+)?federations?`, anyCase: true },
  IMD: { source: String.raw`IMD|Ind(?:ex|ices)\s+of\s+(?:Multiple\s+)?Deprivation` },
  OHID: { source: "OHID" },
  MHCLG: { source: "MHCLG" },
  "COM-B": { source: "COM-B" },
  // "Wilson 95% interval" and "95% Wilson intervals" are both uses.
  "Wilson interval": { source: String.raw`Wilson(?:\s+(?:95%\s+)?intervals?)?` },
  "Cramér's V": { source: String.raw`Cram[ée]r(?:'|’)?s?\s+V` },
  suppression: { source: String.raw`suppress(?:ion|ed|es)?|disclosure\s+control`, anyCase: true },
  "Rao-Scott correction": { source: String.raw`Rao-Scott(?:\s+(?:correction|test))?` },
  "Holm correction": { source: String.raw`Holm(?:\s+correction)?` },
  "p-value": { source: String.raw`p-values?`, anyCase: true },
  "chi-square test": { source: String.raw`chi-square(?:\s+tests?)?`, anyCase: true },
  // Not "Fisher's z" (the transformation behind a correlation's interval), which is another Fisher's.
  "Fisher's exact test": {
    source: String.raw`Fisher(?!(?:'s|’s)?\s+z\b)(?:'s|’s)?(?:\s+exact)?(?:\s+tests?)?`,
  },
  VCFSE: { source: "VCFSE" },
  // Not inside the name of the forum the report was written for.
  "social prescribing": { source: String.raw`social[\s-]+prescri(?:bing|ption)(?!\s+Forum)`, anyCase: true },
  "Active Lives": { source: String.raw`Active\s+Lives` },
  "150-minute guideline": { source: String.raw`150(?:-|\s+)minutes?(?:\s+guideline)?` },
  receipt: { source: "receipts?", anyCase: true },
  "synthetic data": { source: String.raw`synthetic(?:\s+data)?`, anyCase: true },
  "row share and column share": { source: String.raw`(?:row|column)\s+shares?`, anyCase: true },
  "multiple response": {
    source: String.raw`multiple[\s-]+response|tick[\s-]+all[\s-]+that[\s-]+apply|multi-select`,
    anyCase: true,
  },
  // Not IMD's "rank base" (the areas an edition ranks), which is another base.
  base: { source: String.raw`(?<!rank\s)bases?`, anyCase: true },
  "paired comparison": {
    source: String.raw`paired\s+comparisons?|McNemar(?:'s)?(?:\s+(?:exact\s+)?test)?|Newcombe(?:'s)?(?:\s+interval)?`,
  },
  "cross-sectional survey": { source: String.raw`cross-sectional(?:\s+surveys?)?`, anyCase: true },
  "Likert scale": { source: String.raw`Likert(?:\s+scales?)?` },
  "Spearman correlation": { source: String.raw`Spearman(?:'s)?(?:\s+(?:correlations?|rho))?` },
  "Cochran-Mantel-Haenszel test": { source: String.raw`Cochran-Mantel-Haenszel(?:\s+test)?` },
  "hex map": { source: String.raw`hex[\s-]?maps?|hex\s+layout`, anyCase: true },
  "rank test": { source: String.raw`rank\s+tests?|Mann-Whitney(?:\s+test)?|Kruskal-Wallis(?:\s+test)?` },
};

/**
 * A global pattern for the uses of a glossary term in running text: the forms listed for it, or else the term
 * itself (any case, optional plural "s", any spacing), always as whole words.
 * @example
 * termPattern("PCN").test("two PCNs"); // true
 */
export function termPattern(term: string): RegExp {
  const form = FORMS[term] ?? {
    source: term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, String.raw`\s+`) + "s?",
    anyCase: true,
  };
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}_-])(?:${form.source})(?![\p{L}\p{N}_])`,
    form.anyCase ? "giu" : "gu",
  );
}

/**
 * The anchor a link to the glossary points at, or undefined when the link does not point at docs/glossary.md.
 * Works on the written link and on its percent-encoded form (markdown-it encodes "é").
 * @example
 * glossaryAnchorOf("../docs/glossary.md#cram%C3%A9rs-v"); // "cramérs-v"
 */
export function glossaryAnchorOf(href: string): string | undefined {
  const [file = "", hash = ""] = href.split(/(?=#)/);
  if (!/(^|\/)docs\/glossary\.md$/.test(safeDecode(file))) return undefined;
  return safeDecode(hash.replace(/^#/, ""));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
