"""Drafts as .docx in the layout of 党政机关公文格式 (GB/T 9704-2012).

A4, margins 37/35/28/26 mm (top/bottom/left/right), 22 lines of 28 characters: title in 方正小标宋简体 二号,
level-1 headings in 黑体 三号, level-2 in 楷体_GB2312 三号, body in 仿宋_GB2312 三号 with a two-character
indent, page numbers "— 1 —" in 宋体 四号 (odd pages right, even pages left). Every Chinese font names a
fallback (``w:altName`` in the font table) for machines without it. Style names stay Word's own
(Title, Heading 1, Heading 2, Quote, List Bullet) so that the navigation pane and outline still work.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from assistant.drafting.model import (
    FACTS_HEADING,
    MISSING,
    PLACEHOLDERS_HEADING,
    TABLE_HEADER,
    ApplicationDraft,
    ReplyDraft,
)
from assistant.settings import Settings

PartFactory.part_type_for[CONTENT_TYPE.WML_FONT_TABLE] = XmlPart  # the font table as XML, to add fallbacks

DEFAULT_AUTHOR = Settings.model_fields["author"].default
WESTERN = "Times New Roman"
FALLBACKS = {"方正小标宋简体": "宋体", "黑体": "SimHei", "楷体_GB2312": "楷体", "仿宋_GB2312": "仿宋", "宋体": "SimSun"}
SAN_HAO, SI_HAO, ER_HAO = Pt(16), Pt(14), Pt(22)  # 三号, 四号, 二号
LINE = Pt(28.95)  # 22 lines in the 225 mm type area
INDENT = SAN_HAO * 2  # 首行缩进二字
# style → (east-asian font, size, alignment, first-line indent)
STYLES = {
    "Normal": ("仿宋_GB2312", SAN_HAO, WD_ALIGN_PARAGRAPH.JUSTIFY, INDENT),
    "Title": ("方正小标宋简体", ER_HAO, WD_ALIGN_PARAGRAPH.CENTER, Pt(0)),
    "Heading 1": ("黑体", SAN_HAO, WD_ALIGN_PARAGRAPH.LEFT, INDENT),
    "Heading 2": ("楷体_GB2312", SAN_HAO, WD_ALIGN_PARAGRAPH.LEFT, INDENT),
    "Quote": ("楷体_GB2312", SAN_HAO, WD_ALIGN_PARAGRAPH.JUSTIFY, INDENT),
    "List Bullet": ("仿宋_GB2312", SAN_HAO, WD_ALIGN_PARAGRAPH.LEFT, Pt(0)),
    "表格文字": ("仿宋_GB2312", SI_HAO, WD_ALIGN_PARAGRAPH.LEFT, Pt(0)),
}


def set_fonts(fonts_parent, east_asian: str) -> None:
    """Name the fonts outright (theme fonts would override an explicit east-asian font)."""
    fonts = fonts_parent.get_or_add_rPr().get_or_add_rFonts()
    for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{name}"), None)
    for name, value in (("ascii", WESTERN), ("hAnsi", WESTERN), ("cs", WESTERN), ("eastAsia", east_asian)):
        fonts.set(qn(f"w:{name}"), value)


def style_document(document) -> None:
    """A4, 公文 margins, the styles above in black without Word's borders and colours, Chinese as the language."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(24)
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    defaults.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")
    if "表格文字" not in [s.name for s in document.styles]:
        document.styles.add_style("表格文字", WD_STYLE_TYPE.PARAGRAPH).base_style = document.styles["Normal"]
    for name, (font, size, alignment, indent) in STYLES.items():
        style = document.styles[name]
        set_fonts(style.element, font)
        style.font.size = size
        style.font.bold = style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        paragraph = style.paragraph_format
        paragraph.alignment, paragraph.first_line_indent = alignment, indent
        paragraph.space_before = paragraph.space_after = Pt(0)
        paragraph.line_spacing_rule = WD_LINE_SPACING.SINGLE if name == "表格文字" else WD_LINE_SPACING.EXACTLY
        if name != "表格文字":
            paragraph.line_spacing = LINE
    document.styles["Title"].paragraph_format.space_after = LINE  # 标题与主送之间空一行
    borders = document.styles["Title"].element.pPr.find(qn("w:pBdr"))
    if borders is not None:
        borders.getparent().remove(borders)
    add_font_fallbacks(document)
    add_page_numbers(document)


