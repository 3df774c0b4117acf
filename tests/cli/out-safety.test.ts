import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import Papa from "papaparse";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { dataPath } from "../../src/codebook/project-root.js";
import { syntheticExport } from "../../src/load/find-export.js";
import { loadSurvey } from "../../src/survey/load-survey.js";
import { frequencies } from "../../src/tabulate/frequencies.js";

const dir = mkdtempSync(join(tmpdir(), "sp-out-"));
const HOME =
  "For patients unable or not wanting to join an organisation or group activity, what physical activity suggestions/guides do you provide them with if any, to do at home or on their own?";
const AREA = "Which Active Partnership area do you mainly work in?";

async function run(argv: string[], extra: Partial<Io> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd(), ...extra };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

// The bundled synthetic Link Worker export with chosen cells replaced: { row: { header: value } }.
function edited(name: string, edits: Record<number, Record<string, string>>): string {
  const parsed = Papa.parse<string[]>(
    readFileSync(syntheticExport("link-worker"), "utf8").replace(/^\uFEFF/, ""),
    {
      skipEmptyLines: true,
    },
  );
  const header = parsed.data[0] as string[];
  for (const [row, cells] of Object.entries(edits))
    for (const [h, v] of Object.entries(cells)) (parsed.data[Number(row)] as string[])[header.indexOf(h)] = v;
  const path = join(dir, name);
  writeFileSync(path, Papa.unparse(parsed.data, { newline: "\r\n" }));
  return path;
}

