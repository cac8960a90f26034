"""Run suites through the same code path as the app and score them."""

from __future__ import annotations

import fnmatch
import json
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

from assistant.answering import Answer, Assistant
from assistant.answering.compose import SOURCES_HEADING
from assistant.answering.conversation import Conversation
from assistant.evaluation import metrics
from assistant.evaluation.corpora import fixture_documents, layered_assistant
from assistant.rules import Verdict

KINDS = ("retrieval", "qa", "multiturn", "adversarial", "eligibility", "timeline", "replies", "drafting", "layering")
SPLITS = ("dev", "holdout")  # eval/dev: tuned on; eval/holdout: written before the change it tests, never tuned on
UPPER_BOUNDS = ("_ms", "wrong_eligible")  # metric name endings whose bound is a maximum


class CaseResult(BaseModel):
    suite: str
    id: str
    kind: str
    passed: bool
    reasons: list[str] = []
    question: str = ""
    answer: str = ""
    cited: list[str] = []
    expected: list[str] = []
    latency_ms: float = 0.0
    scores: dict[str, float | None] = Field(default_factory=dict)


class RunReport(BaseModel):
    run_id: str
    started: str
    suites: list[str]
    metrics: dict[str, float | None]
    thresholds: dict[str, float]
    missed: list[str]
    cases: list[CaseResult]
    documents: dict[str, list[str]] = Field(default_factory=dict, description="corpus → the documents it held")

    @property
    def passed(self) -> bool:
        return not self.missed


def suite_name(path: Path) -> str:
    """``dev/qa`` for eval/dev/qa.jsonl; the bare stem for a file outside the two splits."""
    return f"{path.parent.name}/{path.stem}" if path.parent.name in SPLITS else path.stem


def discover(eval_dir: Path) -> list[Path]:
    """Every suite of both splits whose file name starts with a known kind."""
    return [path for split in SPLITS for path in sorted((eval_dir / split).glob("*.jsonl"))
            if path.stem.split("_")[0].split("-")[0] in KINDS]


def suite_kind(path: Path) -> str:
    """The kind is the file name's first word: ``qa.jsonl``, ``qa_provinces.jsonl`` → qa."""
    stem = path.stem.split("_")[0].split("-")[0]
    if stem not in KINDS:
        raise ValueError(f"无法识别评测集类型：{path.name}（文件名应以 {', '.join(KINDS)} 之一开头）")
    return stem


def load_cases(path: Path) -> list[dict[str, Any]]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                cases.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path.name} 第 {number} 行不是合法 JSON：{error}") from None
    return cases


def as_of(case: dict[str, Any]) -> date | None:
    return date.fromisoformat(case["as_of"]) if case.get("as_of") else None


def status_of(verdicts: dict[str, Verdict] | None, key: str) -> str | None:
    verdict = (verdicts or {}).get(key)
    return verdict.status if verdict else None


def verdict_scores(expected: dict[str, str], verdicts: dict[str, Verdict] | None) -> tuple[list[str], dict]:
    """Reasons, the share of expected statuses met, and how many verdicts said eligible wrongly (the worst error)."""
    got = {key: status_of(verdicts, key) for key in expected}
    reasons = [f"{key} 判定应为 {status}，实为 {got[key]}" for key, status in expected.items() if got[key] != status]
    wrong = sum(got[key] == "eligible" != status for key, status in expected.items())
    accuracy = metrics.mean([float(got[key] == status) for key, status in expected.items()])
    return reasons, {"verdict_accuracy": accuracy, "wrong_eligible": float(wrong) if expected else None}


