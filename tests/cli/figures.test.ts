import { describe, expect, it } from "vitest";
import { formatFigureRows, type FigureRow } from "../../src/cli/figures.js";
import { main } from "../../src/cli/main.js";
import { publishedFigures } from "../../src/published/figures.js";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("sp-pathways figures", () => {
  it("--json prints one object per published figure with the contract's fields, exit 0 when all pass", async () => {
    const r = await run("figures", "--json");
    const rows = JSON.parse(r.out) as FigureRow[];
    expect(rows.map((x) => x.id)).toEqual(publishedFigures().map((f) => f.id));
    for (const key of ["id", "section", "quote", "published", "computed", "lower", "upper", "n", "pass"])
      expect(rows[0]).toHaveProperty(key);
    const trained = rows.find((x) => x.id === "lw-trained")!;
    expect(trained.section).toBe("social-prescription");
    expect(trained.published).toBe(19);
    expect(trained.lower! < trained.computed! && trained.computed! < trained.upper!).toBe(true);
    expect(rows.find((x) => x.kind === "rank")!.published).toBeNull();
    expect(r.code).toBe(rows.every((x) => x.pass) ? 0 : 1);
  }, 60_000);

  it("prints a table with a closing count line", async () => {
    const r = await run("figures");
    expect(r.out.split("\n")[0]).toMatch(/^id\s+section\s+published\s+computed\s+interval\s+n\s+pass$/);
    expect(r.out).toMatch(/\n\d+ figures: \d+ pass, \d+ fail \(synthetic data\)$/);
  }, 60_000);

  it("formatFigureRows marks failures and counts them; missing values print as blanks", () => {
    const row: FigureRow = {
      id: "x-share",
      survey: "provider",
      section: "provision",
      kind: "percent",
      quote: "q",
      published: 13,
      tolerance: "[12.5, 13.5)",
      computed: null,
      lower: null,
      upper: null,
      n: null,
      pass: false,
      detail: "no valid responses",
      computedText: "no valid responses",
      data: "synthetic",
    };
    const text = formatFigureRows([row]);
    expect(text).toMatch(/x-share\s+provision\s+13%\s+FAIL/);
    expect(text.split("\n").at(-1)).toBe("1 figures: 0 pass, 1 fail (synthetic data)");
  });

  it("rejects a positional argument with usage (exit 2)", async () => {
    const r = await run("figures", "extra");
    expect(r.code).toBe(2);
    expect(r.err).toContain("sp-pathways figures [--json]");
  });
});
