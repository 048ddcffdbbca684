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
