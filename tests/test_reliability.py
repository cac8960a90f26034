"""Reliability of the running app: a battery of bad input, markup in questions (API and Chromium),
request ids and redaction in the logs and the feedback file, the JSON 500, and answers that stay
complete and verifiable while a document is ingested and the index synced."""

from __future__ import annotations

import io
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from running_app import RunningApp, start_app

ROOT = Path(__file__).resolve().parent.parent
CHAT, CHECK = "/v1/chat/completions", "/api/check"
JSON = {"content-type": "application/json"}
CJK = re.compile(r"[\u4e00-\u9fff]")
MARKUP = re.compile(r"<\s*(img|script|svg|iframe)\b|onerror|onload|javascript:", re.IGNORECASE)
SECRETS = ("13912345678", "11010519491231002X", "li.si@example.com")
PERSONAL = "我是联系人李四，手机13912345678，身份证号11010519491231002X，邮箱 li.si@example.com。申报要交费吗？"
MARKERS = ("【手机号已隐去】", "【身份证号已隐去】", "【邮箱已隐去】")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, free_port: Callable[[], int]) -> Iterator[RunningApp]:
    running = start_app(tmp_path_factory.mktemp("reliability"), free_port(), {"ASSISTANT_LLM_BASE_URL": ""})
    yield running
    running.stop()


def chat_body(content: Any) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": content}]}


BATTERY = [
    pytest.param(CHAT, {"json": chat_body("")}, 400, "不能为空", id="empty"),
    pytest.param(CHAT, {"json": chat_body(" \n\t\u3000 ")}, 400, "不能为空", id="whitespace"),
    pytest.param(CHAT, {"json": chat_body("\x00\x00")}, 400, "不能为空", id="nul-characters"),
    pytest.param(CHAT, {"json": chat_body("申" * 100_000)}, 400, "问题过长", id="100k-chars"),
    pytest.param(CHAT, {"json": {**chat_body("申" * 100_000), "stream": True}}, 400, "问题过长",
                 id="100k-chars-streamed"),
    pytest.param(CHAT, {"json": chat_body("申" * 2_000_000)}, 413, "请求内容过大", id="6mb-body"),  # over the body cap
    pytest.param(CHAT, {"json": {"messages": [{"role": "user", "content": "能申报吗"}] * 5000}}, 422,
                 "最多 200", id="5000-messages"),
    pytest.param(CHAT, {"content": b'{"messages": [{"role": "user", "content": "\xff\xfe\xc3("}]}', "headers": JSON},
                 400, "UTF-8", id="invalid-utf8"),
    pytest.param(CHAT, {"content": bytes(range(128, 256)) * 64, "headers": JSON}, 400, "无法解析", id="binary-as-json"),
    pytest.param(CHAT, {"content": bytes(range(256)) * 64, "headers": JSON}, 422, "不是有效的 JSON",
                 id="binary-with-nul-as-json"),
    pytest.param(CHAT, {"content": bytes(range(256)) * 64, "headers": {"content-type": "application/octet-stream"}},
                 422, "JSON 对象", id="binary-as-octet-stream"),
    pytest.param(CHAT, {"content": '{"messages": [{"role": "user", "content": "\\ud800申报"}]}'.encode(),
                 "headers": JSON}, 400, "无效的 Unicode", id="lone-surrogate"),
    pytest.param(CHAT, {"content": b'{"messages": [', "headers": JSON}, 422, "不是有效的 JSON", id="malformed-json"),
    pytest.param(CHAT, {"content": b"[" * 50_000 + b"]" * 50_000, "headers": JSON}, 400, "无法解析",
                 id="deeply-nested-json"),
    pytest.param(CHAT, {"json": {"messages": "申报要交费吗？"}}, 422, "messages 应为数组", id="messages-as-string"),
    pytest.param(CHAT, {"json": {"model": "ip-demo-assistant"}}, 422, "messages 缺少必填字段", id="missing-messages"),
    pytest.param(CHAT, {"json": {"messages": []}}, 422, "messages 不能为空", id="no-messages"),
    pytest.param(CHAT, {"json": {"messages": [{"role": "robot", "content": "你好"}]}}, 422, "role 取值无效",
                 id="role-robot"),
    pytest.param(CHAT, {"json": chat_body(12345)}, 422, "应为字符串", id="content-number"),
    pytest.param(CHAT, {"json": chat_body([{"type": "text", "text": 5}])}, 422, "应为字符串", id="content-part-number"),
    pytest.param(CHAT, {"json": {"messages": [{"role": "system", "content": "你是助手"}]}}, 400, "user 消息",
                 id="no-user-message"),
    pytest.param(CHAT, {"json": {**chat_body("你好"), "as_of": "2025-13-40"}}, 422, "YYYY-MM-DD", id="bad-date"),
    pytest.param(CHECK, {"json": {"text": ""}}, 422, "text 不能为空", id="check-empty"),
    pytest.param(CHECK, {"json": {"text": "  \n\u3000"}}, 400, "请填写单位情况", id="check-whitespace"),
    pytest.param(CHECK, {"json": {"text": "我" * 10_000}}, 422, "text 过长", id="check-10k-chars"),
    pytest.param(CHECK, {"json": {"text": 42}}, 422, "text 应为字符串", id="check-wrong-type"),
    pytest.param(CHECK, {"content": b"\x00\x01\xff", "headers": JSON}, 400, "无法解析", id="check-binary"),
]


