"""Every test (and every command it runs) keeps the index cache in a temporary folder, never the user's."""

import atexit
import os
import shutil
import tempfile

_CACHE = tempfile.mkdtemp(prefix="colt-tui-test-cache-")
os.environ["COLT_TUI_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
