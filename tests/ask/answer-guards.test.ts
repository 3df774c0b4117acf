import { describe, expect, it } from "vitest";
import { ask } from "../../src/ask/ask.js";
import {
  answerGuard,
  isCrosstabAnswer,
  isLikertAnswer,
  isNumericAnswer,
  isOptionAnswer,
  isOptionsAnswer,
  isPairsAnswer,
  isStrataAnswer,
  isWeightedStrataAnswer,
  type Answer,
} from "../../src/ask/answer.js";

// Only `kind` is read by a guard, so an object carrying just the kind stands in for an answer of that kind.
const of = (kind: Answer["kind"]): Answer => ({ kind }) as unknown as Answer;
const kinds: Answer["kind"][] = [
  "frequencies",
  "crosstab",
  "multiResponse",
  "options",
  "option",
  "pairs",
  "strata",
  "weighted-strata",
  "numeric",
  "likert",
];

describe("answerGuard(kind) and the named answer guards", () => {
  it("each named guard accepts its own kind and no other", () => {
    const guards: [(a: Answer) => boolean, Answer["kind"]][] = [
      [isOptionsAnswer, "options"],
      [isOptionAnswer, "option"],
      [isCrosstabAnswer, "crosstab"],
      [isPairsAnswer, "pairs"],
      [isStrataAnswer, "strata"],
      [isWeightedStrataAnswer, "weighted-strata"],
      [isNumericAnswer, "numeric"],
      [isLikertAnswer, "likert"],
    ];
    for (const [guard, kind] of guards)
      expect(
        kinds.filter((k) => guard(of(k))),
        kind,
      ).toEqual([kind]);
  });
  it("answerGuard(kind) narrows a real answer to its kind (synthetic data)", () => {
    const a = ask("link-worker", "travel_distance");
    const isFrequencies = answerGuard("frequencies");
    expect(isFrequencies(a)).toBe(true);
    expect(answerGuard("crosstab")(a)).toBe(false);
    if (!isFrequencies(a)) throw new Error("expected a frequencies answer");
    expect(a.table.kind).toBe("frequencies");
  });
});
