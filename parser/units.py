"""Read currency and scale from one piece of header or caption text: "GBP'000", "(In millions,
except per share data)", "(Dollars in thousands)", "in million EUR", "[expressed in Canadian
dollars]", "Value (x$1000)". Which text wins is decided in `evidence`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Each currency's pattern, code, and the lower-case pieces of which its pattern needs one on ASCII text
# (a cheap test before each case-blind search: `_currency` tries the patterns in this order).
_CURRENCY_WORDS = [
    (re.compile(r"canadian\s+dollars?|\bCDN\$|\bC\$|\bCAD\b", re.I), "CAD", ("canadian", "cdn$", "c$", "cad")),
    (re.compile(r"australian\s+dollars?|\bA\$|\bAUD\b", re.I), "AUD", ("australian", "a$", "aud")),
    (re.compile(r"new\s+zealand\s+dollars?|\bNZ\$|\bNZD\b", re.I), "NZD", ("zealand", "nz$", "nzd")),
    (re.compile(r"hong\s+kong\s+dollars?|\bHK\$|\bHKD\b", re.I), "HKD", ("kong", "hk$", "hkd")),
    (re.compile(r"irish\s+pounds?|\bIR£|\bIEP\b", re.I), "IEP", ("irish", "iep")),
    (re.compile(r"pounds?\s+sterling|\bsterling\b|\bGBP\b|£|\bpounds?\b", re.I), "GBP", ("pound", "sterling", "gbp")),
    (re.compile(r"\beuros?\b|\bEUR\b|€", re.I), "EUR", ("eur",)),
    (re.compile(r"\byen\b|\bJPY\b|¥", re.I), "JPY", ("yen", "jpy")),
    (re.compile(r"swiss\s+francs?|\bCHF\b", re.I), "CHF", ("swiss", "chf")),
    (re.compile(r"deutsche\s?marks?|\bDM\b", re.I), "DEM", ("deutsche", "dm")),
    (re.compile(r"french\s+francs?|\bFRF\b", re.I), "FRF", ("french", "frf")),
    (re.compile(r"\bguilders?\b|\b[DHN]fl\b|\bNLG\b", re.I), "NLG", ("guilder", "fl", "nlg")),
    (re.compile(r"belgian\s+francs?|\bBEF\b|\bBfr\b", re.I), "BEF", ("belgian", "bef", "bfr")),
    (re.compile(r"\bSfr\b", re.I), "CHF", ("sfr",)),
    (re.compile(r"italian\s+lir[ae]|\blire\b|\bITL\b", re.I), "ITL", ("italian", "lire", "itl")),
    (re.compile(r"\bpesetas?\b|\bESP\b|\bPtas?\b", re.I), "ESP", ("peseta", "esp", "pta")),
    (re.compile(r"swedish\s+kronor|\bkronor\b|\bSEK\b", re.I), "SEK", ("kronor", "sek")),
    (re.compile(r"danish\s+kroner|\bDKK\b|\bDKr\b", re.I), "DKK", ("danish", "dkk", "dkr")),
    (re.compile(r"norwegian\s+kroner|\bNOK\b|\bNKr\b", re.I), "NOK", ("norwegian", "nok", "nkr")),
    (re.compile(r"finnish\s+mark(?:ka|kaa)?|\bmarkkaa?\b|\bFIM\b", re.I), "FIM", ("finnish", "markka", "fim")),
    (re.compile(r"austrian\s+schillings?|\bschillings?\b|\bATS\b", re.I), "ATS", ("austrian", "schilling", "ats")),
    (re.compile(r"\bescudos?\b|\bPTE\b", re.I), "PTE", ("escudo", "pte")),
    (re.compile(r"mexican\s+pesos?|\bMXN\b|\bMXP\b", re.I), "MXN", ("mexican", "mxn", "mxp")),
    (re.compile(r"argentine\s+pesos?|\bARS\b", re.I), "ARS", ("argentine", "ars")),
    (re.compile(r"chilean\s+pesos?|\bCLP\b", re.I), "CLP", ("chilean", "clp")),
    (re.compile(r"brazilian\s+reals?|\breais\b|\bR\$|\bBRL\b", re.I), "BRL", ("brazilian", "reais", "r$", "brl")),
    (re.compile(r"south\s+african\s+rand|\bZAR\b", re.I), "ZAR", ("african", "zar")),
    (re.compile(r"\brupees\b|\bINR\b", re.I), "INR", ("rupees", "inr")),
    (re.compile(r"korean\s+won|\bKRW\b", re.I), "KRW", ("korean", "krw")),
    (re.compile(r"new\s+taiwan\s+dollars?|\bNT\$|\bTWD\b", re.I), "TWD", ("taiwan", "nt$", "twd")),
    (re.compile(r"singapore\s+dollars?|\bS\$|\bSGD\b", re.I), "SGD", ("singapore", "s$", "sgd")),
    (re.compile(r"israeli\s+shekels?|\bNIS\b|\bILS\b", re.I), "ILS", ("israeli", "nis", "ils")),
    (re.compile(r"\brenminbi\b|\bRMB\b|\bCNY\b", re.I), "CNY", ("renminbi", "rmb", "cny")),
    (re.compile(r"\bU\.?S\.?\s*dollars?|\bUS\$|\bUSD\b|\bdollars?\b|\$", re.I), "USD", ("dollar", "$", "usd")),
]
_SCALES = [
    (re.compile(r"'\s?000'?s?\b|\b000'?s\b|\(\s*'?000'?s?\s*\)|\b000\s+omitted|x\s*\$?\s*1,?000\b(?!,)|(?:\$|£|€|GBP|EUR|US\$)\s*'?000\b|"
                r"\bthousands?\b|\bin\s+000s?\b|\bK\b(?=\s*\)|$)", re.I), 1000),
    (re.compile(r"\bmillions?\b|\bmn\b|\bmio\b|x\s*\$?\s*1,?000,?000\b|(?:GBP|£|\$|EUR|€|US\$)\s?m\b|\b(?:GBP|EUR|USD)m\b|£m\b", re.I),
     1_000_000),
    (re.compile(r"\bbillions?\b|\bbn\b", re.I), 1_000_000_000),
]
DOLLAR_CURRENCIES = {"CAD", "AUD", "NZD", "HKD", "SGD", "TWD"}
_EXCEPT = re.compile(r"\bexcept\b(.*)", re.I)
_EXCEPT_SHARES = re.compile(r"\bshares?\b|\bshare\s+(?:data|amounts|information)\b|\bnumber\s+of\s+shares\b", re.I)
_EXCEPT_PER_SHARE = re.compile(r"per[\s-]+(?:common\s+)?shares?(?:\s+(?:data|amounts?|information|figures))?|per\s+unit|\bEPS\b", re.I)
_SHARES_SCALE = re.compile(r"\bshares?\s+(?:in|are\s+in|stated\s+in)\s+(thousands|millions)\b|\bshares?\s+\((?:in\s+)?(thousands|millions)\)", re.I)
_MEASURE = re.compile(
    r"\b(?:thousands|millions|billions)\s+of\s+(?!(?:u\.?s\.?\s+)?dollars|pounds|euros?|yen|francs|marks|canadian|\$|guilders|lire|pesetas|kronor|kroner|"
    r"markka|schillings|escudos|pesos|reais|rand|rupees|won|renminbi|shekels|[a-z]+\s+(?:dollars|francs|pesos|kroner|kronor))([a-z][a-z-]+)", re.I
)
_FOOTNOTE = re.compile(r"\s*(?:\(\d{1,2}\)|\([a-z]\)|\*+)\s*$")
_BARE_CURRENCY = re.compile(r"^\s*(?:US\$|\$|GBP|£|EUR|€|\(\$\))\s*$")
_AMOUNT_WORDS = re.compile(r"\b(?:in|of|dollars|amounts?|expressed|stated|\$)\b", re.I)
ANY_UNIT = re.compile(
    r"GBP|£|EUR|€|\$|'?000|thousand|million|billion|dollar|pound|sterling|euro|\byen\b|\bbn\b|\bm\b|\bmn\b|"
    + "|".join(pattern.pattern for pattern, _code, _pieces in _CURRENCY_WORDS),
    re.I,
)
# Lower-case pieces of which every pattern of _CURRENCY_WORDS needs one, on ASCII text: substrings,
# and whole words for the alternatives written between word boundaries (`\bCAD\b`, `\bDM\b`).
_CURRENCY_PIECES = (
    "$", "gbp", "eur", "dollar", "pound", "sterling", "franc", "deutsche", "guilder", "italian", "lir",
    "peseta", "kronor", "kroner", "finnish", "markka", "schilling", "escudo", "peso", "brazilian", "african",
    "rupees", "korean", "shekel", "renminbi",
)
_CURRENCY_NAMES = frozenset(
    "yen cad aud nzd hkd iep jpy chf dm frf dfl hfl nfl nlg bef bfr sfr itl esp pta ptas sek dkk dkr nok "
    "nkr fim ats pte mxn mxp ars clp reais brl zar inr krw twd sgd nis ils rmb cny usd".split()
)
# The same for ANY_UNIT: the currencies and the scale words.
_UNIT_PIECES = _CURRENCY_PIECES + ("000", "thousand", "million", "billion")
_UNIT_WORDS = _CURRENCY_NAMES | {"bn", "m", "mn"}
_LETTER_RUN = re.compile(r"[a-z]+")
# ANY_UNIT's alternatives outside the currency patterns, on lower-cased ASCII text (see `_names_a_unit`).
_PLAIN_UNITS = ("gbp", "eur", "$", "000", "thousand", "million", "billion", "dollar", "pound", "sterling")
_SHORT_UNITS = re.compile(r"\b(?:yen|bn|m|mn)\b")


@dataclass(frozen=True)
class UnitParts:
    """What one text says about units; None where it says nothing."""

    currency: str | None = None
    scale: int | None = None
    shares_scale: int | None = None
    shares_excepted: bool = False
    measure: str | None = None

    @property
    def empty(self) -> bool:
        """True when the text states neither currency nor scale."""
        return self.currency is None and self.scale is None and self.shares_scale is None


@lru_cache(maxsize=8192)
def read_unit(text: str, whole_line: bool = False) -> UnitParts:
    """Currency and scale stated in a text. `whole_line`: the text is one header chunk, so a
    bare "$" or "GBP" there names the column's currency."""
    if not (_may_hold(text, _UNIT_PIECES, _UNIT_WORDS) and _names_a_unit(text)):
        return UnitParts()
    if whole_line and _BARE_CURRENCY.match(_FOOTNOTE.sub("", text)):  # "US$", "US$(1)"
        return UnitParts(currency=_currency("$" if "$" in text else text), scale=None)
    head, excepted = text, ""
    match = _EXCEPT.search(text)
    if match:
        head, excepted = text[: match.start()], match.group(1)
    head = _SHARES_SCALE.sub(" ", head)
    scale = None
    for pattern, multiplier in _SCALES:
        if pattern.search(head):
            scale = multiplier
            break
    shares_scale = None
    shares = _SHARES_SCALE.search(text)
    if shares:
        shares_scale = 1000 if (shares.group(1) or shares.group(2)).lower() == "thousands" else 1_000_000
    measure = _MEASURE.search(text)
    if measure and not _currency(text[measure.start(1):measure.start(1) + 24]):  # not "millions of Dfl"
        return UnitParts(None, scale, shares_scale, False, measure.group(1))
    currency = _currency(text)
    if currency == "USD" and scale is None and not re.search(r"\$|dollar|USD", text, re.I):
        currency = None
    shares_excepted = bool(_EXCEPT_SHARES.search(_EXCEPT_PER_SHARE.sub(" ", excepted)))
    return UnitParts(currency, scale, shares_scale, shares_excepted)


