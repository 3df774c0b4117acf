/** A contingency table after validation: its cells, margins and the rows/columns that hold any count. */
export interface CheckedCounts {
  readonly cells: number[][];
  readonly rowSums: number[];
  readonly colSums: number[];
  readonly total: number;
  /** Indices of rows / columns with a positive margin; empty levels carry no information for any test. */
  readonly rows: number[];
  readonly cols: number[];
}

/**
 * Validates a rows x columns table of counts for the statistics functions and computes its margins.
 * Errors name the function, the cell and the offending value, so a caller can trace it to its column level.
 */
export function checkCounts(fn: string, counts: unknown, integers: boolean): CheckedCounts {
  if (!Array.isArray(counts) || counts.length === 0) {
    throw new Error(`${fn}: counts must be a non-empty array of rows, got ${describe(counts)}`);
  }
  const width = Array.isArray(counts[0]) ? counts[0].length : -1;
  if (width < 1)
    throw new Error(`${fn}: counts[0] must be a non-empty array of numbers, got ${describe(counts[0])}`);
  const cells: number[][] = [];
  for (let i = 0; i < counts.length; i++) {
    const row: unknown = counts[i];
    if (!Array.isArray(row) || row.length !== width) {
      throw new Error(
        `${fn}: counts[${i}] must be an array of ${width} numbers (rows of equal length), got ${describe(row)}`,
      );
    }
    cells.push(
      row.map((value: unknown, j) => {
        if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
          throw new Error(
            `${fn}: counts[${i}][${j}] is ${describe(value)}; counts must be finite numbers >= 0 (missing cells are not allowed)`,
          );
        }
        if (integers && !Number.isInteger(value)) {
          throw new Error(`${fn}: counts[${i}][${j}] is ${value}; this test needs whole (unweighted) counts`);
        }
        return value;
      }),
    );
  }
  const rowSums = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = cells[0]!.map((_, j) => cells.reduce((a, row) => a + row[j]!, 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  if (!(total > 0))
    throw new Error(`${fn}: the table has no counts (every cell is 0), so there is nothing to test`);
  const rows = rowSums.flatMap((s, i) => (s > 0 ? [i] : []));
  const cols = colSums.flatMap((s, j) => (s > 0 ? [j] : []));
  return { cells, rowSums, colSums, total, rows, cols };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  return Array.isArray(value) ? `an array of length ${value.length}` : typeof value;
}
