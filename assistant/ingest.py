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

from pydantic import BaseModel, Field

from assistant.corpus.library import Library, strip_space
from assistant.corpus.loaders import LOADERS, loader_for
from assistant.corpus.manifest import load_manifest, sha256_bytes
from assistant.corpus.model import Clause, DocKind, Document, DocumentInfo
from assistant.corpus.roles import Role, detect_role
from assistant.corpus.sandbox import parse_isolated
from assistant.errors import (
    AssistantError,
    DuplicateDocumentError,
    EmptyDocumentError,
    IngestError,
    OversizedFileError,
    UnknownDocumentError,
)
from assistant.settings import Settings

DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
MB = 1024 * 1024
INTERRUPTED = "导入未完成：建立索引时进程中断"
PROVISIONAL_ID = "new"  # clauses are parsed under it, then renamed once the document's id is known

log = logging.getLogger(__name__)


class IngestResult(BaseModel):
    doc_id: str
    status: Literal["added", "replaced", "unchanged"]
    clauses: int
    sha256: str
    title: str = ""
    kind: DocKind = "reference"
    label: str = Field("", description="how citations name the document: 《湖南省转发通知》")
    index: dict[str, int] = {}

    @classmethod
    def of(cls, document: Document, status: str, index: dict[str, int] | None = None) -> IngestResult:
        info = document.info
        return cls(doc_id=info.id, status=status, clauses=len(document.clauses), sha256=info.sha256,
                   title=info.title, kind=info.kind, label=info.label, index=index or {})


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
                title: str | None = None, province: str | None = None, replace: bool = False) -> IngestResult:
    """Store one file as a document, its kind, title and id read from its content (``kind``, ``title``,
    ``province`` and ``doc_id`` override them).

    The same bytes again are a no-op; the same content under another id is refused unless ``replace``;
    a new version of a document (same id and title) replaces it.
    """
    suffix = path.suffix.lower()
    loader_for(suffix)
    if doc_id is not None:
        check_id(doc_id)
    if kind is not None and kind not in get_args(DocKind):
        raise IngestError(f"文件类型“{kind}”无效，可选：{'、'.join(get_args(DocKind))}")
    data = _read(settings, path)
    sha256 = sha256_bytes(data)
    library = Library.from_settings(settings)
    if (same := _same_bytes(library, sha256, doc_id)) and _unchanged(same.info, kind, title, province):
        return IngestResult.of(same, "unchanged")
    source, clauses = parse_isolated(data, path.name, suffix, PROVISIONAL_ID, settings.ingest)
    role = detect_role(source, clauses, _annex_titles(library), PurePosixPath(path.name).stem,
                       kind=kind, title=title, province=province)  # type: ignore[arg-type]
    holder = _same_content(library, clauses)
    if holder and holder.info.id != doc_id:
        if not (replace and holder.info.ingested):
            hint = ("如要用这个文件替换它，请选择“替换”（命令行加 --replace）" if holder.info.ingested
                    else "正式文件不能替换")
            raise DuplicateDocumentError(f"{path.name} 的内容与已载入的{holder.info.label}（编号 {holder.info.id}）"
                                         f"相同，未重复导入；{hint}")
        doc_id = holder.info.id
    doc_id = doc_id or _readable_id(library, role, path.name)
    registered = _registered(settings).get(doc_id)
    if registered and registered.available:
        raise IngestError(f"{doc_id} 是语料清单中的正式文件，不能被覆盖；请用 --as 指定其他编号")
    old = library.documents.get(doc_id) if (settings.documents_dir / f"{doc_id}.json").is_file() else None
    info = _info(registered, doc_id, role, suffix, sha256, path.name, title)
    document = Document(info=info, source=source, clauses=with_id(clauses, doc_id))
    index = _commit(settings, document, data, suffix, path.name)
    return IngestResult.of(document, "replaced" if old else "added", index)


def with_id(clauses: list[Clause], doc_id: str) -> list[Clause]:
    """The clauses of a document parsed under the provisional id, renamed to ``doc_id``."""
    prefix = f"{PROVISIONAL_ID}#"
    return [c.model_copy(update={"id": f"{doc_id}#{c.id.removeprefix(prefix)}", "doc": doc_id}) for c in clauses]


def _same_bytes(library: Library, sha256: str, doc_id: str | None) -> Document | None:
    """The ingested document made from these very bytes (under ``doc_id`` when one is asked for)."""
    return next((d for d in library.documents.values() if d.info.sha256 == sha256 and d.info.ingested
                 and doc_id in (None, d.info.id)), None)


def _unchanged(info: DocumentInfo, kind: str | None, title: str | None, province: str | None) -> bool:
    return kind in (None, info.kind) and title in (None, info.title) and province in (None, info.province)


def _same_content(library: Library, clauses: list[Clause]) -> Document | None:
    """A loaded document with exactly this text (whitespace aside), whatever its file name or format."""
    text = content_key(clauses)
    return next((d for d in library.documents.values() if d.clauses and content_key(d.clauses) == text), None)


def content_key(clauses: list[Clause]) -> str:
    return hashlib.sha256(strip_space("".join(c.text for c in clauses)).encode("utf-8")).hexdigest()


def _readable_id(library: Library, role: Role, name: str) -> str:
    """The role's readable id (else the file name's slug); a different document holding it gets ``-2``, ``-3``."""
    base = role.readable_id() or slug_for(name)
    for candidate in (base, *(f"{base}-{n}" for n in range(2, 100))):
        held = library.documents.get(candidate)
        if held is None or not held.info.available or held.info.title == role.info.title:
            return candidate  # free, a placeholder awaiting its text, or an earlier version of this document
    raise IngestError(f"编号 {base} 已被占用，请用 --as 指定编号")


def _annex_titles(library: Library) -> dict[int, str]:
    """The notice's annexes by number (``annex1`` …), from the manifest."""
    return {int(d.info.id.removeprefix("annex")): d.info.title for d in library.documents.values()
            if d.info.kind == "annex" and d.info.id.removeprefix("annex").isdigit()}


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


def _info(registered: DocumentInfo | None, doc_id: str, role: Role, suffix: str, sha256: str,
          name: str, title: str | None) -> DocumentInfo:
    """The document's entry: a registered annex keeps its manifest title (unless ``title`` is given) and parent."""
    update: dict[str, object] = {"id": doc_id, "available": True, "path": f"files/{doc_id}{suffix}",
                                 "sha256": sha256, "note": f"工作人员导入，原文件名：{name}",
                                 "imported": datetime.now().replace(microsecond=0)}
    if registered:  # an annex placeholder of the manifest
        update |= {"title": title or registered.title, "parent": registered.parent,
                   "short_title": registered.short_title, "kind": registered.kind}
    return role.info.model_copy(update=update)


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
