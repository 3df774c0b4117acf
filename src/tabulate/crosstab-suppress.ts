import { suppressCells, type CellStatus } from "./suppress.js";
import { range } from "./util.js";

/** Disclosure status of a cross-tab's cells and margins. */
export interface CrosstabSuppression {
  readonly threshold: number;
  readonly cells: CellStatus[][];
  /** Status of the base each cell's percentage is on (row, column or grand total). */
  readonly bases: CellStatus[][];
  readonly rowTotals: CellStatus[];
  readonly colTotals: CellStatus[];
  readonly total: CellStatus;
  /** Status of the missing-answer counts (a count of 1..threshold-1 is hidden; the total with any part). */
  readonly missing: {
    readonly row: CellStatus;
    readonly column: CellStatus;
    readonly both: CellStatus;
    readonly total: CellStatus;
  };
  readonly any: boolean;
}

/**
 * The run's ledger step for a cross-tab: given the (r+1) x (c+1) grid's own statuses (row-major, margins
 * last in each row and in the last row), returns the statuses to show and the missing parts' statuses.
 */
export type CrosstabLedgerStep = (
  status: CellStatus[],
  values: number[],
) => { status: CellStatus[]; missing: [row: CellStatus, column: CellStatus, both: CellStatus] };

/**
 * Lays a cross-tab and its margins out as one (r+1) x (c+1) grid of additive relations (each row with its
 * total, each column with its total) and runs the disclosure rules of suppress.ts on it.
 */
export function suppressCrosstab(
  unweighted: number[][],
  margins: { row: number[]; column: number[]; total: number },
  percent: "row" | "column" | "total",
  threshold: number,
  ledger?: CrosstabLedgerStep,
): CrosstabSuppression {
  const r = unweighted.length;
  const c = margins.column.length;
  const w = c + 1;
  const values: number[] = [];
  for (let i = 0; i <= r; ++i) {
    for (let j = 0; j <= c; ++j) {
      values.push(
        i < r && j < c
          ? unweighted[i]![j]!
          : i < r
            ? margins.row[i]!
            : j < c
              ? margins.column[j]!
              : margins.total,
      );
    }
  }
  const lines = [
    ...range(r + 1).map((i) => range(c + 1).map((j) => i * w + j)),
    ...range(c + 1).map((j) => range(r + 1).map((i) => i * w + j)),
  ];
  const rank = (cell: number) => (Math.floor(cell / w) === r ? 1 : 0) + (cell % w === c ? 1 : 0);
  const own = suppressCells(values, lines, threshold, rank);
  const step = ledger ? ledger(own, values) : null;
  const status = step ? step.status : own;
  const [mRow, mCol, mBoth] = step ? step.missing : (["shown", "shown", "shown"] as const);
  const rowTotals = range(r).map((i) => status[i * w + c]!);
  const colTotals = range(c).map((j) => status[r * w + j]!);
  const total = status[r * w + c]!;
  const baseOf = (i: number, j: number) =>
    percent === "row" ? rowTotals[i]! : percent === "column" ? colTotals[j]! : total;
  return {
    threshold,
    cells: range(r).map((i) => range(c).map((j) => status[i * w + j]!)),
    bases: range(r).map((i) => range(c).map((j) => baseOf(i, j))),
    rowTotals,
    colTotals,
    total,
    missing: {
      row: mRow,
      column: mCol,
      both: mBoth,
      total: [mRow, mCol, mBoth].every((m) => m === "shown") ? "shown" : "primary",
    },
    any: status.some((s) => s !== "shown"),
  };
}
