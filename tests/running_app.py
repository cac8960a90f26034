"""Start ``app.py`` as a real process for tests: its own data dir, port and JSON log file."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class RunningApp:
    url: str
    data_dir: Path
    log: Path
    process: subprocess.Popen[bytes]

    def records(self) -> list[dict[str, Any]]:
        """Every complete line the app wrote to stdout/stderr, parsed: each must be one JSON object.

        A last line without its newline is still being written, so it is left for the next read.
        """
        written = self.log.read_bytes()
        complete = written[: written.rfind(b"\n") + 1].decode("utf-8")
        return [json.loads(line) for line in complete.splitlines() if line.strip()]

    def wait_for_record(self, wanted: Callable[[dict[str, Any]], bool], timeout: float = 10) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if found := [r for r in self.records() if wanted(r)]:
                return found[-1]
            time.sleep(0.1)
        raise AssertionError(f"no such log record; last lines: {self.log.read_text(encoding='utf-8')[-2000:]}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def start_app(base: Path, port: int, env: dict[str, str] | None = None) -> RunningApp:
    """The app on ``port`` with data under ``base/data``, healthy, or the test fails with its log."""
    log = base / "app.log"
    environment = {**os.environ, "ASSISTANT_DATA_DIR": str(base / "data"), **(env or {})}
    with log.open("wb") as sink:
        process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=environment,
                                   stdout=sink, stderr=subprocess.STDOUT)
    running = RunningApp(f"http://127.0.0.1:{port}", base / "data", log, process)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"app exited: {log.read_text(encoding='utf-8')[-3000:]}")
        try:
            if httpx.get(f"{running.url}/healthz", timeout=2).status_code == 200:
                return running
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    process.kill()
    pytest.fail(f"app did not become healthy in 120 s: {log.read_text(encoding='utf-8')[-3000:]}")


@contextlib.contextmanager
def serving(app: Any, port: int) -> Iterator[str]:
    """An ASGI ``app`` served by uvicorn in a thread of this process on ``port``; yields its URL."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
