import type { Rng } from "./rng.js";
import type { SynthRespondent } from "./types.js";
import { allocateMulti, blank, newRespondents, syntheticEmail } from "./common.js";
import { codebook, question, optionLabels } from "../codebook/codebooks.js";

const opts = (id: string) => optionLabels(question(codebook("provider"), id));
const has = (r: SynthRespondent, id: string, label: string) => {
  const v = r.answers[id];
  return Array.isArray(v) && v.includes(label);
};
const LW = "Link Workers / social prescribers";
const COMM = "Commissioners and funders";
const GP = "GPs / PCNs";
const VCFSE = "Voluntary, community, faith and social enterprise (VCFSE) organisations";

// [scale, respondents, needing funding]: neighbourhood 14 of 108 = 13% (published); larger scales need it more.
const SCALES: [string, number, number][] = [
  ["Neighbourhood", 108, 14],
  ["Town or district", 40, 14],
  ["County or city region", 24, 10],
  ["Regional", 16, 7],
  ["National", 12, 5],
];
const OTHER_TEXT: Record<string, string[]> = {
  collaborate_with: ["Schools and colleges", "Housing associations", "Police"],
  challenges: ["Weather", "Lack of childcare", "Not knowing anyone"],
  learning_wanted: ["Safeguarding refresher", "First aid"],
};

/**
 * The cleaned ground truth of the synthetic provider survey (200 respondents), with planned counts.
 * @example
 * buildProviders(createRng(SEED.provider)).length; // 200
 */
