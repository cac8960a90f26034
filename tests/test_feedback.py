"""Feedback is stored line by line, survives torn lines, and holds no personal data."""

from __future__ import annotations

from pathlib import Path

from assistant.privacy import redact
from assistant.web.feedback import FeedbackStore


def test_redacts_personal_data_but_keeps_the_notice_contacts() -> None:
    text = "我是张三，手机13812345678，身份证11010519491231002X，邮箱 zhang.san@example.com，座机 0512-57681234。"
    clean = redact(text)
    for secret in ("13812345678", "11010519491231002X", "zhang.san@example.com", "57681234"):
        assert secret not in clean
    assert "【手机号已隐去】" in clean and "【身份证号已隐去】" in clean
    assert redact("吕律 010—62083864 邮箱：zLzL@cnipa.gov.cn") == "吕律 010—62083864 邮箱：zLzL@cnipa.gov.cn"


def test_feedback_round_trip_and_torn_line(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.jsonl")
    store.add(question="电话13812345678能报吗", answer="可以", liked=False,
              citations=[{"id": "notice#2.2"}], correction="应为不能")
    with store.path.open("a", encoding="utf-8") as handle:
        handle.write('{"time": "2025-')  # a write cut short by a kill
    store.add(question="收费吗", answer="不收费", liked=True, citations=[])
    records = store.all()
    assert [r["liked"] for r in records] == [False, True]
    assert records[0]["citations"] == ["notice#2.2"] and "13812345678" not in records[0]["question"]
