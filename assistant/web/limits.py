"""Bounded work per request (ASGI middleware, so streamed responses pass untouched).

``BodyLimit``: every request body is capped in size and in the time to send it — refused early (413, 408)
with a Chinese message, before the app reads more. ``RateLimit``: on the routes that cost work (chat,
pre-screening, login and every Gradio event or upload, which is how the UI's chat, pre-screening and feedback
arrive), each client gets a token bucket and a cap on requests answered at once (429 with ``Retry-After``).
"""

from __future__ import annotations

import asyncio
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.web.asgi import HttpMiddleware, client_of, header, send_error

UPLOAD = re.compile(r"/gradio_api/upload/?$")
# POST routes that run something: the API, a login, and the Gradio routes that start an event
# (queue/join with an fn_index, call|run|api/<api_name>, stream/<event_id>) or store an upload.
COSTLY = re.compile(r"^(?:/staff)?(?:/v1/chat/completions|/api/check|/login"
                    r"|/gradio_api/(?:queue/join|call/.+|run/.+|api/.+|stream/.+|upload))/?$")
MAX_CLIENTS = 10_000  # buckets kept; idle full ones are forgotten beyond this


class BodyLimit(HttpMiddleware):
    """413 for a body over ``max_bytes`` (uploads: ``upload_bytes``), 408 when it takes over ``timeout_s``."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, upload_bytes: int, timeout_s: float) -> None:
        super().__init__(app)
        self.max_bytes, self.upload_bytes, self.timeout_s = max_bytes, upload_bytes, timeout_s

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        cap = self.upload_bytes if UPLOAD.search(scope["path"]) else self.max_bytes
        declared = header(scope, b"content-length")
        if declared.isdigit() and int(declared) > cap:
            await send_error(send, 413, too_large(cap))
            return
        body = BodyWatch(receive, cap, asyncio.get_running_loop().time() + self.timeout_s)

        async def sending(message: Message) -> None:
            if body.refusal is None:  # once the body is cut off, the app's reply to it is not sent
                body.started = body.started or message["type"] == "http.response.start"
                await send(message)

        try:
            await self.app(scope, body.receive, sending)
        except Exception:
            if body.refusal is None:
                raise
        if body.refusal is not None and not body.started:
            await send_error(send, *body.refusal)


class BodyWatch:
    """A ``receive`` that counts the body and keeps its deadline; past either, the app is told the client left."""

    def __init__(self, receive: Receive, cap: int, deadline: float) -> None:
        self._receive, self.cap, self.deadline = receive, cap, deadline
        self.received, self.complete, self.started = 0, False, False
        self.refusal: tuple[int, str] | None = None

    async def receive(self) -> Message:
        if self.refusal is not None:
            return {"type": "http.disconnect"}
        if self.complete:  # waiting for a disconnect may last as long as the response does
            return await self._receive()
        try:
            message = await asyncio.wait_for(self._receive(), self.deadline - asyncio.get_running_loop().time())
        except TimeoutError:
            self.refusal = (408, "请求内容发送超时，请检查网络后重试。")
            return {"type": "http.disconnect"}
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            self.complete = not message.get("more_body", False)
            if self.received > self.cap:
                self.refusal = (413, too_large(self.cap))
                return {"type": "http.disconnect"}
        return message


def too_large(cap: int) -> str:
    return f"请求内容过大（上限 {cap / 1024 / 1024:.1f} MB）。问题请精简到 2000 字以内，文件请压缩或拆分后上传。"


@dataclass
class Bucket:
    tokens: float
    updated: float
    in_flight: int = 0


class RateLimit(HttpMiddleware):
    """Per client: ``burst`` requests at once, then ``rate_per_minute``; at most ``max_in_flight`` being answered."""

    def __init__(self, app: ASGIApp, *, rate_per_minute: float, burst: int, max_in_flight: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(app)
        self.rate, self.burst, self.max_in_flight, self.clock = rate_per_minute / 60, burst, max_in_flight, clock
        self.buckets: dict[str, Bucket] = {}

    def applies(self, scope: Scope) -> bool:
        return scope["method"] == "POST" and bool(COSTLY.match(scope["path"]))

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        bucket = self.bucket(client_of(scope))
        if bucket.in_flight >= self.max_in_flight:
            await send_error(send, 429, "您同时发出的请求过多，请等前面的回答完成后再试。", "rate_limit_exceeded",
                             {"Retry-After": "1"})
            return
        if bucket.tokens < 1:
            wait = math.ceil((1 - bucket.tokens) / self.rate) if self.rate > 0 else 60
            await send_error(send, 429, f"请求过于频繁，请 {wait} 秒后再试。", "rate_limit_exceeded",
                             {"Retry-After": str(wait)})
            return
        bucket.tokens -= 1
        bucket.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            bucket.in_flight -= 1

    def bucket(self, client: str) -> Bucket:
        """The client's bucket, refilled for the time since it was last used."""
        now = self.clock()
        if len(self.buckets) > MAX_CLIENTS:
            self.forget_idle(now)
        bucket = self.buckets.setdefault(client, Bucket(tokens=self.burst, updated=now))
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        return bucket

    def forget_idle(self, now: float) -> None:
        """Drop the buckets that would be full again and have nothing in flight."""
        for client, bucket in list(self.buckets.items()):
            if not bucket.in_flight and bucket.tokens + (now - bucket.updated) * self.rate >= self.burst:
                del self.buckets[client]
