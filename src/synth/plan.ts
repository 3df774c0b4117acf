/**
 * Planned sample sizes and counts of the synthetic surveys. Counts are chosen so every published percentage
 * rounds correctly on its own base (see data/README.md); weights build in the report's associations.
 */
export const SEED = { linkWorker: 20211115, provider: 20220201 } as const;

export interface AreaPlan {
  code: string;
  label: string;
  /** Cleaned Link Worker respondents (after de-duplication). */
  linkWorkers: number;
  /** Cleaned provider respondents. */
  providers: number;
  /** Relative odds of clients travelling 3+ miles (rural areas further): a synthetic assumption. */
  distanceWeight: number;
}

export const AREAS: AreaPlan[] = [
  { code: "lancashire", label: "Active Lancashire", linkWorkers: 82, providers: 55, distanceWeight: 1.6 },
  { code: "cumbria", label: "Active Cumbria", linkWorkers: 33, providers: 30, distanceWeight: 4 },
  {
    code: "greater_manchester",
    label: "Greater Sport (Greater Manchester)",
    linkWorkers: 78,
    providers: 50,
    distanceWeight: 0.7,
  },
  {
    code: "merseyside",
    label: "Merseyside Sport (Merseyside)",
    linkWorkers: 69,
    providers: 40,
    distanceWeight: 0.6,
  },
  { code: "cheshire", label: "Active Cheshire", linkWorkers: 38, providers: 25, distanceWeight: 1.5 },
];

/** Extra raw rows that cleaning must remove (identical answers minutes apart). */
export const DUPLICATES = { linkWorker: 7, provider: 5 } as const;
