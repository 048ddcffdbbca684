"""The layers hold: the parser imports no UI, the cache never imports the command line, and no module of
`parser` or `tui` is part of an import cycle.

The import graph is read from the source with the standard library's `ast` (no dependency, and nothing
is imported, so a module with import-time work or a missing extra is read like any other). Every import
statement counts, those inside functions too: a function-level import that closes a cycle only hides it
until the function runs. Imports under `if TYPE_CHECKING:` never run and are left out. As in grimp and
import-linter, importing `a.b.c` is an edge to `a.b.c` alone, not to the packages `a` and `a.b` that
Python loads first.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("parser", "tui")


def module_files() -> dict[str, Path]:
    """Every module of the packages by its dotted name (a package by its own name, for its __init__)."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def imports_of(module: str, path: Path, modules: set[str]) -> tuple[set[str], set[str]]:
    """(internal, external): the modules of the packages this module imports, and the other top-level
    names it imports. `from a import b` is the module a.b when there is one, else the module a."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    targets: set[str] = set()
    for node in _executed(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: package.count(".") + 2 - node.level]
                base = ".".join(anchor + ([base] if base else []))
            targets.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                           for alias in node.names)
    internal = {_nearest_module(name, modules) for name in targets if name.split(".")[0] in PACKAGES}
    external = {name.split(".")[0] for name in targets if name.split(".")[0] not in PACKAGES}
    return internal - {module}, external


def _nearest_module(name: str, modules: set[str]) -> str:
    """The module a dotted name lies in (`tui.data.text.printable` → `tui.data.text`)."""
    while name not in modules and "." in name:
        name = name.rpartition(".")[0]
    return name


def _executed(tree: ast.AST):
    """Every node of the tree but those under `if TYPE_CHECKING:` (its `else:` branch runs, and counts)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for branch in node.orelse:
                yield branch
                yield from _executed(branch)
            continue
        yield node
        yield from _executed(node)


def import_graph() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(internal, external) imports of every module of the packages, by module."""
    files = module_files()
    internal, external = {}, {}
    for module, path in files.items():
        internal[module], external[module] = imports_of(module, path, set(files))
    return internal, external


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every module `start` imports, directly or through others."""
    seen: set[str] = set()
    todo = [start]

    while todo:
        for target in graph[todo.pop()] - seen:
            seen.add(target)
            todo.append(target)
    return seen


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles: each strongly connected group of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(groups)


GRAPH, EXTERNAL = import_graph()


def test_the_graph_is_read_right():
    # Known edges of each kind: top-level, inside a function, relative (one and two levels up), from a package.
    assert "parser.names" in GRAPH["tui.output"]
    assert "tui.app" in GRAPH["tui.cli.browse"]  # inside a function
    assert {"tui.cli.arguments", "tui.cli.errors", "tui.output"} <= GRAPH["tui.cli.facts"] | GRAPH["tui.cli"]
    assert "tui.data.text" in GRAPH["tui.index.facts"] and "parser" in GRAPH["tui.cli.loading"]
    assert "pandas" in EXTERNAL["parser.frames"] and "textual" in EXTERNAL["tui.app"]
    assert {"parser.model", "tui.cli", "tui.index.record"} <= set(GRAPH) and len(GRAPH) > 100


def test_cycles_are_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a", "e"}, "e": {"d"}, "f": set()}
    assert cycles(graph) == [["a", "b", "c"], ["d", "e"]]
    assert reachable(graph, "d") == {"a", "b", "c", "d", "e"}


def test_the_parser_imports_no_ui():
    for module in (m for m in GRAPH if m.split(".")[0] == "parser"):
        assert not EXTERNAL[module] & {"textual", "rich"}, module
        assert all(target.startswith("parser") for target in GRAPH[module]), (module, GRAPH[module])


def test_the_cache_never_reaches_the_command_line_or_the_screens():
    for module in (m for m in GRAPH if m.startswith(("tui.index", "tui.data"))):
        reached = reachable(GRAPH, module)
        assert not {m for m in reached if m.startswith("tui.cli")}, module
        assert not {m for m in reached if m.startswith(("tui.app", "tui.screens", "tui.widgets"))}, module


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycles(package):
    found = [group for group in cycles(GRAPH) if group[0].split(".")[0] == package]
    assert found == []


def test_every_package_ships_in_a_wheel():
    import tomllib
    from fnmatch import fnmatch

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = {module for module, path in module_files().items() if path.name == "__init__.py"}
    assert {"tui.cli", "tui.data", "tui.index", "tui.screens", "tui.widgets"} <= packages
    assert {p for p in packages if not any(fnmatch(p, pattern) for pattern in patterns)} == set()
