"""Filing text made safe to show literally, and labels normalised for matching."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FOOTNOTE = re.compile(r"\s*\((?:\d{1,2}|[a-z]|\*+)\)\s*$")
_NON_WORD = re.compile(r"[^\w%&/]+")


def safe_text(text: str) -> str:
    """Tabs expanded and control characters (ANSI escapes included) shown as \\xNN, not obeyed."""
    text = text.expandtabs(8) if "\t" in text else text
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


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
