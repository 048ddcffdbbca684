"""The facts table of a folder read back from the cache: the same DataFrame as `parser.facts_frame`."""

from __future__ import annotations

from .record import expand


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
