"""The command line: `colt-tui [PATH...]` opens the browser; `index`, `facts`, `outline`, `tables`, `check`
read filings and print; `fetch` and `dataset` get and convert whole archives. Nothing is ever written into
the filings folder (the cache lives elsewhere).

Opening the browser is the start-up path, so this module imports nothing heavy: each command's module
(and with it the parser and pandas) loads only when that command runs."""

from __future__ import annotations

import sys
from importlib import import_module

from .arguments import COMMANDS, command_parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--print-config"]:
        from .browse import print_config

        return print_config()
    if not argv or _opens_browser(argv[0]):
        from .browse import browse

        return browse(argv)
    args = command_parser().parse_args(argv)
    if args.command is None:
        from .browse import browse

        return browse([])
    return _run_command(args)


def _opens_browser(first: str) -> bool:
    """True when the arguments are the browser's: a PATH, or `--cache`/`--dataset`, comes first."""
    if first in COMMANDS:
        return False
    return not first.startswith("-") or first.split("=", 1)[0] in ("--cache", "--dataset")


def _run_command(args) -> int:
    """Run a parsed command; every failure becomes one line on standard error and an exit code."""
    from ..output import OutputError
    from .errors import EXIT_INTERRUPTED, EXIT_USAGE, CommandError
    from .output import flush_stdout, require_stdout, silence_stdout

    try:
        if not getattr(args, "output", None):
            require_stdout()
        command = import_module(f"{__name__}.{COMMANDS[args.command]}")
        code = getattr(command, f"run_{args.command}")(args)
        flush_stdout()
        return code
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as every command does
        silence_stdout()
        return 0
    except (CommandError, OutputError) as error:
        print(f"colt-tui: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:  # a write to standard output failed (a full disk, a closed descriptor)
        reason = error.strerror or type(error).__name__
        if error.filename is not None:  # not a stream write: name the file
            from parser.names import shown_name

            print(f"colt-tui: {shown_name(str(error.filename))}: {reason}", file=sys.stderr)
            return EXIT_USAGE
        silence_stdout()
        print(f"colt-tui: cannot write to standard output ({reason})", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # what was parsed before is in the cache; the workers ignore Ctrl-C and are ended
        print(("\n" if sys.stderr.isatty() else "") + "colt-tui: interrupted", file=sys.stderr)  # past a progress bar
        return EXIT_INTERRUPTED
