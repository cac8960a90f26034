"""Helpers for the browser tests: pages at the two sizes, asking, the WCAG contrast check."""

from __future__ import annotations

from pathlib import Path

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
CONTRAST_JS = (Path(__file__).with_name("contrast.js")).read_text(encoding="utf-8")


def new_page(browser, url: str, viewport: dict[str, int], path: str = "/"):
    """A fresh page (own session, own storage) of an en-US browser, loaded and ready."""
    context = browser.new_context(locale="en-US", viewport=viewport, accept_downloads=True,
                                  is_mobile=viewport == PHONE, has_touch=viewport == PHONE)
    page = context.new_page()
    page.goto(url + path, wait_until="load")
    page.locator("#question textarea, #documents").first.wait_for(timeout=30_000)
    return page


def ask(page, question: str):
    """Send ``question`` and wait for its answer; returns the answer's locator."""
    answers = page.locator('[data-testid="bot"]')
    before = answers.count()
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    page.wait_for_function(
        "([n]) => { const bots = document.querySelectorAll('[data-testid=\"bot\"]');"
        " return bots.length > n && !bots[bots.length - 1].querySelector('.pending'); }", arg=[before],
        timeout=60_000)
    return answers.nth(before)


def contrast_violations(page) -> list[dict]:
    """Visible text below WCAG AA contrast (4.5:1, 3:1 for large text) against its effective background."""
    return page.evaluate(CONTRAST_JS)


def fresh_chat(page) -> None:
    """The chat tab of ``page``, emptied with 新对话 (a new conversation on the server too) if it has messages."""
    page.get_by_role("tab", name="问答").click()
    messages = page.locator('#chatbot [data-testid="bot"], #chatbot [data-testid="user"]')
    if messages.count():
        page.locator("#new-chat").click()
        messages.first.wait_for(state="detached")  # the reset's outputs (messages, box, viewer) have arrived
    page.locator("#chatbot .welcome").wait_for()
