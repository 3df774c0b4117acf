import { generic } from "./generic.js";
import { googleForms } from "./google-forms.js";
import { jisc } from "./jisc.js";
import { microsoftForms } from "./microsoft-forms.js";
import { qualtrics } from "./qualtrics.js";
import { smartSurvey } from "./smartsurvey.js";
import { surveyMonkey } from "./surveymonkey.js";
import type { PlatformLayout } from "./types.js";

export type { PlatformId, PlatformLayout, SubColumnForm } from "./types.js";

/** Every recognised platform layout, the generic one last. */
export const PLATFORMS: readonly PlatformLayout[] = [
  smartSurvey,
  microsoftForms,
  jisc,
  surveyMonkey,
  qualtrics,
  googleForms,
  generic,
];

export { generic, googleForms, jisc, microsoftForms, qualtrics, smartSurvey, surveyMonkey };
