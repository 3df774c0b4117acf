import { deriveColumns } from "./derive.js";
import type { DeriveFn } from "./types.js";

/**
 * The derivation cleanExport runs last unless given another: `deriveColumns` from derive.ts (bands and flags).
 * @example
 * defaultDerive(table, "link-worker").notes;
 */
export const defaultDerive: DeriveFn = (table, survey) => deriveColumns(table, survey);
