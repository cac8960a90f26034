"""eval/timeline.jsonl: phase, periods, deadlines and next round at the boundaries."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant.rules import timeline

ROOT = Path(__file__).resolve().parents[2]

CASES = [json.loads(line) for line in (ROOT / "eval" / "dev" / "timeline.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_timeline_case(case, library) -> None:
    result = timeline(date.fromisoformat(case["as_of"]), library)
    expected = case["expected"]
    assert result.phase == expected["phase"]
    assert result.next_round_year == expected["next_round_year"]
    periods = {p.key: p.status for p in result.periods}
    assert {k: periods[k] for k in expected["periods"]} == expected["periods"]
    deadlines = {d.key: {"status": d.status, "days_remaining": d.days_remaining} for d in result.deadlines}
    assert deadlines == expected["deadlines"]


def test_deadline_day_is_open_and_the_next_day_passed(library) -> None:
    on_day = {d.key: d for d in timeline(date(2025, 9, 19), library).deadlines}
    after = {d.key: d for d in timeline(date(2025, 9, 20), library).deadlines}
    assert (on_day["receipt"].status, on_day["receipt"].days_remaining) == ("open", 0)
    assert (after["receipt"].status, after["receipt"].days_remaining) == ("passed", None)


def test_receipt_and_recommendation_are_duties_of_provincial_offices(library) -> None:
    result = timeline(date(2025, 9, 1), library)
    duties = {d.key: (d.duty, d.applicant_duty) for d in result.deadlines}
    assert duties["receipt"] == ("省级知识产权局", False)
    assert duties["recommendation"] == ("省级知识产权局", False)
    assert "以本省通知为准" in result.summary


def test_every_date_is_cited_verbatim(library) -> None:
    result = timeline(date(2026, 2, 1), library)
    citations = [d.citation for d in result.deadlines] + [p.citation for p in result.periods] + result.citations
    assert all(library.verify_quote(c.id, c.quote) for c in citations)
    assert {c.id for c in citations} >= {"notice#closing", "notice#4.1", "notice#4.2", "notice#4.3", "notice#1",
                                          "notice#signature"}
    assert "还剩" in result.summary


def test_summary_after_the_round_names_the_next_round(library) -> None:
    assert "2028年" in timeline(date(2028, 3, 1), library).summary
    assert "2031年" in timeline(date(2029, 3, 1), library).summary
