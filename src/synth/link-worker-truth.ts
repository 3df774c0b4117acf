import type { Rng } from "./rng.js";
import type { SynthRespondent } from "./types.js";
import { allocateMulti, blank, newRespondents, syntheticEmail } from "./common.js";
import { AREAS } from "./plan.js";
import { codebook, question, optionLabels } from "../codebook/codebooks.js";
import { MODERATE_ITEMS } from "../clean/derive.js";

const opts = (id: string) => optionLabels(question(codebook("link-worker"), id));
const CONF = () => opts("confidence_discussing");
const is = (r: SynthRespondent, k: string) => r.flags[k] === true;
const set = (r: SynthRespondent, k: string, v: boolean) => (r.flags[k] = v);

// Questions after which partial submissions stop (codebook order).
const AFTER_CONFIDENCE = [
  "benefits_aware",
  "knowledge_of_provision",
  "find_provision",
  "more_provision",
  "refer_to",
  "travel_distance",
];
const AFTER_TRAVEL = [
  "provision_rating",
  "improvements",
  "home_suggestions",
  "outcomes_measured",
  "outcomes_monitored_by",
  "training_wanted",
];

const HOME = [
  "NHS Couch to 5K app and local walking routes",
  "Chair-based exercise videos on YouTube",
  "Walking, gardening and the NHS Fitness Studio videos",
  "We give a printed sheet of home exercises and suggest short daily walks",
  "Active 10 app, park runs when ready",
  "Gentle stretching and strength exercises from the NHS website",
  "Dog walking, dancing at home, housework counts too",
  "Depends on the person - usually walking first, then a home programme\nWe follow up after two weeks",
  "Signpost to online yoga and the We Are Undefeatable resources",
  "None really, this is an area I would like more guidance on",
];
const PII_TEXT = [
  "Walking group leaflets - call me on 07700 900461 if you want copies",
  "Home exercise booklet, email me at s.green41@example.org.uk for a copy",
  "Chair exercises; patient lives at PR1 8XY so walking routes near there",
  "Couch to 5K. Contact 0161 496 0732 for our team",
];
const OTHER_TEXT: Record<string, string[]> = {
  referral_reasons: ["Drug and alcohol issues", "Welfare and form filling", "Domestic abuse support"],
  referral_sources: ["Police and fire service", "Schools", "Pharmacy (community)"],
  find_provision: ["Local radio", "Council website newsletter"],
  more_provision: ["Women-only swimming", "Activities in community languages"],
  refer_to: ["Allotments and gardening clubs", "Church halls"],
  improvements: ["Transport to sessions", "Childcare at sessions"],
  training_wanted: ["Dementia-friendly activity", "Motivational interviewing refresher"],
};

function minutesFor(rng: Rng, band: "inactive" | "fairly" | "active", r: SynthRespondent): void {
  if (band === "inactive") {
    const m = rng.pick([0, 0, 10, 15, 20, 25]);
    r.answers.own_moderate_minutes = m;
    r.answers.own_vigorous_minutes = null;
    return;
  }
  if (band === "fairly") {
    const m = rng.pick([40, 45, 50, 60, 60, 75, 80, 90, 90, 100, 105, 120, 120, 135, 140]);
    r.answers.own_moderate_minutes = m;
    r.answers.own_vigorous_minutes = rng.next() < 0.15 ? 0 : null;
    return;
  }
  const total = rng.pick([150, 150, 160, 180, 180, 200, 210, 240, 240, 300, 300, 360, 420, 450, 600]);
  if (rng.next() < 0.3) {
    const v = rng.pick([15, 30, 45, 60]);
    r.answers.own_moderate_minutes = total - 2 * v;
    r.answers.own_vigorous_minutes = v;
  } else {
    r.answers.own_moderate_minutes = total;
    r.answers.own_vigorous_minutes = null;
  }
}

/** The respondents shared by every section of the Link Worker truth, and the bases after partial submissions. */
interface Cohort {
  readonly rng: Rng;
  readonly all: SynthRespondent[];
  readonly mer: SynthRespondent[];
  readonly rest: SynthRespondent[];
}
interface Bases {
  /** Stopped after the confidence questions, and after travel. */
  readonly p1: SynthRespondent[];
  readonly p2: SynthRespondent[];
  readonly base294: SynthRespondent[];
  readonly base286: SynthRespondent[];
}

