"""Shared fixtures: one real assistant (real Chroma index in a temp dir, bundled embedder) per session."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable

import pytest

for name, value in {"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
                    # The suites ask from one loopback address far faster than any user: the per-client limits
                    # are lifted for the apps they start; tests/test_redteam.py sets and tests its own.
                    "ASSISTANT_LIMITS__BURST": "100000", "ASSISTANT_LIMITS__MAX_IN_FLIGHT": "1000"}.items():
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
