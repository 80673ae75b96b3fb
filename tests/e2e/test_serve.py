"""`briefgen serve` on real projects: real files, real watchdog events, real HTTP and WebSocket traffic."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import cast

import pytest
from wsproto import ConnectionType, WSConnection
from wsproto.connection import Connection
from wsproto.events import (
    AcceptConnection,
    CloseConnection,
    Event,
    Ping,
    Pong,
    RejectConnection,
    Request,
    TextMessage,
)

import builder.build
import builder.serve.server
from builder.config import load_config
from builder.errors import BriefgenError
from builder.serve.livereload import OVERLAY_ID, SCRIPT_PATH, inject, reload_message
from builder.serve.server import Preview, reload_messages, resolve_request
from builder.serve.websocket import MAX_MESSAGE
from tests.conftest import REPO

MakeProject = Callable[..., Path]
TIMEOUT = 20.0
HELLO = json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})


def note(title: str, body: str = "Body text.", *, date: str = "2026-02-01", extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: {date}\nsummary: About {title}.\ntopics: [transport]\n{extra}---\n{body}\n"


def wait_for(condition: Callable[[], object], what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.02)


def request(
    preview: Preview, path: str, *, method: str = "GET", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """One raw HTTP request: the path goes out exactly as given (no client-side normalisation)."""
    connection = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=TIMEOUT)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        all_headers = {"Host": f"127.0.0.1:{preview.port}", **(headers or {})}
        for name, value in all_headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def page(preview: Preview, path: str) -> str:
    status, _, body = request(preview, path)
    return body.decode() if status == 200 else f"<{status}>"


def shows(preview: Preview, path: str, text: str) -> Callable[[], bool]:
    return lambda: text in page(preview, path)


def save_atomically(path: Path, text: str) -> None:
    """What most editors do: write a temp file beside the note, then rename it over the note."""
    temp = path.with_name(f".{path.name}.sublime-save.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


@pytest.fixture
def serve(make_project: MakeProject) -> Iterator[Callable[..., Preview]]:
    started: list[Preview] = []

    def start(root: Path, **options: object) -> Preview:
        preview = Preview(lambda: load_config(root), port=0, **options)  # type: ignore[arg-type]
        preview.start()
        started.append(preview)
        return preview

    yield start
    for preview in started:
        preview.stop()


class WebSocketClient:
    """A browser's side of the LiveReload socket, framed by wsproto as a client (which also checks the
    server's handshake answer). `early` messages go out in the same packet as the handshake."""

    def __init__(self, port: int, origin: str, *, early: Sequence[str] = ()) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.ws = WSConnection(ConnectionType.CLIENT)
        self.events: deque[Event] = deque()
        handshake = Request(
            host=f"127.0.0.1:{port}", target="/livereload", extra_headers=[(b"Origin", origin.encode())]
        )
        frames = b"".join(Connection(ConnectionType.CLIENT).send(TextMessage(data=text)) for text in early)
        self.sock.sendall(self.ws.send(handshake) + frames)
        answer = self.next_event()
        self.status = 101 if isinstance(answer, AcceptConnection) else cast(RejectConnection, answer).status_code

    def next_event(self) -> Event:
        while not self.events:
            self.ws.receive_data(self.sock.recv(65536) or None)
            self.events.extend(self.ws.events())
        return self.events.popleft()

    def send(self, event: Event) -> None:
        self.sock.sendall(self.ws.send(event))

    def receive(self) -> dict[str, object]:
        text = ""
        while not isinstance(event := self.next_event(), TextMessage) or not event.message_finished:
            assert isinstance(event, TextMessage), f"expected a text message, got {event}"
            text += event.data
        message: dict[str, object] = json.loads(text + event.data)
        return message

    def hello(self) -> dict[str, object]:
        self.send(TextMessage(data=HELLO))
        return self.receive()

    def close(self) -> None:
        self.sock.close()