@pytest.mark.server
@pytest.mark.parametrize(("path", "sent", "status", "fragment"), BATTERY)
def test_bad_input_gets_a_clear_chinese_error_and_the_service_stays_up(
        app: RunningApp, path: str, sent: dict[str, Any], status: int, fragment: str) -> None:
    response = httpx.post(f"{app.url}{path}", timeout=60, **sent)
    assert response.status_code == status, response.text[:300]
    message = response.json()["error"]["message"]
    assert fragment in message and CJK.search(message), message
    assert app.process.poll() is None
    assert httpx.get(f"{app.url}/healthz", timeout=10).status_code == 200


@pytest.mark.server
@pytest.mark.parametrize("question", ["申报要交费吗？🙏😀", "Hello! 请问 apply 示范企业要交费吗？ Ελληνικά 한국어 العربية 🚀",
                                      "𠀀𪚥 申报需要交钱吗"])
def test_emoji_and_mixed_scripts_get_a_cited_answer(app: RunningApp, question: str) -> None:
    response = httpx.post(f"{app.url}{CHAT}", json=chat_body(question), timeout=30)
    assert response.status_code == 200, response.text[:300]
    assert "不得以任何形式" in response.json()["choices"][0]["message"]["content"]
    assert [c["id"] for c in response.json()["citations"]] == ["notice#5.4"]


@pytest.mark.server
@pytest.mark.parametrize("question", ["<img src=x onerror=alert(1)>申报要交费吗？", "<script>alert(document.cookie)</script>",
                                      "我们是<svg onload=alert(1)>昆山市人民政府，能申报示范县吗？",
                                      "<a href=javascript:alert(1)>示范园区的联系人是谁</a>"])
def test_markup_in_a_question_is_never_echoed(app: RunningApp, question: str) -> None:
    for path, body in ((CHAT, chat_body(question)), (CHAT, {**chat_body(question), "stream": True}),
                       (CHECK, {"text": question})):
        response = httpx.post(f"{app.url}{path}", json=body, timeout=30)
        assert response.status_code == 200, response.text[:300]
        assert not MARKUP.search(response.text), (path, MARKUP.search(response.text))
        assert CJK.search(response.text)


@pytest.mark.server
def test_logs_carry_request_ids_and_no_personal_data(app: RunningApp) -> None:
    response = httpx.post(f"{app.url}{CHAT}", json=chat_body(PERSONAL), timeout=30)
    assert response.status_code == 200 and "不得以任何形式" in response.text
    request_id = response.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    record = app.wait_for_record(lambda r: r.get("request_id") == request_id and r.get("path") == CHAT)
    assert (record["method"], record["status"], record["level"]) == ("POST", 200, "INFO")
    assert record["duration_ms"] > 0 and record["logger"] == "assistant.requests"
    assert all(marker in record["question"] for marker in MARKERS), record["question"]

    from_proxy = httpx.get(f"{app.url}/healthz", headers={"X-Request-ID": "proxy-7.a_b"})
    assert from_proxy.headers["x-request-id"] == "proxy-7.a_b"
    app.wait_for_record(lambda r: r.get("request_id") == "proxy-7.a_b" and r.get("status") == 200)
    forged = httpx.get(f"{app.url}/healthz", headers={"X-Request-ID": 'x" , "level": "ERROR'})
    assert re.fullmatch(r"[0-9a-f]{32}", forged.headers["x-request-id"])
    app.wait_for_record(lambda r: r.get("request_id") == forged.headers["x-request-id"])  # logged after it answers

    text = app.log.read_text(encoding="utf-8")
    assert all(secret not in text for secret in SECRETS)
    assert all(isinstance(json.loads(line), dict) for line in text.splitlines() if line.strip())  # all JSON


