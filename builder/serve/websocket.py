"""A minimal RFC 6455 WebSocket endpoint: the handshake, text frames, ping/pong and close.

Just enough for the LiveReload protocol over a connection that `http.server` has accepted:
the server only ever sends short text frames and reads short control and text frames.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import socket
import struct
import threading
from collections.abc import Mapping
from typing import BinaryIO

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
MAX_MESSAGE = 1 << 20
"""Larger client messages are refused (close code 1009); LiveReload's are a few hundred bytes."""

OP_CONTINUATION, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA


class ProtocolError(Exception):
    """The peer broke RFC 6455; the connection is closed with `code`."""

    def __init__(self, message: str, code: int = 1002) -> None:
        super().__init__(message)
        self.code = code


def accept_key(key: str) -> str:
    """The Sec-WebSocket-Accept value for a client's Sec-WebSocket-Key."""
    return base64.b64encode(hashlib.sha1((key + GUID).encode("ascii")).digest()).decode("ascii")


def is_upgrade(headers: Mapping[str, str]) -> bool:
    """A WebSocket opening handshake (RFC 6455 section 4.2.1); header names in lower case."""
    connection = {token.strip().lower() for token in headers.get("connection", "").split(",")}
    return headers.get("upgrade", "").lower() == "websocket" and "upgrade" in connection


def handshake_response(headers: Mapping[str, str]) -> bytes | None:
    """The 101 response to a valid opening handshake, or None when it is not one."""
    key = headers.get("sec-websocket-key", "").strip()
    try:
        valid_key = len(base64.b64decode(key, validate=True)) == 16
    except ValueError:
        valid_key = False
    if not is_upgrade(headers) or headers.get("sec-websocket-version", "").strip() != "13" or not valid_key:
        return None
    return (
        "HTTP/1.1 101 Switching Protocols\r\n"
        "Upgrade: websocket\r\n"
        "Connection: Upgrade\r\n"
        f"Sec-WebSocket-Accept: {accept_key(key)}\r\n\r\n"
    ).encode("ascii")


def encode_frame(opcode: int, payload: bytes) -> bytes:
    """One final, unmasked frame (servers never mask)."""
    length = len(payload)
    if length < 126:
        header = struct.pack("!BB", 0x80 | opcode, length)
    elif length < 1 << 16:
        header = struct.pack("!BBH", 0x80 | opcode, 126, length)
    else:
        header = struct.pack("!BBQ", 0x80 | opcode, 127, length)
    return header + payload


class WebSocket:
    """The server side of one connection. `receive()` runs in the connection's thread; `send()` anywhere."""

    def __init__(self, sock: socket.socket, reader: BinaryIO) -> None:
        self._sock = sock
        self._reader = reader
        self._send_lock = threading.Lock()
        self.closed = False

    def _read_exact(self, count: int) -> bytes:
        data = self._reader.read(count)
        if data is None or len(data) < count:
            raise ConnectionError("connection closed mid-frame")
        return data

    def _read_frame(self) -> tuple[bool, int, bytes]:
        first, second = self._read_exact(2)
        fin, opcode = bool(first & 0x80), first & 0x0F
        if first & 0x70:
            raise ProtocolError("reserved bits set without a negotiated extension")
        if not second & 0x80:
            raise ProtocolError("client frames must be masked")
        length = second & 0x7F
        if length == 126:
            (length,) = struct.unpack("!H", self._read_exact(2))
        elif length == 127:
            (length,) = struct.unpack("!Q", self._read_exact(8))
        if opcode >= 0x8 and (length > 125 or not fin):
            raise ProtocolError("control frames must be short and unfragmented")
        if length > MAX_MESSAGE:
            raise ProtocolError("message too big", 1009)
        mask = self._read_exact(4)
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate(self._read_exact(length)))
        return fin, opcode, payload

    def receive(self) -> str | None:
        """The next text message; None once the connection is closed (by either side)."""
        parts: list[bytes] = []
        message_opcode: int | None = None
        try:
            while True:
                fin, opcode, payload = self._read_frame()
                if opcode == OP_PING:
                    self._send(OP_PONG, payload)
                    continue
                if opcode == OP_PONG:
                    continue
                if opcode == OP_CLOSE:
                    code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1000
                    self.close(code if code in (1000, 1001) else 1000)
                    return None
                if opcode == OP_CONTINUATION:
                    if message_opcode is None:
                        raise ProtocolError("continuation frame without a message")
                elif opcode in (OP_TEXT, OP_BINARY):
                    if message_opcode is not None:
                        raise ProtocolError("new message inside a fragmented one")
                    message_opcode = opcode
                else:
                    raise ProtocolError(f"unknown opcode {opcode:#x}")
                parts.append(payload)
                if sum(len(p) for p in parts) > MAX_MESSAGE:
                    raise ProtocolError("message too big", 1009)
                if fin:
                    if message_opcode == OP_BINARY:
                        parts, message_opcode = [], None  # LiveReload never sends binary; ignore it
                        continue
                    try:
                        return b"".join(parts).decode("utf-8")
                    except UnicodeDecodeError:
                        raise ProtocolError("text frame is not UTF-8", 1007) from None
        except ProtocolError as exc:
            self.close(exc.code)
            return None
        except (ConnectionError, OSError, ValueError):
            self.closed = True
            return None

    def send(self, text: str) -> bool:
        """Send one text message; False when the connection is gone."""
        return self._send(OP_TEXT, text.encode("utf-8"))

    def _send(self, opcode: int, payload: bytes) -> bool:
        with self._send_lock:
            if self.closed:
                return False
            try:
                self._sock.sendall(encode_frame(opcode, payload))
                return True
            except OSError:
                self.closed = True
                return False

    def close(self, code: int = 1000) -> None:
        """Send a close frame (once) and stop both directions, which ends `receive()` in its thread."""
        self._send(OP_CLOSE, struct.pack("!H", code))
        with self._send_lock:
            self.closed = True
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
