"""Never a confident wrong number, cell by cell, on the hand-read truth of the real filings
and of the written held-out filings.

For every cell of tests/fixtures/truth/*.tsv (read off the filings by hand; see the README
there) and of tests/fixtures/heldout/*.tsv (filings written and read blind; see its README), each fact `colt-tui facts` prints on the cell's line with its value and line item may
leave the period blank (with a doubt saying why), but a period it does give is the truth's; and
where the period is right, a currency and scale given without a unit doubt are the truth's.
How many cells are read completely is measured by benchmarks/accuracy.py, not asserted here.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from accuracy import FILINGS, norm_label, read_truth  # noqa: E402

from parser import facts_frame, load_filing  # noqa: E402

TRUTH = read_truth()
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
WRITTEN = read_truth(HELDOUT)


def _path(filing: str) -> Path:
    return HELDOUT / filing if filing in WRITTEN else FILINGS / filing


@cache
def facts_by_line(filing: str) -> dict[int, list[dict]]:
    frame = facts_frame([load_filing(_path(filing))])
    by_line: dict[int, list[dict]] = {}
    for record in frame.astype({"months": object}).fillna("").to_dict("records"):
        by_line.setdefault(int(record["line"]), []).append(record)
    return by_line


def _groups():
    """Truth cells grouped by filing, line, line item and value: a line may print one value in
    several columns (a nil in each year), and each fact must then match one of them."""
    groups: dict[tuple, list] = {}
    for filing, cells in [*TRUTH.items(), *WRITTEN.items()]:
        for cell in cells:
            groups.setdefault((filing, cell.line, norm_label(cell.line_item), cell.value), []).append(cell)
    for (filing, line, _label, _value), cells in groups.items():
        yield pytest.param(cells, id=f"{filing[:12]}-{line}-{cells[0].raw.strip()}")


def _months(record) -> str:
    return "" if record["months"] == "" else str(int(record["months"]))


def test_truth_covers_fifteen_filings_of_ten_companies_and_four_hundred_cells():
    assert len(TRUTH) >= 15
    assert sum(len(cells) for cells in TRUTH.values()) >= 400
    companies = {load_filing(FILINGS / filing).company.split()[0].lower() for filing in TRUTH}
    assert len(companies) >= 10, companies


def test_written_heldout_truth_covers_eighteen_filings():
    assert len(WRITTEN) == 18
    assert sum(len(cells) for cells in WRITTEN.values()) >= 500


@pytest.mark.parametrize("cells", list(_groups()))
def test_no_confident_wrong_period_or_unit(cells):
    first = cells[0]
    periods = {(cell.period_end, cell.months) for cell in cells}
    units = {(cell.period_end, cell.months): (cell.currency, cell.scale) for cell in cells}
    candidates = [
        record for record in facts_by_line(first.filing).get(first.line, [])
        if abs(float(record["value"]) - first.value) < 1e-6 and norm_label(record["line_item"]) == norm_label(first.line_item)
    ]
    if first.filing in WRITTEN and len(candidates) > len(cells):
        # the written filings' truth samples columns: the same value in an unsampled column may
        # have another period or currency; each sampled cell must still be one of the facts (its
        # unit right or doubted), or a fact left blank with a doubt
        blank = any(not record["period_end"] and "period not read" in record["doubt"] for record in candidates)
        for cell in cells:
            same = [record for record in candidates if (record["period_end"], _months(record)) == (cell.period_end, cell.months)]
            assert blank or any(
                "unit not read" in record["doubt"]
                or (record["currency"], float(record["scale"])) == (cell.currency, float(cell.scale))
                for record in same
            ), (cell, candidates)
        return
    for record in candidates:
        period = (record["period_end"], _months(record))
        if record["period_end"]:
            assert period in periods, record
        else:
            assert "period not read" in record["doubt"] or ("", "") in periods, record
        if period in units and "unit not read" not in record["doubt"]:
            currency, scale = units[period]
            assert (record["currency"], float(record["scale"])) == (currency, float(scale)), record
