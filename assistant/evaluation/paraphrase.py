"""Paraphrase robustness: every qa and eligibility case rewritten mechanically (a synonym swapped, clauses
reordered, one sound-alike typo, traditional characters, small talk added), run again, and compared.

The rewrite tables are evaluation data (``eval/paraphrase.yaml``), independent of the product's lexicon.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

Rewrite = Callable[[str], str]
FIELDS = {"qa": "question", "eligibility": "text"}
CLAUSES = re.compile(r"[^，。；？！,;?!]+[，。；？！,;?!]?")


def load_rewrites(path: Path) -> dict[str, Rewrite]:
    """The named rewrites; each returns its input unchanged when it does not apply."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def synonym(text: str) -> str:
        for group in data["synonyms"]:
            for i, word in enumerate(group):
                if word in text:
                    return text.replace(word, group[(i + 1) % len(group)], 1)
        return text

    def typo(text: str) -> str:
        return next((text.replace(word, slip, 1) for word, slip in data["typos"].items() if word in text), text)

    def reorder(text: str) -> str:
        """The question clause first, the rest after it ("我们是X，能报Y吗？" → "能报Y吗？我们是X。")."""
        clauses = [c.strip() for c in CLAUSES.findall(text) if c.strip()]
        if len(clauses) < 2:
            return text
        last = clauses[-1].rstrip("，,")
        rest = "".join(clauses[:-1]).rstrip("，,;；") + "。"
        return f"{last}{rest}" if last.endswith(("？", "?", "。", "！")) else f"{last}，{rest}"

    def traditional(text: str) -> str:
        import opencc

        return opencc.OpenCC("s2t").convert(text)

    def chit_chat(text: str) -> str:
        closed = text if text.endswith(("？", "?", "。", "！", "!")) else f"{text}。"
        return f"{data['chit_chat']['prefix']}{closed}{data['chit_chat']['suffix']}"

    return {"synonym": synonym, "reorder": reorder, "typo": typo, "traditional": traditional, "chit_chat": chit_chat}


def rewritten_suites(paths: list[Path], rewrites: dict[str, Rewrite], out_dir: Path,
                     kind_of: Callable[[Path], str]) -> list[tuple[str, Path, Path]]:
    """For each rewrite and each qa or eligibility suite, two suites over the cases the rewrite changes: as
    written, and rewritten — so each comparison is on the same cases. Returns (rewrite, original, rewritten)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = []
    for path in paths:
        field = FIELDS.get(kind_of(path))
        if field is None:
            continue
        cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for name, rewrite in rewrites.items():
            changed = [case for case in cases if rewrite(case[field]) != case[field]]
            if not changed:
                continue
            stem = f"{kind_of(path)}_{path.parent.name}-{path.stem}-{name}"
            original, rewritten = out_dir / f"{stem}-as_written.jsonl", out_dir / f"{stem}.jsonl"
            write_jsonl(original, changed)
            write_jsonl(rewritten, [case | {field: rewrite(case[field])} for case in changed])
            pairs.append((name, original, rewritten))
    return pairs


def write_jsonl(path: Path, cases: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(case, ensure_ascii=False) + "\n" for case in cases), encoding="utf-8")


KEY_METRICS = ("verdict_accuracy", "fact_recall", "citation_precision", "citation_recall", "refusal_recall",
               "refusal_precision")


def robustness(metrics: dict[str, float | None], pairs: list[tuple[str, Path, Path]]) -> dict[str, Any]:
    """Per rewrite and metric: the value as written, rewritten, and the drop in percentage points (summed over
    suites by case count is not needed: each suite pair is reported, and the mean drop per metric)."""
    rows: list[dict[str, Any]] = []
    for name, original, rewritten in pairs:
        for metric in KEY_METRICS:
            before, after = metrics.get(f"{original.stem}.{metric}"), metrics.get(f"{rewritten.stem}.{metric}")
            if before is not None and after is not None:
                rows.append({"rewrite": name, "suite": rewritten.stem.rsplit("-", 1)[0], "metric": metric,
                             "as_written": before, "rewritten": after, "drop_points": round((before - after) * 100, 1)})
    by_metric: dict[str, list[float]] = {}
    for row in rows:
        by_metric.setdefault(row["metric"], []).append(row["drop_points"])
    mean = {metric: round(sum(values) / len(values), 1) for metric, values in by_metric.items()}
    return {"rows": rows, "mean_drop_points": mean, "worst_drop_points": max((r["drop_points"] for r in rows),
                                                                              default=0.0)}
