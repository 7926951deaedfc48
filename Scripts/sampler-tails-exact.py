#!/usr/bin/env python3
"""The exact false-alarm rate of `gaussian-sampler-tails` for an ideal N(0, 1) sampler.

Each of the check's 10 counts (9 bins of |x| and the positive draws) is Binomial(n, p); the check
fails when any count's z = (c - np) / sqrt(np(1 - p)) has |z| above the per-count limit c* with
P(|Z| > c*) = P(|Z| > 5) / 10. This sums, per count, the exact binomial probability of the
failing counts (both sides): the sum bounds the check's rate (the union of the 10 events), with
no normal approximation. n = 2^20 is the check's smallest size (10^4 trials), 244 * 2^16 its
default (10^6 trials). Needs scipy.
"""
from math import ceil, floor, sqrt

from scipy.special import erfc
from scipy.stats import binom, norm

EDGES = [0.5, 1, 1.5, 2, 2.5, 3, 3.4, 3.8]
LIMIT = norm.isf(norm.sf(5) * 2 / 10 / 2)  # P(|Z| > c*) = P(|Z| > 5) / 10


def count_failure(n, p):
    """P(|c - np| > LIMIT sd) for c ~ Binomial(n, p), exactly, split (low, high)."""
    mean, sd = n * p, sqrt(n * p * (1 - p))
    high = binom.sf(floor(mean + LIMIT * sd), n, p)  # c > mean + LIMIT sd
    low = binom.cdf(ceil(mean - LIMIT * sd) - 1, n, p)  # c < mean - LIMIT sd
    return low, high


def main():
    print(f"per-count limit |z| <= {LIMIT:.4f}; normal reference per count "
          f"{2 * norm.sf(LIMIT):.3g}, per check {20 * norm.sf(LIMIT):.3g}")
    for n in (1 << 20, 244 << 16):
        lower, total = 0.0, 0.0
        print(f"n = {n} draws")
        for upper in EDGES + [float("inf")]:
            p = erfc(lower / sqrt(2)) - (erfc(upper / sqrt(2)) if upper != float("inf") else 0)
            low, high = count_failure(n, p)
            total += low + high
            print(f"  |x| in [{lower}, {upper}): np = {n * p:.1f}, exact P(fail) = "
                  f"{low + high:.3g} ({low:.3g} low, {high:.3g} high)")
            lower = upper
        low, high = count_failure(n, 0.5)
        total += low + high
        print(f"  positive draws: exact P(fail) = {low + high:.3g}")
        print(f"  sum over the 10 counts (bounds the check's rate): {total:.3g}")


if __name__ == "__main__":
    main()
