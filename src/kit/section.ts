import type { ColumnTable } from "arquero";
import { publishPopulation } from "../disclosure/population-total.js";
import { resetRunLedger } from "../disclosure/ledger.js";
import { unknownName } from "../errors/usage-error.js";
import { chart, type ChartOptions } from "../figures/chart.js";
import type { Figure } from "../figures/types.js";
import { computeReceipts } from "../published/compute.js";
import { publishedFigures } from "../published/figures.js";
import type { Receipt } from "../published/receipt.js";
import { showReceipts as showReceiptTable } from "../published/show-receipts.js";
import { describeSource } from "../load/describe-source.js";
import { show } from "../display/show.js";
import { showTable } from "../display/show-table.js";
import { loadSurvey, type LoadedSurvey } from "../survey/load-survey.js";
import type { Tabulation } from "../tabulate/tabulation.js";
import { crosstab, type CrosstabOptions, type CrosstabResult } from "../tabulate/crosstab.js";
import { frequencies, type FrequenciesOptions, type FrequenciesResult } from "../tabulate/frequencies.js";
import {
  multiResponse,
  type MultiResponseOptions,
  type MultiResponseResult,
} from "../tabulate/multi-response.js";

/** The source note every table and chart of a section carries. */
export const SYNTHETIC_SOURCE =
  "Synthetic respondent data calibrated to the published report; not survey results.";
/** The source note when a real export was found in data/local/. */
export const LOCAL_SOURCE = "Computed from a local survey export.";

/** Options of {@link openSection}. */
export interface SectionOptions {
  /** One Active Partnership area (default SP_AREA; unset: the whole North West). */
  area?: string;
  /** Which published figures to check: this section's (default), every section's, or none. */
  receipts?: "section" | "all" | "none";
  /** Keep only receipts for this published area (e.g. "North West"); default all. */
  receiptArea?: string;
  /** Print nothing (tests); default false: the data-source line is the cell's first output. */
  quiet?: boolean;
}

/**
 * A report section opened by {@link openSection}: both cleaned surveys, where the data came from, the source
 * note, and the receipts (published vs computed) of the section's quoted figures.
 */
export interface Section {
  readonly name: string;
  /** The cleaned Link Worker and provider tables (cut to `area` when one is set). */
  readonly lw: ColumnTable;
  readonly pv: ColumnTable;
  readonly linkWorker: LoadedSurvey;
  readonly provider: LoadedSurvey;
  /** True when both tables come from the bundled synthetic exports. */
  readonly synthetic: boolean;
  /** The source note for captions and figures ({@link SYNTHETIC_SOURCE} or {@link LOCAL_SOURCE}). */
  readonly note: string;
  /** The area the tables were cut to, or "North West". */
  readonly where: string;
  /** The one-line statement of the data source that `openSection` printed. */
  readonly source: string;
  /** For local exports: one paragraph per survey (file, platform, questions matched, rows kept and dropped). */
  readonly details: readonly string[];
  readonly receipts: readonly Receipt[];
  /** One receipt by id; an unknown id is an error naming the closest ids. */
  receipt(id: string): Receipt;
  /**
   * Shows receipts (all of the section's, or those with these ids) as one table; an id ending in "*" stands
   * for every receipt whose id starts with the rest, in the section's order.
   * @example
   * s.showReceipts(["lw-knows-guideline-by-*", "lw-confident-*"], "Knowledge and confidence: published vs computed");
   */
  showReceipts(ids?: readonly string[], caption?: string): void;
  /** `frequencies(s.lw or s.pv, column, options)` with the section's source note first in `notes`. */
  frequencies(
    table: ColumnTable,
    column: string,
    options?: Omit<FrequenciesOptions, "by">,
  ): FrequenciesResult;
  /** `crosstab(table, row, options)` with the section's source note first in `notes`. */
  crosstab(table: ColumnTable, row: string, options: CrosstabOptions): CrosstabResult;
  /** `multiResponse(table, question, options)` with the section's source note first in `notes`. */
  multiResponse(table: ColumnTable, question: string, options?: MultiResponseOptions): MultiResponseResult;
  /** `chart(result, options)` with the section's source note. */
  chart(result: Tabulation, options?: ChartOptions): Figure;
  /**
   * Shows a tabulation as its table and then its chart (`chart` with `title`, the options and the source
   * note) in one awaited call. The base's unit defaults to the survey the section's `frequencies`, `crosstab`
   * or `multiResponse` read ("Link Workers answering" for `s.lw`, "providers answering" for `s.pv`). It returns
   * nothing, so a cell that ends with it prints nothing more (tslab prints a cell's last value).
   * @example
   * const bands = s.frequencies(s.lw, "activity_band");
   * await s.present(bands, "Fewer than half of Link Workers are active for 150 minutes a week");
   */
  present(result: Tabulation, title: string, options?: Omit<ChartOptions, "title">): Promise<void>;
  /** How many of the section's receipts `showReceipts` has shown so far, as one line for the notebook's end. */
  coverage(): string;
}

/** The sections that quote published figures (data/published/), in the order they appear there. */
export function sectionNames(): string[] {
  return [...new Set(publishedFigures().map((f) => f.section))];
}

