"""The Chroma store of clause vectors: embedded or server client, kept in sync with the library.

The collection's metadata records the embedder that built it, an index format version and the
fingerprint of the clauses it holds; each vector's metadata holds its clause's content hash.

The embedded store is queried from its snapshot: the synced vectors, read from the collection once and kept
in the cache dir under a key of everything they are a function of (embedder, index format, clause cut, clause
fingerprint), so a new process answers without importing chromadb's client (0.6–0.8 s on a 2-core machine)
and a snapshot is never stale. A ``chroma run`` server is always queried itself.

An embedded index that cannot be read is deleted and rebuilt; running out of memory, disk or file
handles says nothing about the files, so it never costs the index. Error messages name no server
path and quote no exception: the details go to the log. No more than ``max_clause_chars`` of a
clause is embedded (ingestion splits longer clauses; this covers documents stored before it did).
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import shutil
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from assistant.corpus.library import Library
from assistant.corpus.model import Clause
from assistant.errors import AssistantError, IndexUnavailableError
from assistant.retrieval.cache import read_pickle, write_pickle
from assistant.retrieval.embedders import Embedder, load_embedder
from assistant.retrieval.lexical import clause_text
from assistant.settings import Settings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

INDEX_VERSION = "1"
COSINE: dict[str, Any] = {"hnsw": {"space": "cosine"}}
BATCH = 64
SNAPSHOTS_KEPT = 8  # a data dir's snapshot changes with every ingestion: older ones are deleted beyond this
RESOURCE_ERRNOS = {errno.ENOMEM, errno.ENOSPC, errno.EDQUOT, errno.EMFILE, errno.ENFILE}
RESOURCE_MESSAGES = ("database or disk is full", "out of memory")  # SQLite's words for the same

Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)


def clause_hash(clause: Clause) -> str:
    payload = json.dumps([clause.doc, clause.kind, clause.heading, clause.text], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def fingerprint(clauses: list[Clause]) -> str:
    """Changes whenever a clause is added, removed or changed (not when the same clauses come in another order)."""
    digest = hashlib.sha256()
    for clause in sorted(clauses, key=lambda c: c.id):
        digest.update(f"{clause.id}={clause_hash(clause)};".encode())
    return digest.hexdigest()[:16]


def chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


def http_client(address: str) -> ClientAPI:
    """A client of a ``chroma run`` server at ``host:port``; raises when it does not answer."""
    import chromadb

    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        raise IndexUnavailableError(f"向量库服务地址应写成“主机:端口”，现在是“{address}”。")
    try:
        client = chromadb.HttpClient(host=host, port=int(port), settings=chroma_settings())
        client.heartbeat()
    except Exception as error:
        raise IndexUnavailableError(
            f"无法连接向量库服务 {address}，请确认 chroma 服务已启动且地址正确。") from error
    return client


def persistent_client(path: Path) -> ClientAPI:
    import chromadb

    path.parent.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings())


def wipe(path: Path) -> None:
    """Delete an index directory (or a stray file in its place) and forget its cached client."""
    from chromadb.api.shared_system_client import SharedSystemClient

    # chromadb keeps one system per path, even one whose start failed; drop just ours so the next
    # PersistentClient starts afresh (clear_system_cache() would break every other open client).
    SharedSystemClient._identifier_to_system.pop(str(path), None)
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


class Vectors(Protocol):
    def nearest(self, query: str, n: int) -> list[tuple[str, float]]:
        """The ``n`` nearest (clause id, cosine similarity) pairs."""
        ...

    def count(self) -> int:
        """How many clause vectors there are; raises when the store cannot be read."""
        ...


class VectorSnapshot:
    """The vectors of a synced collection held in memory: exact cosine search, as Chroma's for these sizes."""

    def __init__(self, ids: list[str], matrix: np.ndarray, embedder: Embedder) -> None:
        self.ids = ids
        self.matrix = matrix
        self.embedder = embedder

    def count(self) -> int:
        return len(self.ids)

    def nearest(self, query: str, n: int) -> list[tuple[str, float]]:
        similarities = self.matrix @ self.embedder.encode([query])[0]
        order = np.argsort(-similarities, kind="stable")[:max(1, n)]
        return [(self.ids[i], float(similarities[i])) for i in order]


