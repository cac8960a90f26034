"""The running app: the OpenAI-compatible API with the real ``openai`` client; the API alone (headless).

The pages in Chromium are ``test_ui_*.py``; the staff login is tested in ``test_redteam.py``."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from running_app import RunningApp, start_app

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def app_url(running: RunningApp) -> str:
    return running.url


def test_openai_client_gets_a_cited_answer(app_url: str) -> None:
    from openai import OpenAI

    client = OpenAI(base_url=f"{app_url}/v1", api_key="unused")
    response = client.chat.completions.create(
        model="ip-demo-assistant", messages=[{"role": "user", "content": "申报需要交费吗？"}])
    assert "不得以任何形式" in response.choices[0].message.content
    extra = response.model_extra
    assert [c["id"] for c in extra["citations"]] == ["notice#5.4"]


def test_openai_client_streams_and_keeps_the_conversation(app_url: str) -> None:
    from openai import OpenAI

    client = OpenAI(base_url=f"{app_url}/v1", api_key="unused")
    messages = [{"role": "user", "content": "我们是上海市浦东新区人民政府，能申报示范市吗？"},
                {"role": "assistant", "content": "可以申报示范市。"},
                {"role": "user", "content": "那示范县呢？"}]
    stream = client.chat.completions.create(model="ip-demo-assistant", messages=messages, stream=True)
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "不能申报示范县" in text
    assert chunks[-1].model_extra["assistant"]["verdicts"]["county"]["status"] == "ineligible"


def test_bad_requests_get_clear_errors(app_url: str) -> None:
    broken = httpx.post(f"{app_url}/v1/chat/completions", content=b"{not json",
                        headers={"content-type": "application/json"})
    assert broken.status_code == 422 and "请求格式不正确" in broken.json()["error"]["message"]
    empty = httpx.post(f"{app_url}/v1/chat/completions", json={"messages": [{"role": "user", "content": "  "}]})
    assert empty.status_code == 400 and "不能为空" in empty.json()["error"]["message"]
    check = httpx.post(f"{app_url}/api/check", json={"text": "我们是重庆市城口县人民政府"})
    assert check.status_code == 200 and check.json()["verdicts"]["county"]["status"] == "eligible"
    assert httpx.get(f"{app_url}/healthz").json()["ok"] is True


def test_a_headless_app_serves_the_api_alone(tmp_path: Path, free_port) -> None:
    """ASSISTANT_WEB_UI=false: the HTTP API with its security headers, and no pages."""
    app = start_app(tmp_path, free_port(), {"ASSISTANT_WEB_UI": "false", "ASSISTANT_LLM_BASE_URL": ""})
    try:
        answer = httpx.post(f"{app.url}/api/check", json={"text": "我们是重庆市城口县人民政府"}, timeout=30)
        assert answer.status_code == 200 and answer.headers["x-content-type-options"] == "nosniff"
        assert [httpx.get(f"{app.url}{path}").status_code for path in ("/", "/staff/", "/config")] == [404] * 3
    finally:
        app.stop()