# --- the pure parts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ("file", "index.html")),
        ("/briefings/a/", ("file", "briefings/a/index.html")),
        ("/static/style.css?v=2", ("file", "static/style.css")),
        ("/briefings/a", ("file", "briefings/a")),  # a folder: the handler redirects to the slash
        ("/people/caf%C3%A9/", ("file", "people/café/index.html")),
        ("/../secret", ("forbidden", "")),
        ("/briefings/../../secret", ("forbidden", "")),
        ("/%2e%2e/secret", ("forbidden", "")),
        ("/%2E%2E%2Fsecret", ("forbidden", "")),
        ("/..%2f..%2fsecret", ("forbidden", "")),
        ("/static/..%5c..%5csecret", ("forbidden", "")),
        ("/%00index.html", ("forbidden", "")),
        ("/%c0%ae%c0%ae/secret", ("forbidden", "")),  # overlong UTF-8 is not UTF-8
        ("//etc/passwd", ("file", "etc/passwd")),  # empty segments collapse: stays inside the site
        ("http://evil.example/", ("forbidden", "")),
    ],
)
def test_request_paths_resolve_inside_the_site(path: str, expected: tuple[str, str]) -> None:
    assert resolve_request(path, "/") == expected


def test_a_site_with_a_base_path_is_served_under_it() -> None:
    assert resolve_request("/demo/briefings/", "/demo/") == ("file", "briefings/index.html")
    assert resolve_request("/demo", "/demo/") == ("redirect", "/demo/")
    assert resolve_request("/", "/demo/") == ("redirect", "/demo/")
    assert resolve_request("/briefings/", "/demo/") == ("missing", "")


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (b"<html><head><title>t</title></head><body>x</body></html>", b"<head><title>t</title>S</head><body>xO</body>"),
        (b"<HTML><HEAD></HEAD><BODY>x</BODY></HTML>", b"<HEAD>S</HEAD><BODY>xO</BODY>"),
        (b"<html><body>x</body ></html>", b"<body>xOS</body >"),
        (b"<p>fragment", b"<p>fragmentOS"),
        (b"<html><head></head><body>x", b"<head>S</head><body>xO"),
    ],
)
def test_the_reload_script_goes_into_any_html(document: bytes, expected: bytes) -> None:
    assert expected in inject(document, head=b"S", body=b"O")


def test_stylesheets_swap_in_place_only_when_nothing_else_changed() -> None:
    css = reload_messages(["static/style.css"], "/", errors_changed=False)
    assert [json.loads(m) for m in css] == [json.loads(reload_message("/static/style.css", live_css=True))]
    mixed = [
        json.loads(m) for m in reload_messages(["briefings/a/index.html", "static/a.css"], "/d/", errors_changed=False)
    ]
    assert mixed == [{"command": "reload", "path": "/d/briefings/a/", "liveCSS": False, "liveImg": True}]
    assert reload_messages([], "/", errors_changed=False) == []
    assert len(reload_messages([], "/", errors_changed=True)) == 1


# --- serving --------------------------------------------------------------------------------------


def test_serve_shows_drafts_with_the_reload_script_and_leaves_site_alone(
    make_project: MakeProject, serve: Callable[..., Preview]
) -> None:
    root = make_project(
        sample=False, notes={"a.md": note("Harbour reopens"), "d.md": note("Draft", extra="draft: true\n")}
    )
    preview = serve(root)
    html = page(preview, "/briefings/d/")
    assert "<h1>Draft</h1>" in html
    assert f'src="{SCRIPT_PATH}?host=127.0.0.1&amp;port={preview.port}' in html
    assert not (root / "site").exists()
    on_disk = (root / ".briefgen" / "serve" / "briefings" / "d" / "index.html").read_text()
    assert "livereload" not in on_disk
    status, headers, script = request(preview, SCRIPT_PATH)
    assert status == 200 and headers["content-type"].startswith("text/javascript") and b"LiveReload" in script


