"""Reads article files (.txt, .json, .jsonl) into Articles, keeping every bad record with its line number.

The CLI and the batch Lambda both read files through here, so a file means the same thing to both.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from factextract.errors import FactExtractError, InvalidArticle, InvalidEncoding, UnsupportedFile
from factextract.models import Article
from factextract.pipeline import as_article

FORMATS = (".txt", ".json", ".jsonl")
# An article is an object of strings, a file at most a list of them: 3 levels. 10 KB of '[' raised
# RecursionError inside json.loads, which no caller caught; deeper than this is refused before parsing.
MAX_JSON_DEPTH = 32
# A JSON string, escapes included (unrolled, so a long string is one linear scan).
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


@dataclass(frozen=True)
class Record:
    """One article read from a file, or the reason it could not be read. line is 1-based."""

    line: int
    article: Article | None = None
    error: FactExtractError | None = None


def file_format(name: str) -> str:
    lowered = name.lower()
    for suffix in FORMATS:
        if lowered.endswith(suffix):
            return suffix
    raise UnsupportedFile(f"{name!r} is not one of {', '.join(FORMATS)}")


def decode(data: bytes) -> str:
    if data[:2] == b"\x1f\x8b":
        raise InvalidEncoding("the file is gzip-compressed; upload it uncompressed")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidEncoding(f"the file is not UTF-8 text (bad byte at offset {exc.start})") from None


def json_problem(error: json.JSONDecodeError) -> str:
    """One wording for a JSON syntax error wherever it is reported (CLI, batch job, API): the position first,
    because json's own message may end in a preposition ("Unterminated string starting at")."""
    where = f"column {error.colno}" if error.lineno == 1 else f"line {error.lineno} column {error.colno}"
    return f"malformed JSON at {where}: {error.msg}"


def _too_deep(text: str) -> bool:
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return False
    depth = 0
    for bracket in _BRACKET.finditer(_JSON_STRING.sub("", text)):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > MAX_JSON_DEPTH:
            return True
    return False


def parse_json(text: str) -> object:
    """json.loads with the nesting depth limited to MAX_JSON_DEPTH; InvalidArticle for anything unparsable."""
    if _too_deep(text):
        raise InvalidArticle(f"malformed JSON: nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidArticle(json_problem(exc)) from None
    except RecursionError:  # nesting inside strings' look-alikes the count above cannot see; never expected
        raise InvalidArticle(f"malformed JSON: nested deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError:
        # Python refuses integers of more than 4300 digits rather than spend quadratic time on them.
        raise InvalidArticle("malformed JSON: a number is too long") from None


def _record(line: int, value: object, default_id: str | None = None) -> Record:
    try:
        if isinstance(value, dict) and default_id and "id" not in value:
            value = {**value, "id": default_id}
        if not isinstance(value, (dict, str)):
            raise InvalidArticle("an article must be a JSON object with a 'text' field")
        return Record(line, article=as_article(value))
    except FactExtractError as exc:
        return Record(line, error=exc)


def read_lines(lines: Iterable[str], first_line: int = 1) -> Iterator[Record]:
    """JSON Lines: one article object per line; blank lines are skipped."""
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        try:
            # Without its line ending: the CLI reads lines with theirs and the batch without, and an unterminated
            # string then read "Invalid control character" in one and "Unterminated string" in the other.
            value = parse_json(line.rstrip("\r\n"))
        except InvalidArticle as exc:
            yield Record(number, error=exc)
            continue
        yield _record(number, value)


def read_text(name: str, text: str, default_id: str | None = None) -> Iterator[Record]:
    """Every article in a whole file's text, by the file's extension."""
    fmt = file_format(name)
    if fmt == ".txt":
        yield _record(1, {"text": text}, default_id)
    elif fmt == ".jsonl":
        # Lines end at \n only: str.splitlines() also breaks at U+2028, U+0085 and other separators that
        # JSON allows raw inside strings, which cut valid articles in two (found by a reader property test).
        yield from read_lines(text.split("\n"))
    else:
        try:
            value = parse_json(text)
        except InvalidArticle as exc:
            yield Record(1, error=exc)
            return
        if isinstance(value, list):
            for index, item in enumerate(value, start=1):
                yield _record(index, item)
        else:
            yield _record(1, value, default_id)
