import type { Codebook, Question } from "./types.js";

const TYPES = new Set(["single", "multi", "likert", "numeric", "text"]);
const COMB = new Set(["capability", "opportunity", "motivation", "profile", "outcome"]);
const SECTIONS = new Set([
  "approach",
  "respondent-profiles",
  "overview",
  "initial-contact",
  "social-prescription",
  "provision",
  "outcome-monitoring",
  "conclusions",
  "recommendations",
  "training-needs",
  "admin",
]);

function fail(where: string, message: string): never {
  throw new Error(`codebook ${where}: ${message}`);
}

function checkOptions(where: string, q: Question, key: "options" | "items"): void {
  const list = q[key];
  if (!Array.isArray(list) || list.length === 0) fail(where, `question "${q.id}" (${q.type}) has no ${key}`);
  const codes = new Set<string>();
  const labels = new Set<string>();
  for (const o of list) {
    if (typeof o.code !== "string" || o.code === "" || typeof o.label !== "string" || o.label === "") {
      fail(where, `question "${q.id}" has a ${key} entry without code or label: ${JSON.stringify(o)}`);
    }
    if (codes.has(o.code)) fail(where, `question "${q.id}" repeats ${key} code "${o.code}"`);
    if (labels.has(o.label)) fail(where, `question "${q.id}" repeats ${key} label "${o.label}"`);
    codes.add(o.code);
    labels.add(o.label);
  }
}

function checkQuestion(where: string, q: Question): void {
  if (typeof q.id !== "string" || !/^[a-z][a-z0-9_]*$/.test(q.id))
    fail(where, `bad question id ${JSON.stringify(q.id)}`);
  if (typeof q.text !== "string" || q.text.trim() === "") fail(where, `question "${q.id}" has no text`);
  if (!TYPES.has(q.type)) fail(where, `question "${q.id}" has unknown type "${String(q.type)}"`);
  if (!COMB.has(q.comb)) fail(where, `question "${q.id}" has unknown COM-B domain "${String(q.comb)}"`);
  if (!SECTIONS.has(q.section)) fail(where, `question "${q.id}" has unknown section "${String(q.section)}"`);
  if (q.type === "single" || q.type === "multi" || q.type === "likert") checkOptions(where, q, "options");
  if (q.items !== undefined) {
    if (q.type !== "likert") fail(where, `question "${q.id}" has items but is not likert`);
    checkOptions(where, q, "items");
  }
  for (const m of q.missing ?? []) {
    if ((q.options ?? []).some((o) => o.label === m)) {
      fail(where, `question "${q.id}" lists "${m}" both as an option and as a missing code`);
    }
  }
}

/**
 * Checks a parsed codebook: unique ids, known types/domains/sections, options (and grid items) present and
 * unique for single, multi and likert questions, missing codes not also options.
 * @example
 * validateCodebook(JSON.parse(text), "data/codebook/provider.json"); // the Codebook, or throws naming the question
 */
export function validateCodebook(value: unknown, where = "(codebook)"): Codebook {
  if (typeof value !== "object" || value === null) fail(where, "is not a JSON object");
  const cb = value as Codebook;
  if (cb.survey !== "link-worker" && cb.survey !== "provider")
    fail(where, `unknown survey "${String(cb.survey)}"`);
  if (!Array.isArray(cb.questions) || cb.questions.length === 0) fail(where, "has no questions");
  const ids = new Set<string>();
  for (const q of cb.questions) {
    checkQuestion(where, q);
    if (ids.has(q.id)) fail(where, `duplicate question id "${q.id}"`);
    ids.add(q.id);
  }
  return cb;
}
