#!/usr/bin/env bash
# Times `psverify grade --dir` on a generated class of 500 students × 6 problems, on one worker
# and on every core, and checks that both give the same gradebook and answer groups.
#
#   swift build -c release --product psverify
#   Scripts/bench_class.sh [SEED] [PSVERIFY]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seed="${1:-7}"
psverify="$(realpath "${2:-$here/../.build/release/psverify}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/make_class.py" --seed "$seed" --students 500 --out "$work"
cd "$work"
for threads in 1 0; do
  start=$(date +%s.%N)
  "$psverify" grade --dir sheets --roster roster.csv --rubric rubric.toml --threads "$threads" \
    --gradebook "gradebook-$threads.csv" --canvas "canvas-$threads.csv" --feedback "feedback-$threads" \
    --db results.db > "out-$threads.txt"
  end=$(date +%s.%N)
  echo "threads $threads (0 = all cores): $(echo "$end - $start" | bc) s wall; $(grep '^graded' "out-$threads.txt")"
done
cmp gradebook-1.csv gradebook-0.csv && cmp canvas-1.csv canvas-0.csv
diff -r feedback-1 feedback-0 > /dev/null
"$psverify" class --run 1 --db results.db --format json | grep -v '"run"' > class-1.json
"$psverify" class --run 2 --db results.db --format json | grep -v '"run"' > class-2.json
cmp class-1.json class-2.json
echo "one worker and all cores: identical gradebooks, Canvas files, feedback and answer groups"
