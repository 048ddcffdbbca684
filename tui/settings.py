"""The user's config applied to the app: theme, remapped keys (Textual's keymap, by binding id) and the
export folder; every problem is said in one note and the rest still applies."""

from __future__ import annotations

from .config import Config


def binding_ids() -> list[str]:
    """Every binding id the [keys] table of the config can remap."""
    from .app import ColtApp
    from .screens.compare import CompareScreen
    from .screens.main import MainScreen
    from .screens.series import SeriesScreen

    return sorted(binding.id for owner in (ColtApp, MainScreen, CompareScreen, SeriesScreen)
                  for binding in owner.BINDINGS if getattr(binding, "id", None))


def apply_config(app, config: Config) -> list[str]:
    """Apply the settings to the app; the problems met (the config's own and unknown names), one line each."""
    from .data.text import safe_name

    problems = list(config.problems)
    if config.theme:
        if config.theme in app.available_themes:
            app.theme = config.theme
        else:
            problems.append(f"{safe_name(str(config.path))}: unknown theme {safe_name(config.theme)!r} "
                            f"(themes: {', '.join(sorted(app.available_themes))})")
    known = set(binding_ids())
    keymap = {name: keys for name, keys in config.keys.items() if name in known}
    for name in sorted(set(config.keys) - known):
        problems.append(f"{safe_name(str(config.path))}: no binding {safe_name(name)!r} to remap "
                        "(colt-tui --print-config lists them)")
    if keymap:
        app.set_keymap(keymap)
    app.export_folder = config.export_folder
    return problems
