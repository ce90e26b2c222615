#!/usr/bin/env python3
"""Make the foreign run files used by DarkScope's reader tests (src/test/resources/foreign/).

Each file holds the same ~200 recorded-data events, written the way other tools write Parquet by
default: float64 instead of float32, int64 instead of int32, nullable columns, dictionary encoding,
no DarkScope metadata, plus a column DarkScope does not know:

  pyarrow-defaults.parquet   pandas DataFrame -> pyarrow.parquet.write_table (snappy)
  duckdb-defaults.parquet    DuckDB COPY ... TO ... (FORMAT PARQUET)        (snappy)
  polars-defaults.parquet    polars DataFrame.write_parquet                  (zstd)

Some values are null (rules below). expected.csv holds every value as DarkScope must load it
(null -> 0, then rounded to the column's type), expected-nulls.txt the number of nulls.

Usage: python3 scripts/make_foreign_parquet.py [OUTDIR]   (needs numpy pandas pyarrow duckdb polars)
"""
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

N = 200
SEED = 20261122
RUN = 777

# Column names of the DarkScope schema (version 1, geometry na64-2018; see docs/run-file-format.md).
ECAL_SEGMENTS = ["ecal_pre", "ecal_main"]
HCAL_MODULES = 4


def cell_names():
    names = [f"{seg}_r{r}c{c}" for seg in ECAL_SEGMENTS for r in range(6) for c in range(6)]
    names += [f"hcal{m}_r{r}c{c}" for m in range(HCAL_MODULES) for r in range(3) for c in range(3)]
    return names


def make_frame():
    rng = np.random.default_rng(SEED)
    d = {}
    d["run"] = np.full(N, RUN, dtype=np.int64)
    d["spill"] = 1 + np.arange(N, dtype=np.int64) // 50
    d["event"] = np.arange(N, dtype=np.int64) + 1000
    d["time_ns"] = np.cumsum(rng.integers(1_000, 5_000_000, N)).astype(np.int64)
    d["p"] = rng.normal(100.0, 1.5, N)
    d["angle"] = np.abs(rng.normal(0.0, 0.3, N))
    d["chi2"] = rng.exponential(1.0, N)
    # an int column with nulls: pandas turns it into float64 with NaN, pyarrow then into nulls
    straw = rng.integers(4, 30, N).astype(np.float64)
    d["straw_hits"] = straw
    for i in range(3):
        d[f"srd{i}_mev"] = rng.exponential(20.0, N)
    for i in range(3):
        d[f"veto{i}_mip"] = rng.exponential(0.3, N)
    for name in cell_names():
        e = rng.exponential(2.0, N)
        e[rng.random(N) < 0.6] = 0.0  # most cells are empty
        d[name] = e
    d["comment"] = ["foreign file" if i % 2 else "unknown column, ignored" for i in range(N)]
    df = pd.DataFrame(d)
    # nulls (rules documented above and in expected-nulls.txt)
    df.loc[df.index % 17 == 3, "p"] = np.nan
    df.loc[df.index % 11 == 0, "straw_hits"] = np.nan
    df.loc[df.index % 23 == 5, "ecal_main_r2c3"] = np.nan
    return df


def expected(df):
    """Values as DarkScope loads them: null -> 0, floats to float32, ints to int32/int64."""
    e = df.drop(columns=["comment"]).fillna(0.0)
    for c in e.columns:
        if c in ("run", "spill", "event", "straw_hits"):
            e[c] = e[c].astype(np.int32)
        elif c == "time_ns":
            e[c] = e[c].astype(np.int64)
        else:
            e[c] = e[c].astype(np.float32).astype(np.float64)
    return e


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("src/test/resources/foreign")
    out.mkdir(parents=True, exist_ok=True)
    df = make_frame()
    nulls = int(df.isna().sum().sum())

    # pyarrow with default settings (preserve_index=False only to avoid a pandas index column)
    table = pa.Table.from_pandas(df, preserve_index=False)
    pq.write_table(table, out / "pyarrow-defaults.parquet")

    import duckdb
    con = duckdb.connect()
    con.register("df", df)
    target = str(out / "duckdb-defaults.parquet").replace("'", "''")
    con.execute(f"COPY (SELECT * FROM df) TO '{target}' (FORMAT PARQUET)")

    import polars as pl
    pl.from_pandas(df).write_parquet(out / "polars-defaults.parquet")

    # %.17g keeps doubles exact; the Java test casts to float as the reader does
    expected(df).to_csv(out / "expected.csv", index=False, float_format="%.17g")
    (out / "expected-nulls.txt").write_text(f"{nulls}\n")
    for f in sorted(out.glob("*.parquet")):
        md = pq.read_metadata(f)
        col = md.row_group(0).column(md.schema.names.index("p"))
        print(f"{f.name}: {md.num_rows} rows, {md.num_columns} columns, {md.num_row_groups} row groups, "
              f"p: {md.schema.column(md.schema.names.index('p')).physical_type} {col.compression} {col.encodings}")
    print(f"{nulls} nulls")


if __name__ == "__main__":
    main()
