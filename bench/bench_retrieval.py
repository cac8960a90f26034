"""Retrieval speed and quality: index build time (fresh directory), construction time over a current
index, warm query latency p50/p95 over the eval questions, peak RSS, and hit@1/hit@3/MRR per fusion.

Usage: .venv/bin/python bench/bench_retrieval.py [--rounds 5]
Targets (2-core machine): build < 5 s, warm p95 < 30 ms. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

from common import ROOT, percentile


def quality(retriever: object, rows: list[dict]) -> dict[str, float]:
    ranks = []
    for row in rows:
        ids = [h.clause.id for h in retriever.search(row["question"], k=10)]
        ranks.append(next((i for i, c in enumerate(ids, 1) if c in row["expected"]), None))
    n = len(rows)
    return {"hit@1": sum(r == 1 for r in ranks) / n, "hit@3": sum(bool(r and r <= 3) for r in ranks) / n,
            "mrr": sum(1 / r for r in ranks if r) / n}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the eval questions")
    args = parser.parse_args()

    started = time.perf_counter()
    from assistant.corpus.library import Library
    from assistant.retrieval import build_retriever, sync_index
    from assistant.settings import Settings

    imported = time.perf_counter() - started
    suite = ROOT / "eval" / "dev" / "retrieval.jsonl"
    rows = [json.loads(line) for line in suite.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp))
        library = Library.from_settings(settings)

        started = time.perf_counter()
        report = sync_index(settings, library)
        build = time.perf_counter() - started

        started = time.perf_counter()
        retriever = build_retriever(settings, library)
        construct = time.perf_counter() - started

        for row in rows:  # warm-up: first-use loads (place table, caches)
            retriever.search(row["question"])
        latencies = []
        for _ in range(args.rounds):
            for row in rows:
                started = time.perf_counter()
                retriever.search(row["question"])
                latencies.append((time.perf_counter() - started) * 1000)

        fusions = {}
        for fusion in ("weighted", "rrf"):
            retriever.fusion = fusion
            fusions[fusion] = quality(retriever, rows)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"clauses indexed          {report['total']} (embedder {report['embedder']})")
    print(f"import retrieval         {imported:.2f} s")
    print(f"index build, fresh dir   {build:.2f} s   (target < 5 s)")
    print(f"build_retriever, current {construct:.2f} s   (no re-embedding)")
    print(f"warm query latency       p50 {statistics.median(latencies):.1f} ms   "
          f"p95 {percentile(latencies, 0.95):.1f} ms   max {max(latencies):.1f} ms   "
          f"(n={len(latencies)}, target p95 < 30 ms)")
    print(f"peak RSS                 {peak_mb:.0f} MB")
    print(f"load average (1 min)     {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for fusion, scores in fusions.items():
        print(f"eval {fusion:<8} n={len(rows)}  hit@1 {scores['hit@1']:.3f}  hit@3 {scores['hit@3']:.3f}  "
              f"MRR {scores['mrr']:.3f}")


if __name__ == "__main__":
    main()
