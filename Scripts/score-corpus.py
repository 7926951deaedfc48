#!/usr/bin/env python3
"""Scores `psverify audit` on a corpus folder with a manifest.json of planted defects and controls.

Usage: Scripts/score-corpus.py PSVERIFY CORPUS_DIR

For each planted defect: found when a finding of its kind stands on its line (a role clash across
problems counts as a role-clash finding). For each control range: every finding on its lines is a
false finding. Prints each miss and false finding, then the totals; exit 0 whatever the score (it
measures, it does not judge).
"""
import json
import os
import subprocess
import sys


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    psverify, corpus = sys.argv[1], sys.argv[2]
    with open(os.path.join(corpus, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    found = planted = false_findings = 0
    for doc in manifest["documents"]:
        out = subprocess.run([psverify, "audit", os.path.join(corpus, doc["file"]), "--format", "json",
                              "--no-store"], capture_output=True, text=True, check=False)
        if out.returncode not in (0, 1):
            print(f"{doc['file']}: audit exited {out.returncode}: {out.stderr.strip()}")
            continue
        findings = json.loads(out.stdout)["findings"]
        for p in doc["planted"]:
            planted += 1
            kind = "role-clash" if p["kind"] == "role-clash-across" else p["kind"]
            if any(f["line"] == p["line"] and f["kind"] == kind for f in findings):
                found += 1
            else:
                there = [f["kind"] for f in findings if f["line"] == p["line"]]
                print(f"missed {doc['file']} {p['id']} {p['kind']} line {p['line']} (there: {there})")
        for c in doc["controls"]:
            for f in findings:
                if c["from_line"] <= f["line"] <= c["to_line"]:
                    false_findings += 1
                    print(f"false  {doc['file']} line {f['line']} {f['kind']}: {f['message'][:120]}")
    share = found / planted if planted else 0
    print(f"{found}/{planted} planted defects found at their lines ({share:.0%}); "
          f"{false_findings} findings on controls")


if __name__ == "__main__":
    main()
