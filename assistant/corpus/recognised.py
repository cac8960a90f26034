"""Lists of units already recognised: each row (a sheet row, a table row or a line) read as
{unit, title, year, batch}.

Rows come as ``表头：值；表头：值`` (spreadsheets, .docx tables) or as plain lines with the fields separated
by tabs, commas or spaces (``湘潭市人民政府 国家知识产权强市建设示范城市 2022``). Which project type a title
means is the rules' business; here a title is just the words of the list.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.corpus.model import Clause

FIELD = re.compile(r"^([^：:；]{1,12})[：:](.*)$")
HEADERS = {  # header words → field, the first that matches wins
    "title": ("称号", "类别", "类型", "项目", "荣誉", "名称类别", "示范类型"),
    "year": ("年份", "年度", "时间", "日期"),
    "batch": ("批次", "批"),
    "note": ("备注", "说明", "状态"),
    "unit": ("单位", "名称", "企业", "高校", "学校", "机构", "园区", "城市", "区县", "县"),
}
NAME_HEADERS = ("名称", "单位", "全称")
TITLE_WORDS = re.compile(r"示范|试点|强市|强县|优势企业|称号")
YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?:年度?)?(?!\d)")
BATCH = re.compile(r"第[一二三四五六七八九十\d]+批")
SEPARATORS = re.compile(r"[\t,，、|；;]+|\s{2,}|\s+")
ROW_NUMBER = re.compile(r"^\d{1,3}[.．、]?$")  # a 序号 column; four digits are a year
# In a line without field names, the title names a recognition and the unit is a body: a sentence of prose split
# at its commas (今年共设示范市、示范县…) has neither
PLAIN_TITLE = re.compile(r"(?:示范|试点|优势)(?:城市|市|县|区|园区|企业|高校|科研机构|单位)?(?:（[^）]*）)?$")
PLAIN_UNIT = re.compile(r"(?:[市县区旗州盟园院所局厂]|公司|集团|大学|学校|中心|政府|管委会|委员会|实验室)"
                        r"(?:（[^）]*）)?$")


class RecognisedUnit(BaseModel):
    """One row of a loaded list: who was recognised, as what, when; ``clause`` cites the row."""

    unit: str
    title: str
    year: int | None = None
    batch: str = ""
    note: str = ""  # 备注: e.g. that the title was revoked
    clause: str = ""
    doc: str = ""


def read_row(text: str) -> RecognisedUnit | None:
    """The fields of one row, or None when it names no unit and no recognition title."""
    text = text.strip().rstrip("。")
    parts = [p.strip() for p in text.split("；")] if "；" in text or FIELD.match(text) else []
    labelled = [m.groups() for p in parts if (m := FIELD.match(p))]
    row = from_labelled(labelled) if labelled and len(labelled) == len(parts) else from_plain(text)
    return row if row and row.unit and row.title and TITLE_WORDS.search(row.title) else None


def from_labelled(fields: list[tuple[str, str]]) -> RecognisedUnit | None:
    """The fields by their headers; of several columns that may hold the unit, one headed as a name (单位名称)
    before one that only says where it is (州（市）, 县（市、区）, 所在城市)."""
    values: dict[str, str] = {}
    for header, value in sorted(fields, key=lambda field: not any(w in field[0] for w in NAME_HEADERS)):
        name = next((name for name, words in HEADERS.items() if any(w in header for w in words)), None)
        if name and name not in values and value.strip():
            values[name] = value.strip()
    year = YEAR.search(values.get("year", ""))
    return RecognisedUnit(unit=values.get("unit", ""), title=values.get("title", ""),
                          year=int(year.group(1)) if year else None, batch=values.get("batch", ""),
                          note=values.get("note", ""))


def from_plain(text: str) -> RecognisedUnit | None:
    tokens = [t for t in SEPARATORS.split(text) if t and not ROW_NUMBER.match(t)]
    title = next((t for t in tokens if TITLE_WORDS.search(t)), "")
    year = next((m for t in tokens if (m := YEAR.fullmatch(t))), None)
    batch = next((t for t in tokens if BATCH.fullmatch(t)), "")
    rest = [t for t in tokens if t not in (title, batch) and not YEAR.fullmatch(t)]
    if not title or not rest or not PLAIN_TITLE.search(title) or not PLAIN_UNIT.search(rest[0]):
        return None
    return RecognisedUnit(unit=rest[0], title=title, year=int(year.group(1)) if year else None, batch=batch)


def is_list(lines: list[str]) -> bool:
    """Most non-empty lines (at least three) read as rows of a list of recognised units."""
    rows = [line for line in lines if line.strip()]
    return len(rows) >= 3 and sum(read_row(line) is not None for line in rows) >= 0.6 * len(rows)


def units_in(clauses: list[Clause]) -> list[RecognisedUnit]:
    """Every row of a list document that reads as a recognised unit, citing its clause."""
    found = []
    for clause in clauses:
        if clause.kind == "record" and (row := read_row(clause.text)):
            found.append(row.model_copy(update={"clause": clause.id, "doc": clause.doc}))
    return found
