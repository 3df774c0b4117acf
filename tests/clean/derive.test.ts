import { describe, it, expect } from "vitest";
import * as aq from "arquero";
import { deriveColumns, ACTIVITY_BANDS } from "../../src/clean/derive.js";
import { levelsOf } from "../../src/codebook/levels.js";

describe("deriveColumns(table, 'link-worker')", () => {
  it("trained is true for either 'Yes' answer, trained_in_role only for the current role, null when unanswered", () => {
    const t = aq.table({
      pa_training: ["No", "Yes, before my current role", "Yes, in my current role", null],
    });
    const { table } = deriveColumns(t, "link-worker");
    expect(table.array("trained")).toEqual([false, true, true, null]);
    expect(table.array("trained_in_role")).toEqual([false, false, true, null]);
  });
  it("weekly_minutes counts a vigorous minute as two moderate minutes; bands at 30 and 150 (CMO)", () => {
    // hand calculation: 20 + 2*5 = 30 -> fairly active; 100 + 2*25 = 150 -> active; 29 -> inactive; 149 -> fairly
    const t = aq.table({
      own_moderate_minutes: [20, 100, 29, 149, null, null],
      own_vigorous_minutes: [5, 25, null, null, 10, null],
    });
    const { table, levels } = deriveColumns(t, "link-worker");
    expect(table.array("weekly_minutes")).toEqual([30, 150, 29, 149, 20, null]);
    expect(table.array("activity_band")).toEqual([
      ACTIVITY_BANDS[1],
      ACTIVITY_BANDS[2],
      ACTIVITY_BANDS[0],
      ACTIVITY_BANDS[1],
      ACTIVITY_BANDS[0],
      null,
    ]);
    expect(table.array("meets_guideline")).toEqual([false, true, false, false, false, null]);
    expect(levels.activity_band).toEqual(["Inactive (<30)", "Fairly active (30-149)", "Active (150+)"]);
    expect(levelsOf(table, "activity_band")).toEqual(levels.activity_band);
  });
  it("confident_* flags are the top two of five boxes", () => {
    const t = aq.table({
      confidence_discussing: [
        "Not at all confident",
        "Moderately confident",
        "Very confident",
        "Extremely confident",
        null,
      ],
    });
    expect(deriveColumns(t, "link-worker").table.array("confident_discussing")).toEqual([
      false,
      false,
      true,
      true,
      null,
    ]);
  });
  it("knows_moderate needs exactly the four moderate items; knows_guideline needs '150 minutes'", () => {
    const four = ["Brisk walking", "Cycling on level ground", "Water aerobics", "Mowing the lawn"];
    const t = aq.table({
      moderate_activities: [four, [...four, "Running"], ["Brisk walking"], [], null],
      guideline_minutes: ["150 minutes", "Don't know", "75 minutes", null, "300 minutes"],
    });
    const { table } = deriveColumns(t, "link-worker");
    expect(table.array("knows_moderate")).toEqual([true, false, false, false, null]);
    expect(table.array("knows_guideline")).toEqual([true, false, false, null, false]);
  });
  it("travels_3_miles_plus treats the missing code 'Don't know' as missing", () => {
    const t = aq.table({ travel_distance: ["3 miles or more", "Less than 1 mile", "Don't know", null] });
    expect(deriveColumns(t, "link-worker").table.array("travels_3_miles_plus")).toEqual([
      true,
      false,
      null,
      null,
    ]);
  });
  it("a table with no valid responses gives all-null flags and notes the absent source columns", () => {
    const { table, notes } = deriveColumns(aq.table({ pa_training: [null, null] }), "link-worker");
    expect(table.array("trained")).toEqual([null, null]);
    expect(table.array("enough_knowledge")).toEqual([null, null]);
    expect(notes).toContain('enough_knowledge: all null, source column "knowledge_of_provision" absent');
    expect(notes.some((n) => n.startsWith("trained: ") && n.includes("0 of 2 rows known"))).toBe(true);
  });
  it("throws naming the column and value when a label is not a codebook option", () => {
    expect(() => deriveColumns(aq.table({ pa_training: ["Maybe"] }), "link-worker")).toThrow(
      'deriveColumns: column "pa_training" has "Maybe", expected one of: No | Yes, before my current role | Yes, in my current role',
    );
  });
  it("throws naming the column when minutes are negative", () => {
    expect(() => deriveColumns(aq.table({ own_moderate_minutes: [-5] }), "link-worker")).toThrow(
      'column "own_moderate_minutes" has -5',
    );
  });
});

describe("deriveColumns(table, 'provider')", () => {
  it("derives confident_additional_needs, understands_sp and needs_funding with nulls kept", () => {
    const t = aq.table({
      confidence_additional_needs: ["Very confident", "Slightly confident", null],
      understanding_sp: ["Good", "Fair", "Very good"],
      funding_needed: ["Not sure", "Yes", null],
    });
    const { table, levels } = deriveColumns(t, "provider");
    expect(table.array("confident_additional_needs")).toEqual([true, false, null]);
    expect(table.array("understands_sp")).toEqual([true, false, true]);
    expect(table.array("needs_funding")).toEqual([false, true, null]);
    expect(levels).toEqual({});
  });
});
