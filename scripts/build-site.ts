// Builds the reading edition (build/site/) from executed notebooks, without running them.
//   tsx scripts/build-site.ts                      from notebooks/ (the committed, bundled-data runs)
//   tsx scripts/build-site.ts --notebooks DIR      from another folder, e.g. build/notebooks/ after a local-data run
//   tsx scripts/build-site.ts --out DIR            into DIR instead of build/site (or build/site-<data>)
import path from "node:path";
import { projectRoot } from "../src/codebook/project-root.js";
import { buildSite } from "./site/build-site.js";

const root = projectRoot();
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

try {
  const result = buildSite({
    root,
    notebooksDir: option("--notebooks") ?? path.join(root, "notebooks"),
    outDir: option("--out"),
  });
  const figures = result.pages.reduce((n, p) => n + p.figures, 0);
  console.log(
    `  Site: ${path.relative(process.cwd(), path.join(result.outDir, "index.html"))} ` +
      `(${result.pages.length} pages, ${figures} figures, plotly ${result.bundle} bundle)`,
  );
  for (const w of result.warnings) console.log(`    note: ${w}`);
} catch (err) {
  console.error(`Site not built: ${(err as Error).message}`);
  process.exit(1);
}
