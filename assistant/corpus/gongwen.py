"""Parse PDF-extracted 公文 text into clean, structured, span-addressed clauses.

Clause ids (``DOC`` is the document id):

=====================  ==========================================================
``DOC#masthead``       版头 (``…文件`` above the 文号)
``DOC#docno``          文号
``DOC#title``          标题
``DOC#addressee``      主送机关
``DOC#preamble``       paragraphs before the first section (``.p2`` … for more)
``DOC#N``              section ``N、`` (heading, plus its own paragraphs if any)
``DOC#N.M``            item ``（M）`` of section N, all of its paragraphs
``DOC#N.M.K``          sub-item ``K．`` of item M (``DOC#N.K`` directly under a section)
``DOC#closing``        closing paragraph(s) after the last section (请…/特此…)
``DOC#annexes``        the 附件 list; ``DOC#annex.K`` each listed annex
``DOC#signature``      落款 and date
``DOC#contacts``       联系人及联系方式
``DOC#publication``    （此件公开发布） and similar notes
``DOC#imprint``        印发 line
``DOC#pK``             paragraph K of a document without 公文 structure
``ID.partK``           part K (K ≥ 2) of a clause ``ID`` longer than the clause limit
=====================  ==========================================================

Repairs, none of which changes a non-whitespace character: lines broken mid-sentence are
joined, page-break fragments lose their leading space, spaces between CJK characters and
digits (``2024年 3月 8日``, ``附件 1``) are removed. In record blocks (contacts, imprint)
a single space between fields is kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from assistant.corpus.model import Clause

CN_NUM = "一二三四五六七八九十"
SECTION = re.compile(rf"^([{CN_NUM}]+)、")
ITEM = re.compile(rf"^（([{CN_NUM}]+)）")
SUBITEM = re.compile(r"^(\d{1,2})[．.](?!\d)")
DOCNO = re.compile(r"^\S{1,20}〔\d{4}〕\d+号$")
TABLE_ROW = re.compile(r"\S(?: {2,}|\u3000+|\t+)\S")  # columns set apart by runs of spaces: one row per line
# 版头 above the 文号: 浙江省市场监督管理局文件, or the office's name alone (某市市场监督管理局（某市知识产权局）)
MASTHEAD = re.compile(r"^\S{2,40}(?:文件|局|厅|委员会|办公室)(?:（[^（）]{2,20}）)?$")
DATE_ONLY = re.compile(r"^\d{4}年\s*\d{1,2}月\s*\d{1,2}日$")
ANNEX_LIST = re.compile(r"^附\s*件[：:]")
DOC_GENRE = re.compile(r"(通知|决定|意见|办法|通告|公告|函|批复|方案|规定|细则|通报|报告|指引)$")
TERMINAL = "。；：！？"
SENTENCE_ENDS = "\n。！？!?"
CLAUSE_MARKS = "；;，,、：:"
RECORD_START = ("（联系人", "（此件", "联系人")
CLOSING_START = ("请", "特此", "以上", "望")


def cn_to_int(numeral: str) -> int:
    """Chinese numerals up to 九十九 (一, 十, 十二, 二十三)."""
    digits = {c: i + 1 for i, c in enumerate(CN_NUM[:9])}
    if "十" not in numeral:
        return digits[numeral]
    tens, _, ones = numeral.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def is_cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


@dataclass
class Para:
    """A repaired paragraph: clean text and, per clean character, its offset in the source."""

    text: str
    offsets: list[int] = field(repr=False)

    @property
    def span(self) -> tuple[int, int]:
        return (self.offsets[0], self.offsets[-1] + 1)


@dataclass
class Line:
    text: str
    start: int


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines with the source offset of their first non-space character."""
    lines, pos = [], 0
    for chunk in raw.splitlines(keepends=True):
        stripped = chunk.strip()
        if stripped:
            lines.append(Line(stripped, pos + chunk.index(stripped)))
        pos += len(chunk)
    return lines


def starts_block(text: str) -> bool:
    return bool(
        SECTION.match(text) or ITEM.match(text) or SUBITEM.match(text) or ANNEX_LIST.match(text)
        or DATE_ONLY.match(text) or text.startswith(RECORD_START) or TABLE_ROW.search(text)
    )


