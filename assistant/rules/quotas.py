"""Annex 2 (推荐对象名额分配表): a documented file format, an importer, and answers that cite the file.

The annex itself was not received, so no number is known until someone imports one. Format
(see eval/quotas/README.md): a UTF-8 CSV or an .xlsx (first sheet) whose header row holds

    省份,项目类型,名额[,备注]

- 省份: a province-level unit the notice is addressed to (浙江省 or 浙江, 新疆生产建设兵团 or 兵团);
- 项目类型: a key (city, county, park, service_zone, enterprise, university, institute), the official
  name or the short name (示范市, 示范企业 …);
- 名额: a whole number ≥ 0;
- 备注: free text, shown with every answer (an example file says 示例数据 on every row).

A file with any bad row is refused whole. The imported table is kept as JSON under
``data_dir/quotas/annex2.json`` with the source file's name and sha256.
"""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel

from assistant.corpus.library import Library
from assistant.corpus.model import Citation
from assistant.errors import DecodeError, EmptyDocumentError, IngestError, UnsupportedFormatError
from assistant.rules.divisions import PROVINCE_SHORT, division_index
from assistant.rules.params import ProjectKey, constraints, project_types

COLUMNS = ("省份", "项目类型", "名额")
XPCC = "新疆生产建设兵团"
NOT_LOADED = "附件2（名额分配表）尚未载入，无法回答具体名额，也不会推测；名额由省级知识产权局在分配名额内择优推荐。"


class QuotaRow(BaseModel):
    province: str
    project: ProjectKey
    quota: int
    note: str = ""
    row: int  # line of the source file (header = 1)


class QuotaTable(BaseModel):
    source: str  # file name as imported
    sha256: str
    imported_at: datetime
    rows: list[QuotaRow]


class QuotaAnswer(BaseModel):
    loaded: bool
    message: str
    rows: list[QuotaRow] = []
    source: str = ""
    sha256: str = ""
    citations: list[Citation]


def province_names() -> dict[str, str]:
    """Every accepted spelling of a province-level unit to its full name."""
    outside = ("71", "81", "82")
    names = {XPCC: XPCC, "兵团": XPCC}
    for division in division_index().by_code.values():
        if division.rank == 0 and division.code[:2] not in outside:
            names[division.name] = division.name
            short = PROVINCE_SHORT.get(division.name) or division.name.removesuffix("省").removesuffix("市")
            names[short] = division.name
    return names


def project_keys() -> dict[str, ProjectKey]:
    return {spelling: key for key, t in project_types().items() for spelling in (key, *t.names)}


def read_rows(path: Path) -> list[list[str]]:
    """The cells of a CSV or .xlsx file as text, header first."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        return [["" if cell is None else str(cell).strip() for cell in row]
                for row in sheet.iter_rows(values_only=True)]
    if suffix != ".csv":
        raise UnsupportedFormatError(f"名额分配表只支持 .csv 或 .xlsx：{path.name}")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DecodeError(f"{path.name} 不是 UTF-8 编码的 CSV") from None
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]


def parse_table(path: Path) -> QuotaTable:
    """Validate a quota file; any bad row refuses the whole file, listing every problem."""
    rows = [r for r in read_rows(path) if any(r)]
    if len(rows) < 2:
        raise EmptyDocumentError(f"{path.name} 没有名额数据")
    header = rows[0]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise IngestError(f"{path.name} 缺少列：{'、'.join(missing)}（表头应为 省份,项目类型,名额[,备注]）")
    at = {name: header.index(name) for name in (*COLUMNS, "备注") if name in header}
    provinces, keys = province_names(), project_keys()
    parsed, problems, seen = [], [], set()
    for number, cells in enumerate(rows[1:], start=2):
        cell = {name: cells[i] if i < len(cells) else "" for name, i in at.items()}
        province, key, quota = provinces.get(cell["省份"]), keys.get(cell["项目类型"]), cell["名额"]
        if province is None:
            problems.append(f"第{number}行：省份“{cell['省份']}”无法识别")
        if key is None:
            problems.append(f"第{number}行：项目类型“{cell['项目类型']}”无法识别")
        if not quota.isdigit():
            problems.append(f"第{number}行：名额“{quota}”不是非负整数")
        if province and key and (province, key) in seen:
            problems.append(f"第{number}行：{province}的{cell['项目类型']}重复")
        if province and key and quota.isdigit():
            seen.add((province, key))
            parsed.append(QuotaRow(province=province, project=key, quota=int(quota), note=cell.get("备注", ""),
                                   row=number))
    if problems:
        raise IngestError(f"{path.name} 未导入：" + "；".join(problems))
    return QuotaTable(source=path.name, sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                      imported_at=datetime.now().replace(microsecond=0), rows=parsed)


def table_path(data_dir: Path) -> Path:
    return data_dir / "quotas" / "annex2.json"


def import_table(path: Path, data_dir: Path) -> QuotaTable:
    """Validate ``path`` and keep it as the quota table under ``data_dir`` (replacing any earlier one)."""
    table = parse_table(path)
    target = table_path(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(table.model_dump_json(indent=2), encoding="utf-8")
    return table


def stored_table(data_dir: Path) -> QuotaTable | None:
    path = table_path(data_dir)
    return QuotaTable.model_validate_json(path.read_text(encoding="utf-8")) if path.is_file() else None


def quota_answer(data_dir: Path, library: Library, province: str | None = None,
                 project: str | None = None) -> QuotaAnswer:
    """The quota for a province and/or project type, from the table imported under ``data_dir`` only."""
    rules = constraints()
    citations = [rules["quota"].reference.cite(library), rules["quota_annex"].reference.cite(library)]
    table = stored_table(data_dir)
    if table is None:
        return QuotaAnswer(loaded=False, message=NOT_LOADED, citations=citations)
    wanted_province = province_names().get(province or "", province)
    wanted_key = project_keys().get(project or "", project)
    rows = [r for r in table.rows if (not province or r.province == wanted_province)
            and (not project or r.project == wanted_key)]
    source = f"已载入的名额分配表 {table.source}（sha256 {table.sha256[:12]}）"
    if not rows:
        return QuotaAnswer(loaded=True, message=f"{source}中没有{province or ''}{project or ''}的名额记录。",
                           source=table.source, sha256=table.sha256, citations=citations)
    types = project_types()
    parts = [f"{r.province}{types[r.project].short}{r.quota}名（第{r.row}行{('，' + r.note) if r.note else ''}）"
             for r in rows]
    return QuotaAnswer(loaded=True, message=f"据{source}：" + "；".join(parts) + "。", rows=rows,
                       source=table.source, sha256=table.sha256, citations=citations)
