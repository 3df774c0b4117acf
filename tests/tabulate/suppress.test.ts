import { describe, expect, it } from "vitest";
import {
  HIDDEN_MARK,
  hiddenMark,
  shareHidden,
  suppressCells,
  suppressionNote,
} from "../../src/tabulate/suppress.js";

describe("disclosure rules (suppress.ts)", () => {
  it("shareHidden() hides a share whose count or complement is 1-4 while the base is shown", () => {
    expect(shareHidden(1, 12, 5)).toBe(true);
    expect(shareHidden(11, 12, 5)).toBe(true);
    expect(shareHidden(11, 12, 5, false)).toBe(false);
    expect(shareHidden(6, 12, 5)).toBe(false);
    expect(shareHidden(0, 12, 5)).toBe(false);
    expect(shareHidden(12, 12, 5)).toBe(false);
    expect(shareHidden(6, 12, 8)).toBe(true); // NHS Digital's 1-7
    expect(shareHidden(1, 12, 0)).toBe(false);
  });

  it("suppressCells() applies the complement rule on each relation's total (last cell)", () => {
    expect(suppressCells([27, 3, 30], [[0, 1, 2]], 5)).toEqual(["primary", "primary", "shown"]);
    // 25 of 28: the other 3 (2 + 1) are revealed as a group, so 25 is hidden too.
    expect(suppressCells([25, 2, 1, 28], [[0, 1, 2, 3]], 5)).toEqual([
      "primary",
      "primary",
      "primary",
      "shown",
    ]);
  });

  it("suppressCells() takes share pairs that are not additive (an option over its respondents)", () => {
    // Options a (10) and b (48) of 50 respondents: b's complement is 2.
    expect(
      suppressCells([10, 48, 50], [], 5, undefined, {
        shares: [
          [0, 2],
          [1, 2],
        ],
      }),
    ).toEqual(["shown", "primary", "shown"]);
  });

  it("one mark for every hidden cell, and a footnote that does not tell them apart", () => {
    expect(hiddenMark("primary")).toBe(HIDDEN_MARK);
    expect(hiddenMark("secondary")).toBe(HIDDEN_MARK);
    expect(hiddenMark("shown")).toBeNull();
    const note = suppressionNote(5, true, false)!;
    expect(note).toContain(
      'counts of 1-4, and shares whose complement is 1-4, are hidden and shown as "[c]"',
    );
    expect(note).not.toContain("<5");
    expect(suppressionNote(0, false, false)).toContain("Disclosure control: off");
  });
});
