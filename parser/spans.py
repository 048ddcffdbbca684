"""Which of a list of line spans holds a line, asked for many lines without going through every
span each time (a submission of many documents, each with a table, was documents x tables)."""

from __future__ import annotations

from bisect import bisect_right

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (PEP 781)
if TYPE_CHECKING:
    from collections.abc import Iterable


class SpanFinder:
    """Spans (start, stop), half open, in a given order; `first(line)` is the position of the
    first of them, in that order, with start <= line < stop, or None. Spans in line order that
    do not overlap (a submission's documents) are searched by bisection; others one by one."""

    def __init__(self, spans: Iterable[tuple[int, int] | tuple[int, int, object]]) -> None:
        self.spans = [(span[0], span[1]) for span in spans]
        self.ordered = all(start <= stop for start, stop in self.spans) and all(
            before[1] <= after[0] for before, after in zip(self.spans, self.spans[1:]))
        self.starts = [start for start, _ in self.spans]

    def first(self, line: int) -> int | None:
        """The position of the first span holding `line`, or None."""
        if not self.ordered:
            return next((position for position, (start, stop) in enumerate(self.spans) if start <= line < stop), None)
        position = bisect_right(self.starts, line) - 1
        if position >= 0 and line < self.spans[position][1]:
            return position
        return None
