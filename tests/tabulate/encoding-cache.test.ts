import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { withLevels } from "../../src/codebook/levels.js";
import { clearEncodingCache, encodeColumn } from "../../src/tabulate/encode.js";
import { clearMultiCache, encodeMulti } from "../../src/tabulate/encode-multi.js";
import { encodingCache } from "../../src/tabulate/encoding-cache.js";
import type { ColumnLike } from "../../src/tabulate/source.js";

const col = (t: ReturnType<typeof table>, name: string) => t.column(name) as unknown as ColumnLike;

describe("encodingCache(): one encoding per column object while its recorded levels stay the same", () => {
  it("encodes once per column and levels, again for new levels, and from scratch after clear()", () => {
    const cache = encodingCache<string>();
    const column = {};
    const levels = ["a"];
    let calls = 0;
    const encode = () => `encoding ${++calls}`;
    expect(cache.get(column, levels, encode)).toBe("encoding 1");
    expect(cache.get(column, levels, encode)).toBe("encoding 1");
    expect(cache.get(column, ["a"], encode)).toBe("encoding 2"); // equal levels, another array: re-encoded
    cache.clear();
    expect(cache.get(column, ["a"], encode)).toBe("encoding 3");
  });

  it("encodeColumn and encodeMulti reuse the codes of a filtered view, and re-encode after withLevels", () => {
    const t = table({ q: ["No", "Yes", "Yes"], m: [["x"], [], null] });
    const first = encodeColumn(t, "q", col(t, "q"), "test");
    const view = t.filter((d) => d.q === "Yes");
    expect(encodeColumn(view, "q", col(view, "q"), "test")).toBe(first);
    const relevelled = withLevels(t, { q: ["Yes", "No"] });
    const second = encodeColumn(relevelled, "q", col(relevelled, "q"), "test");
    expect(second).not.toBe(first);
    expect(second.labels).toEqual(["Yes", "No"]);
    const multi = encodeMulti(t, "m", col(t, "m"), "test");
    expect(encodeMulti(t, "m", col(t, "m"), "test")).toBe(multi);
    clearEncodingCache();
    clearMultiCache();
    expect(encodeColumn(relevelled, "q", col(relevelled, "q"), "test")).not.toBe(second);
    expect(encodeMulti(t, "m", col(t, "m"), "test")).not.toBe(multi);
  });
});
