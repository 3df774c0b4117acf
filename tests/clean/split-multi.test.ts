import { describe, expect, it } from "vitest";
import { splitMultiSelect } from "../../src/clean/split-multi.js";

const OPTIONS = [
  { code: "distance", label: "Distance / travel" },
  { code: "cost", label: "Cost, including kit and equipment" },
  { code: "kit", label: "Cost" },
  { code: "health", label: "Health and fitness", aliases: ["Fitness"] },
];

describe("splitMultiSelect(cell, options) splits joined answers against the option list", () => {
  it("keeps labels that contain commas whole (longest match first)", () => {
    expect(splitMultiSelect("Distance / travel, Cost, including kit and equipment", OPTIONS)).toEqual({
      codes: ["distance", "cost"],
      leftovers: [],
    });
  });

  it("still finds a short label that is a prefix of a longer one when it stands alone", () => {
    expect(splitMultiSelect("Cost, Health and fitness", OPTIONS).codes).toEqual(["kit", "health"]);
  });

  it("returns options in codebook order whatever the cell order, ignoring case and ; or | separators", () => {
    expect(splitMultiSelect("health and fitness; distance / travel | COST", OPTIONS).codes).toEqual([
      "distance",
      "kit",
      "health",
    ]);
  });

  it("matches aliases", () => {
    expect(splitMultiSelect("Fitness", OPTIONS).codes).toEqual(["health"]);
  });

  it("returns unlisted text, commas and all, as leftovers (typed Other answers)", () => {
    expect(splitMultiSelect("Distance / travel, Childcare, weekends", OPTIONS)).toEqual({
      codes: ["distance"],
      leftovers: ["Childcare, weekends"],
    });
  });

  it("does not match a label inside a longer word or phrase", () => {
    expect(splitMultiSelect("Costly parking", OPTIONS)).toEqual({ codes: [], leftovers: ["Costly parking"] });
  });

  it("gives no codes and no leftovers for an empty cell (no valid responses)", () => {
    expect(splitMultiSelect("", OPTIONS)).toEqual({ codes: [], leftovers: [] });
    expect(splitMultiSelect(" , ; ", OPTIONS)).toEqual({ codes: [], leftovers: [] });
  });
});
