#!/bin/sh
# Measures the false-alarm rate of every Monte Carlo check of psverify on correct code: each
# check runs over SEEDS seeds (the run seeds 1, 2, …, exactly as `psverify all --seed N` would
# draw them) and the observed failure rate is printed beside the rate the check states, with a
# 95 % Clopper–Pearson interval; also at looser limits (stated rates 10⁻², 10⁻³, 10⁻⁴), where the
# statistic's tail can be seen against the reference distribution the stated rate comes from.
#
# The design is reduced so that thousands of seeds run in minutes on one core: 10⁴ pairs per
# estimate (problem 3b's minimum --trials), and a small network (N = 32, N_bottle = 8, L = 3,
# batch 64) with the default 16 replicates, so the t-test's degrees of freedom are those of a
# default run.
#
# SIZE=default runs the checks at the sizes `psverify all` runs them (10⁶ pairs; the network
# N = 256, N_bottle = 64, L = 24, batch 512, 16 replicates): about 0.5 s per seed in a release
# build. CHECKS="id …" runs only those checks.
#
# The far tail (limits down to 10⁻⁶, each check at its smallest accepted size, 10⁵–10⁶ seeds in
# pieces): Scripts/calibrate-tail.sh, summed by Scripts/calibration-sum.py.
#
# Usage: Scripts/calibrate.sh [SEEDS] [FIRST_SEED]     (default 4000 seeds from seed 1)
#        CONFIGURATION=release Scripts/calibrate.sh …  (faster; builds a release binary)
#        SIZE=default CHECKS=network-unit-variance CONFIGURATION=release Scripts/calibrate.sh 1000
set -eu
seeds=${1:-4000}
first=${2:-1}
configuration=${CONFIGURATION:-debug}
cd "$(dirname "$0")/.."
swift build -c "$configuration" --product psverify >&2
bin=$(swift build -c "$configuration" --show-bin-path)/psverify
set -- --seeds "$seeds" --first-seed "$first" --threads 1
for check in ${CHECKS:-}; do set -- "$@" --check "$check"; done
if [ "${SIZE:-reduced}" != default ]; then
  set -- "$@" --trials 10000 --param N=32 --param N_bottle=8 --param L=3 --param batch=64
fi
# One worker thread at the lowest priority: the results do not depend on the thread count.
exec nice -n 19 "$bin" calibrate 3b "$@"
