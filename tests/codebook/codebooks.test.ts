import { describe, it, expect } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { codebook, question, optionLabels } from "../../src/codebook/codebooks.js";
import { validateCodebook } from "../../src/codebook/validate.js";
import { projectRoot, dataPath } from "../../src/codebook/project-root.js";

// Questions issue 3 item 1 asks for, by codebook id.
const LW_REQUIRED = [
  "ap_area",
  "local_authority",
  "employer",
  "referral_reasons",
  "referral_sources",
  "pa_training",
  "own_moderate_minutes",
  "guideline_minutes",
  "moderate_activities",
  "confidence_taking_part",
  "confidence_discussing",
  "benefits_aware",
  "knowledge_of_provision",
  "find_provision",
  "more_provision",
  "refer_to",
  "travel_distance",
  "provision_rating",
  "improvements",
  "home_suggestions",
  "outcomes_measured",
  "outcomes_monitored_by",
  "training_wanted",
];
const PROV_REQUIRED = [
  "ap_area",
  "local_authority",
  "provider_type",
  "scale",
  "collaborate_with",
  "consult",
  "understanding_sp",
  "confidence_additional_needs",
  "challenges",
  "funding_needed",
  "measures_used",
  "learning_wanted",
];

describe("projectRoot()", () => {
  it("projectRoot() finds the folder whose package.json is named sp-pathways", () => {
    const root = projectRoot();
    expect(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).name).toBe("sp-pathways");
  });
  it("projectRoot(from) walks up from a nested folder", () => {
    expect(projectRoot(path.join(projectRoot(), "src", "codebook"))).toBe(projectRoot());
  });
  it("projectRoot(from) names the start folder when no sp-pathways package.json is above it", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sp-root-"));
    expect(() => projectRoot(tmp)).toThrow(/no package.json with name "sp-pathways" in .*sp-root-/);
  });
  it("dataPath(...parts) points under <root>/data", () => {
    expect(dataPath("codebook", "x.json")).toBe(path.join(projectRoot(), "data", "codebook", "x.json"));
  });
});

describe("codebook(survey)", () => {
  it.each([
    ["link-worker", LW_REQUIRED],
    ["provider", PROV_REQUIRED],
  ] as const)("codebook(%s) covers every question issue 3 lists", (survey, ids) => {
    const cb = codebook(survey);
    expect(cb.survey).toBe(survey);
    for (const id of ids) expect(question(cb, id).id).toBe(id);
  });
  it("question(cb, id) names the id and survey when the question is absent", () => {
    expect(() => question(codebook("provider"), "pa_training")).toThrow(
      'no question "pa_training" in the provider codebook',
    );
  });
  it("optionLabels keeps the ordered scale low to high", () => {
    expect(optionLabels(question(codebook("link-worker"), "confidence_discussing"))).toEqual([
      "Not at all confident",
      "Slightly confident",
      "Moderately confident",
      "Very confident",
      "Extremely confident",
    ]);
    expect(optionLabels(question(codebook("provider"), "scale"))[0]).toBe("Neighbourhood");
  });
  it("optionLabels returns [] for a question without options (numeric, text)", () => {
    expect(optionLabels(question(codebook("link-worker"), "own_moderate_minutes"))).toEqual([]);
  });
  it("every single/multi/likert question has options and a note saying verbatim or reconstructed", () => {
    for (const survey of ["link-worker", "provider"] as const) {
      for (const q of codebook(survey).questions) {
        if (["single", "multi", "likert"].includes(q.type))
          expect(q.options?.length, q.id).toBeGreaterThan(1);
        if (q.section !== "admin") expect(q.note, q.id).toMatch(/verbatim|reconstructed/);
      }
    }
  });
  it("the COM-B question texts quoted in the report are kept verbatim", () => {
    const lw = codebook("link-worker");
    expect(question(lw, "confidence_discussing").text).toBe(
      "How confident do you feel discussing PA with your clients?",
    );
    expect(question(lw, "find_provision").text).toBe(
      "In general how do you find out about local provision available?",
    );
    expect(question(lw, "referral_sources").text).toBe("Who currently refers clients to you?");
  });
  it("provider multi-selects include labels containing commas (the joined-cell splitting case)", () => {
    const labels = optionLabels(question(codebook("provider"), "collaborate_with"));
    expect(labels.some((l) => l.includes(","))).toBe(true);
  });
  it("local authorities are the 39 North-West districts at fieldwork (2019 codes)", () => {
    const las = question(codebook("link-worker"), "local_authority").options ?? [];
    expect(las).toHaveLength(39);
    expect(las.map((o) => o.code)).toContain("E07000030"); // Eden, abolished April 2023
  });
});

describe("validateCodebook(value)", () => {
  const base = () => ({
    survey: "provider",
    title: "t",
    fieldwork: "f",
    questions: [
      {
        id: "scale",
        text: "Scale?",
        type: "single",
        comb: "profile",
        section: "provision",
        options: [
          { code: "a", label: "A" },
          { code: "b", label: "B" },
        ],
      },
    ],
  });
  it("accepts a minimal valid codebook", () => {
    expect(validateCodebook(base(), "x.json").questions).toHaveLength(1);
  });
  it("rejects a duplicate question id, naming it", () => {
    const cb = base();
    cb.questions.push({ ...cb.questions[0]! });
    expect(() => validateCodebook(cb, "x.json")).toThrow('codebook x.json: duplicate question id "scale"');
  });
  it("rejects a single question with no options (no valid responses possible)", () => {
    const cb = base();
    cb.questions[0]!.options = [];
    expect(() => validateCodebook(cb, "x.json")).toThrow('question "scale" (single) has no options');
  });
  it("rejects an option missing its label", () => {
    const cb = base();
    cb.questions[0]!.options = [{ code: "a", label: "" }];
    expect(() => validateCodebook(cb, "x.json")).toThrow(/without code or label/);
  });
  it("rejects a missing code that is also an option", () => {
    const cb = { ...base(), questions: [{ ...base().questions[0]!, missing: ["A"] }] };
    expect(() => validateCodebook(cb, "x.json")).toThrow('lists "A" both as an option and as a missing code');
  });
  it("rejects an unknown survey and a non-object", () => {
    expect(() => validateCodebook({ ...base(), survey: "gp" }, "x.json")).toThrow('unknown survey "gp"');
    expect(() => validateCodebook(null, "x.json")).toThrow("is not a JSON object");
  });
});
