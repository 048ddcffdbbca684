"""The export dialog: confirm or edit the path, whose extension picks the format (.csv, .tsv, .json,
.parquet, .xlsx); never inside the filings folder."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..data.export import refusal
from ..data.formats import MissingExtra, describe_formats, format_of, require
from ..data.text import safe_name


class ExportDialog(ModalScreen[Path | None]):
    """Returns the confirmed path, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, target: Path, roots: list[str]) -> None:
        super().__init__()
        self.target = target
        self.roots = roots
        self.overwrite_ok: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static(Content(f"Write to (the extension picks the format: {describe_formats()}; "
                                 "enter to confirm, escape to cancel):"))
            yield Input(str(self.target), id="export-path")
            yield Static(id="export-format")
            yield Static(id="export-message")

    def on_mount(self) -> None:
        self.query_one("#export-box").border_title = "Export"
        self.query_one(Input).focus()
        self.show_format(str(self.target))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_format(event.value)
        self.say("")

    def show_format(self, text: str) -> None:
        """Name the format the path's extension asks for, as it is typed."""
        fmt = format_of(Path(text.strip()))
        shown = f"Format: {fmt.upper()}" if fmt else f"No format for this extension: use {describe_formats()}"
        self.query_one("#export-format", Static).update(Content(shown))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip():
            self.say("Give a file name.")
            return
        if not path.is_absolute():
            path = Path.cwd() / path
        fmt = format_of(path)
        if fmt is None:
            self.say(f"✗ {safe_name(path.name)}: the extension picks the format: {describe_formats()}")
            return
        try:
            require(fmt)
        except MissingExtra as error:
            self.say(f"✗ {error}")
            return
        reason = refusal(path, self.roots)
        if reason:
            self.say(f"✗ {safe_name(str(path))}: {reason}")
            return
        if path.exists() and self.overwrite_ok != path:
            self.overwrite_ok = path
            self.say(f"{path.name} exists: press enter again to overwrite it.")
            return
        self.dismiss(path)

    def say(self, text: str) -> None:
        """Show a message under the path."""
        self.query_one("#export-message", Static).update(Content(text))

    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)
