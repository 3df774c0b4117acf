# Writes the reference values that tests/stats/*.test.ts hold our statistics to, from R and its survey
# package (Debian r-base-core, r-cran-survey). Run from the repository root:
#   Rscript tests/stats/reference/make-survey-fixtures.R
# Output: tests/stats/reference/survey-fixtures.json (committed; the unit tests never need R).
# All data are synthetic: random weighted respondent-level tables from a fixed seed.
suppressMessages(library(survey))
set.seed(20240512)

num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "1e308", "-1e308"), sprintf("%.17g", x)))
  paste0("[", paste(s, collapse = ","), "]")
}
one <- function(x) sprintf("%.17g", x)
str1 <- function(x) paste0('"', gsub('"', '\\\\"', x), '"')
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(kv), unlist(kv)), collapse = ","), "}")
}
arr <- function(items) paste0("[\n", paste(items, collapse = ",\n"), "\n]")

# --- Rao-Scott tests (svychisq) and svyciprop intervals on random weighted tables ---------------------------
shapes <- list(c(2, 2, 80), c(2, 3, 150), c(3, 3, 300), c(3, 4, 240), c(4, 5, 600), c(5, 3, 120), c(2, 6, 400), c(3, 3, 60))
rao <- character(0)
share <- character(0)
for (k in seq_along(shapes)) {
  r <- shapes[[k]][1]; c <- shapes[[k]][2]; n <- shapes[[k]][3]
  # Unequal cell probabilities with some association; weights vary by row level and at random (design effects).
  pr <- prop.table(matrix(rgamma(r * c, shape = 2), r, c) + outer(seq_len(r), seq_len(c)) / (r * c))
  cell <- sample.int(r * c, n, replace = TRUE, prob = as.vector(pr))
  row <- (cell - 1) %% r; col <- (cell - 1) %/% r
  # Every level must occur (svychisq counts only levels present); re-draw a few respondents if not.
  row[seq_len(r)] <- seq_len(r) - 1; col[r + seq_len(c)] <- seq_len(c) - 1
  w <- round(exp(rnorm(n, 0, 0.6)) * (1 + row * (k %% 3)), 4)
  d <- data.frame(row = factor(row), col = factor(col), w = w, y = as.numeric(col == 0))
  des <- svydesign(ids = ~1, weights = ~w, data = d)
  f <- svychisq(~row + col, des)
  ch <- svychisq(~row + col, des, statistic = "Chisq")
  raw <- suppressWarnings(chisq.test(svytable(~row + col, des, Ntotal = n), correct = FALSE))
  rao <- c(rao, obj(name = str1(sprintf("%dx%d n=%d", r, c, n)), rowCodes = num(row), colCodes = num(col),
    weights = num(w), pearson = one(raw$statistic), F = one(f$statistic), ndf = one(f$parameter[1]),
    ddf = one(f$parameter[2]), pF = one(f$p.value), chisqAdjusted = one(ch$statistic / 1), pChisq = one(ch$p.value),
    df = one(ch$parameter[1]), method = str1(f$method)))
  # Share of col == 0 in the whole sample and within the domain row == 0 (a crosstab row percentage).
  for (domain in c(FALSE, TRUE)) {
    dd <- if (domain) subset(des, row == 0) else des
    xl <- svyciprop(~y, dd, method = "xlogit")
    lg <- svyciprop(~y, dd, method = "logit")
    mn <- svyciprop(~y, dd, method = "mean")
    share <- c(share, obj(name = str1(sprintf("%dx%d n=%d%s", r, c, n, if (domain) " domain row 0" else "")),
      y = num(d$y), weights = num(w), inDomain = num(if (domain) as.numeric(row == 0) else rep(1, n)),
      estimate = one(coef(xl)), df = one(degf(dd)),
      xlogit = num(as.vector(confint(xl))), logit = num(as.vector(confint(lg))), mean = num(as.vector(confint(mn)))))
  }
}

# --- p.adjust ----------------------------------------------------------------------------------------------------
padj <- character(0)
for (k in 1:6) {
  m <- c(3, 5, 8, 15, 15, 40)[k]
  p <- if (k == 5) c(rep(0.01, 5), runif(10)) else signif(c(runif(m %/% 3, 0, 0.01), runif(m - m %/% 3)), 6)
  if (k == 6) p[c(3, 7)] <- NA
  padj <- c(padj, obj(p = num(p), holm = num(p.adjust(p, "holm")), BH = num(p.adjust(p, "BH")),
    bonferroni = num(p.adjust(p, "bonferroni"))))
}

# --- column-proportion z-tests: prop.test without continuity correction, pairs within each row --------------
colprop <- character(0)
for (k in 1:3) {
  r <- c(2, 3, 4)[k]; c <- c(3, 4, 5)[k]
  tab <- matrix(rpois(r * c, sample(c(8, 20, 40), r * c, replace = TRUE)), r, c)
  pairs <- character(0)
  for (i in seq_len(r)) for (a in 1:(c - 1)) for (b in (a + 1):c) {
    pt <- suppressWarnings(prop.test(c(tab[i, a], tab[i, b]), colSums(tab)[c(a, b)], correct = FALSE))
    pairs <- c(pairs, obj(row = one(i - 1), a = one(a - 1), b = one(b - 1), p = one(pt$p.value)))
  }
  colprop <- c(colprop, obj(counts = paste0("[", paste(apply(tab, 1, num), collapse = ","), "]"), pairs = arr(pairs)))
}

out <- paste0("{\n",
  '"note": "Written by tests/stats/reference/make-survey-fixtures.R from synthetic random data; ', R.version.string,
  ", survey ", as.character(packageVersion("survey")), '",\n',
  '"raoScott": ', arr(rao), ",\n",
  '"svyciprop": ', arr(share), ",\n",
  '"pAdjust": ', arr(padj), ",\n",
  '"columnProportions": ', arr(colprop), "\n}\n")
writeLines(out, "tests/stats/reference/survey-fixtures.json")
cat("wrote tests/stats/reference/survey-fixtures.json\n")
