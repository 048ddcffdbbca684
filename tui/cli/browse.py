"""Opening the browser from the command line: `colt-tui [--cache FILE] [PATH...]`, `colt-tui --dataset DIR`,
and `colt-tui --print-config`. This is the start-up path: it imports the app and little else."""

from __future__ import annotations

import sys
from pathlib import Path

from .arguments import COMMANDS, UsageError, browser_parser, command_parser
from .errors import EXIT_USAGE


def browse(argv: list[str]) -> int:
    """Open the browser the arguments ask for, or say in one line why not (exit 2)."""
    try:
        args = browser_parser().parse_intermixed_args(argv)
    except UsageError as error:
        return _refuse(str(error))
    if args.help:
        command_parser().print_help()
        return 0
    if args.dataset is not None:
        if not args.dataset or args.paths or args.cache is not None:
            return _refuse("--dataset needs one DIR (a folder written by colt-tui dataset)")
        return _browse_dataset(args.dataset)
    if args.cache == "":
        return _refuse("--cache needs a FILE")
    if args.paths and args.paths[0] in COMMANDS:
        return _refuse("give --cache FILE after the command")
    return _browse(args.paths, args.cache)


def print_config() -> int:
    """Say where the config is read from, what it sets, and what could be set."""
    from textual.theme import BUILTIN_THEMES

    from ..app import binding_ids
    from ..config import describe, load_config

    print(describe(load_config(), binding_ids(), list(BUILTIN_THEMES)))
    return 0


def _refuse(message: str) -> int:
    print(f"colt-tui: {message}", file=sys.stderr)
    return EXIT_USAGE


def _browse_dataset(directory: str) -> int:
    """The browser over a dataset `colt-tui dataset` wrote, read-only."""
    folder = Path(directory)
    if not (folder / "filings").is_dir():
        from ..data.text import safe_name

        return _refuse(f"{safe_name(directory)}: not a dataset (no filings/ folder in it)")
    from ..app import run_app

    return run_app([str(folder)], ":memory:", dataset=str(folder))


def _browse(paths: list[str], cache: str | None) -> int:
    """Open the browser on the given paths (default ./filings)."""
    if not paths:
        default = Path("filings")
        if not default.is_dir():
            return _refuse("no PATH given and no ./filings folder here")
        paths = [str(default)]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        from ..data.text import safe_name

        return _refuse(f"{safe_name(missing[0])}: no such file or folder")
    if cache and cache != ":memory:":
        from ..data.paths import holding_root

        root = holding_root(cache, paths)
        if root is not None:
            from ..data.text import safe_name

            return _refuse(f"{safe_name(cache)}: refusing to put the cache inside the filings folder "
                           f"{safe_name(root)}")
    from ..app import run_app

    return run_app(paths, cache)
