"""The optional language model's turn: it rewords the program's answer, and its wording is shown only when it
passes every check (``guard``); who may apply and what a type requires stays the program's to say."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from assistant.answering.compose import SOURCES_HEADING
from assistant.answering.guard import check_answer, without_claims
from assistant.answering.result import Answer
from assistant.corpus.library import Library

if TYPE_CHECKING:
    from assistant.answering.llm import Explainer



def explained(answer: Answer, explainer: Explainer, library: Library, type_names: dict[str, list[str]],
              today: date) -> Answer:
    """The model's wording when it passes every check; otherwise the extractive answer, flagged in its trace.

    When the answer is about who may apply or what a type requires, the program's first sentences come first
    and the model's sentences saying it again are left out.
    """
    from assistant.answering.llm import prompt_inputs

    ids = list(dict.fromkeys([c.id for c in answer.citations] + answer.trace.get("retrieved", [])[:3]))
    clauses = [library.clause(cid) for cid in ids if library.clause(cid)]
    inputs = prompt_inputs(answer.question, answer.answer, clauses, answer.check, answer.timeline, today)
    try:
        text = explainer.explain(inputs)
    except Exception as error:  # endpoint down, timeout, bad payload: never the user's problem
        answer.trace["fallback"] = f"llm_error: {type(error).__name__}: {str(error)[:200]}"
        return answer
    problems = check_answer(text, library=library, allowed_ids={c.id for c in clauses},
                            verdicts=answer.verdicts, type_names=type_names, context="\n".join(inputs.values()))
    if problems:
        answer.trace["fallback"] = "guard: " + "；".join(problems[:5])
        return answer
    explanation = without_claims(text, type_names, judged=bool(answer.verdicts))
    if not explanation:
        answer.trace["fallback"] = "guard: 模型只复述了申报资格或条件，改用程序的回答"
        return answer
    lead = answer.answer.partition(SOURCES_HEADING)[0].strip()  # the program's verdict or rule, first
    if answer.verdicts or without_claims(lead, type_names, judged=False) != lead:
        explanation = f"{lead}\n{explanation}"
    return answer.model_copy(update={"answer": explanation, "mode": "llm"})
