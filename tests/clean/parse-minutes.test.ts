import { describe, expect, it } from "vitest";
import { MINUTES_IN_WEEK, parseMinutes } from "../../src/clean/parse-minutes.js";

// Expected values are hand arithmetic: hours x 60, ranges (low + high) / 2, per day x 7.
describe("parseMinutes(text) reads free-typed weekly minutes", () => {
  it.each([
    ["150", 150],
    ["90 mins", 90],
    ["60mins", 60],
    ["45 minutes", 45],
    ["2 hrs", 120], // 2 x 60
    ["1.5 hours", 90], // 1.5 x 60
    ["1 hr 30 mins", 90], // 60 + 30
    ["1h30", 90],
    ["two hours", 120],
    ["half an hour", 30],
    ["3 x 30 mins", 90], // 3 x 30
    ["150 minutes per week", 150],
    ["none", 0],
    ["0", 0],
    ["Nil", 0],
  ])("parseMinutes(%j) = %d", (text, minutes) => {
    expect(parseMinutes(text).minutes).toBe(minutes);
    expect(parseMinutes(text).error).toBeUndefined();
  });

  it('reads "150+" as 150 flagged lower-bound', () => {
    expect(parseMinutes("150+")).toEqual({ minutes: 150, flags: ["lower-bound", "no-unit"] });
  });

  it('reads "at least 150" as 150 flagged lower-bound and "up to 60" as 60 flagged upper-bound', () => {
    expect(parseMinutes("at least 150").flags).toContain("lower-bound");
    expect(parseMinutes("up to 60")).toMatchObject({ minutes: 60, flags: ["upper-bound", "no-unit"] });
  });

  it('reads "about 60" as 60 flagged approximate', () => {
    expect(parseMinutes("about 60")).toEqual({ minutes: 60, flags: ["approximate", "no-unit"] });
  });

  it('reads a range "30-45" as its midpoint 37.5 ((30 + 45) / 2), flagged range-midpoint', () => {
    expect(parseMinutes("30-45")).toEqual({ minutes: 37.5, flags: ["range-midpoint", "no-unit"] });
    expect(parseMinutes("30\u201345 mins").minutes).toBe(37.5);
  });

  it('applies a range\'s unit to both ends: "1-2 hours" = (60 + 120) / 2 = 90', () => {
    expect(parseMinutes("1-2 hours")).toEqual({ minutes: 90, flags: ["range-midpoint", "hours"] });
  });

  it('multiplies daily amounts by 7: "30 mins a day" = 210', () => {
    expect(parseMinutes("30 mins a day")).toEqual({ minutes: 210, flags: ["per-day"] });
  });

  it("treats missing values (null, undefined, blank) as missing without an error", () => {
    for (const text of [null, undefined, "", "   "])
      expect(parseMinutes(text)).toEqual({ minutes: null, flags: [] });
  });

  it('treats non-answers ("n/a", "don\'t know") as missing without an error', () => {
    expect(parseMinutes("n/a")).toEqual({ minutes: null, flags: ["not-applicable"] });
    expect(parseMinutes("Don\u2019t know")).toEqual({ minutes: null, flags: ["not-applicable"] });
  });

  it("gives null with an error naming the text for garbage (no valid reading)", () => {
    expect(parseMinutes("lots")).toEqual({
      minutes: null,
      flags: [],
      error: '"lots" is not a number of minutes',
    });
    expect(parseMinutes("-5").error).toBe('"-5" is not a number of minutes');
  });

  it("gives null with an error above the 10,080 minutes in a week (7 x 24 x 60)", () => {
    expect(MINUTES_IN_WEEK).toBe(10080);
    expect(parseMinutes("10080").minutes).toBe(10080);
    expect(parseMinutes("10081")).toMatchObject({
      minutes: null,
      error: "10081 minutes is more than the 10080 minutes in a week",
    });
    expect(parseMinutes("200 hours").error).toBe("12000 minutes is more than the 10080 minutes in a week");
  });

  it("rejects a range that runs backwards", () => {
    expect(parseMinutes("45-30").error).toBe('the range "45-30" runs backwards');
  });
});
