// Small, fixed inputs for the figure builders. Values are invented for testing (shaped like the synthetic
// survey data), never published figures.
import type { BarGroup } from "../../src/figures/grouped-bar.js";
import type { LikertItem } from "../../src/figures/diverging-likert.js";
import type { PublishedComparison } from "../../src/figures/dot-range.js";
import type { AreaValue } from "../../src/figures/hex-map.js";
import type { ScorecardIndicator } from "../../src/figures/scorecard.js";
import type { StackedRow } from "../../src/figures/stacked100.js";
import type { Datum } from "../../src/figures/types.js";

export const base = { n: 214, unit: "Link Workers" } as const;

export const referralSources: Datum[] = [
  { label: "Social landlord", value: 29.4, lower: 23.7, upper: 35.8, n: 214 },
  { label: "GP practice", value: 89.3, lower: 84.4, upper: 92.8, n: 214 },
  { label: "Self-referral", value: 47.7, lower: 41.1, upper: 54.4, n: 214 },
  { label: "Community mental health team", value: 21.0, lower: 16.1, upper: 26.9, n: 214 },
  { label: "Police", value: null, suppressed: true, n: 214 },
  { label: "Fire service", value: null, n: 0 },
];

export const trainingGroups: BarGroup[] = [
  {
    name: "Received PA training",
    data: [
      { label: "Knew the 150-minute guideline", value: 61.0, lower: 45.8, upper: 74.3, n: 41 },
      { label: "Knew what counts as moderate", value: 70.7, lower: 55.5, upper: 82.4, n: 41 },
    ],
  },
  {
    name: "No PA training",
    data: [
      { label: "Knew the 150-minute guideline", value: 34.7, lower: 28.0, upper: 42.0, n: 173 },
      { label: "Knew what counts as moderate", value: 52.0, lower: 44.6, upper: 59.3, n: 173 },
    ],
  },
];

export const scaleLevels = ["Neighbourhood", "Borough", "County", "Region"];
export const fundingRows: StackedRow[] = [
  { label: "Need funding", counts: [6, 18, 9, 4] },
  { label: "Do not need funding", counts: [40, 20, 12, 3] },
  { label: "Not sure", counts: [null, 3, 2, 1] },
];

export const ratingLevels = ["Very poor", "Poor", "Neither good nor poor", "Good", "Very good"];
export const ratingItems: LikertItem[] = [
  { label: "Instructors", counts: [4, 10, 48, 102, 50] },
  { label: "Support given to clients", counts: [22, 61, 70, 48, 13] },
  { label: "Variety of provision", counts: [18, 58, 66, 55, 17] },
  { label: "Location", counts: [12, 40, 60, 78, 24] },
];

export const receipts: PublishedComparison[] = [
  {
    label: "Referrals for physical health",
    published: { value: 18, lower: 17.5, upper: 18.5 },
    computed: { label: "ph", value: 18.2, lower: 13.6, upper: 23.9, n: 214 },
  },
  {
    label: "Referrals from GPs",
    published: { value: 89, lower: 88.5, upper: 89.5 },
    computed: { label: "gp", value: 89.3, lower: 84.4, upper: 92.8, n: 214 },
  },
  {
    label: "Measure social isolation",
    published: { words: "just shy of 40%", lower: 37, upper: 40, interval: "[)" },
    computed: { label: "si", value: 38.3, lower: 32.0, upper: 45.0, n: 214 },
  },
  {
    label: "Received PA training",
    published: { value: 19, lower: 18.5, upper: 19.5 },
    computed: { label: "tr", value: null, suppressed: true, n: 214 },
  },
];

export const areaValues: AreaValue[] = [
  { code: "E06000006", value: 12.5, n: 8 },
  { code: "E06000007", value: 30, n: 10 },
  { code: "E06000008", value: 45.5, n: 11 },
  { code: "E06000009", value: null, suppressed: true, n: 3 },
  { code: "E06000049", value: 22.2, n: 9 },
  { code: "E08000005", value: 60, n: 15 },
];

export const scorecard: ScorecardIndicator[] = [
  {
    stage: "Initial contact",
    label: "Receive referrals for physical health",
    value: 18.2,
    lower: 13.6,
    upper: 23.9,
    n: 214,
    population: "Link Workers",
  },
  {
    stage: "Initial contact",
    label: "Receive referrals from GPs",
    value: 89.3,
    lower: 84.4,
    upper: 92.8,
    n: 214,
    population: "Link Workers",
  },
  {
    stage: "Social prescription",
    label: "Received PA training",
    value: 19.2,
    lower: 14.5,
    upper: 25.0,
    n: 214,
    population: "Link Workers",
  },
  {
    stage: "Social prescription",
    label: "Meet the activity guideline themselves",
    value: 47.7,
    lower: 41.1,
    upper: 54.4,
    n: 214,
    population: "Link Workers",
  },
  {
    stage: "Provision",
    label: "Providers citing cost as a barrier",
    value: 39.4,
    lower: 32.1,
    upper: 47.2,
    n: 160,
    population: "providers",
  },
  {
    stage: "Provision",
    label: "Providers citing fitness levels",
    value: 43.8,
    lower: 36.3,
    upper: 51.5,
    n: 160,
    population: "providers",
  },
  {
    stage: "Outcomes",
    label: "Measure physical activity",
    value: 15.9,
    lower: 11.6,
    upper: 21.4,
    n: 214,
    population: "Link Workers",
  },
  {
    stage: "Outcomes",
    label: "Measure social isolation",
    value: 38.3,
    lower: 32.0,
    upper: 45.0,
    n: 214,
    population: "Link Workers",
  },
  {
    stage: "Outcomes",
    label: "Measure mental well-being",
    value: null,
    suppressed: true,
    n: 214,
    population: "Link Workers",
  },
];
