import type { ColumnTable } from "arquero";
import { levelsOf } from "../codebook/levels.js";

const isMissing = (v: unknown) => v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

function columnValues(fn: string, table: ColumnTable, column: string): unknown[] {
  if (!table || typeof table.columnNames !== "function") throw new Error(`${fn}: expected an arquero table`);
  if (!table.columnNames().includes(column))
    throw new Error(`${fn}: no column "${column}" in the table (columns: ${table.columnNames().join(", ")})`);
  return Array.from(table.array(column) as ArrayLike<unknown>);
}

/** A select-all-that-apply column: options in recorded order (else sorted), each row's choices or null. */
export function readMulti(
  fn: string,
  table: ColumnTable,
  column: string,
): { levels: string[]; rows: (readonly string[] | null)[] } {
  const values = columnValues(fn, table, column);
  const recorded = levelsOf(table, column);
  const seen = new Set<string>(recorded ?? []);
  const rows = values.map((v, i) => {
    if (isMissing(v)) return null;
    if (!Array.isArray(v))
      throw new Error(
        `${fn}: column "${column}" is not a multi-select column: row ${i} holds ${JSON.stringify(v)}, expected string[] or null`,
      );
    for (const o of v as unknown[]) {
      if (typeof o !== "string")
        throw new Error(
          `${fn}: column "${column}" has option ${JSON.stringify(o)} at row ${i}, not a string`,
        );
      if (recorded && !recorded.includes(o))
        throw new Error(
          `${fn}: column "${column}" has option "${o}" at row ${i} that is not one of its recorded levels (${recorded.join(", ")})`,
        );
      seen.add(o);
    }
    return v as string[];
  });
  return { levels: recorded ? [...recorded] : [...seen].sort(), rows };
}

/** A single-choice column as group labels (booleans "No"/"Yes", as crosstab reads them), levels in order. */
export function readGroups(
  fn: string,
  table: ColumnTable,
  column: string,
): { levels: string[]; labels: (string | null)[] } {
  const values = columnValues(fn, table, column);
  const labels = values.map((v, i) => {
    if (isMissing(v)) return null;
    if (typeof v === "boolean") return v ? "Yes" : "No";
    if (typeof v === "string" || typeof v === "number") return String(v);
    throw new Error(
      `${fn}: column "${column}" holds ${JSON.stringify(v)} at row ${i}; expected one answer (a label, number or flag)`,
    );
  });
  const recorded = levelsOf(table, column);
  const bool = values.some((v) => typeof v === "boolean");
  const present = [...new Set(labels.filter((l): l is string => l !== null))];
  const levels = recorded ? [...recorded] : bool ? ["No", "Yes"] : present.sort();
  for (const l of present)
    if (!levels.includes(l))
      throw new Error(
        `${fn}: column "${column}" has "${l}", which is not one of its recorded levels (${levels.join(", ")})`,
      );
  return { levels, labels };
}
