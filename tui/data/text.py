"""Filing text made safe to show literally (on screen, or printed on a terminal), and labels normalised
for matching."""

from __future__ import annotations

import re

# Written as escapes, not the characters themselves: pyarrow reads the pattern too (tui/index/facts.py).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSHOWABLE_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_FOOTNOTE = re.compile(r"\s*\((?:\d{1,2}|[a-z]|\*+)\)\s*$")
_NON_WORD = re.compile(r"[^\w%&/]+")


def safe_text(text: str) -> str:
    """Tabs expanded and control characters (ANSI escapes included) shown as \\xNN, not obeyed."""
    text = text.expandtabs(8) if "\t" in text else text
    return CONTROL.sub(_escape, text)


def printable(text: str) -> str:
    """Filing text as the command line prints it: control characters (ANSI escapes included) shown as
    \\xNN, not obeyed; tabs and newlines kept."""
    return CONTROL.sub(_escape, text)


def safe_name(name: str) -> str:
    """A file name or path shown on one line, as the parser's `shown_name` shows it (the parser is not
    imported here, to keep it off the app's start-up): control characters, newlines and tabs, and bytes
    that are not UTF-8 as \\xNN."""
    return _UNSHOWABLE_IN_NAME.sub(_escape, name)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte that was not UTF-8, as surrogateescape keeps it
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def literal_markup(text: str) -> str:
    """Markup that renders as exactly `text`, for the few Textual APIs that take only markup strings.

    Textual's `escape()` is not enough (it drops "[Axis]" from "Segments [Axis]"); escaping
    every opening bracket is.
    """
    return text.replace("[", "\\[")


def normalise_label(label: str) -> str:
    """A label reduced for matching: case folded, footnote markers and punctuation dropped."""
    label = _FOOTNOTE.sub("", label.strip())
    label = label.replace("&", " and ")
    return " ".join(_NON_WORD.sub(" ", label.casefold()).split())


def without_name(message: str, name: str) -> str:
    """A parser message ("NAME: reason") without the file name it begins with (a name may hold ': ')."""
    prefix = f"{name}: "
    return message[len(prefix):] if message.startswith(prefix) else message
