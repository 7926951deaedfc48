#!/usr/bin/env python3
"""Adds up `psverify calibrate` outputs over disjoint seed ranges (Scripts/calibrate.sh run in
pieces, e.g. --seeds 100000 --first-seed 1, 100001, ...): per check and per limit (the limit whose stated
rate is 10⁻², …; its value varies a little with the degrees of freedom), the seeds, the
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


# The limit column is "c", or "c_low / c_high" for a skew-adjusted (asymmetric) check.
MAIN = re.compile(r"^(\S+ \S+) \| (\d+) \| (\d+) \| [^|]* \| (\S+) \| ([^|]+)$")
AT = re.compile(r"^\s+at (?:\|\w+\| > \S+|\w+ < \S+ or > \S+) \| (\d+) \| (\d+) \| [^|]* \| "
                r"(\S+) \| [^|]+ \| (\d+) below, (\d+) above$")
ERRATA = re.compile(r"^\s+errata raised \| (\d+) \| (\d+) \|")


def main(paths):
    rows = {}  # (parameters, check, label) -> [seeds, count, low, high, stated]
    order = []

    def add(key, seeds, count, low=0, high=0, stated=""):
        if key not in rows:
            rows[key] = [0, 0, 0, 0, stated]
            order.append(key)
        r = rows[key]
        r[0] += seeds
        r[1] += count
        r[2] += low
        r[3] += high

    for path in paths:
        parameters, check = "", None
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("seeds "):
                    parameters = line.split("parameters ", 1)[-1]
                elif m := MAIN.match(line):
                    check = m.group(1)
                    add((parameters, check, "at its limit"), int(m.group(2)),
                        int(m.group(3)), stated=m.group(4))
                elif m := AT.match(line):
                    add((parameters, check, f"at the {m.group(3)} limit"), int(m.group(1)),
                        int(m.group(2)), int(m.group(4)), int(m.group(5)), stated=m.group(3))
                elif m := ERRATA.match(line):
                    add((parameters, check, "errata raised"), int(m.group(1)), int(m.group(2)))
    print("parameters | check | limit | seeds | count | rate (95 % CI) | stated | low / high"
          " | low-side rate (95 % CI), against stated / 2")
    for key in order:
        n, k, low, high, stated = rows[key]
        lo, hi = clopper_pearson(k, n)
        sides = ""
        if key[2].startswith("at the"):
            llo, lhi = clopper_pearson(low, n)
            sides = (f"{low} / {high} | {low / n:.3g} ({llo:.2g}–{lhi:.2g}) against "
                     f"{float(stated) / 2:.2g}")
        print(f"{key[0]} | {key[1]} | {key[2]} | {n} | {k} | {k / n:.3g} ({lo:.2g}–{hi:.2g}) | "
              f"{stated} | {sides}")


if __name__ == "__main__":
    main(sys.argv[1:])
