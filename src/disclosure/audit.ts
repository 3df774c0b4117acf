import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { outputSegments } from "./output-segments.js";
import { basesIn, crossFractions, fractionsIn, type ShownFraction } from "./cross-output.js";
import { hiddenMarks, pValueIn, scanSegment, type LeakKind } from "./scan-text.js";

/** One disclosure finding: where it is and the text that shows it. */
export interface AuditFinding {
  readonly notebook: string;
  /** Index of the cell in the notebook's `cells` array (0-based, markdown cells included). */
  readonly cell: number;
  /** Index of the output within the cell (0-based). */
  readonly output: number;
  readonly mime: string;
  readonly kind: LeakKind;
  /** The respondent count shown or implied (0 for "marks" and "test"). */
  readonly count: number;
  /** The matched words, e.g. "n = 3". */
  readonly match: string;
  /** The segment (line, table row, chart label) it was found in, cut to 200 characters. */
  readonly text: string;
}

/** Options of {@link auditNotebook} and {@link auditPath}. */
export interface AuditOptions {
  /** Counts 1..threshold-1 are findings (default 5). */
  readonly threshold?: number;
  /**
   * Count the cross-output pairs (two shown counts over their bases whose difference is a small count) as
   * findings; by default they are listed "to review" and do not fail the audit, since text alone cannot tell
   * whether the two groups nest (src/disclosure/README.md).
   */
  readonly cross?: boolean;
}

/** One output as nbformat 4 stores it (only what the audit reads). */
export interface NotebookOutput {
  readonly output_type: string;
  readonly text?: string | readonly string[];
  readonly data?: Readonly<Record<string, unknown>>;
  readonly ename?: string;
  readonly evalue?: string;
}

/** A notebook as nbformat 4 stores it (only what the audit reads). */
export interface NotebookJson {
  readonly cells: readonly { readonly cell_type: string; readonly outputs?: readonly NotebookOutput[] }[];
}

const KIND_WORDS: Record<LeakKind, string> = {
  count: "respondent count",
  fraction: "count over its base",
  "count-with-share": "count beside its share",
  share: "share whose base implies a count",
  marks: 'two hidden-cell marks ("[c]" then says "at least the threshold")',
  test: "test result printed beside a table that hides cells",
  cross: "two outputs whose counts and bases differ by a small count",
};

/**
 * Every finding in every output of every cell of a notebook: explicit counts of 1..threshold-1, percentages
 * whose shown base implies one, hidden cells marked so that the mark reveals a bound, and tests printed in a
 * cell whose table hides cells. Every MIME type is read (plotly JSON included); images are read through their
 * alt text.
 * @example
 * auditNotebook(JSON.parse(readFileSync("notebooks/08-recommendations.ipynb", "utf8")), "08").length;
 */
export function auditNotebook(nb: NotebookJson, name: string, options: AuditOptions = {}): AuditFinding[] {
  return auditNotebookWithExemptions(nb, name, options).findings;
}

/** An output that states "Disclosure control: off" (a table of things, not respondents): listed, not audited. */
export interface AuditExemption {
  readonly notebook: string;
  readonly cell: number;
  readonly output: number;
  /** The line that turned disclosure control off. */
  readonly text: string;
}

const OFF = /Disclosure control: off\b[^\n]*/;

/**
 * {@link auditNotebook}, also listing the outputs exempted because they say "Disclosure control: off" (the
 * tabulations print it for `suppress: false`), so a reviewer sees every table the audit did not read.
 * @example
 * auditNotebookWithExemptions(nb, "00").exempt; // [{ notebook: "00", cell: 4, output: 0, text: "Disclosure control: off ..." }]
 */
export function auditNotebookWithExemptions(
  nb: NotebookJson,
  name: string,
  options: AuditOptions = {},
): { findings: AuditFinding[]; exempt: AuditExemption[]; review: AuditFinding[] } {
  const threshold = options.threshold ?? 5;
  if (!Number.isInteger(threshold) || threshold < 0)
    throw new Error(`auditNotebook: option threshold must be a whole number >= 0, got ${String(threshold)}`);
  if (!nb || !Array.isArray(nb.cells as unknown))
    throw new Error(`auditNotebook: ${name} is not a notebook (no "cells" list)`);
  const findings: AuditFinding[] = [];
  const exempt: AuditExemption[] = [];
  const fractions: ShownFraction[] = [];
  const bases = new Set<number>();
  nb.cells.forEach((cell, c) => {
    const hiddenIn: string[] = [];
    // A tabulation's own output (its table, its test line and its "Disclosure control:" note) is judged on its
    // own cells: its test is computed from that table only. A test printed elsewhere in the cell (a stream, a
    // summary line) is judged against every table of the cell.
    const hiddenOutputs = new Set<number>();
    const tableOutputs = new Set<number>();
    const tests: { output: number; mime: string; p: string; text: string }[] = [];
    (cell.outputs ?? []).forEach((out, o) => {
      const reps = representations(out);
      const off = reps.map(([mime, data]) => OFF.exec(outputSegments(mime, data).join("\n"))).find((m) => m);
      if (off) {
        exempt.push({ notebook: name, cell: c, output: o, text: off[0] });
        return;
      }
      for (const [mime, data] of reps) {
        const segments = outputSegments(mime, data);
        // A hidden missing count ("Missing (not tabulated): [c] ...", or a "Missing" column of a summary table) is
        // not a cell a test is computed from.
        const cells = segments
          .filter((seg) => !/^\s*Missing\b/.test(seg))
          .map((seg) => seg.replace(/\bMissing:\s*\[c\]/g, "Missing:"))
          .join("\n");
        const marks = hiddenMarks(cells, threshold);
        if (marks.hidden) {
          hiddenIn.push(mime);
          hiddenOutputs.add(o);
        }
        if (segments.some((seg) => /^\s*Disclosure control:/.test(seg))) tableOutputs.add(o);
        if (marks.twoKinds)
          findings.push(
            finding(
              name,
              c,
              o,
              mime,
              { kind: "marks", count: 0, match: `<${threshold} and [c]` },
              markLine(segments),
            ),
          );
        for (const seg of segments) {
          for (const leak of scanSegment(seg, threshold)) findings.push(finding(name, c, o, mime, leak, seg));
          for (const f of fractionsIn(seg)) fractions.push({ cell: c, output: o, ...f, text: seg });
          for (const b of basesIn(seg)) bases.add(b);
          const p = pValueIn(seg);
          if (p) tests.push({ output: o, mime, p, text: seg });
        }
      }
    });
    for (const t of tests) {
      const hidden = tableOutputs.has(t.output) ? hiddenOutputs.has(t.output) : hiddenIn.length > 0;
      if (hidden)
        findings.push(finding(name, c, t.output, t.mime, { kind: "test", count: 0, match: t.p }, t.text));
    }
  });
  // Across outputs: two counts over their bases whose difference is a small count (src/disclosure/README.md).
  const review: AuditFinding[] = [];
  for (const x of crossFractions(fractions, threshold, bases)) {
    const text = `${x.smaller.text} | with cell ${x.larger.cell}: ${x.larger.text}`;
    (options.cross ? findings : review).push(
      finding(
        name,
        x.smaller.cell,
        x.smaller.output,
        "text",
        { kind: "cross", count: x.count, match: x.match },
        text,
      ),
    );
  }
  return { findings, exempt, review };
}

