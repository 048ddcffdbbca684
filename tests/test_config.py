"""The user's config file: its theme and a remapped key take effect in the app, the export dialog starts
in its folder, and every problem is one line (a note in the app, a line of --print-config), never a
traceback; tests never read the real user config."""

from __future__ import annotations

from pathlib import Path

from tests_support import ready
from tui.app import build_app
from tui.cli import main
from tui.config import load_config
from tui.screens.search import SearchScreen

FILINGS = Path(__file__).resolve().parents[1] / "filings"


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_the_theme_a_remapped_key_and_the_export_folder_take_effect(tmp_path):
    exports = tmp_path / "exports"
    exports.mkdir()
    config = load_config(write_config(tmp_path, f'theme = "nord"\nexport_folder = "{exports}"\n'
                                                '[keys]\nsearch = "ctrl+f"\n'))
    assert config.problems == ()
    app = build_app([str(FILINGS)], config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert app.theme == "nord"
        await pilot.press("slash")  # no longer the search key
        assert not isinstance(app.screen, SearchScreen)
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        app.screen.show_table(str(FILINGS / "001_e47b350a37731711.txt"), 5)
        await pilot.pause()
        await pilot.press("e")
        target = Path(app.screen.query_one("#export-path").value)
        assert target.parent == exports.resolve()


async def test_problems_are_one_line_each_and_the_rest_applies(tmp_path):
    config = load_config(write_config(tmp_path, 'theme = "no-such-theme"\ncolour = 3\n[keys]\nnope = "x"\n'
                                                'series = "S"\n'))
    app = build_app([str(FILINGS)], config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        notes = app.config_problems  # each also shown as a note
        assert any("unknown theme 'no-such-theme'" in n for n in notes)
        assert any("unknown setting 'colour'" in n for n in notes)
        assert any("no binding 'nope'" in n for n in notes)
        assert all("\n" not in n for n in notes)
        assert app.theme == "textual-dark"
        main_screen = app.screen  # the good remap still applies: S opens the series
        main_screen.show_table(str(FILINGS / "001_e47b350a37731711.txt"), 5)
        await pilot.pause()
        grid = main_screen.content.statement.grid
        grid.focus()
        main_screen.content.statement.grid.highlight_row(main_screen.content.table.find_row("Total assets").index)
        await pilot.press("S")
        assert type(app.screen).__name__ == "SeriesScreen"


def test_a_broken_or_odd_config_file_is_one_line(tmp_path):
    broken = load_config(write_config(tmp_path, 'theme = "nord\n'))
    assert len(broken.problems) == 1 and "not valid TOML" in broken.problems[0] and broken.theme is None
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert load_config(folder).problems == (f"{folder}: is a folder, not a config file",)
    missing = load_config(tmp_path / "none.toml")
    assert not missing.found and missing.problems == ()
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00theme")
    assert load_config(binary).problems == (f"{binary}: not UTF-8 text",)


def test_print_config_says_where_and_what(tmp_path, monkeypatch, capsys):
    path = write_config(tmp_path, 'theme = "dracula"\n[keys]\ncompare = "ctrl+k"\n')
    monkeypatch.setenv("COLT_TUI_CONFIG", str(path))
    assert main(["--print-config"]) == 0
    out = capsys.readouterr().out
    assert f"config file: {path} (read)" in out and "theme = 'dracula'" in out and "keys.compare = 'ctrl+k'" in out
    assert "binding ids for [keys]:" in out and " search," in out and "problem" not in out
