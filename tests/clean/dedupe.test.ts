import { describe, expect, it } from "vitest";
import type { Codebook } from "../../src/codebook/types.js";
import { dedupeRows } from "../../src/clean/dedupe.js";
import type { WorkRow } from "../../src/clean/recode.js";

const codebook: Codebook = {
  survey: "link-worker",
  title: "t",
  fieldwork: "f",
  questions: ["a", "b", "c", "d"].map((id) => ({
    id,
    text: id,
    type: "single",
    options: [
      { code: "x", label: "X" },
      { code: "y", label: "Y" },
    ],
    comb: "capability",
    section: "overview",
  })),
};

let n = 1;
const row = (email: string | null, completed: string, answers: string[]): WorkRow => {
  n++;
  return {
    _row: n,
    response_id: `R${n}`,
    email,
    completed,
    ...Object.fromEntries(["a", "b", "c", "d"].map((id, i) => [id, answers[i] ?? null])),
  };
};

describe("dedupeRows(rows, codebook)", () => {
  it("never keys on a placeholder identity: 'anonymous' on every row merges nothing, and says why", () => {
    n = 1;
    const rows = [
      row("anonymous", "2022-02-07T09:00", ["X", "X", "Y", "Y"]),
      row("anonymous", "2022-02-07T09:05", ["Y", "X", "Y", "Y"]),
      row("anonymous", "2022-02-07T09:10", ["X", "Y", "Y", "Y"]),
      row("n/a", "2022-02-07T09:15", ["Y", "Y", "X", "Y"]),
      row("n/a", "2022-02-07T09:20", ["Y", "Y", "Y", "X"]),
    ];
    const { rows: kept, step } = dedupeRows(rows, codebook);
    expect(kept).toHaveLength(5);
    expect(step.notes).toEqual([
      'email "anonymous" (3 rows) is not an email address: not used to find duplicates',
      'email "n/a" (2 rows) is not an email address: not used to find duplicates',
    ]);
  });

  it("treats an email address shared by more than 3 rows as a placeholder (a shared inbox)", () => {
    n = 1;
    const rows = [0, 1, 2, 3].map((k) =>
      row("team@example.org", `2022-02-07T09:0${k}`, ["X", "X", "Y", ["X", "Y"][k % 2] as string]),
    );
    const { rows: kept, step } = dedupeRows(rows, codebook, { minIdenticalAnswers: 5 });
    expect(kept).toHaveLength(4);
    expect(step.notes).toEqual([
      "one email address is shared by 4 rows (more than 3): treated as a placeholder, not used to find duplicates",
    ]);
  });

  it("never chains pairs: A~B and B~C within the window, A and C a day and more apart, drops only B", () => {
    n = 1;
    const a = row("sam@example.org", "2022-02-07T09:00", ["X", "X", "X", "X"]);
    const b = row("sam@example.org", "2022-02-07T21:00", ["X", "X", "X", "X"]);
    const c = row("sam@example.org", "2022-02-08T20:00", ["X", "X", "X", "X"]);
    const { rows: kept, step } = dedupeRows([a, b, c], codebook);
    expect(kept.map((r) => r.response_id)).toEqual(["R2", "R4"]);
    expect(step.dropped).toEqual([
      {
        row: 3,
        responseId: "R3",
        reason: "duplicate of row 4 (same email address, 1380 minutes apart); kept the later one",
        kind: "duplicate (same email address)",
      },
    ]);
  });
});
