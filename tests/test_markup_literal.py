"""Text bound for Textual APIs that take only markup renders exactly as printed in the filing."""

import pytest
from textual.content import Content

from tui.data.text import literal_markup, safe_text


@pytest.mark.parametrize("text", ["Segments [Axis]", "[red]x[/red]", "a\\[b]", "[b]\\", "x\\", "[[red]]", "plain"])
def test_literal_markup_round_trips(text):
    assert Content.from_markup(literal_markup(text)).plain == text


def test_escape_codes_are_shown_not_obeyed():
    assert safe_text("\x1b[31mred") == "\\x1b[31mred"
    assert Content.from_markup(literal_markup(safe_text("\x1b[31m[red]"))).plain == "\\x1b[31m[red]"
