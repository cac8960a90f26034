"""The web layer: the HTTP API (FastAPI) and the UI (Gradio). The only package that knows either."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI

from assistant.answering import Assistant
from assistant.feedback import FeedbackStore
from assistant.settings import Settings

__all__ = ["create_app", "mount"]

log = logging.getLogger("assistant.web")


def mount(app: FastAPI, assistant: Assistant, settings: Settings) -> FastAPI:
    """The API routes, the staff pages at ``/staff`` and the UI at ``/`` on ``app`` (the API alone when
    ``settings.web_ui`` is off); returns the app to serve."""
    from assistant.web.api import build_router, install_error_handlers

    install_error_handlers(app)
    app.include_router(build_router(assistant))
    upload_bytes = int(settings.max_upload_mb * 1024 * 1024)
    if settings.web_ui:
        app = mount_pages(app, assistant, settings, upload_bytes)
    install_middleware(app, settings, upload_bytes)
    return app


def mount_pages(app: FastAPI, assistant: Assistant, settings: Settings, upload_bytes: int) -> FastAPI:
    """The Gradio staff pages at ``/staff`` and the public UI at ``/``."""
    import gradio as gr

    from assistant.web import files, theme
    from assistant.web.staff import build_staff_ui
    from assistant.web.ui import build_ui

    files.gradio_files_in(settings.temp_dir / "staff")
    staff = build_staff_ui(assistant, settings)
    staff.delete_cache = files.cache_policy(settings)
    app = gr.mount_gradio_app(app, staff, path="/staff", auth=staff_login(settings), max_file_size=upload_bytes,
                              run_history=False, show_error=False, **theme.PAGE)  # gr.Error messages still show
    files.gradio_files_in(settings.temp_dir / "public")
    demo = build_ui(assistant, FeedbackStore(settings.data_dir / "feedback.jsonl"))
    demo.delete_cache = files.cache_policy(settings)
    app = gr.mount_gradio_app(app, demo, path="/", max_file_size=upload_bytes, run_history=False, show_error=False,
                              blocked_paths=files.staff_only(settings), **theme.PAGE)
    files.gradio_files_in(settings.temp_dir)  # where Gradio accepts files from at request time: both apps'
    return app


def staff_login(settings: Settings) -> tuple[str, str] | None:
    """The staff login, when both user and password are set (a user without a password is no login)."""
    if settings.staff_user and settings.staff_password:
        return settings.staff_user, settings.staff_password
    if settings.staff_user or settings.staff_password:
        log.warning("ASSISTANT_STAFF_USER 和 ASSISTANT_STAFF_PASSWORD 须同时设置；工作人员页面仅限本机访问")
    return None


def install_middleware(app: FastAPI, settings: Settings, upload_bytes: int) -> None:
    """From the outside in: request log, security headers, proxy headers (when trusted), rate limits, the staff
    pages' door, body limits, then Gradio's routes tidied."""
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    from assistant.web.access import GradioHygiene, SecurityHeaders, StaffAccess
    from assistant.web.limits import BodyLimit, RateLimit
    from assistant.web.logs import RequestLogMiddleware

    limits, access = settings.limits, settings.access
    app.add_middleware(GradioHygiene)
    app.add_middleware(BodyLimit, max_bytes=limits.max_body_kb * 1024, upload_bytes=upload_bytes + 64 * 1024,
                       timeout_s=limits.body_timeout_s)  # an upload's multipart framing: 64 KB is plenty
    app.add_middleware(StaffAccess, login=staff_login(settings) is not None, access=access)
    app.add_middleware(RateLimit, rate_per_minute=limits.rate_per_minute, burst=limits.burst,
                       max_in_flight=limits.max_in_flight)
    if access.trusted_proxies:
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=access.trusted_proxies)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestLogMiddleware)


def create_app(assistant: Assistant, settings: Settings) -> FastAPI:
    """The whole app, listening at once: the index warms up in the background (``/healthz`` 503 until ready)."""
    from assistant.web.files import sweep

    assistant.index.start_warm_up()  # now: it loads while Gradio is imported and the pages are built

    @contextlib.asynccontextmanager
    async def sweep_temp_files(_app: FastAPI) -> AsyncIterator[None]:
        sweep(settings.temp_dir, settings.limits.temp_max_age_hours * 3600)
        yield

    app = FastAPI(title="知识产权强国建设示范创建政策助手", docs_url="/api/docs", redoc_url=None,
                  lifespan=sweep_temp_files)
    return mount(app, assistant, settings)
