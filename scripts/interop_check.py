#!/usr/bin/env python3
"""Open a DarkScope run file with pyarrow, polars and DuckDB and check that they all see the same
run: columns, row count, the darkscope.run metadata, and a few values (E_ECAL = sum of the ECAL
cells, E_HCAL = sum of the HCAL cells, e_total = ecal + hcal, non-nullable ZSTD columns).

Usage: python3 scripts/interop_check.py RUN.parquet      (needs numpy pyarrow polars duckdb)
Exit code 0 if every check passes, 1 otherwise.
"""
import json
import re
import sys

import numpy as np
import pyarrow.parquet as pq

RTOL = 1e-5   # float32 sums: relative tolerance
ATOL = 1e-4   # GeV


def main(path):
    failures = []

    def check(ok, what):
        print(("  ok    " if ok else "  FAIL  ") + what)
        if not ok:
            failures.append(what)

    print(f"== pyarrow: {path}")
    pf = pq.ParquetFile(path)
    md = pf.metadata
    kv = {k.decode(): v.decode() for k, v in (md.metadata or {}).items()}
    table = pf.read()
    names = table.column_names
    print(f"  {md.num_rows} rows, {len(names)} columns, {md.num_row_groups} row groups, created by {md.created_by}")
    print(f"  columns: {', '.join(names[:40])}, ... , {names[-1]}")
    print(f"  types: " + ", ".join(sorted({str(f.type) for f in table.schema})))
    print(f"  darkscope.schema_version = {kv.get('darkscope.schema_version')}")
    run_meta = json.loads(kv["darkscope.run"]) if "darkscope.run" in kv else None
    print(f"  darkscope.run = {json.dumps(run_meta, indent=None)}")
    check(run_meta is not None, "darkscope.run metadata present and valid JSON")
    check(all(not f.nullable for f in table.schema), "every column non-nullable")
    codecs = {md.row_group(g).column(c).compression for g in range(md.num_row_groups) for c in range(md.num_columns)}
    check(codecs == {"ZSTD"}, f"compression {sorted(codecs)}")

    ecal_cells = [n for n in names if re.fullmatch(r"ecal_(pre|main)_r\d+c\d+", n)]
    hcal_cells = [n for n in names if re.fullmatch(r"hcal\d+_r\d+c\d+", n)]
    check(len(ecal_cells) == 72 and len(hcal_cells) == 36, f"{len(ecal_cells)} ECAL and {len(hcal_cells)} HCAL cell columns")
    col = lambda n: table.column(n).to_numpy().astype(np.float64)
    ecal_sum = sum(col(n) for n in ecal_cells)
    hcal_sum = sum(col(n) for n in hcal_cells)
    check(np.allclose(col("ecal"), ecal_sum, rtol=RTOL, atol=ATOL), "ecal == sum of ECAL cells")
    check(np.allclose(col("hcal"), hcal_sum, rtol=RTOL, atol=ATOL), "hcal == sum of HCAL cells")
    check(np.allclose(col("e_total"), col("ecal") + col("hcal"), rtol=RTOL, atol=ATOL), "e_total == ecal + hcal")
    if run_meta is not None and "run" in names:
        check(bool(np.all(table.column("run").to_numpy() == run_meta["runNumber"])), "run column == runNumber")

    print("== polars")
    import polars as pl
    df = pl.read_parquet(path)
    print(f"  shape {df.shape}, first columns {df.columns[:8]}")
    print(f"  ecal: mean {df['ecal'].mean():.4f} GeV, max {df['ecal'].max():.4f} GeV; p: mean {df['p'].mean():.4f} GeV")
    check(df.height == md.num_rows and df.columns == names, "polars sees the same rows and columns")
    check(np.allclose(df["ecal"].to_numpy(), col("ecal")), "polars ecal == pyarrow ecal")

    print("== DuckDB")
    import duckdb
    con = duckdb.connect()
    p = path.replace("'", "''")
    rows = con.execute(f"SELECT count(*) FROM read_parquet('{p}')").fetchone()[0]
    ncols = len(con.execute(f"DESCRIBE SELECT * FROM read_parquet('{p}')").fetchall())
    kv_duck = {k.decode() if isinstance(k, bytes) else k: v.decode() if isinstance(v, bytes) else v
               for k, v in con.execute(f"SELECT key, value FROM parquet_kv_metadata('{p}')").fetchall()}
    agg = con.execute(f"SELECT sum(ecal), avg(hcal), count(*) FILTER (WHERE ecal < 50 AND hcal < 1) "
                      f"FROM read_parquet('{p}')").fetchone()
    print(f"  {rows} rows, {ncols} columns; sum(ecal) = {agg[0]:.6g}, avg(hcal) = {agg[1]:.6g}, "
          f"events with ecal < 50 and hcal < 1: {agg[2]}")
    print(f"  kv metadata keys: {sorted(kv_duck)}")
    check(rows == md.num_rows and ncols == len(names), "DuckDB sees the same rows and columns")
    check(kv_duck.get("darkscope.run") == kv.get("darkscope.run"), "DuckDB reads the same darkscope.run")
    check(abs(agg[0] - ecal_sum.sum()) <= 1e-4 * max(1.0, abs(ecal_sum.sum())), "DuckDB sum(ecal) == pyarrow")

    print("== " + ("all checks passed" if not failures else f"{len(failures)} check(s) FAILED"))
    return 0 if not failures else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