def score_answer(answer: Answer, case: dict[str, Any], assistant: Assistant) -> tuple[list[str], dict]:
    """Reasons a chat answer fails its case, and its scores."""
    cited = [c.id for c in answer.citations]
    expected = case.get("expected_ids", [])
    facts = case.get("must_contain", [])
    verified = [assistant.library.verify_quote(c.id, c.quote) for c in answer.citations]
    lead = answer.answer.split(SOURCES_HEADING)[0]
    sentences = [s for s in lead.replace("；", "。").split("。") if s.strip()]
    scores = {
        "fact_recall": metrics.fact_recall(answer.answer, facts),
        "citation_precision": metrics.precision(cited, expected),
        "citation_recall": metrics.recall(cited, expected),
        "quote_verification": sum(verified) / len(verified) if verified else None,
        # supported = mostly made of the cited quotes' words or the facts the user stated in the question
        "groundedness": metrics.grounded_share(sentences, answer.question + "".join(c.quote for c in answer.citations))
        if answer.citations and answer.in_scope else None,
    }
    reasons = [f"缺少要点「{f}」" for f in facts if metrics.fact_recall(answer.answer, [f]) < 1]
    if "in_scope" in case and case["in_scope"] != answer.in_scope:
        reasons.append("应拒答却作答" if not case["in_scope"] else "应作答却拒答")
    if expected and case.get("in_scope", True) and not scores["citation_recall"]:
        reasons.append(f"未引用 {expected}")
    if scores["citation_precision"] is not None and scores["citation_precision"] < 0.5:
        reasons.append(f"引用不准：{cited}")
    if not all(verified):
        reasons.append("有引文未能在原文中核对")
    reasons += [f"不应出现「{s}」" for s in case.get("must_not_contain", []) if s in answer.answer]
    reasons += [f"缺少其一「{'／'.join(group)}」" for group in case.get("must_contain_any", [])
                if not any(metrics.fact_recall(answer.answer, [option]) == 1 for option in group)]
    verdict_reasons, verdict_metrics = verdict_scores(case.get("verdicts", {}), answer.verdicts)
    return reasons + verdict_reasons, scores | verdict_metrics


def run_chat_case(assistant: Assistant, suite: str, kind: str, case: dict[str, Any]) -> list[CaseResult]:
    turns = case.get("turns") or [case]
    conversation = Conversation()
    results = []
    for number, turn in enumerate(turns, 1):
        started = time.perf_counter()
        answer = assistant.ask(turn["question"], conversation, as_of(case) or as_of(turn))
        latency = (time.perf_counter() - started) * 1000
        reasons, scores = score_answer(answer, turn, assistant)
        scores["refusal_ok"] = float(turn.get("in_scope", True) == answer.in_scope)
        results.append(CaseResult(
            suite=suite, id=case["id"] if len(turns) == 1 else f"{case['id']}#{number}", kind=kind,
            passed=not reasons, reasons=reasons, question=turn["question"], answer=answer.answer,
            cited=[c.id for c in answer.citations], expected=turn.get("expected_ids", []),
            latency_ms=round(latency, 2), scores={**scores, "expected_in_scope": float(turn.get("in_scope", True)),
                                                  "answered_in_scope": float(answer.in_scope)}))
    return results


def run_layering_case(assistant: Assistant, suite: str, case: dict[str, Any]) -> list[CaseResult]:
    """A question or a description on a corpus with provincial notices, lists and reference documents loaded:
    facts, verdicts, and which documents are (``cited_docs``), are not (``not_cited_docs``) and come first
    (``first_doc``) among the citations."""
    started = time.perf_counter()
    if "text" in case:
        result = assistant.check(case["text"], as_of=as_of(case))
        citations = [c for v in result.verdicts.values() for c in v.citations]
        text = "\n".join(f"{v.reason}{''.join(v.ask)}" for v in result.verdicts.values())
        reasons, scores = verdict_scores(case.get("verdicts", {}), result.verdicts)
        in_scope = True
    else:
        answer = assistant.ask(case["question"], Conversation(), as_of(case))
        citations, text, in_scope = answer.citations, answer.answer, answer.in_scope
        reasons, scores = verdict_scores(case.get("verdicts", {}), answer.verdicts)
    latency = (time.perf_counter() - started) * 1000
    docs = [c.doc for c in citations]
    missing = [d for d in case.get("cited_docs", []) if d not in docs]
    unwanted = [d for d in case.get("not_cited_docs", []) if d in docs]
    first = case.get("first_doc")
    reasons += [f"缺少要点「{f}」" for f in case.get("must_contain", []) if metrics.fact_recall(text, [f]) < 1]
    reasons += [f"缺少其一「{'／'.join(group)}」" for group in case.get("must_contain_any", [])
                if not any(metrics.fact_recall(text, [option]) == 1 for option in group)]
    reasons += [f"不应出现「{s}」" for s in case.get("must_not_contain", []) if s in text]
    reasons += [f"未引用文件 {missing}"] if missing else []
    reasons += [f"不应引用 {unwanted}"] if unwanted else []
    reasons += [f"首条引用应出自 {first}，实为 {docs[:1]}"] if first and docs[:1] != [first] else []
    if case.get("in_scope", True) != in_scope:
        reasons.append("应拒答却作答" if in_scope else "应作答却拒答")
    scores |= {"fact_recall": metrics.fact_recall(text, case.get("must_contain", [])),
               "documents_cited": float(not missing) if case.get("cited_docs") else None,
               "reference_kept_below": float(not unwanted and (not first or docs[:1] == [first]))
               if case.get("not_cited_docs") or first else None}
    return [CaseResult(suite=suite, id=case["id"], kind="layering", passed=not reasons, reasons=reasons,
                       question=case.get("question") or case["text"], answer=text,
                       cited=[c.id for c in citations], latency_ms=round(latency, 2), scores=scores)]


