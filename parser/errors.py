"""The one exception type of the parser, which always names the file and, when known, the line."""

from __future__ import annotations


class FilingError(Exception):
    """A file that cannot be read as a filing; str() is one line naming the file."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")
