// Tick-all-that-apply questions (issue 16): per-option tests by a breakdown, options ticked together.
export {
  optionTests,
  optionTestsDisplay,
  type OptionTest,
  type OptionTestsOptions,
  type OptionTestsResult,
} from "./option-tests.js";
export {
  coOccurrence,
  coOccurrenceDisplay,
  type CoOccurrenceOptions,
  type CoOccurrenceResult,
  type OptionPair,
  type PairStatus,
} from "./co-occurrence.js";