/**
 * The cleaned ground truth of the synthetic Link Worker survey (300 respondents), with planned counts:
 * one section of the questionnaire per function below, called in questionnaire order (the seeded draws
 * must stay in this order for the exports to stay byte-identical).
 * @example
 * buildLinkWorkers(createRng(SEED.linkWorker)).length; // 300
 */
export function buildLinkWorkers(rng: Rng): SynthRespondent[] {
  const all = newRespondents(rng, "linkWorkers");
  const mer = all.filter((r) => r.area === "merseyside");
  const rest = all.filter((r) => r.area !== "merseyside");
  const emails = new Set<string>();
  for (const r of all) r.email = rng.next() < 0.85 ? syntheticEmail(rng, emails) : null;
  const cohort: Cohort = { rng, all, mer, rest };
  profileAndContact(cohort);
  training(cohort);
  const bases = partialSubmissions(cohort);
  const withBases = { ...cohort, ...bases };
  ownActivity(withBases);
  knowledgeAndConfidence(withBases);
  motivation(withBases);
  provisionKnowledge(withBases);
  travel(withBases);
  provisionRatings(withBases);
  outcomeMonitoring(withBases);
  otherText(withBases);
  return all;
}

/** Profile and initial contact: unrelated to everything below. */
function profileAndContact({ rng, all }: Cohort): void {
  for (const r of all) {
    r.answers.employer = rng.pick(opts("employer"), [10, 45, 10, 25, 7, 2, 1]);
  }
  allocateMulti(
    rng,
    all,
    "referral_reasons",
    {
      "Loneliness or social isolation": 240,
      "Mental health and well-being": 230,
      "Physical health or inactivity": 54,
      "Money, debt or benefits": 150,
      Housing: 100,
      Bereavement: 80,
      "Long-term condition management": 90,
      "Carer support": 60,
    },
    "Loneliness or social isolation",
    opts("referral_reasons"),
  );
  allocateMulti(
    rng,
    all,
    "referral_sources",
    {
      GPs: 267,
      "Practice staff (nurses, pharmacists, care coordinators)": 180,
      "Self-referral": 120,
      "Social landlords / housing associations": 87,
      "Hospital and community health services": 70,
      "Adult social care": 90,
      "Voluntary and community organisations": 130,
      "Jobcentre Plus / DWP": 40,
    },
    "Self-referral",
    opts("referral_sources"),
  );
}

/** Training: Merseyside 17 of 69 (25%, published); the rest 40 of 231, so 57 of 300 = 19%; in role 36 = 12%. */
function training({ rng, mer, rest }: Cohort): void {
  const training = (group: SynthRespondent[], inRole: number, before: number) => {
    const trained = rng.sample(group, inRole + before);
    for (const r of group) r.answers.pa_training = "No";
    trained.forEach(
      (r, i) =>
        (r.answers.pa_training = i < inRole ? "Yes, in my current role" : "Yes, before my current role"),
    );
    for (const r of group) set(r, "trained", r.answers.pa_training !== "No");
  };
  training(mer, 10, 7);
  training(rest, 26, 14);
}

/** Partial submissions: 6 stop after the confidence questions (untrained, outside Merseyside), 8 after travel. */
function partialSubmissions({ rng, all, mer, rest }: Cohort): Bases {
  const p1 = rng.sample(
    rest.filter((r) => !is(r, "trained")),
    6,
  );
  const p2 = [
    ...rng.sample(mer, 2),
    ...rng.sample(
      rest.filter((r) => !p1.includes(r)),
      6,
    ),
  ];
  for (const r of [...p1, ...p2]) r.complete = false;
  const base294 = all.filter((r) => !p1.includes(r));
  return { p1, p2, base294, base286: base294.filter((r) => !p2.includes(r)) };
}

/** Own activity: Merseyside 62 of 69 >= 30 min (90%, published), 33 meet 150; elsewhere 4 leave it blank and 109 of 227 meet 150 (142 of 296 = 48%). Independent of training. */
function ownActivity({ rng, mer, rest, p1 }: Cohort & Bases): void {
  const bands = (group: SynthRespondent[], active: number, inactive: number) => {
    const shuffled = rng.shuffle(group);
    shuffled.forEach((r, i) => {
      const band = i < active ? "active" : i < active + inactive ? "inactive" : "fairly";
      minutesFor(rng, band, r);
      set(r, "meets", band === "active");
      set(r, "inactive", band === "inactive");
      set(r, "minutes_known", true);
    });
  };
  const noMinutes = rng.sample(
    rest.filter((r) => !p1.includes(r)),
    4,
  );
  for (const r of noMinutes) {
    r.answers.own_moderate_minutes = null;
    r.answers.own_vigorous_minutes = null;
  }
  bands(mer, 33, 7);
  bands(
    rest.filter((r) => !noMinutes.includes(r)),
    109,
    25,
  );
}

