"""Pure scoring functions; each takes plain values and returns a number in [0, 1] (or ms)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence


def hit_at(k: int, ranked: Sequence[str], expected: Sequence[str]) -> float:
    return float(any(item in expected for item in ranked[:k]))


def reciprocal_rank(ranked: Sequence[str], expected: Sequence[str]) -> float:
    return next((1 / rank for rank, item in enumerate(ranked, 1) if item in expected), 0.0)


def fact_recall(answer: str, facts: Sequence[str]) -> float:
    """Share of must-contain facts present verbatim (whitespace-insensitive)."""
    if not facts:
        return 1.0
    flat = re.sub(r"\s", "", answer)
    return sum(re.sub(r"\s", "", fact) in flat for fact in facts) / len(facts)


def precision(cited: Sequence[str], expected: Sequence[str]) -> float | None:
    """Share of cited ids that are expected; None when nothing was cited or nothing is expected."""
    if not cited or not expected:
        return None
    return sum(c in expected for c in cited) / len(cited)


def recall(cited: Sequence[str], expected: Sequence[str]) -> float | None:
    if not expected:
        return None
    return sum(e in cited for e in expected) / len(expected)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def grounded_share(sentences: Sequence[str], sources: str) -> float:
    """Share of answer sentences whose content bigrams mostly (>= 50 %) occur in the cited sources."""
    def grams(text: str) -> set[str]:
        runs = re.findall(r"[\u4e00-\u9fff]+", text)
        return {run[i:i + 2] for run in runs for i in range(len(run) - 1)}

    source_grams = grams(sources)
    scored = [s for s in sentences if grams(s)]
    if not scored:
        return 1.0
    return sum(len(grams(s) & source_grams) / len(grams(s)) >= 0.5 for s in scored) / len(scored)
