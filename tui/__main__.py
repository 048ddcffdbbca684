"""`python -m tui` runs the same command line as `colt-tui`."""

import sys

from .cli import main

sys.exit(main())
