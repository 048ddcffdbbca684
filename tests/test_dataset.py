"""`colt-tui dataset`: the sample filings and real fixture filings parsed on a Dask LocalCluster (two
worker processes) into a Parquet dataset whose facts equal `colt-tui facts` row for row; incremental
runs parse only what changed; failures are rows; year filters are pushed down."""

from __future__ import annotations

import importlib.util
import json
import math
import os
import shutil
from pathlib import Path

import pytest

from parser.facts import FACT_COLUMNS
from tui.cli import main
from tui.dataset import build_dataset, open_dataset

REPO = Path(__file__).resolve().parents[1]
FIXTURES = ["06_aeroflex-10k-1995.txt", "11_microsoft-10k-1997.txt", "13_berkshire-13f-1999.txt"]


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(local)
    yield client
    client.close()
    local.close()


@pytest.fixture()
def folder(tmp_path):
    mine = tmp_path / "filings"
    mine.mkdir()
    for path in sorted((REPO / "filings").glob("*.txt")):
        shutil.copy(path, mine / path.name)
    for name in FIXTURES:
        shutil.copy(REPO / "tests" / "fixtures" / "extra" / name, mine / name)
    (mine / "empty.txt").write_bytes(b"")
    return mine


def normalised(record: dict) -> tuple:
    """A facts row compared by value: NaN and None alike, integral floats as ints."""
    values = []
    for name in FACT_COLUMNS:
        value = record.get(name)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            value = None
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        elif hasattr(value, "item"):  # numpy scalars
            value = value.item()
            value = int(value) if isinstance(value, float) and value.is_integer() else value
        values.append(value)
    return tuple(values)


def cli_facts(folder: Path, capsys) -> list[tuple]:
    capsys.readouterr()
    assert main(["facts", str(folder), "--format", "json", "--cache", ":memory:"]) == 3  # 3: one unreadable file
    return sorted(normalised(record) for record in json.loads(capsys.readouterr().out))


def dataset_facts(out: Path) -> list[tuple]:
    frame = open_dataset(out)
    return sorted(normalised(record) for record in frame.to_dict(orient="records"))


def test_the_datasets_facts_equal_colt_tui_facts_row_for_row(cluster, folder, tmp_path, capsys):
    out = tmp_path / "dataset"
    report = build_dataset([str(folder)], out, client=cluster, partition_size=2)
    assert (report.listed, report.parsed, report.failed, report.skipped) == (7, 7, 1, 0)
    expected = cli_facts(folder, capsys)
    assert len(expected) > 2_000 and dataset_facts(out) == expected
    for table in ("facts", "filings", "labels"):
        years = {p.name for p in (out / table).iterdir()}
        assert years and all(name.startswith("year=") for name in years)
    # Microsoft's 1997 10-K, filed 1997-09-29: its rows and only its rows under year=1997.
    in_1997 = open_dataset(out, filters=[("year", "=", 1997)])
    assert set(in_1997["year"]) == {1997} and set(in_1997["filing"]) == {"11_microsoft-10k-1997.txt"}
    filings = open_dataset(out, table="filings").set_index("name")
    assert filings.loc["empty.txt", "error"] == "empty.txt: empty file" and filings.loc["empty.txt", "n_facts"] == 0
    labels = open_dataset(out, table="labels")
    assert {"total assets", "net income"} <= set(labels["key"])

    again = build_dataset([str(folder)], out, client=cluster, partition_size=2)
    assert (again.parsed, again.skipped) == (0, 7)
    touched = folder / "11_microsoft-10k-1997.txt"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 1_000_000_000))
    third = build_dataset([str(folder)], out, client=cluster, partition_size=2)
    assert (third.parsed, third.skipped) == (1, 6)
    assert dataset_facts(out) == expected  # the older parse of the touched file is left out, not doubled


def test_a_retried_task_overwrites_its_own_files(cluster, folder, tmp_path):
    from parser import PARSER_VERSION
    from tui.dataset.tasks import parse_partition

    out = tmp_path / "dataset"
    files = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.glob("00*.txt"))]
    parse_partition(files, str(out), PARSER_VERSION)
    first = sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    rows = len(open_dataset(out))
    parse_partition(files, str(out), PARSER_VERSION)  # as the scheduler would on a lost worker
    assert sorted(p.relative_to(out) for p in out.rglob("*.parquet")) == first and len(open_dataset(out)) == rows


