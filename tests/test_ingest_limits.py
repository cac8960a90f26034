"""Bounded ingestion (issue 12): hostile files, written for real, are refused with a Chinese error naming the
limit, the store, the index and the quota table stay byte-for-byte the same, and the app restarted afterwards
is healthy. Also: each limit names itself, a MemoryError never costs the index, and the app listens and says
503 (no paths, no exception text) while its index is not ready."""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import openpyxl
import pytest
from bombs import OVER_THE_LIMITS, docx_bomb
from running_app import start_app
from test_ingest import has_chinese, snapshot, write, write_docx, write_pdf, write_xlsx
from test_scale_out import HEADLESS, Worker

from assistant.answering import Assistant
from assistant.corpus.model import Clause, Document, DocumentInfo
from assistant.corpus.sandbox import parse_isolated
from assistant.errors import DecodeError, LimitExceededError
from assistant.ingest import ingest_file
from assistant.retrieval.store import persistent_client, sync_index
from assistant.rules.quotas import import_table
from assistant.settings import IngestLimits, Settings

ROOT = Path(__file__).resolve().parent.parent
CHAT = "/v1/chat/completions"
REFUSALS = {  # bomb → the limit its error names (default limits)
    "clause-bomb.txt": "提取出的文字超过 1000000 字上限",
    "expanding.pdf": "提取出的文字超过 1000000 字上限",
    "pypdf-limit.pdf": "超出 PDF 解析上限（数据流解压后不得超过 100 MB",
    "zip-bomb.docx": "解压后超过 100 MB 上限",
    "lying-zip-bomb.docx": "解压后超过 100 MB 上限",
    "zip-bomb.xlsx": "解压后超过 100 MB 上限",
    "20000-rows.xlsx": "超过 10000 行上限",
}
PROVINCIAL = "苏知发〔2025〕12号\n江苏省知识产权局关于推荐示范县的通知\n各设区市知识产权局：\n一、推荐名额\n全省推荐示范县不超过3个。\n"
SERVER_PATH = re.compile(r"/(tmp|work|home|root|usr)/|\.py\b|Traceback|Error\b")


def cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """The real ``assistant`` command on ``settings.data_dir``."""
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "ASSISTANT_DATA_DIR": str(settings.data_dir)}, timeout=300)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bounded")


@pytest.fixture(scope="module")
def store(base: Path) -> Settings:
    """A data dir with an index, an ingested document and a quota table: what a refused file must not touch."""
    settings = Settings(data_dir=base / "data", llm_base_url="")
    assert ingest_file(settings, write(base / "jiangsu.txt", PROVINCIAL)).status == "added"
    import_table(ROOT / "eval" / "quotas" / "example.csv", settings.data_dir)
    return settings


@pytest.fixture(scope="module")
def bombs(base: Path) -> dict[str, Path]:
    (base / "bombs").mkdir()
    made = {name: write_bomb(base / "bombs" / name) for name, write_bomb in OVER_THE_LIMITS.items()}
    assert made.keys() == REFUSALS.keys()
    assert all(path.stat().st_size < 20 * 1024 * 1024 for path in made.values())  # all pass the upload limit
    return made


@pytest.mark.parametrize("name", list(REFUSALS))
def test_a_bomb_is_refused_naming_its_limit_and_changes_nothing(store: Settings, bombs: dict[str, Path],
                                                                 name: str) -> None:
    before = snapshot(store.data_dir)
    with pytest.raises(LimitExceededError) as raised:
        ingest_file(store, bombs[name])
    assert REFUSALS[name] in str(raised.value) and str(raised.value).startswith(name)
    assert snapshot(store.data_dir) == before


def test_a_docx_renamed_xlsx_is_refused_in_chinese(store: Settings, base: Path) -> None:
    renamed = write_docx(base / "renamed.docx").rename(base / "renamed.xlsx")
    before = snapshot(store.data_dir)
    with pytest.raises(DecodeError, match="内容与扩展名不符（不是 Excel 文件）"):
        ingest_file(store, renamed)
    assert snapshot(store.data_dir) == before


