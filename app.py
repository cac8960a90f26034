"""The app: settings → assistant → FastAPI (HTTP API) with the Gradio UI mounted at ``/``.

    python app.py [--host H] [--port P]
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import AsyncIterator

for name, value in {"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
                    "ANONYMIZED_TELEMETRY": "False"}.items():
    os.environ.setdefault(name, value)

from fastapi import FastAPI  # noqa: E402

from assistant.settings import Settings, get_settings  # noqa: E402


def create_app(settings: Settings | None = None) -> FastAPI:
    import gradio as gr

    from assistant.answering import Assistant
    from assistant.web.api import build_router, install_error_handlers
    from assistant.web.feedback import FeedbackStore
    from assistant.web.logs import RequestLogMiddleware
    from assistant.web.staff import build_staff_ui
    from assistant.web.ui import build_ui

    settings = settings or get_settings()
    assistant = Assistant(settings)

    @contextlib.asynccontextmanager
    async def warm_up_in_background(_app: FastAPI) -> AsyncIterator[None]:
        assistant.start_warm_up()  # the index loads while the app listens; /healthz says 503 until it is ready
        yield

    app = FastAPI(title="知识产权强国建设示范创建政策助手", docs_url="/api/docs", redoc_url=None,
                  lifespan=warm_up_in_background)
    install_error_handlers(app)
    app.include_router(build_router(assistant))
    staff_login = (settings.staff_user, settings.staff_password) if settings.staff_user else None
    app = gr.mount_gradio_app(app, build_staff_ui(assistant, settings), path="/staff", auth=staff_login,
                              max_file_size=int(settings.max_upload_mb * 1024 * 1024))
    demo = build_ui(assistant, FeedbackStore(settings.data_dir / "feedback.jsonl"))
    app = gr.mount_gradio_app(app, demo, path="/")
    app.add_middleware(RequestLogMiddleware)
    return app


def main() -> None:
    import uvicorn

    from assistant.web.logs import configure_logging

    configure_logging()
    settings = get_settings()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--port", type=int, default=settings.port)
    args = parser.parse_args()
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info", log_config=None,
                access_log=False)  # RequestLogMiddleware writes the access log, as JSON


if __name__ == "__main__":
    main()
