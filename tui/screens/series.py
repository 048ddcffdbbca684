"""A line item across every period of one company's loaded filings: a table and a small text chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ..data.chart import bars, sparkline
from ..data.compare import figure
from ..data.export import series_grid
from ..data.numbers import decimals_of
from ..data.series import Series
from ..data.text import safe_text
from ..widgets.mark_styles import mark_styles
from ..widgets.statement_table import DOUBT_MARK

if TYPE_CHECKING:
    from textual import getters

    from ..app import ColtApp

DERIVED_MARK = "Δ"
RESTATED_MARK = "R"


class SeriesScreen(Screen):
    """The points of a series, derived quarters marked Δ, with bars and a sparkline."""

    if TYPE_CHECKING:
        app = getters.app(ColtApp)  # typed: only ColtApp pushes this screen

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", key_display="esc", id="series.back"),
        Binding("e", "export", "Export", id="series.export"),
        Binding("y", "copy_row", "Copy row", id="series.copy_row"),
        Binding("Y", "copy_table", "Copy series", show=False, id="series.copy_table"),
        Binding("j", "cursor_down", "Down", show=False, id="series.cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="series.cursor_up"),
    ]

    def __init__(self, series: Series) -> None:
        super().__init__()
        self.series = series

    def compose(self) -> ComposeResult:
        yield Static(id="series-title")
        with VerticalScroll(id="series-body"):
            yield DataTable(cursor_type="row", id="series-table")
            yield Static(id="series-chart")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        series = self.series
        derived = sum(point.derived for point in series.points)
        restated = sum(bool(point.restated) for point in series.points)
        company = f"{safe_text(series.company)} · " if series.company else ""
        title = (f"Series: {company}{safe_text(series.label)} · {series.unit or 'no unit'} · "
                 f"{len(series.points)} periods")
        if derived:
            title += f" · {derived} derived ({DERIVED_MARK})"
        if restated:
            title += f" · {restated} restated ({RESTATED_MARK}: another filing printed a different figure)"
        doubtful = sum(bool(point.doubt) for point in series.points)
        if doubtful:
            title += f" · {doubtful} in doubt ({DOUBT_MARK})"
        self.query_one("#series-title", Static).update(Content(title))
        grid = self.query_one(DataTable)
        grid.add_columns(Text("Period", style="bold"), Text("Value", style="bold", justify="right"),
                         Text(" ", style="bold"), Text("Source", style="bold"))
        negative = mark_styles(self.app).negative
        for point in series.points:
            style = "italic" if point.derived else ""
            value = Text(safe_text(point.text), style=f"{style} {negative if point.value < 0 else ''}".strip(),
                         justify="right")
            mark = DERIVED_MARK if point.derived else RESTATED_MARK if point.restated else ""
            mark += DOUBT_MARK if point.doubt else ""
            source = point.source + "".join(f" · restated: {text} in {where}" for text, where in point.restated)
            source += f" · ? {point.doubt}" if point.doubt else ""
            grid.add_row(Text(point.period, style=style), value, Text(mark, style="bold" if point.restated else ""),
                         Text(safe_text(source), style="dim"))
        self.query_one("#series-chart", Static).update(Content(self.chart_text()))
        grid.focus()

    def chart_text(self) -> str:
        """Bars for the chartable points (quarters when available) and a sparkline."""
        points = self.series.chart_points()
        if not points:
            return "Nothing to chart."
        decimals = max(decimals_of(point.text) for point in points)
        labels = [f"{point.period}{' ' + DERIVED_MARK if point.derived else '  '}" for point in points]
        lines = bars(labels, [p.value for p in points], [figure(p.value, decimals) for p in points], width=24)
        lines += ["", f"trend  {sparkline([p.value for p in points])}"]
        legend = [f"{DERIVED_MARK} derived (e.g. Q1 = 6M − Q2)"] if any(p.derived for p in points) else []
        legend += ["▒ negative"] if any(p.value < 0 for p in points) else []
        if legend:
            lines += ["", "; ".join(legend)]
        return "\n".join(safe_text(line) for line in lines)

    def _row(self) -> int:
        return self.query_one(DataTable).cursor_row

    def action_export(self) -> None:
        """Export the series (the format follows the file's extension)."""
        words = ["series", self.series.company, self.series.label]
        stem = "_".join("_".join(word.split()) for word in words if word)
        stem = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem)[:100]
        self.app.export_grid(series_grid(self.series), stem, f"Series {self.series.label}")

    def action_copy_row(self) -> None:
        """Copy the highlighted point as TSV."""
        if self.series.points:
            self.app.copy_text(series_grid(self.series).to_tsv([self._row()]), "point as TSV")

    def action_copy_table(self) -> None:
        """Copy the whole series as TSV."""
        self.app.copy_text(series_grid(self.series).to_tsv(), "series as TSV")

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()
