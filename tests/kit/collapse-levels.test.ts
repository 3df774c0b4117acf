import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { levelsOf, withLevels } from "../../src/codebook/levels.js";
import { collapseLevels } from "../../src/kit/collapse-levels.js";
import { crosstab } from "../../src/tabulate/index.js";

const data = () =>
  withLevels(
    table({
      scale: ["Neighbourhood", "District", "County", null, "Neighbourhood", "Regional"],
      funded: ["no", "yes", "yes", "no", "no", "yes"],
    }),
    { scale: ["Neighbourhood", "District", "County", "Regional", "National"] },
  );

describe("collapseLevels: a column's levels grouped into a new column", () => {
  it("puts each level in its group, 'rest' takes the others, missing stays missing, levels in the given order", () => {
    const out = collapseLevels(data(), "scale", "group", {
      "Larger scales": "rest",
      Neighbourhood: ["Neighbourhood"],
    });
    expect(out.array("group")).toEqual([
      "Neighbourhood",
      "Larger scales",
      "Larger scales",
      null,
      "Neighbourhood",
      "Larger scales",
    ]);
    expect(levelsOf(out, "group")).toEqual(["Larger scales", "Neighbourhood"]);
    expect(levelsOf(out, "scale")).toEqual(["Neighbourhood", "District", "County", "Regional", "National"]);
    expect(crosstab(out, "funded", { by: "group", suppress: false }).colLevels).toEqual([
      "Larger scales",
      "Neighbourhood",
    ]);
  });

  it("names a mistyped level, a level in two groups and a level in none", () => {
    expect(() => collapseLevels(data(), "scale", "g", { a: ["Neighbourhod"], b: "rest" })).toThrow(
      'collapseLevels: no level of scale "Neighbourhod"; did you mean "Neighbourhood"?',
    );
    expect(() => collapseLevels(data(), "scale", "g", { a: ["County"], b: ["County"], c: "rest" })).toThrow(
      'collapseLevels: level "County" of scale is in both "a" and "b"',
    );
    expect(() => collapseLevels(data(), "scale", "g", { a: ["Neighbourhood"] })).toThrow(
      'collapseLevels: level "District" of scale is in no group',
    );
    expect(() => collapseLevels(data(), "scael", "g", { a: "rest" })).toThrow(
      'collapseLevels: no column "scael"; did you mean "scale"?',
    );
  });
});
