# Reference weights for tests/weight/weights.test.ts from R's survey package (postStratify, rake, trimWeights).
# Run from the project root (then format the JSON with prettier, as the repository checks):
#   Rscript tests/weight/reference/weights.R > tests/weight/reference/weights.json && npx prettier --write tests/weight/reference/weights.json
# The sample is invented (seeded), shaped like the Link Worker survey: an area, a yes/no flag and a band.
suppressMessages(library(survey))
set.seed(16)
n <- 80
d <- data.frame(
  area = sample(c("Cheshire", "Cumbria", "Lancashire", "Merseyside"), n, replace = TRUE, prob = c(0.15, 0.2, 0.4, 0.25)),
  trained = sample(c("No", "Yes"), n, replace = TRUE, prob = c(0.75, 0.25)),
  band = sample(c("Inactive", "Fairly active", "Active"), n, replace = TRUE, prob = c(0.2, 0.3, 0.5)),
  stringsAsFactors = FALSE
)
d$w0 <- round(runif(n, 0.5, 2), 3)
des <- svydesign(ids = ~1, data = d, weights = rep(1, n))
desw <- svydesign(ids = ~1, data = d, weights = ~w0)
area_pop <- data.frame(area = c("Cheshire", "Cumbria", "Lancashire", "Merseyside"), Freq = c(30, 25, 60, 45))
trained_pop <- data.frame(trained = c("No", "Yes"), Freq = c(120, 40))
band_pop <- data.frame(band = c("Inactive", "Fairly active", "Active"), Freq = c(40, 56, 64))
ctl <- list(maxit = 200, epsilon = 1e-12)

ps <- postStratify(des, ~area, area_pop)
psw <- postStratify(desw, ~area, area_pop)
rk <- rake(des, list(~area, ~trained), list(area_pop, trained_pop), control = ctl)
rk3 <- rake(desw, list(~area, ~trained, ~band), list(area_pop, trained_pop, band_pop), control = ctl)
tr <- trimWeights(rk3, upper = 3, lower = 1, strict = TRUE)

num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ","), "]")
str <- function(v) paste0("[", paste0('"', v, '"', collapse = ","), "]")
cat(sprintf('{"survey":"%s","data":{"area":%s,"trained":%s,"band":%s,"w0":%s},
"postStratify":%s,
"postStratifyWeighted":%s,
"rake2":%s,
"rake3Weighted":%s,
"rake3WeightedTrimmed_1_3":%s}\n',
  as.character(packageVersion("survey")), str(d$area), str(d$trained), str(d$band), num(d$w0),
  num(weights(ps)), num(weights(psw)), num(weights(rk)), num(weights(rk3)), num(weights(tr))))
