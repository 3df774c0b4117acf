# Reference values for tests/stats/mantel-haenszel.test.ts: R's mantelhaen.test on R's own data sets and on
# small invented tables (not survey data). Run from the project root:
#   Rscript tests/stats/reference/mantelhaen.R > tests/stats/reference/mantelhaen.json && npx prettier --write tests/stats/reference/mantelhaen.json
# Tables are written as strata[k][row][col] (R arrays are x[row, col, stratum]).
strata_of <- function(x) lapply(seq_len(dim(x)[3]), function(k) unname(lapply(seq_len(dim(x)[1]), function(i) unname(as.numeric(x[i, , k])))))
num <- function(v) if (is.null(v)) "null" else sprintf("%.17g", v)
case <- function(name, x, correct = TRUE, level = 0.95) {
  t <- mantelhaen.test(x, correct = correct, conf.level = level)
  rows <- strata_of(x)
  json_tables <- paste0("[", paste(sapply(rows, function(s) paste0("[", paste(sapply(s, function(r) paste0("[", paste(r, collapse = ","), "]")), collapse = ","), "]")), collapse = ","), "]")
  est <- if (is.null(t$estimate)) "null" else num(unname(t$estimate))
  lo <- if (is.null(t$conf.int)) "null" else num(t$conf.int[1])
  hi <- if (is.null(t$conf.int)) "null" else num(t$conf.int[2])
  sprintf('{"name":"%s","correct":%s,"level":%s,"tables":%s,"statistic":%s,"df":%s,"p":%s,"oddsRatio":%s,"lower":%s,"upper":%s}',
          name, tolower(correct), num(level), json_tables, num(unname(t$statistic)), num(unname(t$parameter)), num(t$p.value), est, lo, hi)
}
Rabbits <- array(c(0, 0, 6, 5, 3, 0, 3, 6, 6, 2, 0, 4, 5, 6, 1, 0, 2, 5, 0, 0), dim = c(2, 2, 5))
# R's ?mantelhaen.test: job satisfaction by income, two strata of gender (4 x 4 x 2)
Satisfaction <- as.table(array(c(1, 2, 0, 0, 3, 3, 1, 2, 11, 17, 8, 4, 2, 3, 5, 2,
                                 1, 0, 0, 0, 1, 3, 0, 1, 2, 5, 7, 9, 1, 1, 3, 6), dim = c(4, 4, 2)))
invented23 <- array(c(12, 7, 9, 14, 5, 11,  8, 10, 6, 9, 12, 7,  15, 4, 10, 9, 6, 13,  9, 9, 7, 12, 11, 5), dim = c(2, 3, 4))
invented22 <- array(c(12, 30, 4, 23,  9, 14, 6, 20,  15, 22, 7, 31), dim = c(2, 2, 3))
cases <- c(
  case("UCBAdmissions", UCBAdmissions),
  case("UCBAdmissions uncorrected 90%", UCBAdmissions, correct = FALSE, level = 0.9),
  case("Rabbits", Rabbits),
  case("Rabbits uncorrected", Rabbits, correct = FALSE),
  case("Satisfaction 4x4x2", Satisfaction),
  case("invented 2x3x4", invented23),
  case("invented 2x2x3", invented22)
)
cat("[\n", paste(cases, collapse = ",\n"), "\n]\n", sep = "")
