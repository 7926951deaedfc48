#!/bin/sh
# Fresh-seed calibration of issue #20, session 7 (see PREDICTION.md): the uniform and Rademacher
# variance checks on 10⁶ seeds each and gamma-sweep on 2.5·10⁵, at 10⁴ pairs, one thread, nice 19.
# Pieces already done (or being done by a second instance, `ORDER=down`) are skipped.
set -eu
out=Scripts/calibration-2026-11-29-fresh
bin=${BIN:-.build/debug/psverify}
run() {
  name=$1; shift
  [ -e "$out/$name.txt" ] || [ -e "$out/$name.tmp" ] && return 0
  : > "$out/$name.tmp"
  nice -n 19 "$bin" calibrate 3b --threads 1 --trials 10000 "$@" > "$out/$name.tmp" && mv "$out/$name.tmp" "$out/$name.txt"
}
for k in $( [ "${ORDER:-up}" = down ] && echo 9 8 7 6 5 4 3 2 1 0 || echo 0 1 2 3 4 5 6 7 8 9 ); do
  run ur-$k --seeds 100000 --first-seed $((3000001 + k * 100000)) \
    --check variance-monte-carlo-uniform --check variance-monte-carlo-rademacher
  run sweep-$k --seeds 25000 --first-seed $((2050001 + k * 25000)) --check gamma-sweep
done