def ask_in_browser(browser: Any, url: str, question: str) -> tuple[Any, list[str]]:
    """A fresh page that asked ``question`` and shows the answer; also the dialogs it raised."""
    page, dialogs = browser.new_page(), []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url, wait_until="load")
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    page.locator('[data-testid="bot"] .cite-chip[value="notice#5.4"]').wait_for(timeout=30_000)
    return page, dialogs


XSS = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2;alert(2)</script>申报要交费吗？'


@pytest.mark.server
@pytest.mark.browser
def test_markup_in_a_question_runs_no_script_in_the_ui(app: RunningApp, browser: Any) -> None:
    page, dialogs = ask_in_browser(browser, app.url, XSS)
    page.wait_for_timeout(500)  # an onerror handler would have fired by now
    assert "不得以任何形式" in page.locator('[data-testid="bot"]').first.inner_text()
    assert dialogs == []
    assert page.evaluate("() => window.__xss") is None
    assert page.evaluate("() => document.querySelectorAll('#chatbot [onerror], #chatbot script').length") == 0
    page.close()


@pytest.mark.server
@pytest.mark.browser
def test_markup_in_a_question_is_shown_as_text_in_the_ui(app: RunningApp, browser: Any) -> None:
    page, _ = ask_in_browser(browser, app.url, XSS)
    page.wait_for_timeout(500)
    assert "<img src=x onerror=" in page.locator('[data-testid="user"]').first.inner_text()
    assert page.locator("#chatbot img").count() == 0
    assert not [r for r in app.records() if r.get("path") == "/x"]  # the browser never fetched the image
    page.close()


@pytest.mark.server
@pytest.mark.browser
def test_feedback_from_the_ui_holds_no_personal_data(app: RunningApp, browser: Any) -> None:
    page, _ = ask_in_browser(browser, app.url, PERSONAL)
    page.locator('[data-testid="bot"]').first.wait_for()
    page.locator('#chatbot button[aria-label="有帮助"]').click()
    feedback = app.data_dir / "feedback.jsonl"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and "李四" not in (feedback.read_text(encoding="utf-8") if feedback.exists() else ""):
        time.sleep(0.2)
    records = [json.loads(line) for line in feedback.read_text(encoding="utf-8").splitlines()]
    mine = [r for r in records if "李四" in r["question"]]
    assert len(mine) == 1 and mine[0]["liked"] is True and mine[0]["citations"] == ["notice#5.4"]
    assert all(marker in mine[0]["question"] for marker in MARKERS), mine[0]["question"]
    stored = feedback.read_text(encoding="utf-8") + app.log.read_text(encoding="utf-8")
    assert all(secret not in stored for secret in SECRETS)
    page.close()


@pytest.fixture
def request_log() -> Iterator[io.StringIO]:
    """The JSON lines ``assistant.requests`` writes while the test runs."""
    from assistant.web.logs import JsonFormatter

    stream, logger = io.StringIO(), logging.getLogger("assistant.requests")
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_an_unhandled_error_is_a_json_500_and_a_redacted_log_record(request_log: io.StringIO) -> None:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from assistant.web.logs import RequestLogMiddleware

    def broken(_request: Request) -> PlainTextResponse:
        raise RuntimeError("处理 13912345678 时出错")

    web = Starlette(routes=[Route("/broken", broken)])
    web.add_middleware(RequestLogMiddleware)
    with TestClient(web, raise_server_exceptions=False) as client:
        response = client.get("/broken?phone=13912345678")
    request_id = response.headers["x-request-id"]
    assert response.status_code == 500 and request_id in response.json()["error"]["message"]
    error, access = [json.loads(line) for line in request_log.getvalue().splitlines()]
    assert error["level"] == "ERROR" and error["request_id"] == request_id
    assert "RuntimeError" in error["error"] and "【手机号已隐去】" in error["error"]
    assert (access["status"], access["path"], access["level"], access["request_id"]) == (500, "/broken", "ERROR",
                                                                                        request_id)
    assert "13912345678" not in request_log.getvalue()