def test_the_command_line_refuses_every_bomb_and_changes_nothing(store: Settings, bombs: dict[str, Path]) -> None:
    before = snapshot(store.data_dir)
    done = cli(store, "ingest", *map(str, bombs.values()))
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("错误：")]
    assert len(errors) == len(bombs) and all(has_chinese(line) and "上限" in line for line in errors), done.stderr
    assert snapshot(store.data_dir) == before


@pytest.mark.server
def test_the_app_restarted_after_the_bombs_is_healthy(store: Settings, base: Path, free_port: Callable[[], int]
                                                      ) -> None:
    app = start_app(base, free_port(), {"ASSISTANT_LLM_BASE_URL": "", **HEADLESS})  # fails unless /healthz is 200
    try:
        health = httpx.get(f"{app.url}/healthz", timeout=10).json()
        assert health["index"]["state"] == "ready" and health["index"]["indexed"] == health["index"]["expected"]
        assert health["documents"] == 6  # the notice, its four annexes, the document ingested before the bombs
        answer = httpx.post(f"{app.url}{CHAT}", timeout=30, json={"messages": [{"role": "user", "content": "申报需要交费吗？"}]})
        assert answer.status_code == 200 and answer.json()["citations"]
    finally:
        app.stop()


def limited(tmp_path: Path, **limits: float) -> Settings:
    return Settings(data_dir=tmp_path / "data", ingest=IngestLimits(**limits))


SMALL_LIMITS = [
    pytest.param({"max_chars": 10}, lambda d: write(d / "a.txt", "一二三四五六七八九十十一。"), "文字超过 10 字上限",
                 id="characters"),
    pytest.param({"max_pages": 1}, lambda d: write_pdf(d / "a.pdf", [["第一页。"], ["第二页。"]]), "共 2 页，超过 1 页上限",
                 id="pages"),
    pytest.param({"max_rows": 2}, lambda d: write_xlsx(d / "a.xlsx"), "超过 2 行上限", id="rows"),
    pytest.param({"max_zip_members": 3}, lambda d: write_docx(d / "a.docx"), "个文件，超过 3 个上限", id="zip-members"),
    pytest.param({"max_unzipped_mb": 0.01}, lambda d: write_docx(d / "a.docx"), "解压后超过 0.01 MB 上限",
                 id="expanded-size"),
    pytest.param({"max_seconds": 0.01}, lambda d: write(d / "a.txt", "内容。"), "解析超过 0.01 秒上限", id="time"),
    pytest.param({"max_memory_mb": 300}, lambda d: docx_bomb(d / "a.docx", megabytes=90),
                 "解析所需内存超过 300 MB 上限", id="memory"),
]


def test_the_defaults_admit_a_30_page_notice_and_a_5000_row_list(tmp_path: Path) -> None:
    """Parsed with the default limits in the capped child process, as ingestion does before indexing."""
    defaults = IngestLimits()
    line = "各地应当按照有关要求认真组织申报工作，确保申报材料真实完整。"
    pdf = write_pdf(tmp_path / "provincial.pdf", [[f"{page}．{line}", *[line] * 30] for page in range(1, 31)])
    _, clauses = parse_isolated(pdf.read_bytes(), pdf.name, ".pdf", "provincial", defaults)
    assert len(clauses) >= 30
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("名单")
    sheet.append(["序号", "单位名称", "所在地", "项目类型", "备注"])
    for number in range(1, 5001):
        sheet.append([number, f"示范单位{number}有限公司", "江苏省南京市", "示范企业", "已通过省级初审"])
    workbook.save(tmp_path / "list.xlsx")
    _, records = parse_isolated((tmp_path / "list.xlsx").read_bytes(), "list.xlsx", ".xlsx", "list", defaults)
    assert len(records) == 5000 and records[-1].id == "list#名单!r5001"


