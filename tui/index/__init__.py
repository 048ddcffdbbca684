"""The folder index: every filing parsed once and kept in an on-disk cache, with its search vocabulary.

Headless: nothing here imports textual or rich. Names are imported on first use (PEP 562), so that
`tui.index.glance` can read the filing list before the rest of the index (and the parser) is loaded.
"""

_LAZY = {
    "Report": "build", "CacheLocationError": "cachefile", "CacheLocked": "cachefile", "CacheRefused": "cachefile",
    "MEMORY": "folder", "FolderIndex": "folder", "open_index": "folder", "Summary": "summary",
    "default_cache_path": "cachefile",
}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["MEMORY", "CacheLocationError", "CacheLocked", "CacheRefused", "FolderIndex", "Report", "Summary",
           "default_cache_path", "open_index"]
