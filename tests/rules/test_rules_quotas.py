"""Annex 2 quotas: nothing is known until a file is imported; then answers cite the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from assistant.errors import IngestError, UnsupportedFormatError
from assistant.rules.quotas import import_table, quota_answer, stored_table
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "eval" / "quotas" / "example.csv"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


def test_without_a_table_nothing_is_invented(settings, library) -> None:
    answer = quota_answer(settings.data_dir, library, province="浙江省", project="示范企业")
    assert not answer.loaded and answer.rows == []
    assert "附件2（名额分配表）尚未载入" in answer.message
    assert not any(ch.isdigit() for ch in answer.message.replace("附件2", ""))
    assert [c.id for c in answer.citations] == ["notice#4.1", "notice#annex.2"]


def test_example_file_imports_and_answers_with_its_source(settings, library) -> None:
    table = import_table(EXAMPLE, settings.data_dir)
    assert len(table.rows) == 3 and all("示例" in row.note for row in table.rows)
    assert stored_table(settings.data_dir) == table
    answer = quota_answer(settings.data_dir, library, province="浙江", project="enterprise")
    assert answer.loaded and [(r.province, r.project, r.row) for r in answer.rows] == [("浙江省", "enterprise", 2)]
    assert "example.csv" in answer.message and "示例数据" in answer.message and "第2行" in answer.message
    assert answer.sha256 == table.sha256
    xpcc = quota_answer(settings.data_dir, library, province="新疆生产建设兵团")
    assert [r.project for r in xpcc.rows] == ["county"]
    missing = quota_answer(settings.data_dir, library, province="广东省", project="示范高校")
    assert missing.loaded and missing.rows == [] and "没有" in missing.message


def test_a_bad_file_is_refused_whole(settings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("省份,项目类型,名额\n浙江省,示范企业,3\n火星省,示范县,2\n江苏省,示范中学,1\n江苏省,示范县,两个\n"
                   "浙江省,enterprise,4\n", encoding="utf-8")
    with pytest.raises(IngestError) as error:
        import_table(bad, settings.data_dir)
    message = str(error.value)
    for row in ("第3行", "第4行", "第5行", "第6行"):
        assert row in message
    assert "第2行" not in message
    assert stored_table(settings.data_dir) is None


def test_missing_columns_and_formats(settings, tmp_path: Path) -> None:
    no_quota = tmp_path / "cols.csv"
    no_quota.write_text("省份,项目类型\n浙江省,示范企业\n", encoding="utf-8")
    with pytest.raises(IngestError, match="名额"):
        import_table(no_quota, settings.data_dir)
    with pytest.raises(UnsupportedFormatError):
        import_table(tmp_path / "table.pdf", settings.data_dir)


def test_xlsx_with_columns_in_any_order(settings, tmp_path: Path, library) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["备注", "名额", "项目类型", "省份"])
    sheet.append(["示例数据", 2, "示范高校", "湖北省"])
    sheet.append(["示例数据", 1, "国家知识产权强县建设示范县", "湖北"])
    path = tmp_path / "annex2.xlsx"
    book.save(path)
    import_table(path, settings.data_dir)
    answer = quota_answer(settings.data_dir, library, province="湖北省")
    assert sorted((r.project, r.quota) for r in answer.rows) == [("county", 1), ("university", 2)]
