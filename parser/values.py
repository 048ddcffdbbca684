"""Read the printed numbers of a table line: `(195,477)`, `--`, `33.3%`, `GBP(0.02)`, `$ 1,601`.

A line is cut into chunks at runs of two or more spaces; the chunks at the right that read as
numbers are the line's values, the rest is its label. A lone "$" joins the number after it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

CURRENCY_PREFIXES = {"GBP": "GBP", "£": "GBP", "$": "USD", "US$": "USD", "EUR": "EUR", "€": "EUR"}

_NUMBER = re.compile(
    r"""^
    (?P<cur>GBP|US\$|\$|£|EUR|€)?\s*
    (?P<open>[(\[])?\s*
    (?P<cur2>GBP|US\$|\$|£|EUR|€)?\s*
    (?P<sign>[-+])?
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    (?:\s(?P<frac>\d{1,2}/\d{1,3}))?
    (?P<trail>-(?!-))?
    (?P<pence>p)?
    (?P<pct>%)?
    (?P<close>[)\]])?
    (?P<pct2>%)?
    (?P<mark>(?:\*{1,3}|\([a-z]\)|\(\d{1,2}\))+)?
    $""",
    re.VERBOSE,
)
_NIL = re.compile(r"^(?:(?:GBP|\$|£)\s*)?(?:-{1,3}|-0-|nil|Nil|NIL|—|–)$")
_PLACEHOLDER = re.compile(r"^(?:NM|N/?[AM]|n/?[am]|nm|n\.[am]\.|N\.[AM]\.|NMF|\*{1,3})$")
_CHUNK = re.compile(r"\S+(?: \S+)*")
YEAR = re.compile(r"^(?:19|20)\d\d(?:\([a-z\d]\)|\*{1,2})?$")


@dataclass(frozen=True, slots=True)
class Token:
    """One value printed on a line, with its character span (tabs expanded)."""

    raw: str
    value: float | None
    kind: str
    start: int
    end: int
    currency: str | None = None

    @property
    def anchor(self) -> int:
        """The column just after the last digit: right-aligned numbers line up here."""
        digits = [i for i, char in enumerate(self.raw) if char.isdigit() or char in "-—–"]
        return self.start + (digits[-1] + 1 if digits else len(self.raw))

    @property
    def is_year(self) -> bool:
        """True for a bare year such as 2004, as printed in column headers."""
        return bool(YEAR.match(self.raw))


MAX_DIGITS = 15  # significant digits a float holds exactly; statements print at most 13 or so
_RATIO = re.compile(r"^(\d{1,3}(?:\.\d+)?)\s?(?::\s?1|x|X)$")
_POINTS = re.compile(r"^(\(?[-+]?\d{1,3}(?:\.\d+)?\)?)\s?(?:pts?\.?|points?)$")
_DOT_PAREN = re.compile(r"^(\$?)\s*\.\((\d+)\)$")
_GLUED = re.compile(r"(?<=\))(?=[$\d.])|(?<=[\d%])(?=\$)")


def read_value(raw: str, start: int = 0) -> Token | None:
    """Read one chunk as a printed value, or None when it is not one."""
    reading = _reading(raw)
    if reading is None:
        return None
    value, kind, currency = reading
    return Token(raw, value, kind, start, start + len(raw), currency)


@lru_cache(maxsize=16384)
def _reading(raw: str) -> tuple[float | None, str, str | None] | None:
    """(value, kind, currency) of a chunk read as a value: the same chunks ("--", years, "$", common
    amounts) come back on many lines, and the patterns cost more than the lookup."""
    text = raw.strip()
    if text.startswith((".(", "$.(", "$ .(")):
        text = _DOT_PAREN.sub(lambda m: f"{m.group(1)}(.{m.group(2)})", text)
    if _NIL.match(text):
        return 0.0, "nil", _prefix_currency(text)
    if _PLACEHOLDER.match(text):
        return None, "text", None
    points = _POINTS.match(text)
    if points:  # "1.6 pts": a change in percentage points
        token = read_value(points.group(1))
        return (token.value, "percent", None) if token and token.kind == "amount" else None
    ratio = _RATIO.match(text)
    if ratio:
        return float(ratio.group(1)), "ratio", None
    match = _NUMBER.match(text)
    if not match or (match["open"] is None) != (match["close"] is None):
        return None
    if match["open"] and "([".index(match["open"]) != ")]".index(match["close"]):
        return None
    if match["cur"] == "US$" and match["open"] and re.fullmatch(r"US\$\(\d\)", text):
        return None  # "US$(1)": a column head with its footnote mark
    if match["trail"] and (match["open"] or match["sign"] or match["pct"] or match["pence"] or match["frac"]):
        return None
    digits = match["num"].replace(",", "").replace(".", "").lstrip("0")
    if len(digits) > MAX_DIGITS:  # a float would round it (or overflow to inf): no value, and the cell says why
        return math.nan, "amount", CURRENCY_PREFIXES.get(match["cur"] or match["cur2"] or "")
    number = float(match["num"].replace(",", ""))
    if match["frac"]:
        numerator, denominator = match["frac"].split("/")
        number += int(numerator) / int(denominator)
    if match["open"] or match["sign"] == "-" or match["trail"]:  # "(1,234)", "[1,234]", "1,234-"
        number = -number
    currency_code = match["cur"] or match["cur2"]
    currency = CURRENCY_PREFIXES.get(currency_code) if currency_code else None
    kind = "percent" if (match["pct"] or match["pct2"]) else "amount"
    if match["pence"]:
        if currency or kind == "percent":
            return None
        return number, "pence", "GBP"
    return number, kind, currency


def is_bare_dollar(token: Token) -> bool:
    """A number printed with a plain "$": the dollar its document is in, not always the US one."""
    return token.currency == "USD" and "US$" not in token.raw


def _prefix_currency(text: str) -> str | None:
    for prefix, code in CURRENCY_PREFIXES.items():
        if text.startswith(prefix):
            return code
    return None


_LEADER = re.compile(r"(?<=\S)(?:\s?\.){3,}(?=\s*[$(\d.-])")


def split_line(line: str) -> tuple[str, int, list[Token]]:
    """Cut a line into (label, label start column, value tokens left to right). A run of dot
    leaders ends the label even where only one space follows it ("Net sales..... $12,345")."""
    if "..." in line:
        line = _LEADER.sub(lambda m: " " * len(m.group()), line)
    chunks = [(m.group(), m.start()) for m in _CHUNK.finditer(line)]
    # The values are read right to left; each chunk's tokens are kept in a list of pieces,
    # last piece first, and joined once at the end (inserting at the front of one list each
    # time made a line of n numbers cost n squared).
    pieces: list[list[Token]] = []
    cut = len(chunks)
    while cut > 0:
        text, start = chunks[cut - 1]
        if text == "%" and cut >= 2:
            merged = _spaced_percent(line, chunks[cut - 2], start)
            if merged is not None:
                pieces.append([merged])
                cut -= 2
                continue
        tokens = _chunk_values(text, start)
        if tokens is None:
            break
        pieces.append(tokens)
        cut -= 1
    values = [token for piece in reversed(pieces) for token in piece]
    values = _attach_dollars(values)
    if values and values[0].raw == "$":
        values = values[1:]
    label_chunks = chunks[:cut]
    if not label_chunks:
        return "", 0, values
    label_start = label_chunks[0][1]
    last_text, last_start = label_chunks[-1]
    label = line[label_start : last_start + len(last_text)]
    return label, label_start, values


def _spaced_percent(line: str, previous: tuple[str, int], sign: int) -> Token | None:
    """A rate printed with its "%" a few spaces to the right ("7.500000  %")."""
    text, start = previous
    if YEAR.match(text) or sign - (start + len(text)) > 3:
        return None
    token = read_value(f"{text}%", start)
    if token is None or token.kind != "percent" or " " in text:
        return None
    return Token(line[start : sign + 1], token.value, "percent", start, sign + 1)


def _chunk_values(text: str, start: int) -> list[Token] | None:
    """The values in one chunk (it may hold several, one space apart), or None."""
    if text == "$":
        return [Token("$", None, "dollar", start, start + 1, "USD")]
    whole = read_value(text, start)
    if whole is not None:
        return [whole]
    tokens: list[Token] = []
    for match in re.finditer(r"\S+", text):
        piece = read_value(match.group(), start + match.start())
        if piece is None:
            if match.group() == "$":
                piece = Token("$", None, "dollar", start + match.start(), start + match.end(), "USD")
            else:
                glued = _unglue(match.group(), start + match.start())
                if glued is None:
                    return None
                tokens.extend(glued)
                continue
        tokens.append(piece)
    return tokens


def _unglue(text: str, start: int) -> list[Token] | None:
    """Values printed with no space between them, a footnote mark or a "$" in between
    ("6,587(1)(2)5,850(3)", ".53(1)(2)$"), or None when the text is not such a run."""
    cuts = [0, *(m.start() for m in _GLUED.finditer(text)), len(text)]
    if len(cuts) <= 2:
        return None
    tokens = []
    for left, right in zip(cuts, cuts[1:]):
        piece = text[left:right]
        if piece == "$":
            tokens.append(Token("$", None, "dollar", start + left, start + right, "USD"))
            continue
        token = read_value(piece, start + left)
        if token is None:
            return None
        tokens.append(token)
    return tokens


def _attach_dollars(tokens: list[Token]) -> list[Token]:
    """Fold a lone "$" into the value after it, so a "$" is never taken for a value."""
    merged: list[Token] = []
    dollar: Token | None = None
    for token in tokens:
        if token.kind == "dollar":
            dollar = token
            continue
        if dollar is not None:
            token = Token(
                token.raw,
                token.value,
                token.kind,
                token.start,
                token.end,
                token.currency or "USD",
            )
            dollar = None
        merged.append(token)
    return merged
