import { show } from "../display/show.js";
import { showTable } from "../display/show-table.js";
import { unknownName } from "../errors/usage-error.js";
import { groupedBar } from "../figures/grouped-bar.js";
import type { OptionSplit, OutcomeByOption } from "../multi-select/outcome-by-option.js";

/** Options of {@link presentSplits}: the chart's. */
export interface PresentSplitsOptions {
  /** The finding, as a sentence. */
  title: string;
  /** Who the base counts, e.g. "providers answering both questions". */
  unit: string;
  /** Value-axis title, e.g. "% very or extremely confident". */
  axisTitle: string;
  /** Source note (e.g. the section's `s.note`). */
  note?: string;
}

/**
 * One option's split of an {@link OutcomeByOption}; an option the question does not have is a one-line error
 * naming the closest options.
 * @example
 * showTable(splitOf(consult, "Participants").result);
 */
export function splitOf(result: OutcomeByOption, option: string): OptionSplit {
  const split = result.splits.find((x) => x.option === option);
  if (!split) {
    throw unknownName(
      "splitOf",
      `option of ${result.question}`,
      option,
      result.splits.map((x) => x.option),
    );
  }
  return split;
}

/**
 * Shows the cross-tabs of the named options of an {@link OutcomeByOption} (those a claim rests on), then the
 * grouped bars of the outcome's share among respondents who ticked each option and those who did not, with
 * intervals and suppression (base: the respondents answering both questions).
 * @example
 * const consult = outcomeByOption(pv, "consult", "confident_additional_needs", { names: ["Consult them", "Do not"] });
 * await presentSplits(consult, ["Participants"], {
 *   title: "Providers who consult participants are more often confident",
 *   unit: "providers answering both questions",
 *   axisTitle: "% very or extremely confident",
 * });
 */
export async function presentSplits(
  result: OutcomeByOption,
  options: readonly string[],
  chart: PresentSplitsOptions,
): Promise<void> {
  const shown = options.map((option) => splitOf(result, option));
  for (const split of shown) showTable(split.result);
  await show(
    groupedBar(result.series, {
      title: chart.title,
      base: { n: result.splits[0]?.result.base ?? 0, unit: chart.unit },
      axisTitle: chart.axisTitle,
      ...(chart.note !== undefined ? { note: chart.note } : {}),
    }),
  );
}