def add_font_fallbacks(document) -> None:
    table = document.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE).element
    for name, fallback in FALLBACKS.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        alternative = OxmlElement("w:altName")
        alternative.set(qn("w:val"), fallback)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        font.append(alternative)
        font.append(charset)
        table.append(font)


def page_number(paragraph) -> None:
    """"— N —" with N a PAGE field."""
    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.text = text
            run._r.append(instruction)
    paragraph.add_run(" —")
    for run in paragraph.runs:
        set_fonts(run._r, "宋体")
        run.font.size = SI_HAO


def add_page_numbers(document) -> None:
    """Odd pages: right, one character in; even pages: left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, alignment in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer,
                                                                         WD_ALIGN_PARAGRAPH.LEFT)):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = SI_HAO
        page_number(paragraph)


def new_document(title: str, author: str):
    document = Document()
    style_document(document)
    properties = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    properties.title, properties.author, properties.last_modified_by = title, author, author
    properties.comments = properties.keywords = properties.subject = properties.category = ""
    properties.language = "zh-CN"
    properties.created = properties.modified = now
    properties.revision = 1
    return document


def application_document(draft: ApplicationDraft, author: str):
    document = new_document(draft.title, author)
    document.add_paragraph(draft.title, style="Title")
    for sentence in draft.intro:
        document.add_paragraph(sentence.text, style="Quote" if sentence.source == "notice" else None)
    for section in draft.sections:
        document.add_paragraph(section.heading, style="Heading 1")
        for sentence in section.sentences:
            document.add_paragraph(sentence.text, style="Quote" if sentence.source == "notice" else None)
    document.add_paragraph(FACTS_HEADING, style="Heading 1")
    table = document.add_table(rows=1, cols=len(TABLE_HEADER), style="Table Grid")
    rows = [TABLE_HEADER, *((row.section, row.label, row.value or MISSING) for row in draft.facts)]
    for number, texts in enumerate(rows):
        cells = table.rows[0].cells if number == 0 else table.add_row().cells
        for cell, text in zip(cells, texts, strict=True):
            cell.paragraphs[0].text = text
            cell.paragraphs[0].style = document.styles["表格文字"]
    if draft.placeholders:
        document.add_paragraph(PLACEHOLDERS_HEADING, style="Heading 1")
        for item in draft.placeholders:
            document.add_paragraph(item, style="List Bullet")
    return document


def reply_document(draft: ReplyDraft, author: str):
    """A letter: title, the addressee (主送, no indent), numbered items, then sender and date on the right."""
    lines = [line.strip() for line in draft.text.splitlines() if line.strip()]
    title, addressee, *body, sender, day = lines
    document = new_document(title, author)
    document.add_paragraph(title, style="Title")
    document.add_paragraph(addressee).paragraph_format.first_line_indent = Pt(0)
    for line in body:
        document.add_paragraph(line)
    for line in (sender, day):
        signature = document.add_paragraph(line)
        signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        signature.paragraph_format.right_indent = INDENT
    return document


def save(document, path: Path | None) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if path is not None:
        path.write_bytes(data)
    return data


def to_docx(draft: ApplicationDraft, path: Path | None = None, *, author: str = DEFAULT_AUTHOR) -> bytes:
    """The 申报书 draft as .docx bytes; also written to ``path`` when given."""
    return save(application_document(draft, author), path)


def reply_docx(draft: ReplyDraft, path: Path | None = None, *, author: str = DEFAULT_AUTHOR) -> bytes:
    """The reply letter as .docx bytes; also written to ``path`` when given."""
    return save(reply_document(draft, author), path)
