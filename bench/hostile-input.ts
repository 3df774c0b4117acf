// Hostile input benchmark: builds extreme and malicious exports in a temporary folder and reads each with
// readExport in a fresh process, printing wall time, peak memory (maxRSS) and the first line of the outcome.
// `npx tsx bench/hostile-input.ts` (all cases) or `--case <name>`. Prints figures; it is not a timed test.
import { spawnSync } from "node:child_process";
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { readExport } from "../src/load/read-export.js";
import { redactPii } from "../src/clean/redact-pii.js";

const LW_HEADER = readFileSync("data/synthetic/link-worker.csv", "utf8").split("\r\n")[0] as string;

// A minimal zip writer (deflate), enough for a workbook SheetJS opens; `declare` overrides declared sizes.
function zip(files: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const body = deflateRawSync(f.data, { level: 9 });
    const name = Buffer.from(f.name);
    const size = f.declare ?? f.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(f.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(crc32(f.data), 16);
    cen.writeUInt32LE(body.length, 20);
    cen.writeUInt32LE(Math.min(size, 0xffffffff), 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(cen, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function xlsx(sheetXml: Buffer, declare?: number): Buffer {
  const x = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  const ns = 'xmlns="http://schemas.openxmlformats.org/';
  return zip([
    {
      name: "[Content_Types].xml",
      data: x(
        `<Types ${ns}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: x(
        `<Relationships ${ns}package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: x(
        `<workbook ${ns}spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: x(
        `<Relationships ${ns}package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: "xl/worksheets/sheet1.xml", data: sheetXml, declare },
  ]);
}

function sheetOfRows(rows: number): Buffer {
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  ];
  parts.push(`<row r="1"><c r="A1" t="inlineStr"><is><t>Response ID</t></is></c></row>`);
  for (let r = 2; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  parts.push("</sheetData></worksheet>");
  return Buffer.from(parts.join(""));
}

// Writes `count` copies of `line` after `head` without holding the whole file in memory.
function writeLines(path: string, head: string, line: string, count: number): void {
  const fd = openSync(path, "w");
  writeSync(fd, head);
  const chunk = line.repeat(Math.max(1, Math.floor(1_000_000 / line.length)));
  const per = chunk.length / line.length;
  for (let i = 0; i < count; i += per) writeSync(fd, i + per <= count ? chunk : line.repeat(count - i));
  closeSync(fd);
}

const CASES: Record<
  string,
  (dir: string) => { path: string; survey: "link-worker" | "provider" } | (() => void)
> = {
  "header of 2,000,000 commas (4 MB)": (dir) => {
    const path = join(dir, "commas.csv");
    writeFileSync(path, ",".repeat(2_000_000));
    return { path, survey: "link-worker" };
  },
  "220 MB CSV (sparse file)": (dir) => {
    const path = join(dir, "huge.csv");
    writeFileSync(path, `${LW_HEADER}\r\n`);
    truncateSync(path, 220 * 1024 * 1024);
    return { path, survey: "link-worker" };
  },
  "1.5 M rows in 60 MB (row limit)": (dir) => {
    const path = join(dir, "rows.csv");
    writeLines(
      path,
      `${LW_HEADER}\r\n`,
      "1,16/11/2021 10:06,16/11/2021 10:30,,Active Lancashire\r\n",
      1_100_000,
    );
    return { path, survey: "link-worker" };
  },
  "60 MB of empty fields, 4,000 a row (cell limit)": (dir) => {
    const path = join(dir, "cells.csv");
    writeLines(path, `${LW_HEADER}\r\n`, `${",".repeat(3_999)}\r\n`, 15_000);
    return { path, survey: "link-worker" };
  },
  "60 MB of 30,000-character answers (within every limit)": (dir) => {
    const path = join(dir, "long.csv");
    const header = LW_HEADER.split(",").slice(0, 5).join(",");
    writeLines(path, `${header}\r\n`, `1,,,,${"x".repeat(30_000)}\r\n`, 2_000);
    return { path, survey: "link-worker" };
  },
  "XLSX zip bomb: 3 MB file, 1.2 GB declared sheet": (dir) => {
    const path = join(dir, "bomb.xlsx");
    // Declared at its true size, which the central directory shows without inflating anything.
    const zeros = Buffer.alloc(64 * 1024 * 1024, 0x20);
    writeFileSync(path, xlsx(zeros, 1200 * 1024 * 1024));
    return { path, survey: "provider" };
  },
  "XLSX zip bomb declaring 1 KB (capped inflate)": (dir) => {
    const path = join(dir, "liar.xlsx");
    writeFileSync(path, xlsx(Buffer.alloc(200 * 1024 * 1024, 0x20), 1024));
    return { path, survey: "provider" };
  },
  "XLSX with 1,048,576 rows": (dir) => {
    const path = join(dir, "rows.xlsx");
    writeFileSync(path, xlsx(sheetOfRows(1_048_576)));
    return { path, survey: "provider" };
  },
  "400 KB answers for redactPii (10 adversarial strings)": () => () => {
    for (const unit of ["a", "a@", "a.", "Dr ", "I am ", "Aa ", "1 Aa ", "0", "07700 ", "DOB 1/"])
      redactPii(unit.repeat(Math.ceil(400_000 / unit.length)));
  },
};

const arg = process.argv.indexOf("--case");
if (arg > 0) {
  const name = process.argv[arg + 1] as string;
  const dir = process.argv[arg + 2] as string;
  const made = (CASES[name] as (d: string) => ReturnType<(typeof CASES)[string]>)(dir);
  const t0 = performance.now();
  let outcome = "read";
  try {
    if (typeof made === "function") made();
    else outcome = `read ${readExport(made.path, made.survey).report.rowsRead} rows`;
  } catch (error) {
    outcome = (error as Error).message.split("\n")[0] as string;
  }
  const ms = performance.now() - t0;
  console.log(
    JSON.stringify({
      ms: Math.round(ms),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      outcome,
    }),
  );
} else {
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  const only = process.argv.indexOf("--only");
  for (const name of Object.keys(CASES)) {
    if (only > 0 && !name.includes(process.argv[only + 1] as string)) continue;
    const dir = mkdtempSync(join(tmpdir(), "sp-hostile-"));
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "bench/hostile-input.ts", "--case", name, dir],
      {
        encoding: "utf8",
        maxBuffer: 1 << 24,
      },
    );
    const line = r.stdout.trim().split("\n").pop() ?? "";
    try {
      const { ms, maxRssMB, outcome } = JSON.parse(line) as { ms: number; maxRssMB: number; outcome: string };
      console.log(
        `${name}\n  ${ms} ms to read (file built first), peak RSS ${maxRssMB} MB: ${outcome.slice(0, 160)}`,
      );
    } catch {
      console.log(`${name}\n  failed: ${r.stderr.slice(0, 400)}`);
    }
    spawnSync("rm", ["-rf", dir]);
  }
}
