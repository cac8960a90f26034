"""The chat as applicants meet it, in Chromium at 1366×900 and 390×844: citations that open their clause,
one 新对话 that forgets, the welcome, the composer, refusals that point to the right tab, safe Markdown,
feedback by answer id."""

from __future__ import annotations

import json
import re
import time

import httpx
import pytest
from running_app import RunningApp
from ui import DESKTOP, PHONE, VIEWPORTS, ask, contrast_violations, fresh_chat

from assistant.feedback import FeedbackStore

pytestmark = [pytest.mark.server, pytest.mark.browser]


@pytest.mark.parametrize("size", VIEWPORTS)
def test_each_answer_has_its_own_citations_that_open_the_clause_highlighted(pages, size: str) -> None:
    page = pages(VIEWPORTS[size])
    fresh_chat(page)
    fees = ask(page, "申报需要交费吗？")
    text = fees.inner_text()
    assert "不得以任何形式" in text and "notice#" not in text and "依据：\n·" not in text
    assert fees.locator(".cite-chip").all_inner_texts() == ["《通知》五、（四）"]
    city = ask(page, "我们是上海市浦东新区人民政府，能申报示范市吗？")
    assert city.locator(".cite-chip").all_inner_texts() == ["《通知》二、（一）"]

    viewer = page.locator("#viewer")
    assert viewer.locator('[aria-live="polite"]').count() == 1  # opening a clause is announced
    fees.locator(".cite-chip").click()  # the first answer's citation still opens its own clause
    page.wait_for_function("() => document.querySelector('#viewer h2')?.innerText.includes('五、（四）')")
    assert viewer.locator("h2").inner_text() == "《通知》五、（四）严肃工作纪律"
    assert viewer.locator("mark").inner_text() == "不得以任何形式向申报单位、创建对象、示范单位等收取费用"
    assert "（三）坚持从严把关" in viewer.inner_text()  # the clause before, for context
    box = viewer.bounding_box()
    assert box and box["y"] + box["height"] <= VIEWPORTS[size]["height"] + 1  # on screen without scrolling
    assert contrast_violations(page) == []  # WCAG AA for every visible text, the viewer and chips included
    if size == "phone":  # a sheet over the page, closed again by its button
        viewer.locator(".close-viewer").click()
        assert not viewer.is_visible()


@pytest.mark.parametrize("control", ["new-chat", "trash"])
def test_a_new_conversation_forgets_the_applicant(pages, control: str) -> None:
    page = pages(DESKTOP)
    fresh_chat(page)
    assert ask(page, "我们是上海市浦东新区人民政府，能申报示范市吗？").inner_text().startswith("可以申报示范市")
    assert ask(page, "那示范县呢？").inner_text().startswith("不能申报示范县")  # the applicant is remembered
    page.locator(".cite-chip").first.click()
    page.locator("#viewer mark").wait_for()
    if control == "new-chat":
        page.locator("#new-chat").click()
    else:
        page.locator('#chatbot button[aria-label^="清空对话"]').click()
    page.locator('[data-testid="bot"]').first.wait_for(state="detached")
    page.wait_for_function("() => !document.querySelector('#viewer mark')")
    follow_up = ask(page, "那示范县呢？").inner_text()
    assert "浦东" not in follow_up and follow_up.startswith("能否申报示范县还需确认")
    assert page.locator('[data-testid="bot"]').count() == 1


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_welcome_says_what_it_does_and_where_the_round_stands_and_examples_send(pages, size: str) -> None:
    page = pages(VIEWPORTS[size])
    page.reload(wait_until="load")  # a first visit
    page.locator("#chatbot .welcome").wait_for()
    welcome = page.locator("#chatbot .welcome")
    for task in ("问政策", "申报预审", "申报书起草"):
        assert task in welcome.inner_text()
    phase = page.locator("#phase")
    assert phase.inner_text().startswith("本届申报正在进行：省级知识产权局须于2025年10月24日前完成推荐")
    assert "截至2025年9月20日还剩34天" in phase.inner_text()
    height = VIEWPORTS[size]["height"]
    for element in (phase, page.locator("#send")):  # visible at first load, no scrolling
        box = element.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, element
    assert contrast_violations(page) == []
    page.locator("#chatbot .example").first.click()  # an example is asked at once
    answer = page.locator('[data-testid="bot"]').first
    answer.locator(".cite-chip").wait_for(timeout=60_000)  # as long as ``ask`` allows any answer on a busy machine
    assert answer.inner_text().startswith("可以申报示范市")


