"""Independent derivation of the reference values used in tests/stats/*.test.ts.

Run with `python3 tests/stats/reference/derive.py` (needs mpmath and numpy only). Nothing here calls the
TypeScript code: chi-square statistics are exact rationals (fractions), p-values come from mpmath's
closed forms at 40 digits, 2 x 2 Fisher p-values are exact hypergeometric sums, and r x c Fisher p-values are
brute-force enumerations of every table with the observed margins (float64, compared with relErr 1 + 1e-7
as R's fisher.test does).
"""
from fractions import Fraction as F
from itertools import product
from math import comb, lgamma
import mpmath as mp
import numpy as np

mp.mp.dps = 40
Z975 = mp.sqrt(2) * mp.erfinv(mp.mpf("0.95"))  # standard normal 0.975 quantile


def wilson(x, n, level=mp.mpf("0.95")):
    z = mp.sqrt(2) * mp.erfinv(level)
    p = mp.mpf(x) / n
    denom = 1 + z**2 / n
    center = (p + z**2 / (2 * n)) / denom
    dist = z * mp.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    return center - dist, center + dist


def chisq(obs, correction=True):
    r, c = len(obs), len(obs[0])
    rs = [sum(row) for row in obs]
    cs = [sum(obs[i][j] for i in range(r)) for j in range(c)]
    n = sum(rs)
    df = (r - 1) * (c - 1)
    stat = F(0)
    for i in range(r):
        for j in range(c):
            e = F(rs[i] * cs[j], n)
            d = abs(obs[i][j] - e)
            if correction and df == 1:
                d -= min(F(1, 2), d)
            stat += d * d / e
    # upper tail of chi-square: df 1 -> erfc(sqrt(x/2)); general -> regularized upper gamma
    p = mp.gammainc(mp.mpf(df) / 2, mp.mpf(stat.numerator) / stat.denominator / 2, mp.inf, regularized=True)
    return stat, df, p


def fisher2x2(t):
    (a, b), (c, d) = t
    r1, c1, n = a + b, a + c, a + b + c + d
    lo, hi = max(0, r1 + c1 - n), min(r1, c1)
    probs = {x: F(comb(c1, x) * comb(n - c1, r1 - x), comb(n, r1)) for x in range(lo, hi + 1)}
    obs = probs[a]
    return sum(p for p in probs.values() if p <= obs * F(10**7 + 1, 10**7)), probs


def allocations(total, caps):
    """Every vector x with sum total and 0 <= x_i <= caps_i."""
    if len(caps) == 1:
        if total <= caps[0]:
            yield (total,)
        return
    for x in range(min(total, caps[0]) + 1):
        for rest in allocations(total - x, caps[1:]):
            yield (x,) + rest


LF = np.array([lgamma(k + 1) for k in range(2001)])


def fisher_rc(t):
    """Brute force: enumerate columns 1..c-2, vectorise column c-1, column c is forced."""
    r, c = len(t), len(t[0])
    rs = [sum(row) for row in t]
    cs = [sum(t[i][j] for i in range(r)) for j in range(c)]
    n = sum(rs)
    k = LF[rs].sum() + LF[cs].sum() - LF[n]
    s_obs = sum(LF[x] for row in t for x in row)
    thr = s_obs - np.log1p(1e-7)
    total = [0.0, 0.0, 0]

    def rec(j, rem, s):
        if j == c - 2:
            alloc = np.array(list(allocations(cs[j], rem)))
            last = np.array(rem)[None, :] - alloc
            ok = (last >= 0).all(axis=1)
            alloc, last = alloc[ok], last[ok]
            ss = s + LF[alloc].sum(axis=1) + LF[last].sum(axis=1)
            pr = np.exp(k - ss)
            total[0] += pr[ss >= thr].sum()
            total[1] += pr.sum()
            total[2] += len(ss)
            return
        for a in allocations(cs[j], rem):
            rec(j + 1, [rem[i] - a[i] for i in range(r)], s + sum(LF[x] for x in a))

    rec(0, rs, 0.0)
    return total[0], total[1], total[2]


def show(name, value):
    print(f"{name}: {mp.nstr(value, 17) if not isinstance(value, float) else repr(value)}")


if __name__ == "__main__":
    print("== wilson (statsmodels formula, z = sqrt(2) erfinv(level)) ==")
    show("z 0.975", Z975)
    for x, n, lvl in [(0, 10, "0.95"), (10, 10, "0.95"), (7, 20, "0.95"), (81, 263, "0.95"), (15, 148, "0.95"),
                      (0, 20, "0.95"), (1, 29, "0.95"), (3, 7, "0.90"), (45, 50, "0.99")]:
        lo, hi = wilson(x, n, mp.mpf(lvl))
        print(f"wilson({x}, {n}, {lvl}): lower {mp.nstr(lo, 17)} upper {mp.nstr(hi, 17)}")

    print("== chi-square ==")
    for obs, corr in [([[762, 327, 468], [484, 239, 477]], True), ([[10, 10, 20], [20, 20, 20]], True),
                      ([[10, 20], [30, 40]], True), ([[10, 20], [30, 40]], False),
                      ([[176, 230], [21035, 21018]], True), ([[5, 5], [5, 6]], True),
                      ([[300, 0, 100], [0, 300, 100]], True), ([[520, 10], [15, 480]], False)]:
        stat, df, p = chisq(obs, corr)
        print(f"{obs} correction={corr}: stat {stat} = {mp.nstr(mp.mpf(stat.numerator) / stat.denominator, 17)}"
              f" df {df} p {mp.nstr(p, 17)}")

    print("== cramer's V (uncorrected chi-square) ==")
    for obs in [[[100, 150], [203, 322], [420, 700], [320, 210]], [[10, 20], [30, 40]]]:
        stat, df, _ = chisq(obs, False)
        n = sum(map(sum, obs))
        v = mp.sqrt(mp.mpf(stat.numerator) / stat.denominator / (n * (min(len(obs), len(obs[0])) - 1)))
        print(f"{obs}: chi2 {stat} V {mp.nstr(v, 17)}")

    print("== fisher 2 x 2 (exact hypergeometric sums) ==")
    for t in [[[3, 1], [1, 3]], [[2, 15], [10, 3]], [[6, 2], [1, 4]], [[8, 2], [1, 5]], [[0, 5], [5, 0]]]:
        p, probs = fisher2x2(t)
        print(f"{t}: p {p} = {mp.nstr(mp.mpf(p.numerator) / p.denominator, 17)}")
        print("   probs", {x: str(v) for x, v in probs.items()})

    print("== fisher r x c (brute force) ==")
    job = [[1, 3, 10, 6], [2, 3, 10, 7], [1, 6, 14, 12], [0, 1, 9, 11]]
    for t in [job, [[12, 5, 9, 3, 7], [4, 10, 6, 8, 2]], [[8, 3, 5, 2], [4, 9, 1, 6], [2, 5, 7, 3]],
              [[3, 0, 1], [0, 4, 0], [1, 0, 3]]]:
        p, tot, count = fisher_rc(t)
        print(f"{t}: p {p!r} (total probability {tot!r}, {count} tables)")
