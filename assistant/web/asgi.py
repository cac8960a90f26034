"""Small ASGI helpers the middleware share: a base class, who the client is, and an answer sent directly."""

from __future__ import annotations

import ipaddress
import json

from starlette.types import ASGIApp, Receive, Scope, Send


class HttpMiddleware:
    """ASGI middleware for the HTTP requests ``applies`` selects (``handle``); all else goes straight to ``app``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.applies(scope):
            await self.handle(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    def applies(self, scope: Scope) -> bool:
        return True

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


def client_of(scope: Scope) -> str:
    """The client's address (the one a trusted proxy named, once ProxyHeadersMiddleware has run)."""
    client = scope.get("client")
    return client[0] if client else ""


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and ::ffff:127.0.0.1; a name or nothing is not."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or bool(mapped and mapped.is_loopback)


def header(scope: Scope, name: bytes) -> str:
    """The first value of a request header, or ''."""
    return next((value.decode("latin-1") for key, value in scope.get("headers", []) if key == name), "")


async def send_body(send: Send, status: int, body: bytes, content_type: bytes,
                    headers: dict[str, str] | None = None) -> None:
    extra = [(name.lower().encode(), value.encode("latin-1")) for name, value in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode()), *extra]})
    await send({"type": "http.response.body", "body": body})


async def send_error(send: Send, status: int, message: str, kind: str = "invalid_request_error",
                     headers: dict[str, str] | None = None) -> None:
    """The API's error shape, ``{"error": {"message", "type"}}``, with a Chinese message."""
    body = json.dumps({"error": {"message": message, "type": kind}}, ensure_ascii=False).encode()
    await send_body(send, status, body, b"application/json; charset=utf-8", headers)
