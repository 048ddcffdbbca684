"""Every argument the command line takes, in one place: the browser's (`colt-tui [--cache FILE] [PATH...]`,
`colt-tui --dataset DIR`) and each command's (`colt-tui COMMAND ...`)."""

from __future__ import annotations

import argparse

# Each command, and the module of this package that runs it as `run_<command>(args)`.
COMMANDS = {"index": "index", "facts": "facts", "outline": "filing", "tables": "filing", "check": "check",
            "fetch": "fetch", "dataset": "dataset"}
CACHE_HELP = "the index cache file (default: index.sqlite3 in the user cache folder; :memory: for none)"


class UsageError(Exception):
    """The browser's arguments do not parse; the message is one line."""


class _BrowserParser(argparse.ArgumentParser):
    """The browser's arguments, whose mistakes are said in one line (the caller prints it, exit 2)."""

    def error(self, message: str):
        raise UsageError(message)


def browser_parser() -> argparse.ArgumentParser:
    """`colt-tui [--cache FILE] [PATH...]` and `colt-tui --dataset DIR`; options may stand anywhere.

    `--cache` and `--dataset` take an optional value so that a missing one is told apart (as "") and
    said in the command line's own words; `-h` asks for the whole command line's help."""
    parser = _BrowserParser(prog="colt-tui", add_help=False)
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--cache", nargs="?", const="", metavar="FILE", help=CACHE_HELP)
    parser.add_argument("--dataset", nargs="?", const="", metavar="DIR")
    parser.add_argument("-h", "--help", action="store_true")
    return parser


def command_parser() -> argparse.ArgumentParser:
    """The whole command line: `--version`, `--print-config`, `--help`, and every command's options."""
    parser = argparse.ArgumentParser(
        prog="colt-tui",
        description="Read EDGAR plain-text filings: browse them (default), or print their facts, outline, tables and checks.",
        epilog="Run 'colt-tui COMMAND --help' for a command's options. With no command, the browser opens "
        "on PATH (default ./filings); 'colt-tui --cache FILE PATH' picks its cache.",
    )
    parser.add_argument("--version", action="version", version=f"colt-tui {_version()}")
    parser.add_argument("--print-config", action="store_true",
                        help="say where the config file (theme, keys, export folder) is read from, and what it sets")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_reading_commands(commands)
    _add_fetch(commands)
    _add_dataset(commands)
    return parser


def _add_reading_commands(commands) -> None:
    """index, facts, outline, tables, check: the commands that read filings and print."""
    index = commands.add_parser("index", help="parse new and changed filings into the cache, on all cores")
    index.add_argument("paths", nargs="+", metavar="PATH", help="filing files or folders")
    index.add_argument("--cache", metavar="FILE", help=CACHE_HELP)

    facts = commands.add_parser("facts", help="one row per numeric cell (CSV, JSON or Parquet)")
    facts.add_argument("paths", nargs="+", metavar="PATH", help="filing files or folders")
    facts.add_argument("--format", choices=("csv", "tsv", "json", "parquet", "xlsx"), default="csv")
    facts.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    facts.add_argument("--cache", metavar="FILE", help=CACHE_HELP)

    outline = commands.add_parser("outline", help="the section tree of a filing")
    outline.add_argument("path", metavar="FILE")

    tables = commands.add_parser("tables", help="the tables found in a filing")
    tables.add_argument("path", metavar="FILE")
    tables.add_argument("--show", type=int, metavar="N", help="print table N aligned under its column labels")

    check = commands.add_parser("check", help="the arithmetic checks; exit 1 when some do not foot")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("-v", "--verbose", action="store_true", help="list every check, not only failures")
    check.add_argument("--summary", action="store_true",
                       help="per filing: tables, cells, and the share of cells with a period, with a unit, "
                            "covered by a check, failing one, in doubt")
    check.add_argument("--cache", metavar="FILE", help=CACHE_HELP)


def _add_fetch(commands) -> None:
    fetch = commands.add_parser(
        "fetch", help="download filings from EDGAR's full index into DEST (by CIK, company, form and dates)",
        description="Download complete submissions from EDGAR into DEST as CIK_ACCESSION.txt: at most 8 requests "
                    "a second, with your User-Agent; a re-run fetches only what is missing. Exit 0 when every "
                    "selected filing is in DEST, 2 when it cannot start, 3 when EDGAR blocked the run, 4 when "
                    "some files failed.")
    fetch.add_argument("dest", metavar="DEST", help="the folder to save the filings in (created if missing)")
    fetch.add_argument("--cik", action="append", default=[], metavar="N", help="a company's CIK (repeatable)")
    fetch.add_argument("--company", default="", metavar="TEXT", help="company name containing TEXT (any case)")
    fetch.add_argument("--form", action="append", default=[], metavar="FORM", help="a form type, e.g. 10-K (repeatable)")
    fetch.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="filed on or after (default 1993-01-01)")
    fetch.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="filed on or before (default today)")
    fetch.add_argument("--user-agent", metavar='"NAME EMAIL"',
                       help="required by the SEC; else $COLT_TUI_USER_AGENT or user_agent in config.toml")
    fetch.add_argument("--base-url", default=None, metavar="URL", help="an EDGAR mirror (default https://www.sec.gov)")
    fetch.add_argument("--dry-run", action="store_true", help="list what would be fetched, fetch nothing")


def _add_dataset(commands) -> None:
    dataset = commands.add_parser(
        "dataset", help="parse filings on a Dask cluster into a partitioned Parquet dataset (the dask extra)",
        description="Parse the filings under SOURCE on a Dask cluster (a LocalCluster, or --scheduler) into DIR: "
                    "facts/, filings/ and labels/, Parquet partitioned by year. A re-run parses only new and "
                    "changed files. Read it with tui.dataset.open_dataset(DIR), pandas or DuckDB.")
    dataset.add_argument("sources", nargs="+", metavar="SOURCE", help="filing files or folders")
    dataset.add_argument("--out", required=True, metavar="DIR", help="the dataset folder (created if missing)")
    dataset.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (default: a LocalCluster)")
    dataset.add_argument("--workers", type=int, metavar="N", help="LocalCluster worker processes (default: cores)")
    dataset.add_argument("--partition-size", type=int, default=50, metavar="N", help="files per task (default 50)")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("colt-tui")
    except PackageNotFoundError:
        return "unknown"
