#!/bin/sh
# Fresh-seed calibration of issue #20 (run from the worktree): the depth erratum at 16 replicates
# and gamma-sweep's χ² statistic, pieces of disjoint seeds, one thread at nice 10.
set -eu
out=Scripts/calibration-2026-11-29-sweep
bin=.build/x86_64-unknown-linux-gnu/debug/psverify
small="--param N=16 --param N_bottle=1 --param L=2 --param batch=16"
run() { name=$1; shift; nice -n 10 "$bin" calibrate 3b --threads 1 --trials 10000 "$@" > "$out/$name.tmp" && mv "$out/$name.tmp" "$out/$name.txt"; }
run errata16-0 --seeds 20000 --first-seed 2000001 --check network-unit-variance $small --param replicates=16
k=0
while [ $k -lt 20 ]; do
  run sweep-$k --seeds 10000 --first-seed $((2000001 + k * 10000)) --check gamma-sweep
  if [ $k -eq 1 ]; then
    run errata16-1 --seeds 20000 --first-seed 2020001 --check network-unit-variance $small --param replicates=16
  fi
  k=$((k + 1))
done