def kind_results(suite: str, path: Path, detected: dict[str, str]) -> list[CaseResult]:
    """One result per fixture document: was its kind detected as the staffer would have said?"""
    results = []
    for entry in fixture_documents(path):
        want, got = entry.get("kind"), detected[entry["id"]]
        if want:
            results.append(CaseResult(suite=suite, id=f"kind:{entry['id']}", kind="layering", passed=got == want,
                                      reasons=[] if got == want else [f"文件类型应为 {want}，识别为 {got}"],
                                      question=entry["path"], scores={"kind_detection": float(got == want)}))
    return results


def run_retrieval_case(assistant: Assistant, suite: str, case: dict[str, Any]) -> list[CaseResult]:
    started = time.perf_counter()
    ranked = [hit.clause.id for hit in assistant.retriever.search(case["question"], k=5)]
    latency = (time.perf_counter() - started) * 1000
    expected = case["expected"]
    scores = {"hit@1": metrics.hit_at(1, ranked, expected), "hit@3": metrics.hit_at(3, ranked, expected),
              "mrr": metrics.reciprocal_rank(ranked, expected)}
    reasons = [] if scores["hit@1"] else [f"首位为 {ranked[:1]}，应为 {case['expected']}"]
    return [CaseResult(suite=suite, id=case["id"], kind="retrieval", passed=not reasons, reasons=reasons,
                       question=case["question"], cited=ranked, expected=case["expected"],
                       latency_ms=round(latency, 2), scores=scores)]


def run_eligibility_case(assistant: Assistant, suite: str, case: dict[str, Any]) -> list[CaseResult]:
    started = time.perf_counter()
    result = assistant.check(case["text"], as_of=as_of(case))
    latency = (time.perf_counter() - started) * 1000
    reasons, scores = verdict_scores(case["expected"], result.verdicts)
    scores |= {f"verdict.{key}": float(result.verdicts[key].status == status)
               for key, status in case["expected"].items()}
    return [CaseResult(suite=suite, id=case["id"], kind="eligibility", passed=not reasons, reasons=reasons,
                       question=case["text"], latency_ms=round(latency, 2), scores=scores)]


