#!/usr/bin/env python3
"""Counts, on the seeds `psverify calibrate --extremes Z` listed, the low and high exceedances
of a skew-adjusted t-test's limits chosen two ways, at each side's half of the stated
two-sided rates 10⁻³, …, 10⁻⁶ and 5.7·10⁻⁷ (|z| ≤ 5):

  edgeworth  the c solving F_ν(−c) + κ(2c² + 1)φ(c)/6 = rate/2 (what the check uses), and
  cornish    the Cornish–Fisher inversion of the same expansion, c = q + κ(2q² + 1)/6, q the
             Student one-sided quantile at rate/2;

the high side is the Student limit in both. Z must lie below every limit counted (3.3 does, for 10⁻³ and beyond).

Usage: Scripts/skew-limits-eval.py SEEDS FILE...   (SEEDS: the seeds the files cover; scipy)
"""
import math
import re
import sys

from scipy.optimize import brentq
from scipy.stats import beta, norm, t

LINE = re.compile(r"extreme \| seed (\d+) \| \w+ = (\S+) \| degrees of freedom (\d+) \| "
                  r"skewness (\S+)$")


def edgeworth(side, nu, kappa):
    f = lambda c: t.sf(c, nu) + kappa * (2 * c * c + 1) * norm.pdf(c) / 6 - side
    return brentq(f, 1.25, 60, xtol=1e-12)


def cornish(side, nu, kappa):
    q = t.isf(side, nu)
    return q + kappa * (2 * q * q + 1) / 6


def upper(k, n):
    return 1.0 if k == n else beta.ppf(0.975, k + 1, n - k)


def main(seeds, paths):
    draws = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if m := LINE.search(line.rstrip("\n")):
                    draws.append((float(m.group(2)), int(m.group(3)), float(m.group(4))))
    print(f"{len(draws)} listed draws over {seeds} seeds")
    print("rate | rule | low | high | low rate (95 % upper) against rate/2")
    for rate in [1e-3, 1e-4, 1e-5, 1e-6, 2 * norm.sf(5)]:
        for name, rule in [("edgeworth", edgeworth), ("cornish", cornish)]:
            low = sum(1 for z, nu, k in draws if k > 0 and z < -rule(rate / 2, nu, k))
            high = sum(1 for z, nu, k in draws if k > 0 and z > t.isf(rate / 2, nu))
            print(f"{rate:.2g} | {name} | {low} | {high} | {low / seeds:.2g} "
                  f"({upper(low, seeds):.2g}) against {rate / 2:.2g}")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
