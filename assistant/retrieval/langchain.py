"""Any ``Retriever`` as a LangChain retriever (a runnable returning Documents), for LangChain pipelines."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.retrieval.base import Hit


def hit_document(hit: Hit) -> Document:
    """The clause text as page content; its id, document, heading, kind and score as metadata."""
    clause = hit.clause
    return Document(id=clause.id, page_content=clause.text,
                    metadata={"id": clause.id, "doc": clause.doc, "heading": clause.heading, "kind": clause.kind,
                              "score": hit.score})


class LangChainRetriever(BaseRetriever):
    """``retriever.search(query, k)`` behind LangChain's retriever interface."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: Any
    k: int = 5

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun
                                ) -> list[Document]:
        return [hit_document(hit) for hit in self.retriever.search(query, self.k)]