def is_section_heading(text: str) -> bool:
    return len(text) <= 25 and bool(SECTION.match(text)) and not any(p in text for p in "。；，")


HEAD_CHARS = 64  # enough for every test on a paragraph's start (dates, headings, item numbers)


@dataclass
class OpenParagraph:
    """The paragraph being grouped, with running facts about its joined text, so no line is joined twice."""

    lines: list[Line] = field(default_factory=list)
    head: str = ""  # the first HEAD_CHARS characters of the joined text (all of it when shorter)
    tail: str = ""  # the last few characters of the joined text without spaces
    length: int = 0
    opened: int = 0  # how many （ and ）
    closed: int = 0

    def add(self, line: Line) -> None:
        self.lines.append(line)
        if self.length < HEAD_CHARS:
            self.head = (self.head + line.text)[:HEAD_CHARS]
        self.tail = (self.tail + line.text.replace(" ", ""))[-HEAD_CHARS:]
        self.length += len(line.text)
        self.opened += line.text.count("（")
        self.closed += line.text.count("）")

    def closes(self) -> bool:
        """Whether the paragraph ends here: terminal punctuation, or a closed （…） note."""
        last = self.lines[-1].text
        if self.head.startswith("（") and not ITEM.match(self.head):
            return last.endswith("）") and self.opened == self.closed
        whole = self.head if self.length <= HEAD_CHARS else ""
        return last.endswith(tuple(TERMINAL)) or bool(DATE_ONLY.match(whole)) or is_section_heading(whole)

    def ends_title(self) -> bool:
        """Whether the title (文号 … 通知) is complete: it ends with a document genre."""
        return bool(DOC_GENRE.search(self.tail))


def group_paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Group lines into paragraphs; the header (文号, title, 主送) is grouped by its own rules.

    Linear in the length of the text: each line is looked at once, however long the paragraph.
    """
    above = title_above_docno(lines)
    groups: list[list[Line]] = [[lines[above]], lines[:above]] if above else []  # read as 文号, then title
    current = OpenParagraph()
    in_title = False
    for index, line in enumerate(lines):
        if index <= above and above:
            continue
        next_text = lines[index + 1].text if index + 1 < len(lines) else ""
        if current.lines and (starts_block(line.text) or DATE_ONLY.match(next_text)):
            groups.append(current.lines)
            current = OpenParagraph()
        current.add(line)
        at_top = not groups or (len(groups) == 1 and MASTHEAD.match(groups[0][0].text))
        if index == 0 and MASTHEAD.match(line.text):
            done = True
        elif DOCNO.match(line.text) and at_top:
            in_title = done = True
        elif in_title:
            done = current.ends_title()
            in_title = not done
        else:
            done = current.closes() or bool(DATE_ONLY.match(next_text) or TABLE_ROW.search(line.text))
        if done:
            groups.append(current.lines)
            current = OpenParagraph()
    if current.lines:
        groups.append(current.lines)
    return groups


def title_above_docno(lines: list[Line]) -> int:
    """How many lines at the top are a title written above its 文号, as web pages print it (0: none)."""
    for count in range(1, min(4, len(lines))):
        title = "".join(line.text for line in lines[:count])
        if DOCNO.match(lines[count].text) and DOC_GENRE.search(title) and not MASTHEAD.match(lines[0].text):
            return count
    return 0


def repair(lines: list[Line], raw: str, keep_field_spaces: bool = False) -> Para:
    """Join broken lines and drop extraction spaces, keeping the source offset of every char."""
    chars: list[str] = []
    offsets: list[int] = []
    for line in lines:
        if chars and _needs_separator(chars[-1], line.text[0], keep_field_spaces):
            chars.append(" ")
            offsets.append(line.start - 1)
        end = line.start + len(line.text)
        for pos in range(line.start, end):
            chars.append(raw[pos])
            offsets.append(pos)
    text = "".join(chars)
    keep = [not _is_extraction_space(text, i, keep_field_spaces) for i in range(len(text))]
    return Para("".join(c for c, k in zip(text, keep, strict=True) if k),
                [o for o, k in zip(offsets, keep, strict=True) if k])


def _needs_separator(before: str, after: str, between_fields: bool) -> bool:
    """A space where a line break separated two words (ASCII) or two fields of a record."""
    if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
        return True
    return between_fields and before.isascii() and before.isalnum() and is_cjk(after)


def _text_follows(text: str, i: int) -> bool:
    """Whether the run of spaces at ``i`` is followed by text (not the end of the paragraph)."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    return j < len(text)