def test_the_composer_counts_refuses_empty_and_oversize_input_and_keeps_it(pages) -> None:
    page = pages(DESKTOP)
    fresh_chat(page)
    box, send, count = page.locator("#question textarea"), page.locator("#send"), page.locator("#counter")
    assert send.is_disabled() and count.inner_text() == "0/2000"
    box.fill("   ")
    assert send.is_disabled()
    box.fill("申报要交费吗？")
    assert not send.is_disabled() and count.inner_text() == "7/2000"
    too_long = "我们是苏州市的一家企业。" * 167  # 2 004 characters
    box.fill(too_long)
    assert send.is_disabled() and count.inner_text() == f"{len(too_long)}/2000（超出{len(too_long) - 2000}字）"
    box.press("Enter")
    assert page.locator('[data-testid="user"]').count() == 0  # Enter does not send it either
    page.evaluate("() => { const send = document.querySelector('#send'); send.disabled = false; send.click(); }")
    status = page.locator("#composer-status")
    status.get_by_text("问题过长").wait_for()
    assert f"{len(too_long)} 字" in status.inner_text()
    assert box.input_value() == too_long and page.locator('[data-testid="user"]').count() == 0


def test_refusals_are_short_and_point_to_the_tab_that_helps(pages) -> None:
    page = pages(DESKTOP)
    fresh_chat(page)
    weather = ask(page, "今天天气怎么样？").locator(".answer-text").inner_text()
    assert weather.count("。") == 1 and "zLzL@cnipa.gov.cn" in weather and "010—" not in weather
    form = ask(page, "申报书要写哪些内容？")
    assert "assistant draft" not in form.inner_text()
    form.locator(".goto-tab").click()
    page.locator("#draft-type").wait_for()
    assert page.get_by_role("tab", name="申报书起草").get_attribute("aria-selected") == "true"
    page.get_by_role("tab", name="问答").click()
    drafting = ask(page, "帮我写一份申报书")
    assert "申报书起草" in drafting.inner_text() and "assistant" not in drafting.inner_text()


def test_markdown_and_html_are_shown_as_text_and_fetch_nothing(pages, listener: tuple[str, list[str]]) -> None:
    base, requests = listener
    page = pages(DESKTOP)
    fresh_chat(page)
    question = f"![图]({base}/q.png) <img src=\"{base}/h.png\"> [链接]({base}/l) 申报要交费吗？"
    ask(page, question)
    user = page.locator('[data-testid="user"]').first
    assert user.inner_text().strip() == question
    assert page.locator("#chatbot img, #chatbot a[href^='http']").count() == 0
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    copy = page.locator('#chatbot button[aria-label="复制这条消息"]')
    copy.first.click()  # copies what was typed, not the page's HTML for it
    assert clipboard(page, lambda text: "&#" not in text and "<div" not in text) == question
    copy.last.click()
    copied = clipboard(page, lambda text: text != question and not text.startswith("<"))
    assert copied.startswith("不收取任何费用") and "\n依据：\n《通知》五、（四）「不得以任何形式" in copied
    assert "<" not in copied
    assert requests == []


def clipboard(page, settled, timeout: float = 5) -> str:
    """The clipboard's text once ``settled(text)`` holds (copies are written asynchronously)."""
    deadline = time.monotonic() + timeout
    while True:
        text = page.evaluate("navigator.clipboard.readText()")
        if settled(text) or time.monotonic() > deadline:
            return text
        page.wait_for_timeout(50)


