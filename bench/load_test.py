"""Load test: concurrent chat sessions against /v1/chat/completions on loopback, bounded in count and time.

Usage: .venv/bin/python bench/load_test.py [--url http://127.0.0.1:7860] [--sessions 50] [--turns 4]
                                           [--limit 120] [--chroma]
Without --url it starts the app (temp data dir, no LLM); --chroma also starts a `chroma run` server
and points the app at it. Each session asks --turns questions from eval/dev/qa.jsonl as one conversation
(earlier turns resent, as an OpenAI client does) from its own client address (X-Forwarded-For: an app given
with --url must trust 127.0.0.1 as a proxy, ASSISTANT_ACCESS__TRUSTED_PROXIES=127.0.0.1, or its per-client
limits apply to all sessions together). Everything stops after --limit seconds; unfinished
sessions count as errors. Prints requests, errors, latency p50/p95/max and throughput; exits 1 on errors.
Target: 0 errors. Asserts nothing else.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from common import ROOT, free_port, percentile, questions

CHROMA = Path(sys.executable).parent / "chroma"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_SESSIONS, MAX_TURNS, MAX_LIMIT_S = 200, 10, 600


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def wait_until(check: str, process: subprocess.Popen[bytes], timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{check}: process exited\n{log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(check, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{check} not healthy after {timeout:.0f} s")


@contextmanager
def started(command: list[str], env: dict[str, str], check: str, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as sink:
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, stdout=sink, stderr=subprocess.STDOUT)
    try:
        wait_until(check, process, 180, log)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def app_under_test(with_chroma: bool) -> Iterator[str]:
    """A fresh app on a free loopback port (and its own chroma server when asked); yields its URL."""
    with tempfile.TemporaryDirectory(prefix="load-test-") as tmp:
        base = Path(tmp)
        env = {"ASSISTANT_DATA_DIR": str(base / "data"), "ASSISTANT_LLM_BASE_URL": "", "ANONYMIZED_TELEMETRY": "False",
               "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
               "ASSISTANT_ACCESS__TRUSTED_PROXIES": "127.0.0.1"}  # each session is its own client (X-Forwarded-For)
        port = free_port()
        app = [sys.executable, "app.py", "--port", str(port)]
        url = f"http://127.0.0.1:{port}"
        if not with_chroma:
            with started(app, env, f"{url}/healthz", base / "app.log"):
                yield url
            return
        chroma_port = free_port()
        chroma = [str(CHROMA), "run", "--path", str(base / "chroma"), "--host", "127.0.0.1", "--port", str(chroma_port)]
        with started(chroma, env, f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat", base / "chroma.log"), \
                started(app, {**env, "ASSISTANT_CHROMA_HOST": f"127.0.0.1:{chroma_port}"}, f"{url}/healthz",
                        base / "app.log"):
            print(f"chroma server: 127.0.0.1:{chroma_port}")
            yield url


async def session(client: httpx.AsyncClient, url: str, asked: list[str], tally: Tally, address: str) -> None:
    """One conversation from one client ``address`` (as a proxy would name it): each turn resends the earlier
    ones; a turn fails on any non-200 or uncited answer."""
    messages: list[dict[str, str]] = []
    for question in asked:
        messages.append({"role": "user", "content": question})
        sent = time.perf_counter()
        try:
            response = await client.post(f"{url}/v1/chat/completions", json={"messages": messages},
                                         headers={"X-Forwarded-For": address})
        except httpx.HTTPError as error:
            tally.errors.append(f"{type(error).__name__}: {error}")
            return
        tally.latencies_ms.append((time.perf_counter() - sent) * 1000)
        body = response.json() if response.headers.get("content-type", "").startswith("application/json") else {}
        content = (body.get("choices") or [{}])[0].get("message", {}).get("content", "")
        if response.status_code != 200 or not content or not body.get("citations"):
            tally.errors.append(f"HTTP {response.status_code}: {response.text[:200]}")
            return
        messages.append({"role": "assistant", "content": content})


async def run(url: str, sessions: int, turns: int, limit_s: float) -> tuple[Tally, float]:
    pool = questions()
    tally = Tally()
    limits = httpx.Limits(max_connections=sessions, max_keepalive_connections=sessions)
    started_at = time.perf_counter()
    async with httpx.AsyncClient(limits=limits, timeout=limit_s) as client:
        tasks = [asyncio.create_task(session(client, url, [pool[(s * turns + t) % len(pool)] for t in range(turns)],
                                             tally, f"10.0.{s // 250}.{s % 250 + 1}")) for s in range(sessions)]
        _, pending = await asyncio.wait(tasks, timeout=limit_s)
        for task in pending:
            task.cancel()
            tally.errors.append(f"session cut off at the {limit_s:.0f} s limit")
        await asyncio.gather(*pending, return_exceptions=True)
    return tally, time.perf_counter() - started_at


def report(tally: Tally, wall: float, sessions: int, turns: int) -> None:
    latencies = tally.latencies_ms
    print(f"sessions: {sessions} x {turns} turns; requests completed: {len(latencies)}; errors: {len(tally.errors)}")
    if latencies:
        print(f"latency: p50={statistics.median(latencies):.0f} ms p95={percentile(latencies, 0.95):.0f} ms "
              f"max={max(latencies):.0f} ms")
    print(f"wall time: {wall:.1f} s; throughput: {len(latencies) / wall:.1f} requests/s")
    for error in sorted(set(tally.errors))[:5]:
        print(f"  error: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app on loopback; default: start one")
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--turns", type=int, default=4)
    parser.add_argument("--limit", type=float, default=120, help="hard stop, seconds")
    parser.add_argument("--chroma", action="store_true", help="start a `chroma run` server for the app")
    args = parser.parse_args()
    if not (0 < args.sessions <= MAX_SESSIONS and 0 < args.turns <= MAX_TURNS and 0 < args.limit <= MAX_LIMIT_S):
        parser.error(f"bounds: sessions ≤ {MAX_SESSIONS}, turns ≤ {MAX_TURNS}, limit ≤ {MAX_LIMIT_S} s")
    if args.url and (urlsplit(args.url).hostname not in LOOPBACK or args.chroma):
        parser.error("--url must be a loopback address (127.0.0.1, localhost, ::1) and excludes --chroma")
    with nullcontext(args.url.rstrip("/")) if args.url else app_under_test(args.chroma) as url:
        print(f"target: {url}{' (chroma server)' if args.chroma else ''}", flush=True)
        tally, wall = asyncio.run(run(url, args.sessions, args.turns, args.limit))
    report(tally, wall, args.sessions, args.turns)
    sys.exit(1 if tally.errors else 0)


if __name__ == "__main__":
    main()
