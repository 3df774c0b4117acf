"""pandas crosstab on the benchmark's synthetic data (written by bench/case.ts impl "export").

Usage: python3 bench/pandas_crosstab.py BASE N REPS  -> one JSON line per case on stdout.
The codes are turned into object (string) columns first, as read_csv would give, so pandas does the same
work as crosstab() on an arquero table of strings.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

base, n, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
levels = json.load(open(base + ".levels.json"))
source = np.array(levels["source"], dtype=object)[np.fromfile(base + ".source.u8", dtype=np.uint8)]
age = np.array(levels["age_band"], dtype=object)[np.fromfile(base + ".age.u8", dtype=np.uint8)]
weight = np.fromfile(base + ".weight.f64", dtype=np.float64)
df = pd.DataFrame({"source": source, "age_band": age, "weight": weight})
data_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(f):
    t0 = time.perf_counter()
    f()
    return (time.perf_counter() - t0) * 1000


cases = {
    "crosstab": lambda: pd.crosstab(df["source"], df["age_band"]),
    "weighted-crosstab": lambda: pd.crosstab(df["source"], df["age_band"], values=df["weight"], aggfunc="sum"),
}
for op, f in cases.items():
    runs = [timed(f) for _ in range(reps)]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "n": n, "op": op, "impl": "pandas", "reps": reps, "medianMs": float(np.median(runs)), "runs": runs,
        "dataRssMB": round(data_rss, 1), "peakRssMB": round(peak, 1), "opPeakMB": round(peak - data_rss, 1),
        "pandas": pd.__version__,
    }))