def test_the_command_line_on_a_running_scheduler(cluster, folder, tmp_path, capsys):
    out = tmp_path / "dataset"
    code = main(["dataset", str(folder), "--out", str(out), "--scheduler", cluster.scheduler.address,
                 "--partition-size", "3"])
    captured = capsys.readouterr()
    assert code == 0 and "7 filings: 7 parsed (1 unreadable" in captured.out
    assert "dashboard:" in captured.err


def test_without_the_extra_the_command_names_it(tmp_path, capsys, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a))
    code = main(["dataset", str(REPO / "filings"), "--out", str(tmp_path / "dataset")])
    error = capsys.readouterr().err
    assert code == 2 and "pip install 'colt-tui[dask]'" in error and error.count("\n") == 1
    assert not (tmp_path / "dataset").exists()


def test_an_fsspec_url_is_listed_and_read_on_the_workers(cluster, folder, tmp_path, capsys):
    out = tmp_path / "dataset"
    report = build_dataset([folder.as_uri()], out, client=cluster, partition_size=3)  # file:///...
    assert (report.listed, report.parsed, report.failed) == (7, 7, 1)
    facts = open_dataset(out)
    assert set(facts["source_path"]) >= {(folder / name).as_uri() for name in FIXTURES}
    assert dataset_facts(out) == cli_facts(folder, capsys)


def test_a_url_whose_filesystem_is_missing_is_one_line(tmp_path, capsys):
    code = main(["dataset", "nosuchfs://bucket/edgar/", "--out", str(tmp_path / "dataset")])
    error = capsys.readouterr().err
    assert code == 2 and error.startswith("colt-tui: nosuchfs://bucket/edgar/:") and error.count("\n") == 1
    assert not (tmp_path / "dataset").exists()


async def test_the_browser_opens_a_dataset_read_only(cluster, folder, tmp_path):
    from tests_support import ready
    from tui.app import build_app

    out = tmp_path / "dataset"
    build_dataset([str(folder)], out, client=cluster, partition_size=4)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    app = build_app([str(out)], ":memory:", dataset=str(out))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        names = sorted(app.library.get(p).name for p in app.screen.filing_list.paths)
        assert names == sorted(p.name for p in folder.iterdir())
        microsoft = next(p for p in app.screen.filing_list.paths if p.endswith("11_microsoft-10k-1997.txt"))
        assert "MICROSOFT" in app.library.get(microsoft).company.upper()
        hits = [hit for hit in app.index.search("total assets", 50) if hit.item.filing_path == microsoft]
        # Microsoft's 1997 balance sheet, line 2900: "Total assets  $10,093  $14,387".
        balance = next(hit for hit in hits if hit.item.table_title == "Balance Sheets")
        assert [value.strip("$ ") for value in balance.item.values] == ["10,093", "14,387"]
        assert balance.item.readings[1].period == "at 1997-06-30" and balance.item.readings[1].unit == "USD m"
        app.screen.show_table(microsoft, balance.item.table_index, balance.item.row_index)  # parsed on demand
        await pilot.pause()
        assert app.screen.content.table.title == "Balance Sheets"
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before  # nothing written into it


async def test_a_damaged_dataset_is_one_note_not_a_crash(tmp_path):
    from tests_support import ready
    from tui.app import build_app

    out = tmp_path / "dataset"
    (out / "filings" / "year=1997").mkdir(parents=True)
    (out / "filings" / "year=1997" / "part-x.parquet").write_bytes(b"PAR1 not really parquet")
    app = build_app([str(out)], ":memory:", dataset=str(out))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert app.is_running and app.screen.filing_list.paths == []
        assert app.folder_index.note.startswith(f"{out}: cannot read the dataset (")


def test_facts_without_their_filings_rows_are_not_shown(cluster, folder, tmp_path):
    out = tmp_path / "dataset"
    build_dataset([str(folder)], out, client=cluster, partition_size=4)
    shutil.rmtree(out / "filings")
    assert open_dataset(out).empty and open_dataset(out, table="filings").empty
