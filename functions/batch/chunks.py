"""Cutting a JSONL file into chunks of whole lines, and walking a chunk's lines with their offsets and numbers.

Chunks are planned from one streaming pass over the object (newline search runs in C, so a 1 GB file
takes seconds) and each is then read with a ranged GET by its own invocation: the planner knows the exact
line number every chunk starts at, so failures are reported with the file's own line numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int  # byte offset of the chunk's first line
    end: int  # byte offset just after its last line
    first_line: int  # 1-based number of its first line


@dataclass(frozen=True)
class Line:
    number: int
    start: int  # byte offset in the file
    end: int  # byte offset just after the line's newline
    data: bytes  # without the line ending


def plan(blocks: Iterable[bytes], max_lines: int, max_bytes: int) -> list[Span]:
    """Spans of at most max_lines lines and about max_bytes bytes (a longer single line is a span alone)."""
    spans: list[Span] = []
    start = 0
    first_line = 1
    lines = 0
    offset = 0
    for block in blocks:
        index = block.find(b"\n")
        while index != -1:
            lines += 1
            line_end = offset + index + 1
            if lines >= max_lines or line_end - start >= max_bytes:
                spans.append(Span(start, line_end, first_line))
                start, first_line, lines = line_end, first_line + lines, 0
            index = block.find(b"\n", index + 1)
        offset += len(block)
    if offset > start:
        spans.append(Span(start, offset, first_line))
    return spans


def lines(data: bytes, start: int, first_line: int) -> Iterator[Line]:
    """The lines of data, which begins at byte start of the file with line number first_line."""
    position = 0
    number = first_line
    while position < len(data):
        newline = data.find(b"\n", position)
        end = len(data) if newline == -1 else newline + 1
        content = data[position:end].rstrip(b"\r\n")
        yield Line(number, start + position, start + end, content)
        position = end
        number += 1
