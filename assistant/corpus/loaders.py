"""Turn the bytes of an uploaded file into source text (and, for spreadsheets, record spans).

Supported: .txt/.md (UTF-8, UTF-8 with BOM, else GB18030), .docx (paragraphs and tables in
order), .pdf (text layer only) and .xlsx (one record per sheet row after the header row).
Table rows (docx) and sheet rows (xlsx) are rendered as ``表头：值；表头：值``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from assistant.errors import DecodeError, EmptyDocumentError, UnsupportedFormatError

WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Record:
    """One spreadsheet row: its sheet, its row number in the sheet and its span in the text."""

    sheet: str
    row: int
    span: tuple[int, int]


@dataclass
class Extracted:
    """Source text of a document; ``records`` is non-empty for spreadsheets (content = records)."""

    text: str
    records: list[Record] = field(default_factory=list)

    @property
    def content(self) -> str:
        return "records" if self.records else "text"


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else GB18030; binary or undecodable bytes raise DecodeError."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise DecodeError(f"{name} 无法按 UTF-8 或 GB18030 解码（可能不是文本文件），请另存为 UTF-8 文本后再导入")


def load_text(data: bytes, name: str) -> Extracted:
    return Extracted(decode_text(data, name))


def cell_text(value: Any) -> str:
    """A cell value as one line of text (3.0 → 3, dates without time → 2025-09-12)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    return WHITESPACE.sub(" ", str(value)).strip()


def render_row(header: list[str], cells: list[str]) -> str:
    """``表头：值；表头：值`` for the non-empty cells; a column without header is named ``第N列``."""
    fields = []
    for index, value in enumerate(cells):
        if value:
            label = header[index] if index < len(header) and header[index] else f"第{index + 1}列"
            fields.append(f"{label}：{value}")
    return "；".join(fields)


def load_docx(data: bytes, name: str) -> Extracted:
    """Paragraph texts and table rows in document order, one per line; a table row ends with 。."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(_zip_stream(data, name))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise DecodeError(f"{name} 不是有效的 Word（.docx）文件：{error}") from error
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        elif block.text.strip():
            lines.append(block.text.strip())
    return Extracted("\n".join(lines))


def _table_lines(table: Any) -> list[str]:
    rows = [_unique_cells(row.cells) for row in table.rows]
    rows = [row for row in rows if any(row)]
    if len(rows) < 2:
        return ["；".join(c for c in row if c) + "。" for row in rows]
    header = rows[0]
    return [render_row(header, row) + "。" for row in rows[1:]]


def _unique_cells(cells: Iterable[Any]) -> list[str]:
    """Cell texts of a row, a horizontally merged cell counted once."""
    seen: list[Any] = []
    texts = []
    for cell in cells:
        if not any(cell._tc is tc for tc in seen):
            seen.append(cell._tc)
            texts.append(cell_text(cell.text))
    return texts


def load_pdf(data: bytes, name: str) -> Extracted:
    """The text layer, page after page; a PDF without one is refused (no OCR)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    except (PdfReadError, ValueError, KeyError) as error:
        raise DecodeError(f"{name} 无法作为 PDF 读取（文件损坏或已加密）：{error}") from error
    text = "\n".join(page.rstrip("\n") for page in pages)
    if not text.strip():
        raise EmptyDocumentError(f"{name} 没有文字层（可能是扫描件）；本系统不支持 OCR，"
                                 "请提供带文字层的 PDF、Word 或文本文件")
    return Extracted(text)


def load_xlsx(data: bytes, name: str) -> Extracted:
    """Every sheet: the first non-empty row is the header, each later non-empty row one record."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(_zip_stream(data, name), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError) as error:
        raise DecodeError(f"{name} 不是有效的 Excel（.xlsx）文件：{error}") from error
    lines: list[str] = []
    records: list[Record] = []
    offset = 0
    try:
        for sheet in workbook.worksheets:
            sheet_name = sheet.title.strip()
            header: list[str] | None = None
            for row_number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
                cells = [cell_text(v) for v in values]
                if not any(cells):
                    continue
                if header is None:
                    header = cells
                    lines.append(f"【{sheet_name}】")
                    offset += len(lines[-1]) + 1
                    continue
                line = render_row(header, cells)
                records.append(Record(sheet_name, row_number, (offset, offset + len(line))))
                lines.append(line)
                offset += len(line) + 1
    finally:
        workbook.close()
    if not records:
        raise EmptyDocumentError(f"{name} 中没有数据行（每个工作表的第一行是表头，其后每行是一条记录）")
    return Extracted("\n".join(lines), records)


def _zip_stream(data: bytes, name: str) -> io.BytesIO:
    """An Office file is a zip archive; anything else is refused with a clear message."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DecodeError(f"{name} 不是有效的 Office 文件（文件损坏或扩展名不符）")
    return io.BytesIO(data)


LOADERS: dict[str, Callable[[bytes, str], Extracted]] = {
    ".txt": load_text,
    ".md": load_text,
    ".docx": load_docx,
    ".pdf": load_pdf,
    ".xlsx": load_xlsx,
}


def loader_for(suffix: str) -> Callable[[bytes, str], Extracted]:
    """The loader for a lower-case suffix such as ``.pdf``; unknown formats are refused."""
    if suffix not in LOADERS:
        supported = "、".join(LOADERS)
        raise UnsupportedFormatError(f"不支持的文件格式：{suffix or '（无扩展名）'}。可导入 {supported}")
    return LOADERS[suffix]


def load(data: bytes, name: str, suffix: str) -> Extracted:
    """Extract the text of a file whose name ends in ``suffix`` (lower case, with the dot)."""
    extracted = loader_for(suffix)(data, name)
    if not extracted.text.strip():
        raise EmptyDocumentError(f"{name} 中没有可用的文字")
    return extracted
