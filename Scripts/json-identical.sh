#!/usr/bin/env bash
# Shows that `psverify all --format json` of one seed is the same document from two binaries
# (typically main before a change and the branch after it), timings aside.
#
# usage: Scripts/json-identical.sh BASE NEW [SEED] [-- EXTRA ARGS…]
#   BASE, NEW  a psverify binary, or a JSON file an earlier `psverify all --format json` wrote
#              (so the slow base run need not be repeated)
#   SEED       the seed of both runs (default 1)
#   EXTRA      further options for `all`, e.g. -- --trials 2000
# Build BASE from the base commit itself (e.g. `git archive BASE | tar -x -C /tmp/base`, then
# `swift build` there): a .build/debug/psverify left from an older checkout is not the base.
# Both runs use --no-store. Normalized before comparing: run.started_at, and every key named
# `seconds` or ending in `_seconds` (wall-clock timings, different on every run). Everything else,
# numbers, texts, order of keys and of arrays, must be equal.
# Exit 0 when identical, 1 when they differ (the diff is printed), 2 on bad usage.
set -u
usage="usage: Scripts/json-identical.sh BASE NEW [SEED] [-- EXTRA ARGS…]"
[ $# -lt 2 ] && { echo "$usage" >&2; exit 2; }
base=$1 new=$2
shift 2
seed=1
if [ $# -gt 0 ] && [ "$1" != "--" ]; then seed=$1; shift; fi
[ $# -gt 0 ] && [ "$1" = "--" ] && shift
extra=("$@")
case "$seed" in ''|*[!0-9]*) echo "json-identical: SEED must be a whole number, got '$seed'" >&2
  exit 2;; esac
command -v jq >/dev/null || { echo "json-identical: needs jq (apt-get install jq)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Writes the JSON of `all` from binary or file $1 to $2.
produce() {
  if [ -f "$1" ] && [ ! -x "$1" ]; then
    cp "$1" "$2"
  elif [ -x "$1" ]; then
    "$1" all --format json --no-store --seed "$seed" "${extra[@]}" >"$2" 2>"$2.err"
    local rc=$?
    # 0: all pass; 1: a check failed (still a document to compare).
    if [ $rc -gt 1 ]; then
      echo "json-identical: '$1' exited $rc:" >&2; cat "$2.err" >&2; exit 2
    fi
  else
    echo "json-identical: '$1' is neither an executable nor a JSON file" >&2; exit 2
  fi
}

normalize='walk(if type == "object" then
    with_entries(if (.key == "seconds" or (.key | endswith("_seconds")) or .key == "started_at")
                 then .value = "<timing>" else . end)
  else . end)'

produce "$base" "$work/base.json"
produce "$new" "$work/new.json"
for side in base new; do
  if ! jq "$normalize" "$work/$side.json" >"$work/$side.norm.json"; then
    echo "json-identical: the $side output is not JSON" >&2; exit 2
  fi
done
if diff -u "$work/base.norm.json" "$work/new.norm.json"; then
  bytes=$(wc -c <"$work/new.norm.json")
  echo "json-identical: identical, timings aside (seed $seed, $bytes bytes normalized)"
  exit 0
fi
echo "json-identical: the documents differ (diff above)" >&2
exit 1
