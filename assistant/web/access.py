"""Who reaches what (ASGI middleware).

``StaffAccess``: ``/staff`` redirects to ``/staff/``; without a configured login every ``/staff/…`` route
answers loopback clients only (others get a 403 page saying how to set one); with a login, a client is locked
out after repeated wrong passwords, and sessions expire — their cookies carry ``Max-Age``, ``SameSite=Lax``
and, behind TLS, ``Secure``. ``SecurityHeaders``: no framing and a Content-Security-Policy on every response.
``GradioHygiene``: Gradio's routes that fetch other hosts are closed, and its server errors become 400s.
"""

from __future__ import annotations

import html
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.settings import AccessSettings
from assistant.web.asgi import HttpMiddleware, client_of, header, is_loopback, send_body, send_error

log = logging.getLogger("assistant.access")

STAFF = "/staff"
MAX_CLIENTS = 10_000  # login failure records kept before old ones are forgotten
LOGIN = re.compile(r"^/staff/login/?$")
FORWARDING = (b"x-forwarded-for", b"forwarded", b"x-real-ip")
SESSION_COOKIE = b"access-token-"  # Gradio's session cookies: access-token-<app>, access-token-unsecure-<app>
# Gradio 6 needs inline scripts and styles (its config and Svelte), eval for custom js, SSE to itself, and
# data:/blob: images; nothing is loaded from any other host, and no page may frame this one.
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' data: blob:; connect-src 'self'; "
       "worker-src 'self' blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = [(b"x-frame-options", b"DENY"), (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
LOOPBACK_ONLY = ("工作人员页面未设置登录，只允许在服务器本机访问。如需从其他电脑使用，请设置环境变量 "
                 "ASSISTANT_STAFF_USER 和 ASSISTANT_STAFF_PASSWORD 后重启服务。")
# Routes of Gradio that make the server fetch another host: not needed here, and a way out of the network.
OUTBOUND = re.compile(r"/gradio_api/(?:proxy=|file=\s*[a-z][a-z0-9+.-]*:)", re.IGNORECASE)


@dataclass
class Failures:
    count: int = 0
    first: float = 0.0
    locked_until: float = 0.0


