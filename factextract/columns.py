"""A Doc's token attributes read as columns (numpy arrays), without making a Token object per token."""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.strings import StringStore
from spacy.tokens import Doc


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token."""
    return doc.to_array([IDX]).tolist() if len(doc) else []


def sentence_starts(doc: Doc) -> list[int]:
    """The token index where each sentence starts."""
    flags = doc.to_array([SENT_START]).tolist() if len(doc) else []
    return [i for i, flag in enumerate(flags) if flag == 1 or i == 0]


def among(column: numpy.ndarray, words: Iterable[str], strings: StringStore) -> numpy.ndarray:
    """Which values of string columns (LOWER, LEMMA; one or several) are one of the words, shaped like the
    columns: a binary search in the sorted word hashes. numpy.isin sorts as well, but imports numpy.ma on
    its first call: 26 ms of a cold start."""
    hashes = numpy.sort(numpy.array([strings[word] for word in words], dtype=numpy.uint64))
    if not len(hashes):
        return numpy.zeros(column.shape, dtype=bool)
    at = numpy.minimum(numpy.searchsorted(hashes, column), len(hashes) - 1)
    return hashes[at] == column
