"""Dense (Chroma) and hybrid retrievers; the hybrid fuses dense and BM25, reranks and boosts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.corpus.library import Library
from assistant.language.normalize import normalize
from assistant.language.provinces import first_province
from assistant.retrieval import fusion
from assistant.retrieval.base import Hit
from assistant.retrieval.boosts import StructureBoosts
from assistant.retrieval.embedders import Reranker
from assistant.retrieval.lexical import LexicalRetriever, clause_text
from assistant.retrieval.store import Vectors

Fusion = Literal["rrf", "weighted"]
# How far a document's kind lets its clauses rank: the current round's own texts first, an earlier round or
# other policy (reference) well below; a provincial notice counts fully for its own province only.
AUTHORITY = {"national_notice": 1.0, "annex": 1.0, "provincial_notice": 0.9, "recognised_list": 0.8,
             "reference": 0.5}
OWN_PROVINCE, OTHER_PROVINCE = 1.1, 0.6
NEAR_DUPLICATE = 0.9  # share of character bigrams two clauses have in common to count as the same text


def distinct(hits: list[Hit], k: int) -> list[Hit]:
    """The first ``k`` hits, each clause whose text nearly repeats a better one (the same paragraph in two
    documents) left out."""
    kept: list[tuple[Hit, set[str]]] = []
    for hit in hits:
        grams = bigrams(hit.clause.text)
        if all(len(grams & other) < NEAR_DUPLICATE * max(len(grams), len(other), 1) for _, other in kept):
            kept.append((hit, grams))
        if len(kept) == k:
            break
    return [hit for hit, _ in kept]


def bigrams(text: str) -> set[str]:
    compact = "".join(text.split())
    return {compact[i:i + 2] for i in range(len(compact) - 1)}


class DenseRetriever:
    """Nearest clauses by cosine similarity in the Chroma collection (or its snapshot)."""

    def __init__(self, vectors: Vectors, library: Library) -> None:
        self.vectors = vectors
        self.library = library

    def scored(self, query: str, n: int) -> list[tuple[str, float]]:
        """The ``n`` nearest (clause id, cosine similarity) pairs."""
        return self.vectors.nearest(query, n)

    def search(self, query: str, k: int = 5) -> list[Hit]:
        clauses = ((self.library.clause(i), s) for i, s in self.scored(query, k))
        return [Hit(clause=c, score=s) for c, s in clauses if c is not None]


@dataclass
class HybridRetriever:
    """Dense + BM25 fused (BM25 alone without a dense side), optionally cross-encoder reranked, then
    structure-aware boosts."""

    dense: DenseRetriever | None
    lexical: LexicalRetriever
    boosts: StructureBoosts
    library: Library
    reranker: Reranker | None = None
    fusion: Fusion = "weighted"
    dense_weight: float = 0.2
    candidates: int = 20

    def indexed(self) -> int | None:
        """How many clauses the vector index holds (None without a dense side); raises when it cannot be read."""
        return self.dense.vectors.count() if self.dense else None

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
        named = first_province(query)
        weighted = {i: score * self.authority(clause.doc, named) for i, score in scores.items()
                    if (clause := self.library.clause(i)) is not None}
        ranked = sorted(weighted.items(), key=lambda pair: -pair[1])
        return distinct([Hit(clause=self.library.clause(i), score=round(score, 4)) for i, score in ranked], k)

    def authority(self, doc_id: str, named_province: str | None) -> float:
        """The weight of a document's clauses for a query naming ``named_province`` (or none)."""
        info = self.library.documents[doc_id].info
        weight = AUTHORITY.get(info.kind, 1.0)
        if info.kind == "provincial_notice" and named_province:
            weight *= OWN_PROVINCE if info.province == named_province else OTHER_PROVINCE
        return weight