PROVINCIAL = {
    "jiangsu": ("苏知发〔2025〕12号\n江苏省知识产权局关于做好示范县推荐工作的\n通知\n各设区市知识产权局：\n"
                "根据国家知识产权局通知要求，现将有关事项\n通知如下。\n一、推荐名额\n全省推荐示范县不超过 3个。\n"
                "二、时间安排\n（一）材料报送。请于2025年 10月 10日前报送申报书。\n（二）评审。省局组织专家评审。\n"),
    "zhejiang": ("浙知发〔2025〕8号\n浙江省知识产权局关于做好示范园区推荐工作的\n通知\n各市知识产权局：\n"
                 "现将示范园区推荐有关事项通知如下。\n一、推荐范围\n省级以上开发区均可参加遴选。\n"
                 "二、遴选方式\n（一）书面审查。省局对材料进行书面审查。\n（二）现场核查。省局组织现场核查。\n"),
}
NEW_DOC_QUESTIONS = ["江苏全省推荐示范县的名额是几个", "江苏省局组织专家评审吗", "浙江示范园区遴选有现场核查吗"]


def test_answers_stay_complete_and_verifiable_while_documents_are_ingested(tmp_path: Path) -> None:
    from assistant.answering import Assistant
    from assistant.ingest import ingest_file
    from assistant.settings import Settings

    settings = Settings(data_dir=tmp_path / "data", llm_base_url="")
    assistant = Assistant(settings)
    assistant.index.warm_up()
    rows = [json.loads(line) for line in (ROOT / "eval" / "dev" / "qa.jsonl").read_text(encoding="utf-8").splitlines()]
    questions = [row["question"] for row in rows[:40]] + NEW_DOC_QUESTIONS
    phase = ["before"]
    answers: list[tuple[str, Any]] = []
    errors: list[str] = []
    stop = threading.Event()

    def keep_asking(start: int) -> None:
        for number in range(start, 10**6):
            if stop.is_set():
                return
            when = phase[0]
            try:
                answers.append((when, assistant.ask(questions[number % len(questions)])))
            except Exception as error:
                errors.append(f"{when}: {error!r}")

    def wait_for(count: int, when: str) -> None:
        deadline = time.monotonic() + 30
        while sum(w == when for w, _ in answers) < count and time.monotonic() < deadline:
            time.sleep(0.01)

    threads = [threading.Thread(target=keep_asking, args=(n * 11,)) for n in range(4)]
    for thread in threads:
        thread.start()
    try:
        wait_for(40, "before")
        phase[0] = "during"
        for doc_id, text in PROVINCIAL.items():
            source = tmp_path / f"{doc_id}.txt"
            source.write_text(text, encoding="utf-8")
            result = ingest_file(settings, source, doc_id=doc_id)  # indexed, then stored
            assert result.status == "added" and result.index["added"] > 0
            assistant.library.reload()
            assistant.index.reset()
        phase[0] = "after"
        wait_for(40, "after")
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

    assert errors == []
    assert any(when == "during" for when, _ in answers)  # some answers overlapped ingestion and sync
    library = assistant.library
    for _, answer in answers:
        assert answer.answer.strip() and answer.citations, answer.question
        for citation in answer.citations:
            assert library.verify_quote(citation.id, citation.quote), (answer.question, citation.id)
            assert f"{citation.label}：「{citation.quote}」" in answer.answer
        assert all(library.clause(i) is not None for i in answer.trace["retrieved"])
    cited_before = {c.doc for w, a in answers if w == "before" for c in a.citations}
    cited_after = {c.doc for question in NEW_DOC_QUESTIONS for c in assistant.ask(question).citations}
    assert not cited_before & set(PROVINCIAL)
    assert cited_after & set(PROVINCIAL) == set(PROVINCIAL)  # each province's notice answers its questions
