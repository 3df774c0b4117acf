import Papa from "papaparse";
import type { Question } from "../codebook/types.js";
import { codebook } from "../codebook/codebooks.js";
import type { Rng } from "./rng.js";
import type { SynthRespondent } from "./types.js";
import { fieldworkTimes, formatDdMm, localMinutes } from "./common.js";
import { typedMinutes } from "./typed-minutes.js";
import { DUPLICATES } from "./plan.js";

const OTHER = "Other (please specify)";

interface Column {
  header: string;
  cell: (r: SynthRespondent) => string;
}

function columnsFor(q: Question, rng: Rng): Column[] {
  const a = (r: SynthRespondent) => r.answers[q.id];
  switch (q.type) {
    case "multi": {
      const cols: Column[] = (q.options ?? []).map((o) => ({
        header: `${q.text} [${o.label}]`,
        cell: (r) => {
          const v = a(r);
          const recoded = r.otherRecode[q.id];
          if (recoded !== undefined && recoded.toLowerCase() === o.label.toLowerCase()) return "";
          return Array.isArray(v) && v.includes(o.label) ? o.label : "";
        },
      }));
      if (q.other)
        cols.push({
          header: `${q.text} [${OTHER}]`,
          cell: (r) => r.otherRecode[q.id] ?? r.other[q.id] ?? "",
        });
      return cols;
    }
    case "likert":
      if (q.items) {
        return q.items.map((it) => {
          const id = `${q.id}__${it.code}`;
          return {
            header: `${q.text} [${it.label}]`,
            cell: (r) => (r.answers[id] as string | null) ?? r.typed[id] ?? "",
          };
        });
      }
      return [{ header: q.text, cell: (r) => (a(r) as string | null) ?? "" }];
    case "numeric": {
      // Typed once per respondent so duplicates repeat the same text.
      return [
        {
          header: q.text,
          cell: (r) => {
            const v = a(r);
            if (typeof v !== "number") return "";
            r.typed[q.id] ??= typedMinutes(rng, v);
            return r.typed[q.id]!;
          },
        },
      ];
    }
    default:
      return [{ header: q.text, cell: (r) => (a(r) as string | null) ?? r.typed[q.id] ?? "" }];
  }
}

/**
 * The Link Worker survey as a Jisc Online Surveys-style CSV: UTF-8 BOM, CRLF, RFC 4180 quoting, admin columns
 * (Response ID, Started, Completed, Email address), question text headers, one column per multi-select option,
 * typed minutes, partial rows (Completed empty) and duplicate submissions minutes after the original.
 * @example
 * const csv = linkWorkerCsv(buildLinkWorkers(rng), rng);
 */
export function linkWorkerCsv(respondents: SynthRespondent[], rng: Rng): string {
  const questions = codebook("link-worker").questions;
  const cols = questions.flatMap((q) => columnsFor(q, rng));
  const starts = fieldworkTimes(rng, respondents.length, localMinutes(2021, 11, 15), 130);
  const order = rng.shuffle(respondents);
  const rows: { start: number; end: number | null; r: SynthRespondent }[] = order.map((r, i) => ({
    start: starts[i]!,
    end: r.complete ? starts[i]! + 6 + rng.int(20) : null,
    r,
  }));
  // Identical re-submissions minutes later: most with the same email, some anonymous.
  const complete = rows.filter((x) => x.r.complete);
  const withEmail = rng.sample(
    complete.filter((x) => x.r.email !== null),
    DUPLICATES.linkWorker - 2,
  );
  const anonymous = rng.sample(
    complete.filter((x) => x.r.email === null),
    2,
  );
  for (const x of [...withEmail, ...anonymous]) {
    const start = x.end! + 2 + rng.int(15);
    rows.push({ start, end: start + 4 + rng.int(6), r: x.r });
  }
  rows.sort((p, q) => p.start - q.start || (p.end ?? 0) - (q.end ?? 0));
  const header = ["Response ID", "Started", "Completed", "Email address", ...cols.map((c) => c.header)];
  const data = rows.map((x, i) => [
    String(100001 + i),
    formatDdMm(x.start),
    x.end === null ? "" : formatDdMm(x.end),
    x.r.email ?? "",
    ...cols.map((c) => c.cell(x.r)),
  ]);
  return "\uFEFF" + Papa.unparse([header, ...data], { newline: "\r\n" }) + "\r\n";
}
