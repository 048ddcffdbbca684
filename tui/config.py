"""The user's settings: `config.toml` in the user config folder (`$COLT_TUI_CONFIG` names another file).

    theme = "nord"                  # any Textual theme (ctrl+p > Change theme lists them)
    export_folder = "~/exports"     # where export dialogs start
    [keys]                          # binding id = key(s), as Textual's keymap takes them
    search = "ctrl+f"
    compare = "c,ctrl+k"
    user_agent = "Jane Doe jane@example.com"   # for `colt-tui fetch`

A file that is missing gives the defaults; a file that cannot be read or holds a wrong value gives the
defaults for what is wrong, and one line for each problem (shown as a note in the app), never a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ENV_VAR = "COLT_TUI_CONFIG"
FILE_NAME = "config.toml"
KNOWN = ("theme", "export_folder", "keys", "user_agent")


@dataclass(frozen=True)
class Config:
    """The settings read, where from, and what was wrong with them."""

    path: Path
    found: bool = False
    theme: str | None = None
    export_folder: Path | None = None
    keys: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    user_agent: str | None = None  # for `colt-tui fetch`: "Name email"


def config_path(environ=os.environ) -> Path:
    """`$COLT_TUI_CONFIG`, else config.toml in the user config folder (e.g. ~/.config/colt-tui/)."""
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("colt-tui", appauthor=False)) / FILE_NAME


def load_config(path: Path | None = None) -> Config:
    """Read the settings; every problem becomes a line in `problems`, the rest still applies."""
    from .data.text import safe_name

    path = path or config_path()
    shown = safe_name(str(path))
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(path)
    except IsADirectoryError:
        return Config(path, problems=(f"{shown}: is a folder, not a config file",))
    except OSError as error:
        return Config(path, problems=(f"{shown}: cannot read ({error.strerror or type(error).__name__})",))
    import tomllib  # here: most users have no config file, and start-up does not pay for the reader

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Config(path, problems=(f"{shown}: not UTF-8 text",))
    except tomllib.TOMLDecodeError as error:
        return Config(path, problems=(f"{shown}: not valid TOML ({safe_name(str(error))})",))
    problems = [f"{shown}: unknown setting {safe_name(str(name))!r} (known: {', '.join(KNOWN)})"
                for name in data if name not in KNOWN]
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(f"{shown}: theme must be a name in quotes")
        theme = None
    folder = data.get("export_folder")
    export_folder = None
    if folder is not None:
        if not isinstance(folder, str) or not folder.strip():
            problems.append(f"{shown}: export_folder must be a folder path in quotes")
        else:
            export_folder = Path(folder).expanduser()
            if not export_folder.is_dir():
                problems.append(f"{shown}: export_folder {safe_name(folder)}: no such folder")
                export_folder = None
    keys: dict[str, str] = {}
    table = data.get("keys", {})
    if not isinstance(table, dict):
        problems.append(f"{shown}: [keys] must be a table of binding id = \"key\"")
        table = {}
    for name, value in table.items():
        if isinstance(value, str) and value.strip():
            keys[str(name)] = value.strip()
        else:
            problems.append(f"{shown}: keys.{safe_name(str(name))} must be a key name in quotes, e.g. \"ctrl+f\"")
    user_agent = data.get("user_agent")
    if user_agent is not None and not isinstance(user_agent, str):
        problems.append(f"{shown}: user_agent must be \"Name email\" in quotes")
        user_agent = None
    return Config(path, True, theme, export_folder, keys, tuple(problems), user_agent)


def describe(config: Config, binding_ids: list[str], themes: list[str]) -> str:
    """What `colt-tui --print-config` prints: where the file is, what it sets, what may be set."""
    from .data.text import safe_name

    lines = [f"config file: {safe_name(str(config.path))} ({'read' if config.found else 'not found: defaults apply'})",
             f"set ${ENV_VAR} to read another file"]
    lines.append(f"theme = {config.theme!r}" if config.theme else "theme: default (textual-dark)")
    lines.append(f"export_folder = {str(config.export_folder)!r}" if config.export_folder
                 else "export_folder: default (the working directory)")
    for name, keys in sorted(config.keys.items()):
        lines.append(f"keys.{name} = {keys!r}")
    problems = list(config.problems)
    if config.theme and config.theme not in themes:
        problems.append(f"unknown theme {safe_name(config.theme)!r}")
    problems += [f"no binding {safe_name(name)!r} to remap" for name in sorted(set(config.keys) - set(binding_ids))]
    lines += [f"problem: {problem}" for problem in problems]
    lines.append("binding ids for [keys]: " + ", ".join(sorted(binding_ids)))
    lines.append("themes: " + ", ".join(sorted(themes)))
    return "\n".join(lines)
