"""The facts table of a folder read back from the cache: the same DataFrame as `parser.facts_frame`, and
the same CSV as `colt-tui facts` printed from it, streamed file by file."""

from __future__ import annotations

import zlib

from .record import LEVEL, expand

TEXT_COLUMNS = ("table_title", "group", "line_item", "column_label", "raw")


def facts_from_store(store, paths: list[str]):
    """Concatenate the cached per-filing facts frames, in the order of `paths`."""
    import pandas as pd

    from parser import facts_frame

    blobs = store.blobs(paths, "facts")
    frames = [expand(blobs[path]) for path in paths if blobs.get(path)]
    if not frames:
        return facts_frame([])
    if len(frames) == 1:
        return frames[0]
    return pd.concat(frames, ignore_index=True)


def safe_frame(frame, safe):
    """The facts frame with `safe` applied to its text columns (only where a value holds a control character)."""
    from ..commands import _CONTROL

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
    from ..commands import safe

    text = safe_frame(frame.copy(), safe).to_csv(index=False, header=False)
    return zlib.compress(text.encode("utf-8"), LEVEL)


def write_csv(store, paths: list[str], out) -> None:
    """Write the header, then each filing's cached CSV lines, in the order of `paths`."""
    from parser import facts_frame

    out.write(facts_frame([]).to_csv(index=False))
    for start in range(0, len(paths), 200):
        chunk = paths[start:start + 200]
        blobs = store.blobs(chunk, "facts_csv")
        for path in chunk:
            if blobs.get(path):
                out.write(zlib.decompress(blobs[path]).decode("utf-8"))
