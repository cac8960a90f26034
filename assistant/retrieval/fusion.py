"""Pure functions that fuse ranked lists of (id, score) into one score per id, best = 1.0."""

from __future__ import annotations

Ranking = list[tuple[str, float]]


def scaled(scores: dict[str, float]) -> dict[str, float]:
    """Divide by the best score, so fused scores share a scale with the boosts."""
    top = max(scores.values(), default=0.0)
    return {i: s / top for i, s in scores.items()} if top > 0 else scores


def reciprocal_rank(rankings: list[Ranking], k: int = 60) -> dict[str, float]:
    """Reciprocal-rank fusion: sum of 1 / (k + rank) over the lists an id appears in."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, (item, _) in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return scaled(fused)


def min_max(ranking: Ranking) -> dict[str, float]:
    if not ranking:
        return {}
    low, high = min(s for _, s in ranking), max(s for _, s in ranking)
    span = high - low
    return {i: (s - low) / span if span > 0 else 1.0 for i, s in ranking}


def weighted(rankings: list[Ranking], weights: list[float]) -> dict[str, float]:
    """Weighted sum of min-max normalised scores; an id missing from a list scores 0 there."""
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for item, score in min_max(ranking).items():
            fused[item] = fused.get(item, 0.0) + weight * score
    return scaled(fused)