def _is_extraction_space(text: str, i: int, keep_field_spaces: bool) -> bool:
    if not text[i].isspace():
        return False
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if keep_field_spaces and before and not before.isspace() and after.isspace() and _text_follows(text, i):
        return False  # the first space of a run between two columns stays (强县建设示范县　全省不超过3个)
    if not before or not after or before.isspace() or after.isspace():
        return True
    in_date = (before.isdigit() and after.isdigit()) is False and bool(
        re.search(r"\d[年月]$", text[max(0, i - 5):i]) and after.isdigit()
    )
    if in_date:
        return True
    if keep_field_spaces:
        return False
    return (is_cjk(before) and after.isascii() and after.isalnum()) or (
        is_cjk(after) and before.isascii() and before.isalnum()
    )


@dataclass
class _Builder:
    doc: str
    clauses: list[Clause] = field(default_factory=list)

    def add(self, suffix: str, kind: str, heading: str, paras: list[Para]) -> None:
        text = "\n".join(p.text for p in paras)
        span = (paras[0].span[0], paras[-1].span[1])
        self.clauses.append(Clause(id=f"{self.doc}#{suffix}", doc=self.doc, kind=kind, heading=heading,
                                   text=text, span=span, order=len(self.clauses)))

    def extend_last(self, para: Para) -> None:
        last = self.clauses[-1]
        last.text = f"{last.text}\n{para.text}"
        last.span = (last.span[0], para.span[1])
        if last.kind == "heading":
            last.kind = "section"


def item_title(text: str) -> str:
    """The short lead-in of an item, e.g. （一）加强组织领导。要高度重视… → 加强组织领导."""
    body = ITEM.sub("", text, count=1)
    first, sep, rest = body.partition("。")
    return first if sep and rest and len(first) <= 30 else ""


@dataclass
class Paragraph:
    """One grouped paragraph as the handlers see it: its repaired text, its first raw line, its place."""

    para: Para
    first: str
    index: int

    @property
    def text(self) -> str:
        return self.para.text