/** Knowledge and confidence follow training and own activity (the report's association). */
function knowledgeAndConfidence({ rng, all }: Cohort & Bases): void {
  const w = (r: SynthRespondent, trained: number, meets: number, inactive: number) =>
    (is(r, "trained") ? trained : 1) * (is(r, "meets") ? meets : 1) * (is(r, "inactive") ? inactive : 1);
  const knowsG = new Set(rng.sample(all, 130, (r) => w(r, 3, 2.5, 0.5)));
  const knowsM = new Set(rng.sample(all, 105, (r) => w(r, 2.5, 1.8, 0.7)));
  const confPart = new Set(rng.sample(all, 150, (r) => w(r, 1.2, 4, 0.2)));
  const confDisc = new Set(rng.sample(all, 100, (r) => w(r, 1.6, 4, 0.25) * (knowsG.has(r) ? 1.3 : 1)));
  const wrongMinutes = ["30 minutes", "75 minutes", "300 minutes", "Don't know"];
  const vigorousOrLight = ["Running", "Swimming fast lengths", "Slow walking", "Standing"];
  for (const r of all) {
    r.answers.guideline_minutes = knowsG.has(r) ? "150 minutes" : rng.pick(wrongMinutes, [2, 2, 1.5, 3]);
    if (knowsM.has(r)) {
      r.answers.moderate_activities = [...MODERATE_ITEMS];
    } else {
      const keep = MODERATE_ITEMS.filter(() => rng.next() < 0.7);
      const add = vigorousOrLight.filter(() => rng.next() < 0.25);
      let picked = [...keep, ...add];
      if (picked.length === 0 || (add.length === 0 && keep.length === MODERATE_ITEMS.length))
        picked = [...keep.slice(0, 2), rng.pick(vigorousOrLight)];
      r.answers.moderate_activities = opts("moderate_activities").filter((l) => picked.includes(l));
    }
    const scale = CONF();
    const confident = (yes: boolean) =>
      yes
        ? rng.pick(scale.slice(3), [7, 3])
        : rng.pick(scale.slice(0, 3), is(r, "inactive") ? [3, 4, 3] : [1, 3, 6]);
    r.answers.confidence_taking_part = confident(confPart.has(r));
    r.answers.confidence_discussing = confident(confDisc.has(r));
    set(r, "confident", confDisc.has(r));
  }
}

/** Motivation: recognised benefits are broad and unrelated to training (asked after the first stop point). */
function motivation({ rng, base294, p1 }: Cohort & Bases): void {
  blank(p1, AFTER_CONFIDENCE);
  allocateMulti(
    rng,
    base294,
    "benefits_aware",
    {
      "Physical health": 275,
      "Mental health and well-being": 265,
      "Social connectedness": 235,
      "Managing long-term conditions": 215,
      "Better sleep": 147,
      "Confidence and self-esteem": 196,
      "Weight management": 176,
      "Employment and volunteering skills": 59,
    },
    "Physical health",
    opts("benefits_aware"),
  );
}

