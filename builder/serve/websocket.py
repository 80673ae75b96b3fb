"""The LiveReload socket over a connection that `http.server` accepted, framed by wsproto (RFC 6455).

wsproto is sans-IO: it parses and produces bytes, and this module moves them. `http.server` has
already read the opening handshake, so `open_connection()` hands wsproto the request as received;
then the connection's thread calls `receive()` and any thread may call `send()`.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections import deque
from io import BufferedIOBase

from wsproto import ConnectionType, WSConnection
from wsproto.connection import ConnectionState
from wsproto.events import AcceptConnection, CloseConnection, Event, Ping, Request, TextMessage
from wsproto.frame_protocol import CloseReason
from wsproto.utilities import ProtocolError

MAX_MESSAGE = 1 << 20
"""Longer client messages (in characters) are refused with close code 1009; LiveReload's are a few hundred."""
READ_SIZE = 1 << 16


def open_connection(head: bytes) -> tuple[WSConnection, bytes] | None:
    """The server side of a valid opening handshake (`head`: request line and headers) and its 101
    response; None when the request is not one (wrong version, no key, no `Connection: Upgrade`...)."""
    connection = WSConnection(ConnectionType.SERVER)
    try:
        connection.receive_data(head)
        if any(isinstance(event, Request) for event in connection.events()):
            return connection, connection.send(AcceptConnection())
    except ProtocolError:
        pass
    return None


class WebSocket:
    """One open connection. `receive()` runs in the connection's thread; `send()` and `close()` anywhere."""

    def __init__(self, sock: socket.socket, reader: BufferedIOBase, connection: WSConnection) -> None:
        self._sock = sock
        self._reader = reader  # may hold bytes the client sent right after its handshake
        self._connection = connection
        self._lock = threading.Lock()
        self._messages: deque[str] = deque()
        self._parts: list[str] = []
        self._size = 0
        self.closed = False

    def receive(self) -> str | None:
        """The next text message; None once the connection is closed (by either side)."""
        while not self._messages and not self.closed:
            try:
                data = self._reader.read1(READ_SIZE)
            except (OSError, ValueError):
                data = b""
            self._feed(data)
        return self._messages.popleft() if self._messages else None

    def _feed(self, data: bytes) -> None:
        with self._lock:
            if self.closed:
                return
            self._connection.receive_data(data or None)  # None: the peer went away
            events = list(self._connection.events())
        for event in events:
            self._handle(event)

    def _handle(self, event: Event) -> None:
        if isinstance(event, TextMessage):
            self._parts.append(event.data)
            self._size += len(event.data)
            if self._size > MAX_MESSAGE:
                self.close(CloseReason.MESSAGE_TOO_BIG)
            elif event.message_finished:
                self._messages.append("".join(self._parts))
                self._parts, self._size = [], 0
        elif isinstance(event, Ping):
            self._send(event.response())
        elif isinstance(event, CloseConnection):  # the peer's close, or wsproto's verdict on bad data
            self.close(event.code)
        # binary messages and pongs: LiveReload sends none, and they need no answer

    def send(self, text: str) -> bool:
        """Send one text message; False when the connection is gone."""
        return self._send(TextMessage(data=text))

    def _send(self, event: Event) -> bool:
        with self._lock:
            if self.closed or self._connection.state not in (ConnectionState.OPEN, ConnectionState.REMOTE_CLOSING):
                return False
            try:
                self._sock.sendall(self._connection.send(event))
                return True
            except OSError:
                self.closed = True
                return False

    def close(self, code: int = CloseReason.NORMAL_CLOSURE) -> None:
        """Send a close frame (once) and stop both directions, which ends `receive()` in its thread."""
        self._send(CloseConnection(code=code))
        with self._lock:
            self.closed = True
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
