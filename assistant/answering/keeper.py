"""The retriever's life in a running service: built lazily or warmed up in the background, reset after
ingestion, and reported (never repaired) by health checks."""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.errors import IndexUnavailableError

if TYPE_CHECKING:
    from assistant.retrieval.base import Retriever

INDEX_BUILDING = "检索索引正在建立，请稍后再试。"
INDEX_FAILED = "检索索引暂不可用，详见服务日志。"
STORE_FAILED = "向量库暂不可用，详见服务日志。"
RETRY_SECONDS = (1, 2, 5, 10)  # between warm-up attempts; the last one repeats

log = logging.getLogger(__name__)


class RetrieverKeeper:
    """Holds the current retriever; ``build`` makes a new one (syncing the index) when there is none."""

    def __init__(self, build: Callable[[], Retriever], retriever: Retriever | None = None) -> None:
        self._build = build
        self._retriever = retriever
        self._warming = threading.Event()  # set while the background warm-up owns building the retriever
        self._error = ""

    def get(self) -> Retriever:
        """Built on first use, unless the background warm-up is building it: then a 503 until it is ready."""
        retriever = self._retriever
        if retriever is None:
            if self._warming.is_set():
                raise IndexUnavailableError(self._error or INDEX_BUILDING)
            retriever = self._retriever = self._warmed()
        return retriever

    def reset(self) -> None:
        """Use a fresh retriever from the next question on (after ingestion); running answers keep theirs."""
        self._retriever = None

    def warm_up(self) -> None:
        """Load the embedder and the index now, so the first question is as fast as the rest."""
        self.get()

    def start_warm_up(self) -> threading.Thread:
        """Warm up in a background thread, retrying until the index answers; the app serves (503) meanwhile."""
        self._warming.set()
        thread = threading.Thread(target=self._warm_up_until_ready, name="index-warm-up", daemon=True)
        thread.start()
        return thread

    def state(self, expected: int) -> dict[str, Any]:
        """``building``, ``ready`` (with counts; ok when all ``expected`` clauses are indexed) or ``error``."""
        retriever = self._retriever
        if retriever is None:
            state = "error" if self._error else "building"
            return {"ok": False, "state": state, "error": self._error or INDEX_BUILDING}
        try:
            indexed = retriever.indexed() if hasattr(retriever, "indexed") else None
        except Exception as error:  # a health check reports, never raises
            log.warning("健康检查：向量库查询失败：%s", error)
            return {"ok": False, "state": "error", "error": STORE_FAILED}
        if indexed is None:  # lexical retrieval (or a fake): nothing to count beyond the library itself
            return {"ok": True, "state": "ready", "indexed": expected, "expected": expected}
        return {"ok": indexed == expected, "state": "ready", "indexed": indexed, "expected": expected}

    def _warmed(self) -> Retriever:
        retriever = self._build()
        retriever.search("申报单位", k=1)  # the first question is then as fast as the rest
        return retriever

    def _warm_up_until_ready(self) -> None:
        for attempt in itertools.count():
            try:
                self._retriever = self._warmed()
                break
            except Exception as error:
                expected = isinstance(error, IndexUnavailableError)  # its message says it all
                self._error = str(error) if expected else INDEX_FAILED
                log.error("索引暂不可用，服务照常启动，/healthz 返回 503：%s", error, exc_info=not expected)
                time.sleep(RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)])
        self._error = ""
        self._warming.clear()
