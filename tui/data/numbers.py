"""Number formatting: plain decimals for files, grouped and signed figures for the screen."""

from __future__ import annotations


def plain(value: float | None) -> str:
    """A value as a plain decimal, as in the facts table: 2284872, -0.02, 33.3; '' for None."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


def decimals_of(raw: str) -> int:
    """How many decimals a printed number carries ('(0.02)' -> 2, '1,234' -> 0)."""
    digits = "".join(ch for ch in raw if ch.isdigit() or ch == ".")
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def grouped(value: float, decimals: int = 0, sign: bool = False) -> str:
    """A value with thousands separators, `decimals` places and, with `sign`, an explicit +."""
    text = f"{value:+,.{decimals}f}" if sign else f"{value:,.{decimals}f}"
    if sign and text[1:].strip("0.,") == "":
        return text[1:]
    return text


def percent(value: float | None, decimals: int = 1) -> str:
    """A signed percentage such as '+2.8%', or 'n/a' when there is none."""
    if value is None:
        return "n/a"
    return grouped(value, decimals, sign=True) + "%"


def is_number(text: str) -> bool:
    """True for text that reads as a number (the grids hold plain decimals as text)."""
    try:
        float(text)
    except ValueError:
        return False
    return True
