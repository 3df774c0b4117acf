import { describe, it, expect } from "vitest";
import { loadSurvey } from "../../src/survey/load-survey.js";
import { computeReceipts } from "../../src/published/compute.js";
import { publishedFigures } from "../../src/published/figures.js";
import { dataPath } from "../../src/codebook/project-root.js";
import { buildSynthetic } from "../../src/synth/generate.js";
import { truthTable } from "../../src/synth/truth-table.js";
import { DUPLICATES, AREAS } from "../../src/synth/plan.js";

// The bundled synthetic exports, read through the real loader and cleaner exactly as notebooks read them.
const paths = {
  "link-worker": dataPath("synthetic", "link-worker.csv"),
  provider: dataPath("synthetic", "provider.xlsx"),
};
const lw = loadSurvey("link-worker", { path: paths["link-worker"] });
const pr = loadSurvey("provider", { path: paths.provider });
const receipts = computeReceipts({ "link-worker": lw.table, provider: pr.table });
const byId = new Map(receipts.map((r) => [r.id, r]));

describe("calibration: the cleaned synthetic exports reproduce every published figure", () => {
  it("there is a receipt for every published figure", () => {
    expect(receipts.map((r) => r.id).sort()).toEqual(
      publishedFigures()
        .map((f) => f.id)
        .sort(),
    );
  });
  it.each(publishedFigures().map((f) => [f.id, f.kind] as const))("%s (%s) passes", (id) => {
    const r = byId.get(id)!;
    expect(r.pass, `${id}: ${r.detail} (tolerance ${r.tolerance ?? "claim"})`).toBe(true);
  });
  it("shares carry a Wilson interval around the computed value", () => {
    const r = byId.get("lw-trained")!;
    expect(r.n).toBe(300);
    expect(r.successes).toBe(57);
    expect(r.lower!).toBeLessThan(r.computed!);
    expect(r.upper!).toBeGreaterThan(r.computed!);
  });
});

describe("calibration: the bundled exports clean to the generator's ground truth", () => {
  const data = buildSynthetic();
  it.each([
    ["link-worker", lw, data.linkWorkers],
    ["provider", pr, data.providers],
  ] as const)(
    "%s: every cleaned row equals a ground-truth row (free text aside, PII redaction changes it)",
    (survey, loaded, truth) => {
      const t = truthTable(truth, survey);
      const cols = t.columnNames().filter((c) => c !== "home_suggestions");
      const key = (o: Record<string, unknown>) => JSON.stringify(cols.map((c) => o[c] ?? null));
      const pool = new Map<string, number>();
      for (const o of t.objects() as Record<string, unknown>[]) pool.set(key(o), (pool.get(key(o)) ?? 0) + 1);
      let unmatched = 0;
      for (const o of loaded.table.objects() as Record<string, unknown>[]) {
        const k = key(o);
        if ((pool.get(k) ?? 0) > 0) pool.set(k, pool.get(k)! - 1);
        else unmatched += 1;
      }
      expect(loaded.table.numRows()).toBe(t.numRows());
      expect(unmatched).toBe(0);
    },
  );
  it("sample sizes: 300 Link Workers (69 in Merseyside) and 200 providers after de-duplication", () => {
    expect(lw.table.numRows()).toBe(AREAS.reduce((s, a) => s + a.linkWorkers, 0));
    expect(pr.table.numRows()).toBe(AREAS.reduce((s, a) => s + a.providers, 0));
    expect(lw.table.numRows()).toBe(300);
    expect(
      (lw.table.objects() as Record<string, unknown>[]).filter(
        (o) => o.ap_area === "Merseyside Sport (Merseyside)",
      ).length,
    ).toBe(69);
  });
  it("lineage balances: rows read = rows kept + rows dropped, and the drops are the planted duplicates", () => {
    for (const [loaded, dupes] of [
      [lw, DUPLICATES.linkWorker],
      [pr, DUPLICATES.provider],
    ] as const) {
      const dropped = loaded.lineage.steps.flatMap((s) => s.dropped);
      expect(loaded.lineage.balanced).toBe(true);
      expect(loaded.lineage.rowsRead).toBe(loaded.lineage.rowsKept + dropped.length);
      expect(dropped).toHaveLength(dupes);
      for (const d of dropped) expect(d.reason).toMatch(/duplicate/i);
    }
  });
  it("the email column is gone and no email address survives in free text", () => {
    expect(lw.table.columnNames()).not.toContain("email");
    const text = lw.table.array("home_suggestions") as (string | null)[];
    expect(text.some((t) => t !== null && /@example\./.test(t))).toBe(false);
  });
});
