"""`colt-tui index` and the app on the index: summary and failures in one line each, cache reuse, nothing
written into the filings folder."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from tests_support import ready
from tui.app import build_app

ROOT = Path(__file__).resolve().parents[1]
FILINGS = ROOT / "filings"


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_index_command_summary_failures_and_cache(cli, tmp_path):
    folder = tmp_path / "filings"
    shutil.copytree(FILINGS, folder)
    (folder / "empty.txt").write_bytes(b"")
    cache = tmp_path / "cache.sqlite3"
    before = hashes(folder)
    first = cli("index", folder, "--cache", cache)
    assert first.returncode == 3
    assert "4 files: 4 parsed, 0 from cache, 0 removed, 1 unreadable" in first.stdout
    assert first.stderr.strip().splitlines() == ["colt-tui: empty.txt: empty file"] or \
        [line for line in first.stderr.splitlines() if "empty.txt" in line] == first.stderr.strip().splitlines()
    second = cli("index", folder, "--cache", cache)
    # A failure kept in the cache is still reported on every run, not only when first parsed.
    assert "4 files: 0 parsed, 4 from cache, 0 removed, 1 unreadable" in second.stdout
    assert second.returncode == 3 and "colt-tui: empty.txt: empty file" in second.stderr
    facts = cli("facts", folder, "--cache", cache)
    assert facts.stdout == cli("facts", folder, "--cache", ":memory:").stdout
    assert hashes(folder) == before and sorted(p.name for p in folder.iterdir()) == sorted(before)


def test_index_refuses_a_cache_inside_the_folder(cli, tmp_path):
    folder = tmp_path / "filings"
    shutil.copytree(FILINGS, folder)
    before = hashes(folder)
    result = cli("index", folder, "--cache", folder / "cache.sqlite3")
    assert result.returncode == 2 and "refusing to put the cache inside" in result.stderr
    assert "Traceback" not in result.stderr and hashes(folder) == before


async def test_app_reopens_from_the_cache(tmp_path):
    folder = tmp_path / "filings"
    shutil.copytree(FILINGS, folder)
    cache = str(tmp_path / "cache.sqlite3")
    for expected_parsed in (3, 0):
        app = build_app([str(folder)], cache)
        async with app.run_test(size=(100, 30)) as pilot:
            await ready(app, pilot)
            assert app.index_report.parsed == expected_parsed and app.library.progress == (3, 3)
            assert app.screen.content.filing.name.startswith("000")
            await pilot.press("slash", *"ebitda")
            assert app.screen.hits[0].item.label == "EBITDA (1)"


async def test_app_parses_a_larger_folder_on_a_process_pool(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    sources = sorted(FILINGS.iterdir())
    for k in range(12):
        (folder / f"{k:03d}_{sources[k % 3].name}").write_bytes(sources[k % 3].read_bytes())
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        assert app.index_report.parsed == 12 and not app.index_report.failed
        assert app.library.progress == (12, 12)
        assert "12 files" in str(app.screen.query_one("#status").render())


def test_index_reports_folder_entries_that_are_not_filings(cli, tmp_path):
    folder = tmp_path / "filings"
    shutil.copytree(FILINGS, folder)
    (folder / "sub").mkdir()
    (folder / "sub" / "inside.txt").write_bytes(b"x")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    result = cli("index", folder, "--cache", tmp_path / "cache.sqlite3")
    assert result.returncode == 3 and "5 files: 5 parsed" in result.stdout
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and errors[0].startswith("colt-tui: report.pdf: not a plain-text filing")
    assert errors[1].startswith("colt-tui: sub: a folder")


def test_browser_refuses_a_cache_inside_the_folder_and_a_bare_cache_option(cli, tmp_path):
    folder = tmp_path / "filings"
    shutil.copytree(FILINGS, folder)
    before = hashes(folder)
    inside = cli(folder, "--cache", folder / "cache.sqlite3")
    assert inside.returncode == 2 and "refusing to put the cache inside" in inside.stderr
    escaped = cli(folder, "--cache", folder / "cache\x1b[31m.sqlite3")  # a terminal escape in the name
    assert escaped.returncode == 2 and "refusing to put the cache inside" in escaped.stderr
    assert "\x1b" not in escaped.stderr and len(escaped.stderr.splitlines()) == 1
    bare = cli("--cache")
    assert (bare.returncode, bare.stderr) == (2, "colt-tui: --cache needs a FILE\n")
    misplaced = cli("--cache", "x", "index", folder)
    assert (misplaced.returncode, misplaced.stderr) == (2, "colt-tui: give --cache FILE after the command\n")
    assert hashes(folder) == before


def test_index_names_a_cache_with_a_terminal_escape_escaped(cli, tmp_path):
    folder = tmp_path / "filings"
    shutil.copytree(FILINGS, folder)
    result = cli("index", folder, "--cache", tmp_path / "cache\x1b[31m\n.sqlite3")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and result.stdout.splitlines()[-1].startswith("cache: ")
    assert len(result.stdout.splitlines()) == 2  # the summary line, then the cache on one line
