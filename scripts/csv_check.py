#!/usr/bin/env python3
"""Reads DarkScope's CSV tables back with pandas and checks they are machine-readable.

Usage: python3 scripts/csv_check.py FILE.csv [FILE.csv ...]

Every column after the first (the row label: cut name, signal run) must be numeric, headers must be
unique (runs told apart by process and mass), and no cell may hold units, percent signs or intervals.
Exit code 0 when every file passes, 1 otherwise.
"""
import sys

import pandas as pd


def check(path):
    df = pd.read_csv(path, index_col=0)
    problems = []
    if len(set(df.columns)) != len(df.columns):
        problems.append("duplicate headers")
    for c in df.columns:
        if not pd.api.types.is_numeric_dtype(df[c]):
            bad = df[c][pd.to_numeric(df[c], errors="coerce").isna() & df[c].notna()].head(3).tolist()
            problems.append(f"column {c!r} is not numeric (e.g. {bad})")
    return df, problems


def main(files):
    ok = True
    for f in files:
        df, problems = check(f)
        status = "ok" if not problems else "FAILED: " + "; ".join(problems)
        print(f"{f}: {df.shape[0]} rows x {df.shape[1]} numeric columns: {status}")
        ok &= not problems
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
