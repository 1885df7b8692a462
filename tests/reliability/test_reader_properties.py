"""Property tests of file reading, the batch path's first step: any bytes under any accepted name are either
read into articles or refused with a coded error; nothing raises, and line numbers stay inside the file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factextract.errors import FactExtractError
from factextract.reader import decode, read_text

NAMES = st.sampled_from(["a.txt", "a.json", "a.jsonl", "A B/été.JSONL"])
PIECES = st.sampled_from(
    [b'{"text": "Mayor Dana Whitfield said so."}', b"\n", b"\r\n", b"[", b"]", b",", b'"', b"\\", b"\x00", b"\xff",
     b"\x1f\x8b", b"\xef\xbb\xbf", b'{"text": 5}', b"{}", b"null", "é".encode(), "\u2028".encode()]
)
DATA = st.one_of(st.binary(max_size=300), st.lists(PIECES, max_size=40).map(b"".join))


@settings(max_examples=300, deadline=None)
@given(NAMES, DATA)
def test_any_bytes_are_read_or_refused_with_a_code_and_line_numbers_inside_the_file(name: str, data: bytes) -> None:
    try:
        text = decode(data)
    except FactExtractError as error:
        assert error.code == "invalid_encoding"
        return
    records = list(read_text(name, text))
    lines = text.count("\n") + text.count("\r") + 1
    for record in records:
        assert (record.article is None) != (record.error is None)
        assert 0 <= record.line <= max(lines, len(records))
        if record.error is not None:
            assert record.error.code and record.error.message


def test_jsonl_article_with_raw_unicode_line_separators_in_its_text_is_read_whole() -> None:
    # JSON allows U+2028 and U+0085 raw inside strings; they do not end a JSON Lines line.
    text = '{"text": "The mayor said\u2028yes and\x85no."}\r\n{"text": "Second."}\n'

    records = list(read_text("a.jsonl", text))

    assert [(record.line, record.error) for record in records] == [(1, None), (2, None)]
    assert records[0].article is not None and records[0].article.text == "The mayor said\u2028yes and\x85no."
