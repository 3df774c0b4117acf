import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/load/decode.js";
import { columnLetter, problem } from "../../src/load/export-error.js";
import { matchHeaders } from "../../src/load/match-headers.js";
import { normaliseText } from "../../src/load/normalise-text.js";
import { parseTimestamp } from "../../src/load/parse-timestamp.js";
import { miniLinkWorker } from "../fixtures/mini-codebooks.js";

describe("decodeText(bytes)", () => {
  it("strips a UTF-8 BOM and reports it", () => {
    expect(decodeText(Buffer.from("\uFEFFa,b", "utf8"))).toEqual({
      text: "a,b",
      encoding: "utf-8",
      bom: true,
    });
  });

  it("falls back to Windows-1252 on invalid UTF-8, locating the first bad byte (0xA3 is £ in Latin-1)", () => {
    const d = decodeText(Buffer.from([0x61, 0x0a, 0xa3, 0x35]));
    expect(d).toEqual({
      text: "a\n£5",
      encoding: "windows-1252",
      bom: false,
      invalid: { offset: 2, byte: 0xa3, line: 2 },
    });
  });

  it("reads Windows-1252 curly quotes (0x92 is \u2019)", () => {
    expect(decodeText(Buffer.from([0x64, 0x6f, 0x6e, 0x92, 0x74])).text).toBe("don\u2019t");
  });

  it("decodes an empty buffer to empty text", () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: "", encoding: "utf-8", bom: false });
  });
});

describe("parseTimestamp(text)", () => {
  it.each([
    ["31/01/2022 09:05", "2022-01-31T09:05:00"],
    ["31/01/2022 09:05:07", "2022-01-31T09:05:07"],
    ["2022-01-31 09:05:00", "2022-01-31T09:05:00"],
    ["2022/01/31 09:05:00", "2022-01-31T09:05:00"],
    ["01/31/2022 9:05:00 AM", "2022-01-31T09:05:00"],
    ["01/31/2022 1:05:00 PM", "2022-01-31T13:05:00"],
    ["31/01/2022", "2022-01-31T00:00:00"],
  ])("parseTimestamp(%j) = %j", (text, iso) => {
    expect(parseTimestamp(text)).toBe(iso);
  });

  it("gives null for impossible dates and for text", () => {
    expect(parseTimestamp("31/02/2022 09:00")).toBeNull();
    expect(parseTimestamp("yesterday")).toBeNull();
    expect(parseTimestamp("")).toBeNull();
  });
});

describe("matchHeaders(headers, codebook)", () => {
  it("matches by id, exact text and normalised text (case, spaces, curly quotes, punctuation)", () => {
    const { columns } = matchHeaders(
      [
        "area",
        "Who employs you as a Link Worker?",
        "  HOW CONFIDENT do you feel discussing physical activity with your clients  ",
        "home_suggestions",
      ],
      miniLinkWorker,
      "x.csv",
    );
    expect(columns.map((c) => [c.key, c.how])).toEqual([
      ["area", "id"],
      ["employer", "exact"],
      ["confidence_discussing", "normalised"],
      ["home_suggestions", "id"],
    ]);
  });

  it("recognises [option] and [item] sub-columns, the Other column, id forms and admin columns", () => {
    const { columns } = matchHeaders(
      [
        "Respondent ID",
        "Who currently refers clients to you? [Social landlords, e.g. housing associations]",
        "Who currently refers clients to you? [Other (please specify)]",
        "How would you rate local physical activity provision on the following? [support given]",
        "provision_rating__cost",
        "E-mail",
      ],
      miniLinkWorker,
      "x.csv",
    );
    expect(columns.map((c) => c.key)).toEqual([
      "response_id",
      "referral_sources[landlords]",
      "referral_sources[other]",
      "provision_rating__support",
      "provision_rating__cost",
      "email",
    ]);
  });

  it("gives no question columns for headers that match nothing (no valid columns)", () => {
    expect(matchHeaders(["Colour", ""], miniLinkWorker, "x.csv").questionColumns).toBe(0);
  });
});

describe("problem messages", () => {
  it("name file, row, column, value, expectation and action in that order", () => {
    const p = problem({
      code: "x",
      file: "f.csv",
      row: 3,
      column: '"Q" (column B)',
      value: "v",
      expected: "w",
      what: "bad",
      action: "dropped",
    });
    expect(p.message).toBe('f.csv, row 3, column "Q" (column B): bad: found "v", expected w (dropped)');
  });

  it("spell spreadsheet column letters past Z", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  it("normaliseText folds case, quotes, ampersands and punctuation", () => {
    expect(normaliseText("Don\u2019t know & Other\u2026 ")).toBe("don t know and other");
  });
});
