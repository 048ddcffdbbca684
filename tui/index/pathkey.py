"""Paths as the cache stores them: as text when they are UTF-8, as their bytes (a BLOB) when not.

A file name may be any bytes; Python keeps those that are not UTF-8 as lone surrogates, which
SQLite cannot take as text. Storing such a path's bytes keeps every key exact and distinct (a BLOB
never equals a TEXT value), and caches written before stay valid.
"""

from __future__ import annotations

import os


def to_key(path: str) -> str | bytes:
    """The value stored for a path: itself when it encodes as UTF-8, else its bytes on disk."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        try:
            return os.fsencode(path)
        except UnicodeEncodeError:
            return path.encode("utf-8", "surrogatepass")  # a lone surrogate no file name can hold


def from_key(key: str | bytes) -> str:
    """The path a stored value stands for (the inverse of `to_key`)."""
    return key if isinstance(key, str) else os.fsdecode(key)
