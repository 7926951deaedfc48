#!/bin/sh
# Fresh-seed calibration of issue #20, session 7 (see PREDICTION.md): the uniform and Rademacher
# variance checks on 10⁶ seeds each and gamma-sweep on 2.5·10⁵, at 10⁴ pairs, one thread, nice 19.
set -eu
out=Scripts/calibration-2026-11-29-fresh
bin=${BIN:-.build/debug/psverify}
run() { name=$1; shift; nice -n 19 "$bin" calibrate 3b --threads 1 --trials 10000 "$@" > "$out/$name.tmp" && mv "$out/$name.tmp" "$out/$name.txt"; }
k=0
while [ $k -lt 10 ]; do
  run ur-$k --seeds 100000 --first-seed $((3000001 + k * 100000)) \
    --check variance-monte-carlo-uniform --check variance-monte-carlo-rademacher
  run sweep-$k --seeds 25000 --first-seed $((2050001 + k * 25000)) --check gamma-sweep
  k=$((k + 1))
done
