"""Get filings from EDGAR: `fetch(dest, ciks=..., forms=..., start=..., end=..., user_agent=...)`, which the
`colt-tui fetch` command (tui/cli/fetch.py) runs. Polite (a User-Agent, 8 requests a second at most,
backoff, stop on a block), resumable (files written whole, a re-run fetches what is missing), and safe
(nothing written outside DEST and the index cache)."""

from .client import Blocked, check_user_agent
from .run import DEFAULT_BASE_URL, FetchRefused, FetchReport, default_cache_dir, fetch

__all__ = ["Blocked", "DEFAULT_BASE_URL", "FetchRefused", "FetchReport", "check_user_agent", "default_cache_dir",
           "fetch"]
