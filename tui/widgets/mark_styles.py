"""The styles of negatives, subtotals, headings, failing checks and doubt marks, taken from the app's
theme (its error, warning, success and foreground colours) so that a theme change recolours them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MarkStyles:
    """Rich styles for the marks every table view uses."""

    negative: str = "red"
    positive: str = "green"
    doubt: str = "italic yellow"
    not_footing: str = "bold white on dark_red"
    subtotal: str = "bold"
    heading: str = "bold underline"


DEFAULT = MarkStyles()
_BY_THEME: dict[tuple[int, str], MarkStyles] = {}


def mark_styles(app) -> MarkStyles:
    """The marks' styles in the app's current theme (the defaults when it gives no colours), worked out
    once per app and theme."""
    key = (id(app), str(getattr(app, "theme", "")))
    found = _BY_THEME.get(key)
    if found is None:
        found = _BY_THEME[key] = _styles(app)
    return found


def _styles(app) -> MarkStyles:
    try:
        colours = app.get_css_variables()
    except Exception:  # noqa: BLE001 - no app running (a widget measured alone): plain defaults
        return DEFAULT
    error, warning = colours.get("error"), colours.get("warning")
    success, foreground = colours.get("success"), colours.get("foreground")
    return MarkStyles(
        negative=error or DEFAULT.negative,
        positive=success or DEFAULT.positive,
        doubt=f"italic {warning}" if warning else DEFAULT.doubt,
        not_footing=f"bold {foreground or 'white'} on {error}" if error else DEFAULT.not_footing,
    )
