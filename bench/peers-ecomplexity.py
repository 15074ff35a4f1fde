"""Time py-ecomplexity's ecomplexity() in-process on a long CSV (region, industry, value) — for bench/peers.bench.ts.

Usage: python3 bench/peers-ecomplexity.py FILE.csv [RUNS]
The package is imported from $PY_ECOMPLEXITY_DIR when set (a checkout of github.com/Growth-Lab/py-ecomplexity), else
from the installed packages. Prints one JSON line: {"seconds": [...], "rows": N, "versions": {...}}. Reading the CSV
and importing the libraries are not timed (the recorded peer figure is ecomplexity() alone).
"""
import json
import os
import sys
import time
import warnings

if os.environ.get("PY_ECOMPLEXITY_DIR"):
    sys.path.insert(0, os.environ["PY_ECOMPLEXITY_DIR"])

import numpy  # noqa: E402
import pandas  # noqa: E402
import sklearn  # noqa: E402
from ecomplexity import ecomplexity  # noqa: E402

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
data = pandas.read_csv(path, dtype={"region": str, "industry": str, "value": float})
data["year"] = 2020
cols = {"time": "year", "loc": "region", "prod": "industry", "val": "value"}
seconds = []
rows = 0
for _ in range(runs):
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = ecomplexity(data, cols, verbose=False)
    seconds.append(time.perf_counter() - started)
    rows = len(out)
print(json.dumps({"seconds": seconds, "rows": rows, "versions": {"python": sys.version.split()[0], "numpy": numpy.__version__, "pandas": pandas.__version__, "sklearn": sklearn.__version__}}))
