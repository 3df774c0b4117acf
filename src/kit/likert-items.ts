import { codebook, question as findQuestion } from "../codebook/codebooks.js";
import type { SurveyId } from "../codebook/types.js";
import { UsageError, unknownName } from "../errors/usage-error.js";
import type { Base } from "../figures/types.js";
import type { LikertSummaryResult } from "../tabulate/likert-summary.js";

/**
 * The codebook's label of each item of a Likert grid, keyed by the item's tidy column
 * (`<question>__<item code>`): `likertSummary`'s `labels` option, so rows read as the questionnaire words them.
 * @example
 * likertSummary(lw, "provision_rating", { labels: itemLabels("link-worker", "provision_rating") });
 * // rows "Instructors", "Support for clients", ... instead of provision_rating__instructors, ...
 */
export function itemLabels(survey: SurveyId, question: string): Record<string, string> {
  const book = codebook(survey);
  const ids = book.questions.map((q) => q.id);
  if (!ids.includes(question))
    throw unknownName("itemLabels", "question", question, ids, `the ${survey} codebook`);
  const items = findQuestion(book, question).items ?? [];
  if (items.length === 0)
    throw new UsageError("itemLabels", `question "${question}" is not a grid: it has no items`);
  return Object.fromEntries(items.map((item) => [`${question}__${item.code}`, item.label]));
}

/**
 * A chart's base line for a Likert summary whose items have different bases (each item's own "don't know"
 * answers are left out): "n = <smallest> or more <who> per item (up to <largest>)".
 * @example
 * s.chart(rating, { title: "...", base: itemBases(rating, "Link Workers") }); // n = 180 or more Link Workers per item (up to 214)
 */
export function itemBases(result: LikertSummaryResult, who: string): Base {
  const bases = result.rowBases;
  return { n: Math.min(...bases), unit: `or more ${who} per item (up to ${Math.max(...bases)})` };
}
