# Writes the reference values for weighted co-occurrence shares (options ticked together) from R's survey
# package (Debian r-base-core 4.2, r-cran-survey 4.1). Run from the repository root:
#   Rscript tests/multi-select/reference/make-weighted-pairs.R && npx prettier --write tests/multi-select/reference/weighted-pairs.json
# Output: tests/multi-select/reference/weighted-pairs.json (committed; the unit tests never need R).
# Synthetic data: a random tick-all-that-apply question (4 options, some unanswered rows) with random weights.
suppressMessages(library(survey))
set.seed(20261203)
num <- function(x) paste0("[", paste(ifelse(is.na(x), "null", sprintf("%.17g", x)), collapse = ","), "]")
n <- 120
opts <- c("A", "B", "C", "D")
tick <- sapply(c(0.5, 0.35, 0.2, 0.1), function(p) rbinom(n, 1, p))
answered <- rbinom(n, 1, 0.9) == 1
w <- round(exp(rnorm(n, 0, 0.6)), 4)
rows <- sapply(seq_len(n), function(i) if (!answered[i]) "null" else
  paste0("[", paste0('"', opts[tick[i, ] == 1], '"', collapse = ","), "]"))
rows <- gsub("^\\[\"\"\\]$", "[]", rows)
d <- data.frame(w = w, answered = answered)
out <- character(0)
for (i in 1:4) for (j in i:4) {
  d$both <- as.numeric(tick[, i] == 1 & tick[, j] == 1 & answered)
  des <- svydesign(ids = ~1, weights = ~w, data = d)
  ci <- svyciprop(~both, subset(des, answered), method = "xlogit")
  out <- c(out, sprintf('{"a":"%s","b":"%s","n":%d,"share":%.17g,"lower":%.17g,"upper":%.17g}', opts[i], opts[j],
    sum(d$both), coef(ci), confint(ci)[1], confint(ci)[2]))
}
writeLines(sprintf('{"rows":[%s],"w":%s,"pairs":[\n%s\n]}', paste(rows, collapse = ","), num(w),
  paste(out, collapse = ",\n")), "tests/multi-select/reference/weighted-pairs.json")
