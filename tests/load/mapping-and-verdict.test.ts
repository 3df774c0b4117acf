import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { cleanExport } from "../../src/clean/clean-export.js";
import { describeSource } from "../../src/load/describe-source.js";
import { syntheticExport } from "../../src/load/find-export.js";
import { readExport } from "../../src/load/read-export.js";

const dir = mkdtempSync(join(tmpdir(), "sp-map-"));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

// The bundled Link Worker export with some headers renamed (and rows kept or cut).
function variant(
  name: string,
  rename: Record<string, string>,
  keepRows = Infinity,
  edit?: (rows: string[][]) => void,
): string {
  const parsed = Papa.parse<string[]>(
    readFileSync(syntheticExport("link-worker"), "utf8").replace(/^\uFEFF/, ""),
    {
      skipEmptyLines: true,
    },
  );
  const rows = parsed.data.slice(0, keepRows + 1);
  rows[0] = (rows[0] as string[]).map((h) => rename[h] ?? h);
  edit?.(rows);
  writeFileSync(join(dir, name), Papa.unparse(rows, { newline: "\r\n" }));
  return join(dir, name);
}

const HOME =
  "For patients unable or not wanting to join an organisation or group activity, what physical activity suggestions/guides do you provide them with if any, to do at home or on their own?";
const AREA = "Which Active Partnership area do you mainly work in?";

describe("question matching by answers, and the mapping file", () => {
  it("a column whose answers are the options of one question is that question's column, whatever its header", () => {
    const path = variant("lw-region.csv", { [AREA]: "Region" });
    const { report } = readExport(path, "link-worker");
    expect(report.questions.find((q) => q.questionId === "ap_area")).toMatchObject({
      column: '"Region" (column E)',
      how: "answers",
    });
  });

  it("map writes one line per question beside the export; edited, every later load uses it", async () => {
    const path = variant("lw-renamed.csv", { [HOME]: "Anything else?" });
    const before = readExport(path, "link-worker").report.questions.find(
      (q) => q.questionId === "home_suggestions",
    );
    expect(before).toMatchObject({ column: null, score: 0 });

    const r = await run("map", "lw-renamed.csv", "--survey", "link-worker");
    expect(r.code).toBe(0);
    expect(r.out).toContain("no column: home_suggestions");
    const written = readFileSync(`${path}.mapping.csv`, "utf8");
    const lines = written.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
    expect(lines[0]).toBe("question,column,score");
    expect(lines).toHaveLength(25);
    expect(lines).toContain(`ap_area,${AREA},1.00`);
    expect(lines).toContain("home_suggestions,none,0.00");

    writeFileSync(
      `${path}.mapping.csv`,
      written.replace("home_suggestions,none,0.00", "home_suggestions,Anything else?,"),
    );
    const after = readExport(path, "link-worker");
    expect(after.report.mappingFile).toBe("lw-renamed.csv.mapping.csv");
    expect(after.report.questions.find((q) => q.questionId === "home_suggestions")).toMatchObject({
      header: "Anything else?",
      how: "mapping",
      score: 1,
    });
    const bundled = cleanExport(readExport(syntheticExport("link-worker"), "link-worker"), "link-worker");
    expect(cleanExport(after, "link-worker").table.array("home_suggestions")).toEqual(
      bundled.table.array("home_suggestions"),
    );
  });

  it("a mapping file naming a column the export does not have stops with the line and value", () => {
    const path = variant("lw-badmap.csv", {});
    writeFileSync(`${path}.mapping.csv`, "question,column,score\nap_area,Area of work,1\n");
    expect(() => readExport(path, "link-worker")).toThrow(
      'lw-badmap.csv.mapping.csv: line 2: question "ap_area" names a column the export does not have: found "Area of work", expected a header of the export as written, a column letter, or none',
    );
  });
});

describe("validate's verdict", () => {
  it("is not usable, exit 1, when a required question has no column, with the reason on the result line", async () => {
    variant("lw-no-area.csv", { [AREA]: "Region" }, Infinity, (rows) => {
      const i = (rows[0] as string[]).indexOf("Region");
      for (const row of rows.slice(1)) row[i] = "";
    });
    const r = await run("validate", "lw-no-area.csv", "--survey", "link-worker");
    expect(r.code).toBe(1);
    expect(r.out.split("\n").at(-1)).toBe(
      'Result: not usable: no column for required question "ap_area"; run sp-pathways map to choose a column',
    );
  });

  it("is not usable when fewer than 90% of the questions have a column", async () => {
    const rename = Object.fromEntries(
      [
        "Who is your employer?",
        HOME,
        "Do you feel have enough knowledge of physical activity provision is available?",
      ].map((h, k) => [h, `Column ${k + 1}`]),
    );
    variant("lw-few.csv", rename, Infinity, (rows) => {
      // Blank the renamed columns so that their answers cannot identify them either.
      for (const name of Object.values(rename)) {
        const i = (rows[0] as string[]).indexOf(name);
        for (const row of rows.slice(1)) row[i] = "";
      }
    });
    const r = await run("validate", "lw-few.csv", "--survey", "link-worker", "--json");
    const summary = JSON.parse(r.out);
    expect(r.code).toBe(1);
    expect(summary.verdict.reason).toBe(
      "only 21 of 24 codebook questions have a column (87.5%; at least 90% needed); run sp-pathways map to choose columns",
    );
  });

  it("is not usable when more than 5% of rows are dropped, and counts the drops by reason", async () => {
    // The first 40 bundled rows, then the same with 10 rows made resubmissions of the row above (same email).
    variant("lw-40.csv", {}, 40);
    const plain = JSON.parse((await run("validate", "lw-40.csv", "--survey", "link-worker", "--json")).out);
    variant("lw-dupes.csv", {}, 40, (rows) => {
      const h = rows[0] as string[];
      const [email, done] = [h.indexOf("Email address"), h.indexOf("Completed")];
      // Rows 1 and 2 of the bundled export are already a resubmission pair: start below them.
      for (let k = 4; k <= 22; k += 2) {
        const [above, row] = [rows[k - 1] as string[], rows[k] as string[]];
        above[email] = `resubmitter${k}@example.org`;
        row[email] = above[email] as string;
        row[done] = above[done] as string;
      }
    });
    const r = await run("validate", "lw-dupes.csv", "--survey", "link-worker", "--json");
    const summary = JSON.parse(r.out);
    const kept = plain.rowsKept - 10;
    expect(r.code).toBe(1);
    expect(summary.rowsKept).toBe(kept);
    expect(summary.verdict.reason).toBe(
      `only ${kept} of 40 rows kept (${(kept / 40) * 100}%; at least 95% needed); most dropped as duplicate (same email address) (${summary.droppedByReason[0].rows})`,
    );
    expect(summary.droppedByReason[0].rows).toBeGreaterThanOrEqual(10);
  });

  it("describeSource names a real export's file, platform, questions matched and drops by reason", () => {
    const path = variant("lw-plain.csv", {});
    const loaded = readExport(path, "link-worker");
    const cleaned = cleanExport(loaded, "link-worker");
    expect(describeSource(loaded.report, cleaned.lineage)).toBe(
      "Data: real export lw-plain.csv (question texts as headers (no platform recognised) layout). 24 of 24 codebook questions matched. 300 of 307 rows kept; 7 dropped: 5 duplicate (same email address), 2 duplicate (identical answers). Verdict: usable.",
    );
    expect(describeSource(loaded.report)).toBe(describeSource(loaded.report, cleaned.lineage));
  });
});
