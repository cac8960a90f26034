"""The .docx of a 申报书 draft: real headings, cited clauses as quotes, the facts table, the placeholders."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from assistant.drafting.model import (
    FACTS_HEADING,
    MISSING,
    PLACEHOLDERS_HEADING,
    TABLE_HEADER,
    ApplicationDraft,
    Sentence,
)

FONT = "宋体"


def _add_sentence(document, sentence: Sentence) -> None:
    style = "Quote" if sentence.source == "notice" else None
    document.add_paragraph(sentence.text, style=style)


def build_docx(draft: ApplicationDraft):
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    document.add_heading(draft.title, level=0)
    for sentence in draft.intro:
        _add_sentence(document, sentence)
    for section in draft.sections:
        document.add_heading(section.heading, level=1)
        for sentence in section.sentences:
            _add_sentence(document, sentence)
    document.add_heading(FACTS_HEADING, level=1)
    table = document.add_table(rows=1, cols=len(TABLE_HEADER), style="Table Grid")
    for cell, text in zip(table.rows[0].cells, TABLE_HEADER, strict=True):
        cell.text = text
    for row in draft.facts:
        for cell, text in zip(table.add_row().cells, (row.section, row.label, row.value or MISSING), strict=True):
            cell.text = text
    if draft.placeholders:
        document.add_heading(PLACEHOLDERS_HEADING, level=1)
        for item in draft.placeholders:
            document.add_paragraph(item, style="List Bullet")
    return document


def to_docx(draft: ApplicationDraft, path: Path | None = None) -> bytes:
    """The draft as .docx bytes; also written to ``path`` when given."""
    buffer = io.BytesIO()
    build_docx(draft).save(buffer)
    data = buffer.getvalue()
    if path is not None:
        path.write_bytes(data)
    return data
