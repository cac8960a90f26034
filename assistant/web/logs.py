"""Structured logs: one JSON object per line, a request id per HTTP request, personal data redacted.

``configure_logging()`` sends every logger to stderr as JSON; ``RequestLogMiddleware`` gives each
request an id (a well-formed incoming ``X-Request-ID`` from a proxy is kept), returns it in the
``X-Request-ID`` header, stamps it on every record logged while the request runs, and logs one
line per request: method, path (no query string), status, duration and, for the HTTP API, the
question — redacted and shortened.
"""

from __future__ import annotations

import contextvars
import io
import json
import logging
import re
import sys
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from starlette.types import Message, Receive, Scope, Send

from assistant.privacy import redact
from assistant.web.asgi import HttpMiddleware, send_error

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
HEADER = b"x-request-id"
WELL_FORMED_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
STATIC = re.compile(r"(^|/)(assets|static)/|/(favicon\.ico|theme\.css)$")  # the UI's files: DEBUG when served
QUESTION_FIELDS = {"/v1/chat/completions": "messages", "/api/check": "text"}
MAX_CAPTURED_BODY = 64 * 1024
QUESTION_CHARS = 200
QUIET_LOGGERS = ("httpx", "httpcore")  # they log every call to Chroma or the LLM endpoint

log = logging.getLogger("assistant.requests")


class JsonFormatter(logging.Formatter):
    """One JSON line: time, level, logger, message, request id, extra ``fields``; all text redacted."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name, "message": redact(record.getMessage())}
        if request_id := REQUEST_ID.get():
            entry["request_id"] = request_id
        entry |= getattr(record, "fields", {})
        if record.exc_info:
            entry["error"] = redact(self.formatException(record.exc_info))
        line = json.dumps(entry, ensure_ascii=False)
        return line.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate in a question becomes "?"


def configure_logging(level: str = "INFO") -> None:
    """Every logger (uvicorn's included, when run with ``log_config=None``) writes JSON to stderr; so does
    whatever a library prints there (Gradio prints the traceback of a failed event, inputs included)."""
    handler = logging.StreamHandler(sys.__stderr__)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    sys.stderr = PrintedLines(logging.getLogger("stderr"))


class PrintedLines(io.TextIOBase):
    """A stream that logs each line written to it as a warning (so it is JSON, and redacted)."""

    def __init__(self, logger: logging.Logger) -> None:
        self.logger, self.pending = logger, ""

    def write(self, text: str) -> int:
        *lines, self.pending = (self.pending + text).split("\n")
        for line in lines:
            if line.strip():
                self.logger.warning(line)
        return len(text)


def question_of(path: str, body: bytes) -> str | None:
    """The question a chat or check request carries, redacted and shortened; None when unreadable."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    value = data.get(QUESTION_FIELDS[path])
    if isinstance(value, list):  # chat messages: the last user turn
        users = [m.get("content") for m in value if isinstance(m, dict) and m.get("role") == "user"]
        value = users[-1] if users else None
        if isinstance(value, list):
            value = "".join(p.get("text", "") for p in value if isinstance(p, dict) and isinstance(p.get("text"), str))
    return redact(value)[:QUESTION_CHARS] if isinstance(value, str) else None


def level_of(path: str, status: int) -> int:
    if status >= 500:
        return logging.ERROR
    return logging.DEBUG if status < 400 and STATIC.search(path) else logging.INFO


def request_id_of(scope: Scope) -> str:
    incoming = dict(scope.get("headers", [])).get(HEADER, b"").decode("latin-1")
    return incoming if WELL_FORMED_ID.match(incoming) else uuid.uuid4().hex


class RequestLogMiddleware(HttpMiddleware):
    """ASGI middleware: request id in, header and one log line out; an unhandled error is a JSON 500."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request_id = request_id_of(scope)
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        capture = scope["method"] == "POST" and scope["path"] in QUESTION_FIELDS
        body = bytearray()
        response: dict[str, int] = {}

        async def receiving() -> Message:
            message = await receive()
            if capture and message["type"] == "http.request" and len(body) <= MAX_CAPTURED_BODY:
                body.extend(message.get("body", b"")[:MAX_CAPTURED_BODY + 1 - len(body)])
            return message

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                response["status"] = message["status"]
                message = {**message, "headers": [*message.get("headers", []), (HEADER, request_id.encode())]}
            await send(message)

        try:
            await self.app(scope, receiving, sending)
        except Exception:
            log.exception("未处理的错误：%s %s", scope["method"], scope["path"])
            if response:
                raise
            await self.internal_error(sending, request_id)
        finally:
            fields = {"method": scope["method"], "path": redact(scope["path"]),
                      "status": response.get("status", 500),
                      "duration_ms": round((time.perf_counter() - started) * 1000, 1)}
            if capture and len(body) <= MAX_CAPTURED_BODY and (question := question_of(scope["path"], bytes(body))):
                fields["question"] = question
            log.log(level_of(scope["path"], fields["status"]), "%s %s %s", fields["method"], fields["path"],
                    fields["status"], extra={"fields": fields})
            REQUEST_ID.reset(token)

    @staticmethod
    async def internal_error(send: Send, request_id: str) -> None:
        await send_error(send, 500, f"服务器内部错误，请稍后再试（请求编号 {request_id}）。", "server_error")
