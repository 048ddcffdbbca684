"""The search hits: a virtual list over a lazy, ranked result sequence (only visible hits are built)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message

from ..data.text import safe_text
from .mark_styles import DEFAULT, MarkStyles, mark_styles
from .statement_table import DOUBT_MARK
from .virtual_list import VirtualList

MAX_VALUES = 6


@dataclass(frozen=True)
class HitOption:
    """What a row shows, for callers used to OptionList's `get_option_at_index(i).prompt`."""

    prompt: Text


class HitList(VirtualList):
    """Two lines per hit: label (and synonym), then date, table and values."""

    row_height = 2
    can_focus = False

    class HitChosen(Message):
        """A hit was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.hits = ()

    def show(self, hits, count: int) -> None:
        """Show the first `count` hits of a lazy ranked sequence, with the cursor on the first."""
        self.hits = hits
        self.set_count(count, 0 if count else None)

    def extend(self, count: int) -> None:
        """Show more of the same hits (the rest of the ranking arrived), keeping the cursor."""
        self.set_count(count, self.highlighted)

    def get_option_at_index(self, index: int) -> HitOption:
        """The row's text as one two-line Text."""
        return HitOption(hit_prompt(self.hits[index], self._company(index), mark_styles(self.app)))

    def row_lines(self, index: int, width: int) -> list[Text]:
        return hit_prompt(self.hits[index], self._company(index), mark_styles(self.app)).split("\n")[:2]

    def _company(self, index: int) -> str:
        """The company that filed the hit's filing, as the filing list knows it ('' when unknown)."""
        library = getattr(self.app, "library", None)
        entry = library.get(self.hits[index].item.filing_path) if library is not None else None
        return entry.company if entry is not None else ""

    def row_chosen(self, index: int) -> None:
        self.post_message(self.HitChosen(index))


def hit_prompt(hit, company: str = "", styles: MarkStyles = DEFAULT) -> Text:
    """The label as printed (the synonym that found it), company, date and table; then each value with
    its period, under its unit, and `?` where the value is doubted."""
    item = hit.item
    text = Text(safe_text(item.label), style="bold", no_wrap=True, overflow="ellipsis")
    if item.group:
        text.append(f"   in {safe_text(item.group)}", style="dim")
    if hit.via:
        text.append(f"   ≈ {hit.via}", style="italic")
    filer = f"{safe_text(company)} · " if company else ""
    text.append(f"   {filer}{item.filing_date or '?'} · {safe_text(item.table_title)}", style="dim")
    text.append("\n ")
    unit = None
    for position, value in enumerate(item.values[:MAX_VALUES]):
        reading = item.readings[position] if position < len(item.readings) else None
        if reading is not None and reading.unit != unit:
            unit = reading.unit
            text.append(f" {unit or 'no unit'}:", style="dim")
        text.append(f" {safe_text(value)}")
        if reading is not None and reading.doubted:
            text.append(DOUBT_MARK, style=styles.doubt)
        if reading is not None:
            text.append(f" {reading.period or 'period not read'}", style="dim")
        text.append(" ·" if position + 1 < min(len(item.values), MAX_VALUES) else "", style="dim")
    if len(item.values) > MAX_VALUES:
        text.append("  …")
    return text
