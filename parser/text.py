"""Turn file bytes into text lines: decoding with fallbacks, and refusing what is not text."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 100 * 1024 * 1024
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")  # not tab, newline, form feed, return


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used and any warning about it."""

    text: str
    encoding: str
    warning: str | None = None


def decode_bytes(data: bytes) -> Decoded:
    """Decode filing bytes: UTF-16 when it is that, else UTF-8, then cp1252, then Latin-1 (which never fails)."""
    wide = utf16_encoding(data)
    if wide:
        return _decode_utf16(data, wide)
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


def utf16_encoding(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes are UTF-16 text, else None: told by a byte-order
    mark, or without one by NUL bytes at every other position (what ASCII text looks like in UTF-16)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None  # UTF-32, not UTF-16
    if data.startswith(b"\xff\xfe"):
        return "utf-16-le"
    if data.startswith(b"\xfe\xff"):
        return "utf-16-be"
    pairs = min(len(data), 4096) // 2
    if pairs < 4:
        return None
    even, odd = data[0:2 * pairs:2].count(0), data[1:2 * pairs:2].count(0)
    if odd >= 0.6 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.6 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, encoding: str) -> Decoded:
    """UTF-16 text decoded, its byte-order mark dropped; bytes that do not decode are replaced and counted."""
    order = "little" if encoding.endswith("le") else "big"
    try:
        text = data.decode(encoding)
        damage = ""
    except UnicodeDecodeError as error:
        text = data.decode(encoding, errors="replace")
        damage = f"; bytes from {error.start} that do not decode replaced by \ufffd"
    return Decoded(text.removeprefix("\ufeff"), encoding, f"UTF-16 ({order}-endian) text; decoded as UTF-16{damage}")


def refuse_reason(data: bytes) -> str | None:
    """Why these bytes are not a plain-text filing, or None when they look like one."""
    wide = utf16_encoding(data)
    if wide:
        head = data[:65536].decode(wide, errors="replace").removeprefix("\ufeff")
        if not head.strip() and not data.decode(wide, errors="replace").removeprefix("\ufeff").strip():
            return "empty file (UTF-16)"
        return _refuse_text(head, "character", " in UTF-16 text")
    if not data.strip():
        return "empty file"
    return _refuse_text(data[:65536].decode("latin-1"), "byte", "")


def _refuse_text(head: str, unit: str, where: str) -> str | None:
    """Why the first characters of a file are not plain text (NULs, control characters, HTML), or None."""
    nul = head.find("\x00")
    if nul >= 0:
        return f"binary file (NUL {unit} at offset {nul}{where})"
    controls = len(_CONTROL.findall(head))
    if controls > len(head) // 20:
        return f"binary file (mostly control {unit}s{where})"
    lowered = head[:4096].lstrip().lower()
    if lowered.startswith(("<!doctype html", "<html")) or (
        "<html" in lowered and "<body" in head.lower()
    ):
        return "HTML document, not a plain-text filing"
    return None


def split_lines(text: str) -> list[str]:
    """Split into lines (any newline convention), tabs expanded at 8 columns, no trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.expandtabs(8).rstrip() for line in text.split("\n")]


def capitals(text: str) -> tuple[int, float]:
    """(how many letters the text has, the share of them in capitals): each "mostly capitals" test in the
    parser (a heading, a display line, a title) applies its own thresholds to these two numbers."""
    letters = [c for c in text if c.isalpha()]
    return len(letters), (sum(c.isupper() for c in letters) / len(letters) if letters else 0.0)
