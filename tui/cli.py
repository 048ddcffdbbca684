"""The command line: `colt-tui [PATH...]` opens the browser; `index`, `facts`, `outline`, `tables`, `check`
read filings and print. Nothing is ever written into the filings folder (the cache lives elsewhere)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SUBCOMMANDS = ("index", "facts", "outline", "tables", "check", "fetch", "dataset")
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command ended by Ctrl-C
CACHE_HELP = "the index cache file (default: index.sqlite3 in the user cache folder; :memory: for none)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="colt-tui",
        description="Read EDGAR plain-text filings: browse them (default), or print their facts, outline, tables and checks.",
        epilog="Run 'colt-tui COMMAND --help' for a command's options. With no command, the browser opens "
        "on PATH (default ./filings); 'colt-tui --cache FILE PATH' picks its cache.",
    )
    parser.add_argument("--version", action="version", version=f"colt-tui {_version()}")
    parser.add_argument("--print-config", action="store_true",
                        help="say where the config file (theme, keys, export folder) is read from, and what it sets")
    commands_parser = parser.add_subparsers(dest="command", metavar="COMMAND")

    index = commands_parser.add_parser("index", help="parse new and changed filings into the cache, on all cores")
    index.add_argument("paths", nargs="+", metavar="PATH", help="filing files or folders")
    index.add_argument("--cache", metavar="FILE", help=CACHE_HELP)

    facts = commands_parser.add_parser("facts", help="one row per numeric cell (CSV, JSON or Parquet)")
    facts.add_argument("paths", nargs="+", metavar="PATH", help="filing files or folders")
    facts.add_argument("--format", choices=("csv", "tsv", "json", "parquet", "xlsx"), default="csv")
    facts.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    facts.add_argument("--cache", metavar="FILE", help=CACHE_HELP)

    outline = commands_parser.add_parser("outline", help="the section tree of a filing")
    outline.add_argument("path", metavar="FILE")

    tables = commands_parser.add_parser("tables", help="the tables found in a filing")
    tables.add_argument("path", metavar="FILE")
    tables.add_argument("--show", type=int, metavar="N", help="print table N aligned under its column labels")

    check = commands_parser.add_parser("check", help="the arithmetic checks; exit 1 when some do not foot")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("-v", "--verbose", action="store_true", help="list every check, not only failures")
    check.add_argument("--summary", action="store_true",
                       help="per filing: tables, cells, and the share of cells with a period, with a unit, "
                            "covered by a check, failing one, in doubt")
    check.add_argument("--cache", metavar="FILE", help=CACHE_HELP)
    fetch = commands_parser.add_parser(
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
    dataset = commands_parser.add_parser(
        "dataset", help="parse filings on a Dask cluster into a partitioned Parquet dataset (the dask extra)",
        description="Parse the filings under SOURCE on a Dask cluster (a LocalCluster, or --scheduler) into DIR: "
                    "facts/, filings/ and labels/, Parquet partitioned by year. A re-run parses only new and "
                    "changed files. Read it with tui.dataset.open_dataset(DIR), pandas or DuckDB.")
    dataset.add_argument("sources", nargs="+", metavar="SOURCE", help="filing files or folders")
    dataset.add_argument("--out", required=True, metavar="DIR", help="the dataset folder (created if missing)")
    dataset.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (default: a LocalCluster)")
    dataset.add_argument("--workers", type=int, metavar="N", help="LocalCluster worker processes (default: cores)")
    dataset.add_argument("--partition-size", type=int, default=50, metavar="N", help="files per task (default 50)")
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("colt-tui")
    except PackageNotFoundError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--print-config"]:
        return _print_config()
    if argv and (argv[0] == "--dataset" or argv[0].startswith("--dataset=")):
        return _browse_dataset(argv)
    if argv and argv[0] not in SUBCOMMANDS and (not argv[0].startswith("-") or _is_cache(argv[0])):
        try:
            cache, paths = _take_cache(argv)
        except ValueError:
            print("colt-tui: --cache needs a FILE", file=sys.stderr)
            return 2
        if paths and paths[0] in SUBCOMMANDS:
            print("colt-tui: give --cache FILE after the command", file=sys.stderr)
            return 2
        return _browse(paths, cache)
    if not argv:
        return _browse([])
    args = _parser().parse_args(argv)
    if args.command is None:
        return _browse([])
    from . import commands  # the parser and pandas load only for a subcommand, not for the browser
    from .output import OutputError, flush_stdout, require_stdout

    try:
        if not getattr(args, "output", None):
            require_stdout()
        code = commands.run(args)
        flush_stdout()
        return code
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as every command does
        _silence_stdout()
        return 0
    except (commands.CommandError, OutputError) as error:
        print(f"colt-tui: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a write to standard output failed (a full disk, a closed descriptor)
        reason = error.strerror or type(error).__name__
        if error.filename is not None:  # not a stream write: name the file
            from parser.names import shown_name

            print(f"colt-tui: {shown_name(str(error.filename))}: {reason}", file=sys.stderr)
            return 2
        _silence_stdout()
        print(f"colt-tui: cannot write to standard output ({reason})", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # what was parsed before is in the cache; the workers ignore Ctrl-C and are ended
        print(("\n" if sys.stderr.isatty() else "") + "colt-tui: interrupted", file=sys.stderr)  # past a progress bar
        return EXIT_INTERRUPTED


def _print_config() -> int:
    """Say where the config is read from, what it sets, and what could be set."""
    from textual.theme import BUILTIN_THEMES

    from .config import describe, load_config
    from .settings import binding_ids

    print(describe(load_config(), binding_ids(), list(BUILTIN_THEMES)))
    return 0


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that Python's flush at exit cannot fail a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _is_cache(argument: str) -> bool:
    return argument == "--cache" or argument.startswith("--cache=")


def _take_cache(argv: list[str]) -> tuple[str | None, list[str]]:
    """Split `--cache FILE` (or `--cache=FILE`), wherever it stands, off the browser's arguments."""
    cache, rest, arguments = None, [], iter(argv)
    for argument in arguments:
        if argument.startswith("--cache="):
            cache = argument.split("=", 1)[1]
        elif argument == "--cache":
            cache = next(arguments, "")
        else:
            rest.append(argument)
            continue
        if not cache:
            raise ValueError("--cache needs a FILE")
    return cache, rest


