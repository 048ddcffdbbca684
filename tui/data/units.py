"""Unit words shared by every view: a currency and scale as text, and what one cell is counted in."""

from __future__ import annotations

SCALE_SUFFIX = {1: "", 1000: "'000", 1_000_000: " m", 1_000_000_000: " bn"}
KIND_UNIT = {"percent": "%", "ratio": "x"}


def unit_text(currency: str | None, scale: int) -> str:
    """'GBP'000', 'GBP m', 'USD' or '' for a unitless column."""
    suffix = SCALE_SUFFIX.get(scale, f" x{scale}")
    return f"{currency}{suffix}" if currency else suffix.strip()


def cell_unit(cell) -> str:
    """What one cell is counted in: 'USD m', 'USD/share', 'shares '000', '%', 'x', or '' when unknown."""
    kind = str(cell.kind)
    if kind in KIND_UNIT:
        return KIND_UNIT[kind]
    if kind == "per_share":
        return f"{cell.currency}/share" if cell.currency else "per share"
    if kind == "count":
        return f"count {SCALE_SUFFIX.get(cell.scale, f'x{cell.scale}')}".strip()
    return unit_text(cell.currency, cell.scale)
