"""The document and clause types every layer shares."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field, field_validator

DocKind = Literal["national_notice", "annex", "provincial_notice", "recognised_list", "reference"]
KIND_NAMES: dict[DocKind, str] = {"national_notice": "国家通知", "annex": "附件", "provincial_notice": "省级转发通知",
                                  "recognised_list": "已认定名单", "reference": "参考文件"}
OLD_KINDS = {"notice": "national_notice", "other": "reference"}  # stores written before the kinds were named
NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[．.、]|（\d+）)")
SPECIAL_PLACES = {"masthead": "版头", "title": "标题", "docno": "文号", "addressee": "主送", "preamble": "前言",
                  "closing": "结尾", "annexes": "附件", "annex": "附件", "signature": "落款",
                  "contacts": "联系人及联系方式", "publication": "公开方式", "imprint": "印发"}
# What frames a document and says nothing a question asks: never quoted as an answer.
FRAME_KINDS = ("heading", "masthead", "docno", "title", "addressee", "signature", "publication", "imprint")


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

    @property
    def says_something(self) -> bool:
        """Not a part that frames the document (its title, 文号, 落款 …): something a question may be answered by."""
        return self.kind not in FRAME_KINDS


    @property
    def place(self) -> str:
        """Where the clause sits, as a reader would say it: ``二、（二）``, ``落款``, ``第3行``."""
        if self.kind == "record":
            return f"第{self.id.rpartition('!r')[2]}行"
        if self.kind == "annex":
            return f"附件{self.id.rpartition('.')[2]}"
        if self.kind in SPECIAL_PLACES:
            return SPECIAL_PLACES[self.kind]
        numbers = [m.group(0) for part in self.heading.split(" › ") if (m := NUMBERING.match(part.strip()))]
        return "".join(numbers) or self.heading

    @property
    def titled_place(self) -> str:
        """The place with the clause's own title when it has one: ``五、（一）加强组织领导``."""
        title = NUMBERING.sub("", self.heading.split(" › ")[-1].strip())
        title = re.sub(r"（[^）]*）$", "", title)  # a period in brackets after the title
        return self.place + title if self.kind not in SPECIAL_PLACES and title else self.place


class Citation(BaseModel):
    """A verbatim quote from one clause; only made through ``Library.cite`` (which verifies it).

    ``label`` is what readers see (``《通知》二、（二）``); ``id`` stays for machines (JSON, API, evaluation).
    """

    id: str
    quote: str
    doc: str = ""
    heading: str = ""
    label: str = ""


class DocumentInfo(BaseModel):
    """A manifest entry: what the document is, whether its text is available."""

    id: str
    title: str
    docno: str = ""
    issuer: str = ""
    issued: date | None = None
    kind: DocKind = "reference"
    short_title: str = Field("", description="the name citations use: 通知, 附件1, 湖南省转发通知, ...")
    province: str = Field("", description="the province a provincial notice is for")
    locality: str = Field("", description="the city a city bureau's forwarding notice is for (柳州市), else empty")
    available: bool = True
    path: str = ""
    sha256: str = ""
    parent: str = ""
    note: str = ""
    imported: datetime | None = None

    @field_validator("kind", mode="before")
    @classmethod
    def _renamed_kind(cls, kind: str) -> str:
        return OLD_KINDS.get(kind, kind)

    @property
    def ingested(self) -> bool:
        """Imported by staff (stored under the data dir), not part of the manifest's corpus."""
        return self.path.startswith("files/")

    @property
    def label(self) -> str:
        """``《通知》``; documents of an earlier round or other policy say so: ``《…》（参考）``."""
        name = f"《{self.short_title or self.title}》"
        return f"{name}（参考）" if self.kind == "reference" else name


class Document(BaseModel):
    info: DocumentInfo
    source: str = Field("", description="the source text the clause spans point into")
    clauses: list[Clause] = []

    def clause(self, clause_id: str) -> Clause | None:
        return next((c for c in self.clauses if c.id == clause_id), None)