@pytest.mark.parametrize(("limits", "make", "fragment"), SMALL_LIMITS)
def test_each_limit_names_itself(tmp_path: Path, limits: dict[str, float], make: Callable[[Path], Path],
                                 fragment: str) -> None:
    with pytest.raises(LimitExceededError, match=fragment):
        ingest_file(limited(tmp_path, **limits), make(tmp_path))
    assert not (tmp_path / "data").exists()


def test_a_clause_stored_before_the_limits_is_embedded_from_its_first_characters(tmp_path: Path) -> None:
    """A document stored, unsplit, by the code before the limits no longer needs more memory to index."""
    settings = Settings(data_dir=tmp_path / "data", llm_base_url="")
    text = PHRASE * 1000  # 18 000 characters
    store_unsplit_clause(settings, text)
    assistant = Assistant(settings)
    assistant.index.warm_up()
    health = assistant.health()
    assert health["ok"] and health["index"]["indexed"] == len(assistant.library.clauses())
    sync_index(settings, assistant.library)  # the store itself (a warm-up may have read a snapshot of it)
    [embedded] = persistent_client(settings.index_dir).get_collection(settings.collection).get(
        ids=["huge#p1"])["documents"]
    assert embedded.endswith(text[:1000]) and len(embedded) < 1020


PHRASE = "各地应当按照有关要求认真组织申报工作"


def store_unsplit_clause(settings: Settings, text: str) -> None:
    """What the code before the limits stored: one document of one clause, however long, not yet indexed."""
    document = Document(info=DocumentInfo(id="huge", title="huge"), source=text,
                        clauses=[Clause(id="huge#p1", doc="huge", kind="paragraph", text=text, span=(0, len(text)))])
    settings.documents_dir.mkdir(parents=True)
    (settings.documents_dir / "huge.json").write_text(document.model_dump_json(), encoding="utf-8")


