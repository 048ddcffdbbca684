"""Files that are not clean ASCII filings: the parser never raises, and says what went wrong.

Every file is written by the test into tmp_path. Bad files (empty, binary, HTML) give a
Filing whose `.error` is one line naming the file; odd but readable files (Latin-1, cp1252,
cut off inside a table) parse, with a warning.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from parser import Filing, load_filing, load_paths

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "filings"
GOOD = sorted(path.name for path in SAMPLES.glob("*.txt"))
SAMPLE_001 = SAMPLES / "001_e47b350a37731711.txt"

BAD = ("empty.txt", "binary.txt", "page.txt")          # give .error
ODD = ("latin1.txt", "cp1252.txt", "truncated.txt")    # parse, with warnings

ENCODING_WARNING = re.compile(r"encod|decod|latin|cp1252|windows-1252|utf-?8", re.I)
UNCLOSED_WARNING = re.compile(
    r"unclosed|unterminated|not closed|never closed|without\s*</TABLE>|no\s*</TABLE>"
    r"|missing\s*</TABLE>|truncat", re.I)

# A small UK results release; {q1} {q2} are the quotes, {dash} the dash. In £'000:
# Gross profit = Turnover + Cost of sales: 48,612 - 29,870 = 18,742; 45,230 - 28,114 = 17,116.
RELEASE = """FORM 6-K

                      SECURITIES AND EXCHANGE COMMISSION
                             Washington, D.C. 20549

                          For the month of May 2003

                           BRAMBLE PUBLISHING plc
                 (Translation of Registrant's Name into English)

12 May 2003

        BRAMBLE PUBLISHING PLC {dash} RESULTS FOR THE YEAR ENDED 31 MARCH 2003

Turnover rose to £48.6 million. {q1}A good year for the Café titles,{q2} said the
Chairman.

<TABLE>
<CAPTION>
                                         Year ended 31 March
                                        2003            2002
                                       £'000           £'000
<S>                                    <C>             <C>
Turnover                               48,612          45,230
Cost of sales                         (29,870)        (28,114)
                                      --------        --------
Gross profit                           18,742          17,116
</TABLE>

All figures are unaudited.
"""
TURNOVER_LINE = 24  # 1-based line of "Turnover  48,612  45,230" in RELEASE

HTML = """<html>
<head><title>ACME CORP 10-Q</title></head>
<body>
<h1>ACME CORP</h1>
<table border="1">
<tr><td>Net sales</td><td>1,234</td><td>1,101</td></tr>
<tr><td>Cost of sales</td><td>(800)</td><td>(750)</td></tr>
</table>
</body>
</html>
"""


def write_bad_files(folder: Path) -> dict[str, Path]:
    """Write every bad and odd file into `folder`; return name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / name for name in BAD + ODD}
    paths["empty.txt"].write_bytes(b"")
    noise = random.Random(20040721).randbytes(4096)
    paths["binary.txt"].write_bytes(b"\x00\x01\x02PK\x03\x04" + noise + b"\x00" * 64)
    paths["page.txt"].write_text(HTML, encoding="ascii")
    latin1 = RELEASE.format(q1='"', q2='"', dash="-")
    paths["latin1.txt"].write_bytes(latin1.encode("latin-1"))
    cp1252 = RELEASE.format(q1="\u201c", q2="\u201d", dash="\u2013")
    paths["cp1252.txt"].write_bytes(cp1252.encode("cp1252"))
    lines = SAMPLE_001.read_text(encoding="ascii").splitlines(keepends=True)
    # Lines 1-343 whole, then the first 30 characters of line 344 ("Exchange gain/(loss)  5,115"):
    # cut inside the three-month Consolidated Profit and Loss Account (<TABLE> at line 303).
    paths["truncated.txt"].write_text("".join(lines[:343]) + lines[343][:30], encoding="ascii")
    return paths


@pytest.fixture
def bad_files(tmp_path) -> dict[str, Path]:
    return write_bad_files(tmp_path / "bad")


def find_row(filing: Filing, label: str):
    """(table, row) of the first row labelled `label` in any table."""
    for table in filing.tables:
        row = table.find_row(label)
        if row is not None:
            return table, row
    raise AssertionError(f"no row {label!r} in {[t.title for t in filing.tables]}")


@pytest.mark.parametrize("name", BAD)
def test_bad_file_gives_one_line_error(bad_files, name):
    filing = load_filing(bad_files[name])
    assert isinstance(filing, Filing)
    assert filing.error, f"{name}: no error"
    assert "\n" not in filing.error and "\r" not in filing.error, filing.error
    assert name in filing.error, filing.error
    assert filing.tables == ()
    assert "Traceback" not in filing.error


def test_load_filing_accepts_str_paths(bad_files):
    filing = load_filing(str(bad_files["empty.txt"]))
    assert filing.error and "empty.txt" in filing.error


def test_missing_file_gives_error_not_exception(tmp_path):
    filing = load_filing(tmp_path / "no_such_filing.txt")
    assert filing.error and "no_such_filing.txt" in filing.error
    assert "\n" not in filing.error


