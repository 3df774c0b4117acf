import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { syntheticExport } from "../../src/load/find-export.js";
import { fixturePath } from "../fixtures/read-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "sp-cli-"));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

// The bundled synthetic Link Worker export with one area answer replaced by a non-option.
function brokenLinkWorker(): string {
  const parsed = Papa.parse<string[]>(
    readFileSync(syntheticExport("link-worker"), "utf8").replace(/^\uFEFF/, ""),
    { skipEmptyLines: true },
  );
  const header = parsed.data[0] as string[];
  const area = header.indexOf("Which Active Partnership area do you mainly work in?");
  (parsed.data[1] as string[])[area] = "Active Mars";
  const path = join(dir, "lw-broken.csv");
  writeFileSync(path, Papa.unparse(parsed.data, { newline: "\r\n" }));
  return path;
}

describe("sp-pathways CLI (main)", () => {
  it("prints usage and exits 2 with no arguments", async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err).toContain("sp-pathways validate <file> --survey link-worker|provider [--json]");
    expect(r.err).toContain("sp-pathways clean <file> --survey link-worker|provider --out <csv|->");
  });

  it("exits 2 for an unknown command, naming it", async () => {
    const r = await run("plot");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^sp-pathways: unknown command "plot"\n/);
  });

  it("exits 2 for a bad --survey, naming the value and the choices", async () => {
    const r = await run("validate", "x.csv", "--survey", "patients");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^sp-pathways validate: --survey "patients" is not a survey: expected link-worker or provider\n\nUsage:/,
    );
  });

  it("exits 2 for an unknown option and for a missing file argument", async () => {
    expect((await run("validate", "x.csv", "--survey", "provider", "--colour")).code).toBe(2);
    const r = await run("validate", "--survey", "provider");
    expect(r.code).toBe(2);
    expect(r.err).toContain("expected 1 argument(s), got 0");
  });

  it("validate: the bundled synthetic exports are usable (exit 0) and their lineage balances", async () => {
    for (const survey of ["link-worker", "provider"] as const) {
      const r = await run("validate", syntheticExport(survey), "--survey", survey, "--json");
      const summary = JSON.parse(r.out);
      expect(r.code).toBe(0);
      expect(summary.balanced).toBe(true);
      expect(summary.rowsRead - summary.rowsKept).toBe(summary.dropped.length);
      expect(summary.errors).toBe(0);
    }
  });

  it("validate: an unknown option gives exit 1 and the located message", async () => {
    const r = await run("validate", brokenLinkWorker(), "--survey", "link-worker");
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'lw-broken.csv, row 2, column "Which Active Partnership area do you mainly work in?" (column E): unknown option: found "Active Mars", expected one of',
    );
    expect(r.out).toMatch(/Rows read: \d+\nRows kept: \d+\nRows dropped: \d+/);
    expect(r.out).toContain("Result: problems found");
  });

  it("validate --strict: warnings count as problems", async () => {
    const path = syntheticExport("link-worker");
    const lenient = await run("validate", path, "--survey", "link-worker", "--json");
    const warnings = JSON.parse(lenient.out).warnings as number;
    const strict = await run("validate", path, "--survey", "link-worker", "--strict");
    expect(strict.code).toBe(warnings > 0 ? 1 : 0);
  });

  it("validate: an unusable file exits 2 with the ExportError message only", async () => {
    const r = await run("validate", fixturePath("empty.csv"), "--survey", "link-worker");
    expect(r).toEqual({
      code: 2,
      out: "",
      err: "sp-pathways validate: empty.csv: the file is empty (0 bytes): expected a header row and data rows",
    });
  });

  it("clean: writes the tidy table with codebook column names and multi-selects joined by '; '", async () => {
    const out = join(dir, "provider-clean.csv");
    const r = await run("clean", syntheticExport("provider"), "--survey", "provider", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^wrote \d+ rows x \d+ columns to .*provider-clean\.csv: \d+ rows read, \d+ kept, \d+ dropped; 0 errors/,
    );
    const written = Papa.parse<Record<string, string>>(readFileSync(out, "utf8"), {
      header: true,
      skipEmptyLines: true,
    });
    expect(written.meta.fields).toEqual(expect.arrayContaining(["ap_area", "challenges", "needs_funding"]));
    expect(written.meta.fields).not.toContain("email");
    expect(written.data.some((row) => (row.challenges ?? "").includes("; "))).toBe(true);
  });

  it("clean: --out is required", async () => {
    const r = await run("clean", syntheticExport("provider"), "--survey", "provider");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--out is required: a CSV path, or - for stdout");
  });

  it("clean --out - writes CSV to stdout and the counts to stderr", async () => {
    const r = await run("clean", syntheticExport("provider"), "--survey", "provider", "--out", "-");
    expect(r.out.split("\r\n")[0]).toMatch(/^_row,response_id,timestamp,ap_area,/);
    expect(r.err).toMatch(/rows read/);
  });
});

describe("bin/sp-pathways.cjs", () => {
  const bin = join(process.cwd(), "bin", "sp-pathways.cjs");

  it("runs validate through tsx from another directory, resolving the file against it", () => {
    const r = spawnSync(
      process.execPath,
      [bin, "validate", "provider.xlsx", "--survey", "provider", "--json"],
      {
        cwd: join(process.cwd(), "data", "synthetic"),
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).file).toBe("provider.xlsx");
  });

  it("prints an unusable file's message without a stack trace and exits 2", () => {
    const r = spawnSync(
      process.execPath,
      [bin, "validate", fixturePath("corrupt.xlsx"), "--survey", "provider"],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sp-pathways validate: corrupt\.xlsx: the workbook cannot be opened/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
