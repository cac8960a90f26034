"""Read ``corpus/manifest.yaml`` and the source texts it lists."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from assistant.corpus.gongwen import parse
from assistant.corpus.model import Document, DocumentInfo
from assistant.errors import AssistantError


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_manifest(corpus_dir: Path) -> list[DocumentInfo]:
    path = corpus_dir / "manifest.yaml"
    if not path.is_file():
        raise AssistantError(f"找不到语料清单：{path}")
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]
    return [DocumentInfo.model_validate(entry) for entry in entries]


def load_corpus_document(corpus_dir: Path, info: DocumentInfo) -> Document:
    """An available manifest document parsed into clauses; unavailable ones carry no clauses."""
    if not info.available:
        return Document(info=info)
    data = (corpus_dir / info.path).read_bytes()
    if info.sha256 and sha256_bytes(data) != info.sha256:
        raise AssistantError(f"{info.path} 与清单登记的哈希不一致：源文件被改动过")
    source = data.decode("utf-8")
    return Document(info=info, source=source, clauses=parse(source, info.id))
