"""The facts table of a folder read back from the cache: the same DataFrame as `parser.facts_frame`, and
the same CSV as `colt-tui facts` printed from it, streamed file by file."""

from __future__ import annotations

import zlib

from .record import LEVEL

TEXT_COLUMNS = ("table_title", "group", "line_item", "column_label", "raw")


def facts_from_store(store, paths: list[str]):
    """Concatenate the cached per-filing facts frames, in the order of `paths`."""
    import pandas as pd

    from parser import facts_frame

    blobs = store.blobs(paths, "facts")
    frames = [frame for frame in (store.unpickled(blobs.get(path)) for path in paths) if frame is not None]
    if not frames:
        return facts_frame([])
    if len(frames) == 1:
        return frames[0]
    return pd.concat(frames, ignore_index=True)


def safe_frame(frame, safe):
    """The facts frame with `safe` applied to its text columns (only where a value holds a control character)."""
    from ..shown import CONTROL as _CONTROL

    for name in TEXT_COLUMNS:
        column = frame[name]
        unsafe = column.str.contains(_CONTROL.pattern, regex=True)
        if unsafe.any():
            column = column.copy()
            column[unsafe] = column[unsafe].map(safe)
            frame[name] = column
    return frame


def csv_body(frame) -> bytes:
    """A filing's facts as the CSV lines `colt-tui facts` prints (no header), compressed for the cache."""
    from ..shown import safe

    text = safe_frame(frame.copy(), safe).to_csv(index=False, header=False)
    return zlib.compress(text.encode("utf-8"), LEVEL)


def csv_lines(store, paths: list[str]) -> dict[str, str]:
    """The cached CSV lines of these files, keyed by path (files without facts left out)."""
    blobs = store.blobs(paths, "facts_csv")
    texts = {path: store.text(blobs.get(path)) for path in paths}
    return {path: text for path, text in texts.items() if text}


def write_csv(paths: list[str], out, read_chunk) -> None:
    """Write the header, then each filing's CSV lines, in the order of `paths`, 200 files at a time:
    `read_chunk(paths)` gives their lines, read whole before any is written."""
    from parser import facts_frame

    out.write(facts_frame([]).to_csv(index=False))
    for start in range(0, len(paths), 200):
        chunk = paths[start:start + 200]
        texts = read_chunk(chunk)
        for path in chunk:
            if path in texts:
                out.write(texts[path])
