#!/usr/bin/env bash
# Copies statsmodels' US quarterly macro data (1959Q1-2009Q3, public domain) to data/real/macrodata.csv.
# Needs: apt-get install -y python3-statsmodels. Run from the repository root.
set -euo pipefail
out="${1:-data/real}"
mkdir -p "$out"
/usr/bin/python3 - "$out" <<'PY'
import sys, csv
from statsmodels.datasets import macrodata
frame = macrodata.load_pandas().data
path = sys.argv[1] + "/macrodata.csv"
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(list(frame.columns))
    for row in frame.itertuples(index=False):
        w.writerow([int(v) if name in ("year", "quarter") else repr(float(v)) for name, v in zip(frame.columns, row)])
print(f"macrodata.csv {len(frame)} rows {len(frame.columns)} columns")
PY
