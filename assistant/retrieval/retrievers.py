"""Dense (Chroma) and hybrid retrievers; the hybrid fuses dense and BM25, reranks and boosts."""

from __future__ import annotations

from typing import Any, Literal

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.corpus.library import Library
from assistant.errors import IndexUnavailableError
from assistant.language.normalize import normalize
from assistant.retrieval import fusion
from assistant.retrieval.base import Hit
from assistant.retrieval.boosts import StructureBoosts
from assistant.retrieval.embedders import Reranker
from assistant.retrieval.lexical import LexicalRetriever, clause_document, clause_text

Fusion = Literal["rrf", "weighted"]


class DenseRetriever(BaseRetriever):
    """Nearest clauses by cosine similarity in the Chroma collection."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Any
    library: Library
    k: int = 5

    def scored(self, query: str, n: int) -> list[tuple[str, float]]:
        """The ``n`` nearest (clause id, cosine similarity) pairs."""
        try:
            pairs = self.store.similarity_search_with_score(query, k=n)
        except Exception as error:
            raise IndexUnavailableError(f"向量库查询失败：{error}") from error
        return [(doc.id, 1.0 - distance) for doc, distance in pairs if doc.id]

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun
                                ) -> list[Document]:
        clauses = ((self.library.clause(i), s) for i, s in self.scored(query, self.k))
        return [clause_document(c, s) for c, s in clauses if c is not None]


class HybridRetriever(BaseRetriever):
    """Dense + BM25 fused (BM25 alone without a dense side), optionally cross-encoder reranked, then
    structure-aware boosts."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    dense: DenseRetriever | None
    lexical: LexicalRetriever
    boosts: StructureBoosts
    library: Library
    reranker: Reranker | None = None
    fusion: Fusion = "weighted"
    dense_weight: float = 0.2
    candidates: int = 20
    k: int = 5

    def relevance(self, query: str) -> dict[str, float]:
        """Fused dense and lexical relevance of the candidate clauses, best = 1.0."""
        n = min(self.candidates, len(self.lexical.clauses))
        if self.dense is None:
            return fusion.scaled(dict(self.lexical.scored(query, n)))
        rankings = [self.dense.scored(query, n), self.lexical.scored(query, n)]
        if self.fusion == "rrf":
            return fusion.reciprocal_rank(rankings)
        return fusion.weighted(rankings, [self.dense_weight, 1.0 - self.dense_weight])

    def rerank(self, query: str, relevance: dict[str, float]) -> dict[str, float]:
        """Cross-encoder scores of the candidates, min-max scaled to [0, 1]."""
        if self.reranker is None or not relevance:
            return relevance
        ids = [i for i in relevance if self.library.clause(i) is not None]
        scores = self.reranker.scores(query, [clause_text(self.library.clause(i)) for i in ids])
        return fusion.min_max(list(zip(ids, scores, strict=True)))

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """The ``k`` best clauses for ``query`` (normalised first: simplified, typos repaired), best first."""
        query = normalize(query)
        relevance = self.rerank(query, self.relevance(query))
        scores = dict(relevance)
        for clause_id, boost in self.boosts(query).items():
            scores[clause_id] = scores.get(clause_id, 0.0) + boost
        ranked = sorted(scores.items(), key=lambda pair: -pair[1])
        hits = [Hit(clause=clause, score=round(score, 4)) for clause_id, score in ranked
                if (clause := self.library.clause(clause_id)) is not None]
        return hits[:k]

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun
                                ) -> list[Document]:
        return [clause_document(hit.clause, hit.score) for hit in self.search(query, self.k)]