def _browse_dataset(argv: list[str]) -> int:
    """`colt-tui --dataset DIR`: the browser over a dataset `colt-tui dataset` wrote, read-only."""
    rest = argv[1:] if argv[0] == "--dataset" else [argv[0].split("=", 1)[1], *argv[1:]]
    if len(rest) != 1 or not rest[0]:
        print("colt-tui: --dataset needs one DIR (a folder written by colt-tui dataset)", file=sys.stderr)
        return 2
    folder = Path(rest[0])
    if not (folder / "filings").is_dir():
        from .data.text import safe_name

        print(f"colt-tui: {safe_name(rest[0])}: not a dataset (no filings/ folder in it)", file=sys.stderr)
        return 2
    from .app import run_app

    return run_app([str(folder)], ":memory:", dataset=str(folder))


def _browse(paths: list[str], cache: str | None = None) -> int:
    """Open the browser on the given paths (default ./filings)."""
    if any(p in ("-h", "--help") for p in paths):
        _parser().print_help()
        return 0
    if not paths:
        default = Path("filings")
        if not default.is_dir():
            print("colt-tui: no PATH given and no ./filings folder here", file=sys.stderr)
            return 2
        paths = [str(default)]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        from .data.text import safe_name

        print(f"colt-tui: {safe_name(missing[0])}: no such file or folder", file=sys.stderr)
        return 2
    if cache and cache != ":memory:":
        target = Path(cache).resolve()
        for path in paths:
            folder = Path(path).resolve()
            folder = folder if folder.is_dir() else folder.parent
            if target == folder or folder in target.parents:
                print(f"colt-tui: {cache}: refusing to put the cache inside the filings folder {path}", file=sys.stderr)
                return 2
    from .app import run_app

    return run_app(paths, cache)
