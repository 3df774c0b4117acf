# Writes the reference values that tests/strata/weighted-strata.test.ts holds the weighted stratified test to,
# from R and its survey package (Debian r-base-core, r-cran-survey). Run from the repository root:
#   Rscript tests/strata/reference/make-weighted-strata.R
# Output: tests/strata/reference/weighted-strata.json (committed; the unit tests never need R).
# All data are synthetic: random weighted respondents (binary outcome y, breakdown by, stratum s) from a fixed seed.
suppressMessages(library(survey))
set.seed(20261202)

num <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ","), "]")
strs <- function(x) paste0("[", paste0('"', x, '"', collapse = ","), "]")
one <- function(x) sprintf("%.17g", x)
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(kv), unlist(kv)), collapse = ","), "}")
}

# name, respondents, levels of by, strata
shapes <- list(
  list("n150 by2 K2", 150, 2, 2), list("n300 by3 K3", 300, 3, 3), list("n400 by2 K5", 400, 2, 5),
  list("n250 by3 K4", 250, 3, 4), list("n600 by3 K5", 600, 3, 5), list("n120 by2 K3", 120, 2, 3)
)
out <- character(0)
for (sh in shapes) {
  n <- sh[[2]]; nb <- sh[[3]]; K <- sh[[4]]
  s <- sample(paste0("S", seq_len(K)), n, replace = TRUE)
  by <- sample(LETTERS[seq_len(nb)], n, replace = TRUE)
  # Outcome depends on stratum and (a little) on by; weights vary by stratum and at random (design effects).
  eta <- -0.3 + 0.4 * (match(s, sort(unique(s))) - 1) / K + 0.5 * (by == "B") - 0.3 * (by == "C")
  y <- ifelse(runif(n) < plogis(eta), "Yes", "No")
  w <- round(exp(rnorm(n, 0, 0.5)) * (1 + match(s, sort(unique(s))) / K), 4)
  d <- data.frame(y01 = as.integer(y == "Yes"), by = factor(by), s = factor(s), w = w)
  des <- svydesign(ids = ~1, weights = ~w, data = d)
  fit <- svyglm(y01 ~ s + by, design = des, family = quasibinomial())
  tt <- regTermTest(fit, ~by)
  # Per-stratum Rao-Scott F (svychisq default), for the per-stratum tests end to end.
  per <- sapply(levels(d$s), function(k) {
    # Each stratum's table on its own respondents, as the per-stratum weighted cross-tab (not a domain).
    dk <- svydesign(ids = ~1, weights = ~w, data = d[d$s == k, ])
    svychisq(~y01 + by, dk)$p.value
  })
  out <- c(out, obj(
    name = paste0('"', sh[[1]], '"'),
    y = strs(y), by = strs(by), s = strs(s), w = num(w),
    F = one(as.numeric(tt$Ftest)), df = one(tt$df), ddf = one(tt$ddf), p = one(as.numeric(tt$p)),
    coef = num(coef(fit)), vcov = num(as.vector(vcov(fit))),
    strata = strs(levels(d$s)), stratumP = num(unname(per))
  ))
}
writeLines(paste0("[\n", paste(out, collapse = ",\n"), "\n]"), "tests/strata/reference/weighted-strata.json")
cat("wrote", length(out), "data sets\n")
