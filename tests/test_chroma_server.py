"""The index through a real ``chroma run`` server (HttpClient), and a clear error when none answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.corpus.library import Library
from assistant.errors import IndexUnavailableError
from assistant.retrieval import build_retriever, sync_index
from assistant.settings import Settings

pytestmark = pytest.mark.server
CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_heartbeat(port: int, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"chroma run exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("chroma run did not answer its heartbeat")


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    with (tmp_path / "chroma.log").open("wb") as log:
        server = subprocess.Popen([str(CHROMA), "run", "--path", str(tmp_path / "server-data"),
                                   "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=log, env=env)
    try:
        wait_for_heartbeat(port, server)
        yield f"127.0.0.1:{port}", server
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_index_and_search_through_a_chroma_server(chroma_server: tuple[str, subprocess.Popen[bytes]],
                                                   tmp_path: Path) -> None:
    address, server = chroma_server
    settings = Settings(data_dir=tmp_path / "data", chroma_host=address)
    library = Library.from_settings(settings)
    built = sync_index(settings, library)
    assert built["added"] == len(library.clauses()) and not built["rebuilt"]
    assert not settings.index_dir.exists()  # nothing was written to the embedded store
    assert sync_index(settings, library)["added"] == 0

    retriever = build_retriever(settings, library)
    assert retriever.search("示范县的联系人是谁", k=1)[0].clause.id == "notice#contacts"
    assert retriever.search("申报要交钱吗", k=3)[0].clause.id == "notice#5.4"

    server.terminate()
    server.wait(timeout=30)
    with pytest.raises(IndexUnavailableError, match="向量库"):
        retriever.search("回执什么时候交")


def test_an_unreachable_server_gives_a_clear_error(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, chroma_host=f"127.0.0.1:{free_port()}")
    library = Library.from_settings(settings)
    with pytest.raises(IndexUnavailableError, match=r"无法连接向量库服务 127\.0\.0\.1:"):
        sync_index(settings, library)
    with pytest.raises(IndexUnavailableError, match="主机:端口"):
        build_retriever(Settings(data_dir=tmp_path, chroma_host="localhost"), library)
