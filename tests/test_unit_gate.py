"""The cheap tests in front of `units.ANY_UNIT` and of the currency patterns never say "none"
where a pattern matches, so `read_unit` reads exactly what it read without them."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parser import units

ROOT = Path(__file__).resolve().parents[1]


def may_state_unit(text: str) -> bool:
    return units._may_hold(text, units._UNIT_PIECES, units._UNIT_WORDS)


def may_name_currency(text: str) -> bool:
    return units._may_hold(text, units._CURRENCY_PIECES, units._CURRENCY_NAMES)


def pieces_agree(text: str) -> bool:
    """Each currency pattern that matches an ASCII text finds one of its pieces in it."""
    lowered = text.lower()
    return not text.isascii() or all(any(piece in lowered for piece in pieces)
                                     for pattern, _code, pieces in units._CURRENCY_WORDS if pattern.search(text))


def agrees(text: str) -> bool:
    """No gate turns away a text its patterns match."""
    currency_found = any(pattern.search(text) for pattern, _code, _pieces in units._CURRENCY_WORDS)
    return ((may_state_unit(text) or not units.ANY_UNIT.search(text)) and (may_name_currency(text) or not currency_found)
            and pieces_agree(text) and units._names_a_unit(text) == bool(units.ANY_UNIT.search(text)))
# One sample of each alternative of ANY_UNIT, in the case a filing might print it.
SAMPLES = (
    "GBP", "£", "EUR", "€", "$", "'000", "000", "thousands", "Millions", "billion", "Dollars", "pounds",
    "sterling", "euros", "yen", "bn", "m", "mn", "Canadian dollars", "CDN$", "C$", "CAD", "A$", "AUD",
    "NZ$", "NZD", "HK$", "HKD", "Irish pounds", "IR£", "IEP", "JPY", "¥", "Swiss francs", "CHF",
    "Deutsche Marks", "deutschemark", "DM", "French francs", "FRF", "guilders", "Dfl", "Hfl", "Nfl",
    "NLG", "Belgian francs", "BEF", "Bfr", "Sfr", "Italian lira", "lire", "ITL", "pesetas", "ESP",
    "Pta", "Ptas", "Swedish kronor", "kronor", "SEK", "Danish kroner", "DKK", "DKr", "NOK", "NKr",
    "Finnish markka", "markkaa", "FIM", "Austrian schillings", "ATS", "escudos", "PTE",
    "Mexican pesos", "MXN", "MXP", "Argentine pesos", "ARS", "CLP", "Brazilian reals", "reais", "R$",
    "BRL", "South African rand", "ZAR", "rupees", "INR", "Korean won", "KRW", "NT$", "TWD", "S$",
    "SGD", "Israeli shekels", "NIS", "ILS", "renminbi", "RMB", "CNY", "U.S. dollars", "US$", "USD",
)


def test_every_alternative_passes_the_gate_alone_and_inside_text():
    for sample in SAMPLES:
        for text in (sample, sample.upper(), sample.lower(), f"(In {sample}, except per share)"):
            assert units.ANY_UNIT.search(text), text
            assert may_state_unit(text), text
            assert agrees(text), text


def test_each_currency_is_read_as_its_first_pattern_says():
    for sample in SAMPLES:
        for text in (sample, sample.upper(), f"(In {sample}, except per share)", f"{sample} and US$ and pounds"):
            first = next((code for pattern, code, _pieces in units._CURRENCY_WORDS if pattern.search(text)), None)
            assert units._currency(text) == first, text


def test_texts_without_units_are_turned_away():
    for text in ("Three months ended 30 June", "Years ended December 31,", "Notes", "1998   1997"):
        assert not units.ANY_UNIT.search(text)
        assert not may_state_unit(text)
        assert not may_name_currency(text)


def test_the_gate_agrees_with_the_pattern_on_every_line_of_the_samples():
    lines = {line for path in sorted((ROOT / "filings").glob("*.txt")) for line in path.read_text().splitlines()}
    turned_away = [line for line in lines if not may_state_unit(line)]
    assert len(turned_away) > len(lines) // 2  # the gate does its work
    assert not [line for line in turned_away if units.ANY_UNIT.search(line)]
    assert not [line for line in lines if not agrees(line)]


def fixture_lines() -> set[str]:
    return {line for path in sorted((ROOT / "tests" / "fixtures" / "extra").glob("*.txt"))
            for line in path.read_text(errors="replace").splitlines()}


def test_the_currency_pieces_agree_with_their_patterns_on_every_fixture_line():
    lines = {line for line in fixture_lines() if may_name_currency(line)}  # the others match no currency
    assert len(lines) > 1000
    assert not [line for line in lines if not pieces_agree(line)]


def test_the_unit_test_in_parts_agrees_with_the_pattern_on_every_fixture_line():
    lines = [line for line in fixture_lines() if may_state_unit(line)]  # read_unit asks only these
    answers = [units._names_a_unit(line) for line in lines]
    assert 1000 < sum(answers) < len(lines)
    assert not [line for line, answer in zip(lines, answers) if answer != bool(units.ANY_UNIT.search(line))]


PIECES = st.sampled_from(list(SAMPLES) + [" ", "  ", "-", "_", "1", "(", ")", ".", "ſ", "K", "ı", "a", "s", "in"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join))
def test_the_gate_never_turns_away_a_match(text):
    assert agrees(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abdeilmnorstuyABDMNS$0' .-_ſKı", max_size=12))
def test_the_gate_never_turns_away_a_match_of_loose_letters(text):
    assert agrees(text)
