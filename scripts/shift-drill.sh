#!/usr/bin/env bash
# Shift drill: writes simulated runs into a directory over time, the way data taking would, so the
# shift crew can follow it in the window (display tab → Follow) and check alerts, DQ and trends.
#
#   scripts/shift-drill.sh DIR [--interval SECONDS] [--events N]
#
# Environment: DARKSCOPE = the command that runs darkscope (default: java -jar target/darkscope.jar,
# run from the repository root after `mvn package`).
#
# What appears in DIR, one file every --interval seconds (default 10):
#   1. run-000301-a.parquet       physics run 301
#   2. run-000302.parquet         physics run 302
#   3. run-000301-b.parquet       physics run 301 again (same run number, a second file)
#   4. run-000303-faulty.parquet  physics run 303 with readout faults: hot ecal_main_r3c4 (x10),
#                                 dead ecal_main_r1c3, noisy ecal_pre_r4c4 (+0.3 GeV noise)
#   5. run-000305-upstream.parquet  run 305 of upstream interactions (data): selected events in and
#                                 near the signal box, so the alarm goes off
#   6. signal-brem-16mev.parquet  signal MC (A' mass in its metadata): signal role, no alert
#   7. run-000304.parquet         physics run 304, copied into DIR slowly in 8 chunks (a growing,
#                                 incomplete file for several seconds: the window must not take it
#                                 before it is complete)
# Files 1-6 appear atomically (simulate writes a temporary file and renames it). A clean reference
# run for the DQ check (run 300) is written first to DIR-reference/run-000300.parquet, and the script
# prints `dq` of the faulty run against it at the end (exit 3 expected: problems found).
set -euo pipefail

usage() {
    echo "usage: $0 DIR [--interval SECONDS] [--events N]" >&2
    exit 2
}
[ $# -ge 1 ] || usage
DIR=$1
shift
INTERVAL=10
EVENTS=20000
while [ $# -gt 0 ]; do
    case $1 in
        --interval) INTERVAL=${2:?--interval needs a value}; shift 2 ;;
        --events) EVENTS=${2:?--events needs a value}; shift 2 ;;
        -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage ;;
    esac
done
case $INTERVAL$EVENTS in *[!0-9.]*) echo "--interval and --events take numbers" >&2; exit 2 ;; esac

read -r -a DS <<<"${DARKSCOPE:-java -jar target/darkscope.jar}"
REFDIR="${DIR%/}-reference"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$DIR" "$REFDIR"

say() { echo "$(date -u +%H:%M:%S) $*"; }
sim() { # OUT SEED RUN [MIX [EVENTS [more simulate options...]]]
    local out=$1 seed=$2 run=$3 mix=${4:-physics} n=${5:-$EVENTS}
    shift $(( $# < 5 ? $# : 5 ))
    "${DS[@]}" simulate --mix "$mix" --events "$n" --seed "$seed" --run-number "$run" \
        --threads 1 --force --out "$out" "$@" 2>/dev/null | grep -E '^readout faults' || true
}

say "reference run 300 -> $REFDIR/run-000300.parquet"
sim "$REFDIR/run-000300.parquet" 300 300

say "run 301 -> $DIR/run-000301-a.parquet"
sim "$DIR/run-000301-a.parquet" 301 301
sleep "$INTERVAL"

say "run 302 -> $DIR/run-000302.parquet"
sim "$DIR/run-000302.parquet" 302 302
sleep "$INTERVAL"

say "run 301 again (same run number, second file) -> $DIR/run-000301-b.parquet"
sim "$DIR/run-000301-b.parquet" 3011 301
sleep "$INTERVAL"

say "run 303 with hot/dead/noisy cells -> $DIR/run-000303-faulty.parquet"
sim "$DIR/run-000303-faulty.parquet" 303 303 physics "$EVENTS" \
    --hot-cell ecal_main_r3c4=10 --dead-cell ecal_main_r1c3 --noisy-cell ecal_pre_r4c4=0.3
sleep "$INTERVAL"

say "run 305, upstream interactions (alarm expected) -> $DIR/run-000305-upstream.parquet"
sim "$DIR/run-000305-upstream.parquet" 305 305 upstream "$EVENTS"
sleep "$INTERVAL"

say "signal MC, A' 16.7 MeV (signal role: no alert expected) -> $DIR/signal-brem-16mev.parquet"
sim "$DIR/signal-brem-16mev.parquet" 306 1 signal-brem $(( (EVENTS + 3) / 4 )) --mass-mev 16.7
sleep "$INTERVAL"

say "run 304, growing slowly -> $DIR/run-000304.parquet"
sim "$STAGE/run-000304.parquet" 304 304
size=$(stat -c %s "$STAGE/run-000304.parquet")
chunk=$(( (size + 7) / 8 ))
: >"$DIR/run-000304.parquet"
for i in 0 1 2 3 4 5 6 7; do
    dd if="$STAGE/run-000304.parquet" bs="$chunk" skip="$i" count=1 status=none >>"$DIR/run-000304.parquet"
    say "  run-000304.parquet: $(stat -c %s "$DIR/run-000304.parquet") / $size bytes"
    sleep 1
done

say "dq of the faulty run against the reference (exit 3 = problems found):"
set +e
"${DS[@]}" dq "$DIR/run-000303-faulty.parquet" --reference "$REFDIR/run-000300.parquet" | sed -n '1,6p'
echo "dq exit code: ${PIPESTATUS[0]}"
say "drill done"
