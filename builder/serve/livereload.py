"""The LiveReload protocol (official-7) for `briefgen serve`, and the page snippet that speaks it.

Browsers run livereload.js (vendored in `assets/`), which connects to `/livereload`, says
`hello`, and then obeys `reload` commands: a `path` ending in `.css` with `liveCSS` swaps that
stylesheet in place; any other path reloads the page. The `Hub` holds the connected browsers and
sends each command only after the build that caused it has finished.
"""

from __future__ import annotations

import html
import json
import re
import threading
from collections.abc import Sequence
from importlib import resources
from urllib.parse import quote

from ..errors import Diagnostic
from .websocket import WebSocket

PROTOCOL = "http://livereload.com/protocols/official-7"
SOCKET_PATH = "/livereload"
"""Where livereload.js connects (fixed by the client)."""
SCRIPT_PATH = "/__briefgen__/livereload.js"
"""Where the client script is served; outside any base path, never written to disk."""
OVERLAY_ID = "briefgen-error-overlay"

_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
_HTML_END = re.compile(rb"</html\s*>", re.IGNORECASE)


def client_script() -> bytes:
    """livereload.js, as shipped in the package."""
    return resources.files(__package__ or "builder.serve").joinpath("assets", "livereload.js").read_bytes()


def hello_message() -> str:
    return json.dumps({"command": "hello", "protocols": [PROTOCOL], "serverName": "briefgen"})


def reload_message(path: str, *, live_css: bool = True) -> str:
    return json.dumps({"command": "reload", "path": path, "liveCSS": live_css, "liveImg": True})


def parse_message(text: str) -> dict[str, object] | None:
    """A client message as a dict, None when it is not a JSON object with a `command`."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("command"), str) else None


def script_tag(host: str, port: int) -> bytes:
    """The <script> that loads livereload.js and points it at this server (host as the browser named it)."""
    query = f"host={quote(host, safe='[]:')}&port={port}&mindelay=250&maxdelay=5000"
    return f'<script src="{SCRIPT_PATH}?{html.escape(query)}"></script>'.encode()


def error_overlay(errors: Sequence[Diagnostic]) -> bytes:
    """A fixed panel listing the build errors (file, line, message); gone after the next good build."""
    items = "".join(
        f'<li><b style="color:#ffb4a8">{html.escape(d.file)}{f":{d.line}" if d.line else ""}</b> '
        f"{html.escape(d.message)}</li>"
        for d in errors
    )
    style = (
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;"
        "background:rgba(32,8,8,.97);color:#fff;font:15px/1.5 ui-monospace,monospace;white-space:pre-wrap"
    )
    return (
        f'<div id="{OVERLAY_ID}" role="alert" style="{style}"><p style="font-size:1.2em;margin:0 0 1em">'
        f"briefgen: the last build reported {len(errors)} error{'s' if len(errors) != 1 else ''}. "
        "Fix and save: this page reloads by itself.</p>"
        f'<ul style="margin:0;padding-left:1.2em">{items}</ul></div>'
    ).encode()


def _insert(document: bytes, snippet: bytes, patterns: Sequence[re.Pattern[bytes]], *, last: bool) -> bytes:
    for pattern in patterns:
        matches = list(pattern.finditer(document)) if last else [m for m in [pattern.search(document)] if m]
        if matches:
            at = matches[-1].start() if last else matches[0].start()
            return document[:at] + snippet + document[at:]
    return document + snippet


def inject(document: bytes, *, head: bytes = b"", body: bytes = b"") -> bytes:
    """Add `head` before </head> and `body` before </body>, case-insensitively; a page without those
    tags gets them before </html> or at its end (browsers place them in the body either way)."""
    if body:
        document = _insert(document, body, (_BODY_END, _HTML_END), last=True)
    if head:
        document = _insert(document, head, (_HEAD_END, _BODY_END, _HTML_END), last=False)
    return document


class Hub:
    """The connected browsers. `serve()` runs one connection; `broadcast()` may be called from any thread."""

    def __init__(self) -> None:
        self._clients: set[WebSocket] = set()
        self._connections: set[WebSocket] = set()
        self._lock = threading.Lock()
        self.sent = 0
        """Reload commands sent (one per browser per command)."""

    @property
    def clients(self) -> int:
        with self._lock:
            return len(self._clients)

    def serve(self, ws: WebSocket) -> None:
        """Talk to one browser until it goes away: answer `hello`, then listen (commands only flow out)."""
        with self._lock:
            self._connections.add(ws)
        try:
            while (text := ws.receive()) is not None:
                message = parse_message(text)
                if message is None:
                    continue
                if message["command"] == "hello":
                    protocols = message.get("protocols")
                    if not isinstance(protocols, list) or PROTOCOL not in protocols:
                        ws.close(1002)
                        break
                    ws.send(hello_message())
                    with self._lock:
                        self._clients.add(ws)
        finally:
            with self._lock:
                self._clients.discard(ws)
                self._connections.discard(ws)

    def broadcast(self, messages: Sequence[str]) -> int:
        """Send every message to every browser that said hello; returns how many browsers got them."""
        with self._lock:
            clients = list(self._clients)
        reached = 0
        for client in clients:
            if all(client.send(message) for message in messages):
                reached += 1
                self.sent += len(messages)
        return reached

    def close_all(self) -> None:
        with self._lock:
            connections = list(self._connections)
        for ws in connections:
            ws.close(1001)
