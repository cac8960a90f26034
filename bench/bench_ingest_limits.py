"""Hostile files through the real command line (issue 12). For each bomb, on a data dir whose index is built:
seconds until `assistant ingest BOMB` exits, the peak RSS of the ingesting processes (the command and its
parsing child), its first line of output, then seconds from starting `app.py` on that data dir until
/healthz answers 200 (and until it first answers at all).

Usage: .venv/bin/python bench/bench_ingest_limits.py [--only NAME ...] [--limit 120] [--memory-gb 8]
Targets: refusal < 5 s, peak RSS < 1.5 GB, restart-to-healthy < 10 s. Prints numbers; asserts nothing.
Every process is stopped after --limit seconds and given at most --memory-gb of address space, so that
code without the bounds can be measured too without taking the machine down.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from common import ROOT, free_port

sys.path.insert(0, str(ROOT / "tests"))
from bombs import WRITERS  # the files the tests refuse


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    exit: str
    said: str


def capped(memory_gb: float) -> None:
    """In the child, before exec: an address-space cap (inherited by its own children)."""
    limit = int(memory_gb * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_capped(command: list[str], env: dict[str, str], limit: float, memory_gb: float) -> Run:
    """Run to the end or stop it after ``limit`` s; peak RSS over the process and the children it waited for."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
                                   preexec_fn=lambda: capped(memory_gb), start_new_session=True)
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        while not pid and time.perf_counter() - started < limit:
            time.sleep(0.02)
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if not pid:
            os.killpg(process.pid, signal.SIGKILL)
            _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        seconds = time.perf_counter() - started
        exit = f"exit {process.returncode}" if pid else f"stopped after {limit:g} s"
        output.seek(0)
        lines = [line for line in output.read().decode("utf-8", "replace").splitlines() if line.strip()]
    said = next((line for line in lines if line.startswith("错误：")), lines[-1] if lines else "")
    return Run(seconds, usage.ru_maxrss / 1024, exit, said[:110])


def restart_to_healthy(data_dir: Path, limit: float, memory_gb: float) -> tuple[float | None, float | None]:
    """Seconds until the app first answers /healthz, and until it answers 200 (None: not within ``limit``)."""
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_LLM_BASE_URL": ""}
    url = f"http://127.0.0.1:{free_port()}"
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "app.py", "--port", url.rsplit(":", 1)[1]], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               preexec_fn=lambda: capped(memory_gb), start_new_session=True)
    listening = healthy = None
    try:
        while healthy is None and time.perf_counter() - started < limit and process.poll() is None:
            try:
                status = httpx.get(f"{url}/healthz", timeout=limit).status_code
                listening = listening or time.perf_counter() - started
                healthy = time.perf_counter() - started if status == 200 else None
            except httpx.TransportError:
                pass
            time.sleep(0.1)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return listening, healthy


def shown(seconds: float | None, limit: float) -> str:
    return f"{seconds:6.1f} s" if seconds is not None else f"> {limit:g} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=list(WRITERS), help="bombs to run (default: all)")
    parser.add_argument("--limit", type=float, default=120, help="seconds before a process is stopped")
    parser.add_argument("--memory-gb", type=float, default=8, help="address space of every process")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpu, code under test: {ROOT}")
    with tempfile.TemporaryDirectory() as tmp:
        base, env = Path(tmp), dict(os.environ)
        subprocess.run([sys.executable, "-m", "assistant", "index"], cwd=ROOT, check=True, capture_output=True,
                       env={**env, "ASSISTANT_DATA_DIR": str(base / "indexed")})
        print(f"{'bomb':<20} {'size':>9} {'refused in':>10} {'peak RSS':>9} {'listens':>9} {'healthy':>9}  result")
        for name in args.only or list(WRITERS):
            bomb = WRITERS[name](base / name)
            data_dir = base / f"data-{name}"
            shutil.copytree(base / "indexed", data_dir)
            run = run_capped([sys.executable, "-m", "assistant", "ingest", str(bomb)],
                             {**env, "ASSISTANT_DATA_DIR": str(data_dir)}, args.limit, args.memory_gb)
            listening, healthy = restart_to_healthy(data_dir, args.limit, args.memory_gb)
            print(f"{name:<20} {bomb.stat().st_size / 1024:7.0f} KB {run.seconds:8.1f} s {run.peak_rss_mb:6.0f} MB "
                  f"{shown(listening, args.limit):>9} {shown(healthy, args.limit):>9}  {run.exit}: {run.said}",
                  flush=True)


if __name__ == "__main__":
    main()
