"""Cold paths, each beside a bare interpreter start measured in the same run (the machine is noisy): one
``assistant ask --json`` and one ``assistant search`` from a fresh process, the app from launch until
``/healthz`` is 200, and (with --make-test) ``make test`` on the working tree.

Usage: .venv/bin/python bench/bench_cold.py [--runs 3] [--make-test]
Targets (2-core machine): cold ask <= 1.5 s, cold search <= 1.2 s, app ready <= 5 s, make test <= 2.5 min.
Prints medians and their ratio to the bare start; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

import httpx
from common import ROOT, free_port

TARGETS = {"ask": 1.5, "search": 1.2, "app ready": 5.0, "make test": 150.0}


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def app_ready(env: dict[str, str]) -> float:
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < 120:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    return time.perf_counter() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        return float("nan")
    finally:
        process.terminate()
        process.wait(timeout=30)


def report(name: str, seconds: list[float], bare: float) -> None:
    median = statistics.median(seconds)
    target = TARGETS.get(name)
    print(f"{name:<10} {median:6.2f} s  = {median / bare:5.1f} × bare start" + (f"   (target <= {target:g} s)"
                                                                              if target else ""))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--make-test", action="store_true")
    args = parser.parse_args()
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(ROOT / "data")}
    subprocess.run([sys.executable, "-m", "assistant", "index"], cwd=ROOT, env=env, check=True, capture_output=True)
    bare = statistics.median(timed([sys.executable, "-c", "pass"], env) for _ in range(5))
    print(f"bare start {bare:6.3f} s")
    assistant = [sys.executable, "-m", "assistant"]
    report("ask", [timed([*assistant, "ask", "申报要交钱吗", "--json"], env) for _ in range(args.runs)], bare)
    report("search", [timed([*assistant, "search", "示范县的申报条件"], env) for _ in range(args.runs)], bare)
    report("app ready", [app_ready(env) for _ in range(args.runs)], bare)
    if args.make_test:
        report("make test", [timed(["make", "test"], env)], bare)


if __name__ == "__main__":
    main()
