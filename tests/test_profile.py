"""The test profile (settings-test.yaml) and the fakes that ship with the package."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.answering import Assistant
from assistant.corpus.library import Library
from assistant.retrieval import StaticRetriever
from assistant.retrieval.embedders import load_embedder
from assistant.settings import Settings


@pytest.fixture()
def test_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("ASSISTANT_PROFILE", "test")
    return Settings(data_dir=tmp_path / "data")


def test_the_test_profile_selects_the_fakes_and_the_environment_still_wins(
        test_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    assert (test_settings.embedder, test_settings.retrieval, test_settings.llm_base_url) == ("hash", "lexical", "fake")
    monkeypatch.setenv("ASSISTANT_RETRIEVAL", "hybrid")
    assert Settings().retrieval == "hybrid"


def test_an_assistant_on_the_fakes_answers_without_an_index(test_settings: Settings) -> None:
    assistant = Assistant(test_settings)
    answer = assistant.ask("昆山市人民政府能申报示范县吗？")
    assert answer.mode == "llm" and "fallback" not in answer.trace  # the echo model passed the guard
    assert answer.verdicts["county"].status == "eligible" and answer.citations[0].id == "notice#2.2"
    assert not test_settings.index_dir.exists()


def test_the_hash_embedder_is_deterministic_normalised_and_content_sensitive() -> None:
    embedder = load_embedder("hash")
    first, again, other = embedder.encode(["示范县申报", "示范县申报", "联系人电话"])
    assert np.allclose(first, again) and np.isclose(np.linalg.norm(first), 1.0)
    assert float(first @ again) > float(first @ other)


def test_a_static_retriever_pins_what_the_assistant_retrieves(test_settings: Settings) -> None:
    library = Library.from_settings(test_settings)
    pinned = StaticRetriever(library, ["notice#5.4", "notice#2.2"])
    assert [h.clause.id for h in pinned.search("任何问题", k=1)] == ["notice#5.4"]
    per_question = StaticRetriever(library, lambda q: ["notice#1"] if "项目" in q else [])
    assert [h.clause.id for h in per_question.search("有哪些项目")] == ["notice#1"] and per_question.search("别的") == []
    answer = Assistant(test_settings, library, retriever=pinned).ask("这个通知的主要内容是什么？")
    assert answer.trace["retrieved"] == ["notice#5.4", "notice#2.2"]
