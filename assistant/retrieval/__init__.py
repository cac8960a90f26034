"""Index and retrieval: embedders, the Chroma store, jieba BM25, fusion, rerank and structure boosts.

``build_retriever(settings, library).search("问题", k=5)`` is all most callers need;
``sync_index`` brings the vector index up to date after documents change; ``assistant.retrieval.langchain``
wraps any retriever as a LangChain one (imported only there: langchain's retriever module is slow to load).
"""

from __future__ import annotations

from assistant.corpus.library import Library
from assistant.retrieval.base import Hit, Retriever, StaticRetriever
from assistant.retrieval.boosts import StructureBoosts
from assistant.retrieval.embedders import load_reranker
from assistant.retrieval.lexical import LexicalRetriever, domain_tokenizer
from assistant.retrieval.retrievers import DenseRetriever, Fusion, HybridRetriever
from assistant.retrieval.store import Progress, open_index, stored_snapshot, sync_index
from assistant.settings import Settings

__all__ = ["DenseRetriever", "Hit", "HybridRetriever", "LexicalRetriever", "Retriever", "StaticRetriever",
           "build_retriever", "sync_index"]


def build_retriever(settings: Settings, library: Library, fusion: Fusion = "weighted",
                    progress: Progress | None = None) -> HybridRetriever:
    """The hybrid retriever over ``library``; syncs the index first (a no-op when it is current).

    With ``settings.retrieval == "lexical"`` no vector index is opened: BM25 and the boosts alone. The embedded
    store is read from its snapshot when a sync has kept one for these clauses (``store.py``).
    """
    dense = None
    if settings.retrieval == "hybrid":
        vectors = stored_snapshot(settings, library.clauses()) or open_index(settings, library, progress)[0]
        dense = DenseRetriever(vectors, library)
    clauses = library.clauses()
    tokenizer = domain_tokenizer()
    return HybridRetriever(
        dense=dense,
        lexical=LexicalRetriever(clauses, tokenizer),
        boosts=StructureBoosts(clauses, tokenizer),
        library=library,
        reranker=load_reranker(settings.reranker) if settings.reranker else None,
        fusion=fusion,
    )