def timeline_differences(got: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Where a computed timeline differs from the expected phase, statuses, days and next round."""
    reasons = []
    if "phase" in expected and got["phase"] != expected["phase"]:
        reasons.append(f"阶段应为 {expected['phase']}，实为 {got['phase']}")
    periods = {p["key"]: p for p in got["periods"]}
    for key, status in expected.get("periods", {}).items():
        if periods[key]["status"] != status:
            reasons.append(f"{key} 应为 {status}，实为 {periods[key]['status']}")
    deadlines = {d["key"]: d for d in got["deadlines"]}
    for key, want in expected.get("deadlines", {}).items():
        reasons += [f"{key}.{field} 应为 {value}，实为 {deadlines[key][field]}"
                    for field, value in want.items() if deadlines[key][field] != value]
    if "next_round_year" in expected and got["next_round_year"] != expected["next_round_year"]:
        reasons.append(f"下一届应为 {expected['next_round_year']}，实为 {got['next_round_year']}")
    return reasons


def run_timeline_case(assistant: Assistant, suite: str, case: dict[str, Any]) -> list[CaseResult]:
    from assistant.rules import timeline

    started = time.perf_counter()
    got = timeline(as_of(case), assistant.library).model_dump(mode="json")
    latency = (time.perf_counter() - started) * 1000
    reasons = timeline_differences(got, case["expected"])
    return [CaseResult(suite=suite, id=case["id"], kind="timeline", passed=not reasons, reasons=reasons,
                       question=case["as_of"], answer=got["summary"], latency_ms=round(latency, 2),
                       scores={"correct": float(not reasons)})]


def missing_citations(case: dict[str, Any], cited_ids: Iterable[str]) -> list[str]:
    """Reasons for the clauses a case says a draft must cite (``cites``) but it does not."""
    cited = set(cited_ids)
    return [f"未引用 {clause_id}" for clause_id in case.get("cites", []) if clause_id not in cited]


def run_reply_case(assistant: Assistant, suite: str, case: dict[str, Any]) -> list[CaseResult]:
    from assistant.drafting import draft_reply

    started = time.perf_counter()
    reply = draft_reply(case["inquiry"], library=assistant.library, settings=assistant.settings, as_of=as_of(case))
    latency = (time.perf_counter() - started) * 1000
    reasons = [f"缺少要点「{f}」" for f in case.get("must_contain", []) if metrics.fact_recall(reply.text, [f]) < 1]
    reasons += missing_citations(case, (c.id for c in reply.citations))
    verdict_reasons, verdict_metrics = verdict_scores(case.get("expected_verdicts", {}), reply.verdicts)
    reasons += verdict_reasons + [f"来源核对：{p}" for p in reply.problems]
    return [CaseResult(suite=suite, id=case["id"], kind="replies", passed=not reasons, reasons=reasons,
                       question=case["inquiry"], answer=reply.text, cited=[c.id for c in reply.citations],
                       latency_ms=round(latency, 2),
                       scores={"fact_recall": metrics.fact_recall(reply.text, case.get("must_contain", [])),
                               **verdict_metrics})]


def run_drafting_case(assistant: Assistant, suite: str, case: dict[str, Any]) -> list[CaseResult]:
    """A 申报书 draft: facts used, clauses cited, missing facts as placeholders, nothing invented."""
    from assistant.drafting import draft_application, load_facts
    from assistant.settings import PROJECT_ROOT

    facts = load_facts(PROJECT_ROOT / case["facts_file"]) if case.get("facts_file") else case.get("facts", {})
    started = time.perf_counter()
    draft = draft_application(case["type"], facts, settings=assistant.settings, library=assistant.library)
    latency = (time.perf_counter() - started) * 1000
    text = draft.markdown()
    reasons = [f"缺少要点「{f}」" for f in case.get("must_contain", []) if metrics.fact_recall(text, [f]) < 1]
    reasons += missing_citations(case, (c.id for c in draft.citations()))
    reasons += [f"缺少待补充项「{p}」" for p in case.get("placeholders", [])
                if not any(p in listed for listed in draft.placeholders)]
    reasons += [f"来源核对：{p}" for p in draft.problems]
    return [CaseResult(suite=suite, id=case["id"], kind="drafting", passed=not reasons, reasons=reasons,
                       question=case["type"], answer=text[:2000], latency_ms=round(latency, 2),
                       scores={"fact_recall": metrics.fact_recall(text, case.get("must_contain", [])),
                               "provenance_clean": float(not draft.problems)})]


def aggregate(kind: str, results: list[CaseResult]) -> dict[str, float | None]:
    """Suite-level metrics for one kind."""
    def avg(name: str) -> float | None:
        return metrics.mean([r.scores.get(name) for r in results])

    out: dict[str, float | None] = {"pass_rate": sum(r.passed for r in results) / len(results)}
    if any(r.scores.get("wrong_eligible") is not None for r in results):
        out["wrong_eligible"] = sum(r.scores.get("wrong_eligible") or 0.0 for r in results)
    latencies = [r.latency_ms for r in results]
    out["latency_p50_ms"] = metrics.percentile(latencies, 50)
    out["latency_p95_ms"] = metrics.percentile(latencies, 95)
    if kind == "retrieval":
        out |= {"hit@1": avg("hit@1"), "hit@3": avg("hit@3"), "mrr": avg("mrr")}
    if kind == "eligibility":
        out["verdict_accuracy"] = avg("verdict_accuracy")
        keys = sorted({k for r in results for k in r.scores if k.startswith("verdict.")})
        out |= {k.replace("verdict.", "verdict_accuracy."): avg(k) for k in keys}
    if kind == "timeline":
        out["accuracy"] = avg("correct")
    if kind == "replies":
        out |= {"fact_recall": avg("fact_recall"), "verdict_accuracy": avg("verdict_accuracy")}
    if kind == "drafting":
        out |= {"fact_recall": avg("fact_recall"), "provenance_clean": avg("provenance_clean")}
    if kind == "layering":
        out |= {name: avg(name) for name in ("fact_recall", "documents_cited", "reference_kept_below",
                                             "verdict_accuracy", "kind_detection")}
    if kind in ("qa", "multiturn", "adversarial"):
        for name in ("fact_recall", "citation_precision", "citation_recall", "quote_verification", "groundedness",
                     "verdict_accuracy"):
            out[name] = avg(name)
        refused = [r for r in results if not r.scores["answered_in_scope"]]
        should = [r for r in results if not r.scores["expected_in_scope"]]
        out["refusal_precision"] = (sum(not r.scores["expected_in_scope"] for r in refused) / len(refused)
                                    if refused else None)
        out["refusal_recall"] = (sum(not r.scores["answered_in_scope"] for r in should) / len(should)
                                 if should else None)
    return out


RUNNERS: dict[str, Callable[..., list[CaseResult]]] = {
    "retrieval": run_retrieval_case,
    "eligibility": run_eligibility_case,
    "timeline": run_timeline_case,
    "replies": run_reply_case,
    "drafting": run_drafting_case,
    "layering": run_layering_case,
}


def run_suites(assistant: Assistant, paths: Iterable[Path], thresholds: dict[str, float],
               progress: Callable[[int, int, str], None] | None = None) -> RunReport:
    """Every case of every suite; metrics are keyed ``<suite>.<metric>``; thresholds decide the gate."""
    started = datetime.now().astimezone()
    all_results: list[CaseResult] = []
    all_metrics: dict[str, float | None] = {}
    suites = [(path, suite_name(path), suite_kind(path), load_cases(path)) for path in paths]
    total = sum(len(cases) for *_, cases in suites)
    done = 0
    documents = {"pinned": sorted(assistant.library.documents)}
    for path, name, kind, cases in suites:
        results: list[CaseResult] = []
        runs_on = assistant
        if kind == "layering":
            runs_on, detected = layered_assistant(assistant.settings, path)
            documents[name] = sorted(runs_on.library.documents)
            results += kind_results(name, path, detected)
        for case in cases:
            if kind in RUNNERS:
                results += RUNNERS[kind](runs_on, name, case)
            else:
                results += run_chat_case(runs_on, name, kind, case)
            done += 1
            if progress:
                progress(done, total, f"{name}:{case['id']}")
        all_results += results
        all_metrics |= {f"{name}.{metric}": value for metric, value in aggregate(kind, results).items()}
    all_metrics |= split_totals(all_metrics)
    missed = [f"{name} = {all_metrics[name]} {'>' if upper(name) else '<'} {bound}"
              for name, bound in bounds(thresholds, all_metrics).items() if misses(name, all_metrics[name], bound)]
    return RunReport(run_id=started.strftime("%Y%m%d-%H%M%S"), started=started.isoformat(timespec="seconds"),
                     suites=[name for _, name, _, _ in suites], metrics=all_metrics, thresholds=thresholds,
                     missed=missed, cases=all_results, documents=documents)


def split_totals(suite_metrics: dict[str, float | None]) -> dict[str, float]:
    """``dev.wrong_eligible`` and ``holdout.wrong_eligible``: the wrong "eligible" verdicts of each split."""
    totals: dict[str, float] = {}
    for name, value in suite_metrics.items():
        split, _, rest = name.partition("/")
        if split in SPLITS and rest.endswith(".wrong_eligible"):
            totals[f"{split}.wrong_eligible"] = totals.get(f"{split}.wrong_eligible", 0.0) + (value or 0.0)
    return totals


def bounds(thresholds: dict[str, float], metrics: dict[str, float | None]) -> dict[str, float]:
    """Each threshold on the metrics it names; ``*`` matches any run of characters (``holdout/qa*.fact_recall``
    bounds every held-out qa suite), an exact name wins over a pattern."""
    found: dict[str, float] = {}
    for pattern, bound in sorted(thresholds.items(), key=lambda item: "*" not in item[0]):
        found |= {name: bound for name in fnmatch.filter(metrics, pattern)}
    return found


def upper(name: str) -> bool:
    return name.endswith(UPPER_BOUNDS)


def misses(name: str, value: float | None, bound: float) -> bool:
    """Latencies and wrong-eligible counts are upper bounds, every other metric a lower bound; a missing value
    misses."""
    if value is None:
        return True
    return value > bound if upper(name) else value < bound


def load_thresholds(path: Path) -> dict[str, float]:
    return {str(k): float(v) for k, v in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items()}
