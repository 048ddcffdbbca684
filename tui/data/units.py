"""Unit words shared by every view: a currency and scale as text, and what one cell is counted in."""

from __future__ import annotations

from parser.model import SCALE_SUFFIX, unit_text

__all__ = ["KIND_UNIT", "SCALE_SUFFIX", "cell_unit", "unit_text"]
KIND_UNIT = {"percent": "%", "ratio": "x"}


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
