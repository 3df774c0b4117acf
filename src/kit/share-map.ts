import type { AreaShare } from "../area/share-by-area.js";
import { hexMap, type HexMapOptions } from "../figures/hex-map.js";
import type { Figure } from "../figures/types.js";

/** Options of {@link shareMap}: those of `hexMap`, with the base written from the shares. */
export interface ShareMapOptions extends Omit<HexMapOptions, "base"> {
  /** Who answered, for the base line: "Link Workers giving a distance" gives "n = 214 Link Workers giving a distance; ...". */
  readonly respondents: string;
}

/**
 * A hex map of the shares of `shareByArea`, one area per hex: each area's percent with its n and suppression
 * status (suppressed areas grey and labelled "supp.", as `hexMap` draws them; areas nobody answered in "no
 * data"), on a 0-100 colour scale unless `range` says otherwise. The base line gives the respondents counted
 * across all areas and says that small areas and counts are suppressed.
 * @example
 * const far = shareByArea(s.lw, "travels_3_miles_plus", { suppress: 5 });
 * await show(shareMap(far, { title: "...", respondents: "Link Workers giving a distance", legendTitle: "3+ miles" }));
 */
export function shareMap(shares: readonly AreaShare[], options: ShareMapOptions): Figure {
  const { respondents, ...rest } = options;
  const n = shares.reduce((sum, a) => sum + a.n, 0);
  return hexMap(
    shares.map((a) => ({ code: a.code, value: a.percent, n: a.n, suppressed: a.suppressed })),
    {
      range: [0, 100],
      ...rest,
      base: `n = ${n} ${respondents}; small areas and small counts suppressed`,
    },
  );
}

/**
 * How many areas have a share that disclosure control allows showing, as one sentence under a share map.
 * @example
 * sharesShown(far); // "1 of 35 authorities have a share disclosure control allows showing." (notebook 08, synthetic data)
 */
export function sharesShown(shares: readonly AreaShare[], areas = "authorities"): string {
  const shown = shares.filter((a) => a.n > 0 && !a.suppressed).length;
  return `${shown} of ${shares.length} ${areas} have a share disclosure control allows showing.`;
}
