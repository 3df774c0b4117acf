import * as fs from "node:fs";
import * as path from "node:path";
import { dataPath } from "../codebook/project-root.js";
import { receiptsFor } from "../published/receipt.js";
import { createRng } from "./rng.js";
import { SEED } from "./plan.js";
import { buildLinkWorkers } from "./link-worker-truth.js";
import { linkWorkerCsv } from "./link-worker-export.js";
import { buildProviders } from "./provider-truth.js";
import { providerWorkbook, providerXlsx } from "./provider-export.js";
import { truthTable } from "./truth-table.js";
import type { SynthRespondent } from "./types.js";

export interface SyntheticData {
  linkWorkers: SynthRespondent[];
  providers: SynthRespondent[];
  csv: string;
  xlsx: Buffer;
}

function identicalAnswers(rs: SynthRespondent[], survey: string): void {
  const seen = new Map<string, number>();
  rs.forEach((r, i) => {
    const key = JSON.stringify(r.answers);
    const j = seen.get(key);
    if (j !== undefined)
      throw new Error(`synthetic ${survey}: respondents ${j} and ${i} have identical answers by chance`);
    seen.set(key, i);
  });
}

/**
 * Builds both synthetic surveys from their fixed seeds and checks, before anything is written, that the ground
 * truth reproduces every published figure (throws listing the figures that miss).
 * @example
 * const { csv, xlsx } = buildSynthetic();
 */
export function buildSynthetic(): SyntheticData {
  const lwRng = createRng(SEED.linkWorker);
  const linkWorkers = buildLinkWorkers(lwRng);
  const prRng = createRng(SEED.provider);
  const providers = buildProviders(prRng);
  identicalAnswers(linkWorkers, "link-worker");
  identicalAnswers(providers, "provider");
  const receipts = receiptsFor({
    "link-worker": truthTable(linkWorkers, "link-worker"),
    provider: truthTable(providers, "provider"),
  });
  const misses = receipts.filter((r) => !r.pass);
  if (misses.length > 0) {
    throw new Error(
      `synthetic data misses ${misses.length} published figure(s):\n${misses.map((m) => `  ${m.id}: ${m.detail} (tolerance ${m.tolerance ?? "claim"})`).join("\n")}`,
    );
  }
  return {
    linkWorkers,
    providers,
    csv: linkWorkerCsv(linkWorkers, lwRng),
    xlsx: providerXlsx(providerWorkbook(providers, prRng)),
  };
}

/**
 * Writes data/synthetic/link-worker.csv and data/synthetic/provider.xlsx (or into `outDir`).
 * @example
 * writeSynthetic(); // { "link-worker": ".../link-worker.csv", provider: ".../provider.xlsx" }
 */
export function writeSynthetic(
  outDir: string = dataPath("synthetic"),
): Record<"link-worker" | "provider", string> {
  const data = buildSynthetic();
  fs.mkdirSync(outDir, { recursive: true });
  const lw = path.join(outDir, "link-worker.csv");
  const pr = path.join(outDir, "provider.xlsx");
  fs.writeFileSync(lw, data.csv, "utf8");
  fs.writeFileSync(pr, data.xlsx);
  return { "link-worker": lw, provider: pr };
}
