#!/usr/bin/env bash
# Runs the fuzz targets from the committed seed corpus; a crash, a leak, an AddressSanitizer
# report or an input slower than 5 s stops it with a non-zero exit and leaves the input in
# Fuzz/crashes/<target>/, where `swift test` replays it from then on.
#
#   Fuzz/run.sh SECONDS [target…]     each target for SECONDS (default 60)
#   Fuzz/run.sh --runs N [target…]    each target for N inputs (seed 1: the same inputs every time)
#   Fuzz/run.sh --ci                  what .ci/run does: a fixed, short run of every target
#
# Build first with Fuzz/build.sh (the binary is .build-fuzz/psverify-fuzz).
# PSVERIFY_FUZZ_TIMEOUT sets the per-input limit in seconds (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${PSVERIFY_FUZZ_BINARY:-.build-fuzz/psverify-fuzz}
all=(equation answer document sheet netpbm parameter json)
declare -A ci_runs=([equation]=40000 [answer]=30000 [document]=3000 [sheet]=150000 [netpbm]=500000 [parameter]=60000 [json]=200000)
mode=seconds
amount=60
case "${1:-}" in
  --ci) mode=ci; shift ;;
  --runs) mode=runs; amount=$2; shift 2 ;;
  "") ;;
  *) amount=$1; shift ;;
esac
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
status=0
for target in "${targets[@]}"; do
  scratch=$(mktemp -d)
  mkdir -p "Fuzz/crashes/$target"
  case $mode in
    seconds) limit=(-max_total_time="$amount") ;;
    runs) limit=(-runs="$amount" -seed=1) ;;
    ci) limit=(-runs="${ci_runs[$target]}" -seed=1) ;;
  esac
  echo "== $target: ${limit[*]}"
  # SWIFT_BACKTRACE off: the runtime's crash reporter would read memory that ASan then reports.
  if ! SWIFT_BACKTRACE=enable=no PSVERIFY_FUZZ_TARGET="$target" "$binary" "${limit[@]}" -timeout="${PSVERIFY_FUZZ_TIMEOUT:-5}" \
      -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="Fuzz/crashes/$target/" "$scratch" "Fuzz/corpus/$target" 2>"$scratch.log"; then
    tail -n 60 "$scratch.log"
    echo "fuzz target $target failed; the input is in Fuzz/crashes/$target/"
    status=1
  fi
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|slowest_unit_time_sec|peak_rss_mb)" "$scratch.log" || true
  rm -rf "$scratch" "$scratch.log"
done
exit $status
