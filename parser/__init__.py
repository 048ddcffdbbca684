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


def _fingerprint() -> str:
    """A digest of the parser's own source: any change to it changes what a cache may reuse."""
    import hashlib
    from pathlib import Path

    digest = hashlib.sha1()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


PARSER_VERSION = f"{__version__}+{_fingerprint()}"

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
