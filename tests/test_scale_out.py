"""Two app processes sharing one real ``chroma run`` server: started before it, they serve a clear 503;
once it is up, both answer alike with verified citations; when it stops, they say so and stay up;
when it is back, they recover without a restart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.corpus.library import Library

ROOT = Path(__file__).resolve().parent.parent
CHROMA = Path(sys.executable).parent / "chroma"
QUESTIONS = ["申报需要交费吗？", "示范县的联系人是谁？", "我们是上海市浦东新区人民政府，能申报示范市吗？"]
pytestmark = pytest.mark.server
HEADLESS = {"ASSISTANT_WEB_UI": "false"}  # these workers are asked through the HTTP API only


class ChromaServer:
    """``chroma run`` on a fixed port and directory, to be stopped and started again."""

    def __init__(self, path: Path, port: int) -> None:
        self.path, self.port = path, port
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        with (self.path.parent / "chroma.log").open("ab") as log:
            self.process = subprocess.Popen([str(CHROMA), "run", "--path", str(self.path), "--host", "127.0.0.1",
                                             "--port", str(self.port)], stdout=log, stderr=log, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "chroma run exited"
            try:
                if httpx.get(f"http://{self.address}/api/v2/heartbeat", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        raise TimeoutError("chroma run did not answer its heartbeat")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


class Worker:
    """One ``python app.py`` process with its own data dir and log file."""

    def __init__(self, base: Path, port: int, chroma: str) -> None:
        self.url, self.data_dir, self.log = f"http://127.0.0.1:{port}", base / "data", base / "app.log"
        env = {**os.environ, "ASSISTANT_DATA_DIR": str(self.data_dir), "ASSISTANT_CHROMA_HOST": chroma,
               "ASSISTANT_LLM_BASE_URL": "", **HEADLESS}
        with self.log.open("wb") as sink:
            self.process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                                            stdout=sink, stderr=subprocess.STDOUT)

    def health(self) -> httpx.Response:
        return httpx.get(f"{self.url}/healthz", timeout=10)

    def wait_for_health(self, status: int, timeout: float = 120, state: str | None = None) -> dict[str, Any]:
        """The first /healthz body with this status (and this index state, when given)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text(encoding="utf-8")[-3000:]
            try:
                response = self.health()
                if response.status_code == status and state in (None, response.json()["index"].get("state")):
                    return response.json()
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"{self.url}/healthz never returned {status}")

    def ask(self, question: str) -> httpx.Response:
        return httpx.post(f"{self.url}/v1/chat/completions", timeout=30,
                          json={"messages": [{"role": "user", "content": question}]})

    def answers(self) -> list[tuple[str, list[dict[str, Any]]]]:
        replies = [self.ask(q) for q in QUESTIONS]
        assert [r.status_code for r in replies] == [200] * len(QUESTIONS), [r.text[:200] for r in replies]
        return [(r.json()["choices"][0]["message"]["content"], r.json()["citations"]) for r in replies]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@pytest.fixture
def chroma(tmp_path: Path, free_port: Callable[[], int]) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path / "chroma" / "data", free_port())
    server.path.parent.mkdir()
    yield server
    server.stop()


@pytest.fixture
def workers(tmp_path: Path, free_port: Callable[[], int], chroma: ChromaServer) -> Iterator[list[Worker]]:
    started = []
    for name in ("worker-a", "worker-b"):
        (tmp_path / name).mkdir()
        started.append(Worker(tmp_path / name, free_port(), chroma.address))
    yield started
    for worker in started:
        worker.stop()


def test_two_workers_share_one_chroma_server(chroma: ChromaServer, workers: list[Worker]) -> None:
    for worker in workers:  # started before the server: up, but unhealthy, and they say why
        status = worker.wait_for_health(503, state="error")
        assert "无法连接向量库服务" in status["index"]["error"]
        records = [json.loads(line) for line in worker.log.read_text(encoding="utf-8").splitlines()]
        assert any(r["level"] == "ERROR" and "索引暂不可用" in r["message"] for r in records)

    chroma.start()
    for worker in workers:
        index = worker.wait_for_health(200)["index"]
        assert index["chroma"] == chroma.address and index["indexed"] == index["expected"] > 0
    first, second = (worker.answers() for worker in workers)
    assert first == second
    library = Library(ROOT / "corpus")
    for _, citations in first:
        assert citations and all(library.verify_quote(c["id"], c["quote"]) for c in citations)
    assert [c["id"] for c in first[0][1]] == ["notice#5.4"]
    assert not any((worker.data_dir / "index").exists() for worker in workers)  # nothing embedded

    chroma.stop()
    for worker in workers:
        started = time.monotonic()
        health = worker.health()
        assert health.status_code == 503 and health.json()["index"]["ok"] is False
        reply = worker.ask("申报需要交费吗？")
        assert reply.status_code == 503 and "向量库" in reply.json()["error"]["message"], reply.text[:300]
        assert time.monotonic() - started < 10  # a clear error, not a hang
        assert worker.ask("你好").status_code == 200  # what needs no index still works
        assert httpx.post(f"{worker.url}/api/check", json={"text": "我们是重庆市城口县人民政府"}).status_code == 200
        assert worker.process.poll() is None

    chroma.start()
    for worker in workers:
        worker.wait_for_health(200, timeout=30)
        assert worker.answers() == first
