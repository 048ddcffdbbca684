"""Every test (and every command it runs) keeps the index cache in a temporary folder, never the user's."""

import os
import tempfile

os.environ["COLT_TUI_CACHE_DIR"] = tempfile.mkdtemp(prefix="colt-tui-test-cache-")