describe("clean --out never destroys what it reads", () => {
  const input = edited("lw.csv", {});

  it("writes a new file, then refuses to overwrite it without --force and replaces it with --force", async () => {
    const out = join(dir, "clean.csv");
    expect((await run(["clean", input, "--survey", "link-worker", "--out", out])).code).toBe(0);
    const again = await run(["clean", input, "--survey", "link-worker", "--out", out]);
    expect(again.code).toBe(2);
    expect(again.err).toBe(
      `sp-pathways clean: --out ${out}: the file already exists; add --force to replace it`,
    );
    expect((await run(["clean", input, "--survey", "link-worker", "--out", out, "--force"])).code).toBe(0);
  });

  it("refuses its own input, bundled data and notebooks even with --force, leaving them unchanged", async () => {
    const bundled = syntheticExport("link-worker");
    const before = readFileSync(bundled);
    const notebook = join(dir, "nb.ipynb");
    writeFileSync(notebook, "{}");
    const cases: [string, string, string][] = [
      [input, input, "this is the command's own input"],
      [bundled, bundled, "this is the command's own input"],
      [input, bundled, "inside the project's bundled data (data/synthetic/)"],
      [input, join(dataPath("codebook"), "new.csv"), "inside the project's bundled data (data/codebook/)"],
      [input, join(dataPath("published"), "x.csv"), "data/published/"],
      [input, join(dataPath("reference"), "x.csv"), "data/reference/"],
      [input, notebook, "this is a notebook"],
      [input, relative(process.cwd(), join(dir, ".", "lw.csv")), "this is the command's own input"],
    ];
    for (const [from, to, why] of cases) {
      const r = await run(["clean", from, "--survey", "link-worker", "--out", to, "--force"]);
      expect(r.code, to).toBe(2);
      expect(r.err).toContain(why);
      expect(r.err.split("\n")).toHaveLength(1);
    }
    expect(readFileSync(bundled).equals(before)).toBe(true);
    expect(readFileSync(notebook, "utf8")).toBe("{}");
  });

  it("file-system errors are one line and exit 2: a folder, a missing folder, a full disk", async () => {
    const folder = join(dir, "a-folder");
    mkdirSync(folder);
    const asFolder = await run(["clean", input, "--survey", "link-worker", "--out", folder, "--force"]);
    expect([asFolder.code, asFolder.err]).toEqual([
      2,
      `sp-pathways clean: --out ${folder}: this is a folder; give a file name such as clean.csv`,
    ]);
    const missing = join(dir, "no", "such", "out.csv");
    const r = await run(["clean", input, "--survey", "link-worker", "--out", missing]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("does not exist");
    const existing = join(dir, "keep.csv");
    writeFileSync(existing, "old");
    const full = await run(["clean", input, "--survey", "link-worker", "--out", existing, "--force"], {
      writeFile: () => {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
    });
    expect(full.code).toBe(2);
    expect(full.err).toBe(
      `sp-pathways clean: --out ${existing}: cannot write (the disk is full); the existing file is unchanged`,
    );
    expect(readFileSync(existing, "utf8")).toBe("old");
    expect(existsSync(join(dir, `.keep.csv.${process.pid}.tmp`))).toBe(false);
  });

  it("--help documents exit 2 for outputs and 3 for internal errors", async () => {
    const r = await run(["--help"]);
    expect(r.out).toContain("2 unusable file, file over a limit, bad arguments or an output");
    expect(r.out).toContain("3 internal error");
  });
});

describe("what clean writes cannot run as a formula", () => {
  it("neutralises each formula prefix in the CSV, and SheetJS reads the cells as text", async () => {
    // Rows 3-7: rows 1 and 2 of the bundled export are a resubmission pair, and cleaning keeps only the later.
    const values = ['=HYPERLINK("http://x","click")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(1+1)", "\t=1+1"];
    const input = edited("formulas.csv", Object.fromEntries(values.map((v, i) => [i + 3, { [HOME]: v }])));
    const out = join(dir, "formulas-clean.csv");
    expect((await run(["clean", input, "--survey", "link-worker", "--out", out])).code).toBeLessThan(2);
    const sheet = XLSX.read(readFileSync(out, "utf8"), { type: "string" }).Sheets.Sheet1!;
    const formulas = Object.entries(sheet).filter(([k, c]) => !k.startsWith("!") && (c as XLSX.CellObject).f);
    expect(formulas).toEqual([]);
    const csv = readFileSync(out, "utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csv).toContain("'+cmd|");
    expect(csv).toContain("'@SUM(1+1)");
    expect(csv).toContain("'=1+1"); // the protective tab was trimmed by cleaning; the quote replaces it
    expect(statSync(out).size).toBeGreaterThan(0);
  });
});

describe("free text keeps no one's identity", () => {
  it("validate echoes values with personal data redacted", async () => {
    const input = edited("pii-area.csv", { 1: { [AREA]: "Jane Smith, jane.smith@nhs.net, 07700 900123" } });
    const r = await run(["validate", input, "--survey", "link-worker"]);
    expect(r.out).toContain('found "[name], [email], [phone]"');
    expect(r.out).not.toMatch(/Jane|jane\.smith|07700/);
  });

  it("clean output and a tabulation of free text (through loadSurvey) show no NHS number, name, address or birth date", async () => {
    const secret = "Ask Dr Sarah Jones at 12 Acacia Avenue, NHS 943 476 5919, DOB 01/02/1980";
    const input = edited("pii-text.csv", { 3: { [HOME]: secret }, 4: { [HOME]: "Parkrun" } });
    const out = join(dir, "pii-clean.csv");
    await run(["clean", input, "--survey", "link-worker", "--out", out]);
    const csv = readFileSync(out, "utf8");
    expect(csv).toContain("Ask [name] at [address], NHS [nhs-number], DOB [date-of-birth]");
    expect(csv).not.toMatch(/Sarah|Acacia|943 476|1980/);
    const lw = loadSurvey("link-worker", { path: input });
    const labels = JSON.stringify(frequencies(lw.table, "home_suggestions"));
    expect(labels).not.toMatch(/Sarah|Acacia|943 476|1980|Parkrun/);
    expect(labels).toContain("[free text given by too few to show]");
  });
});