def test_a_memory_error_while_indexing_never_costs_the_index(tmp_path: Path) -> None:
    """The issue's restart: a stored clause far too long to embed (the clause limit lifted, so that it is embedded
    whole) and a sync that runs out of memory. Real numpy, real Chroma, in a child process whose address
    space is capped 64 MB above what it uses. The issue's clause had 1.6 M characters; 162 000 (~110 000
    tokens, ~550 MB of activations) run out as surely, without 4 s of tokenizing first."""
    settings = Settings(data_dir=tmp_path / "data")
    assert cli(settings, "index").returncode == 0
    before = index_contents(settings)
    store_unsplit_clause(settings, PHRASE * 9_000)
    script = """
import re, resource, sys
from pathlib import Path
from assistant.corpus.library import Library
from assistant.retrieval.store import persistent_client, settings_embedder, sync_index
from assistant.settings import IngestLimits, Settings

settings = Settings(data_dir=Path(sys.argv[1]), ingest=IngestLimits(max_clause_chars=2_000_000))
library = Library.from_settings(settings)
settings_embedder(settings)
persistent_client(settings.index_dir)
used = int(re.search(r"VmSize:\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1)) * 1024
resource.setrlimit(resource.RLIMIT_AS, (used + 64 * 2**20, resource.RLIM_INFINITY))
try:
    sync_index(settings, library)
except Exception as error:
    print(type(error).__name__, error)
"""
    done = subprocess.run([sys.executable, "-c", script, str(settings.data_dir)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.stdout.startswith("IndexUnavailableError 更新检索索引时内存、磁盘或文件句柄不足，索引保持原样"), done.stderr[-2000:]
    assert "删除后重建" not in done.stderr
    assert index_contents(settings) == before and int(before.split()[0]) > 30


INDEX_DIGEST = """
import hashlib, json, sys
from pathlib import Path
from assistant.retrieval.store import persistent_client
got = persistent_client(Path(sys.argv[1])).get_collection(sys.argv[2]).get(include=["embeddings", "metadatas"])
rows = [got["ids"], [[float(x) for x in vector] for vector in got["embeddings"]], got["metadatas"]]
print(len(got["ids"]), hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest())
"""


def index_contents(settings: Settings) -> str:
    """How many vectors the collection holds and a digest of ids, vectors and metadata, read by a fresh
    process (Chroma rewrites its files whenever a process opens them, so bytes cannot be compared)."""
    done = subprocess.run([sys.executable, "-c", INDEX_DIGEST, str(settings.index_dir), settings.collection],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def test_health_reports_and_never_builds(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", llm_base_url="")
    assistant = Assistant(settings)
    for _ in range(3):
        health = assistant.health()
        assert not health["ok"] and health["index"] == {"ok": False, "state": "building",
                                                        "error": "检索索引正在建立，请稍后再试。"}
    assert not settings.index_dir.exists()
    assistant.index.warm_up()
    health = assistant.health()
    assert health["ok"] and health["index"]["state"] == "ready"


@pytest.fixture
def silent_chroma() -> Iterator[str]:
    """A port that accepts connections and never answers: an index that stays "building" as long as it is up."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield f"127.0.0.1:{server.getsockname()[1]}"


@pytest.mark.server
def test_the_app_listens_before_its_index_is_ready_and_says_so_plainly(
        tmp_path: Path, free_port: Callable[[], int], silent_chroma: str) -> None:
    worker = Worker(tmp_path, free_port(), silent_chroma)
    try:
        health = worker.wait_for_health(503)
        assert health["index"] == {"ok": False, "state": "building", "error": "检索索引正在建立，请稍后再试。"}
        chat = worker.ask("申报需要交费吗？")
        assert chat.status_code == 503 and chat.json()["error"]["message"] == "检索索引正在建立，请稍后再试。"
        assert not SERVER_PATH.search(worker.health().text + chat.text)
        check = httpx.post(f"{worker.url}/api/check", json={"text": "我们是重庆市城口县人民政府"}, timeout=30)
        assert check.status_code == 200  # the rules need no index
    finally:
        worker.stop()


@pytest.mark.server
def test_an_import_killed_while_indexing_is_quarantined_and_the_app_restarts_healthy(
        tmp_path: Path, free_port: Callable[[], int]) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    assert cli(settings, "index").returncode == 0
    before, notice = snapshot(settings.data_dir), stored_vectors(settings)
    big = write(tmp_path / "big.txt", "各地应当按照有关要求认真组织申报工作，确保申报材料真实完整。\n" * 4000)
    process = subprocess.Popen([sys.executable, "-m", "assistant", "ingest", str(big)], cwd=ROOT,
                               env={**os.environ, "ASSISTANT_DATA_DIR": str(settings.data_dir)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while stored_vectors(settings) <= notice:  # killed once it has added some of its 4000 vectors
        assert process.poll() is None, "the import ended before it could be interrupted"
        time.sleep(0.05)
    process.kill()
    process.wait()

    assert {k: v for k, v in snapshot(settings.data_dir).items() if k.startswith("documents")} == {
        k: v for k, v in before.items() if k.startswith("documents")}
    [record] = [row for row in json.loads(cli(settings, "docs", "--json").stdout) if "quarantined" in row]
    assert (record["id"], record["file"], record["quarantined"]) == ("big", "big.txt", "导入未完成：建立索引时进程中断")

    app = start_app(tmp_path, free_port(), {"ASSISTANT_LLM_BASE_URL": "", **HEADLESS})  # fails unless /healthz is 200
    try:
        index = httpx.get(f"{app.url}/healthz", timeout=10).json()["index"]
        assert index["indexed"] == index["expected"] < 100  # what the killed import embedded is gone again
    finally:
        app.stop()
    removed = cli(settings, "ingest", "--remove", "big")
    assert removed.returncode == 0 and "已删除：big" in removed.stdout
    assert not (settings.quarantine_dir / "big.json").exists()


def stored_vectors(settings: Settings) -> int:
    """Rows in Chroma's table of vectors, read straight from SQLite (another process is writing through Chroma)."""
    with contextlib.closing(sqlite3.connect(f"file:{settings.index_dir / 'chroma.sqlite3'}?mode=ro", uri=True)) as db:
        return db.execute("SELECT count(*) FROM embeddings").fetchone()[0]
