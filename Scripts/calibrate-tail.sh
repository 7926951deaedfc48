#!/bin/sh
# The tail design of the calibration: each Monte Carlo check of problem 3b at its smallest
# accepted size, over many seeds, in pieces of disjoint seeds whose outputs
# Scripts/calibration-sum.py adds up. The statistic runs through the production check (the same
# closure `psverify all` runs), one check at a time, one thread, at low priority.
#
#   variance-monte-carlo-gaussian   10⁴ pairs (3b's minimum --trials), PIECES × 10⁵ seeds
#   variance-monte-carlo-uniform/-rademacher, gamma-sweep: 10⁴ pairs, 3 pieces (6·10⁴, 1.2·10⁴)
#   network-unit-variance           the smallest network it accepts: N = 16, N_bottle = 1, L = 2,
#                                   batch 16, 8 replicates (PIECES × 10⁴ seeds), and with 16
#                                   replicates (3 × 5 000 seeds) for the depth erratum's rate
#
# Usage: Scripts/calibrate-tail.sh OUTDIR [PIECES]     (PIECES default 10: 10⁶ Gaussian seeds)
#        Scripts/calibration-sum.py OUTDIR/*.txt
set -eu
out=$1
pieces=${2:-10}
cd "$(dirname "$0")/.."
swift build --product psverify >&2
bin=$(swift build --show-bin-path)/psverify
mkdir -p "$out"
run() {
  name=$1
  shift
  nice -n 10 "$bin" calibrate 3b --threads 1 --trials 10000 "$@" > "$out/$name.txt"
}
small="--param N=16 --param N_bottle=1 --param L=2 --param batch=16"
k=0
while [ "$k" -lt "$pieces" ]; do
  run "gauss-$k" --seeds 100000 --first-seed $((1 + k * 100000)) \
    --check variance-monte-carlo-gaussian
  # shellcheck disable=SC2086
  run "net-$k" --seeds 10000 --first-seed $((1 + k * 10000)) --check network-unit-variance \
    $small --param replicates=8
  if [ "$k" -lt 3 ]; then
    # shellcheck disable=SC2086
    run "errata-$k" --seeds 5000 --first-seed $((1 + k * 5000)) --check network-unit-variance \
      $small --param replicates=16
    run "ur-$k" --seeds 20000 --first-seed $((1 + k * 20000)) \
      --check variance-monte-carlo-uniform --check variance-monte-carlo-rademacher
    run "sweep-$k" --seeds 4000 --first-seed $((1 + k * 4000)) --check gamma-sweep
  fi
  k=$((k + 1))
done
