"""`parser.locate` finds exactly what the case-blind patterns it speeds up find by themselves."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parser import dates, fiscalnames, locate

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "filings").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*/*.txt"))
SEARCHED = [(dates._LAST_WEEKDAY, dates._WEEKDAY_WORDS), (dates._NEAREST_WEEKDAY, dates._WEEKDAY_WORDS)]
ITERATED = [(fiscalnames._LIST, ('"fiscal', "'fiscal", "fiscal")), (fiscalnames._ONE, ("fiscal",)),
            (fiscalnames._QUARTERS, ("quarters",))]


def spans(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


def assert_same(text: str) -> None:
    for pattern, words in SEARCHED:
        assert spans([m for m in [locate.search(pattern, text, words)] if m]) == \
            spans([m for m in [pattern.search(text)] if m])
    for pattern, words in ITERATED:
        assert spans(locate.finditer(pattern, text, words)) == spans(pattern.finditer(text))


def test_the_fixture_filings_give_the_same_matches():
    found = 0
    for path in TEXTS:
        text = path.read_text(encoding="utf-8", errors="replace")
        flat = " ".join(text.split())
        assert_same(text)
        assert_same(flat)
        found += len(locate.finditer(fiscalnames._ONE, flat, ("fiscal",)))
    assert found >= 5  # the patterns do match in these filings


def test_written_sentences_give_the_same_matches():
    for text in (
        "The fiscal year ends on the last Saturday in June. The LAST SUNDAY OF MARCH",
        "the 52-week year ended on the Saturday nearest to the end of January 31",
        "'Fiscal 1998,' \"Fiscal 1997\" and 'Fiscal 1996' refer to the fiscal years ended January 30, 1999, "
        "January 31, 1998 and February 1, 1997. The quarters of Fiscal 1998 ended May 2, 1998, August 1, 1998, "
        "October 31, 1998 and January 30, 1999. FISCAL 1995 ENDED FEBRUARY 3, 1996",
        "Fiscal 1995 ended February 3, 1996 £ and ſunday nearest June",  # not ASCII: searched as before
    ):
        assert_same(text)
        assert locate.search(dates._LAST_WEEKDAY, text, dates._WEEKDAY_WORDS) or "nearest" in text or "Fiscal" in text


WORDS = st.sampled_from(["fiscal", "FISCAL", "Fiscal", "'", '"', "year", "1998", "1997", "ended", "ending", "and",
                         ",", " ", "  ", "refer", "refers", "to", "the", "years", "quarters", "of", "January",
                         "June", "30,", "31", "last", "final", "Sunday", "saturday", "nearest", "closest", "in",
                         "end", "\n", "ſ", "K"])


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join))
def test_generated_sentences_give_the_same_matches(text):
    assert_same(text)
    assert_same(" ".join(text.split()))
