"""What answering needs from retrieval — ``search(query, k) -> list[Hit]`` — and a fake that ships with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from pydantic import BaseModel

from assistant.corpus.library import Library
from assistant.corpus.model import Clause


class Hit(BaseModel):
    clause: Clause
    score: float


class Retriever(Protocol):
    def search(self, query: str, k: int = 5) -> list[Hit]:
        """The ``k`` best clauses for ``query``, best first."""
        ...


class StaticRetriever:
    """Returns the clause ids it was given, for every question or per question: pins retrieval in tests."""

    def __init__(self, library: Library, ranking: list[str] | Callable[[str], list[str]]) -> None:
        self.library = library
        self.ranking = ranking

    def search(self, query: str, k: int = 5) -> list[Hit]:
        ids = self.ranking(query) if callable(self.ranking) else self.ranking
        clauses = [clause for i in ids if (clause := self.library.clause(i)) is not None][:k]
        return [Hit(clause=clause, score=1.0 - rank / len(clauses)) for rank, clause in enumerate(clauses)]
