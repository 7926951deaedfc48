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
# Usage: Scripts/calibrate.sh [SEEDS] [FIRST_SEED]     (default 4000 seeds from seed 1)
#        CONFIGURATION=release Scripts/calibrate.sh …  (faster; builds a release binary)
set -eu
seeds=${1:-4000}
first=${2:-1}
configuration=${CONFIGURATION:-debug}
cd "$(dirname "$0")/.."
swift build -c "$configuration" --product psverify >&2
bin=$(swift build -c "$configuration" --show-bin-path)/psverify
# One worker thread at the lowest priority: the results do not depend on the thread count.
exec nice -n 19 "$bin" calibrate 3b --seeds "$seeds" --first-seed "$first" --threads 1 \
  --trials 10000 --param N=32 --param N_bottle=8 --param L=3 --param batch=64
