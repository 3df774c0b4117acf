import { describe, expect, it } from "vitest";
import { redactPii } from "../../src/clean/redact-pii.js";

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
