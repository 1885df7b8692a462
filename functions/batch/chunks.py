"""Cutting a JSONL file into chunks of whole lines, and walking a chunk's lines with their offsets and numbers.

Chunks are planned from one streaming pass over the object (newline search runs in C, so a 1 GB file
takes seconds) and each is then read with a ranged GET by its own invocation: the planner knows the exact
line number every chunk starts at, so failures are reported with the file's own line numbers. A line too
large to hold an acceptable article is a span alone, marked, and never read: a 200 MB line costs no download.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int  # byte offset of the chunk's first line
    end: int  # byte offset just after its last line
    first_line: int  # 1-based number of its first line
    too_large: bool = False  # one line longer than max_line_bytes: to be listed as failed, not read


@dataclass(frozen=True)
class Line:
    number: int
    start: int  # byte offset in the file
    end: int  # byte offset just after the line's newline
    data: bytes  # without the line ending


def plan(blocks: Iterable[bytes], max_lines: int, max_bytes: int, max_line_bytes: int | None = None) -> list[Span]:
    """Spans of at most max_lines lines and about max_bytes bytes. A line of max_bytes or more is a span alone,
    and so is a line longer than max_line_bytes (its ending not counted), marked too_large."""
    spans: list[Span] = []
    start = 0  # where the open span starts
    line_start = 0
    first_line = 1
    lines = 0  # lines in the open span
    offset = 0  # file offset of the current block

    def close(end: int, too_large: bool = False) -> None:
        nonlocal start, first_line, lines
        spans.append(Span(start, end, first_line, too_large))
        start, first_line, lines = end, first_line + lines, 0

    def end_line(content_end: int, line_end: int) -> None:
        nonlocal lines, line_start
        too_large = max_line_bytes is not None and content_end - line_start > max_line_bytes
        if lines and (too_large or line_end - line_start >= max_bytes):
            close(line_start)
        lines += 1
        line_start = line_end
        if too_large or lines >= max_lines or line_end - start >= max_bytes:
            close(line_end, too_large)

    for block in blocks:
        index = block.find(b"\n")
        while index != -1:
            end_line(offset + index, offset + index + 1)
            index = block.find(b"\n", index + 1)
        offset += len(block)
    if offset > line_start:
        end_line(offset, offset)  # a last line without a newline
    if lines:
        close(line_start)
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
