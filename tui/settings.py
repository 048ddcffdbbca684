"""The user's config applied to the app: theme, remapped keys (Textual's keymap, by binding id) and the
export folder; every problem is said in one note and the rest still applies."""

from __future__ import annotations

from .config import Config


def apply_config(app, config: Config) -> list[str]:
    """Apply the settings to the app before its first paint (nothing heavy is imported); the problems
    met, one line each. Key names are checked against the bindings by `unknown_bindings`, later."""
    from .data.text import safe_name

    problems = list(config.problems)
    if config.theme:
        if config.theme in app.available_themes:
            app.theme = config.theme
        else:
            problems.append(f"{safe_name(str(config.path))}: unknown theme {safe_name(config.theme)!r} "
                            f"(themes: {', '.join(sorted(app.available_themes))})")
    if config.keys:
        app.set_keymap(dict(config.keys))  # an id no binding has changes nothing
    app.export_folder = config.export_folder
    return problems


def unknown_bindings(config: Config, binding_ids: list[str]) -> list[str]:
    """A line for each [keys] name none of the binding ids (`tui.app.binding_ids()`) is."""
    from .data.text import safe_name

    known = set(binding_ids)
    return [f"{safe_name(str(config.path))}: no binding {safe_name(name)!r} to remap "
            "(colt-tui --print-config lists them)" for name in sorted(set(config.keys) - known)]
