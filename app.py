"""The app: settings → assistant → web (FastAPI HTTP API with the Gradio UI mounted at ``/``).

    python app.py [--host H] [--port P] [--as-of YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import os
from datetime import date

for name, value in {"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
                    "ANONYMIZED_TELEMETRY": "False"}.items():
    os.environ.setdefault(name, value)

from fastapi import FastAPI  # noqa: E402

from assistant.answering import Assistant  # noqa: E402
from assistant.settings import Settings, get_settings  # noqa: E402


def create_app(settings: Settings | None = None) -> FastAPI:
    from assistant import web

    settings = settings or get_settings()
    return web.create_app(Assistant(settings), settings)


def main() -> None:
    import uvicorn

    from assistant.web.logs import configure_logging
    from assistant.web.server import uvicorn_options

    configure_logging()
    settings = get_settings()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--port", type=int, default=settings.port)
    parser.add_argument("--as-of", type=date.fromisoformat, default=settings.as_of,
                        help="the day the app treats as today (default: the real date)")
    args = parser.parse_args()
    settings = settings.model_copy(update={"as_of": args.as_of})
    uvicorn.run(create_app(settings), host=args.host, port=args.port, **uvicorn_options(settings.limits))


if __name__ == "__main__":
    main()
