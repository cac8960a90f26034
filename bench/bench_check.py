"""Cold CLI latency of `assistant check … --json` (a fresh interpreter per run), plus warm in-process time.

Usage: .venv/bin/python bench/bench_check.py [--runs 10]
Target: cold p50 < 1 s. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ["我们是昆山市人民政府，当地已形成产业集聚", "我们是一家在苏州注册的有限责任公司", "南山区人民政府想申报示范县",
         "我们园区不是省级的，是市级工业园区", "我们是市政府设立的研究院"]


def cold(runs: int) -> list[float]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    times = []
    for i in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "assistant", "check", TEXTS[i % len(TEXTS)], "--json"],
                              cwd=ROOT, env=env, capture_output=True)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(done.stderr.decode())
    return times


def warm(rounds: int) -> list[float]:
    sys.path.insert(0, str(ROOT))
    from assistant.corpus.library import Library
    from assistant.rules import check
    from assistant.settings import Settings

    library = Library.from_settings(Settings())
    check(TEXTS[0], library, as_of=date(2025, 9, 20))
    times = []
    for i in range(rounds):
        started = time.perf_counter()
        check(TEXTS[i % len(TEXTS)], library, as_of=date(2025, 9, 20))
        times.append(time.perf_counter() - started)
    return times


def report(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p50 = statistics.median(ordered)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    print(f"{name:<28} n={len(times):<4} p50={p50 * 1000:7.1f} ms  p90={p90 * 1000:7.1f} ms  "
          f"max={ordered[-1] * 1000:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpu, load {os.getloadavg()[0]:.2f}")
    report("cold `assistant check --json`", cold(args.runs))
    report("warm check() in process", warm(200))


if __name__ == "__main__":
    main()
