import { describe, expect, it } from "vitest";
import { extraColumnWarning } from "../../src/load/export-error.js";

describe("extraColumnWarning(file, column, what, expected)", () => {
  it("is a warning on the header row that says the column is kept aside, with every field set", () => {
    expect(
      extraColumnWarning("lw.csv", '"Notes" (column F)', "column not in the codebook", "a question text"),
    ).toEqual({
      severity: "warning",
      code: "unknown-column",
      file: "lw.csv",
      row: 1,
      column: '"Notes" (column F)',
      expected: "a question text",
      message:
        'lw.csv, row 1, column "Notes" (column F): column not in the codebook: expected a question text (kept aside in extras)',
    });
  });
});