def test_feedback_confirms_opens_the_correction_and_keeps_one_record(pages, running: RunningApp) -> None:
    page = pages(DESKTOP)
    fresh_chat(page)
    ask(page, "我的手机13812345678，直辖市的区可以申报示范市吗？")
    page.locator('#chatbot button[aria-label="回答有误"]').click()
    panel = page.locator("#correction-panel")
    panel.wait_for()
    assert panel.locator("textarea").evaluate("box => box === document.activeElement")  # ready to type
    assert "更正这条回答：「可以申报示范市" in panel.inner_text()
    assert "已收到" in page.locator("#feedback-status").inner_text()
    page.locator("#correction textarea").fill("应补充：须为人民政府")
    page.locator("#send-correction").click()
    page.locator("#feedback-status").get_by_text("已收到您的更正").wait_for()
    assert not panel.is_visible()
    ask(page, "申报要交费吗？")
    page.locator('#chatbot button[aria-label="有帮助"]').last.click()
    page.locator("#feedback-status").get_by_text("已收到您的反馈").wait_for()
    records = FeedbackStore(running.data_dir / "feedback.jsonl").all()
    corrected = [r for r in records if r["correction"] == "应补充：须为人民政府"]
    assert len(corrected) == 1 and corrected[0]["citations"] == ["notice#2.1"] and not corrected[0]["liked"]
    assert "13812345678" not in corrected[0]["question"]
    assert [r["liked"] for r in records if r["question"] == "申报要交费吗？"] == [True]


def test_feedback_posted_without_an_answer_of_this_session_is_not_stored(running: RunningApp) -> None:
    path = running.data_dir / "feedback.jsonl"
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    config = httpx.get(f"{running.url}/config").json()
    chatbot = next(c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == "chatbot")
    like = next(d for d in config["dependencies"] if [chatbot, "like"] in d["targets"])
    made_up = {"index": 1, "value": "伪造的回答", "liked": False}
    assert post_event(running.url, like["id"], chatbot, [None], made_up) == "process_completed"
    correction = next(c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == "send-correction")
    correct = next(d for d in config["dependencies"] if [correction, "click"] in d["targets"])
    post_event(running.url, correct["id"], correction, ["伪造的更正", None], None)
    assert (path.read_text(encoding="utf-8") if path.exists() else "") == before


def post_event(url: str, fn_index: int, trigger: int, data: list, event_data: dict | None) -> str:
    """Call an event of the page the way a script would, from a session that never received an answer."""
    session = "forged-session"
    joined = httpx.post(f"{url}/gradio_api/queue/join", json={
        "data": data, "event_data": event_data, "fn_index": fn_index, "trigger_id": trigger,
        "session_hash": session})
    assert joined.status_code == 200, joined.text
    with httpx.stream("GET", f"{url}/gradio_api/queue/data", params={"session_hash": session}, timeout=30) as events:
        for line in events.iter_lines():
            message = json.loads(line[5:]) if line.startswith("data:") else {}
            if message.get("msg") == "process_completed":
                return message["msg"]
    return ""


def test_the_page_is_chinese_whatever_the_browser_language(pages) -> None:
    page = pages(PHONE)
    fresh_chat(page)
    ask(page, "申报要交费吗？")
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    labels = page.evaluate("[...document.querySelectorAll('[aria-label], [title]')]"
                           ".map(e => e.getAttribute('aria-label') || e.getAttribute('title'))")
    english = [label for label in labels if re.fullmatch(r"[A-Za-z][A-Za-z .:]+", label or "")]
    assert english == []
    for gradio_english in ("Copy", "Clear", "Loading", "Use via API", "Built with Gradio", "Settings"):
        assert gradio_english not in page.locator("body").inner_text()
