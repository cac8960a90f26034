"""The answer-quality gate of ``make eval``, run once inside the test run: every suite of eval/dev and
eval/holdout against the bounds of eval/thresholds.yaml (``assistant eval`` is the same run, with reports)."""

from __future__ import annotations

from assistant.evaluation.corpora import pinned_assistant
from assistant.evaluation.runner import discover, load_thresholds, run_suites
from assistant.settings import Settings


def test_every_suite_meets_its_thresholds(assistant_settings: Settings) -> None:
    thresholds = load_thresholds(assistant_settings.eval_dir / "thresholds.yaml")
    suites = discover(assistant_settings.eval_dir)
    report = run_suites(pinned_assistant(assistant_settings), suites, thresholds)
    assert {"dev", "holdout"} == {path.parent.name for path in suites}
    assert report.passed, "\n".join(report.missed)
