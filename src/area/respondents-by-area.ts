import type { ColumnTable } from "arquero";
import type { AreaValue } from "../figures/hex-map.js";
import type { Geography } from "./area-indicators.js";
import { districtLookup } from "./reference.js";
import { publishTable } from "../tabulate/publish.js";
import { toSource } from "../tabulate/source.js";

/** Respondents per local authority, ready for `hexMap`, with the number who named one. */
export interface RespondentsByArea {
  /** One value per authority of the geography: the count, or null (and `suppressed`) when hidden. */
  readonly values: AreaValue[];
  /** Respondents who named a local authority (the map's base). */
  readonly answered: number;
  /** Authorities hidden: counts of 1 to threshold-1, plus those hidden so that none can be recovered from a
   * published total (North West, Active Partnership) by subtraction. */
  readonly suppressed: number;
}

/**
 * Counts respondents in every local authority for a hex map, under disclosure control: a count of 1 to
 * threshold-1 is hidden (value and n null, `suppressed: true`), and when only one area of the North West or of
 * an Active Partnership is hidden, that group's next smallest non-zero area is hidden too, since the group's
 * total minus its shown counts would otherwise reveal it.
 * Areas with nobody are shown as 0.
 * @example
 * const where = respondentsByArea(lw);
 * hexMap(where.values, { title: "Where the Link Workers work", base: { n: where.answered, unit: "Link Workers" }, unit: "" });
 */
export function respondentsByArea(
  table: ColumnTable,
  options: { geography?: Geography; areaColumn?: string; suppress?: number | false } = {},
): RespondentsByArea {
  const areaColumn = options.areaColumn ?? "local_authority";
  if (!table.column(areaColumn))
    throw new Error(`respondentsByArea: the table has no column "${areaColumn}"`);
  const k = options.suppress === false ? 0 : (options.suppress ?? 5);
  const lad19 = (options.geography ?? "lad23") === "lad19";
  const lookup = districtLookup();
  const codeOf = new Map(lookup.map((d) => [d.lad19Name, lad19 ? d.lad19Code : d.lad23Code]));
  const counts = new Map(lookup.map((d) => [lad19 ? d.lad19Code : d.lad23Code, 0]));
  let answered = 0;
  for (const area of table.array(areaColumn) as unknown as unknown[]) {
    if (area === null || area === undefined) continue;
    const code = codeOf.get(String(area));
    if (!code)
      throw new Error(
        `respondentsByArea: column "${areaColumn}" has "${String(area)}", not a North West district name`,
      );
    counts.set(code, counts.get(code)! + 1);
    answered++;
  }
  const hidden = new Set([...counts].filter(([, n]) => n > 0 && n < k).map(([code]) => code));
  // Totals are published for the North West and for each Active Partnership (notebook 01's tables), so a
  // group with a single hidden area would give it away by subtraction: hide the group's next smallest too.
  const partnership = new Map(lookup.map((d) => [lad19 ? d.lad19Code : d.lad23Code, d.activePartnership]));
  const groups = [
    [...counts.keys()],
    ...[...new Set(partnership.values())].map((ap) =>
      [...counts.keys()].filter((code) => partnership.get(code) === ap),
    ),
  ];
  const completeGroups = () => {
    for (let changed = true; changed;) {
      changed = false;
      for (const group of groups) {
        if (group.filter((code) => hidden.has(code)).length !== 1) continue;
        const next = group
          .filter((code) => counts.get(code)! > 0 && !hidden.has(code))
          .sort((a, b) => counts.get(a)! - counts.get(b)!)[0];
        if (next) {
          hidden.add(next);
          changed = true;
        }
      }
    }
  };
  completeGroups();
  // The run's ledger: each authority's count (the district names it covers) and the base, so that an area a
  // frequencies table or crosstab of the same column hid is hidden on the map too, and the map's counts do not
  // give a table's hidden cell back by subtraction.
  const codes = [...counts.keys()];
  const namesOf = new Map<string, string[]>();
  for (const [name, code] of codeOf) namesOf.set(code, [...(namesOf.get(code) ?? []), name]);
  const names = [...codeOf.keys()];
  const published = publishTable({
    source: toSource(table, "respondentsByArea"),
    label: `respondentsByArea ${areaColumn}`,
    threshold: k,
    variables: { [areaColumn]: names },
    cells: [
      ...codes.map((code) => {
        const n = counts.get(code)!;
        const status = !hidden.has(code) ? "shown" : n < k ? "primary" : "secondary";
        return { where: { [areaColumn]: namesOf.get(code)! }, count: n, status } as const;
      }),
      { where: { [areaColumn]: names }, count: answered, status: "shown" },
    ],
  });
  codes.forEach((code, i) => {
    if (published[i] !== "shown") hidden.add(code);
  });
  // An area the ledger hid may be the only hidden one of its Active Partnership (whose total the ledger does not
  // know): the group rule again (its extra areas are recorded as shown in the ledger, which is conservative).
  completeGroups();
  const values = [...counts].map(([code, n]) =>
    hidden.has(code)
      ? { code, value: null, n: null, suppressed: true }
      : { code, value: n, n, suppressed: false },
  );
  return { values, answered, suppressed: hidden.size };
}
