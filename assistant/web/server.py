"""How uvicorn serves the app: header and body limits and timeouts for connections clients open but do not
finish (a slow or silent client holds a socket, never a worker)."""

from __future__ import annotations

from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from assistant.settings import RequestLimits


class HeaderDeadline(H11Protocol):
    """h11, plus a deadline for a request's headers: counted from the connection, or from the end of the
    previous response on a kept-alive one; a client still sending headers then is disconnected."""

    header_timeout_s = 10.0
    _deadline: Any = None

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = self.loop.call_later(self.header_timeout_s, self._expire)

    def _expire(self) -> None:
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def uvicorn_options(limits: RequestLimits) -> dict[str, Any]:
    """Keyword arguments for ``uvicorn.run``. Proxy headers are handled by the app (``access.trusted_proxies``),
    never by uvicorn, which would trust any loopback peer's X-Forwarded-For."""
    protocol = type("HeaderDeadlineProtocol", (HeaderDeadline,), {"header_timeout_s": limits.header_timeout_s})
    return {"http": protocol, "timeout_keep_alive": limits.keep_alive_s, "proxy_headers": False,
            "h11_max_incomplete_event_size": limits.max_header_kb * 1024, "log_level": "info", "log_config": None,
            "access_log": False}  # RequestLogMiddleware writes the access log, as JSON
