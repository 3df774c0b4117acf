import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { isNhsNumber, redactPii } from "../../src/clean/redact-pii.js";
import { dataPath } from "../../src/codebook/project-root.js";

// Phone numbers and postcodes below are Ofcom drama numbers and real-format but generic postcodes.
describe("redactPii(text) removes personal data from free text", () => {
  it("redacts email addresses", () => {
    expect(redactPii("write to jo.bloggs+sp@example.org.uk please")).toEqual({
      text: "write to [email] please",
      found: ["email"],
    });
  });

  it.each([
    ["07700 900123"],
    ["0161 496 0000"],
    ["01632 960 001"],
    ["+44 (0)20 7946 0958"],
    ["+447700900123"],
  ])("redacts the UK phone number %s", (phone) => {
    expect(redactPii(`call ${phone} today`)).toEqual({ text: "call [phone] today", found: ["phone"] });
  });

  it("redacts full UK postcodes but keeps a district on its own", () => {
    expect(redactPii("we meet at PR1 2HE and M11AE").text).toBe("we meet at [postcode] and [postcode]");
    expect(redactPii("anyone in PR1 or Preston")).toEqual({ text: "anyone in PR1 or Preston", found: [] });
  });

  it("redacts names after a self-introduction or sign-off", () => {
    expect(redactPii("My name is Priya Shah.").text).toBe("My name is [name].");
    expect(redactPii("Thanks, Jane").text).toBe("Thanks, [name]");
  });

  it("leaves numbers that are not phone numbers (minutes, money, dates)", () => {
    const text = "150 minutes, £2.50, on 12/03/2022, 10 sessions";
    expect(redactPii(text)).toEqual({ text, found: [] });
  });

  it("leaves text without personal data, including empty text, unchanged", () => {
    expect(redactPii("")).toEqual({ text: "", found: [] });
    expect(redactPii("Chair-based exercise videos")).toEqual({
      text: "Chair-based exercise videos",
      found: [],
    });
  });
});

describe("redactPii(text) finds NHS numbers, names, addresses and dates of birth", () => {
  it.each([["943 476 5919"], ["9434765919"], ["943-476-5919"]])("redacts the NHS number %s", (nhs) => {
    expect(redactPii(`NHS no ${nhs}.`)).toEqual({ text: "NHS no [nhs-number].", found: ["nhs-number"] });
  });

  it("leaves 10-digit numbers whose check digit fails, and mixed separators", () => {
    for (const text of ["ref 943 476 5918", "id 1234567890", "943 476-5919", "19434765919"])
      expect(redactPii(text)).toEqual({ text, found: [] });
    expect(isNhsNumber("9434765919")).toBe(true);
    expect(isNhsNumber("4010232137")).toBe(true);
    expect(isNhsNumber("4010232138")).toBe(false);
  });

  it.each([
    ["Dr Sarah Jones said so", "[name] said so"],
    ["ask Mr Bob Brown", "ask [name]"],
    ["Mrs. O'Neill rang", "[name] rang"],
    ["I'm Mary O'Neill", "I'm [name]"],
    ["my name is John McDonald, thanks", "my name is [name], thanks"],
    ["Jane Smith came twice", "[name] came twice"],
    ["Kind regards, Priya Shah-Patel", "Kind regards, [name]"],
  ])("redacts the name in %j", (text, expected) => {
    expect(redactPii(text)).toEqual({ text: expected, found: ["name"] });
  });

  it.each([
    ["I live at 12 Acacia Avenue, Preston", "I live at [address], Preston"],
    ["4a High St.", "[address]"],
    ["at 221 Baker Street today", "at [address] today"],
  ])("redacts the street address in %j", (text, expected) => {
    expect(redactPii(text)).toEqual({ text: expected, found: ["address"] });
  });

  it.each([
    ["DOB 01/02/1980", "DOB [date-of-birth]"],
    ["date of birth: 1980-02-01", "date of birth: [date-of-birth]"],
    ["born on 3 March 1975", "born on [date-of-birth]"],
    ["my birthday is 12th of June, 1990", "my birthday is [date-of-birth]"],
  ])("redacts the date of birth in %j", (text, expected) => {
    expect(redactPii(text)).toEqual({ text: expected, found: ["date-of-birth"] });
  });

  it.each([
    ["Active Lancashire"],
    ["Link Worker"],
    ["Will Power and Park Run"],
    ["I am Not sure"],
    ["I am Happy with it"],
    ["Ms Teams calls"],
    ["Age UK and Tai Chi"],
    ["5 days a week"],
    ["walk 3 Health Walk"],
    ["3 times a week down the road"],
    ["session on 12/03/2022"],
    ["West Lancashire"],
    ["Dr appointment"],
  ])("leaves the near-miss %j", (text) => {
    expect(redactPii(text)).toEqual({ text, found: [] });
  });

  it("no question text or option label of either codebook is redacted", () => {
    const texts: string[] = [];
    for (const survey of ["link-worker", "provider"])
      JSON.stringify(
        JSON.parse(readFileSync(dataPath("codebook", `${survey}.json`), "utf8")),
        (_k, v: unknown) => {
          if (typeof v === "string") texts.push(v);
          return v;
        },
      );
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => redactPii(t).found.length > 0)).toEqual([]);
  });

  // The e-mail pattern used to backtrack: a 400 KB answer took 106 s. Each string here is 400 KB.
  it.each([["a"], ["a@"], ["a."], ["Dr "], ["I am "], ["Aa "], ["1 Aa "], ["0"], ["07700 "], ["DOB 1/"]])(
    "redacts 400 KB of %j in linear time",
    (unit) => {
      const text = unit.repeat(Math.ceil(400_000 / unit.length));
      const t0 = performance.now();
      redactPii(text);
      expect(performance.now() - t0).toBeLessThan(5000);
    },
  );
});
