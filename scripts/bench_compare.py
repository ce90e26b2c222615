#!/usr/bin/env python3
"""The DarkScope benchmark side by side with polars, DuckDB and numpy.

Each tool does the same full evaluation on the same run file and selection: every enabled cut of
the selection JSON in order (cut flow: events after each cut), the region counts of the selected
events (box, A, C, D, I, II, III as defined in SignalBox.java) and the 120x100 (E_ECAL, E_HCAL)
histogram over [0,120) x [0,100) GeV of the selected events. Data are loaded into each tool's
memory first (reading the file is not timed); each timing is the median (and minimum) of many repetitions
after a warm-up, plus the mean process CPU time per evaluation over all threads. DarkScope is timed by its own `bench --json` (full evaluation and one-cut change).
All tools must agree on the cut flow, the region counts and the histogram total, else exit 1.

Usage:
  python3 scripts/bench_compare.py RUN.parquet [--selection SEL.json] [--jar target/darkscope.jar]
                                   [--repetitions 50] [--warmup 10] [--java-repetitions 200]
                                   [--java /path/to/java] [--java-opt=--add-modules=jdk.incubator.vector ...]
                                   [--threads T]
On JDK 21+ pass --java-opt=--add-modules=jdk.incubator.vector for the Vector API kernels (the JSON
line and the table say which kernels ran). The last lines compare CPU time per evaluation: the tools
may use different numbers of threads, CPU time is the work done.
Needs: numpy pyarrow polars duckdb (python3 -m venv /tmp/v && /tmp/v/bin/pip install ...).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

import numpy as np
import pyarrow.parquet as pq

REGIONS = ["BOX", "A", "C", "D", "I", "II", "III"]
NX, X0, X1 = 120, 0.0, 120.0
NY, Y0, Y1 = 100, 0.0, 100.0


# ---------- selection -------------------------------------------------------------------------
def f32_floor(d):
    """Largest float32 <= d: 'v > d' on float32 v is exactly 'v > f32_floor(d)'."""
    f = np.float32(d)
    return np.nextafter(f, np.float32(-np.inf)) if float(f) > d else f


def f32_ceil(d):
    """Smallest float32 >= d: 'v < d' on float32 v is exactly 'v < f32_ceil(d)'."""
    f = np.float32(d)
    return np.nextafter(f, np.float32(np.inf)) if float(f) < d else f


def load_selection(path, columns):
    with open(path) as fh:
        sel = json.load(fh)
    cuts = []
    for c in sel["cuts"]:
        if not c.get("enabled", True):
            continue
        col = c["column"]
        if "{i}" in col:
            cols, i = [], 0
            while col.replace("{i}", str(i)) in columns:
                cols.append(col.replace("{i}", str(i)))
                i += 1
        else:
            cols = [col]
        if not cols or any(x not in columns for x in cols):
            sys.exit(f"cut {c['name']}: column {col} not in the file")
        cuts.append(dict(name=c["name"], kind=c["kind"], cols=cols,
                         lo=f32_floor(c["min"]) if "min" in c else None,      # for v > min
                         hi=f32_ceil(c["max"]) if "max" in c else None,       # for v < max
                         lo_lt=f32_ceil(c["min"]) if "min" in c else None,    # for v < min (outside)
                         hi_gt=f32_floor(c["max"]) if "max" in c else None))  # for v > max (outside)
    box = sel.get("box", {})
    defaults = dict(ecalMax=50.0, hcalMax=1.0, ecalTriggerEdge=80.0, hcalSidebandMax=100.0, beamEnergy=100.0,
                    dimuonHcalMin=5.0, dimuonHcalMax=16.0, hadronSumWindow=15.0, pileupSumMin=120.0)
    defaults.update(box)
    return cuts, defaults


# ---------- numpy -----------------------------------------------------------------------------
def np_cut(arrs, c):
    m = None
    for col in c["cols"]:
        v = arrs[col]
        k = c["kind"]
        if k == "min":
            x = v > c["lo"]
        elif k == "max":
            x = v < c["hi"]
        elif k == "window":
            x = (v > c["lo"]) & (v < c["hi"])
        elif k == "outside":
            x = (v < c["lo_lt"]) | (v > c["hi_gt"])
        elif k == "abs-max":
            x = np.abs(v) < c["hi"]
        else:
            raise ValueError(k)
        m = x if m is None else (m & x)
    return m


def regions_np(ec, hc, b):
    """Region counts of float64 points (same definitions as SignalBox / CoreAccumulator)."""
    inr = (ec < b["ecalTriggerEdge"]) & (hc < b["hcalSidebandMax"])
    lowe = ec < b["ecalMax"]
    lowh = hc < b["hcalMax"]
    out = {"BOX": int(np.count_nonzero(inr & lowe & lowh)), "A": int(np.count_nonzero(inr & lowe & ~lowh)),
           "C": int(np.count_nonzero(inr & ~lowe & lowh)), "D": int(np.count_nonzero(inr & ~lowe & ~lowh))}
    s = ec + hc
    iii = s > b["pileupSumMin"]
    i1 = ~iii & (hc >= b["dimuonHcalMin"]) & (hc < b["dimuonHcalMax"]) & (s < b["beamEnergy"] - b["hadronSumWindow"])
    i2 = ~iii & ~i1 & (hc >= b["hcalMax"]) & (np.abs(s - b["beamEnergy"]) <= b["hadronSumWindow"])
    out.update(I=int(np.count_nonzero(i1)), II=int(np.count_nonzero(i2)), III=int(np.count_nonzero(iii)))
    return out


def run_numpy(arrs, cuts, b):
    flow = [len(arrs["ecal"])]
    m = None
    for c in cuts:
        x = np_cut(arrs, c)
        m = x if m is None else (m & x)
        flow.append(int(np.count_nonzero(m)))
    ec = arrs["ecal"][m].astype(np.float64)
    hc = arrs["hcal"][m].astype(np.float64)
    reg = regions_np(ec, hc, b)
    ok = (ec >= X0) & (ec < X1) & (hc >= Y0) & (hc < Y1)
    idx = (np.floor(hc[ok]).astype(np.int64) * NX + np.floor(ec[ok]).astype(np.int64))
    plane = np.bincount(idx, minlength=NX * NY)
    return flow, reg, int(plane.sum())


# ---------- polars ----------------------------------------------------------------------------
def pl_expr(pl, c):
    e = None
    for col in c["cols"]:
        v = pl.col(col)
        k = c["kind"]
        lit = lambda x: pl.lit(x, dtype=pl.Float32)
        if k == "min":
            x = v > lit(c["lo"])
        elif k == "max":
            x = v < lit(c["hi"])
        elif k == "window":
            x = (v > lit(c["lo"])) & (v < lit(c["hi"]))
        elif k == "outside":
            x = (v < lit(c["lo_lt"])) | (v > lit(c["hi_gt"]))
        else:
            x = v.abs() < lit(c["hi"])
        e = x if e is None else (e & x)
    return e


def run_polars(pl, df, cuts, b):
    exprs = []
    acc = None
    for i, c in enumerate(cuts):
        e = pl_expr(pl, c)
        acc = e if acc is None else (acc & e)
        exprs.append(acc.sum().alias(f"c{i}"))
    lf = df.lazy()
    counts = lf.select(exprs).collect().row(0)
    flow = [df.height] + [int(x) for x in counts]
    sel = lf.filter(acc).select(pl.col("ecal").cast(pl.Float64).alias("ec"),
                                pl.col("hcal").cast(pl.Float64).alias("hc"))
    ec, hc = pl.col("ec"), pl.col("hc")
    s = ec + hc
    inr = (ec < b["ecalTriggerEdge"]) & (hc < b["hcalSidebandMax"])
    lowe, lowh = ec < b["ecalMax"], hc < b["hcalMax"]
    iii = s > b["pileupSumMin"]
    i1 = ~iii & (hc >= b["dimuonHcalMin"]) & (hc < b["dimuonHcalMax"]) & (s < b["beamEnergy"] - b["hadronSumWindow"])
    i2 = ~iii & ~i1 & (hc >= b["hcalMax"]) & ((s - b["beamEnergy"]).abs() <= b["hadronSumWindow"])
    reg_exprs = [(inr & lowe & lowh).sum().alias("BOX"), (inr & lowe & ~lowh).sum().alias("A"),
                 (inr & ~lowe & lowh).sum().alias("C"), (inr & ~lowe & ~lowh).sum().alias("D"),
                 i1.sum().alias("I"), i2.sum().alias("II"), iii.sum().alias("III")]
    binned = (sel.filter((ec >= X0) & (ec < X1) & (hc >= Y0) & (hc < Y1))
              .select((hc.floor().cast(pl.Int32) * NX + ec.floor().cast(pl.Int32)).alias("bin"))
              .group_by("bin").len())
    reg_df, plane = pl.collect_all([sel.select(reg_exprs), binned])
    reg = {k: int(v) for k, v in reg_df.row(0, named=True).items()}
    return flow, reg, int(plane["len"].sum())


# ---------- DuckDB ----------------------------------------------------------------------------
def sql_cond(c):
    parts = []
    for col in c["cols"]:
        k = c["kind"]
        q = f'"{col}"'
        f = lambda x: f"CAST({float(x)!r} AS FLOAT)"
        if k == "min":
            parts.append(f"{q} > {f(c['lo'])}")
        elif k == "max":
            parts.append(f"{q} < {f(c['hi'])}")
        elif k == "window":
            parts.append(f"({q} > {f(c['lo'])} AND {q} < {f(c['hi'])})")
        elif k == "outside":
            parts.append(f"({q} < {f(c['lo_lt'])} OR {q} > {f(c['hi_gt'])})")
        else:
            parts.append(f"abs({q}) < {f(c['hi'])}")
    return "(" + " AND ".join(parts) + ")"


def duck_queries(cuts, b):
    """Two queries: cut flow and region counts in one aggregate over the per-cut flags, then the
    plane histogram of the selected events (each flag is computed once per row in a CTE)."""
    conds = [sql_cond(c) for c in cuts]
    flags = ", ".join(f"{c} AS c{i}" for i, c in enumerate(conds))
    acc, sums = [], []
    for i in range(len(conds)):
        acc.append(f"c{i}")
        sums.append(f"count_if({' AND '.join(acc)}) AS c{i}")
    sel = " AND ".join(acc) if acc else "TRUE"
    m = f"WITH m AS (SELECT {flags + ', ' if flags else ''}CAST(ecal AS DOUBLE) AS ec, CAST(hcal AS DOUBLE) AS hc FROM t)"
    inr = f"(ec < {b['ecalTriggerEdge']} AND hc < {b['hcalSidebandMax']})"
    lowe, lowh = f"(ec < {b['ecalMax']})", f"(hc < {b['hcalMax']})"
    s = "(ec + hc)"
    iii = f"({s} > {b['pileupSumMin']})"
    i1 = (f"(NOT {iii} AND hc >= {b['dimuonHcalMin']} AND hc < {b['dimuonHcalMax']} "
          f"AND {s} < {b['beamEnergy'] - b['hadronSumWindow']})")
    i2 = f"(NOT {iii} AND NOT {i1} AND hc >= {b['hcalMax']} AND abs({s} - {b['beamEnergy']}) <= {b['hadronSumWindow']})"
    regions = [f"{inr} AND {lowe} AND {lowh}", f"{inr} AND {lowe} AND NOT {lowh}",
               f"{inr} AND NOT {lowe} AND {lowh}", f"{inr} AND NOT {lowe} AND NOT {lowh}", i1, i2, iii]
    reg_sums = [f"count_if(({sel}) AND {r}) AS \"{name}\"" for name, r in zip(REGIONS, regions)]
    flow_q = f"{m} SELECT count(*) AS n, {', '.join(sums + reg_sums)} FROM m"
    plane_q = (f"{m} SELECT CAST(floor(hc) AS INTEGER) * {NX} + CAST(floor(ec) AS INTEGER) AS bin, count(*) AS n "
               f"FROM m WHERE ({sel}) AND ec >= {X0} AND ec < {X1} AND hc >= {Y0} AND hc < {Y1} GROUP BY bin")
    return flow_q, len(conds), plane_q


def run_duckdb(con, queries):
    flow_q, ncuts, plane_q = queries
    row = con.execute(flow_q).fetchone()
    flow = [int(x) for x in row[:ncuts + 1]]
    reg = {k: int(v) for k, v in zip(REGIONS, row[ncuts + 1:])}
    plane = con.execute(plane_q).fetchall()
    return flow, reg, int(sum(n for _, n in plane))


# ---------- timing ----------------------------------------------------------------------------
def timed(fn, reps, warmup):
    """(median wall ms, min wall ms, mean process CPU ms over all threads, last result)."""
    out = None
    for _ in range(warmup):
        out = fn()
    ts = []
    cpu = 0.0
    for _ in range(reps):
        c = time.process_time()
        t = time.perf_counter()
        out = fn()
        ts.append((time.perf_counter() - t) * 1e3)
        cpu += time.process_time() - c
    return statistics.median(ts), min(ts), cpu * 1e3 / reps, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--selection", default=os.path.join(here, "..", "sample-runs", "selection-published.json"))
    ap.add_argument("--jar", default=os.path.join(here, "..", "target", "darkscope.jar"))
    ap.add_argument("--repetitions", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--java-repetitions", type=int, default=200)
    ap.add_argument("--skip-java", action="store_true")
    ap.add_argument("--java", default="java", help="java executable (default: java on the PATH)")
    ap.add_argument("--java-opt", action="append", default=[], help="JVM option, repeatable")
    ap.add_argument("--threads", type=int, help="DarkScope engine threads (default: all processors)")
    a = ap.parse_args()

    schema_names = pq.ParquetFile(a.file).schema_arrow.names
    cuts, box = load_selection(a.selection, set(schema_names))
    needed = sorted({c for cut in cuts for c in cut["cols"]} | {"ecal", "hcal"})
    table = pq.read_table(a.file, columns=needed)
    n = table.num_rows
    print(f"{a.file}: {n:,} events, {len(cuts)} cuts, columns {len(needed)}; selection {a.selection}")
    results = {}

    arrs = {c: table.column(c).to_numpy() for c in needed}
    results["numpy " + np.__version__] = timed(lambda: run_numpy(arrs, cuts, box), a.repetitions, a.warmup)

    import polars as pl
    df = pl.from_arrow(table).rechunk()
    results["polars " + pl.__version__] = timed(lambda: run_polars(pl, df, cuts, box), a.repetitions, a.warmup)

    import duckdb
    con = duckdb.connect()
    con.register("arrow_t", table)
    con.execute("CREATE TABLE t AS SELECT * FROM arrow_t")
    con.unregister("arrow_t")
    q = duck_queries(cuts, box)
    results["duckdb " + duckdb.__version__] = timed(lambda: run_duckdb(con, q), a.repetitions, a.warmup)

    java = None
    if not a.skip_java:
        cmd = [a.java] + a.java_opt + ["-jar", a.jar, "bench", a.file, "--selection", a.selection, "--json",
                                        "--repetitions", str(a.java_repetitions)]
        if a.threads:
            cmd += ["--threads", str(a.threads)]
        print("running: " + " ".join(cmd))
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("darkscope bench failed: " + p.stderr)
        java = json.loads(p.stdout[p.stdout.index("{"):])
        results["darkscope (Java %s, %d thr, %s)" % (java.get("java", java_version(a.java)), java["threads"],
                                                     java.get("kernel", "?"))] = (
            java["fullMs"], java["fullMinMs"], java.get("fullCpuMs") or float("nan"),
            (java["cutFlow"], java["regions"], java["planeInRange"]))

    ref = None
    bad = False
    print()
    print(f"{'tool':52s} {'full median [ms]':>17s} {'min [ms]':>9s} {'CPU [ms]':>9s} {'events/s':>10s}  agrees")
    for name, (med, mn, cpu, out) in sorted(results.items(), key=lambda kv: kv[1][0]):
        flow, reg, plane = out
        reg = {k: int(reg[k]) for k in REGIONS}
        key = (list(map(int, flow)), reg, int(plane))
        if ref is None:
            ref = key
        same = key == ref
        bad |= not same
        print(f"{name:52s} {med:17.2f} {mn:9.2f} {cpu:9.2f} {n / (med / 1e3):10.3g}  {'yes' if same else 'NO: ' + str(key)}")
    if java:
        print(f"{'darkscope one-cut change (' + java['changedCut'] + ')':52s} {java['oneCutMs']:17.2f} "
              f"{java['oneCutMinMs']:9.2f} {java.get('oneCutCpuMs') or float('nan'):9.2f} {n / (java['oneCutMs'] / 1e3):10.3g}")
    print("CPU = mean process CPU time per evaluation, all threads (robust against other load on the machine)")
    if java:
        jcpu = java.get("fullCpuMs") or float("nan")
        for name, (med, mn, cpu, out) in results.items():
            if not name.startswith("darkscope"):
                print(f"CPU per evaluation, {name} / darkscope: {cpu / jcpu:.2f}x")
    print()
    print("cut flow:", ref[0])
    print("regions:", ref[1], " plane entries:", ref[2])
    sys.exit(1 if bad else 0)


def java_version(java="java"):
    try:
        p = subprocess.run([java, "-version"], capture_output=True, text=True)
        m = re.search(r'version "([^"]+)"', p.stderr)
        return m.group(1) if m else "?"
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
