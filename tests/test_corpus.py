"""The 公文 parser and the library, on the real notice as received."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assistant.corpus.gongwen import parse
from assistant.corpus.library import Library
from assistant.errors import AssistantError

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
RAW = (CORPUS / "cnipa-2025-28-notice.txt").read_text(encoding="utf-8")


def no_space(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.fixture(scope="module")
def clauses():
    return {c.id: c for c in parse(RAW, "notice")}


def test_no_meaningful_character_is_changed(clauses) -> None:
    top_level = [c for c in clauses.values() if c.kind != "annex"]
    assert no_space("".join(c.text for c in top_level)) == no_space(RAW)


def test_every_clause_matches_its_source_span(clauses) -> None:
    for clause in clauses.values():
        start, end = clause.span
        assert no_space(RAW[start:end]) == no_space(clause.text), clause.id
        assert RAW[start] == clause.text[0] and RAW[end - 1] == clause.text[-1]


def test_structure_and_ids(clauses) -> None:
    expected = {"notice#docno", "notice#title", "notice#addressee", "notice#preamble", "notice#1",
                "notice#2", "notice#3", "notice#4", "notice#5", "notice#closing", "notice#annexes",
                "notice#signature", "notice#contacts", "notice#publication", "notice#imprint"}
    expected |= {f"notice#2.{i}" for i in range(1, 8)} | {f"notice#4.{i}" for i in range(1, 6)}
    expected |= {f"notice#5.{i}" for i in range(1, 6)} | {f"notice#annex.{i}" for i in range(1, 5)}
    assert set(clauses) == expected
    assert clauses["notice#docno"].text == "国知发运字〔2025〕28号"
    assert clauses["notice#title"].text == "国家知识产权局关于组织开展2025—2027年知识产权强国建设示范创建工作的通知"
    assert clauses["notice#addressee"].text == "各省、自治区、直辖市和新疆生产建设兵团知识产权局："
    assert clauses["notice#2.2"].heading == "二、申报单位 › （二）"
    assert clauses["notice#4.1"].heading == "四、工作安排 › （一）组织申报（2025年9月—10月）"
    assert clauses["notice#annex.2"].text == "2．知识产权强国建设示范工作推荐对象名额分配表"
    assert clauses["notice#signature"].text == "国家知识产权局\n2025年9月12日"


def test_repairs_broken_lines_dates_and_page_fragments(clauses) -> None:
    assert clauses["notice#1"].text.startswith("一、创建项目\n自2025年起，每3年启动一届")
    assert "国家知识产权强县建设示范县" in clauses["notice#1"].text  # joined across a page break
    closing = clauses["notice#closing"].text
    assert "于2025年9月19日前将回执（附件4）" in closing and "2025年10月24日前完成推荐" in closing
    assert clauses["notice#4.1"].text.endswith("各类项目此前年度已认定为示范单位的继续有效，此届不需重复提出申报。")
    assert "\n创建周期内" in clauses["notice#4.2"].text  # a paragraph that starts after a page break


def test_record_blocks_keep_field_separators(clauses) -> None:
    contacts = clauses["notice#contacts"].text
    assert "示范市、示范县工作 吕律 010—62083864 示范园区" in contacts
    assert "邮箱：zLzL@cnipa.gov.cn）" in contacts
    assert clauses["notice#imprint"].text == "国家知识产权局办公室 2025年9月12日印发"


def test_sub_items_and_plain_paragraphs() -> None:
    text = ("一、总体要求\n\n（一）工作目标。到 2027年，\n\n形成一批示范单位。\n\n1．第一项任务\n\n"
            "2．第二项任务。\n\n二、其他\n\n本通知自印发之日起施行。\n")
    ids = {c.id: c for c in parse(text, "p")}
    assert ids["p#1.1"].text == "（一）工作目标。到2027年，形成一批示范单位。"
    assert ids["p#1.1.1"].text == "1．第一项任务" and ids["p#1.1.2"].heading == "一、总体要求 › （一）工作目标"
    assert ids["p#2"].text == "二、其他\n本通知自印发之日起施行。"
    plain = parse("第一段文字。\n\n第二段\n文字。\n", "x")
    assert [(c.id, c.text) for c in plain] == [("x#p1", "第一段文字。"), ("x#p2", "第二段文字。")]


def test_library_verifies_quotes_and_lists_missing_annexes() -> None:
    library = Library(CORPUS)
    assert library.verify_quote("notice#5.4", "不得以任何形式向申报单位、创建对象、示范单位等收取费用")
    assert not library.verify_quote("notice#5.4", "可以收取少量费用")
    assert not library.verify_quote("notice#9.9", "收取费用")
    citation = library.cite("notice#2.2", "兵团下辖市")
    assert citation.heading == "二、申报单位 › （二）" and citation.doc == "notice"
    with pytest.raises(AssistantError):
        library.cite("notice#2.1", "省直管县")
    assert [d.id for d in library.unavailable()] == ["annex1", "annex2", "annex3", "annex4"]
    assert all(not library.document(d.id).clauses for d in library.unavailable())


def test_changed_source_file_is_refused(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    source = tmp_path / "corpus" / "cnipa-2025-28-notice.txt"
    source.write_text(RAW.replace("不得以任何形式", "可以"), encoding="utf-8")
    with pytest.raises(AssistantError, match="哈希"):
        Library(tmp_path / "corpus")
