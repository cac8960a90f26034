"""Turn the bytes of an uploaded file into source text (and, for spreadsheets, record spans).

Supported: .txt/.md (UTF-8, UTF-8 with BOM, else GB18030; Markdown marks dropped), .docx (paragraphs and tables in
order), .pdf (text layer only), .xlsx and .csv (one record per row after the header row).
Table rows (docx) and sheet rows (xlsx, csv) are rendered as ``表头：值；表头：值``.

Every loader enforces ``IngestLimits`` while it reads (see ``assistant.corpus.limits``); run them
through ``assistant.corpus.sandbox``, which also caps the memory and time of the whole parse.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from assistant.corpus import pdf_layout
from assistant.corpus.limits import MB, CharBudget, checked_archive
from assistant.errors import DecodeError, EmptyDocumentError, LimitExceededError, UnsupportedFormatError
from assistant.settings import IngestLimits

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


def load_text(data: bytes, name: str, limits: IngestLimits) -> Extracted:
    return Extracted(CharBudget(name, limits.max_chars).spend(decode_text(data, name)))


MARKDOWN_LINE = re.compile(r"^\s{0,3}(?:#{1,6}\s*|>\s?|[-*+]\s+)")  # heading, quote and bullet marks
MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)\)")
MARKDOWN_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def load_markdown(data: bytes, name: str, limits: IngestLimits) -> Extracted:
    """The text a Markdown file shows: marks dropped (# headings, **emphasis**, bullets, quotes, rules), a link
    as its text and address, and a table's rows as ``表头：值；表头：值。``, as tables of Word files."""
    budget = CharBudget(name, limits.max_chars)
    lines: list[str] = []
    table: list[list[str]] = []
    for line in [*decode_text(data, name).splitlines(), ""]:
        if line.strip().startswith("|"):
            if not TABLE_RULE.match(line):
                table.append([cell_text(_markdown_inline(cell)) for cell in line.strip().strip("|").split("|")])
            continue
        if table:
            lines += [budget.spend(row) for row in _rows(table)]
            table = []
        if not MARKDOWN_RULE.match(line):
            lines.append(budget.spend(_markdown_inline(MARKDOWN_LINE.sub("", line))))
    return Extracted("\n".join(lines).strip())


def _markdown_inline(text: str) -> str:
    text = MARKDOWN_LINK.sub(lambda m: f"{m.group(1)}（{m.group(2)}）" if m.group(2) else m.group(1), text)
    return MARKDOWN_EMPHASIS.sub(r"\2", text)


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


def load_docx(data: bytes, name: str, limits: IngestLimits) -> Extracted:
    """Paragraph texts and table rows in document order, one per line; a table row ends with 。."""
    import docx
    from docx.table import Table

    archive = checked_archive(data, name, "word/", "Word", limits)
    try:
        document = docx.Document(archive)
    except Exception as error:  # python-docx raises many types on malformed parts; all mean "cannot read"
        raise DecodeError(f"{name} 不是有效的 Word（.docx）文件（文件已损坏）") from error
    budget = CharBudget(name, limits.max_chars)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(budget.spend(line) for line in _table_lines(block))
        elif block.text.strip():
            lines.append(budget.spend(block.text.strip()))
    return Extracted("\n".join(lines))


def _table_lines(table: Any) -> list[str]:
    return _rows([_unique_cells(row.cells) for row in table.rows])


def _rows(rows: list[list[str]]) -> list[str]:
    """A table's rows as lines: ``表头：值；表头：值。`` under a header row; a lone row joined with ；."""
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


def load_pdf(data: bytes, name: str, limits: IngestLimits) -> Extracted:
    """The text layer, page after page, as laid out: a paragraph's wrapped lines joined, a table's rows rendered
    as ``表头：值；表头：值。`` (``pdf_layout``); a PDF without a text layer is refused (no OCR).

    pypdf's own decompression limits are set to ``max_unzipped_mb``; characters are counted as
    pypdf extracts them, so a page that expands into millions of characters stops at the limit.
    """
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PdfReadError

    cap = int(limits.max_unzipped_mb * MB)
    budget = CharBudget(name, limits.max_chars)
    try:
        with apply_configuration(maximum_declared_stream_length=cap, zlib_maximum_output_length=cap,
                                 lzw_maximum_output_length=cap, run_length_maximum_output_length=cap,
                                 array_based_stream_maximum_output_length=cap):
            reader = PdfReader(io.BytesIO(data))
            if len(reader.pages) > limits.max_pages:
                raise LimitExceededError(f"{name} 共 {len(reader.pages)} 页，超过 {limits.max_pages} 页上限，未导入")
            for page in reader.pages:  # counted as plain text first: layout mode takes no visitor
                page.extract_text(visitor_text=lambda text, *_: budget.spend(text))
            pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
    except LimitReachedError as error:
        raise LimitExceededError(f"{name} 超出 PDF 解析上限（数据流解压后不得超过 {limits.max_unzipped_mb:g} MB，"
                                 "页面结构不得过于庞大），未导入") from error
    except (PdfReadError, ValueError, KeyError) as error:
        raise DecodeError(f"{name} 无法作为 PDF 读取（文件损坏或已加密）：{error}") from error
    text = "\n".join(line for block in pdf_layout.blocks(pages)
                     for line in (_rows(block) if isinstance(block, list) else [block]))
    if not text.strip():
        raise EmptyDocumentError(f"{name} 没有文字层（可能是扫描件）；本系统不支持 OCR，"
                                 "请提供带文字层的 PDF、Word 或文本文件")
    return Extracted(text)


class Rows:
    """The text lines and records a spreadsheet yields, over all its sheets."""

    def __init__(self, name: str, limits: IngestLimits) -> None:
        self.name, self.budget = name, CharBudget(name, limits.max_chars)
        self.lines: list[str] = []
        self.records: list[Record] = []
        self.offset = 0

    def line(self, text: str) -> tuple[int, int]:
        start = self.offset
        self.lines.append(self.budget.spend(text))
        self.offset += len(text) + 1
        return start, start + len(text)

    def extracted(self) -> Extracted:
        if not self.records:
            raise EmptyDocumentError(f"{self.name} 中没有数据行（表头之后每行是一条记录）")
        return Extracted("\n".join(self.lines), self.records)


class Table:
    """One sheet: rows before the header (a title above the table) are lines, the first row with two or more
    cells is the header, each later non-empty row is one record."""

    def __init__(self, sheet: str, rows: Rows) -> None:
        self.sheet, self.rows = sheet, rows
        self.header: list[str] | None = None

    def add(self, row_number: int, cells: list[str]) -> None:
        if not any(cells):
            return
        if self.header is None:
            if sum(bool(cell) for cell in cells) >= 2:
                self.header = cells
                self.rows.line(f"【{self.sheet}】")
            else:
                self.rows.line("".join(cells))
            return
        span = self.rows.line(render_row(self.header, cells))
        self.rows.records.append(Record(self.sheet, row_number, span))


class RowCounter:
    """Counts rows as they stream in, blank ones too, over all sheets of a file."""

    def __init__(self, name: str, limit: int) -> None:
        self.name, self.limit, self.rows = name, limit, 0

    def count(self) -> None:
        self.rows += 1
        if self.rows > self.limit:
            raise LimitExceededError(f"{self.name} 超过 {self.limit} 行上限，未导入")


def load_xlsx(data: bytes, name: str, limits: IngestLimits) -> Extracted:
    """Every sheet as a ``Table``; the sheets' declared dimensions are ignored, so a sheet claiming a million
    columns is not padded to them."""
    import openpyxl

    archive = checked_archive(data, name, "xl/", "Excel", limits)
    try:
        workbook = openpyxl.load_workbook(archive, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types on malformed parts; all mean "cannot read"
        raise DecodeError(f"{name} 不是有效的 Excel（.xlsx）文件（文件已损坏）") from error
    out, counter = Rows(name, limits), RowCounter(name, limits.max_rows)
    try:
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()
            table = Table(sheet.title.strip(), out)
            for row_number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
                counter.count()
                table.add(row_number, [cell_text(v) for v in values])
    finally:
        workbook.close()
    return out.extracted()


def load_csv(data: bytes, name: str, limits: IngestLimits) -> Extracted:
    """A comma-, tab- or semicolon-separated table (UTF-8 or GB18030), read as one sheet named after the file."""
    text = decode_text(data, name)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",\t;，")
    except csv.Error:
        dialect = csv.excel
    out, counter = Rows(name, limits), RowCounter(name, limits.max_rows)
    table = Table(PurePosixPath(name).stem, out)
    for row_number, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        counter.count()
        table.add(row_number, [cell_text(cell) for cell in cells])
    return out.extracted()


LOADERS: dict[str, Callable[[bytes, str, IngestLimits], Extracted]] = {
    ".txt": load_text,
    ".md": load_markdown,
    ".docx": load_docx,
    ".pdf": load_pdf,
    ".xlsx": load_xlsx,
    ".csv": load_csv,
}


def loader_for(suffix: str) -> Callable[[bytes, str, IngestLimits], Extracted]:
    """The loader for a lower-case suffix such as ``.pdf``; unknown formats are refused."""
    if suffix not in LOADERS:
        supported = "、".join(LOADERS)
        raise UnsupportedFormatError(f"不支持的文件格式：{suffix or '（无扩展名）'}。可导入 {supported}")
    return LOADERS[suffix]


def load(data: bytes, name: str, suffix: str, limits: IngestLimits) -> Extracted:
    """Extract the text of a file whose name ends in ``suffix`` (lower case, with the dot)."""
    extracted = loader_for(suffix)(data, name, limits)
    if not extracted.text.strip():
        raise EmptyDocumentError(f"{name} 中没有可用的文字")
    return extracted
