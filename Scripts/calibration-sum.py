#!/usr/bin/env python3
"""Adds up `psverify calibrate` outputs over disjoint seed ranges (Scripts/calibrate.sh run in
pieces, e.g. --seeds 100000 --first-seed 1, 100001, ...): per check and per limit, the seeds, the
failures or exceedances (low and high), the observed rate and its 95 % Clopper-Pearson interval.

Usage: Scripts/calibration-sum.py FILE...      (needs scipy)
"""
import re
import sys

from scipy.stats import beta


def clopper_pearson(k, n):
    lo = 0.0 if k == 0 else beta.ppf(0.025, k, n - k + 1)
    hi = 1.0 if k == n else beta.ppf(0.975, k + 1, n - k)
    return lo, hi


def main(paths):
    rows = {}  # (check, label) -> [seeds, k, low, high, stated, limit]
    order = []
    for path in paths:
        check = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                cells = [c.strip() for c in line.rstrip("\n").split("|")]
                if len(cells) < 3 or not cells[1].isdigit():
                    continue
                if not line.startswith(" "):
                    check, label = cells[0], "at its limit"
                else:
                    label = cells[0]
                key = (check, label)
                if key not in rows:
                    rows[key] = [0, 0, 0, 0, "", ""]
                    order.append(key)
                r = rows[key]
                r[0] += int(cells[1])
                r[1] += int(cells[2])
                if len(cells) >= 6:
                    r[4], r[5] = cells[4], cells[5]
                m = re.match(r"(\d+) below, (\d+) above", cells[-1])
                if m:
                    r[2] += int(m.group(1))
                    r[3] += int(m.group(2))
    print("check | limit | seeds | count | rate (95 % CI) | stated | below / above")
    for key in order:
        n, k, low, high, stated, limit = rows[key]
        lo, hi = clopper_pearson(k, n)
        sides = f"{low} / {high}" if key[1] != "at its limit" else ""
        print(f"{key[0]} | {key[1]} | {n} | {k} | {k / n:.3g} ({lo:.2g}–{hi:.2g}) | {stated} | "
              f"{sides}")


if __name__ == "__main__":
    main(sys.argv[1:])
