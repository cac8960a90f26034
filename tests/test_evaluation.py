"""The evaluation harness: real suites through the real assistant, and a broken component caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answering import Assistant
from assistant.evaluation.report import compare, load_report, write_reports
from assistant.evaluation.runner import bounds, load_thresholds, run_suites, suite_kind
from assistant.retrieval import StaticRetriever
from assistant.settings import PROJECT_ROOT

EVAL = PROJECT_ROOT / "eval"


def subset(tmp_path: Path, name: str, count: int) -> Path:
    """The first ``count`` cases of a suite, as an evaluator's own file."""
    lines = (EVAL / "dev" / name).read_text(encoding="utf-8").splitlines()[:count]
    path = tmp_path / name.replace(".jsonl", "_subset.jsonl")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def suites(tmp_path: Path) -> list[Path]:
    return [subset(tmp_path, "retrieval.jsonl", 40), subset(tmp_path, "qa.jsonl", 40),
            subset(tmp_path, "eligibility.jsonl", 40)]


def test_the_real_assistant_passes_and_reports(assistant: Assistant, suites: list[Path], tmp_path: Path) -> None:
    thresholds = {"retrieval_subset.hit@1": 0.9, "qa_subset.fact_recall": 1.0,
                  "eligibility_subset.verdict_accuracy": 1.0}
    seen = []
    report = run_suites(assistant, suites, thresholds, lambda done, total, label: seen.append((done, total)))
    assert report.passed, report.missed
    assert seen[-1] == (120, 120)
    json_path, html_path = write_reports(report, tmp_path / "run")
    saved = json.loads(json_path.read_text(encoding="utf-8"))
    assert saved["passed"] is True and saved["metrics"]["qa_subset.quote_verification"] == 1.0
    page = html_path.read_text(encoding="utf-8")
    assert "只看未通过" in page and "<svg" in page and "qa_subset" in page
    assert load_report(tmp_path / "run").run_id == report.run_id


def test_a_wrong_retriever_and_a_flipped_rule_fail_the_gate(assistant: Assistant, suites: list[Path],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    thresholds = load_thresholds(EVAL / "thresholds.yaml") | {
        "retrieval_subset.hit@1": 0.9, "qa_subset.citation_precision": 0.9, "eligibility_subset.verdict_accuracy": 1.0}
    baseline = run_suites(assistant, suites, thresholds)

    real = assistant.retriever
    wrong = StaticRetriever(assistant.library, lambda query: [h.clause.id for h in reversed(real.search(query, k=10))])
    from assistant.rules import eligibility

    monkeypatch.setitem(eligibility.RULES, "county", lambda profile, judge: judge.eligible("（故意改坏的规则）"))
    broken = run_suites(Assistant(assistant.settings, assistant.library, retriever=wrong), suites, thresholds)

    assert broken.metrics["retrieval_subset.hit@1"] < 0.5 < baseline.metrics["retrieval_subset.hit@1"]
    assert broken.metrics["eligibility_subset.verdict_accuracy"] < 1.0
    assert not broken.passed and any("eligibility_subset" in m for m in broken.missed)
    diff = compare(broken, baseline)
    assert diff["broken"] and not diff["fixed"]
    assert diff["metrics"]["retrieval_subset.hit@1"]["delta"] < 0


def test_a_pattern_threshold_bounds_every_suite_it_names_and_an_exact_name_wins() -> None:
    metrics = {"holdout/qa.fact_recall": 0.95, "holdout/qa_2.fact_recall": 0.80, "holdout/qa_3.fact_recall": 0.70,
               "dev/qa.fact_recall": 0.5}
    found = bounds({"holdout/qa*.fact_recall": 0.9, "holdout/qa_3.fact_recall": 0.6}, metrics)
    assert found == {"holdout/qa.fact_recall": 0.9, "holdout/qa_2.fact_recall": 0.9, "holdout/qa_3.fact_recall": 0.6}


def test_suite_kind_comes_from_the_file_name(tmp_path: Path) -> None:
    assert suite_kind(Path("qa_江苏.jsonl")) == "qa"
    with pytest.raises(ValueError, match="无法识别评测集类型"):
        suite_kind(Path("notes.jsonl"))


def test_llm_judge_reports_mean_spread_and_unusable_replies(assistant: Assistant) -> None:
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from assistant.evaluation.judge import judge_cases
    from assistant.evaluation.runner import CaseResult

    cases = [CaseResult(suite="qa", id=f"q{i}", kind="qa", passed=True, question="申报要交费吗？",
                        answer="不收取任何费用。", cited=["notice#5.4"]) for i in range(2)]
    replies = ['{"fluency": 5, "correctness": 4, "reason": "好"}', '好的，我打 5 分',  # run 1: one unusable
               '{"fluency": 3, "correctness": 4, "reason": "啰嗦"}', '```json\n{"fluency": 3, "correctness": 2}\n```']
    result = judge_cases(FakeListChatModel(responses=replies), PROJECT_ROOT / "prompts", assistant.library, cases,
                         runs=2)
    assert result["unusable"] == 1 and result["cases"] == 2
    assert result["fluency_mean"] == 4.0 and result["fluency_spread"] == 2.0
    assert result["correctness_mean"] == 3.5 and result["correctness_spread"] == 1.0


def test_paraphrase_report_rewrites_cases_and_measures_the_drop(assistant: Assistant, tmp_path: Path) -> None:
    from assistant.evaluation.paraphrase import load_rewrites, rewritten_suites, robustness

    rewrites = load_rewrites(EVAL / "paraphrase.yaml")
    assert rewrites["traditional"]("我们是广东省佛山市顺德区") == "我們是廣東省佛山市順德區"
    assert rewrites["typo"]("能否申报示范县") != "能否申报示范县"
    assert rewrites["reorder"]("我们是宁波市人民政府，能报示范市吗？").startswith("能报示范市吗？")
    suite = subset(tmp_path, "qa.jsonl", 12)
    pairs = rewritten_suites([suite], rewrites, tmp_path / "rewritten", suite_kind)
    assert {name for name, _, _ in pairs} >= {"traditional", "chit_chat"}
    report = run_suites(assistant, [path for _, *pair in pairs for path in pair], {})
    summary = robustness(report.metrics, pairs)
    assert summary["rows"] and "fact_recall" in summary["mean_drop_points"]
    assert all(row["drop_points"] == round((row["as_written"] - row["rewritten"]) * 100, 1) for row in summary["rows"])
