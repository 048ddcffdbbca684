"""Small text charts from plain characters: a sparkline, horizontal bars and the progress bar."""

from __future__ import annotations

SPARKS = "▁▂▃▄▅▆▇█"
EIGHTHS = " ▏▎▍▌▋▊▉█"


def sparkline(values: list[float]) -> str:
    """One character per value, from ▁ (lowest) to █ (highest)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    span = high - low
    if span == 0:
        return SPARKS[len(SPARKS) // 2] * len(values)
    return "".join(SPARKS[round((value - low) / span * (len(SPARKS) - 1))] for value in values)


def bar(value: float, largest: float, width: int) -> str:
    """A bar of up to `width` cells for |value|, in eighths; '▒' cells for a negative value."""
    if largest <= 0 or width <= 0:
        return ""
    eighths = round(abs(value) / largest * width * 8)
    if value < 0:
        return "▒" * max(1, round(eighths / 8)) if eighths else ""
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def bars(labels: list[str], values: list[float], figures: list[str], width: int = 30) -> list[str]:
    """One line per value: label, bar and the figure, bars scaled to the largest |value|."""
    if not values:
        return []
    largest = max(abs(value) for value in values)
    label_width = max(len(label) for label in labels)
    figure_width = max(len(figure) for figure in figures)
    return [
        f"{label.ljust(label_width)}  {figure.rjust(figure_width)}  {bar(value, largest, width)}"
        for label, value, figure in zip(labels, values, figures)
    ]


def progress_bar(done: int, total: int, width: int) -> str:
    """'▕██████░░░░▏': how much of `total` is done, in `width` cells (empty when total is 0); the one
    bar the command line and the browser's status line draw."""
    filled = round(width * done / total) if total else 0
    return f"▕{'█' * filled}{'░' * (width - filled)}▏"
