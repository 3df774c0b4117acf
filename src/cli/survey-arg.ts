import type { SurveyId } from "../codebook/types.js";
import { UsageError } from "./command.js";

const SURVEYS: readonly SurveyId[] = ["link-worker", "provider"];

/**
 * The --survey argument as a SurveyId, or a UsageError naming the value and the choices.
 * @example
 * surveyArg("provider"); // "provider"
 */
export function surveyArg(value: string | boolean | undefined): SurveyId {
  if (typeof value !== "string") throw new UsageError("--survey is required: link-worker or provider");
  if (!(SURVEYS as readonly string[]).includes(value)) {
    throw new UsageError(`--survey "${value}" is not a survey: expected link-worker or provider`);
  }
  return value as SurveyId;
}
