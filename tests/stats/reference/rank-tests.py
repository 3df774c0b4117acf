"""Reference values for tests/stats/rank-tests.test.ts: scipy's mannwhitneyu, kruskal and spearmanr.

Run from the project root with Debian's scipy:
    /usr/bin/python3 tests/stats/reference/rank-tests.py > tests/stats/reference/rank-tests.json && npx prettier --write tests/stats/reference/rank-tests.json
Inputs are small invented samples (some drawn from a seeded generator, rounded to create ties); none is survey
data. The script records scipy's version with the values.
"""
import json

import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(20261201)
minutes_a = [float(v) for v in np.round(rng.gamma(2.0, 60.0, 40) / 15) * 15]  # ties: rounded to 15 minutes
minutes_b = [float(v) for v in np.round(rng.gamma(2.4, 60.0, 55) / 15) * 15]
minutes_c = [float(v) for v in np.round(rng.gamma(1.8, 60.0, 31) / 15) * 15]
smooth_a = [float(v) for v in np.round(rng.normal(10, 3, 12), 6)]
smooth_b = [float(v) for v in np.round(rng.normal(12, 3, 15), 6)]

mwu_cases = [
    ("exact, small untied", [1, 4, 2, 7], [3, 9, 8, 10, 6], {}),
    ("exact, one group of 8 and one of 30", [0.5, 2.25, 7.5, 1.0, 3.5, 11.0, 4.75, 9.5],
     [float(v) for v in np.round(rng.normal(6, 3, 30), 6)], {}),
    ("asymptotic, ties (minutes rounded to 15)", minutes_a, minutes_b, {}),
    ("asymptotic, no continuity correction", minutes_a, minutes_b, {"use_continuity": False}),
    ("asymptotic, both groups above 8, untied", smooth_a, smooth_b, {}),
    ("forced asymptotic on a small untied sample", [1, 4, 2, 7], [3, 9, 8, 10, 6], {"method": "asymptotic"}),
    ("forced exact on 12 vs 15 untied", smooth_a, smooth_b, {"method": "exact"}),
]
mwu = []
for name, x, y, kw in mwu_cases:
    r = stats.mannwhitneyu(x, y, alternative="two-sided", **kw)
    mwu.append({"name": name, "x": x, "y": y, "options": kw, "U": float(r.statistic), "p": float(r.pvalue)})

kw_cases = [
    ("R's kruskal.test example (Hollander & Wolfe)", [[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]]),
    ("three groups of minutes with ties", [minutes_a, minutes_b, minutes_c]),
    ("two groups (equals the uncorrected rank-sum chi-square)", [smooth_a, smooth_b]),
]
kruskal = []
for name, groups in kw_cases:
    r = stats.kruskal(*groups)
    kruskal.append({"name": name, "groups": groups, "statistic": float(r.statistic), "p": float(r.pvalue)})

conf = [int(v) for v in rng.integers(1, 6, 40)]  # a 1-5 Likert score, heavily tied
mins = [float(v) for v in np.round(0.4 * np.array(conf) * 60 + rng.gamma(2.0, 40.0, 40) / 15) * 15]
sp_cases = [
    ("scipy docs example", [1, 2, 3, 4, 5], [5, 6, 7, 8, 7]),
    ("minutes vs a 1-5 score (ties)", mins, conf),
    ("negative association, untied", smooth_a, [-v + 0.1 * i for i, v in enumerate(smooth_a)]),
]
spear = []
for name, x, y in sp_cases:
    r = stats.spearmanr(x, y)
    spear.append({"name": name, "x": x, "y": y, "rho": float(r.correlation), "p": float(r.pvalue)})

print(json.dumps({"scipy": scipy.__version__, "mannWhitney": mwu, "kruskalWallis": kruskal, "spearman": spear}, indent=1))