export function buildProviders(rng: Rng): SynthRespondent[] {
  const all = newRespondents(rng, "providers");
  const emails = new Set<string>();
  for (const r of all) r.email = rng.next() < 0.9 ? syntheticEmail(rng, emails) : null;

  // Scale: 108 of 200 neighbourhood (54%, "the majority"); a good proportion of those are sports clubs.
  const order = rng.shuffle(all);
  let at = 0;
  for (const [scale, n] of SCALES) for (let i = 0; i < n; i++) order[at++]!.answers.scale = scale;
  const types = opts("provider_type");
  const neighbourhood = all.filter((r) => r.answers.scale === "Neighbourhood");
  const larger = all.filter((r) => r.answers.scale !== "Neighbourhood");
  const assignTypes = (group: SynthRespondent[], counts: number[]) => {
    const shuffled = rng.shuffle(group);
    let i = 0;
    counts.forEach((k, t) => {
      for (let j = 0; j < k; j++) shuffled[i++]!.answers.provider_type = types[t]!;
    });
  };
  // types: sports club, leisure, personal trainer, VCFSE, community group, private
  assignTypes(neighbourhood, [45, 2, 8, 20, 30, 3]);
  assignTypes(larger, [12, 25, 8, 25, 10, 12]);

  // Collaboration grows with scale.
  const reach: Record<string, number> = {
    Neighbourhood: 1,
    "Town or district": 1.4,
    "County or city region": 1.8,
    Regional: 2.2,
    National: 2.2,
  };
  const byScale = (_l: string, r: SynthRespondent) => reach[r.answers.scale as string]!;
  allocateMulti(
    rng,
    all,
    "collaborate_with",
    {
      [LW]: 70,
      Participants: 110,
      "Under-represented groups": 50,
      [COMM]: 60,
      [GP]: 55,
      [VCFSE]: 90,
      "Local physical activity providers": 80,
      "Local authority": 85,
    },
    "Local physical activity providers",
    opts("collaborate_with"),
    byScale,
  );
  // Providers consult the people they already work with, more often than others.
  allocateMulti(
    rng,
    all,
    "consult",
    { [LW]: 40, Participants: 120, "Under-represented groups": 45, [COMM]: 30, [GP]: 25, [VCFSE]: 50 },
    "Nobody",
    opts("consult"),
    (l, r) => (has(r, "collaborate_with", l) ? 3 : 1),
  );

  // Confidence meeting additional needs: neighbourhood 54 of 108 ("around half"), larger 62 of 92; consulting
  // participants and under-represented groups raises it.
  const conf = opts("confidence_additional_needs");
  const confidence = (group: SynthRespondent[], k: number) => {
    const yes = new Set(
      rng.sample(
        group,
        k,
        (r) =>
          (has(r, "consult", "Participants") ? 2.5 : 1) *
          (has(r, "consult", "Under-represented groups") ? 2 : 1),
      ),
    );
    for (const r of group)
      r.answers.confidence_additional_needs = yes.has(r)
        ? rng.pick(conf.slice(3), [7, 3])
        : rng.pick(conf.slice(0, 3), [1, 3, 6]);
  };
  confidence(neighbourhood, 54);
  confidence(larger, 62);

  // Understanding of social prescribing: 60 of 70 Link Worker collaborators (86%), 55 of 130 others; working
  // with commissioners/funders or GPs/PCNs also helps.
  const understanding = (group: SynthRespondent[], k: number, comm: number, gp: number) => {
    const yes = new Set(
      rng.sample(
        group,
        k,
        (r) =>
          (has(r, "collaborate_with", COMM) ? comm : 1) *
          (has(r, "collaborate_with", GP) ? gp : 1) *
          (has(r, "collaborate_with", VCFSE) ? 1.3 : 1),
      ),
    );
    for (const r of group)
      r.answers.understanding_sp = yes.has(r)
        ? rng.pick(["Good", "Very good"], [65, 35])
        : rng.pick(["Very poor", "Poor", "Fair"], [5, 25, 70]);
  };
  understanding(
    all.filter((r) => has(r, "collaborate_with", LW)),
    60,
    1.5,
    1.5,
  );
  understanding(
    all.filter((r) => !has(r, "collaborate_with", LW)),
    55,
    2.5,
    2.5,
  );

  // Challenges: distance first, then health/fitness (88 = 44%), mental health, cost (76 = 38%); rural areas
  // report distance more.
  const rural: Record<string, number> = {
    cumbria: 2,
    lancashire: 1.3,
    cheshire: 1.2,
    greater_manchester: 0.8,
    merseyside: 0.8,
  };
  allocateMulti(
    rng,
    all,
    "challenges",
    {
      "Distance of travel to activities": 104,
      "Levels of health and fitness": 88,
      "Mental health": 82,
      "Cost of activity": 76,
      "Lack of confidence": 60,
      "Time, work or caring commitments": 50,
      Transport: 40,
      "Language or cultural barriers": 16,
    },
    "Lack of confidence",
    opts("challenges"),
    (l, r) => (l === "Distance of travel to activities" ? rural[r.area]! : 1),
  );

  // Funding need by scale (exact counts above).
  for (const [scale, , k] of SCALES) {
    const group = all.filter((r) => r.answers.scale === scale);
    const yes = new Set(rng.sample(group, k));
    for (const r of group)
      r.answers.funding_needed = yes.has(r) ? "Yes" : rng.pick(["No", "Not sure"], [75, 25]);
  }

  // Partial submissions: 6 providers (none working with commissioners/funders) stop before the measures.
  const partial = rng.sample(
    all.filter((r) => !has(r, "collaborate_with", COMM)),
    6,
  );
  for (const r of partial) r.complete = false;
  blank(partial, ["measures_used", "learning_wanted"]);
  const answered = all.filter((r) => r.complete);

  // Measures: among the 60 commissioner/funder collaborators 34 physical health (57%), 38 mental health (63%),
  // 34 physical activity (a majority), 22 social isolation (a minority); other collaborations widen the breadth.
  const breadth = (_l: string, r: SynthRespondent) =>
    (has(r, "collaborate_with", GP) ? 2 : 1) *
    (has(r, "collaborate_with", VCFSE) ? 1.6 : 1) *
    (has(r, "collaborate_with", "Participants") ? 1.6 : 1);
  const measures = opts("measures_used");
  const comm = answered.filter((r) => has(r, "collaborate_with", COMM));
  const notComm = answered.filter((r) => !has(r, "collaborate_with", COMM));
  allocateMulti(
    rng,
    comm,
    "measures_used",
    {
      [measures[0]!]: 34,
      [measures[1]!]: 34,
      [measures[2]!]: 38,
      [measures[3]!]: 22,
      [measures[4]!]: 25,
      Attendance: 40,
    },
    "None",
    measures,
    breadth,
  );
  allocateMulti(
    rng,
    notComm,
    "measures_used",
    {
      [measures[0]!]: 40,
      [measures[1]!]: 30,
      [measures[2]!]: 50,
      [measures[3]!]: 30,
      [measures[4]!]: 30,
      Attendance: 70,
    },
    "None",
    measures,
    breadth,
  );

  allocateMulti(
    rng,
    answered,
    "learning_wanted",
    {
      "Supporting people with common health conditions": 100,
      // Among the top three (figure prov-learning-user-centred-top3, the appendix's crossover).
      "Shaping a user-centred, inclusive offer": 95,
      "Understanding social prescribing": 90,
      "Mental health awareness": 70,
      "Working with Link Workers": 75,
      "Measuring outcomes": 60,
      "Writing funding bids": 85,
    },
    "Understanding social prescribing",
    opts("learning_wanted"),
    (l, r) =>
      l === "Understanding social prescribing" &&
      !["Good", "Very good"].includes(r.answers.understanding_sp as string)
        ? 2
        : 1,
  );

  for (const [id, texts] of Object.entries(OTHER_TEXT)) {
    for (const r of rng.sample(
      all.filter((x) => Array.isArray(x.answers[id])),
      3,
    ))
      r.other[id] = rng.pick(texts);
  }
  return all;
}
