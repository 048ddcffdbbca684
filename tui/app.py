"""The Textual browser: composes the screens, opens the folder index in a worker, exports and copies."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import sys
import threading
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.markup import escape
from textual.message import Message

from .data.library import Library
from .screens.main import MainScreen
from .screens.palette import JumpProvider

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from .dataset.browse import DatasetIndex
    from .index import FolderIndex

FIRST_PAINT_ENV = "COLT_TUI_FIRST_PAINT"
READY_ENV = "COLT_TUI_READY"  # benchmark hook: the index has opened (every cached filing can be opened)
LIST_ENV = "COLT_TUI_LIST_SHOWN"  # benchmark hook: the filing list shows the cached filings
SEARCH_READY_ENV = "COLT_TUI_SEARCH_READY"
SEARCH_REBUILD_SECONDS = 20.0
# Python's full (oldest-generation) garbage collection scans every object and holds the GIL: with a
# folder of thousands of filings it takes 100-450 ms, and by default it runs every second or two while
# a folder indexes, stalling keys. The app runs it 100 times less often (cycles are rare here).
FULL_COLLECTIONS_EVERY = 1000
EXIT_INTERRUPTED = 130  # what a shell reports for a command ended by Ctrl-C (128 + SIGINT)
INTERRUPTED = "colt-tui: interrupted"


class ColtApp(App):
    """colt-tui: read, search and compare the statements of EDGAR plain-text filings."""

    TITLE = "colt-tui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {JumpProvider}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+c", "interrupt", "Interrupt", show=False, id="interrupt"),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="help"),
    ]

    class IndexOpened(Message):
        """The worker listed the files and read what the cache holds for them."""

        def __init__(self, paths: list[str], summaries: list, note: str) -> None:
            super().__init__()
            self.paths = paths
            self.summaries = summaries
            self.note = note

    class FilingsIndexed(Message):
        """The worker parsed (or failed to parse) a batch of files."""

        def __init__(self, summaries: list) -> None:
            super().__init__()
            self.summaries = summaries

    class IndexFinished(Message):
        """Every file is parsed and the search index is complete."""

        def __init__(self, report) -> None:
            super().__init__()
            self.report = report

    def __init__(self, paths: list[str], cache: str | None = None, config=None, dataset: str | None = None) -> None:
        super().__init__()
        self.dataset = dataset  # a `colt-tui dataset` folder opened read-only instead of the paths
        self.config = config  # a tui.config.Config, applied on mount; None: the defaults
        self.export_folder = None
        self.config_problems: list[str] = []  # said as notes on mount
        self.paths = [str(path) for path in paths]
        self.cache = cache
        self.library = Library(self.paths)
        self.folder_index: FolderIndex | DatasetIndex | None = None
        self.index_report = None
        self.index = None
        self.last_copied = ""
        self._list_reported = False
        # The loading lifecycle, for tests and hooks to await (set once their message is handled):
        self.index_opened = asyncio.Event()  # the list shows every file, the cached ones filled in
        self.index_finished = asyncio.Event()  # every file is parsed and the search index is complete
        self.export_finished = asyncio.Event()  # the last export was written (or failed and said so)
        self.loader_stopped = threading.Event()  # the loading thread has returned (set from that thread)

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    def on_mount(self) -> None:
        self._collector = gc.get_threshold()
        gc.set_threshold(self._collector[0], self._collector[1], FULL_COLLECTIONS_EVERY)
        if os.environ.get(FIRST_PAINT_ENV):
            self.call_after_refresh(self._report_first_paint)
        if os.environ.get(LIST_ENV):
            self.call_after_refresh(self._first_frame_listed)
        if not self.is_headless:
            self._answer_sigint()
        if self.config is not None:
            from .settings import apply_config

            self.config_problems = apply_config(self, self.config)
            for problem in self.config_problems:
                self.notify(problem, severity="warning", markup=False, timeout=10)
            if self.config.keys:
                self.call_after_refresh(self._check_keymap)

    def _check_keymap(self) -> None:
        """Say which remapped names no binding has (after the first paint: this imports every screen)."""
        from .settings import unknown_bindings

        for problem in unknown_bindings(self.config, binding_ids()):
            self.config_problems.append(problem)
            self.notify(problem, severity="warning", markup=False, timeout=10)

    def on_unmount(self) -> None:
        gc.set_threshold(*self._collector)

    def _answer_sigint(self) -> None:
        """A SIGINT from outside (kill -INT; the terminal's own Ctrl-C arrives as a key) ends the app as Ctrl-C does."""
        try:
            asyncio.get_running_loop().add_signal_handler(signal.SIGINT, self.action_interrupt)
        except (NotImplementedError, RuntimeError, ValueError):  # not on this platform or thread: the default stays
            pass

    def _report_first_paint(self) -> None:
        """Benchmark hook: write the wall-clock time of the first paint, then exit."""
        self._report_time(FIRST_PAINT_ENV)

    def _report_time(self, variable: str) -> None:
        """Benchmark hook: write the wall-clock time to the file the variable names, then exit."""
        Path(os.environ[variable]).write_text(repr(time.time()))
        self.exit()

    def _first_frame_listed(self) -> None:
        """Benchmark hook, right after the first frame: report now if it listed cached filings (the glance)."""
        if self.library.previewed and not self._list_reported:
            self._list_reported = True
            self._report_time(LIST_ENV)

    def list_shown(self) -> None:
        """Benchmark hook: the opened index lists cached filings; report after the refresh that draws them
        (unless the first frame already did)."""
        if os.environ.get(LIST_ENV) and not self._list_reported:
            self._list_reported = True
            self.call_after_refresh(self._report_time, LIST_ENV)

    def preview_filings(self) -> None:
        """Fill the filing list from the cache before the first frame, without the index or the parser
        (see `tui.index.glance`); the index replaces these when it opens. Called from the main screen's
        compose."""
        if self.dataset is None:
            from .index.glance import glance

            self.library.add_previews(glance(self.paths, self.cache))

    def start_loading(self) -> None:
        """Open the folder index and start parsing, in a worker: called after the first frame, which the
        loading thread would otherwise slow down (imports in both threads share the GIL)."""
        self.load_filings()

    @work(thread=True, exclusive=True, group="load")
    def load_filings(self) -> None:
        """List the files, post what the cache holds, then parse what changed (on all cores) and index it."""
        from textual.worker import get_current_worker

        self.loader_stopped.clear()
        try:
            self._load(get_current_worker())
        finally:
            self.loader_stopped.set()

    def _load(self, worker) -> None:
        from .index import MEMORY, CacheLocationError, FolderIndex

        if self.dataset is not None:
            from .dataset.browse import DatasetIndex

            folder = DatasetIndex(self.dataset)
        else:
            try:
                folder = FolderIndex(self.paths, self.cache, notify=self.say_cache)
            except CacheLocationError as error:
                self.say_cache(f"{error}; keeping the index in memory")
                folder = FolderIndex(self.paths, MEMORY, notify=self.say_cache)
        self.folder_index = folder
        cached = [folder.summaries[p] for p in folder.ordered_paths if p in folder.summaries]
        self.post_message(self.IndexOpened(folder.ordered_paths, cached, folder.note))
        if cached:
            self.index = folder.search_index()
            if os.environ.get(SEARCH_READY_ENV):
                self.call_from_thread(self._report_time, SEARCH_READY_ENV)
        rebuilt = [time.monotonic()]

        def progress(done: int, total: int, records: list) -> None:
            self.post_message(self.FilingsIndexed([record.summary for record in records]))
            if time.monotonic() - rebuilt[0] > SEARCH_REBUILD_SECONDS and done < total:
                self.index = folder.search_index()  # search what is parsed so far while the rest parses
                rebuilt[0] = time.monotonic()

        report = folder.refresh(progress, stop=lambda: worker.is_cancelled)
        if report.parsed and not worker.is_cancelled:
            self.index = folder.search_index()
        self.post_message(self.IndexFinished(report))

    def say_cache(self, text: str) -> None:
        """Show what happened to the cache (a lock waited on, a rebuild, a move to memory), from any thread."""
        try:
            if threading.get_ident() == self._thread_id:
                self.notify(text, severity="warning", markup=False)
            else:
                self.call_from_thread(self.notify, text, severity="warning", markup=False)
        except RuntimeError:  # the app is closing: nothing left to show it on
            pass

    def on_colt_app_index_opened(self, message: IndexOpened) -> None:
        main = self._main
        if main is None:  # a late message while the app closes: nothing left to update
            return
        self.library.attach(self.folder_index)
        self.library.add_pending(message.paths)
        for summary in message.summaries:
            self.library.add(summary)
        if os.environ.get(READY_ENV):  # before the list's own callbacks: it fires once the list is painted
            self.call_after_refresh(self._report_time, READY_ENV)
        if message.summaries:
            self.list_shown()
        main.filings_arrived()
        if message.note:
            self.notify(message.note, severity="warning", markup=False)
        self.index_opened.set()

    def on_colt_app_filings_indexed(self, message: FilingsIndexed) -> None:
        main = self._main
        if main is None:
            return
        for summary in message.summaries:
            self.library.add(summary)
        main.filings_arrived([summary.path for summary in message.summaries])

    def on_colt_app_index_finished(self, message: IndexFinished) -> None:
        self.index_report = message.report
        main = self._main
        if main is not None:
            main.loading_progress(*self.library.progress)
        from .screens.search import SearchScreen

        for screen in self.screen_stack:
            if isinstance(screen, SearchScreen):  # opened while indexing: search the complete index now
                screen.index_complete(self.index)
        self.index_finished.set()

    @property
    def _main(self) -> MainScreen | None:
        """The main screen (the bottom of the screen stack), or None once the app is closing."""
        stack = self.screen_stack
        return stack[0] if stack and isinstance(stack[0], MainScreen) else None

    def action_interrupt(self) -> None:
        """Ctrl-C: quit as an interrupted command does (exit 130, one line); what is parsed stays cached."""
        self.exit(return_code=EXIT_INTERRUPTED, message=INTERRUPTED)

    def action_help(self) -> None:
        """Show the keys."""
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def copy_text(self, text: str, what: str) -> None:
        """Copy text to the clipboard (OSC 52) and keep it in `last_copied` for tests."""
        self.last_copied = text
        self.copy_to_clipboard(text)
        lines = text.count("\n")
        self.notify(f"Copied the {what} ({lines} line{'s' if lines != 1 else ''})." if lines else f"Copied the {what}.")

    def export_grid(self, grid, stem: str, sheet: str = "Export") -> None:
        """Ask where to write a grid (the format follows the extension), then write it in a worker."""
        from .data.export import default_target
        from .screens.export import ExportDialog

        target = default_target(stem, self.library.roots, self.export_folder)
        self.push_screen(ExportDialog(target, self.library.roots), lambda path: self._export_to(grid, path, sheet))

    def _export_to(self, grid, path, sheet: str = "Export") -> None:
        if path is not None:
            self.export_finished.clear()
            self.write_export(grid, path, sheet)

    @work(thread=True, group="export")
    def write_export(self, grid, path: Path, sheet: str = "Export") -> None:
        """Write the file off the event loop (whole or not at all) and report the outcome."""
        from .data.formats import BINARY, MissingExtra, format_of, write_grid
        from .data.text import safe_name
        from .output import OutputError, written

        shown = safe_name(str(path))
        fmt = format_of(path) or "csv"
        try:
            with written(path, shown, binary=fmt in BINARY) as out:
                rows = write_grid(grid, out, fmt, sheet)
        except OutputError as error:
            self.call_from_thread(self._exported, str(error), "error")
            return
        except MissingExtra as error:
            self.call_from_thread(self._exported, f"Could not write {shown}: {error}", "error")
            return
        self.call_from_thread(self._exported, f"Wrote {rows} rows to {shown} ({fmt})", "information")

    def _exported(self, message: str, severity: SeverityLevel) -> None:
        """Say how an export ended (paths shown literally) and mark it finished."""
        self.notify(message, severity=severity, markup=False)
        self.export_finished.set()

    def get_system_commands(self, screen):
        """The system commands plus every key binding of the current screen and the app."""
        system = list(super().get_system_commands(screen))
        yield from system
        seen = {command.title.casefold() for command in system}
        for active in screen.active_bindings.values():
            binding = active.binding
            own = active.node is screen or active.node is self
            title = binding.description
            if own and title and title.casefold() not in seen and active.enabled:
                seen.add(title.casefold())
                shown = self.get_key_display(binding)
                yield SystemCommand(binding.description, escape(f"key: {shown}"),
                                    partial(self._run, active.node, binding.action))

    def _run(self, node, action: str) -> None:
        """Run an action on the node that binds it."""
        self.call_later(self.run_action, action, node)


def binding_ids() -> list[str]:
    """Every binding id the [keys] table of the config can remap: the app's and its screens' (this imports
    every screen)."""
    from .screens.compare import CompareScreen
    from .screens.series import SeriesScreen

    ids = (getattr(binding, "id", None) for owner in (ColtApp, MainScreen, CompareScreen, SeriesScreen)
           for binding in owner.BINDINGS)
    return sorted(binding_id for binding_id in ids if binding_id)



def build_app(paths: list[str], cache: str | None = None, config=None, dataset: str | None = None) -> ColtApp:
    """The browser over files and folders (or a dataset folder, read-only); shared by the command line
    and the tests (which pass no config: the user's settings never reach them unless given)."""
    return ColtApp(paths, cache, config, dataset)


def run_app(paths: list[str], cache: str | None = None, dataset: str | None = None) -> int:
    """Open the browser on the given paths, with the user's config, and return the exit code (non-zero
    after an unexpected error)."""
    from .config import load_config

    app = build_app(paths, cache, load_config(), dataset)
    try:
        app.run()
    except KeyboardInterrupt:  # a SIGINT from outside the terminal (the terminal's Ctrl-C is a key)
        print(INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED
    return app.return_code or 0
