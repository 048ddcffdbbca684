"""Pure parsing of EDGAR plain-text filings: text in, typed frozen dataclasses out.

Nothing here imports textual, rich or tui.
"""

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (PEP 781): the parser never loads it
if TYPE_CHECKING:
    from typing import Any

# Names are imported on first use (PEP 562): `import parser.files` or reading PARSER_VERSION does not
# load the whole parser, so the browser can list a cached folder before the parser is needed.
_LAZY = {
    "FilingError": "errors", "FACT_COLUMNS": "facts", "facts_frame": "facts",
    "iter_filing_paths": "load", "load_filing": "load", "load_paths": "load", "parse_text": "load",
    "Cell": "model", "Check": "model", "Column": "model", "Document": "model", "Filing": "model",
    "Period": "model", "Row": "model", "Section": "model", "Table": "model",
}


def __getattr__(name: str) -> "Any":
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