class ClauseVectors:
    """A Chroma collection of clause vectors with the embedder that fills and queries it."""

    def __init__(self, collection: Collection, embedder: Embedder) -> None:
        self.collection = collection
        self.embedder = embedder

    def nearest(self, query: str, n: int) -> list[tuple[str, float]]:
        """The ``n`` nearest (clause id, cosine similarity) pairs."""
        try:
            found = self.collection.query(query_embeddings=self.embedder.encode([query]),
                                          n_results=max(1, min(n, self.collection.count())), include=["distances"])
        except Exception as error:
            raise IndexUnavailableError(f"向量库查询失败：{error}") from error
        return [(i, 1.0 - distance) for i, distance in zip(found["ids"][0], found["distances"][0], strict=True)]

    def count(self) -> int:
        return self.collection.count()

    def snapshot(self) -> VectorSnapshot:
        stored = self.collection.get(include=["embeddings"])
        matrix = np.asarray(stored["embeddings"], dtype=np.float32).reshape(len(stored["ids"]), -1)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return VectorSnapshot(list(stored["ids"]), matrix / np.where(norms == 0, 1, norms), self.embedder)

    def apply(self, clauses: list[Clause], max_chars: int, progress: Progress | None) -> dict[str, int]:
        """Delete vanished clause ids, embed new and changed clauses (by content hash)."""
        stored = self.collection.get(include=["metadatas"])
        have = {i: (m or {}).get("hash") for i, m in zip(stored["ids"], stored["metadatas"], strict=True)}
        wanted = {c.id: clause_hash(c) for c in clauses}
        vanished = [i for i in have if i not in wanted]
        changed = [c for c in clauses if have.get(c.id) != wanted[c.id]]
        if vanished:
            self.collection.delete(ids=vanished)
        for start in range(0, len(changed), BATCH):
            batch = changed[start:start + BATCH]
            texts = [embedded_text(c, max_chars) for c in batch]
            self.collection.upsert(ids=[c.id for c in batch], embeddings=self.embedder.encode(texts), documents=texts,
                                   metadatas=[{"id": c.id, "doc": c.doc, "heading": c.heading, "kind": c.kind,
                                               "hash": wanted[c.id]} for c in batch])
            if progress:
                progress(start + len(batch), len(changed))
        added = sum(1 for c in changed if c.id not in have)
        return {"added": added, "updated": len(changed) - added, "deleted": len(vanished)}


def sync_store(client: ClientAPI, name: str, embedder: Embedder, clauses: list[Clause], max_chars: int,
               progress: Progress | None = None) -> tuple[ClauseVectors, dict[str, Any]]:
    """Bring collection ``name`` up to date with ``clauses``; embeds only what changed."""
    report: dict[str, Any] = {"embedder": embedder.id, "collection": name, "rebuilt": False, "reason": "",
                              "added": 0, "updated": 0, "deleted": 0, "total": len(clauses)}
    collection = client.get_or_create_collection(name, embedding_function=None, configuration=COSINE)
    meta = collection.metadata or {}
    current = fingerprint(clauses)
    built_by = (meta.get("embedder"), meta.get("version"))
    if built_by != (embedder.id, INDEX_VERSION) and collection.count():
        report.update(rebuilt=True, reason=f"索引由 {built_by[0] or '未知嵌入模型'} 构建，现用 {embedder.id}，重建")
        log.warning(report["reason"])
        client.delete_collection(name)
        collection = client.create_collection(name, embedding_function=None, configuration=COSINE)
    elif meta.get("fingerprint") == current and collection.count() == len(clauses):
        return ClauseVectors(collection, embedder), report
    vectors = ClauseVectors(collection, embedder)
    report.update(vectors.apply(clauses, max_chars, progress))
    collection.modify(metadata={"embedder": embedder.id, "version": INDEX_VERSION, "fingerprint": current})
    return vectors, report


def embedded_text(clause: Clause, max_chars: int) -> str:
    """What is embedded for a clause: its indexed text, the clause itself cut at ``max_chars``."""
    if len(clause.text) > max_chars:
        clause = clause.model_copy(update={"text": clause.text[:max_chars]})
    return clause_text(clause)


