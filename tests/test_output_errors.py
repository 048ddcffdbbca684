"""Output errors: `facts -o` checked before parsing, written whole or not at all; standard output
closed, full or gone handled the same way by every command."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
FILINGS = ROOT / "filings"
SAMPLE = FILINGS / "001_e47b350a37731711.txt"
COMMANDS = [
    ["index", "filings"],
    ["facts", "filings"],
    ["facts", "filings", "--format", "json"],
    ["check", "filings"],
    ["check", "filings", "--summary"],
    ["outline", "filings/001_e47b350a37731711.txt"],
    ["tables", "filings/001_e47b350a37731711.txt"],
]


def facts(capsys, *args):
    code = main(["facts", *map(str, args)])
    return code, capsys.readouterr()


@pytest.mark.parametrize("where, reason", [
    ("missing/out.csv", "no such folder"),
    ("a-folder", "is a folder; give a file name"),
    ("filings/out.csv", "refusing to write inside the filings folder"),
])
def test_a_bad_output_path_is_refused_before_parsing(folder, tmp_path, capsys, where, reason):
    (tmp_path / "a-folder").mkdir()
    cache = tmp_path / "cache.sqlite3"
    code, out = facts(capsys, folder, "-o", tmp_path / where, "--cache", cache)
    assert code == 2 and out.out == ""
    assert out.err.count("\n") == 1 and out.err.startswith(f"colt-tui: {tmp_path / where}: {reason}"), out.err
    assert not cache.exists(), "parsing started before the output was checked"
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in FILINGS.iterdir())


def test_an_unwritable_output_folder_is_refused_before_parsing(folder, tmp_path, capsys, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    if os.access(locked, os.W_OK):  # root writes anywhere: say what the permission check would see
        monkeypatch.setattr("tui.output.os.access", lambda path, mode: Path(path) != locked)
    cache = tmp_path / "cache.sqlite3"
    code, out = facts(capsys, folder, "-o", locked / "out.csv", "--cache", cache)
    assert (code, out.out) == (2, "")
    assert out.err == f"colt-tui: {locked / 'out.csv'}: cannot write (permission denied)\n"
    assert not cache.exists() and list(locked.iterdir()) == []


def test_a_full_device_is_one_line(folder, tmp_path, capsys):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    code, out = facts(capsys, folder, "-o", "/dev/full", "--cache", tmp_path / "cache.sqlite3")
    assert (code, out.out, out.err) == (2, "", "colt-tui: /dev/full: cannot write (No space left on device)\n")


@pytest.mark.parametrize("failure, code, message", [
    (OSError(errno.ENOSPC, "No space left on device"), 2, "cannot write (No space left on device)"),
    (KeyboardInterrupt(), 130, "interrupted"),
])
def test_a_write_that_fails_halfway_leaves_the_old_file_and_no_partial_one(folder, tmp_path, capsys, monkeypatch,
                                                                           failure, code, message):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "facts.csv"
    target.write_text("the previous export\n")

    def half(self, out):
        out.write("filing,table\n001,1\n")
        raise failure

    monkeypatch.setattr("tui.index.folder.FolderIndex.write_facts_csv", half)
    got, out = facts(capsys, folder, "-o", target, "--cache", tmp_path / "cache.sqlite3")
    assert got == code and out.err.strip().endswith(message) and out.err.count("\n") == 1, out.err
    assert target.read_text() == "the previous export\n"
    assert [p.name for p in out_dir.iterdir()] == ["facts.csv"]


@pytest.mark.parametrize("form", ["csv", "json", "parquet"])
def test_a_finished_export_replaces_the_file_with_a_normal_mode(folder, tmp_path, capsys, form):
    target = tmp_path / f"facts.{form}"
    code, out = facts(capsys, folder, "--format", form, "-o", target, "--cache", tmp_path / "cache.sqlite3")
    assert (code, out.err) == (0, "")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    import pandas as pd

    frame = {"csv": pd.read_csv, "json": pd.read_json, "parquet": pd.read_parquet}[form](target)
    assert len(frame) > 500 and "EBITDA" in set(frame["line_item"])


def _run(args, **options):
    extra = ["--cache", os.environ["COLT_TUI_CACHE_DIR"] + "/out-errors.sqlite3"] if args[0] in ("index", "facts", "check") else []
    return subprocess.run([sys.executable, "-m", "tui", *args, *extra], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                          timeout=300, **options)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_closed_standard_output_is_refused_in_one_line(args):
    result = _run(args, preexec_fn=lambda: os.close(1))
    assert result.returncode == 2
    assert result.stderr == "colt-tui: standard output is closed; nothing would be written (redirect it, or give -o FILE)\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_full_standard_output_is_one_line(args):
    with open("/dev/full", "w") as full:
        result = _run(args, stdout=full)
    assert result.returncode == 2
    assert result.stderr.endswith("colt-tui: cannot write to standard output (No space left on device)\n")
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_reader_that_goes_away_ends_the_command_quietly(args):
    extra = ["--cache", os.environ["COLT_TUI_CACHE_DIR"] + "/out-errors.sqlite3"] if args[0] in ("index", "facts", "check") else []
    process = subprocess.Popen([sys.executable, "-m", "tui", *args, *extra], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    process.stdout.read(1)
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=300) == 0 and err == ""
