"""FIFOs, devices and sockets are not filings: each is reported in one line and never opened to read,
so nothing blocks on a FIFO or reads /dev/zero without end; the good filing beside them still loads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parser import load_filing, load_paths
from parser.files import Unreadable, read_regular, skip_reason

from tests_support import ready, rendered
from tests_support_hostile import make_special_folder, run_isolated
from tui.app import build_app
from tui.index.scan import list_paths
from tui.widgets.filing_list import ERROR_MARK

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


@pytest.fixture()
def special(tmp_path):
    """(folder, {name: reason}) for a good filing beside a FIFO, a link to /dev/zero and a socket."""
    folder = tmp_path / "filings"
    return folder, make_special_folder(folder)


def test_load_filing_refuses_each_without_reading(special):
    folder, reasons = special
    for name, reason in reasons.items():
        assert load_filing(folder / name).error == f"{name}: {reason}"
    assert load_filing(folder / "good.txt").error is None


def test_the_folder_listing_gives_each_its_reason(special):
    folder, reasons = special
    for name, reason in reasons.items():
        assert skip_reason(folder / name) == reason
    filings = {filing.name: filing for filing in load_paths([folder])}
    assert {name: filings[name].error for name in reasons} == {n: f"{n}: {r}" for n, r in reasons.items()}
    assert len(filings["good.txt"].tables) == 19
    listed = {os.path.basename(stat.path): stat.skip for stat in list_paths([str(folder)]).files}
    assert listed == {"good.txt": None, **reasons}


def test_a_symlink_to_a_regular_file_is_read(special):
    folder, _ = special
    (folder / "link.txt").symlink_to(folder / "good.txt")
    assert skip_reason(folder / "link.txt") is None
    assert len(load_filing(folder / "link.txt").tables) == 19


def test_the_read_is_bounded_even_when_the_size_says_nothing(tmp_path):
    """A file that grows past the limit after it was stat'ed is cut at limit + 1 bytes and refused."""
    path = tmp_path / "grows.txt"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(Unreadable, match="too large"):
        read_regular(path, 1000)
    assert read_regular(path, 5000) == b"x" * 5000


def test_a_fifo_swapped_in_after_the_stat_is_refused_on_the_open_descriptor(special, monkeypatch):
    """The fstat of the opened (non-blocking) descriptor catches a FIFO the first stat did not see."""
    folder, _ = special
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        swapped = isinstance(path, (str, os.PathLike)) and Path(path).name == "fifo.txt"
        return real_stat(folder / "good.txt") if swapped else real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    with pytest.raises(Unreadable, match="FIFO"):
        read_regular(folder / "fifo.txt", 10**6)


def test_commands_report_each_in_one_line_and_never_hang(special):
    """In a child process with a time limit: before the fix a FIFO blocked these forever."""
    folder, reasons = special
    commands = [["index", "--cache", ":memory:", str(folder)], ["facts", "--cache", ":memory:", str(folder)]]
    commands += [[command, str(folder / name)] for name in reasons for command in ("outline", "tables")]
    results = run_isolated(commands)
    for code, _out, err in results[:2]:
        assert code == 3
        assert sorted(err.splitlines()) == sorted(f"colt-tui: {n}: {r}" for n, r in reasons.items())
    assert results[0][1].startswith(f"{len(reasons) + 1} files: ")
    assert results[1][1].count("\n") > 100  # the good filing's facts
    for (code, out, err), (command, path) in zip(results[2:], commands[2:]):
        name = Path(path).name
        assert (code, out, err) == (2, "", f"colt-tui: {name}: {reasons[name]}\n"), command


async def test_the_app_marks_each_and_quits(special, tmp_path):
    folder, reasons = special
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        for name, reason in reasons.items():
            assert app.library.get(str(folder / name)).error == f"{name}: {reason}"
        listed = [app.library.get(path) for path in app.screen.filing_list.paths]
        assert [entry.name for entry in listed if entry.error] == sorted(reasons)
        assert app.library.get(str(folder / "good.txt")).error is None
        shown = rendered(app.screen.filing_list)
        assert all(f"{ERROR_MARK} {name}" in shown for name in reasons), shown
        await pilot.press("q")
    assert app.return_code == 0
