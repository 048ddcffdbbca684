"""Past one machine: parse a whole archive on a Dask cluster into a Hive-partitioned Parquet dataset
(facts/, filings/, labels/ by year) that pandas, DuckDB and `open_dataset` read. Optional: the `dask`
extra (`pip install 'colt-tui[dask]'`)."""

from .read import open_dataset
from .run import DatasetReport, MissingDask, build_dataset, require_dask

__all__ = ["DatasetReport", "MissingDask", "build_dataset", "open_dataset", "require_dask"]
