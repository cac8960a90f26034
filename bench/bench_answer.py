"""Answer speed: warm extractive answers in process (p50/p95 over eval/dev/qa.jsonl), then the app itself:
start time until /healthz is 200, time to the first streamed token of a chat answer, peak memory.

Usage: .venv/bin/python bench/bench_answer.py [--rounds 3]
Targets (2-core machine): warm p95 < 50 ms, first streamed token < 300 ms. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, free_port, percentile, questions


def warm_answers(data_dir: Path, rounds: int) -> None:
    from assistant.answering import Assistant
    from assistant.settings import Settings

    assistant = Assistant(Settings(data_dir=data_dir))
    assistant.index.warm_up()
    latencies = []
    for _ in range(rounds):
        for question in questions():
            started = time.perf_counter()
            assistant.ask(question)
            latencies.append((time.perf_counter() - started) * 1000)
    print(f"warm extractive answer: n={len(latencies)} p50={statistics.median(latencies):.1f} ms "
          f"p95={percentile(latencies, 0.95):.1f} ms max={max(latencies):.1f} ms")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def app_figures(data_dir: Path, rounds: int) -> None:
    import httpx

    port = free_port()
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir),  # one client asking fast: no rate limit in the way
           "ASSISTANT_LIMITS__RATE_PER_MINUTE": "60000", "ASSISTANT_LIMITS__BURST": "10000"}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
            if time.perf_counter() - started > 180:
                raise SystemExit("app did not start within 180 s")
        print(f"app start (index present): {time.perf_counter() - started:.2f} s")
        first_tokens = []
        for _ in range(rounds):
            for question in questions()[:20]:
                body = {"model": "ip-demo-assistant", "stream": True,
                        "messages": [{"role": "user", "content": question}]}
                sent = time.perf_counter()
                first = None
                with httpx.stream("POST", f"{url}/v1/chat/completions", json=body, timeout=30) as response:
                    for line in response.iter_lines():  # read to the end, note the first content chunk
                        if first is None and line.startswith("data: {") and \
                                json.loads(line[6:])["choices"][0]["delta"].get("content"):
                            first = (time.perf_counter() - sent) * 1000
                first_tokens.append(first)
        print(f"first streamed token via HTTP: n={len(first_tokens)} p50={statistics.median(first_tokens):.1f} ms "
              f"p95={percentile(first_tokens, 0.95):.1f} ms")
        print(f"app peak RSS: {peak_rss_mb(process.pid):.0f} MB")
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        warm_answers(data_dir, args.rounds)
        app_figures(data_dir, args.rounds)


if __name__ == "__main__":
    main()
