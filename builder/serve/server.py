"""`briefgen serve`: build the site with drafts into the cache, serve it, rebuild on change, reload browsers.

Three threads: watchdog's observer feeds a `Debouncer`; one build thread takes settled batches
and runs `build()` (one build at a time, a second one if changes arrived meanwhile); an HTTP
server (`http.server`, one thread per request) serves the last complete site and speaks the
LiveReload protocol. Requests hold a read lock while they read files; the build holds the write
lock while it changes the served folder, so no request sees a half-applied build. Browsers are
told to reload only after the build is complete. See docs/serve.md.
"""

from __future__ import annotations

import contextlib
import dataclasses
import ipaddress
import mimetypes
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..build import BuildReport, build
from ..cache import display_path
from ..config import Config, default_jobs
from ..errors import BriefgenError, Diagnostic
from ..publish.search import BUNDLE as SEARCH_BUNDLE
from .livereload import SCRIPT_PATH, SOCKET_PATH, Hub, client_script, error_overlay, inject, reload_message, script_tag
from .watch import MAX_WAIT_SECONDS, QUIET_SECONDS, Change, Debouncer, Layout, Watcher, fingerprint, input_files
from .websocket import WebSocket, open_connection

Log = Callable[[str], None]

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
NOT_FOUND_PAGE = b"<!doctype html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>"


class ReadWriteLock:
    """Many readers or one writer; a waiting writer goes first, so a build is never starved."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0

    @contextlib.contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    def write(self) -> contextlib.AbstractContextManager[None]:
        return _WriteGuard(self)


class _WriteGuard:
    """The write side as a reusable context manager (build() may enter its guard more than once)."""

    def __init__(self, lock: ReadWriteLock) -> None:
        self._lock = lock

    def __enter__(self) -> None:
        lock = self._lock
        with lock._cond:
            lock._writers_waiting += 1
            while lock._writer or lock._readers:
                lock._cond.wait()
            lock._writers_waiting -= 1
            lock._writer = True

    def __exit__(self, *exc: object) -> None:
        lock = self._lock
        with lock._cond:
            lock._writer = False
            lock._cond.notify_all()


def resolve_request(raw_path: str, base_path: str) -> tuple[str, str]:
    """Map a request path to ("file", relative path in the site), ("redirect", location),
    ("missing", "") or ("forbidden", "") — pure, and the only place that decodes URLs.

    Traversal is refused in every spelling: `..` or `.` segments, backslashes and NUL bytes are
    checked after percent-decoding, so `%2e%2e`, `..%2f` and `%5c` are caught too.
    """
    path = raw_path.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/"):
        return "forbidden", ""
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return "forbidden", ""
    segments = decoded.split("/")
    if "\x00" in decoded or "\\" in decoded or any(s in (".", "..") for s in segments):
        return "forbidden", ""
    if decoded + "/" == base_path or (decoded == "/" and base_path != "/"):
        return "redirect", base_path
    if not decoded.startswith(base_path):
        return "missing", ""
    parts = [s for s in decoded[len(base_path) :].split("/") if s]
    relative = "/".join(parts)
    if not relative or decoded.endswith("/"):
        relative = f"{relative}/index.html".lstrip("/")
    return "file", relative


def reload_messages(changed: Sequence[str], base_path: str, *, errors_changed: bool) -> list[str]:
    """LiveReload commands for a finished build: stylesheets swap in place when they are all that changed.
    The search index's files are not shown by any page: a change to them alone reloads nothing."""
    changed = [name for name in changed if not name.startswith(SEARCH_BUNDLE + "/")]
    if not changed:
        return [reload_message(base_path)] if errors_changed else []
    if not errors_changed and all(name.endswith(".css") for name in changed):
        return [reload_message(base_path + name, live_css=True) for name in changed]
    page = next((name for name in changed if name.endswith(".html")), changed[0])
    return [reload_message(base_path + page.removesuffix("index.html"), live_css=False)]


def _edit_of_note(change: Change) -> bool:
    return change.kind == "note" and not change.structural