def test_no_drafts_serves_what_build_would_publish(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(
        sample=False, notes={"a.md": note("Harbour reopens"), "d.md": note("Draft", extra="draft: true\n")}
    )
    preview = serve(root, include_drafts=False)
    assert "Harbour reopens" in page(preview, "/briefings/")
    assert page(preview, "/briefings/d/") == "<404>"


def test_missing_pages_get_the_sites_404_page(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    preview = serve(root)
    status, headers, body = request(preview, "/nowhere/")
    assert status == 404
    assert b"Page not found" in body and SCRIPT_PATH.encode() in body
    assert headers["content-type"].startswith("text/html")
    status, headers, _ = request(preview, "/briefings/a")
    assert (status, headers["location"]) == (301, "/briefings/a/")
    status, _, body = request(preview, "/briefings/a/", method="HEAD")
    assert (status, body) == (200, b"")


def test_path_traversal_is_refused_in_every_spelling(
    make_project: MakeProject, serve: Callable[..., Preview], tmp_path: Path
) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    (root / ".briefgen" / "secret.txt").parent.mkdir(exist_ok=True)
    (root / ".briefgen" / "secret.txt").write_text("TOP SECRET")
    preview = serve(root)
    (preview.root / "outside").symlink_to(root / ".briefgen")  # a link out of the site is refused too
    for path in [
        "/../secret.txt",
        "/briefings/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..%2F..%2Fbriefgen.toml",
        "/..%5csecret.txt",
        "/%252e%252e/secret.txt",
        "/outside/secret.txt",
    ]:
        status, _, body = request(preview, path)
        assert status in (403, 404), path
        assert b"TOP SECRET" not in body and b"reference_date" not in body, path


def test_foreign_hosts_and_origins_are_refused(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    preview = serve(root)
    assert request(preview, "/", headers={"Host": "evil.example"})[0] == 403  # DNS rebinding
    assert request(preview, "/", headers={"Host": f"localhost:{preview.port}"})[0] == 200
    for origin in ["http://evil.example", f"http://evil.example:{preview.port}", "null", "http://127.0.0.1:1"]:
        client = WebSocketClient(preview.port, origin)
        assert client.status == 403, origin
        client.close()
    client = WebSocketClient(preview.port, f"http://localhost:{preview.port}")
    assert client.status == 101
    assert client.hello()["command"] == "hello"
    client.close()


def test_the_livereload_socket_answers_pings_and_a_hello_sent_with_the_handshake(
    make_project: MakeProject, serve: Callable[..., Preview]
) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    preview = serve(root)
    client = WebSocketClient(preview.port, f"http://127.0.0.1:{preview.port}", early=[HELLO])
    assert client.status == 101
    assert client.receive()["command"] == "hello"  # the hello was already buffered when the socket opened
    client.send(Ping(payload=b"are you there"))
    assert client.next_event() == Pong(payload=b"are you there")
    wait_for(lambda: preview.hub.clients == 1, "the browser to register")
    client.send(CloseConnection(code=1000))
    assert isinstance(client.next_event(), CloseConnection)
    wait_for(lambda: preview.hub.clients == 0, "the closed socket to be forgotten")
    client.close()


def test_the_livereload_socket_refuses_bad_handshakes_and_huge_messages(
    make_project: MakeProject, serve: Callable[..., Preview]
) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    preview = serve(root)
    head = (
        f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{preview.port}\r\nOrigin: http://127.0.0.1:{preview.port}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
    )
    key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    assert raw(preview, (head + key + "Sec-WebSocket-Version: 8\r\n\r\n").encode()).startswith(b"HTTP/1.0 400")
    assert raw(preview, (head + "Sec-WebSocket-Version: 13\r\n\r\n").encode()).startswith(b"HTTP/1.0 400")
    client = WebSocketClient(preview.port, f"http://127.0.0.1:{preview.port}")
    assert client.hello()["command"] == "hello"
    client.send(TextMessage(data="x" * (MAX_MESSAGE + 1)))
    closing = client.next_event()
    assert isinstance(closing, CloseConnection) and closing.code == 1009
    wait_for(lambda: preview.hub.clients == 0, "the closed socket to be forgotten")
    client.close()
    assert request(preview, "/")[0] == 200


def raw(preview: Preview, data: bytes, *, read: bool = True) -> bytes:
    """Send bytes as they are (no HTTP client in the way) and return what comes back."""
    with socket.create_connection(("127.0.0.1", preview.port), timeout=TIMEOUT) as sock:
        sock.sendall(data)
        if not read:
            return b""
        sock.shutdown(socket.SHUT_WR)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
        return reply


def test_malformed_huge_and_many_requests_never_stop_the_server(
    make_project: MakeProject, serve: Callable[..., Preview]
) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    preview = serve(root)
    host = f"Host: 127.0.0.1:{preview.port}\r\n".encode()
    assert raw(preview, b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\n" + host + b"\r\n").startswith(b"HTTP/1.")  # 414
    assert b"400" in raw(preview, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(64))  # TLS
    assert b"400" in raw(preview, b"BREW /pot HTCPCP/1.0\r\n" + host + b"\r\n")
    assert raw(preview, b"GET / HTTP/1.1\r\n" + b"X-Long: " + b"b" * 100_000 + b"\r\n" + host + b"\r\n")
    raw(preview, b"GET / HTTP/1.1\r\nHost: ", read=False)  # a request cut off half-way
    # Many connections at once, some left idle: every real request still gets its page.
    idle = [socket.create_connection(("127.0.0.1", preview.port), timeout=TIMEOUT) for _ in range(50)]
    try:
        results: list[int] = []
        threads = [threading.Thread(target=lambda: results.append(request(preview, "/")[0])) for _ in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(TIMEOUT)
        assert results == [200] * 50
    finally:
        for sock in idle:
            sock.close()
    assert request(preview, "/")[0] == 200


def test_a_site_is_served_under_its_base_path(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")}, config='base_url = "/demo/"\n')
    preview = serve(root)
    assert preview.url.endswith("/demo/")
    status, headers, _ = request(preview, "/")
    assert (status, headers["location"]) == (301, "/demo/")
    assert 'href="/demo/static/style.css"' in page(preview, "/demo/briefings/a/")
    assert request(preview, "/briefings/a/")[0] == 404


def test_port_in_use_is_a_clear_error(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    preview = serve(root)
    with pytest.raises(BriefgenError, match="cannot listen"):
        Preview(lambda: load_config(root), port=preview.port).start()


# --- rebuilding -----------------------------------------------------------------------------------


def test_an_edited_note_is_served_after_the_rebuild(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens", "First version.")})
    preview = serve(root)
    builds = preview.builds
    save_atomically(root / "content" / "a.md", note("Harbour reopens", "Second version."))
    wait_for(shows(preview, "/briefings/a/", "Second version."), "the edit to be served")
    assert preview.builds == builds + 1


def test_editor_temp_files_alone_trigger_no_build(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    preview = serve(root)
    wait_for(lambda: preview.batches >= 0 and not preview.debouncer._pending, "startup events to settle")
    time.sleep(0.3)
    builds = preview.builds
    content = root / "content"
    for name in [".a.md.swp", "a.md~", "4913", ".#a.md", "a.md.tmp", ".subl1234.tmp"]:
        (content / name).write_text("scratch")
        (content / name).unlink()
    (content / "a.md").write_text((content / "a.md").read_text())  # saved without edits
    (content / "a.md").touch()
    time.sleep(0.5)  # a negative: give the watcher time to (wrongly) build
    assert preview.builds == builds


def test_vim_style_save_is_picked_up(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens", "First version.")})
    preview = serve(root)
    path = root / "content" / "a.md"
    (root / "content" / ".a.md.swp").write_text("swap")
    path.rename(path.with_name("a.md~"))  # backupcopy=no: the original becomes the backup
    path.write_text(note("Harbour reopens", "Written by vim."))
    (root / "content" / "a.md~").unlink()
    (root / "content" / ".a.md.swp").unlink()
    wait_for(shows(preview, "/briefings/a/", "Written by vim."), "vim's save to be served")


def test_new_and_deleted_notes_update_every_listing(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    preview = serve(root)
    save_atomically(root / "content" / "b.md", note("Bridge closes", date="2026-03-01"))
    for path in ["/", "/briefings/", "/topics/transport/", "/briefings/b/"]:
        wait_for(shows(preview, path, "Bridge closes"), f"the new note on {path}")
    (root / "content" / "b.md").unlink()
    wait_for(lambda: page(preview, "/briefings/b/") == "<404>", "the deleted note's page to go")
    for path in ["/", "/briefings/", "/topics/transport/"]:
        assert "Bridge closes" not in page(preview, path), path


def test_a_new_seed_becomes_a_served_briefing(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    preview = serve(root)
    (root / "seeds" / "council.txt").write_text(
        "Council Approves Budget\n\nThe city council of Springfield approved the budget on Monday, officials said.\n"
    )
    wait_for(shows(preview, "/briefings/", "Council Approves Budget"), "the seed's briefing")
    assert any((root / "content").glob("*council*.md"))


def test_template_and_config_changes_rebuild_every_page(
    make_project: MakeProject, serve: Callable[..., Preview]
) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    preview = serve(root)
    (root / "templates").mkdir()  # a folder that did not exist when serve started
    theme_base = (REPO / "templates" / "base.html").read_text()
    (root / "templates" / "base.html").write_text(theme_base.replace("<main id=", "<p>TEMPLATE EDIT</p><main id="))
    wait_for(shows(preview, "/briefings/a/", "TEMPLATE EDIT"), "the template edit")
    assert "TEMPLATE EDIT" in page(preview, "/topics/transport/")
    config = root / "briefgen.toml"
    config.write_text(config.read_text().replace("Test briefings", "Renamed desk"))
    wait_for(shows(preview, "/briefings/a/", "Renamed desk"), "the new title")
    assert "Renamed desk" in page(preview, "/timeline/")


def test_a_broken_config_is_shown_and_the_last_site_kept(
    make_project: MakeProject, serve: Callable[..., Preview]
) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    preview = serve(root)
    config = root / "briefgen.toml"
    good = config.read_text()
    config.write_text(good + "titel = 'typo'\n")
    wait_for(shows(preview, "/briefings/a/", OVERLAY_ID), "the config error overlay")
    assert "did you mean" in page(preview, "/briefings/a/")
    config.write_text(good)
    wait_for(lambda: OVERLAY_ID not in page(preview, "/briefings/a/"), "the overlay to clear")


def test_a_bad_note_is_shown_in_the_browser_until_fixed(
    make_project: MakeProject, serve: Callable[..., Preview]
) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens"), "b.md": note("Bridge closes")})
    preview = serve(root)
    (root / "content" / "b.md").write_text("---\ntitle: [unclosed\n---\nBody\n")
    wait_for(shows(preview, "/briefings/a/", OVERLAY_ID), "the error overlay")
    html = page(preview, "/briefings/a/")
    assert "content/b.md:2" in html and "invalid YAML" in html
    (root / "content" / "b.md").write_text(note("Bridge closes", "Fixed."))
    wait_for(shows(preview, "/briefings/b/", "Fixed."), "the fixed note")
    wait_for(lambda: OVERLAY_ID not in page(preview, "/briefings/a/"), "the overlay to clear")


def test_a_broken_template_keeps_the_last_good_site(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens", "Good body.")})
    (root / "templates").mkdir()
    template = (REPO / "templates" / "briefing.html").read_text()
    (root / "templates" / "briefing.html").write_text(template)
    preview = serve(root)
    (root / "templates" / "briefing.html").write_text(template.replace("{% endblock %}", "{% endblok %}", 1))
    wait_for(shows(preview, "/briefings/a/", OVERLAY_ID), "the template error overlay")
    html = page(preview, "/briefings/a/")
    assert "briefing.html:" in html and "endblok" in html and "Good body." in html
    (root / "templates" / "briefing.html").write_text(template)
    wait_for(lambda: OVERLAY_ID not in page(preview, "/briefings/a/"), "the overlay to clear")


def test_the_server_survives_a_crashing_build(
    make_project: MakeProject, serve: Callable[..., Preview], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens", "First.")})
    preview = serve(root)
    real_build = builder.build.build

    def crash(*args: object, **kwargs: object) -> object:
        monkeypatch.setattr(builder.serve.server, "build", real_build)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(builder.serve.server, "build", crash)
    save_atomically(root / "content" / "a.md", note("Harbour reopens", "Second."))
    wait_for(shows(preview, "/briefings/a/", "disk on fire"), "the crash in the overlay")
    save_atomically(root / "content" / "a.md", note("Harbour reopens", "Third."))
    wait_for(shows(preview, "/briefings/a/", "Third."), "the next good build")
    wait_for(lambda: OVERLAY_ID not in page(preview, "/briefings/a/"), "the overlay to clear")


def test_polling_picks_up_changes_too(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens", "First.")})
    preview = serve(root, poll=True)
    save_atomically(root / "content" / "a.md", note("Harbour reopens", "Polled."))
    wait_for(shows(preview, "/briefings/a/", "Polled."), "the polled change")


# --- live reload ----------------------------------------------------------------------------------


def test_reload_is_sent_only_once_the_new_page_is_served(
    make_project: MakeProject, serve: Callable[..., Preview]
) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens", "Version 0.")})
    (root / "templates" / "static").mkdir(parents=True)
    (root / "templates" / "static" / "style.css").write_text("body { color: black; }\n")
    preview = serve(root)
    client = WebSocketClient(preview.port, f"http://127.0.0.1:{preview.port}")
    assert client.hello()["protocols"] == ["http://livereload.com/protocols/official-7"]
    wait_for(lambda: preview.hub.clients == 1, "the browser to register")
    for version in range(1, 4):  # each reload comes within 3 s of the last: none is throttled away
        save_atomically(root / "content" / "a.md", note("Harbour reopens", f"Version {version}."))
        message = client.receive()
        assert message["command"] == "reload" and message["liveCSS"] is False
        assert f"Version {version}." in page(preview, "/briefings/a/")  # the moment the reload arrives
        assert preview.last_report is not None and preview.last_report.quick  # a body edit: its page alone
    (root / "templates" / "static" / "style.css").write_text("body { color: red; }\n")
    assert client.receive() == {"command": "reload", "path": "/static/style.css", "liveCSS": True, "liveImg": True}
    assert "red" in page(preview, "/static/style.css")
    client.close()


@pytest.mark.parametrize("edit", ["title", "body"], ids=["full-builds", "quick-builds"])
def test_requests_during_builds_always_get_a_complete_site(
    make_project: MakeProject, serve: Callable[..., Preview], edit: str
) -> None:
    notes = {f"n{i:02d}.md": note(f"Note {i}") for i in range(30)}
    root = make_project(sample=False, notes=notes)
    preview = serve(root)
    stop = threading.Event()
    bad: list[str] = []

    def hammer() -> None:
        while not stop.is_set():
            for path in ("/briefings/", "/topics/transport/", "/briefings/n00/"):
                status, _, body = request(preview, path)
                if status != 200 or not body.rstrip().endswith(b"</html>"):
                    bad.append(f"{path}: {status}")

    readers = [threading.Thread(target=hammer) for _ in range(3)]
    for reader in readers:
        reader.start()
    try:
        for round_ in range(5):
            for i in range(0, 30, 3):
                text = note(f"Note {i} r{round_}") if edit == "title" else note(f"Note {i}", f"Body r{round_}.")
                save_atomically(root / "content" / f"n{i:02d}.md", text)
            if edit == "title":
                wait_for(shows(preview, "/briefings/", f"Note 27 r{round_}<"), f"round {round_} to be served")
            else:
                wait_for(shows(preview, "/briefings/n27/", f"Body r{round_}."), f"round {round_} to be served")
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=TIMEOUT)
    assert bad == []


# --- stress ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_200_rapid_saves_end_with_the_last_content_in_few_builds(
    make_project: MakeProject, serve: Callable[..., Preview]
) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens", "Save 0.")})
    preview = serve(root)
    builds = preview.builds
    path = root / "content" / "a.md"
    for i in range(1, 201):
        if i % 2:
            save_atomically(path, note("Harbour reopens", f"Save {i}."))
        else:
            path.write_text(note("Harbour reopens", f"Save {i}."))
    wait_for(shows(preview, "/briefings/a/", "Save 200."), "the last save")
    time.sleep(0.5)  # let any straggling batch run, then check it changed nothing
    assert "Save 200." in page(preview, "/briefings/a/")
    assert preview.builds - builds <= 4, preview.builds - builds


@pytest.mark.slow
def test_50_files_changed_at_once_are_built_together(make_project: MakeProject, serve: Callable[..., Preview]) -> None:
    notes = {f"n{i:02d}.md": note(f"Note {i}", "Old.") for i in range(50)}
    root = make_project(sample=False, notes=notes)
    preview = serve(root)
    builds = preview.builds
    for i in range(50):
        save_atomically(root / "content" / f"n{i:02d}.md", note(f"Note {i}", f"New {i}."))
    for i in (0, 25, 49):
        wait_for(shows(preview, f"/briefings/n{i:02d}/", f"New {i}."), f"note {i}")
    time.sleep(0.5)
    assert all(f"New {i}." in page(preview, f"/briefings/n{i:02d}/") for i in range(50))
    assert preview.builds - builds <= 3, preview.builds - builds


# --- the command ----------------------------------------------------------------------------------


def test_briefgen_serve_runs_until_interrupted(make_project: MakeProject) -> None:
    root = make_project(sample=False, notes={"a.md": note("Harbour reopens")})
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "-C", str(root), "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        # as in a terminal: a test run started in the background (`make test &`) ignores SIGINT,
        # and the server would inherit that and never see the Ctrl-C
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("serving http://127.0.0.1:"), line
        url = line.split()[1]
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        connection.request("GET", "/briefings/a/")
        assert b"Harbour reopens" in connection.getresponse().read()
        connection.close()
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 0, err
    assert "build 1:" in err