/** Enough knowledge of provision: Merseyside 12 of 17 trained + 20 of 52 untrained = 32 of 69 (46%, 38%). */
function provisionKnowledge({ rng, mer, rest, base294 }: Cohort & Bases): void {
  const knowledge = (group: SynthRespondent[], yes: number) => {
    const chosen = new Set(rng.sample(group, yes, (r) => (is(r, "confident") ? 1.5 : 1)));
    for (const r of group)
      r.answers.knowledge_of_provision = chosen.has(r) ? "Yes" : rng.pick(["No", "Not sure"], [65, 35]);
  };
  const inBase = (g: SynthRespondent[]) => g.filter((r) => base294.includes(r));
  knowledge(
    inBase(mer).filter((r) => is(r, "trained")),
    12,
  );
  knowledge(
    inBase(mer).filter((r) => !is(r, "trained")),
    20,
  );
  knowledge(
    inBase(rest).filter((r) => is(r, "trained")),
    22,
  );
  knowledge(
    inBase(rest).filter((r) => !is(r, "trained")),
    68,
  );

  allocateMulti(
    rng,
    base294,
    "find_provision",
    {
      "Online search": 170,
      "Social media": 120,
      "Directly from providers": 110,
      "Colleagues and word of mouth": 140,
      "Active Partnership": 60,
      "Local directory or social prescribing platform": 100,
      "Leaflets and posters": 50,
      "Network meetings": 90,
    },
    "Colleagues and word of mouth",
    opts("find_provision"),
  );
  allocateMulti(
    rng,
    base294,
    "more_provision",
    {
      // 143 of 294 = 48.6%: "almost half" read as [47, 50) (data/published/README.md, rule R1).
      "Physical activity": 143,
      "Mental health support": 110,
      "Peer support groups": 90,
      "Arts and culture": 60,
      Befriending: 70,
      "Nature and green activities": 80,
      "Financial advice": 50,
      "Employment and skills": 45,
    },
    "Peer support groups",
    opts("more_provision"),
    // Those short of knowledge of the existing offer ask for more of it a little more often (figure
    // lw-knowledge-gap-behind-provision-gap: "some of the provision gap ... is attributable to a gap in knowledge").
    (label, r) => (label === "Physical activity" && r.answers.knowledge_of_provision !== "Yes" ? 1.5 : 1),
  );
  allocateMulti(
    rng,
    base294,
    "refer_to",
    {
      "Leisure centres": 160,
      "Sports clubs": 66,
      "Walking groups": 150,
      "Community groups": 170,
      "Exercise referral schemes": 120,
      Gyms: 70,
      "Parks and green spaces": 90,
      "Online or at-home programmes": 40,
    },
    "Community groups",
    opts("refer_to"),
  );
}

/** Travel: 10 "Don't know" (missing); 117 of 284 travel 3+ miles (41%), rural areas further. */
function travel({ rng, base294 }: Cohort & Bases): void {
  const dk = new Set(rng.sample(base294, 10));
  const known = base294.filter((r) => !dk.has(r));
  const weightOf = (r: SynthRespondent) => AREAS.find((a) => a.code === r.area)!.distanceWeight;
  const far = new Set(rng.sample(known, 117, weightOf));
  for (const r of base294) {
    if (dk.has(r)) r.answers.travel_distance = null;
    else if (far.has(r)) r.answers.travel_distance = "3 miles or more";
    else
      r.answers.travel_distance = rng.pick(
        ["Less than 1 mile", "1 to 2 miles", "2 to 3 miles"],
        weightOf(r) > 1 ? [1, 3, 4] : [3, 4, 2],
      );
    if (dk.has(r)) r.typed.travel_distance = "Don't know";
  }
}

/** Provision ratings: exact Good/Very good counts per item among those who rated it; "Don't know" is missing. */
function provisionRatings({ rng, base286, p2 }: Cohort & Bases): void {
  blank(p2, AFTER_TRAVEL);
  const items: [string, number, number][] = [
    // [item code, don't-know count, good-or-better count among the rest]
    ["instructors", 18, 169], // 169/268 = 63%
    ["support", 12, 60], // 60/274 = 22%
    ["variety", 10, 85], // 85/276 = 31%
    ["cost", 15, 114], // 42%
    ["location", 8, 125], // 45%
    ["timing", 14, 128], // 47%
    ["facilities", 16, 140], // 52%
    ["welcome", 20, 104], // 39%
  ];
  for (const [code, dkCount, good] of items) {
    const id = `provision_rating__${code}`;
    const dks = new Set(
      rng.sample(base286, dkCount, (r) => (r.answers.knowledge_of_provision === "Yes" ? 0.5 : 1.5)),
    );
    const rated = base286.filter((r) => !dks.has(r));
    const goods = new Set(rng.sample(rated, good));
    for (const r of base286) {
      if (dks.has(r)) {
        r.answers[id] = null;
        r.typed[id] = "Don't know";
      } else
        r.answers[id] = goods.has(r)
          ? rng.pick(["Good", "Very good"], [7, 3])
          : rng.pick(["Very poor", "Poor", "Average"], [1, 3.5, 5.5]);
    }
  }
  allocateMulti(
    rng,
    base286,
    "improvements",
    {
      "Free taster sessions": 200,
      "Beginners' group or session": 183,
      "Buddy system for new attendees": 163,
      "Greater variety of activities": 115,
      "Sessions closer to where clients live": 108,
      "Improved welcome for new attendees": 95,
      "Lower cost": 86,
      "Sessions for people with long-term conditions": 63,
    },
    "Improved welcome for new attendees",
    opts("improvements"),
  );
  for (const r of base286) r.answers.home_suggestions = rng.next() < 0.3 ? null : rng.pick(HOME);
  const pii = [...PII_TEXT];
  for (const r of rng.sample(
    base286.filter((x) => x.answers.home_suggestions !== null),
    pii.length,
  )) {
    r.answers.home_suggestions = pii.pop() ?? null;
  }
}

