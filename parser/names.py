"""File names as text to show: one line, valid UTF-8, nothing a terminal or a report would obey.

A name on disk is any bytes but "/" and NUL: Python hands back the bytes that are not UTF-8 as lone
surrogates (which cannot be written to a UTF-8 file or to SQLite) and keeps control characters,
newlines and escape sequences as they are. Every name a report shows goes through `shown_name`.
"""

from __future__ import annotations

import os
import re

_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def shown_name(name: str) -> str:
    """A file name (or path) as every report shows it: control characters (newline and tab included)
    and undecodable bytes written as `\\xNN`, other lone surrogates and line separators as `\\uNNNN`."""
    return _UNSHOWABLE.sub(escape_match, name)


def shown_basename(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """The last part of a path, as `shown_name` shows it."""
    return shown_name(os.path.basename(os.fsdecode(path)))


def escape_match(match: re.Match[str]) -> str:
    """One unshowable character as `\\xNN` (a byte that was not UTF-8 as that byte) or `\\uNNNN`: the one
    way every name and every printed filing text writes them."""
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte that was not UTF-8, as surrogateescape keeps it
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
