"""`colt-tui fetch DEST ...`: the command line over `fetch`. Exit 0 when every selected filing is in DEST,
2 when it cannot start, 3 when EDGAR blocked the run, 4 when some files failed."""

from __future__ import annotations

import os
import sys
from datetime import date

from ..config import load_config
from ..data.text import safe_name
from ..fetch.run import DEFAULT_BASE_URL, FetchRefused, fetch
from .errors import CommandError
from .progress import FetchProgress

EXIT_BLOCKED, EXIT_SOME_FAILED = 3, 4
UA_ENV = "COLT_TUI_USER_AGENT"


def run_fetch(args) -> int:
    """Run the command; raises CommandError (exit 2) before any request when it cannot start."""
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    user_agent = args.user_agent or os.environ.get(UA_ENV) or load_config().user_agent
    bar = FetchProgress()
    try:
        report = fetch(args.dest, ciks=args.cik, forms=args.form, start=start, end=end, user_agent=user_agent,
                       company=args.company, base_url=args.base_url or DEFAULT_BASE_URL, dry_run=args.dry_run,
                       progress=bar)
    except FetchRefused as error:
        raise CommandError(str(error)) from None
    finally:
        bar.close()
    if args.dry_run:
        for entry in report.selected:
            print(f"{entry.filed}  {safe_name(entry.form):<10} {safe_name(entry.company)[:40]:<40} {entry.saved_name}")
        print(f"{len(report.selected)} filings would be fetched into {safe_name(str(args.dest))}")
        return 0 if not report.blocked else EXIT_BLOCKED
    print(safe_name(report.summary()).replace("\\n", "\n"))
    if report.blocked:
        print(f"colt-tui: {safe_name(report.blocked)}", file=sys.stderr)
        return EXIT_BLOCKED
    return EXIT_SOME_FAILED if report.failed else 0


def _day(text: str | None, flag: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{flag} {text!r}: give a date as YYYY-MM-DD") from None
