// Statistics for proportions and contingency tables (issue 4); reference values in tests/stats.
export { wilson, type WilsonInterval } from "./wilson.js";
export { chiSquareTest, type ChiSquareResult } from "./chi-square-test.js";
export { fisherExact } from "./fisher-exact.js";
export { cramersV } from "./cramers-v.js";
