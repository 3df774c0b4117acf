import type { ColumnTable } from "arquero";
import { unknownName, UsageError } from "../errors/usage-error.js";
import { readMulti } from "./read.js";

/** For each new flag column: the tick-all-that-apply question and the option whose tick it records. */
export type TickedFlags = Record<string, readonly [question: string, option: string]>;

/**
 * Adds one flag column per entry: true when the respondent ticked the option of the tick-all-that-apply
 * question, false when they answered it without ticking the option, null when they did not answer it. The flags
 * read as "Yes"/"No" in `crosstab` and `frequencies` (a `{ by }` of "ticked X or not"). An unknown question or
 * option, or a flag name the table already has, is an error naming it and the closest valid names.
 * @example
 * const pv2 = withTicked(pv, { with_link_workers: ["collaborate_with", "Link Workers / social prescribers"] });
 * crosstab(pv2, "understands_sp", { by: "with_link_workers" }); // column % among those who ticked it or not
 */
export function withTicked(table: ColumnTable, flags: TickedFlags): ColumnTable {
  const fn = "withTicked";
  const columns = table.columnNames();
  const added: Record<string, (boolean | null)[]> = {};
  for (const [name, [question, option]] of Object.entries(flags)) {
    if (columns.includes(name)) throw new UsageError(fn, `the table already has a column "${name}"`);
    if (!columns.includes(question)) throw unknownName(fn, "column", question, columns);
    // One answer (a string) is a different kind of question: say so, rather than "row 0 holds ...".
    const first = Array.from(table.array(question) as ArrayLike<unknown>).find(
      (v) => v !== null && v !== undefined,
    );
    if (first !== undefined && !Array.isArray(first))
      throw new UsageError(fn, `column "${question}" is not a tick-all-that-apply question`, {
        valid: `it holds ${JSON.stringify(first)}; use crosstab or frequencies for one answer`,
      });
    const multi = readMulti(fn, table, question);
    if (!multi.levels.includes(option)) throw unknownName(fn, `option of ${question}`, option, multi.levels);
    added[name] = multi.rows.map((row) => (row === null ? null : row.includes(option)));
  }
  // assign keeps the existing column objects, so their recorded levels (src/codebook/levels.ts) survive.
  return table.assign(added);
}
