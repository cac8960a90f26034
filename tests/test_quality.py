"""The full qa suite through the real assistant: every key fact, precise citations, every refusal."""

from __future__ import annotations

from assistant.answering import Assistant
from assistant.evaluation.runner import run_suites
from assistant.settings import PROJECT_ROOT


def test_qa_suite_meets_the_answer_quality_bar(assistant: Assistant) -> None:
    report = run_suites(assistant, [PROJECT_ROOT / "eval" / "dev" / "qa.jsonl"], {})
    metrics = report.metrics
    print(f"\nqa: n={len(report.cases)} fact_recall={metrics['qa.fact_recall']:.3f} "
          f"citation_precision={metrics['qa.citation_precision']:.3f} refusal_recall={metrics['qa.refusal_recall']:.3f}")
    assert len(report.cases) >= 60
    assert all(c.scores["fact_recall"] == 1.0 for c in report.cases), [c.id for c in report.cases if c.reasons]
    assert metrics["qa.citation_precision"] >= 0.9
    refusals = [c for c in report.cases if not c.scores["expected_in_scope"]]
    assert len(refusals) >= 15 and all(not c.scores["answered_in_scope"] for c in refusals)
    assert metrics["qa.quote_verification"] == 1.0
