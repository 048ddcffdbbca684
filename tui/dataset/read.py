"""Reading a dataset back: `open_dataset(DIR)` gives the facts as a pandas DataFrame (filters pushed
down to Parquet), only the latest parse of each file (a re-parsed file's older rows stay on disk and
are left out here); `present_keys` is what the incremental run skips."""

from __future__ import annotations

from pathlib import Path

KEY = ["source_path", "source_size", "source_mtime_ns", "parser_version"]


def _read(folder: Path, filters=None, columns=None):
    import pandas as pd

    if not folder.is_dir() or not any(folder.rglob("*.parquet")):
        return None
    frame = pd.read_parquet(folder, engine="pyarrow", filters=filters, columns=columns)
    if "year" in frame.columns:
        frame["year"] = frame["year"].astype("int64")
    return frame


def current_filings(out):
    """The filings table, one row per source path: its latest parse."""
    frame = _read(Path(out) / "filings")
    if frame is None:
        return None
    return frame.sort_values("parsed_ns").groupby("source_path", sort=False).tail(1).reset_index(drop=True)


def present_keys(out) -> set[tuple]:
    """(path, size, mtime, parser version) of every filing the dataset holds."""
    frame = _read(Path(out) / "filings", columns=KEY)
    if frame is None:
        return set()
    return set(map(tuple, frame[KEY].itertuples(index=False, name=None)))


def open_dataset(out, filters=None, table: str = "facts"):
    """A table of the dataset at `out` ('facts', 'filings' or 'labels') as a pandas DataFrame, with
    `filters` (pyarrow's, e.g. [("year", "=", 1997)]) pushed down; facts and labels of the latest parse
    of each file only. An empty DataFrame when the dataset holds none."""
    import pandas as pd

    out = Path(out)
    if table == "filings":
        frame = current_filings(out)
        if frame is not None and filters:
            frame = _read(out / "filings", filters=filters).merge(frame[KEY + ["parsed_ns"]], on=KEY + ["parsed_ns"])
        return frame if frame is not None else pd.DataFrame()
    frame = _read(out / table, filters=filters)
    if frame is None:
        return pd.DataFrame()
    latest = current_filings(out)
    if latest is None:  # rows without their filings/ entries: none can be told current
        return frame.iloc[0:0]
    return frame.merge(latest[KEY], on=KEY, how="inner").reset_index(drop=True)
