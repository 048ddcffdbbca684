"""Terminal safety: control characters, escapes and markup in a filing never reach the terminal as commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

HOSTILE = """FORM 6-K

                          For the month of May 2003

                           BRAMBLE PUBLISHING plc

12 May 2003

        BRAMBLE \x1b[31mRESULTS\x1b[0m\x07 FOR THE YEAR\x08\x08 [red]x[/red]\x9b1m ENDED 31 MARCH 2003

Turnover rose sharply. \x1b]0;owned\x07 Title set.

                        Segment \x1b[2J analysis [red]x[/red]

<TABLE>
<CAPTION>
                                         Year ended 31 March
                                        2003            2002
                                       GBP'000         GBP'000
<S>                                    <C>             <C>
Turnover \x1b[31mred\x1b[0m                      48,612          45,230
Costs\x07\x08 [red]x[/red]                       (29,870)        (28,114)
Total \x1b[1mprofit                           18,742          17,116
</TABLE>
"""

# Any C0 control except newline and tab, DEL, and the C1 range (8-bit CSI among them).
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


@pytest.fixture()
def hostile(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [("outline",), ("tables", "--show", "0"), ("facts",), ("check", "-v")])
def test_cli_output_carries_no_raw_control_bytes(hostile, args):
    result = subprocess.run([sys.executable, "-m", "tui", *args, str(hostile)], capture_output=True,
                            cwd=ROOT, timeout=120)
    assert b"Traceback" not in result.stderr
    for stream in (result.stdout, result.stderr):
        text = stream.decode("utf-8")
        assert not RAW_CONTROL.search(text), (args, RAW_CONTROL.findall(text))
    out = result.stdout.decode("utf-8")
    assert "\\x1b" in out, (args, out)
    if args[0] == "outline":
        assert "\\x1b[31mRESULTS\\x1b[0m\\x07" in out and "\\x08\\x08 [red]x[/red]\\x9b1m" in out
    if args[0] == "check":
        assert "Total \\x1b[1mprofit = Turnover \\x1b[31mred\\x1b[0m + Costs\\x07\\x08 [red]x[/red]" in out
    if args[0] in ("tables", "facts"):
        assert "Costs\\x07\\x08 [red]x[/red]" in out and "Turnover \\x1b[31mred\\x1b[0m" in out
