"""Shared fixtures: one real assistant (real Chroma index in a temp dir, bundled embedder) per session."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

for name, value in {"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
                    # The suites ask from one loopback address far faster than any user: the per-client limits
                    # are lifted for the apps they start; tests/test_redteam.py sets and tests its own.
                    "ASSISTANT_LIMITS__BURST": "100000", "ASSISTANT_LIMITS__MAX_IN_FLIGHT": "1000",
                    # One worker per core (and the apps they start) share the cores: a second BLAS thread per
                    # encoder only waits for a core (a one-line query: ~130 ms instead of ~5 ms on a busy machine).
                    "ASSISTANT_EMBEDDER_THREADS": "1",
                    # Every temporary data dir (and every app or command a test starts) reads the embedder and
                    # the word dictionary from the checkout's cache instead of building them again.
                    "ASSISTANT_CACHE_DIR": str(Path(__file__).resolve().parent.parent / "data" / "cache")}.items():
    os.environ.setdefault(name, value)


@pytest.fixture(scope="session")
def assistant_settings(tmp_path_factory: pytest.TempPathFactory):
    from assistant.settings import Settings

    return Settings(data_dir=tmp_path_factory.mktemp("assistant-data"), llm_base_url="")


@pytest.fixture(scope="session")
def assistant(assistant_settings):
    from assistant.answering import Assistant

    return Assistant(assistant_settings)


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def free_port() -> Callable[[], int]:
    """A function giving an unused loopback port."""
    return unused_port


AS_OF = "2025-09-20"  # the day the shared app treats as today: during the round's application period


@pytest.fixture(scope="session")
def running(tmp_path_factory: pytest.TempPathFactory, free_port):
    """One real app process (``app.py``) for every test that needs it; the UI's today is ``AS_OF``; every test
    is one client (127.0.0.1), so the per-client rate limit is raised out of their way."""
    from running_app import start_app

    app = start_app(tmp_path_factory.mktemp("app"), free_port(),
                    {"ASSISTANT_AS_OF": AS_OF, "ASSISTANT_LIMITS__RATE_PER_MINUTE": "60000",
                     "ASSISTANT_LIMITS__BURST": "10000"})
    yield app
    app.stop()


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for every browser test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pages(browser, running):
    """Pages of the shared app, one per size and path for the whole module (each in its own en-US browser
    context): ``pages(viewport, path="/")``. Tests reset what they need (新对话, a reload)."""
    from ui import new_page

    opened = {}

    def page_for(viewport: dict[str, int], path: str = "/"):
        key = (viewport["width"], viewport["height"], path)
        if key not in opened:
            opened[key] = new_page(browser, running.url, viewport, path)
        return opened[key]

    yield page_for
    for page in opened.values():
        page.context.close()


@pytest.fixture(scope="session")
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request made to it: no page should ever make one."""
    requests: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()


# The modules that take longest on the 2-core machine, started first so that no worker is left running one of
# them alone at the end (``--dist loadfile --no-loadscope-reorder`` hands modules out in this order; xdist's own
# order, by number of tests, put the one-test eval gate last).
LONGEST_FIRST = ["test_ingest_limits", "test_redteam", "test_quality_gate", "test_ui_forms", "test_ingest",
                 "test_reliability", "test_ui_chat", "test_documents", "test_retrieval", "test_scale_out",
                 "test_embedders", "test_ui_staff"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.stem
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: tests keep their order within a module
