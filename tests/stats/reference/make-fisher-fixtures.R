# Writes tests/stats/reference/fisher-fixtures.json: survey-sized r x c tables (synthetic, from a fixed seed)
# with R's fisher.test p-value where R's FEXACT answers (workspace raised to 2e6) and R's own timing.
# Run from the repository root: Rscript tests/stats/reference/make-fisher-fixtures.R
set.seed(20240513)
shapes <- list(c(3, 3, 200), c(4, 4, 150), c(3, 4, 300), c(4, 5, 250), c(6, 3, 400), c(5, 4, 400),
               c(2, 5, 120), c(3, 3, 60), c(2, 2, 500), c(4, 3, 100))
num <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ","), "]")
items <- character(0)
for (s in shapes) {
  r <- s[1]; c <- s[2]; n <- s[3]
  # Survey-like: uneven margins, mild association, some small cells.
  pr <- outer(rgamma(r, 3), rgamma(c, 3)) * matrix(exp(rnorm(r * c, 0, 0.25)), r, c)
  tab <- matrix(rmultinom(1, n, as.vector(pr)), r, c)
  tab <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
  t0 <- proc.time()[["elapsed"]]
  p <- tryCatch(fisher.test(tab, workspace = 2e6)$p.value, error = function(e) NA)
  secs <- proc.time()[["elapsed"]] - t0
  items <- c(items, sprintf('{"name":"%dx%d n=%d","counts":[%s],"p":%s,"rSeconds":%.4f}', r, c, n,
    paste(apply(tab, 1, num), collapse = ","), if (is.na(p)) "null" else sprintf("%.17g", p), secs))
  cat(sprintf("%dx%d n=%d p=%s %.3fs\n", r, c, n, format(p), secs))
}
writeLines(paste0('{"note":"Written by tests/stats/reference/make-fisher-fixtures.R from synthetic random tables; ',
  R.version.string, '; rSeconds is one timing on the machine that wrote it.",\n"tables":[\n',
  paste(items, collapse = ",\n"), "\n]}"), "tests/stats/reference/fisher-fixtures.json")