function representations(out: NotebookOutput): [string, unknown][] {
  if (out.output_type === "stream") return [["text/plain", out.text ?? ""]];
  if (out.output_type === "error") return [["text/plain", `${out.ename ?? ""}: ${out.evalue ?? ""}`]];
  return Object.entries(out.data ?? {});
}

const markLine = (segments: readonly string[]) => segments.find((s) => s.includes("[c]")) ?? "";

function finding(
  notebook: string,
  cell: number,
  output: number,
  mime: string,
  leak: { kind: LeakKind; count: number; match: string },
  text: string,
): AuditFinding {
  const t = text.replace(/\s+/g, " ").trim();
  return { notebook, cell, output, mime, ...leak, text: t.length > 200 ? `${t.slice(0, 199)}…` : t };
}

/**
 * Audits a notebook file, or every `.ipynb` in a folder (not recursive; checkpoints skipped), in name order.
 * @example
 * const { findings } = auditPath("notebooks"); findings.length; // 0 when nothing discloses
 */
export function auditPath(path: string, options: AuditOptions = {}): AuditResult {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith(".ipynb"))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch {
    throw new Error(`audit: no notebook or folder at "${path}"`);
  }
  const findings: AuditFinding[] = [];
  const exempt: AuditExemption[] = [];
  const review: AuditFinding[] = [];
  for (const file of files) {
    let nb: NotebookJson;
    try {
      nb = JSON.parse(readFileSync(file, "utf8")) as NotebookJson;
    } catch (error) {
      throw new Error(`audit: "${file}" is not a readable notebook (${(error as Error).message})`, {
        cause: error,
      });
    }
    const r = auditNotebookWithExemptions(nb, file, options);
    findings.push(...r.findings);
    exempt.push(...r.exempt);
    review.push(...r.review);
  }
  return { notebooks: files, findings, exempt, review };
}

/** What {@link auditPath} returns: the notebooks read, the findings, and the outputs exempted. */
export interface AuditResult {
  readonly notebooks: readonly string[];
  readonly findings: readonly AuditFinding[];
  readonly exempt: readonly AuditExemption[];
  /** Cross-output pairs to look at (findings only with the `cross` option). */
  readonly review?: readonly AuditFinding[];
}

/**
 * The findings as lines for a terminal: one per finding, then a closing count.
 * @example
 * formatFindings(auditPath("notebooks")).split("\n").pop(); // "audit: 12 notebooks, no finding"
 */
export function formatFindings(result: AuditResult): string {
  const n = result.notebooks.length;
  const nbs = `${n} notebook${n === 1 ? "" : "s"}`;
  const lines = result.exempt.map(
    (e) => `${basename(e.notebook)} cell ${e.cell} output ${e.output}: not audited (says "${e.text}")`,
  );
  lines.push(
    ...(result.review ?? []).map(
      (f) =>
        `${basename(f.notebook)} cell ${f.cell}: to review (does one group hold the other?): ${KIND_WORDS[f.kind]}` +
        ` (${f.count}): "${f.match}" in: ${f.text}`,
    ),
  );
  if (!result.findings.length) return [...lines, `audit: ${nbs}, no finding`].join("\n");
  lines.push(
    ...result.findings.map(
      (f) =>
        `${basename(f.notebook)} cell ${f.cell} output ${f.output} ${f.mime}: ${KIND_WORDS[f.kind]}` +
        `${f.count ? ` (${f.count})` : ""}: "${f.match}" in: ${f.text}`,
    ),
  );
  const cells = new Set(result.findings.map((f) => `${f.notebook}#${f.cell}`)).size;
  const where = new Set(result.findings.map((f) => f.notebook)).size;
  lines.push(
    `audit: ${result.findings.length} finding${result.findings.length === 1 ? "" : "s"} in ${cells} cell${cells === 1 ? "" : "s"} of ${where} of ${nbs}`,
  );
  return lines.join("\n");
}
