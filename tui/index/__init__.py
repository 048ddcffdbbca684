"""The folder index: every filing parsed once and kept in an on-disk cache, with its search vocabulary.

Headless: nothing here imports textual or rich.
"""

from .build import Report
from .cachefile import CacheLocationError, CacheLocked, CacheRefused
from .folder import MEMORY, FolderIndex, open_index
from .record import Summary
from .store import default_cache_path

__all__ = ["MEMORY", "CacheLocationError", "CacheLocked", "CacheRefused", "FolderIndex", "Report", "Summary",
           "default_cache_path", "open_index"]
