"""The LLM output guard on planted answers: verdicts, cited ids, quotes, numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answering.guard import check_answer
from assistant.corpus.library import Library
from assistant.rules import Verdict

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NAMES = {"city": ["示范市"], "county": ["示范县"]}
VERDICTS = {"city": Verdict(status="ineligible", reason="", citations=[]),
            "county": Verdict(status="eligible", reason="", citations=[])}
CONTEXT = "问题：昆山市能申报吗？ 〔notice#2.2〕二、申报单位 › （二）：（二）申报国家知识产权强县建设示范县创建的应为直辖市下辖县"


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(CORPUS)


def problems(library: Library, text: str) -> list[str]:
    return check_answer(text, library=library, allowed_ids={"notice#2.2"}, verdicts=VERDICTS,
                        type_names=NAMES, context=CONTEXT)


def test_a_faithful_answer_passes(library: Library) -> None:
    text = "昆山市可以申报示范县〔notice#2.2〕，不能申报示范市。原文：「地级市（地区、州、盟）的市辖区（市、县、旗）人民政府」"
    assert problems(library, text) == []


def test_contradicting_a_verdict_is_caught(library: Library) -> None:
    found = problems(library, "昆山市可以申报示范市，也符合示范县的条件〔notice#2.2〕。")
    assert any("city" in p for p in found)
    found = problems(library, "昆山市不能申报示范县〔notice#2.2〕。")
    assert any("county" in p for p in found)


def test_citing_a_clause_not_given_is_caught(library: Library) -> None:
    assert any("notice#9.1" in p for p in problems(library, "可以申报示范县〔notice#9.1〕。"))
    assert any("notice#5.4" in p for p in problems(library, "可以申报示范县〔notice#5.4〕。"))


def test_a_quote_not_in_the_source_is_caught(library: Library) -> None:
    assert any("引文" in p for p in problems(library, "通知规定「县级市均可申报示范市」〔notice#2.2〕。"))


def test_a_number_or_date_not_in_the_sources_is_caught(library: Library) -> None:
    found = problems(library, "可以申报示范县〔notice#2.2〕，请在2025年11月30日前提交，名额3个。")
    assert {"11", "30", "3"} <= {p.split()[-1] for p in found if "数字" in p}
