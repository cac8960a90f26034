"""Optional LLM judge of prose (fluency, correctness) — several runs, spread reported, never the only signal."""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate

from assistant.corpus.library import Library
from assistant.evaluation.runner import CaseResult

JSON_OBJECT = re.compile(r"\{.*\}", re.S)
CRITERIA = ("fluency", "correctness")


def parse_scores(text: str) -> dict[str, int] | None:
    """The judge's scores, or None when its reply is not the JSON the rubric asks for."""
    match = JSON_OBJECT.search(text)
    try:
        data = json.loads(match.group(0)) if match else None
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or not all(isinstance(data.get(c), int) and 1 <= data[c] <= 5 for c in CRITERIA):
        return None
    return {c: data[c] for c in CRITERIA}


def judge_cases(chat_model: BaseChatModel, prompts_dir: Path, library: Library, cases: list[CaseResult],
                runs: int = 3) -> dict[str, Any]:
    """Mean score per criterion over all runs, the spread between runs, and how many replies were unusable."""
    prompt = ChatPromptTemplate.from_messages([
        ("system", (prompts_dir / "judge_rubric.md").read_text(encoding="utf-8")),
        ("human", (prompts_dir / "judge_case.md").read_text(encoding="utf-8")),
    ])
    chain = prompt | chat_model | StrOutputParser()
    chat_cases = [c for c in cases if c.answer and c.kind in ("qa", "multiturn", "adversarial")]
    run_means: dict[str, list[float]] = {c: [] for c in CRITERIA}
    unusable = 0
    for _ in range(runs):
        scores: dict[str, list[int]] = {c: [] for c in CRITERIA}
        for case in chat_cases:
            clauses = "\n".join(f"〔{cid}〕{library.clause(cid).text}" for cid in case.cited if library.clause(cid))
            try:
                parsed = parse_scores(chain.invoke({"question": case.question, "answer": case.answer,
                                                    "clauses": clauses or "（无）"}))
            except Exception:  # an endpoint error costs one judgement, not the run
                parsed = None
            if parsed is None:
                unusable += 1
                continue
            for criterion in CRITERIA:
                scores[criterion].append(parsed[criterion])
        for criterion in CRITERIA:
            if scores[criterion]:
                run_means[criterion].append(statistics.mean(scores[criterion]))
    result: dict[str, Any] = {"runs": runs, "cases": len(chat_cases), "unusable": unusable}
    for criterion, means in run_means.items():
        result[f"{criterion}_mean"] = statistics.mean(means) if means else None
        result[f"{criterion}_spread"] = (max(means) - min(means)) if means else None
    return result
