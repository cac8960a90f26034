"""Run every benchmark in turn and print their figures (``make bench``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent

for script in ("bench_cold.py", "bench_retrieval.py", "bench_check.py", "bench_answer.py", "bench_documents.py",
               "bench_ingest_limits.py", "load_test.py", "bench_flood.py"):
    print(f"\n== {script}", flush=True)
    subprocess.run([sys.executable, str(BENCH / script)], check=True)
