# Writes the reference values for weighted numeric summaries and the design-based rank test, from R's survey
# package (Debian r-base-core 4.2, r-cran-survey 4.1). Run from the repository root:
#   Rscript tests/numeric/reference/make-weighted-numeric.R && npx prettier --write tests/numeric/reference/weighted-numeric.json
# Output: tests/numeric/reference/weighted-numeric.json (committed; the unit tests never need R).
# All data are synthetic: random weighted values in groups from a fixed seed, with ties and missing values.
suppressMessages(library(survey))
set.seed(20261202)

num <- function(x) {
  s <- ifelse(is.na(x), "null", sprintf("%.17g", x))
  paste0("[", paste(s, collapse = ","), "]")
}
one <- function(x) sprintf("%.17g", x)
str1 <- function(x) paste0('"', x, '"')
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(kv), unlist(kv)), collapse = ","), "}")
}

cases <- list(c(2, 40), c(2, 90), c(3, 60), c(5, 200), c(4, 150))
out <- character(0)
for (k in seq_along(cases)) {
  g <- cases[[k]][1]; n <- cases[[k]][2]
  grp <- sample(letters[seq_len(g)], n, replace = TRUE)
  grp[seq_len(g)] <- letters[seq_len(g)]
  # Minutes-like values rounded to 10 (many ties), shifted by group; some missing.
  y <- round(pmax(0, rnorm(n, 150 + 20 * (match(grp, letters) - 1), 80)) / 10) * 10
  y[sample.int(n, max(1, n %/% 15))] <- NA
  w <- round(exp(rnorm(n, 0, 0.5)), 4)
  d <- data.frame(y = y, grp = factor(grp), w = w)
  des <- svydesign(ids = ~1, weights = ~w, data = d)
  m <- svyby(~y, ~grp, des, svymean, na.rm = TRUE)
  # Quartiles per group on the domain (subset keeps the design); svyby with svyquantile and ci = FALSE
  # repeats one group's values in survey 4.1, so each domain is asked for on its own.
  q <- t(sapply(levels(d$grp), function(l)
    as.numeric(svyquantile(~y, subset(des, grp == l), quantiles = c(0.25, 0.5, 0.75), ci = FALSE,
      na.rm = TRUE, qrule = "math")$y[1, ])))
  all_m <- svymean(~y, des, na.rm = TRUE)
  all_q <- svyquantile(~y, des, quantiles = c(0.25, 0.5, 0.75), ci = FALSE, na.rm = TRUE, qrule = "math")
  t <- svyranktest(y ~ grp, des, test = "KruskalWallis")
  # Two groups: a t statistic on n - 2 df; more: an F on (g - 1, n - g) df (the htest names are swapped there).
  if (g == 2) {
    stat <- t$statistic; df1 <- 1; df2 <- t$parameter
  } else {
    stat <- t$parameter / t$statistic; df1 <- t$statistic; df2 <- t$ddf
  }
  out <- c(out, obj(name = str1(sprintf("%d groups n=%d", g, n)), y = num(y), group = paste0("[", paste(str1(grp), collapse = ","), "]"),
    w = num(w), levels = paste0("[", paste(str1(levels(d$grp)), collapse = ","), "]"),
    mean = num(coef(m)), q1 = num(q[, 1]), median = num(q[, 2]), q3 = num(q[, 3]),
    allMean = one(coef(all_m)), allQ = num(as.numeric(all_q$y[1, ])),
    statistic = one(stat), df1 = one(df1), df2 = one(df2), p = one(t$p.value), method = str1(t$method)))
}
writeLines(paste0("[\n", paste(out, collapse = ",\n"), "\n]"), "tests/numeric/reference/weighted-numeric.json")
