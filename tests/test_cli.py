"""The command line as a user runs it: output, exit codes, and never writing into the filings folder. The
commands run in-process (the `cli` fixture); the last tests start real processes, as a shell does."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FILINGS = ROOT / "filings"
F001 = FILINGS / "001_e47b350a37731711.txt"


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_help_and_version(cli):
    assert cli("--help").returncode == 0 and "facts" in cli("--help").stdout
    version = cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("colt-tui ")


def test_facts_csv_has_the_contract_columns_and_real_values(cli):
    result = cli("facts", FILINGS)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    for name in ("filing", "table", "table_title", "statement", "row", "group", "line_item", "column",
                 "column_label", "period_end", "months", "currency", "scale", "value", "kind", "raw", "line"):
        assert name in rows[0]
    total_assets = [r for r in rows if r["line_item"] == "Total assets" and r["period_end"] == "2004-06-30"
                    and r["currency"] == "GBP"]
    assert len(total_assets) == 1
    fact = total_assets[0]
    assert (fact["value"], fact["scale"], fact["months"], fact["line"]) == ("2284872.0", "1000", "0", "497")
    assert fact["column_label"] == "At 30 June 2004 | GBP'000"
    assert fact["statement"] == "balance" and fact["table_title"] == "Consolidated Balance Sheet"
    assert {r["filing"] for r in rows} == {"001_e47b350a37731711.txt"}


def test_facts_json_and_parquet(cli, tmp_path):
    result = cli("facts", F001, "--format", "json")
    records = json.loads(result.stdout)
    turnover = [r for r in records if r["table"] == 1 and r["line_item"] == "Turnover" and r["column"] == 3]
    assert turnover[0]["value"] == 301233 and turnover[0]["period_end"] == "2004-06-30"
    out = tmp_path / "facts.parquet"
    assert cli("facts", F001, "--format", "parquet", "-o", out).returncode == 0
    import pandas as pd

    frame = pd.read_parquet(out)
    assert len(frame) == len(records)


def test_facts_refuses_to_write_into_the_filings_folder(cli, tmp_path):
    folder = tmp_path / "filings"
    folder.mkdir()
    (folder / "a.txt").write_bytes(F001.read_bytes())
    before = _hashes(folder)
    result = cli("facts", folder, "-o", folder / "facts.csv")
    assert result.returncode == 2 and "refusing to write inside" in result.stderr
    assert _hashes(folder) == before


def test_outline_prints_one_heading_a_line_indented_by_level(cli):
    lines = cli("outline", F001).stdout.splitlines()
    assert lines[0].startswith("Cover page")
    assert "  Consolidated Balance Sheet  [474-525]" in lines
    assert "      5b. EBITDA reconciliation  [770-801]" in lines


def test_tables_lists_and_shows(cli):
    listing = cli("tables", F001).stdout.splitlines()
    assert len(listing) == 20
    assert "Consolidated Balance Sheet" in listing[6] and "balance" in listing[6]
    shown = cli("tables", F001, "--show", "5").stdout
    total_line = next(line for line in shown.splitlines() if line.startswith("Total assets"))
    assert total_line.split()[-3:] == ["2,423,038", "2,284,872", "4,141,559"]
    assert cli("tables", F001, "--show", "99").returncode == 2


def test_check_passes_on_the_samples_and_fails_on_a_bad_total(cli, tmp_path):
    good = cli("check", FILINGS)
    assert good.returncode == 0
    assert "001_e47b350a37731711.txt: 19 tables" in good.stdout and " 0 do not" in good.stdout
    assert "    ok   Total fixed assets = Intangible fixed assets (net) + Tangible fixed assets (net) + " \
        "Investments in own shares  [3 columns]" in good.stdout
    broken = tmp_path / "broken.txt"
    broken.write_text(F001.read_text().replace("Total assets                             2,423,038",
                                               "Total assets                             2,423,083"))
    bad = cli("check", broken)
    assert bad.returncode == 1
    # Only the changed cell (Total assets, 31 December 2003) stops footing: Total fixed assets +
    # Total current assets = 2,423,038, so the check reads printed 2,423,083, difference +45.
    assert re.search(r"^  table 5 \(Consolidated Balance Sheet\): \d+ checks, 1 do not foot$", bad.stdout, re.M)
    failures = [line for line in bad.stdout.splitlines() if line.startswith("      FAIL")]
    assert any("line 497, column 0" in line and "difference +45" in line for line in failures)


def test_commands_leave_the_filings_folder_unchanged(cli):
    before = _hashes(FILINGS)
    for args in (("facts", FILINGS), ("outline", F001), ("tables", F001), ("check", FILINGS)):
        cli(*args)
    assert _hashes(FILINGS) == before


@pytest.mark.parametrize("args", [("outline", "nope.txt"), ("facts", "nope/"), ("check", "nope")])
def test_missing_paths_give_one_line(cli, args):
    result = cli(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nope" in result.stderr and "Traceback" not in result.stderr


def run_process(*command, cwd=ROOT):
    return subprocess.run([*map(str, command)], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_python_dash_m_runs_the_command_line_with_its_exit_code(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text(F001.read_text().replace("Total assets                             2,423,038",
                                               "Total assets                             2,423,083"))
    bad = run_process(sys.executable, "-m", "tui", "check", broken, "--cache", ":memory:")
    assert bad.returncode == 1 and "1 do not foot" in bad.stdout and bad.stderr == ""
    missing = run_process(sys.executable, "-m", "tui", "outline", "nope.txt")
    assert missing.returncode == 2 and missing.stderr == "colt-tui: nope.txt: no such file or folder\n"


def test_the_console_script_is_installed():
    script = Path(sys.executable).with_name("colt-tui")
    if not script.exists():
        pytest.skip("not installed in this environment (pip install -e .)")
    version = run_process(script, "--version")
    assert version.returncode == 0 and version.stdout.startswith("colt-tui ")
    outline = run_process(script, "outline", F001)
    assert outline.returncode == 0 and "  Consolidated Balance Sheet  [474-525]" in outline.stdout.splitlines()


def test_opening_the_browser_loads_no_command_and_no_parser():
    # The start-up path: `colt-tui FOLDER` reaches the app through the command line's three small modules.
    code = ("import sys, types; app = types.ModuleType('tui.app'); sys.modules['tui.app'] = app; "
            "app.run_app = lambda *args, **options: print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('tui', 'parser', 'pandas', 'textual'))) or 0; "
            "from tui.cli import main; main(['filings'])")
    result = run_process(sys.executable, "-c", code)
    loaded = "['tui', 'tui.app', 'tui.cli', 'tui.cli.arguments', 'tui.cli.browse', 'tui.cli.errors']"
    assert result.stdout.strip() == loaded
