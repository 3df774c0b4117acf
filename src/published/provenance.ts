import { recordsTable, type RecordsTable } from "../area/records-table.js";
import { codebook } from "../codebook/codebooks.js";
import { publishedFigures } from "./figures.js";
import { receiptSpecs } from "./specs.js";

/** Where a ranking's answer options come from: the question ranked and whether its wording is the report's. */
export interface RankingProvenance {
  id: string;
  label: string;
  /** The codebook question (or derived column) whose options are ranked. */
  question: string;
  /** "verbatim" when the report quotes the question text (p.5 COM-B list), else "reconstructed". */
  questionText: "verbatim" | "reconstructed" | "derived";
  /** How many options are ranked. */
  options: number;
}

/**
 * Every ranking claim (kind `rank`) with the question it ranks. The option lists of every question are
 * reconstructed for this project (data/codebook/README.md): the report prints charts of them but not their
 * wording, so which option comes first depends on options the real questionnaire may have worded, split or
 * merged differently.
 * @example
 * rankingProvenance().filter((r) => r.questionText === "verbatim").map((r) => r.id);
 */
export function rankingProvenance(): RankingProvenance[] {
  const specs = receiptSpecs();
  const out: RankingProvenance[] = [];
  for (const f of publishedFigures()) {
    const spec = specs[f.id];
    if (!spec || spec.type !== "rank") continue;
    const q = codebook(f.survey).questions.find((x) => x.id === spec.question);
    const verbatim = q !== undefined && /^Question text verbatim/.test(q.note ?? "");
    out.push({
      id: f.id,
      label: f.label,
      question: spec.question ?? "(unnamed)",
      questionText: q === undefined ? "derived" : verbatim ? "verbatim" : "reconstructed",
      options: spec.options.length,
    });
  }
  return out;
}

/**
 * The ranking provenance as a table for `showTable`.
 * @example
 * showTable(rankingProvenanceTable());
 */
export function rankingProvenanceTable(): RecordsTable {
  return recordsTable(
    "Which ranking claims rest on reconstructed answer options",
    ["Ranking claim", "Question ranked", "Question text", "Options ranked", "Option wording"],
    rankingProvenance().map((r) => [
      r.label,
      r.question,
      r.questionText,
      String(r.options),
      r.questionText === "derived" ? "Sport England Active Lives bands" : "reconstructed",
    ]),
    [
      "Question text: 'verbatim' when the report's COM-B list (p.5) quotes it; every option list is reconstructed " +
        "(data/codebook/README.md), so a ranking can change if the real questionnaire offered other options.",
    ],
  );
}
