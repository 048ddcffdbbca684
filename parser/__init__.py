"""Pure parsing of EDGAR plain-text filings: text in, typed frozen dataclasses out.

Nothing here imports textual, rich or tui.
"""

from .errors import FilingError
from .facts import FACT_COLUMNS, facts_frame
from .load import iter_filing_paths, load_filing, load_paths, parse_text
from .model import (
    Cell,
    Check,
    Column,
    Document,
    Filing,
    Period,
    Row,
    Section,
    Table,
)

__version__ = "0.1.0"
PARSER_VERSION = 1

__all__ = [
    "Cell",
    "Check",
    "Column",
    "Document",
    "FACT_COLUMNS",
    "Filing",
    "FilingError",
    "PARSER_VERSION",
    "Period",
    "Row",
    "Section",
    "Table",
    "facts_frame",
    "iter_filing_paths",
    "load_filing",
    "load_paths",
    "parse_text",
]