def _error_from(exc: BaseException) -> Diagnostic:
    """An exception that escaped build() as an overlay entry, pointing at the innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    where, line = (frames[-1].filename, frames[-1].lineno) if frames else ("build", None)
    return Diagnostic("error", where, f"{type(exc).__name__}: {exc}", line)


class Preview:
    """The live-preview server. `start()` builds and serves; `stop()` ends every thread it started.

    The counters (`builds`, `batches`, `reloads`, `last_build_seconds`) are there for tests and logs.
    """

    def __init__(
        self,
        load: Callable[[], Config],
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        include_drafts: bool = True,
        poll: bool = False,
        log: Log | None = None,
        quiet: float = QUIET_SECONDS,
        max_wait: float = MAX_WAIT_SECONDS,
    ) -> None:
        self._load = load
        self.host = host
        self.port = port
        self.include_drafts = include_drafts
        self.poll = poll
        self.log: Log = log or (lambda message: None)
        self.config = self._serve_config(load())
        self.debouncer = Debouncer(quiet=quiet, max_wait=max_wait)
        self.hub = Hub()
        self.lock = ReadWriteLock()
        self.errors: tuple[Diagnostic, ...] = ()
        self.builds = 0
        """Builds run (the first one included)."""
        self.batches = 0
        """Batches of changes taken from the watcher (some need no build: nothing really changed)."""
        self.reloads = 0
        """Reload commands sent to browsers (one per command, whatever the number of browsers)."""
        self.last_build_seconds = 0.0
        self.last_report: BuildReport | None = None
        self._known: dict[Path, str | None] = {}
        """Input file -> its content hash when the last build that needed it started."""
        self._known_lock = threading.Lock()
        self._building = False
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._httpd: _Server | None = None
        self._serving = False
        self._watcher: Watcher | None = None

    def _serve_config(self, config: Config) -> Config:
        return dataclasses.replace(config, output_dir=config.cache_dir / "serve")

    @property
    def root(self) -> Path:
        """The folder being served: the last complete build."""
        return self.config.output_dir

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{self.config.base_path}"

    def start(self) -> None:
        """Listen, start watching, build once, then serve. BriefgenError if the port or the watcher fails."""
        try:
            self._httpd = _Server(self)
        except OSError as exc:
            raise BriefgenError(f"cannot listen on {self.host}:{self.port}: {exc.strerror} (try --port)") from None
        self.port = self._httpd.server_address[1]
        try:
            self._watcher = Watcher(self._layout(), self._on_changes, poll=self.poll)
            self._watcher.start()  # before the first build, so nothing saved during it is missed
        except OSError as exc:  # e.g. inotify's watch limit
            self.stop()
            raise BriefgenError(f"cannot watch {self.config.root}: {exc.strerror or exc} (try --poll)") from None
        self._build([], first=True)
        self._serving = True
        self._spawn("briefgen-http", self._httpd.serve_forever, 0.1)
        self._spawn("briefgen-build", self._build_loop)

    def _spawn(self, name: str, target: Callable[..., object], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stopping.set()
        self.debouncer.close()
        if self._watcher is not None:
            self._watcher.stop()
        self.hub.close_all()
        if self._httpd is not None:
            if self._serving:
                self._httpd.shutdown()
            self._httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=30)
        self._threads.clear()

    def __enter__(self) -> Preview:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait(self) -> None:
        """Block until `stop()` (the CLI waits here for Ctrl-C)."""
        while not self._stopping.wait(0.5):
            pass

    def _layout(self) -> Layout:
        return Layout.from_config(self.config)

    def _on_changes(self, changes: list[Change]) -> None:
        """From the watcher thread. A file touched while a build runs may have been read before or after
        the touch, so its recorded hash no longer says what the build saw: forget it."""
        with self._known_lock:
            if self._building:
                for change in changes:
                    self._known.pop(change.path, None)
        self.debouncer.add(changes)

    def _build_loop(self) -> None:
        while (batch := self.debouncer.take()) is not None:
            self.batches += 1
            real = [change for change in batch if self._changed(change.path)]
            if real and not self._stopping.is_set():
                self._build(real)

    def _changed(self, path: Path) -> bool:
        """Whether `path` differs from what the last build that needed it read (unknown: yes).

        This drops the events that change nothing: a save without edits, `touch`, the second and
        later events of one save.
        """
        with self._known_lock:
            if path not in self._known:
                return True
            known = self._known[path]
        return fingerprint(path) != known

    def _build(self, changes: Sequence[Change], *, first: bool = False) -> None:
        """One build; the server outlives any failure in it, showing it in every page instead."""
        paths = input_files(self._layout()) if first else [change.path for change in changes]
        with self._known_lock:  # hashed before build() reads the files; see _on_changes
            for path in paths:
                self._known[path] = fingerprint(path)
            self._building = True
        try:
            self._build_locked(changes)
        finally:
            with self._known_lock:
                self._building = False

    def _build_locked(self, changes: Sequence[Change]) -> None:
        errors_before = self.errors
        if changes:
            names = ", ".join(display_path(c.path, self.config.root) for c in changes[:3])
            self.log(f"changed: {names}" + (f" and {len(changes) - 3} more" if len(changes) > 3 else ""))
        if any(c.kind == "config" for c in changes):
            if not self._reload_config():
                return
        else:
            self._renew_watches(changes)
        started = time.perf_counter()
        self.builds += 1
        errors: list[Diagnostic] = []
        report: BuildReport | None = None
        try:
            # Edits to existing notes only: the build may take them from the watcher's word
            # instead of scanning every input (the served folder is ours alone).
            edited = [c.path for c in changes] if changes and all(_edit_of_note(c) for c in changes) else None
            report = build(
                self.config,
                include_drafts=self.include_drafts,
                # worker processes are spawned, not forked, so they are safe beside our threads
                jobs=default_jobs(),
                commit_guard=self.lock.write(),
                edited_notes=edited,
                reindex_body_edits=False,  # the preview's search catches up at its next full build
            )
            self.last_report = report
            errors = [d for d in report.diagnostics if d.severity == "error"]
        except Exception as exc:  # a bug or an I/O error in one build must not stop the preview
            errors = [_error_from(exc)]
        self.last_build_seconds = time.perf_counter() - started
        # what the build wrote or removed (one that raised wrote nothing: it commits last)
        changed = report.publishing.changed if report is not None and self.builds > 1 else []
        rendered = self.last_report.publishing.rendered if self.last_report else 0
        self._announce(
            errors,
            errors_before,
            changed,
            f"build {self.builds}: {rendered} pages rendered, {len(changed)} files changed, {len(errors)} errors "
            f"in {self.last_build_seconds:.2f} s",
        )

    def _announce(
        self, errors: list[Diagnostic], errors_before: tuple[Diagnostic, ...], changed: list[str], summary: str
    ) -> None:
        """Publish the new error state, log, and tell the browsers (the build is complete by now)."""
        self.errors = tuple(errors)
        for error in errors:
            self.log(f"error: {error}")
        messages = reload_messages(changed, self.config.base_path, errors_changed=self.errors != errors_before)
        browsers = self.hub.broadcast(messages) if messages else 0
        self.reloads += len(messages)
        self.log(summary + (f"; reloading {browsers} browser(s)" if browsers else ""))

    def _renew_watches(self, changes: Sequence[Change]) -> None:
        """A watched folder that was created, deleted or replaced gets a fresh watch."""
        roots = {folder for folder, _ in self._layout().watch_roots()}
        renew = [c.path for c in changes if c.structural and c.path in roots]
        if renew and self._watcher is not None:
            self._watcher.refresh(self._layout(), renew=renew)

    def _reload_config(self) -> bool:
        """Read briefgen.toml again; a broken one is shown in the browser and the last good one kept."""
        errors_before = self.errors
        try:
            self.config = self._serve_config(self._load())
        except BriefgenError as exc:
            error = Diagnostic("error", "briefgen.toml", str(exc))
            self._announce([error], errors_before, [], "not rebuilt: briefgen.toml is invalid; serving the last build")
            return False
        if self._watcher is not None:
            self._watcher.refresh(self._layout())
        return True

    # --- requests (called from the HTTP threads) ---

    def allowed_host(self, value: str | None) -> bool:
        """Whether a Host or Origin authority names this server: the bound name, or loopback, and our port.

        Checking it stops DNS rebinding (a page on another site reading the preview) and any other
        site's page from opening the LiveReload socket. With a wildcard bind any IP literal is allowed.
        """
        if not value:
            return False
        try:
            parts = urlsplit("//" + value)
            name, port = (parts.hostname or "").lower(), parts.port or 80
        except ValueError:
            return False
        if port != self.port:
            return False
        if name in LOOPBACK_NAMES or name == self.host.lower().strip("[]"):
            return True
        if self.host in ("0.0.0.0", "::", ""):
            with contextlib.suppress(ValueError):
                ipaddress.ip_address(name)
                return True
        return False

    def read(self, relative: str | None) -> tuple[HTTPStatus, bytes, str] | None:
        """A site file's bytes and type, or the site's 404.html; None for a folder (to redirect)."""
        root = self.root
        with self.lock.read():
            if relative is not None:
                target = root.joinpath(*relative.split("/"))
                try:
                    inside = target.resolve().is_relative_to(root.resolve())  # no symlink out of the site
                    if inside and target.is_dir():
                        return None
                    if inside and target.is_file():
                        return HTTPStatus.OK, target.read_bytes(), _content_type(target.name)
                except OSError:
                    pass
            try:
                page = (root / "404.html").read_bytes()
            except OSError:
                page = NOT_FOUND_PAGE
        return HTTPStatus.NOT_FOUND, page, "text/html; charset=utf-8"

    def decorate(self, page: bytes, host: str) -> bytes:
        """The live-reload script, and the error overlay while the last build failed, added on the way out."""
        hostname = urlsplit("//" + host).hostname or self.host
        name = f"[{hostname}]" if ":" in hostname else hostname
        errors = self.errors
        return inject(page, head=script_tag(name, self.port), body=error_overlay(errors) if errors else b"")


def _content_type(name: str) -> str:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return (
        f"{kind}; charset=utf-8" if kind.startswith("text/") or kind.endswith(("json", "xml", "javascript")) else kind
    )


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, preview: Preview) -> None:
        if ":" in preview.host:
            self.address_family = socket.AF_INET6
        self.preview = preview
        super().__init__((preview.host, preview.port), _Handler)

    def handle_error(self, request: object, client_address: Any) -> None:
        """A browser that goes away mid-response is normal; anything else is logged, never printed."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError | TimeoutError):
            self.preview.log(f"error while answering {client_address[0]}: {error!r}")


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "briefgen-serve"

    def log_message(self, format: str, *args: Any) -> None:  # requests are not logged; errors are
        pass

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def do_GET(self) -> None:
        self._respond(head=False)

    def _respond(self, *, head: bool) -> None:
        preview = self.server.preview
        host = self.headers.get("Host")
        if not preview.allowed_host(host):
            self._send(HTTPStatus.FORBIDDEN, b"forbidden: unknown Host\n", "text/plain; charset=utf-8", head=head)
            return
        path = self.path.split("?", 1)[0]
        if path == SOCKET_PATH and not head and self.headers.get("Upgrade", "").lower() == "websocket":
            self._websocket(preview)
            return
        if path == SCRIPT_PATH:
            self._send(HTTPStatus.OK, client_script(), "text/javascript; charset=utf-8", head=head)
            return
        action, value = resolve_request(self.path, preview.config.base_path)
        if action == "forbidden":
            self._send(HTTPStatus.FORBIDDEN, b"forbidden\n", "text/plain; charset=utf-8", head=head)
            return
        if action == "redirect":
            self._redirect(value)
            return
        result = preview.read(value if action == "file" else None)
        if result is None:
            self._redirect(self.path.split("?", 1)[0] + "/")
            return
        status, body, kind = result
        if kind.startswith("text/html"):
            body = preview.decorate(body, host or "")
        self._send(status, body, kind, head=head)

    def _send(self, status: HTTPStatus, body: bytes, kind: str, *, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _websocket(self, preview: Preview) -> None:
        origin = self.headers.get("Origin", "")
        scheme, _, authority = origin.partition("://")
        if scheme != "http" or not preview.allowed_host(authority):
            self._send(HTTPStatus.FORBIDDEN, b"forbidden: cross-origin\n", "text/plain; charset=utf-8", head=False)
            return
        # http.server has read the handshake already: wsproto checks its request line and headers
        head = self.requestline + "\r\n" + "".join(f"{name}: {value}\r\n" for name, value in self.headers.items())
        opened = open_connection((head + "\r\n").encode("latin-1"))
        if opened is None:
            self._send(HTTPStatus.BAD_REQUEST, b"bad WebSocket handshake\n", "text/plain; charset=utf-8", head=False)
            return
        connection, response = opened
        self.wfile.write(response)
        self.wfile.flush()
        self.close_connection = True
        preview.hub.serve(WebSocket(self.connection, self.rfile, connection))
