"""Check a language model's answer against the rules and the sources before anyone sees it."""

from __future__ import annotations

import re

from assistant.corpus.library import Library, strip_space
from assistant.rules import Verdict

CITED_ID = re.compile(r"[〔\[【(（]\s*([A-Za-z0-9_-]+#[A-Za-z0-9_.!-]+)\s*[〕\]】)）]")
QUOTED = re.compile(r"[「“\"]([^」”\"]{4,})[」”\"]")
NUMBER = re.compile(r"\d+")
POSITIVE = re.compile(r"可以申报|能够申报|能申报|符合(申报)?条件|有资格|具备.{0,4}资格|可申报")
NEGATIVE = re.compile(r"不能|不可以|不可|不符合|无资格|没有资格|不具备|不属于|无法申报|不得申报")
CN_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")


def _numbers(text: str) -> set[str]:
    return set(NUMBER.findall(text))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；！？，\n])", text) if s.strip()]


def check_answer(text: str, *, library: Library, allowed_ids: set[str], verdicts: dict[str, Verdict] | None,
                 type_names: dict[str, list[str]], context: str) -> list[str]:
    """Problems found in ``text``; empty means it may be shown.

    ``allowed_ids`` are the clauses the model was given; ``context`` is everything it was told
    (question, verdicts, clauses), the only place numbers may come from.
    """
    problems = []
    cited = CITED_ID.findall(text)
    problems += [f"引用了未提供的条款 {cid}" for cid in cited if cid not in allowed_ids]
    sources = strip_space("".join(library.clause(cid).text for cid in allowed_ids if library.clause(cid)))
    problems += [f"引文与原文不符：「{q[:30]}」" for q in QUOTED.findall(text) if strip_space(q) not in sources]
    known = _numbers(context) | _numbers(context.translate(CN_DIGITS))
    without_ids = CITED_ID.sub("", text)
    problems += [f"出现来源中没有的数字 {n}" for n in sorted(_numbers(without_ids) - known)]
    for key, verdict in (verdicts or {}).items():
        for sentence in _sentences(without_ids):
            if not any(name in sentence for name in type_names.get(key, [])):
                continue
            says_yes = POSITIVE.search(sentence) and not NEGATIVE.search(sentence)
            says_no = bool(NEGATIVE.search(sentence))
            if (verdict.status == "ineligible" and says_yes) or (verdict.status == "eligible" and says_no):
                problems.append(f"与规则判定（{key}：{verdict.status}）矛盾：{sentence.strip()[:40]}")
    return problems
