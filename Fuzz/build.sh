#!/usr/bin/env bash
# Builds one libFuzzer + AddressSanitizer binary holding every reader of FuzzTargets: the reader
# modules and BigInt compiled together as one module (swiftc -sanitize=fuzzer,address).
# Usage: Fuzz/build.sh [output folder, default .build-fuzz]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build-fuzz}
swift package resolve >/dev/null
bigint=$(find .build/checkouts -maxdepth 1 -iname bigint | head -n 1)/Sources
work="$out/src"
rm -rf "$work"
mkdir -p "$work"
ours='^import (TensorCore|Algebra|IndexNotation|Answers|ProblemDocument|Verification|ImageIO|Charts|BigInt)$'
for module in TensorCore Algebra IndexNotation Answers ProblemDocument Charts Verification ImageIO \
  FuzzTargets; do
  for f in Sources/"$module"/*.swift; do
    grep -Ev "$ours" "$f" > "$work/${module}_$(basename "$f")"
  done
done
for f in "$bigint"/*.swift; do
  name=$(basename "$f" | tr ' ' '_')
  grep -Ev "$ours" "$f" > "$work/BigInt_$name"
done
cp Fuzz/Main.swift "$work/"
# One module named IndexNotation, so that the sources' IndexNotation.Expression still resolves.
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name IndexNotation -package-name psverify \
  "$work"/*.swift -o "$out/psverify-fuzz"
echo "built $out/psverify-fuzz"
