"""The running app: the OpenAI-compatible API with the real ``openai`` client, and the UI in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from running_app import RunningApp, start_app

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory, free_port) -> Iterator[RunningApp]:
    app = start_app(tmp_path_factory.mktemp("app"), free_port())
    yield app
    app.stop()


@pytest.fixture(scope="module")
def app_url(running: RunningApp) -> str:
    return running.url


@pytest.fixture(scope="module")
def app_data(running: RunningApp) -> Path:
    return running.data_dir


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



@pytest.mark.browser
def test_browser_feedback_prescreening_and_drafting(app_url: str, app_data: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"])
        page = browser.new_page(accept_downloads=True)
        external = []
        page.on("request", lambda r: external.append(r.url) if not r.url.startswith((app_url, "data:", "blob:"))
                else None)
        page.goto(app_url, wait_until="load")
        page.locator("#question textarea").fill("我的手机13812345678，直辖市的区可以申报示范市吗？")
        page.locator("#send").click()
        page.wait_for_function(
            "() => document.querySelector('#citations')?.innerText.includes('notice#2.1')", timeout=30_000)
        page.get_by_text("回答有误？提交更正").click()
        page.locator("#correction textarea").fill("应补充：须为人民政府")
        page.locator("#send-correction").click()
        page.get_by_text("已记录，谢谢！").wait_for(timeout=15_000)
        saved = (app_data / "feedback.jsonl").read_text(encoding="utf-8")
        assert "应补充：须为人民政府" in saved and "notice#2.1" in saved and "13812345678" not in saved

        page.get_by_role("tab", name="申报预审").click()
        page.locator("#profile-text textarea").fill("我们是重庆市城口县人民政府")
        page.locator("#run-check").click()
        page.wait_for_function(
            "() => document.querySelector('#verdicts')?.innerText.includes('可以申报')", timeout=30_000)
        assert "notice#2.2" in page.locator("#verdicts").inner_text()

        page.get_by_role("tab", name="申报书起草").click()
        page.locator("#draft-run").click()
        page.wait_for_function(
            "() => document.querySelector('#draft-preview')?.innerText.includes('待补充')", timeout=30_000)
        with page.expect_download(timeout=30_000) as download:
            page.locator("#draft-file a").first.click()
        from docx import Document

        document = Document(download.value.path())
        assert any(p.style.name.startswith("Heading") for p in document.paragraphs)
        assert external == []
        browser.close()


def test_staff_pages_need_the_login_when_one_is_configured(tmp_path: Path, free_port) -> None:
    app = start_app(tmp_path, free_port(), {"ASSISTANT_STAFF_USER": "staff", "ASSISTANT_STAFF_PASSWORD": "s3cret"})
    try:
        assert httpx.get(f"{app.url}/staff/config").status_code == 401
        assert httpx.get(f"{app.url}/config").status_code == 200  # the public pages stay open
        client = httpx.Client()
        refused = client.post(f"{app.url}/staff/login", data={"username": "staff", "password": "wrong"})
        assert refused.status_code == 400
        accepted = client.post(f"{app.url}/staff/login", data={"username": "staff", "password": "s3cret"})
        assert accepted.status_code == 200
        config = client.get(f"{app.url}/staff/config")
        assert config.status_code == 200 and "运行评测" in config.text and "复函起草" in config.text
    finally:
        app.stop()
