"""The parser never raises: arbitrary bytes and text, and mutations of the sample filings."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parser import load_filing, parse_text
from parser.text import decode_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [p.read_text() for p in sorted((ROOT / "filings").glob("*.txt"))]
TAGS = ["<TABLE>", "</TABLE>", "<CAPTION>", "<S>   <C>   <C>", "<FN>", "</FN>", "<PAGE>", "<DOCUMENT>",
        "</DOCUMENT>", "<TEXT>", "</TEXT>", "<TYPE>10-Q", "<SEC-HEADER>", "</SEC-HEADER>", "<SEC-DOCUMENT>"]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(filing) -> None:
    """A parse result is self-consistent: every cell's line exists and every row fits its columns."""
    total = len(filing.lines)
    for table in filing.tables:
        for row in table.rows:
            assert len(row.cells) == len(table.columns)
            for cell in row.cells:
                if cell is not None:
                    assert 1 <= cell.line <= total
    for section in filing.walk_sections():
        assert 1 <= section.first_line <= max(section.last_line, 1)


@FAST
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "f.txt"
    path.write_bytes(data)
    filing = load_filing(path)
    assert filing.error is None or "\n" not in filing.error
    if filing.error is None:
        _check(filing)


@FAST
@given(st.text(alphabet=st.sampled_from(list("0123456789(),.-$% \n\t<>/TABLESC=_|abcGBP'[]£")), max_size=3000))
def test_random_table_like_text(text):
    _check(parse_text(text, "random"))


@st.composite
def mutated_sample(draw):
    lines = draw(st.sampled_from(SAMPLES)).split("\n")
    for _ in range(draw(st.integers(1, 12))):
        if not lines:
            lines = [""]
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.integers(0, 6))
        if operation == 0:
            del lines[index]
        elif operation == 1:
            lines.insert(index, lines[draw(st.integers(0, len(lines) - 1))])
        elif operation == 2:
            lines[index] = " " * draw(st.integers(1, 40)) + lines[index]
        elif operation == 3:
            lines[index] = lines[index].replace("<TABLE>", "").replace("</TABLE>", "")
        elif operation == 4:
            lines.insert(index, draw(st.sampled_from(TAGS)))
        elif operation == 5:
            lines = lines[:index]
        else:
            lines[index] = lines[index][draw(st.integers(0, max(len(lines[index]) - 1, 0))):]
    return "\n".join(lines)


@FAST
@given(mutated_sample())
def test_mutated_samples(text):
    _check(parse_text(text, "mutated"))


def test_decoding_never_fails():
    for data in (b"\xff\xfe\x00", b"caf\xe9 \x80\x81", "£".encode(), b"\xef\xbb\xbfFORM 6-K"):
        assert isinstance(decode_bytes(data).text, str)
