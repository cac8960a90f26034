"""Feedback rates answers the server issued, one record per answer, and holds no personal data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import InvalidInputError, UnknownAnswerError
from assistant.feedback import MAX_CORRECTION_CHARS, FeedbackStore
from assistant.privacy import redact


def test_redacts_personal_data_but_keeps_the_notice_contacts() -> None:
    text = "我是张三，手机13812345678，身份证11010519491231002X，邮箱 zhang.san@example.com，座机 0512-57681234。"
    clean = redact(text)
    for secret in ("13812345678", "11010519491231002X", "zhang.san@example.com", "57681234"):
        assert secret not in clean
    assert "【手机号已隐去】" in clean and "【身份证号已隐去】" in clean
    assert redact("吕律 010—62083864 邮箱：zLzL@cnipa.gov.cn") == "吕律 010—62083864 邮箱：zLzL@cnipa.gov.cn"
    for written in ("+8613912345678", "+86 139 1234 5678", "139-1234-5678", "139 1234 5678"):
        assert redact(f"电话{written}。") == "电话【手机号已隐去】。", written


@pytest.mark.parametrize(("written", "marker"), [
    ("１３８１２３４５６７８", "【手机号已隐去】"), ("138.1234.5678", "【手机号已隐去】"),
    ("138 1234 5678", "【手机号已隐去】"), ("138-1234-5678", "【手机号已隐去】"),
    ("ｌｉｓｉ＠ｅｘａｍｐｌｅ．ｃｏｍ", "【邮箱已隐去】"),
    ("11010519491231002X", "【身份证号已隐去】"),  # valid check character
    ("110101 19900307 1234", "【身份证号已隐去】"), ("110105-19491231-002X", "【身份证号已隐去】"),
    ("110105491231002", "【身份证号已隐去】"), ("110105 491231 002", "【身份证号已隐去】"),  # 15 digits
    ("0731 8888 1234", "【电话已隐去】"), ("(010)6208-3864", "【电话已隐去】"), ("（０７３１）８８８８－１２３４", "【电话已隐去】"),
])
def test_personal_data_is_redacted_in_any_width_or_grouping(written: str, marker: str) -> None:
    assert redact(f"我的是{written}，请回复。") == f"我的是{marker}，请回复。"


def test_numbers_that_are_not_personal_data_stay() -> None:
    text = "2025年10月24日前报送，名额3个，国知发运字〔2025〕28号，2025—2027年，2025-09-20，100万元，编号123456789012345678"
    assert redact(text) == text


def test_a_rating_and_its_correction_are_one_record_from_the_servers_answer(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.jsonl")
    answer_id = store.issue(question="电话13812345678能报吗", answer="可以", citations=["notice#2.2"])
    store.rate(answer_id, liked=False)
    store.rate(answer_id, liked=False, correction="应为不能")
    with store.path.open("a", encoding="utf-8") as handle:
        handle.write('{"time": "2025-')  # a write cut short by a kill
    store.rate(store.issue(question="收费吗", answer="不收费", citations=[]), liked=True)
    records = store.all()
    assert [(r["liked"], r["correction"]) for r in records] == [(False, "应为不能"), (True, "")]
    assert records[0]["citations"] == ["notice#2.2"] and "13812345678" not in records[0]["question"]


def test_unknown_ids_and_oversize_corrections_store_nothing(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.jsonl", remembered=2)
    with pytest.raises(UnknownAnswerError):
        store.rate("made-up", liked=False, correction="伪造的历史")
    first = store.issue(question="a", answer="b", citations=[])
    store.issue(question="c", answer="d", citations=[])
    store.issue(question="e", answer="f", citations=[])  # the oldest is forgotten
    with pytest.raises(UnknownAnswerError):
        store.rate(first, liked=True)
    with pytest.raises(InvalidInputError):
        store.rate(store.issue(question="g", answer="h", citations=[]), liked=False,
                   correction="长" * (MAX_CORRECTION_CHARS + 1))
    assert store.all() == []


def test_corrections_export_as_an_unreviewed_suite_safe_for_browsers_and_spreadsheets(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from assistant.cli import app
    from assistant.evaluation.runner import load_cases, suite_kind
    from assistant.settings import get_settings

    store = FeedbackStore(tmp_path / "feedback.jsonl")
    store.rate(store.issue(question="浦东新区能报示范县吗", answer="可以", citations=["notice#2.2"]), liked=False,
               correction="直辖市市辖区不能报示范县")
    store.rate(store.issue(question="收费吗", answer="不收费", citations=[]), liked=True)
    store.rate(store.issue(question="=HYPERLINK(\"http://x\")", answer="七类", citations=[]), liked=False,
               correction="<img src=x>")
    get_settings.cache_clear()
    try:
        out = tmp_path / "qa_feedback.jsonl"
        result = CliRunner().invoke(app, ["feedback", "--export", str(out)],
                                    env={"ASSISTANT_DATA_DIR": str(tmp_path)})
        assert result.exit_code == 0 and "2 条" in result.output
    finally:
        get_settings.cache_clear()
    cases = load_cases(out)
    assert suite_kind(out) == "qa" and len(cases) == 2 and {c["status"] for c in cases} == {"unreviewed"}
    assert cases[0]["expected_ids"] == ["notice#2.2"] and "直辖市市辖区不能报示范县" in cases[0]["note"]
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["question"] == "浦东新区能报示范县吗"
    assert cases[1]["question"].startswith("'=HYPERLINK") and "<img" not in cases[1]["note"]