def is_resource_error(error: BaseException | None) -> bool:
    """Out of memory, disk space or file handles, anywhere in the chain of causes: not a damaged index."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, MemoryError) or (isinstance(error, OSError) and error.errno in RESOURCE_ERRNOS):
            return True
        if any(words in str(error).lower() for words in RESOURCE_MESSAGES):
            return True
        error = error.__cause__ or error.__context__
    return False


def snapshot_path(settings: Settings, embedder: Embedder, clauses: list[Clause]) -> Path:
    key = f"{embedder.id}|{INDEX_VERSION}|{settings.ingest.max_clause_chars}|{fingerprint(clauses)}"
    return settings.caches / f"vectors-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"


def stored_snapshot(settings: Settings, clauses: list[Clause]) -> VectorSnapshot | None:
    """The embedded store's vectors of exactly ``clauses``, when a sync has kept them; None otherwise."""
    if settings.chroma_host:
        return None
    embedder = settings_embedder(settings)
    found = read_pickle(snapshot_path(settings, embedder, clauses))
    if not isinstance(found, tuple) or len(found) != 2:
        return None
    ids, matrix = found
    return VectorSnapshot(ids, matrix, embedder)


def keep_snapshot(settings: Settings, store: ClauseVectors, clauses: list[Clause]) -> None:
    """Write the synced store's snapshot (once per content) and delete the oldest beyond ``SNAPSHOTS_KEPT``."""
    path = snapshot_path(settings, store.embedder, clauses)
    if path.exists():
        return
    snapshot = store.snapshot()
    write_pickle(path, (snapshot.ids, snapshot.matrix))
    for old in sorted(settings.caches.glob("vectors-*.pickle"), key=modified, reverse=True)[SNAPSHOTS_KEPT:]:
        old.unlink(missing_ok=True)


def modified(path: Path) -> float:
    """When ``path`` was last written; 0 when another process has just deleted it."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def open_index(settings: Settings, library: Library, progress: Progress | None = None
               ) -> tuple[ClauseVectors, dict[str, Any]]:
    """The synced store and a report of what changed (embedded: a damaged index is rebuilt)."""
    store, report = sync_with(settings, library.clauses(), progress)
    if not settings.chroma_host:
        keep_snapshot(settings, store, library.clauses())
    report["store"] = f"chroma://{settings.chroma_host}" if settings.chroma_host else str(settings.index_dir)
    return store, report


def settings_embedder(settings: Settings) -> Embedder:
    """The embedder ``settings`` name, its loaded model kept in the cache dir."""
    return load_embedder(settings.embedder, settings.caches, settings.embedder_threads)


def sync_with(settings: Settings, clauses: list[Clause], progress: Progress | None
              ) -> tuple[ClauseVectors, dict[str, Any]]:
    """Sync through the configured client; what the embedded store raises means damaged files, unless a
    resource ran out."""
    embedder = settings_embedder(settings)
    max_chars = settings.ingest.max_clause_chars
    if settings.chroma_host:
        client = http_client(settings.chroma_host)
        try:
            return sync_store(client, settings.collection, embedder, clauses, max_chars, progress)
        except AssistantError:
            raise
        except Exception as error:
            log.exception("向量库服务 %s 出错", settings.chroma_host)
            raise IndexUnavailableError(f"向量库服务 {settings.chroma_host} 出错，详见服务日志。") from error
    try:
        return sync_store(persistent_client(settings.index_dir), settings.collection, embedder, clauses,
                          max_chars, progress)
    except AssistantError:
        raise
    except Exception as error:
        traceback.clear_frames(error.__traceback__)  # what exhausted memory is held by the failed call's frames
        if is_resource_error(error):  # logged without a traceback: formatting one needs the memory that ran out
            log.error("更新索引 %s 时资源不足（%s），索引保持原样", settings.index_dir, type(error).__name__)
            raise IndexUnavailableError(
                "更新检索索引时内存、磁盘或文件句柄不足，索引保持原样，详见服务日志。") from error
        log.warning("索引目录 %s 无法读取（%s），删除后重建", settings.index_dir, error)
        wipe(settings.index_dir)
    try:
        store, report = sync_store(persistent_client(settings.index_dir), settings.collection, embedder,
                                   clauses, max_chars, progress)
    except Exception as error:
        log.exception("无法在 %s 建立索引", settings.index_dir)
        raise IndexUnavailableError("无法建立检索索引，详见服务日志。") from error
    report.update(rebuilt=True, reason="索引目录损坏，已删除并重建")
    return store, report


def sync_index(settings: Settings, library: Library, progress: Progress | None = None) -> dict[str, Any]:
    """Bring the vector index up to date with ``library``; returns what was added, updated, deleted."""
    return open_index(settings, library, progress)[1]


def sync_clauses(settings: Settings, clauses: list[Clause]) -> dict[str, Any]:
    """Bring the vector index up to date with exactly ``clauses`` (ingestion indexes before it commits)."""
    return sync_with(settings, clauses, None)[1]