@pytest.mark.parametrize("name", ["latin1.txt", "cp1252.txt"])
def test_legacy_encodings_parse(bad_files, name):
    filing = load_filing(bad_files[name])
    assert filing.error is None, filing.error
    assert filing.form == "6-K"
    text = "\n".join(filing.lines)
    assert "£48.6 million" in text
    assert "Café titles" in text
    assert any(ENCODING_WARNING.search(w) for w in filing.warnings), filing.warnings
    assert len(filing.tables) == 1
    table, row = find_row(filing, "Turnover")
    assert row.line == TURNOVER_LINE
    assert [cell.value for cell in row.cells] == [48612, 45230]
    assert [column.currency for column in table.columns] == ["GBP", "GBP"]
    assert [column.scale for column in table.columns] == [1000, 1000]
    assert [column.label[-1] for column in table.columns] == ["£'000", "£'000"]
    _, cost = find_row(filing, "Cost of sales")
    assert [cell.value for cell in cost.cells] == [-29870, -28114]
    _, gross = find_row(filing, "Gross profit")
    assert [cell.value for cell in gross.cells] == [18742, 17116]
    assert table.checks and table.failed_checks == ()


def test_cp1252_smart_quotes_decoded(bad_files):
    """0x93/0x94/0x96 are cp1252 quotes and dash, not Latin-1 control characters."""
    filing = load_filing(bad_files["cp1252.txt"])
    text = "\n".join(filing.lines)
    assert "\u201cA good year for the Café titles,\u201d" in text
    assert "PLC \u2013 RESULTS" in text
    assert not re.search("[\x80-\x9f]", text)


def test_truncated_inside_table(bad_files):
    filing = load_filing(bad_files["truncated.txt"])
    assert filing.error is None, filing.error
    assert filing.form == "6-K"
    assert any(UNCLOSED_WARNING.search(w) for w in filing.warnings), filing.warnings
    # The Key financial data table (lines 148-176) stands whole before the cut.
    table, turnover = find_row(filing, "Turnover")
    assert turnover.line == 157
    assert [cell.value for cell in turnover.cells] == [293.0, 301.2, 564.7, 602.3]
    assert table.columns[3].currency == "GBP" and table.columns[3].scale == 1_000_000
    assert table.columns[3].period is not None
    assert (table.columns[3].period.end.isoformat(), table.columns[3].period.months) == (
        "2004-06-30", 6)
    ebitda = table.find_row("EBITDA (1)")
    assert ebitda is not None and ebitda.cell(3).value == pytest.approx(84.7)


def test_truncated_table_keeps_rows_before_the_cut(bad_files):
    """The cut-off P&L still yields the rows printed before the cut, none after."""
    filing = load_filing(bad_files["truncated.txt"])
    turnover_rows = [(t, r) for t in filing.tables for r in t.rows if r.line == 317]
    assert len(turnover_rows) == 1, "the unclosed table's rows are lost"
    table, turnover = turnover_rows[0]
    assert turnover.label == "Turnover"
    assert [cell.value if cell else None for cell in turnover.cells] == [
        292967, 0, 292967, 301233, 546015]
    assert max(row.line for row in table.rows) <= 344


def test_load_paths_on_folder_with_bad_files(bad_files):
    folder = bad_files["empty.txt"].parent
    for name in GOOD:
        shutil.copy(SAMPLES / name, folder / name)
    filings = load_paths([folder])
    assert all(isinstance(filing, Filing) for filing in filings)
    by_name = {Path(filing.path).name: filing for filing in filings}
    assert sorted(by_name) == sorted(GOOD + list(BAD + ODD))
    for name in GOOD + list(ODD):
        assert by_name[name].error is None, by_name[name].error
    sample = by_name[SAMPLE_001.name]
    assert len(sample.tables) >= 10  # ten <TABLE> blocks, some holding several tables
    _, turnover = find_row(sample, "Turnover")
    assert turnover.cell(3).value == pytest.approx(602.3)
    for name in BAD:
        error = by_name[name].error
        assert error and "\n" not in error and name in error


def test_cli_reports_bad_files_in_one_line_each(cli, tmp_path):
    folder = tmp_path / "mixed"
    write_bad_files(folder)
    for name in GOOD:
        shutil.copy(SAMPLES / name, folder / name)
    for args in (["facts", str(folder), "--format", "csv"], ["check", str(folder)]):
        result = cli(*args)
        output = result.stdout + result.stderr
        assert "Traceback" not in output, (args, output[-2000:])
        assert result.returncode >= 0, (args, result.returncode)
        err_lines = result.stderr.splitlines()
        for name in BAD:
            naming = [line for line in err_lines if name in line]
            assert len(naming) == 1, (args, name, result.stderr)
        if args[0] == "facts":
            # 000 and 002 hold no tables, so no facts; 001 holds many.
            assert SAMPLE_001.name in result.stdout, result.stdout[:500]
            assert "latin1.txt" in result.stdout and "truncated.txt" in result.stdout
            assert not any(name in result.stdout for name in BAD)
