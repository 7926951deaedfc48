#!/usr/bin/env bash
# Runs `psverify variant ID --seed N` for seeds 1…SEEDS of every problem with a family and
# tallies: variants written (every check passed), variants refused (a check failed, with the
# reason), variants whose structure differs from the base problem's, and the kinds drawn.
#
# usage: Scripts/variant-sweep.sh [PSVERIFY] [SEEDS] [PROBLEMS…]
#   PSVERIFY  the binary (default .build/release/psverify); build it with swift build -c release
#   SEEDS     seeds per problem (default 100)
#   PROBLEMS  problem ids (default: 1 2 3a 3b 3c 4)
# Exit 0 when every variant was verified, 1 otherwise.
set -u
binary=${1:-.build/release/psverify}
seeds=${2:-100}
shift $(( $# > 2 ? 2 : $# ))
problems=("$@")
[ ${#problems[@]} -eq 0 ] && problems=(1 2 3a 3b 3c 4)
if [ ! -x "$binary" ]; then
  echo "variant-sweep: no executable at '$binary'; build with: swift build -c release" >&2
  exit 2
fi
case "$seeds" in ''|*[!0-9]*) echo "variant-sweep: SEEDS must be a whole number, got '$seeds'" >&2; exit 2;; esac
failed_any=0
for id in "${problems[@]}"; do
  verified=0 refused=0 differs=0
  kinds=$(mktemp)
  start=$(date +%s.%N)
  for seed in $(seq 1 "$seeds"); do
    if out=$("$binary" variant "$id" --seed "$seed" --format json 2>/tmp/variant-sweep-err.$$); then
      verified=$((verified + 1))
      grep -q '"differs_in_structure": true' <<<"$out" && differs=$((differs + 1))
      sed -n 's/^  "kind": "\(.*\)",$/\1/p' <<<"$out" >>"$kinds"
    else
      refused=$((refused + 1))
      failed_any=1
      echo "  problem $id seed $seed refused: $(head -c 400 /tmp/variant-sweep-err.$$)"
    fi
  done
  end=$(date +%s.%N)
  printf 'problem %-3s %d seeds: %d verified, %d refused, %d differ from the base in structure (%.1f s)\n' \
    "$id" "$seeds" "$verified" "$refused" "$differs" "$(echo "$end - $start" | bc)"
  sort "$kinds" | uniq -c | sed 's/^/    /'
  rm -f "$kinds"
done
rm -f /tmp/variant-sweep-err.$$
exit $failed_any
