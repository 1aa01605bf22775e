"""What every response of the server carries and every request must pass before any route sees it.

The guard wraps the whole application (outside Starlette's own error handling, so a 500 answer
carries the headers too):
- security headers on every response, JSON, pages and static files alike: a browser never sniffs a
  JSON body into HTML, never frames a page (clickjacking), runs only the site's own script and
  style (an injected `<script>` would not run even if escaping ever failed) and sends no Referer;
- the `Host` header must name the served address: a page of another site whose name was made to
  resolve to 127.0.0.1 (DNS rebinding) reaches the socket, but not the application;
- an `Origin` header, when a browser sends one, must be this site's or one CORS was given: a page of
  another site cannot have a browser write for it, with or without a preflight.
Refusals are the one JSON error shape (`E204`).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sukien.errors import Code, SukienError
from sukien.shells.requests import error_response

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self';"
    " script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def host_name(netloc: str) -> str:
    """The name of `host[:port]` or `[v6]:port`, lower case, without the port."""
    netloc = netloc.strip().lower()
    if netloc.startswith("["):
        return netloc[1 : netloc.find("]")] if "]" in netloc else ""
    return netloc.rsplit(":", 1)[0] if netloc.count(":") == 1 else netloc


class Guard:
    """The outermost layer of the server (pure ASGI: no extra task or buffering per request).

    `hosts`: the names the `Host` header may give, or None for any (a server bound beyond
    loopback, whose writes need a token anyway). `origins`: other sites allowed by CORS.
    """

    def __init__(self, app: ASGIApp, hosts: Iterable[str] | None, origins: Iterable[str] = ()):
        self.app = app
        self.hosts = None if hosts is None else frozenset(host_name(h) or h.lower() for h in hosts)
        self.origins = frozenset(origin.rstrip("/").lower() for origin in origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        refusal = self.refusal(Headers(scope=scope))
        if refusal is not None:
            await error_response(refusal, 403)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def refusal(self, headers: Headers) -> SukienError | None:
        host = headers.get("host", "")
        if self.hosts is not None and host_name(host) not in self.hosts:
            return SukienError(
                Code.FORBIDDEN, "this server answers only to its own address (the Host header names another)"
            )
        origin = headers.get("origin")
        if origin is None:
            return None
        origin = origin.rstrip("/").lower()
        # Same origin: the browser's page came from this very address (scheme aside: a proxy may
        # end TLS in front of us).
        if origin in self.origins or (origin != "null" and urlsplit(origin).netloc == host.lower()):
            return None
        return SukienError(Code.FORBIDDEN, "requests from pages of another site are refused (Origin)")
