"""Quote-mark scanning over the original text: which stretches are quoted, with exact offsets.

Quote marks are read from their context, not counted: an apostrophe between letters never
opens or closes anything, a straight mark opens after a space and closes before one, single
marks nest inside double ones, and a paragraph that ends inside a quote continues it only when
the next paragraph reopens it with the same style of mark (the English multi-paragraph convention).
Anything unbalanced is dropped, never raised.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from factextract.data.cues import (
    DOUBLE_AMBIGUOUS,
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    QUOTE_MARKS,
    SINGLE_AMBIGUOUS,
    SINGLE_CLOSE,
    SINGLE_OPEN,
)

_DOUBLE = DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_AMBIGUOUS
_SINGLE = SINGLE_OPEN | SINGLE_CLOSE | SINGLE_AMBIGUOUS
# Characters after which a mark starts something: "(“", "—‘", a line start.
_OPENING_CONTEXT = frozenset(" \t\n\r([{—–-/:;,") | DOUBLE_OPEN | SINGLE_OPEN


@dataclass(frozen=True)
class QuotedSpan:
    """Text between quote marks: one segment per paragraph it spans, marks excluded."""

    segments: tuple[tuple[int, int], ...]
    open_mark: int
    close_mark: int
    double: bool

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def text(self, source: str) -> str:
        return " ".join(source[s:e] for s, e in self.segments)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield start, end
        start = end + 1


def _width(text: str, i: int) -> int:
    """Two apostrophes in a row are one double mark (the ''…'' style of some newspapers)."""
    return 2 if text.startswith("''", i) else 1


def _role(text: str, i: int, line_start: int, line_end: int) -> str:
    """'open', 'close', 'apostrophe' or 'either' for the mark at i, from its neighbours."""
    mark = text[i]
    width = _width(text, i)
    before = text[i - 1] if i > line_start else " "
    after = text[i + width] if i + width < line_end else " "
    if width == 1 and mark in _SINGLE and before.isalnum() and after.isalnum():
        return "apostrophe"
    opens = before in _OPENING_CONTEXT or before.isspace()
    closes = not before.isspace() and not after.isalnum()
    if mark in DOUBLE_OPEN or mark in SINGLE_OPEN:
        # A curly opening mark glued to the end of a word is a mistyped closing one.
        return "close" if closes and not opens else "open"
    if mark in DOUBLE_CLOSE or mark in SINGLE_CLOSE:
        if mark in SINGLE_CLOSE and not opens and not closes:
            return "apostrophe"
        return "open" if opens and not closes and not after.isspace() else "close"
    if opens and not after.isspace():
        return "open"
    if closes:
        return "close"
    return "either"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quoted(text: str) -> list[QuotedSpan]:
    """Every top-level quoted stretch, in text order; unclosed or empty quotes are dropped."""
    found: list[QuotedSpan] = []
    # A double quote left open at the end of a paragraph: (first opening mark, segments so far).
    pending: tuple[int, list[tuple[int, int]]] | None = None
    for line_start, line_end in _lines(text):
        first = line_start
        while first < line_end and text[first].isspace():
            first += 1
        if first == line_end:
            continue
        stack: list[tuple[bool, int]] = []  # (is double, offset where the quoted words start)
        segments: list[tuple[int, int]] = []
        open_mark = -1
        scan_from = first
        if pending is not None:
            reopened = _is_double(text, first) and _role(text, first, line_start, line_end) == "open"
            if reopened and _style(text, first) == _style(text, pending[0]):
                open_mark, segments = pending
                scan_from = first + _width(text, first)
                stack.append((True, scan_from))
            pending = None
        i = scan_from - 1
        while i + 1 < line_end:
            i += 1
            mark = text[i]
            if mark not in QUOTE_MARKS:
                continue
            role = _role(text, i, line_start, line_end)
            if role == "apostrophe":
                continue
            width = _width(text, i)
            if _is_double(text, i):
                if not stack or not stack[0][0]:
                    if role in ("open", "either"):
                        stack = [(True, i + width)]  # a double mark overrides an unclosed single one
                        open_mark = i
                elif role == "open" and i > stack[-1][1]:
                    stack.append((True, i + width))  # same-type nesting: "he asked "why?" and left"
                else:
                    piece_start = stack[0][1]
                    stack.pop()
                    if not stack:
                        segments.append(_trimmed(text, piece_start, i))
                        _emit(found, text, segments, open_mark, i, True)
                        segments, open_mark = [], -1
                i += width - 1
            elif stack and stack[0][0]:
                continue  # single marks inside a double quote are part of it
            elif role == "open" and not stack:
                stack.append((False, i + 1))
            elif role in ("close", "either") and stack:
                opened = stack.pop()[1]
                _emit(found, text, [_trimmed(text, opened, i)], opened - 1, i, False)
        if stack and stack[0][0]:
            segments.append(_trimmed(text, stack[0][1], line_end))
            pending = (open_mark, segments)
    return found


def _style(text: str, i: int) -> str:
    """Straight, doubled-apostrophe or typographic: a paragraph continues a quote with the mark that opened
    it. A straight mark opening an excerpt whose next paragraph starts with “ is an outer layer, not this."""
    if _width(text, i) == 2:
        return "apostrophes"
    return "straight" if text[i] == '"' else "typographic"


def _is_double(text: str, i: int) -> bool:
    return text[i] in _DOUBLE or _width(text, i) == 2


def _emit(
    found: list[QuotedSpan], text: str, segments: list[tuple[int, int]], open_mark: int, close: int, double: bool
) -> None:
    kept = tuple((s, e) for s, e in segments if e > s)
    if kept and any(ch.isalnum() for s, e in kept for ch in text[s:e]):
        found.append(QuotedSpan(kept, open_mark, close, double))