def _may_hold(text: str, pieces: tuple[str, ...], words: frozenset[str]) -> bool:
    """False only when the text, lower-cased, holds none of the pieces and none of the words: a
    cheap test before patterns of many case-blind alternatives (ANY_UNIT costs about 0.1 ms per
    text, and nine header texts in ten state no unit)."""
    if not text.isascii():  # £, €, ¥ and the case-blind matches of non-ASCII letters ("ſ" for "s")
        return True
    lowered = text.lower()
    for piece in pieces:  # a plain loop: any() over a generator costs more than the tests
        if piece in lowered:
            return True
    return not words.isdisjoint(_LETTER_RUN.findall(lowered))


def _names_a_unit(text: str) -> bool:
    """`ANY_UNIT.search(text)`, answered in parts on ASCII text: its plain words as substrings of the
    lower-cased text, its short words, then the currency patterns (ANY_UNIT, a case-blind alternation
    without a common start, costs 40-90 microseconds per line; this a few)."""
    if not text.isascii():
        return bool(ANY_UNIT.search(text))
    lowered = text.lower()
    return (any(word in lowered for word in _PLAIN_UNITS) or bool(_SHORT_UNITS.search(lowered))
            or _currency(text) is not None)


def _currency(text: str) -> str | None:
    """The first currency of `_CURRENCY_WORDS` the text names; on ASCII text a pattern is searched only
    where one of its pieces occurs (34 case-blind searches cost about 0.1 ms per text)."""
    if not _may_hold(text, _CURRENCY_PIECES, _CURRENCY_NAMES):
        return None
    lowered = text.lower() if text.isascii() else None
    for pattern, code, pieces in _CURRENCY_WORDS:
        if lowered is not None:
            for piece in pieces:  # a plain loop: any() over a generator costs more than the tests
                if piece in lowered:
                    break
            else:
                continue
        if pattern.search(text):
            return code
    return None


def states_unit(text: str) -> bool:
    """True when the text is a unit statement ("(In millions)", "Dollars in thousands")."""
    parts = read_unit(text)
    return parts.scale is not None or (parts.currency is not None and bool(_AMOUNT_WORDS.search(text)))
