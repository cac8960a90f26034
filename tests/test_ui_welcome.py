"""The welcome says where the round stands on the app's day (``--as-of``) before and after the application
period, each page served by the UI's own code in Chromium (during it: ``test_ui_chat``, on the shared app)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from running_app import serving
from ui import DESKTOP

pytestmark = [pytest.mark.server, pytest.mark.browser]

DAYS = {"before": date(2025, 8, 1), "after": date(2026, 3, 1)}
PHASES = {
    "before": "本届组织申报安排在2025年9月—10月，尚未开始；省级知识产权局须于2025年10月24日前完成推荐，"
              "申报单位向省局提交材料的时间以本省通知为准。",
    "after": "本届申报已于2025年10月24日截止；下一届预计2028年启动。",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, free_port) -> Iterator[str]:
    """One server with the public page at /before/ and /after/, one day each."""
    import gradio as gr
    from fastapi import FastAPI

    from assistant.answering import Assistant
    from assistant.corpus.library import Library
    from assistant.feedback import FeedbackStore
    from assistant.settings import Settings
    from assistant.web.ui import build_ui

    data = tmp_path_factory.mktemp("phases")
    settings = Settings(data_dir=data, retrieval="lexical", embedder="hash")
    library = Library.from_settings(settings)
    app = FastAPI()
    for name, day in DAYS.items():
        assistant = Assistant(settings.model_copy(update={"as_of": day}), library=library)
        app = gr.mount_gradio_app(app, build_ui(assistant, FeedbackStore(data / "feedback.jsonl")), path=f"/{name}")
    with serving(app, free_port()) as url:
        yield url


def test_the_welcome_states_the_phase_of_the_round(browser, pages: str) -> None:
    context = browser.new_context(locale="en-US", viewport=DESKTOP)
    try:
        opened = {day: context.new_page() for day in DAYS}
        for day, page in opened.items():  # all load at once
            page.goto(f"{pages}/{day}/", wait_until="commit")
        shown = {day: page.locator("#phase").inner_text() for day, page in opened.items()}
    finally:
        context.close()
    assert shown == PHASES