class Parser:
    """Turns the paragraphs of one document into clauses: each paragraph goes to the first handler of
    ``HANDLERS`` that takes it (header, sections, annex list, signature, records, closing, items, plain text)."""

    def __init__(self, raw: str, doc: str) -> None:
        self.raw = raw
        self.groups = group_paragraphs(split_lines(raw))
        self.builder = _Builder(doc)
        self.section: int | None = None
        self.item: int | None = None
        self.section_heading = self.item_heading = ""
        self.counts: dict[str, int] = {}  # preamble, paragraph and closing paragraphs numbered so far
        self.in_annexes = self.header_done = self.had_section = False
        self.pending_signature: list[Para] = []
        starts = [i for i, g in enumerate(self.groups) if SECTION.match(g[0].text) or ITEM.match(g[0].text)]
        self.last_structured = starts[-1] if starts else -1

    def clauses(self) -> list[Clause]:
        for index, group in enumerate(self.groups):
            first = group[0].text
            is_record = first.startswith(RECORD_START) or first.endswith("印发") or bool(TABLE_ROW.search(first))
            para = Paragraph(repair(group, self.raw, keep_field_spaces=is_record), first, index)
            next(handler for handler in HANDLERS if handler(self, para))
        for para in self.pending_signature:
            self.numbered("p", "paragraph", "", para)
        return self.builder.clauses

    def add(self, suffix: str, kind: str, heading: str, *paras: Para) -> bool:
        self.builder.add(suffix, kind, heading, list(paras))
        return True

    def numbered(self, base: str, kind: str, heading: str, para: Para) -> bool:
        """``DOC#preamble``, ``DOC#preamble.p2`` …; ``DOC#p1``, ``DOC#p2`` … for plain paragraphs."""
        count = self.counts[base] = self.counts.get(base, 0) + 1
        suffix = f"p{count}" if base == "p" else base if count == 1 else f"{base}.p{count}"
        return self.add(suffix, kind, heading, para)

    # --- handlers, in order: each returns True when it took the paragraph ---------------------------------

    def masthead(self, p: Paragraph) -> bool:
        return not self.builder.clauses and bool(MASTHEAD.match(p.text)) and self.add("masthead", "masthead", "版头",
                                                                                    p.para)

    def docno(self, p: Paragraph) -> bool:
        return not self.header_done and bool(DOCNO.match(p.text)) and self.add("docno", "docno", "文号", p.para)

    def title(self, p: Paragraph) -> bool:
        after_docno = bool(self.builder.clauses) and self.builder.clauses[-1].kind == "docno"
        return not self.header_done and after_docno and self.add("title", "title", "标题", p.para)

    def addressee(self, p: Paragraph) -> bool:
        if self.header_done or not p.text.endswith("：") or len(p.text) > 60 or self.section is not None:
            return False
        self.header_done = True
        return self.add("addressee", "addressee", "主送", p.para)

    def section_start(self, p: Paragraph) -> bool:
        if not (m := SECTION.match(p.text)):
            return False
        self.section, self.item, self.in_annexes, self.had_section = cn_to_int(m.group(1)), None, False, True
        heading_only = is_section_heading(p.text)
        self.section_heading = p.text if heading_only else p.text.partition("。")[0]
        return self.add(str(self.section), "heading" if heading_only else "section", self.section_heading, p.para)

    def annex_list(self, p: Paragraph) -> bool:
        if not ANNEX_LIST.match(p.text):
            return False
        self.in_annexes, self.section = True, None
        self.add("annexes", "annexes", "附件", p.para)
        rest = ANNEX_LIST.sub("", p.text, count=1)
        if m := SUBITEM.match(rest):
            self.add(f"annex.{m.group(1)}", "annex", "附件", Para(rest, p.para.offsets[len(p.text) - len(rest):]))
        return True

    def listed_annex(self, p: Paragraph) -> bool:
        if not (self.in_annexes and (m := SUBITEM.match(p.text))):
            return False
        self.add(f"annex.{m.group(1)}", "annex", "附件", p.para)
        annex_list = next(c for c in self.builder.clauses if c.id.endswith("#annexes"))
        annex_list.text += "\n" + p.text
        annex_list.span = (annex_list.span[0], p.para.span[1])
        return True

    def signature(self, p: Paragraph) -> bool:
        following = self.groups[p.index + 1][0].text if p.index + 1 < len(self.groups) else ""
        if not (DATE_ONLY.match(following) or DATE_ONLY.match(p.text)):
            return False
        self.pending_signature.append(p.para)
        if DATE_ONLY.match(p.text):
            self.add("signature", "signature", "落款", *self.pending_signature)
            self.pending_signature = []
        self.in_annexes, self.section = False, None
        return True

    def record(self, p: Paragraph) -> bool:
        for start, kind, heading in RECORDS:
            if p.first.startswith(start) if start else p.text.endswith("印发"):
                return self.add(kind, kind, heading, p.para)
        return False

    def closing_after_sections(self, p: Paragraph) -> bool:
        return self.section is None and not self.in_annexes and self.had_section and self.numbered(
            "closing", "closing", "结尾", p.para)

    def item_start(self, p: Paragraph) -> bool:
        if self.section is None or not (m := ITEM.match(p.text)):
            return False
        self.item = cn_to_int(m.group(1))
        self.item_heading = f"{self.section_heading} › （{m.group(1)}）{item_title(p.text)}"
        return self.add(f"{self.section}.{self.item}", "item", self.item_heading, p.para)

    def subitem(self, p: Paragraph) -> bool:
        if self.section is None or not (m := SUBITEM.match(p.text)):
            return False
        suffix = f"{self.section}.{self.item}.{m.group(1)}" if self.item else f"{self.section}.{m.group(1)}"
        return self.add(suffix, "subitem", self.item_heading if self.item else self.section_heading, p.para)

    def closing_in_section(self, p: Paragraph) -> bool:
        """An unmarked paragraph after the last section or item that opens with 请/特此/以上/望."""
        if self.section is None or not p.text.startswith(CLOSING_START) or p.index < self.last_structured:
            return False
        self.section = None
        return self.numbered("closing", "closing", "结尾", p.para)

    def section_body(self, p: Paragraph) -> bool:
        if self.section is None:
            return False
        self.builder.extend_last(p.para)
        return True

    def preamble(self, p: Paragraph) -> bool:
        return self.header_done and self.numbered("preamble", "preamble", "前言", p.para)

    def plain(self, p: Paragraph) -> bool:
        return self.numbered("p", "paragraph", "", p.para)


