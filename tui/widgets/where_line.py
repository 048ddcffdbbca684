"""The line above the panes that says where you are: the folder, how many filings, and the open
filing's company, form and date, with its warnings (a table cut off by the end of the file)."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from ..data.text import safe_name, safe_text, without_name

WARNING_MARK = "⚠"


def where_text(roots: list[str], total: int, failed: int, filing=None) -> str:
    """'filings/ · 23 filings · MICROSOFT CORP · 10-K · 2000-09-28 · ⚠ line 5: table not closed'."""
    folders = ", ".join(safe_name(Path(root).name or root) + ("/" if Path(root).is_dir() else "") for root in roots)
    parts = [folders or "no folder", f"{total} filing{'s' if total != 1 else ''}"]
    if failed:
        parts[-1] += f" ({failed} unreadable)"
    if filing is not None:
        day = filing.date.isoformat() if getattr(filing, "date", None) else ""
        parts += [safe_text(part) for part in (filing.company, filing.form, day) if part] or [safe_name(filing.name)]
        warnings = list(getattr(filing, "warnings", ()) or ())
        if warnings:
            first = without_name(warnings[0], filing.name)
            more = f" (+{len(warnings) - 1} more)" if len(warnings) > 1 else ""
            parts.append(f"{WARNING_MARK} {safe_text(first)}{more}")
    return " · ".join(parts)


class WhereLine(Static):
    """One line: folder, number of filings, the open filing."""

    def show(self, roots: list[str], total: int, failed: int, filing=None) -> None:
        """Say where the user is."""
        self.update(Content(where_text(roots, total, failed, filing)))
        self.set_class(bool(filing is not None and getattr(filing, "warnings", ())), "-warning")
