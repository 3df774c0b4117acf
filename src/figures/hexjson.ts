import * as fs from "node:fs";
import * as path from "node:path";
import { projectRoot } from "../codebook/project-root.js";

/** One hexagon of a HexJSON layout (ODI HexJSON: column q, row r, name n). */
export interface Hex {
  readonly code: string;
  readonly name: string;
  readonly q: number;
  readonly r: number;
}

/** A parsed HexJSON file. Only the offset layouts are supported ("odd-r" for the North West file). */
export interface HexLayout {
  readonly layout: "odd-r" | "even-r" | "odd-q" | "even-q";
  readonly hexes: readonly Hex[];
}

const FILE = "nw-lad-2023.hexjson";

/**
 * Parses HexJSON text, checking the layout and that every hex has integer q/r and a name.
 * @example
 * parseHexJson('{"layout":"odd-r","hexes":{"E06000006":{"n":"Halton","q":1,"r":11}}}').hexes[0].name; // "Halton"
 */
export function parseHexJson(text: string, source = "hexjson"): HexLayout {
  const raw = JSON.parse(text) as {
    layout?: unknown;
    hexes?: Record<string, { n?: unknown; q?: unknown; r?: unknown }>;
  };
  const layout = raw.layout;
  if (layout !== "odd-r" && layout !== "even-r" && layout !== "odd-q" && layout !== "even-q") {
    throw new Error(`${source}: layout "${String(layout)}" is not one of odd-r, even-r, odd-q, even-q`);
  }
  if (!raw.hexes || typeof raw.hexes !== "object") throw new Error(`${source}: no "hexes" object`);
  const hexes = Object.entries(raw.hexes).map(([code, h]) => {
    if (!Number.isInteger(h.q) || !Number.isInteger(h.r))
      throw new Error(`${source}: hex "${code}" has no integer q/r`);
    return { code, name: typeof h.n === "string" ? h.n : code, q: h.q as number, r: h.r as number };
  });
  return { layout, hexes };
}

/**
 * The North West local-authority hex layout: `data/reference/nw-lad-2023.hexjson` when the data folder has it,
 * else the shared reference copy beside the repository.
 * @example
 * loadNorthWestHexes().hexes.length; // 35 local authorities
 */
export function loadNorthWestHexes(): HexLayout {
  const root = projectRoot();
  const candidates = [
    path.join(root, "data", "reference", FILE),
    path.join(root, "..", "shared", "reference", FILE),
  ];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`loadNorthWestHexes: ${FILE} is in neither ${candidates.join(" nor ")}`);
  return parseHexJson(fs.readFileSync(found, "utf8"), found);
}

/** Centre of a hex in plot units (hexes of circumradius 1); y grows with r, as the file's rows run north. */
export function hexCentre(hex: Hex, layout: HexLayout["layout"]): { x: number; y: number } {
  const s3 = Math.sqrt(3);
  if (layout === "odd-r" || layout === "even-r") {
    const shifted = layout === "odd-r" ? Math.abs(hex.r) % 2 === 1 : Math.abs(hex.r) % 2 === 0;
    return { x: s3 * (hex.q + (shifted ? 0.5 : 0)), y: 1.5 * hex.r };
  }
  const shifted = layout === "odd-q" ? Math.abs(hex.q) % 2 === 1 : Math.abs(hex.q) % 2 === 0;
  return { x: 1.5 * hex.q, y: s3 * (hex.r + (shifted ? 0.5 : 0)) };
}