/** Outcome monitoring (base 286): PA levels 46 (16%), mental well-being 180 (63%), social isolation 107 (37%). */
function outcomeMonitoring({ rng, base286 }: Cohort & Bases): void {
  allocateMulti(
    rng,
    base286,
    "outcomes_measured",
    {
      "Mental well-being": 180,
      "Social isolation or loneliness": 107,
      "Physical activity levels": 46,
      "Physical health": 40,
      "Confidence and self-esteem": 90,
      "Quality of life": 70,
    },
    "None of these",
    opts("outcomes_measured"),
  );
  // Commissioners and Public Health mostly monitor the same Link Workers (a council's commissioning and public
  // health teams), so that "commissioners or Public Health" is below 1 in 5 read either way: each body on its
  // own and the two combined (figures lw-monitor-commissioners, -public-health, -commissioners-or-public-health).
  const council = new Set(rng.sample(base286, 55));
  const councilWeight = (label: string, r: SynthRespondent) =>
    (label === "Commissioners" || label === "Public Health") && council.has(r) ? 1e6 : 1;
  allocateMulti(
    rng,
    base286,
    "outcomes_monitored_by",
    {
      "PCNs and federations": 64,
      Commissioners: 51,
      "Public Health": 49,
      "My employer": 100,
      "Integrated care board (ICB) / CCG": 30,
      "NHS England": 10,
    },
    "Don't know",
    opts("outcomes_monitored_by"),
    councilWeight,
  );
  for (const r of base286) {
    const v = r.answers.outcomes_monitored_by as string[];
    if (v.length === 1 && v[0] === "Don't know" && rng.next() < 0.4)
      r.answers.outcomes_monitored_by = ["Nobody that I know of"];
  }
  const tw = opts("training_wanted");
  allocateMulti(
    rng,
    base286.filter((r) => r.area === "merseyside"),
    "training_wanted",
    {
      [tw[0]!]: 40,
      [tw[1]!]: 36,
      [tw[2]!]: 33,
      [tw[3]!]: 22,
      [tw[4]!]: 20,
      [tw[5]!]: 24,
      [tw[6]!]: 12,
      [tw[7]!]: 10,
      [tw[8]!]: 18,
    },
    tw[8]!,
    tw,
  );
  allocateMulti(
    rng,
    base286.filter((r) => r.area !== "merseyside"),
    "training_wanted",
    {
      [tw[0]!]: 120,
      [tw[1]!]: 108,
      [tw[2]!]: 92,
      [tw[3]!]: 85,
      [tw[4]!]: 80,
      [tw[5]!]: 78,
      [tw[6]!]: 50,
      [tw[7]!]: 45,
      [tw[8]!]: 60,
    },
    tw[8]!,
    tw,
  );
}

/** "Other (please specify)" text: always alongside a real tick, so bases never depend on recoding it. */
function otherText({ rng, all }: Cohort & Bases): void {
  for (const [id, texts] of Object.entries(OTHER_TEXT)) {
    const answeredIt = all.filter((r) => Array.isArray(r.answers[id]));
    for (const r of rng.sample(answeredIt, 3)) r.other[id] = rng.pick(texts);
  }
  // Two respondents typed an existing option as "Other" text instead of ticking it (the cleaner recodes it).
  for (const r of rng.sample(
    all.filter(
      (x) =>
        (x.answers.referral_sources as string[]).includes("Self-referral") &&
        (x.answers.referral_sources as string[]).length > 1,
    ),
    2,
  )) {
    r.otherRecode.referral_sources = "self-referral";
  }
}
