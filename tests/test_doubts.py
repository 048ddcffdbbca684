"""Numbers read with doubt say so: the facts table's doubt column."""

from __future__ import annotations

from pathlib import Path

from parser import facts_frame, load_filing, parse_text

ROOT = Path(__file__).resolve().parents[1]


def test_sample_doubts_are_the_two_guessed_labels():
    frame = facts_frame([load_filing(ROOT / "filings" / "001_e47b350a37731711.txt")])
    doubtful = frame[frame["doubt"] != ""]
    assert set(doubtful["line"]) == {593, 882}
    assert set(doubtful[doubtful["line"] == 593]["doubt"]) == {"label read from the lines after its numbers"}
    assert set(doubtful[doubtful["line"] == 882]["doubt"]) == {"wrapped label joined across a capitalised line"}
    assert len(doubtful) == 12  # six columns on each of the two rows


def test_a_total_that_does_not_foot_is_flagged():
    frame = facts_frame([load_filing(ROOT / "tests" / "fixtures" / "synthetic" / "wrapped_labels.txt")])
    flagged = frame[frame["doubt"].str.contains("check does not foot")]
    assert list(flagged["raw"]) == ["2,187"]
    assert "difference +9" in flagged.iloc[0]["doubt"] and flagged.iloc[0]["check"] == "fails"


def test_a_column_without_a_readable_period_is_flagged():
    text = """
<TABLE>
<CAPTION>
                               Region A     Region B
<S>                            <C>          <C>
Revenue                         $ 1,200      $ 3,400
Costs                              (800)      (2,900)
                                    400          500
</TABLE>
"""
    frame = facts_frame([parse_text(text, "noperiod.txt")])
    assert len(frame) == 6
    assert {doubt.split(" (")[0] for doubt in frame["doubt"]} == {"period not read"}
    assert set(frame["period_end"]) == {""}


def test_the_quick_doubt_test_agrees_with_the_doubts_on_every_fixture_cell():
    from parser.doubts import cell_doubts, failed_targets, is_doubted
    from tests_support import load_once

    paths = sorted((ROOT / "filings").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "extra").glob("*.txt"))
    answers = []
    for path in paths:
        filing = load_once(path)
        for table in filing.tables:
            failed = failed_targets(table)
            for row in table.rows:
                for cell in row.cells:
                    if cell is not None:
                        answers.append((is_doubted(row, cell, failed), bool(cell_doubts(table, row, cell, failed))))
    assert len(answers) > 50_000 and 0 < sum(quick for quick, _ in answers) < len(answers)
    assert all(quick == full for quick, full in answers)
