import { describe, expect, it } from "vitest";
import { shortNames } from "../../src/figures/hex-map.js";

const hex = (code: string, name: string) => ({ code, name });

describe("shortNames", () => {
  it("shortNames(hexes) keeps names of up to 13 characters, shortening a leading compass word", () => {
    const names = shortNames([hex("a", "Halton"), hex("b", "South Ribble"), hex("c", "West Lancashire")]);
    expect([...names.values()]).toEqual(["Halton", "S. Ribble", "W. Lancashire"]);
  });

  it("shortNames(hexes) uses a long name's first word only when no other area starts with it", () => {
    const names = shortNames([
      hex("a", "Blackburn with Darwen"),
      hex("b", "Cheshire West and Chester"),
      hex("c", "Cheshire Eastern Borough"),
    ]);
    expect(names.get("a")).toBe("Blackburn");
    expect(names.get("b")).toBe("CWC");
    expect(names.get("c")).toBe("CEB");
  });

  it("shortNames(hexes) returns an empty map for no hexes", () => {
    expect(shortNames([]).size).toBe(0);
  });
});
