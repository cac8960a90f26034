"""The running app: the OpenAI-compatible API with the real ``openai`` client, and the UI in Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory, free_port) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path_factory.mktemp("data"))}
    process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"app exited: {process.stdout.read()[-3000:]}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("app did not become healthy in 120 s")
    yield url
    process.terminate()
    process.wait(timeout=20)


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


@pytest.mark.browser
def test_browser_asks_and_sees_answer_and_citation(app_url: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"])
        page = browser.new_page()
        page.goto(app_url, wait_until="load")
        page.locator("#question textarea").fill("申报需要交费吗？")
        page.locator("#send").click()
        page.locator('[data-testid="bot"]').first.wait_for(timeout=30_000)
        page.wait_for_function(
            "() => document.querySelector('#citations')?.innerText.includes('notice#5.4')", timeout=30_000)
        assert "不得以任何形式" in page.locator('[data-testid="bot"]').first.inner_text()
        assert "严肃工作纪律" in page.locator("#citations").inner_text()
        browser.close()

