// Times the tabulations of notebooks 04 and 05 (their calls, without rendering) with the run's disclosure
// ledger off (threshold 0: each table's own suppression only, as before the ledger was wired in) and on (a
// fresh ledger per run, as openSection starts one), on the North West and on Cumbria (the smallest area: the
// most hidden cells, so the ledger's linear algebra runs most). Usage: npx tsx bench/ledger-tabulations.ts
import { resetRunLedger, runLedger } from "../src/disclosure/ledger.js";
import { loadSurvey } from "../src/survey/load-survey.js";
import { crosstab, frequencies, likertSummary, multiResponse } from "../src/index.js";

function run(area?: string) {
  const lw = loadSurvey("link-worker", area ? { area } : {}).table;
  const pv = loadSurvey("provider", area ? { area } : {}).table;
  return () => {
    frequencies(lw, "pa_training");
    frequencies(lw, "activity_band");
    crosstab(lw, "knows_guideline", { by: "trained" });
    crosstab(lw, "knows_guideline", { by: "meets_guideline" });
    crosstab(lw, "confident_discussing", { by: "trained" });
    crosstab(lw, "confident_discussing", { by: "activity_band" });
    multiResponse(lw, "benefits_aware");
    frequencies(lw, "knowledge_of_provision");
    multiResponse(lw, "find_provision");
    multiResponse(lw, "more_provision");
    frequencies(lw, "travel_distance");
    multiResponse(pv, "challenges");
    likertSummary(lw, "provision_rating");
    multiResponse(lw, "improvements");
    frequencies(pv, "scale");
    crosstab(pv, "funding_needed", { by: "scale" });
    crosstab(pv, "confidence_additional_needs", { by: "scale" });
    crosstab(pv, "confident_additional_needs", { by: "scale" });
    frequencies(pv, "confident_additional_needs");
    crosstab(lw, "pa_training", { by: "ap_area" });
    frequencies(lw, "pa_training", { by: "ap_area" });
  };
}

function time(label: string, body: () => void, threshold: number) {
  const runs: number[] = [];
  for (let i = 0; i < 15; ++i) {
    resetRunLedger({ threshold });
    const t0 = performance.now();
    body();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const { cells, hidden } = runLedger().size;
  console.log(
    `${label}: median ${runs[7]!.toFixed(1)} ms (min ${runs[0]!.toFixed(1)}), ledger ${cells} cells, ${hidden} hidden`,
  );
}

for (const area of [undefined, "Cumbria"]) {
  const body = run(area);
  body(); // warm the encodings
  time(`${area ?? "North West"}, ledger off`, body, 0);
  time(`${area ?? "North West"}, ledger on `, body, 5);
}
