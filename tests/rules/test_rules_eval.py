"""eval/dev/eligibility.jsonl as a suite (its verdicts are gated by `assistant eval`): broad, and every verdict
explained and cited verbatim."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

from assistant.rules import PROJECT_KEYS, PROJECT_TYPES, check

ROOT = Path(__file__).resolve().parents[2]

CASES = [json.loads(line) for line in (ROOT / "eval" / "dev" / "eligibility.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
DEFAULT_DAY = date(2025, 9, 20)


def run(case, library):
    as_of = date.fromisoformat(case["as_of"]) if "as_of" in case else DEFAULT_DAY
    return check(case["text"], as_of=as_of, library=library)


def test_suite_is_large_unique_and_covers_every_type_and_status() -> None:
    assert len(CASES) >= 90
    assert len({c["id"] for c in CASES}) == len(CASES)
    seen = defaultdict(set)
    for case in CASES:
        assert case["text"] and case["note"] and set(case["expected"]) <= set(PROJECT_KEYS)
        for key, status in case["expected"].items():
            seen[key].add(status)
    for key in PROJECT_KEYS:
        assert {"eligible", "ineligible", "needs_info"} <= seen[key], key
    assert any("already_recognized" in statuses for statuses in seen.values())


def test_every_verdict_is_explained_and_cited_verbatim(library) -> None:
    for case in CASES:
        for key, verdict in run(case, library).verdicts.items():
            assert verdict.reason.endswith("。"), (case["id"], key)
            assert (verdict.status == "needs_info") == bool(verdict.ask), (case["id"], key)
            assert all(q.endswith("？") for q in verdict.ask), (case["id"], key)
            assert all(library.verify_quote(c.id, c.quote) for c in verdict.citations), (case["id"], key)
            first = "notice#4.1" if verdict.status == "already_recognized" else PROJECT_TYPES[key].applicants.clause
            assert verdict.citations[0].id == first, (case["id"], key)
