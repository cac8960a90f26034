"""The web layer: the HTTP API (FastAPI) and the UI (Gradio). The only package that knows either."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI

from assistant.answering import Assistant
from assistant.feedback import FeedbackStore
from assistant.settings import Settings

__all__ = ["create_app", "mount"]


def mount(app: FastAPI, assistant: Assistant, settings: Settings) -> FastAPI:
    """The API routes, the staff pages at ``/staff`` and the UI at ``/`` on ``app``; returns the app to serve."""
    import gradio as gr

    from assistant.web.api import build_router, install_error_handlers
    from assistant.web.logs import RequestLogMiddleware
    from assistant.web.staff import build_staff_ui
    from assistant.web.ui import build_ui

    install_error_handlers(app)
    app.include_router(build_router(assistant))
    staff_login = (settings.staff_user, settings.staff_password) if settings.staff_user else None
    app = gr.mount_gradio_app(app, build_staff_ui(assistant, settings), path="/staff", auth=staff_login,
                              max_file_size=int(settings.max_upload_mb * 1024 * 1024))
    demo = build_ui(assistant, FeedbackStore(settings.data_dir / "feedback.jsonl"))
    app = gr.mount_gradio_app(app, demo, path="/")
    app.add_middleware(RequestLogMiddleware)
    return app


def create_app(assistant: Assistant, settings: Settings) -> FastAPI:
    """The whole app, listening at once: the index warms up in the background (``/healthz`` 503 until ready)."""

    @contextlib.asynccontextmanager
    async def warm_up_in_background(_app: FastAPI) -> AsyncIterator[None]:
        assistant.index.start_warm_up()
        yield

    app = FastAPI(title="知识产权强国建设示范创建政策助手", docs_url="/api/docs", redoc_url=None,
                  lifespan=warm_up_in_background)
    return mount(app, assistant, settings)