class StaffAccess:
    """The staff pages' door (see the module docstring); ``login``: whether a staff login is configured."""

    def __init__(self, app: ASGIApp, *, login: bool, access: AccessSettings,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.app, self.login, self.access, self.clock = app, login, access, clock
        self.failures: dict[str, Failures] = {}
        self.sessions: dict[bytes, float] = {}  # token → when it expires

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] not in ("http", "websocket") or not (path == STAFF or path.startswith(STAFF + "/")):
            await self.app(scope, receive, send)
        elif path == STAFF:
            query = scope.get("query_string", b"").decode("latin-1")
            await send_body(send, 308, b"", b"text/plain", {"Location": "/staff/" + (f"?{query}" if query else "")})
        elif not self.login and not self.local(scope):
            await self.refuse_remote(scope, send)
        elif self.login and scope["type"] == "http" and LOGIN.match(path) and scope["method"] == "POST":
            await self.log_in(scope, receive, send)
        else:
            await self.app(self.without_expired_sessions(scope), receive, send)

    def local(self, scope: Scope) -> bool:
        """A loopback client that no untrusted proxy forwarded (a proxy on this host says whom it speaks for)."""
        forwarded = not self.access.trusted_proxies and any(header(scope, name) for name in FORWARDING)
        return is_loopback(client_of(scope)) and not forwarded

    @staticmethod
    async def refuse_remote(scope: Scope, send: Send) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
        elif "text/html" in header(scope, b"accept"):
            page = f"<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>无权访问</title>" \
                   f"<p>{html.escape(LOOPBACK_ONLY)}</p></html>"
            await send_body(send, 403, page.encode(), b"text/html; charset=utf-8")
        else:
            await send_error(send, 403, LOOPBACK_ONLY, "permission_error")

    async def log_in(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Gradio checks the password; this counts the failures, locks a client out, and shapes the cookies."""
        client, now = client_of(scope), self.clock()
        record = self.failures.get(client)
        if record and record.locked_until > now:
            minutes = max(1, round((record.locked_until - now) / 60))
            await send_error(send, 429, f"登录失败次数过多，请 {minutes} 分钟后再试。", "rate_limit_exceeded",
                             {"Retry-After": str(round(record.locked_until - now))})
            return
        secure = self.access.secure_cookies or scope.get("scheme") == "https" \
            or header(scope, b"x-forwarded-proto").strip().lower() == "https"

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                if message["status"] == 200:
                    self.failures.pop(client, None)
                    message = {**message, "headers": self.session_headers(message["headers"], secure)}
                elif message["status"] in (400, 401, 403):
                    self.failed(client, now)
            await send(message)

        await self.app(scope, receive, sending)

    def failed(self, client: str, now: float) -> None:
        window = self.access.lockout_minutes * 60
        if len(self.failures) > MAX_CLIENTS:  # forget clients whose failures are old and not locked
            self.failures = {c: r for c, r in self.failures.items() if r.locked_until > now or now - r.first <= window}
        record = self.failures.get(client)
        if record is None or now - record.first > window:
            record = self.failures[client] = Failures(first=now)
        record.count += 1
        if record.count >= self.access.login_failures:
            record.locked_until = now + window
            log.warning("登录失败 %d 次，锁定 %s 分钟", record.count, self.access.lockout_minutes,
                        extra={"fields": {"client": client}})

    def session_headers(self, headers: list[tuple[bytes, bytes]], secure: bool) -> list[tuple[bytes, bytes]]:
        """Gradio's session cookies with an expiry, SameSite=Lax and, behind TLS, Secure; their token is noted."""
        max_age = round(self.access.session_hours * 3600)
        shaped = []
        for name, value in headers:
            pair = value.split(b";", 1)[0].strip()
            if name == b"set-cookie" and pair.startswith(SESSION_COOKIE):
                self.sessions[pair.partition(b"=")[2]] = self.clock() + max_age
                value = b"; ".join([pair, b"HttpOnly", b"Path=/", b"SameSite=Lax", b"Max-Age=%d" % max_age,
                                    *([b"Secure"] if secure else [])])
            shaped.append((name, value))
        return shaped

    def without_expired_sessions(self, scope: Scope) -> Scope:
        """The request without session cookies whose token this process did not issue or has seen expire."""
        if not self.login:
            return scope
        now = self.clock()
        self.sessions = {token: end for token, end in self.sessions.items() if end > now}
        headers = []
        for name, value in scope["headers"]:
            if name == b"cookie":
                pairs = [p.strip() for p in value.split(b";")]
                value = b"; ".join(p for p in pairs if not p.startswith(SESSION_COOKIE)
                                   or p.partition(b"=")[2] in self.sessions)
            headers.append((name, value))
        return {**scope, "headers": headers}


class SecurityHeaders(HttpMiddleware):
    """X-Frame-Options, a Content-Security-Policy, nosniff and a referrer policy on every HTTP response."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        names = {name for name, _ in SECURITY_HEADERS}

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(n, v) for n, v in message.get("headers", []) if n.lower() not in names]
                message = {**message, "headers": kept + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, receive, sending)


class GradioHygiene(HttpMiddleware):
    """Gradio's routes that fetch other hosts answer 403; its server errors (an unknown ``fn_index``, a
    malformed body) become a 400 in Chinese, logged as a warning; a stream it breaks off is ended cleanly."""

    def applies(self, scope: Scope) -> bool:
        return "/gradio_api/" in scope["path"]

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"]
        if OUTBOUND.search(path):
            await send_error(send, 403, "本服务不代为访问其他网址。", "permission_error")
            return
        state = {"failed": False, "started": False, "finished": False}

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] >= 500:
                state["failed"] = True
            if not state["failed"]:
                state["started"] = state["started"] or message["type"] == "http.response.start"
                state["finished"] = message["type"] == "http.response.body" and not message.get("more_body")
                await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception:
            log.warning("界面接口出错，已按无效请求答复：%s %s", scope["method"], path, exc_info=True)
            state["failed"] = True
        if state["failed"] and not state["started"]:
            await send_error(send, 400, "界面接口无法处理该请求（参数无效或已过期），请刷新页面后重试。")
        elif state["failed"] and not state["finished"]:  # an event stream for an unknown session: end it cleanly
            await send({"type": "http.response.body", "body": b"", "more_body": False})
