"""All documents the assistant knows: the manifest's corpus plus documents ingested by staff."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.corpus.manifest import load_corpus_document, load_manifest
from assistant.corpus.model import Citation, Clause, Document, DocumentInfo
from assistant.errors import AssistantError, UnknownDocumentError

if TYPE_CHECKING:
    from assistant.settings import Settings

WHITESPACE = re.compile(r"\s+")
T = TypeVar("T")


def strip_space(text: str) -> str:
    return WHITESPACE.sub("", text)


class Library:
    """Documents by id; ingested documents (``documents_dir/*.json``) replace same-id manifest entries."""

    def __init__(self, corpus_dir: Path, documents_dir: Path | None = None) -> None:
        self.corpus_dir = corpus_dir
        self.documents_dir = documents_dir
        self.documents: dict[str, Document] = {}
        self._clauses: dict[str, Clause] = {}
        self._memo: dict[str, Any] = {}
        self.reload()

    @classmethod
    def from_settings(cls, settings: Settings) -> Library:
        """The manifest's corpus plus the documents staff ingested under ``settings.data_dir``."""
        return cls(settings.corpus_dir, settings.documents_dir)

    def reload(self) -> None:
        documents = {info.id: load_corpus_document(self.corpus_dir, info)
                     for info in load_manifest(self.corpus_dir)}
        for stored in sorted(self.documents_dir.glob("*.json")) if self.documents_dir else []:
            document = Document.model_validate_json(stored.read_text(encoding="utf-8"))
            documents[document.info.id] = document
        self.documents = documents
        self._clauses = {c.id: c for d in documents.values() for c in d.clauses}
        self._memo = {}

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """What ``make`` derives from the documents, computed once until they are reloaded."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def document(self, doc_id: str) -> Document:
        if doc_id not in self.documents:
            raise UnknownDocumentError(f"没有编号为 {doc_id} 的文件")
        return self.documents[doc_id]

    def clause(self, clause_id: str) -> Clause | None:
        return self._clauses.get(clause_id)

    def clauses(self) -> list[Clause]:
        """Every clause worth indexing, in document order."""
        return [c for d in self.documents.values() for c in d.clauses if c.indexable]

    def unavailable(self) -> list[DocumentInfo]:
        return [d.info for d in self.documents.values() if not d.info.available]

    def source_of(self, clause: Clause) -> str:
        start, end = clause.span
        return self.documents[clause.doc].source[start:end]

    def verify_quote(self, clause_id: str, quote: str) -> bool:
        """True when ``quote`` is in the clause and the clause matches its span in the source file."""
        clause = self.clause(clause_id)
        if clause is None or not quote.strip():
            return False
        source = strip_space(self.source_of(clause))
        return strip_space(quote) in strip_space(clause.text) and strip_space(clause.text) == source

    def cite(self, clause_id: str, quote: str | None = None) -> Citation:
        """A verified citation of ``quote`` (default: the whole clause); raises if it is not verbatim."""
        clause = self.clause(clause_id)
        quote = clause.text if clause and quote is None else quote or ""
        if clause is None or not self.verify_quote(clause_id, quote):
            raise AssistantError(f"引文无法在原文中核对：{clause_id} «{quote[:40]}»")
        return Citation(id=clause_id, quote=quote, doc=clause.doc, heading=clause.heading, label=self.label(clause))

    def label(self, clause: Clause, titled: bool = False) -> str:
        """The clause as readers cite it: ``《通知》二、（二）``, ``《湖南省转发通知》一、（一）``; ``titled`` adds the
        clause's own title (``《通知》五、（一）加强组织领导``)."""
        return self.documents[clause.doc].info.label + (clause.titled_place if titled else clause.place)

    def fingerprint(self) -> str:
        """Changes whenever any indexed clause id or text changes."""
        digest = hashlib.sha256()
        for clause in self.clauses():
            digest.update(json.dumps([clause.id, clause.heading, clause.text], ensure_ascii=False).encode())
        return digest.hexdigest()[:16]
