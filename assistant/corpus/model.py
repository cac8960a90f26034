"""The document and clause types every layer shares."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

DocKind = Literal["notice", "annex", "provincial_notice", "other"]


class Clause(BaseModel):
    """One addressable unit of a document, with its span in the source file.

    ``span`` is ``[start, end)`` in characters of the source text as read; the clean ``text``
    equals that slice with the extraction damage repaired (see ``gongwen.repair``).
    """

    id: str
    doc: str
    kind: str = Field(description="section, item, subitem, paragraph, record, title, docno, ...")
    heading: str = ""
    text: str
    span: tuple[int, int]
    order: int = 0

    @property
    def indexable(self) -> bool:
        """Heading-only clauses carry no content of their own."""
        return self.kind != "heading"


class Citation(BaseModel):
    """A verbatim quote from one clause; only made through ``Library.cite`` (which verifies it)."""

    id: str
    quote: str
    doc: str = ""
    heading: str = ""


class DocumentInfo(BaseModel):
    """A manifest entry: what the document is, whether its text is available."""

    id: str
    title: str
    docno: str = ""
    issuer: str = ""
    issued: date | None = None
    kind: DocKind = "other"
    available: bool = True
    path: str = ""
    sha256: str = ""
    parent: str = ""
    note: str = ""


class Document(BaseModel):
    info: DocumentInfo
    source: str = Field("", description="the source text the clause spans point into")
    clauses: list[Clause] = []

    def clause(self, clause_id: str) -> Clause | None:
        return next((c for c in self.clauses if c.id == clause_id), None)
