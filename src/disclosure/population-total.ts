import type { ColumnTable } from "arquero";
import { projectLedger, publishTable } from "../tabulate/publish.js";
import { toSource } from "../tabulate/source.js";

/**
 * Publishes a table's number of respondents (everyone, missing answers included) to the run's ledger, as a
 * shown count: what a notebook's data line ("146 Link Workers") tells every reader. Every later table of the
 * same respondents is then checked against it, so that a hidden count of missing answers (1-4) cannot be
 * worked out as this total minus the table's shown base: the ledger hides the base and one more cell instead
 * (src/disclosure/README.md, "Missing answers").
 * @example
 * publishPopulation(s.lw, "Link Workers in the data line");
 * frequencies(s.lw, "pa_training"); // 3 missing: the base (total - 3) is hidden too
 */
export function publishPopulation(table: ColumnTable, label: string): void {
  const ledger = projectLedger();
  if (ledger.threshold <= 0) return;
  publishTable({
    source: toSource(table, "publishPopulation"),
    label,
    threshold: ledger.threshold,
    variables: {},
    cells: [{ where: {}, count: table.numRows(), status: "shown" }],
  });
}
