"""Floods against a fresh app (issue 12): how long a normal chat takes while others attack.

Usage: .venv/bin/python bench/bench_flood.py [--profile test] [--runs 3]
Starts app.py (temp data dir, no LLM, 127.0.0.1 trusted as a proxy so each simulated client has its own
address in X-Forwarded-For; the default profile builds the real index) and measures, for each scenario, the
latency of a normal chat ("申报需要交费吗？") sent 0.2 s into the attack, and /healthz likewise:
  idle           nothing else going on
  oversized-1    45 concurrent requests of ~360 KB (60 turns of 2 000 characters) from one client
  oversized-45   the same from 45 clients (per-client limits do not help; the per-request bounds must)
  over-cap-45    45 requests whose turns exceed 2 000 characters (refused with 400) from 45 clients
  unread-200-1   200 stream=true requests whose responses are never read, from one client
  unread-200     the same from 200 clients
Target: the normal chat answers in < 2 s in every scenario. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from common import ROOT, free_port

NORMAL = {"messages": [{"role": "user", "content": "申报需要交费吗？"}]}
TURNS = [{"role": role, "content": ("我们是浦东新区人民政府，" if role == "user" else "") + "申" * 1980}
         for _ in range(30) for role in ("user", "assistant")]
OVERSIZED = {"messages": [*TURNS, {"role": "user", "content": "能申报示范县吗？" + "申" * 1990}]}
OVER_CAP = {"messages": [{"role": "user", "content": "申" * 120_000}]}
STREAMED = {"messages": [{"role": "user", "content": "我们是昆山市人民政府，能申报哪些项目？"}], "stream": True}


@contextmanager
def app_under_test(profile: str) -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="flood-") as tmp:
        env = {**os.environ, "ASSISTANT_DATA_DIR": f"{tmp}/data", "ASSISTANT_LLM_BASE_URL": "",
               "ASSISTANT_ACCESS__TRUSTED_PROXIES": "127.0.0.1", "ASSISTANT_PROFILE": profile,
               "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False", "ANONYMIZED_TELEMETRY": "False"}
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        with (Path(tmp) / "app.log").open("wb") as log:
            process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                                       stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.3)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


async def timed(client: httpx.AsyncClient, method: str, path: str, address: str, **sent: object) -> tuple[float, int]:
    started = time.perf_counter()
    response = await client.request(method, path, headers={"X-Forwarded-For": address}, **sent)
    return time.perf_counter() - started, response.status_code


async def unread(url: str, address: str) -> asyncio.StreamWriter:
    """A stream=true request whose response is never read; the connection stays open."""
    host, port = url.removeprefix("http://").split(":")
    _, writer = await asyncio.open_connection(host, int(port))
    body = json.dumps(STREAMED).encode()
    writer.write(f"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 f"X-Forwarded-For: {address}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
    await writer.drain()
    return writer


async def scenario(url: str, name: str) -> tuple[float, float, Counter[int]]:
    """Seconds for the normal chat and for /healthz during the attack, and the attackers' status codes."""
    limits = httpx.Limits(max_connections=300, max_keepalive_connections=300)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        attack: list[asyncio.Task[tuple[float, int]]] = []
        writers: list[asyncio.StreamWriter] = []
        if name.startswith(("oversized", "over-cap")):
            body = OVERSIZED if name.startswith("oversized") else OVER_CAP
            attack = [asyncio.create_task(timed(client, "POST", "/v1/chat/completions",
                                                "10.9.0.1" if name.endswith("-1") else f"10.9.0.{n + 1}", json=body))
                      for n in range(45)]
        elif name.startswith("unread"):
            writers = [await unread(url, "10.7.0.1" if name.endswith("-1") else f"10.8.0.{n + 1}") for n in range(200)]
        await asyncio.sleep(0.2)
        (chat_s, chat_status), (health_s, _) = await asyncio.gather(
            timed(client, "POST", "/v1/chat/completions", "10.1.1.1", json=NORMAL),
            timed(client, "GET", "/healthz", "10.1.1.2"))
        statuses = Counter(status for _, status in await asyncio.gather(*attack))
        for writer in writers:
            writer.close()
        if chat_status != 200:
            raise SystemExit(f"{name}: the normal chat got HTTP {chat_status}")
        return chat_s, health_s, statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="", help="settings profile for the app (test: no index, no model)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpu, load {os.getloadavg()[0]:.2f}, "
          f"profile {args.profile or 'default'}")
    with app_under_test(args.profile) as url:
        for name in ("idle", "oversized-1", "oversized-45", "over-cap-45", "unread-200-1", "unread-200"):
            runs = [asyncio.run(scenario(url, name)) for _ in range(args.runs)]
            chat, health = [r[0] for r in runs], [r[1] for r in runs]
            statuses = sum((r[2] for r in runs), Counter())
            print(f"{name:<13} normal chat: median {statistics.median(chat):5.2f} s  max {max(chat):5.2f} s   "
                  f"/healthz max {max(health):5.2f} s   attackers: {dict(sorted(statuses.items())) or '-'}",
                  flush=True)
            time.sleep(2)  # the attackers' connections wind down


if __name__ == "__main__":
    main()
