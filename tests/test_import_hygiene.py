"""The parser stays free of UI code: importing it loads neither textual, rich nor tui."""

import subprocess
import sys


def test_parser_imports_no_ui():
    code = "import sys, parser; parser.load_filing('filings/001_e47b350a37731711.txt'); " \
           "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=__file__.rsplit("/tests/", 1)[0])
    assert result.stdout.strip() == "[]"
