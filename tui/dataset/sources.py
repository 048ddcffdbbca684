"""What a dataset run reads: local files and folders (listed as the local index lists them), or any
fsspec URL (`s3://bucket/edgar/`, `file:///data/`), listed with its size and modification time and
read on the workers; a URL whose filesystem package is missing says which, in one line."""

from __future__ import annotations

import os
from datetime import datetime


class SourceError(Exception):
    """A source cannot be listed; the message is one line."""


def is_url(source: str) -> bool:
    return "://" in source


def list_sources(sources: list[str]) -> list[tuple[str, int, int]]:
    """(path or URL, size, modification time in ns) of every filing under the sources, each once."""
    from ..index.scan import list_paths

    local = [s for s in sources if not is_url(s)]
    found = {s.path: (s.path, s.size, s.mtime_ns) for s in list_paths(local).files if not s.skip and s.size >= 0}
    for url in (s for s in sources if is_url(s)):
        for entry in _list_url(url):
            found.setdefault(entry[0], entry)
    return list(found.values())


def _list_url(url: str) -> list[tuple[str, int, int]]:
    from parser.files import FILING_SUFFIXES, filing_suffix

    try:
        import fsspec

        fs, root = fsspec.core.url_to_fs(url)
        infos = fs.find(root, detail=True) if fs.isdir(root) else {root: fs.info(root)}
    except ImportError as error:
        raise SourceError(f"{url}: {str(error).splitlines()[0]}") from None
    except (OSError, ValueError) as error:
        raise SourceError(f"{url}: cannot list ({error})") from None
    entries = []
    for path, info in sorted(infos.items()):
        name = path.rstrip("/").rsplit("/", 1)[-1]
        if info.get("type") == "file" and not name.startswith(".") and filing_suffix(name) in FILING_SUFFIXES:
            entries.append((fs.unstrip_protocol(path), int(info.get("size") or 0), _mtime_ns(info)))
    return entries


def _mtime_ns(info: dict) -> int:
    """The modification time an fsspec listing gives (seconds, or a datetime), in ns; 0 when none."""
    value = info.get("mtime", info.get("LastModified", info.get("last_modified")))
    if isinstance(value, datetime):
        return int(value.timestamp() * 1e9)
    try:
        return int(float(value) * 1e9) if value is not None else 0
    except (TypeError, ValueError):
        return 0


def load(path: str):
    """The Filing at a local path or URL (never raises: a read failure is the Filing's error)."""
    from parser import load_filing

    if not is_url(path):
        return load_filing(path)
    from parser import Filing
    from parser.files import COMPRESSED, Unreadable, inflate
    from parser.load import parse_bytes
    from parser.text import MAX_BYTES

    name = path.rstrip("/").rsplit("/", 1)[-1]
    try:
        import fsspec

        with fsspec.open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise Unreadable(f"too large (more than the limit of {MAX_BYTES:,} bytes)")
        if name.lower().endswith(COMPRESSED):
            data = inflate(data, MAX_BYTES)
    except Unreadable as error:
        return Filing(path, name, error=f"{name}: {error.reason}")
    except (OSError, ValueError, ImportError) as error:
        return Filing(path, name, error=f"{name}: cannot read ({os.fsdecode(str(error)).splitlines()[0]})")
    return parse_bytes(data, name, path)
