"""Offset indexes over spans, so that per-candidate questions about a long text cost
O(log n) instead of a scan of every token or span (a 1 MB text would otherwise be quadratic)."""

from __future__ import annotations

import bisect

from ..document import Token


class TokenIndex:
    """``doc.tokens`` by character offset: the tokens inside a span in O(log n + k), so a long
    text costs linear time instead of a scan of every token per candidate."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.starts = [t.start for t in tokens]

    def within(self, start: int, end: int) -> list[Token]:
        """Tokens with ``start <= token.start`` and ``token.end <= end``, in text order."""
        out, i = [], bisect.bisect_left(self.starts, start)
        while i < len(self.tokens) and self.tokens[i].start <= end:
            if self.tokens[i].end <= end:
                out.append(self.tokens[i])
            i += 1
        return out


class LongerSpans:
    """Does a longer span contain a candidate? Spans sorted by start with a running maximum of
    their ends answer in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.max_end, top = [], -1
        for _, end in self.spans:
            top = max(top, end)
            self.max_end.append(top)

    def contain(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.starts, start)  # spans starting strictly before
        if before and self.max_end[before - 1] >= end:
            return True
        same = bisect.bisect_right(self.starts, start)  # spans starting here must end later
        return any(e > end for _, e in self.spans[before:same])


class KeptSpans:
    """Kept spans, which never overlap each other: sorted by (start, end), their ends rise too,
    so the only kept span that can overlap a new one is the first ending after its start."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.ends, start)
        return i < len(self.spans) and self.spans[i][0] < end

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.spans, (start, end))
        self.spans.insert(i, (start, end))
        self.ends.insert(i, end)
