"""Take staff documents into the library: parse in a sandbox, index, then store; replace or remove.

Store layout under ``settings.documents_dir``: ``<doc_id>.json`` (the Document: info, source text
the clause spans point into, clauses) and ``files/<doc_id><ext>`` (the original bytes). Paths are
built only from validated ids and known extensions, never from the uploaded file's name.

All or nothing: a file is parsed in a capped child process (``assistant.corpus.sandbox``), its
clauses are indexed, and only then is its JSON written, the commit point. A refused file changes
nothing. A failure after parsing, or a process killed while indexing, leaves a record in
``settings.quarantine_dir`` instead: the document stays out of the library, nothing retries it at
start, ``assistant docs`` lists it and ``assistant ingest --remove ID`` clears it. Vectors that such
an import may have added belong to no document and go at the next index sync.

Parsing itself is ``assistant.corpus.parsing``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Literal, get_args

from pydantic import BaseModel

from assistant.corpus.library import Library
from assistant.corpus.loaders import LOADERS, loader_for
from assistant.corpus.manifest import load_manifest, sha256_bytes
from assistant.corpus.model import Clause, DocKind, Document, DocumentInfo
from assistant.corpus.sandbox import parse_isolated
from assistant.errors import (
    AssistantError,
    EmptyDocumentError,
    IngestError,
    OversizedFileError,
    UnknownDocumentError,
)
from assistant.settings import Settings

DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
MB = 1024 * 1024
INTERRUPTED = "导入未完成：建立索引时进程中断"

log = logging.getLogger(__name__)


class IngestResult(BaseModel):
    doc_id: str
    status: Literal["added", "replaced", "unchanged"]
    clauses: int
    sha256: str
    index: dict[str, int] = {}


class Quarantined(BaseModel):
    """A file whose import failed after parsing, or was cut short: out of the library until cleared."""

    doc_id: str
    name: str
    sha256: str
    reason: str
    at: datetime


def slug_for(name: str) -> str:
    """A safe id from a file name: ASCII names → slug, others → ``doc-`` + 8 hex digits of its hash."""
    stem = unicodedata.normalize("NFC", PurePosixPath(name.replace("\\", "/")).stem)
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:48].strip("-")
    if stem.isascii() and slug:
        return slug
    return "doc-" + hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]


def check_id(doc_id: str) -> str:
    if not DOC_ID.match(doc_id):
        raise IngestError(f"文件编号“{doc_id}”无效：只能由小写英文字母、数字和连字符组成，最长 64 个字符")
    return doc_id


def ingest_file(settings: Settings, path: Path, *, doc_id: str | None = None, kind: str | None = None,
                title: str | None = None) -> IngestResult:
    """Store one file as a document; an unchanged file is a no-op, a changed one replaces its clauses."""
    suffix = path.suffix.lower()
    loader_for(suffix)
    doc_id = check_id(slug_for(path.name) if doc_id is None else doc_id)
    registered = _registered(settings).get(doc_id)
    if registered and registered.available:
        raise IngestError(f"{doc_id} 是语料清单中的正式文件，不能被覆盖；请用 --as 指定其他编号")
    if kind is not None and kind not in get_args(DocKind):
        raise IngestError(f"文件类型“{kind}”无效，可选：{'、'.join(get_args(DocKind))}")
    data = _read(settings, path)
    sha256 = sha256_bytes(data)
    stored = settings.documents_dir / f"{doc_id}.json"
    old = Document.model_validate_json(stored.read_text(encoding="utf-8")) if stored.is_file() else None
    if old and _same(old.info, sha256, suffix, kind, title):
        return IngestResult(doc_id=doc_id, status="unchanged", clauses=len(old.clauses), sha256=sha256)
    source, clauses = parse_isolated(data, path.name, suffix, doc_id, settings.ingest)
    info = _info(registered, doc_id, suffix, sha256, clauses, path.name, kind, title)
    index = _commit(settings, Document(info=info, source=source, clauses=clauses), data, suffix, path.name)
    return IngestResult(doc_id=doc_id, status="replaced" if old else "added", clauses=len(clauses),
                        sha256=sha256, index=index)


def remove_document(settings: Settings, doc_id: str) -> dict[str, int]:
    """Delete an ingested document (its vectors first) and any quarantine record; manifest documents stay."""
    stored = settings.documents_dir / f"{check_id(doc_id)}.json"
    record = settings.quarantine_dir / f"{doc_id}.json"
    if not stored.is_file() and not record.is_file():
        if doc_id in _registered(settings):
            raise IngestError(f"{doc_id} 是语料清单中登记的文件，不能删除（只能删除导入的文件）")
        raise UnknownDocumentError(f"没有编号为 {doc_id} 的导入文件")
    record.unlink(missing_ok=True)
    if not stored.is_file():
        return {}
    index = _index(settings, _clauses_with(settings, doc_id, []))
    stored.unlink()
    for suffix in LOADERS:
        (settings.documents_dir / "files" / f"{doc_id}{suffix}").unlink(missing_ok=True)
    return index


def quarantined(settings: Settings) -> list[Quarantined]:
    """Files whose import failed after parsing or was interrupted, oldest first."""
    records = [Quarantined.model_validate_json(p.read_text(encoding="utf-8"))
               for p in settings.quarantine_dir.glob("*.json")]
    return sorted(records, key=lambda record: record.at)


def _commit(settings: Settings, document: Document, data: bytes, suffix: str, name: str) -> dict[str, int]:
    """Index the document's clauses, then store it; on failure quarantine the file and raise.

    The quarantine record is written first and removed last, so a process killed in between leaves it.
    """
    doc_id = document.info.id
    record = Quarantined(doc_id=doc_id, name=name, sha256=document.info.sha256, reason=INTERRUPTED,
                         at=datetime.now().replace(microsecond=0))
    target = settings.quarantine_dir / f"{doc_id}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, record.model_dump_json(indent=1).encode())
    try:
        index = _index(settings, _clauses_with(settings, doc_id, document.clauses))
        _store(settings, document, data, suffix)
    except Exception as error:
        expected = isinstance(error, AssistantError)  # its message says what went wrong
        reason = str(error) if expected else "建立索引时出错（内存或磁盘不足等），详见日志"
        log.error("导入 %s 失败，已隔离：%s", name, error, exc_info=not expected)
        write_atomic(target, record.model_copy(update={"reason": reason}).model_dump_json(indent=1).encode())
        raise IngestError(f"{name} 未导入，已隔离（assistant ingest --remove {doc_id} 可清除）：{reason}") from error
    target.unlink()
    return index


def _clauses_with(settings: Settings, doc_id: str, clauses: list[Clause]) -> list[Clause]:
    """Every indexable clause of the library once document ``doc_id`` has ``clauses`` (none: removed)."""
    library = Library.from_settings(settings)
    return [c for c in library.clauses() if c.doc != doc_id] + [c for c in clauses if c.indexable]


def _index(settings: Settings, clauses: list[Clause]) -> dict[str, int]:
    """Sync the vector index to exactly these clauses; what was added, updated and deleted."""
    from assistant.retrieval.store import sync_clauses  # imported late: chromadb is heavy

    report = sync_clauses(settings, clauses)
    return {key: report[key] for key in ("added", "updated", "deleted")}


def _same(info: DocumentInfo, sha256: str, suffix: str, kind: str | None, title: str | None) -> bool:
    """The stored document came from these very bytes and nothing else is asked to change."""
    return (info.sha256 == sha256 and info.path.endswith(suffix) and kind in (None, info.kind)
            and title in (None, info.title))


def _registered(settings: Settings) -> dict[str, DocumentInfo]:
    return {info.id: info for info in load_manifest(settings.corpus_dir)}


def _read(settings: Settings, path: Path) -> bytes:
    if not path.is_file():
        raise IngestError(f"找不到文件：{path}")
    size = path.stat().st_size
    if size > settings.max_upload_mb * MB:
        raise OversizedFileError(
            f"{path.name} 大小为 {size / MB:.3g} MB，超过上限 {settings.max_upload_mb:g} MB")
    if size == 0:
        raise EmptyDocumentError(f"{path.name} 是空文件")
    return path.read_bytes()


def _info(registered: DocumentInfo | None, doc_id: str, suffix: str, sha256: str, clauses: list[Clause],
          name: str, kind: str | None, title: str | None) -> DocumentInfo:
    """A registered annex keeps its manifest entry (title, parent, …) unless told otherwise."""
    parsed = {c.kind: c.text for c in reversed(clauses) if c.kind in ("title", "docno")}
    base = registered or DocumentInfo(id=doc_id, title=parsed.get("title") or Path(name).stem,
                                      docno=parsed.get("docno", ""))
    update = {"available": True, "path": f"files/{doc_id}{suffix}", "sha256": sha256,
              "note": f"工作人员导入，原文件名：{name}"}
    if kind:
        update["kind"] = kind
    if title:
        update["title"] = title
    return base.model_copy(update=update)


def _store(settings: Settings, document: Document, data: bytes, suffix: str) -> None:
    """Original bytes first, then the document JSON (the commit point), then stale copies go."""
    doc_id = document.info.id
    files = settings.documents_dir / "files"
    files.mkdir(parents=True, exist_ok=True)
    write_atomic(files / f"{doc_id}{suffix}", data)
    write_atomic(settings.documents_dir / f"{doc_id}.json", document.model_dump_json(indent=1).encode())
    for other in LOADERS:
        if other != suffix:
            (files / f"{doc_id}{other}").unlink(missing_ok=True)


def write_atomic(target: Path, data: bytes) -> None:
    """Write to a temp file in the same folder, then ``os.replace`` it over the target."""
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
