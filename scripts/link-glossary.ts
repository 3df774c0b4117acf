// Links the first use of each glossary term (docs/glossary.md) in each notebook's markdown to its definition.
//   tsx scripts/link-glossary.ts [notebooks/NN-x.ipynb ...]   edit in place (default: every notebook)
//   tsx scripts/link-glossary.ts --check [...]                list first uses still unlinked; exit 1 if any
// Only markdown cells' source changes: outputs, metadata and code cells stay byte-identical, so the committed
// notebooks need no re-execution. tests/narrative/glossary-links.test.ts checks the result.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../src/codebook/project-root.js";
import { readGlossary } from "./site/glossary.js";
import { GLOSSARY_HREF, githubAnchor, termPattern } from "./site/glossary-terms.js";
import { firstTermUses } from "./site/term-uses.js";

interface Cell {
  cell_type: string;
  source: string | string[];
}

const root = projectRoot();
const args = process.argv.slice(2);
const check = args.includes("--check");
const named = args.filter((a) => !a.startsWith("--"));
const files = named.length
  ? named.map((f) => path.resolve(f))
  : readdirSync(path.join(root, "notebooks"))
      .filter((f) => f.endsWith(".ipynb"))
      .sort()
      .map((f) => path.join(root, "notebooks", f));
const terms = readGlossary(path.join(root, "docs", "glossary.md")).map((e) => e.term);

/**
 * The cell's source with everything a reader does not read as prose blanked out (same length, newlines kept):
 * code, headings, HTML tags and links (a link's words cannot carry a second link). It runs only when the first
 * use is in plain text, so no earlier match may lie in a link, linked or not.
 */
function prose(source: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, "\u0001");
  return source
    .replace(/```[\s\S]*?```/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/^#{1,6} .*$/gm, blank)
    .replace(/<[^>\n]+>/g, blank)
    .replace(/\[[^\]]*\]\([^)]*\)/g, blank);
}

let unlinked = 0;
for (const file of files) {
  const raw = readFileSync(file, "utf8");
  const nb = JSON.parse(raw) as { cells: Cell[] };
  // nbformat writes JSON with one-space indents; refuse a file this script would re-serialise differently.
  if (JSON.stringify(nb, null, 1) + "\n" !== raw)
    throw new Error(`${file}: not in nbformat's layout; not edited`);
  const text = (c: Cell) => (Array.isArray(c.source) ? c.source.join("") : c.source);
  const markdownCells = () =>
    nb.cells.flatMap((c, index) => (c.cell_type === "markdown" ? [{ index, markdown: text(c) }] : []));
  const rel = path.relative(root, file);
  let changed = 0;
  for (const term of terms) {
    const anchor = githubAnchor(term);
    const use = firstTermUses(markdownCells(), [term])[0];
    if (!use || use.linkedAnchor === anchor) continue;
    if (check || use.linkedAnchor !== undefined) {
      unlinked++;
      console.log(
        `${rel}: cell ${use.cell}: "${use.text}" (${term}) not linked to #${anchor}: ...${use.context}...`,
      );
      continue;
    }
    const cell = nb.cells[use.cell]!;
    const source = text(cell);
    const m = termPattern(term).exec(prose(source));
    if (!m || m[0].replace(/\s+/g, " ") !== use.text.replace(/\s+/g, " ")) {
      unlinked++;
      console.log(
        `${rel}: cell ${use.cell}: could not place the link for "${use.text}" (${term}); link it by hand`,
      );
      continue;
    }
    const linked =
      source.slice(0, m.index) +
      `[${source.slice(m.index, m.index + m[0].length)}](${GLOSSARY_HREF}#${anchor})` +
      source.slice(m.index + m[0].length);
    cell.source = linked.split(/(?<=\n)/);
    changed++;
  }
  if (changed) {
    writeFileSync(file, JSON.stringify(nb, null, 1) + "\n");
    console.log(`${rel}: linked ${changed} first use(s)`);
  }
}
if (unlinked) {
  console.log(`${unlinked} first use(s) not linked`);
  process.exit(1);
}