/**
 * Opens one report section in a notebook: loads and cleans both surveys (the local exports in data/local/ when
 * present, else the bundled synthetic ones), prints one line stating the data source, and computes the
 * receipts of the section's published figures. A notebook's first code cell is then three lines.
 * @example
 * import { openSection, frequencies, showTable, show, formatTest } from "./src/index";
 * const s = openSection("social-prescription");   // prints: "Data: SYNTHETIC ... 214 Link Workers, 160 providers."
 * s.showReceipts(["lw-trained"], "Training: published vs computed");
 * await s.present(s.frequencies(s.lw, "pa_training"), "Four in five Link Workers had no physical-activity training");
 * console.log(s.coverage()); // "4 published figures in this section; receipts shown for 1"
 */
export function openSection(name: string, options: SectionOptions = {}): Section {
  const which = options.receipts ?? "section";
  const figures = publishedFigures();
  const known = sectionNames();
  if (which === "section" && !known.includes(name)) throw unknownName("openSection", "section", name, known);
  // Each notebook run starts a fresh disclosure ledger: what this run publishes is what later tables must not
  // undo (re-running the first cell forgets the previous run's tables, as the notebook's outputs are redone).
  resetRunLedger();
  const area = options.area !== undefined ? { area: options.area } : {};
  const linkWorker = loadSurvey("link-worker", area);
  const provider = loadSurvey("provider", area);
  const synthetic = linkWorker.source === "synthetic" && provider.source === "synthetic";
  const where = linkWorker.area ?? "North West";
  const note = synthetic ? SYNTHETIC_SOURCE : LOCAL_SOURCE;
  const source =
    `Data: ${synthetic ? "SYNTHETIC respondent data (the bundled exports, calibrated to the published report)" : "LOCAL survey exports (real data: do not commit outputs)"}` +
    ` - ${where}: ${linkWorker.table.numRows()} Link Workers, ${provider.table.numRows()} providers.`;
  // Real data: say exactly what was read and what was lost (file, platform, questions matched, rows dropped by
  // reason), so a notebook never runs on a fraction of an export without saying so (issue 10).
  const details = synthetic ? [] : [linkWorker, provider].map((l) => describeSource(l.report, l.lineage));
  // The data line prints each survey's number of respondents: the run's ledger must know it, or a table's base
  // beside it gives back the table's hidden count of missing answers (total - base).
  publishPopulation(linkWorker.table, "Link Workers in the data line");
  publishPopulation(provider.table, "providers in the data line");
  if (!options.quiet) console.log([source, ...details].join("\n"));
  const chosen =
    which === "none"
      ? []
      : figures.filter(
          (f) =>
            (which === "all" || f.section === name) &&
            (!options.receiptArea || f.area === options.receiptArea),
        );
  const receipts =
    chosen.length === 0
      ? []
      : computeReceipts({ "link-worker": linkWorker.table, provider: provider.table }, chosen);
  const ids = receipts.map((r) => r.id);
  const receipt = (id: string): Receipt => {
    const hit = receipts.find((r) => r.id === id);
    if (!hit) throw unknownName("section.receipt", "receipt", id, ids);
    return hit;
  };
  const receiptsFor = (id: string): Receipt[] => {
    if (!id.endsWith("*")) return [receipt(id)];
    const hits = receipts.filter((r) => r.id.startsWith(id.slice(0, -1)));
    if (hits.length === 0) throw unknownName("section.showReceipts", "receipt matching", id, ids);
    return hits;
  };
  const shownIds = new Set<string>();
  const withNote = (notes: readonly string[] = []) => [note, ...notes];
  // Who a section's tabulation counts, by the survey table it read: the chart's base line names them.
  const units = new WeakMap<Tabulation, string>();
  const counted = <T extends Tabulation>(table: ColumnTable, result: T): T => {
    const unit =
      table === linkWorker.table
        ? "Link Workers answering"
        : table === provider.table
          ? "providers answering"
          : undefined;
    if (unit) units.set(result, unit);
    return result;
  };
  return {
    name,
    lw: linkWorker.table,
    pv: provider.table,
    linkWorker,
    provider,
    synthetic,
    note,
    where,
    source,
    details,
    receipts,
    receipt,
    showReceipts(only, caption) {
      const shown = only ? only.flatMap(receiptsFor) : receipts;
      for (const r of shown) shownIds.add(r.id);
      showReceiptTable(shown, { caption: caption ?? `${name}: published vs computed`, realData: !synthetic });
    },
    frequencies: (table, column, opts = {}) =>
      counted(table, frequencies(table, column, { ...opts, notes: withNote(opts.notes) })),
    crosstab: (table, row, opts) =>
      counted(table, crosstab(table, row, { ...opts, notes: withNote(opts.notes) })),
    multiResponse: (table, question, opts = {}) =>
      counted(table, multiResponse(table, question, { ...opts, notes: withNote(opts.notes) })),
    chart(result, chartOptions = {}) {
      return chart(result, { note, ...chartOptions });
    },
    async present(result, title, chartOptions = {}) {
      showTable(result);
      // Awaited here, so the figure lands in the cell that asked for it (tslab drops an un-awaited display).
      const unit = units.get(result);
      await show(chart(result, { note, ...(unit ? { unit } : {}), ...chartOptions, title }));
    },
    coverage() {
      return `${receipts.length} published figures in this section; receipts shown for ${shownIds.size}`;
    },
  };
}
