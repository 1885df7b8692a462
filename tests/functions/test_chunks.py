"""Chunk planning: whole lines, the file's own line numbers, and lines too large to read kept apart."""

from __future__ import annotations

from batch.chunks import Span, lines, plan

FILE = b"one\ntwo\n" + b"x" * 50 + b"\nfour\nfive"


def blocks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def test_spans_cover_the_file_in_whole_lines_whatever_the_read_size() -> None:
    for size in (1, 3, 7, len(FILE)):
        spans = plan(blocks(FILE, size), max_lines=2, max_bytes=1_000)
        assert spans == [Span(0, 8, 1), Span(8, 64, 3), Span(64, 68, 5)]
        assert b"".join(FILE[s.start : s.end] for s in spans) == FILE


def test_a_line_over_the_line_limit_is_a_span_alone_marked_too_large() -> None:
    spans = plan([FILE], max_lines=10, max_bytes=1_000, max_line_bytes=49)
    assert spans == [Span(0, 8, 1), Span(8, 59, 3, too_large=True), Span(59, 68, 4)]


def test_a_line_exactly_at_the_line_limit_is_read_as_usual() -> None:
    assert plan([FILE], max_lines=10, max_bytes=1_000, max_line_bytes=50) == [Span(0, 68, 1)]


def test_a_line_of_max_bytes_or_more_does_not_join_the_lines_before_it() -> None:
    assert plan([FILE], max_lines=10, max_bytes=40) == [Span(0, 8, 1), Span(8, 59, 3), Span(59, 68, 4)]


def test_a_too_large_last_line_without_newline_is_marked() -> None:
    data = b"ok\n" + b"y" * 30
    assert plan(blocks(data, 4), max_lines=10, max_bytes=1_000, max_line_bytes=20) == [
        Span(0, 3, 1),
        Span(3, 33, 2, too_large=True),
    ]


def test_lines_of_a_span_carry_file_offsets_and_numbers() -> None:
    span = Span(59, 68, 4)
    assert [(line.number, line.start, line.data) for line in lines(FILE[span.start : span.end], 59, 4)] == [
        (4, 59, b"four"),
        (5, 64, b"five"),
    ]
