"""The corpora suites run on: the pinned corpus (the manifest alone, whatever staff imported) for the national
suites, and for a ``layering`` suite its own fixture documents loaded next to it.

A layering suite ``X.jsonl`` lists its documents in ``X/documents.yaml`` (id, path, and the kind a staffer would
give, which the product must detect by itself). They are ingested through the real pipeline into a data dir
under ``data/eval-corpora/<hash of the fixtures and of the parsing code>``, reused while both stay the same.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import yaml

from assistant.answering import Assistant
from assistant.corpus.library import Library
from assistant.settings import Settings

READY = "ready"  # written last: a corpus without it was cut short and is rebuilt
CORPUS_CODE = Path(__file__).resolve().parent.parent / "corpus"


def pinned_assistant(settings: Settings) -> Assistant:
    """An assistant over the manifest's documents only, indexed in its own collection."""
    pinned = settings.model_copy(update={"collection": f"{settings.collection}-pinned"})
    return Assistant(pinned, library=Library(settings.corpus_dir))


def fixture_documents(suite: Path) -> list[dict[str, Any]]:
    listing = suite.with_suffix("") / "documents.yaml"
    if not listing.is_file():
        raise ValueError(f"{suite.name} 缺少文件清单 {listing.relative_to(suite.parent)}")
    return yaml.safe_load(listing.read_text(encoding="utf-8"))["documents"]


def layered_assistant(settings: Settings, suite: Path) -> tuple[Assistant, dict[str, str]]:
    """An assistant over the pinned corpus plus the suite's fixture documents, and the kind detected for each."""
    from assistant.ingest import ingest_file

    folder = suite.with_suffix("")
    documents = fixture_documents(suite)
    digest = hashlib.sha256()
    for entry in documents:
        digest.update(entry["id"].encode() + (folder / entry["path"]).read_bytes())
    for source in sorted(CORPUS_CODE.glob("*.py")):  # a change in how files are parsed parses them again
        digest.update(source.read_bytes())
    name = f"{folder.name}-{digest.hexdigest()[:12]}"
    data_dir = settings.data_dir / "eval-corpora" / name
    layered = settings.model_copy(update={"data_dir": data_dir, "collection": f"{settings.collection}-{name}"})
    if not (data_dir / READY).is_file():
        shutil.rmtree(data_dir, ignore_errors=True)
        for entry in documents:
            ingest_file(layered, folder / entry["path"], doc_id=entry["id"])
        (data_dir / READY).write_text("", encoding="utf-8")
    library = Library.from_settings(layered)
    detected = {entry["id"]: library.document(entry["id"]).info.kind for entry in documents}
    return Assistant(layered, library=library), detected
