"""Turn file bytes into text lines: decoding with fallbacks, and refusing what is not text."""

from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used and any warning about it."""

    text: str
    encoding: str
    warning: str | None = None


def decode_bytes(data: bytes) -> Decoded:
    """Decode filing bytes: UTF-8 first, then cp1252, then Latin-1 (which never fails)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    return Decoded(
        text, encoding, f"not UTF-8 (byte {first_bad}); decoded as {encoding}"
    )


def refuse_reason(data: bytes) -> str | None:
    """Why these bytes are not a plain-text filing, or None when they look like one."""
    if not data.strip():
        return "empty file"
    head = data[:65536]
    nul = head.find(b"\x00")
    if nul >= 0:
        return f"binary file (NUL byte at offset {nul})"
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    if controls > len(head) // 20:
        return "binary file (mostly control bytes)"
    lowered = head[:4096].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (
        b"<html" in lowered and b"<body" in head.lower()
    ):
        return "HTML document, not a plain-text filing"
    return None


def split_lines(text: str) -> list[str]:
    """Split into lines (any newline convention), tabs expanded at 8 columns, no trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.expandtabs(8).rstrip() for line in text.split("\n")]