RECORDS = (("（联系人", "contacts", "联系人及联系方式"), ("联系人", "contacts", "联系人及联系方式"),
           ("（此件", "publication", "公开方式"), ("", "imprint", "印发"))  # "": the text ends with 印发
HANDLERS = (Parser.masthead, Parser.docno, Parser.title, Parser.addressee, Parser.section_start, Parser.annex_list,
            Parser.listed_annex, Parser.signature, Parser.record, Parser.closing_after_sections, Parser.item_start,
            Parser.subitem, Parser.closing_in_section, Parser.section_body, Parser.preamble, Parser.plain)


def parse(raw: str, doc: str) -> list[Clause]:
    """Parse source text into clauses; see the module docstring for the id scheme."""
    return Parser(raw, doc).clauses()


def split_long(clauses: list[Clause], source: str, limit: int) -> list[Clause]:
    """Clauses longer than ``limit`` characters cut into parts ``ID``, ``ID.part2`` …, each with its exact span.

    A part ends at the last paragraph break or sentence end (。！？) in its window, else at the last
    clause mark (；，、：), as long as that keeps at least half the window; else it is cut at the limit.
    """
    parts: list[Clause] = []
    for clause in clauses:
        parts.extend(split_clause(clause, source, limit) if len(clause.text) > limit else [clause])
    for order, part in enumerate(parts):
        part.order = order
    return parts


def split_clause(clause: Clause, source: str, limit: int) -> list[Clause]:
    """The parts of one clause, each without whitespace at its ends and with the span of exactly that text."""
    text = clause.text
    offsets = source_offsets(text, source, clause.span[0])
    parts, start = [], 0
    for end in cut_points(text, limit):
        piece = text[start:end]
        first, last = start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip()) - 1
        suffix = f".part{len(parts) + 1}" if parts else ""
        parts.append(clause.model_copy(update={"id": clause.id + suffix, "text": text[first:last + 1],
                                               "span": (offsets[first], offsets[last] + 1)}))
        start = end
    return parts


def cut_points(text: str, limit: int) -> list[int]:
    """Where the parts of ``text`` end, none longer than ``limit``; the last is ``len(text)``."""
    points, start = [], 0
    while len(text) - start > limit:
        start += part_length(text[start:start + limit])
        points.append(start)
    return [*points, len(text)]


def part_length(window: str) -> int:
    """How much of ``window`` the next part takes: up to a sentence end, else a clause mark, else all of it."""
    for marks in (SENTENCE_ENDS, CLAUSE_MARKS):
        end = max(window.rfind(mark) for mark in marks) + 1
        if end > len(window) // 2:
            return end
    return len(window)


def source_offsets(text: str, source: str, start: int) -> list[int]:
    """The source offset of each character of a clause's clean text (-1 for whitespace), found in one pass.

    Repairs change no character but whitespace, so the clean text's other characters appear in the
    source in the same order, from ``start`` on, with only whitespace between them.
    """
    offsets, position = [], start
    for char in text:
        if char.isspace():
            offsets.append(-1)
            continue
        while source[position] != char:
            position += 1
        offsets.append(position)
        position += 1
    return offsets
