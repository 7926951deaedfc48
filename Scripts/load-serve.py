#!/usr/bin/env python3
"""Load on loopback: C concurrent clients post answers to psverify-serve (mixed problems, right
and wrong) for D seconds, then report p50/p99 latency, throughput and errors, and check that
every answer the server accepted is stored in results.db.

Usage: Scripts/load-serve.py [--binary PATH] [--clients 50] [--seconds 60]
Starts its own server on 127.0.0.1 (a port the system picks) with a fresh database and stops it.
Each client is a thread with one keep-alive connection, so the load is bounded by C requests in
flight, and every loop ends at the deadline."""
import argparse
import http.client
import os
import random
import re
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "Tests", "Browser"))
from answers import ANSWERS  # noqa: E402
from serve_process import ServeProcess, default_binary  # noqa: E402


def client(port, deadline, seed, results, lock):
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/p/1")
    page = connection.getresponse().read().decode()
    csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)
    mine = []
    while time.time() < deadline:
        problem = rng.choice(list(ANSWERS))
        right = rng.random() < 0.5
        answer = ANSWERS[problem][0 if right else 1]
        body = urllib.parse.urlencode({"answer": answer, "csrf": csrf})
        start = time.perf_counter()
        try:
            connection.request("POST", f"/p/{problem}", body=body,
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
            response = connection.getresponse()
            text = response.read().decode()
            elapsed = time.perf_counter() - start
            expected = "correct" if right else "incorrect"
            ok = response.status == 200 and f'<span class="verdict {expected}">' in text
            mine.append((elapsed, response.status, ok))
        except (OSError, http.client.HTTPException) as error:
            mine.append((time.perf_counter() - start, str(error), False))
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.close()
    with lock:
        results.extend(mine)


def percentile(sorted_values, q):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=default_binary("release"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    assert 1 <= args.clients <= 200 and 1 <= args.seconds <= 600, "bounded: ≤ 200 clients, ≤ 600 s"
    with tempfile.TemporaryDirectory(prefix="psverify-load-") as directory:
        database = os.path.join(directory, "results.db")
        with ServeProcess(args.binary, database) as server:
            port = int(server.base.rsplit(":", 1)[1])
            results, lock = [], threading.Lock()
            start = time.time()
            deadline = start + args.seconds
            threads = [threading.Thread(target=client, args=(port, deadline, n, results, lock))
                       for n in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.time() - start
        stored = sqlite3.connect(database).execute("SELECT COUNT(*) FROM serve_attempt").fetchone()[0]
    latencies = sorted(r[0] for r in results)
    accepted = sum(1 for r in results if r[1] == 200)
    errors = sum(1 for r in results if not r[2])
    statuses = {}
    for r in results:
        statuses[r[1]] = statuses.get(r[1], 0) + 1
    print(f"clients {args.clients}, {wall:.1f} s, {len(results)} answers posted")
    print(f"throughput {len(results) / wall:.1f} answers/s")
    print(f"latency p50 {percentile(latencies, 0.50) * 1000:.1f} ms, "
          f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms")
    print(f"statuses {statuses}; errors (non-200 or wrong verdict) {errors}")
    print(f"stored attempts {stored}; accepted (200) {accepted}; "
          + ("every accepted answer stored" if stored == accepted else "MISMATCH"))
    sys.exit(0 if errors == 0 and stored == accepted else 1)


if __name__ == "__main__":
    main()
