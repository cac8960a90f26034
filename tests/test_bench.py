"""The benchmarks run to the end and print their figures (they assert no speed; this keeps them from rotting)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("script", "args", "printed"), [("bench_check.py", ["--runs", "1"], "warm check()"),
                                                         ("bench_retrieval.py", ["--rounds", "1"], "hit@1")])
def test_a_benchmark_prints_its_figures(script: str, args: list[str], printed: str) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert printed in done.stdout
