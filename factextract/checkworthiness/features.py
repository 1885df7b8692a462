"""Check-worthiness features of one sentence, from what the spaCy pipeline already computed.

Three parts, all cheap once the Doc exists:
- hashed: bucket indices of word, lemma and tag n-grams and parse arcs (the hashing trick keeps
  the vocabulary out of the model file; crc32 is stable across processes, unlike hash()).
- chars: bucket indices of character 3- to 5-grams inside each lowercased word (padded with a
  space at both ends), in a table of their own: words never seen in training ("deregulated",
  "Obamacare") still share pieces with seen ones, which helps on debates newer than the training set.
- dense: a fixed vector of counts and flags (numbers, entity types, degree, tense and modality,
  attribution, hedges, person, question form, length) plus the tok2vec tensor pooled three ways
  (mean and max over the sentence, and the row of its syntactic root), which summarize the
  sentence's context at no extra cost.
"""

from __future__ import annotations

import functools
import itertools
import math
import zlib
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM, LOWER, SHAPE, TAG
from spacy.tokens import Doc, Span

from factextract.data.claim_words import (
    CAUSAL_WORDS,
    CHANGE_VERBS,
    DISCOURSE_OPENERS,
    FIRST_PERSON_PLURAL,
    FIRST_PERSON_SINGULAR,
    FUTURE_WORDS,
    HEDGES,
    LEGAL_WORDS,
    NEGATIONS,
    SECOND_PERSON,
    SPEECH_VERBS,
)

# Bumped whenever a feature changes meaning, so a model file trained on other features is refused.
FEATURE_VERSION = 2
N_BUCKETS = 1 << 18
N_CHAR_BUCKETS = 1 << 18
CHAR_NGRAM_SIZES = (3, 4, 5)
# The small English pipeline's tok2vec width; a pipeline without a tensor gives zeros.
TENSOR_WIDTH = 96

ENTITY_LABELS = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
)  # fmt: skip
TAGS = ("JJR", "JJS", "RBR", "RBS", "MD", "VBD", "VBN", "VBZ", "VBP", "VBG", "VB", "CD", "PRP")
WORD_COUNTS = (
    ("speech_verb", SPEECH_VERBS),
    ("hedge", HEDGES),
    ("causal", CAUSAL_WORDS),
    ("legal", LEGAL_WORDS),
    ("change_verb", CHANGE_VERBS),
    ("future", FUTURE_WORDS),
    ("first_singular", FIRST_PERSON_SINGULAR),
    ("first_plural", FIRST_PERSON_PLURAL),
    ("second_person", SECOND_PERSON),
    ("negation", NEGATIONS),
)
FLAGS = (
    "log_length", "question", "exclamation", "starts_with_discourse", "root_is_verb", "root_past",
    "root_present", "has_number", "has_digit", "has_percent_sign", "has_currency_sign", "quote_mark",
)  # fmt: skip

DENSE_NAMES: tuple[str, ...] = (
    FLAGS
    + tuple(f"ent_{label}" for label in ENTITY_LABELS)
    + tuple(f"tag_{tag}" for tag in TAGS)
    + tuple(f"word_{name}" for name, _ in WORD_COUNTS)
    + tuple(f"tensor_{i}" for i in range(TENSOR_WIDTH))
    + tuple(f"tensor_max_{i}" for i in range(TENSOR_WIDTH))
    + tuple(f"tensor_root_{i}" for i in range(TENSOR_WIDTH))
)
# Doc.to_array's ENT_IOB code for a token that begins an entity.
IOB_BEGIN = 3
_ENTITY_INDEX = {label: i for i, label in enumerate(ENTITY_LABELS)}
_TAG_INDEX = {tag: i for i, tag in enumerate(TAGS)}


def _kinds_of_word() -> dict[str, tuple[int, ...]]:
    # One dict lookup per token instead of one set test per token and word list.
    kinds: dict[str, tuple[int, ...]] = {}
    for kind, (_, words) in enumerate(WORD_COUNTS):
        for word in words:
            kinds[word] = (*kinds.get(word, ()), kind)
    return kinds


_KINDS_OF_WORD = _kinds_of_word()


@dataclass(frozen=True)
class SentenceFeatures:
    hashed: np.ndarray  # distinct int64 bucket indices over N_BUCKETS (any order), value 1 each
    chars: np.ndarray  # distinct int64 bucket indices over N_CHAR_BUCKETS (any order), value 1 each
    dense: np.ndarray  # float32, aligned with DENSE_NAMES


@dataclass(frozen=True)
class _Columns:
    """Token attributes as parallel lists: of a whole Doc, or of one sentence without its whitespace tokens."""

    words: list[str]  # lowercase forms; numbers as their shape, so "1,100" and "2,300" share "<num:d,ddd>"
    lemmas: list[str]  # lowercase lemmas; numbers as "<num>"
    tags: list[str]
    ent_types: list[str]
    ent_begins: list[bool]
    deps: list[str]
    heads: list[int]  # the head's position in these lists, -1 outside them
    punct: list[bool]


class SentenceFeaturizer:
    """Features of sentences of one Doc. The token attributes the features read are fetched once for the
    whole Doc, as columns: read token by token, through a Token object per read, they took about 40% of
    the features' time."""

    def __init__(self, doc: Doc) -> None:
        self.columns, self.space = _doc_columns(doc)

    def __call__(self, span: Span) -> SentenceFeatures:
        sentence = self.sentence(span)
        text = span.text
        return SentenceFeatures(
            hashed=_buckets(_hashed_strings(sentence), N_BUCKETS),
            chars=_char_buckets(text),
            dense=_dense_vector(span, text, sentence),
        )

    def sentence(self, span: Span) -> _Columns:
        start, end, whole = span.start, span.end, self.columns
        if any(self.space[start:end]):
            kept = [i for i in range(start, end) if not self.space[i]]
            position = {i: k for k, i in enumerate(kept)}
            heads = [position.get(whole.heads[i], -1) for i in kept]

            def pick(column: list) -> list:
                return [column[i] for i in kept]

        else:  # the common case: slices of the Doc's columns
            heads = [head - start if start <= head < end else -1 for head in whole.heads[start:end]]

            def pick(column: list) -> list:
                return column[start:end]

        return _Columns(
            words=pick(whole.words), lemmas=pick(whole.lemmas), tags=pick(whole.tags),
            ent_types=pick(whole.ent_types), ent_begins=pick(whole.ent_begins), deps=pick(whole.deps),
            heads=heads, punct=pick(whole.punct),
        )  # fmt: skip


def _doc_columns(doc: Doc) -> tuple[_Columns, list[bool]]:
    """The Doc's columns and which of its tokens are whitespace (for an empty Doc, empty lists)."""
    strings = doc.vocab.strings
    space, like_num, punct, iob = doc.to_array([IS_SPACE, LIKE_NUM, IS_PUNCT, ENT_IOB]).T.tolist()
    # HEAD is stored relative to the token, in an unsigned column.
    heads = (doc.to_array(HEAD).astype(np.int64) + np.arange(len(doc))).tolist()
    names = doc.to_array([TAG, SHAPE, LOWER, LEMMA, ENT_TYPE, DEP]).T.tolist()
    tags, shapes, lowers, lemmas, ent_types, deps = ([strings[key] for key in column] for column in names)
    number = [bool(n) or tag == "CD" for n, tag in zip(like_num, tags, strict=True)]
    columns = _Columns(
        words=[f"<num:{shape}>" if n else lower for n, shape, lower in zip(number, shapes, lowers, strict=True)],
        lemmas=["<num>" if n else lemma.lower() for n, lemma in zip(number, lemmas, strict=True)],
        tags=tags,
        ent_types=ent_types,
        ent_begins=[code == IOB_BEGIN for code in iob],
        deps=deps,
        heads=heads,
        punct=[bool(p) for p in punct],
    )
    return columns, [bool(s) for s in space]


def _hashed_strings(sentence: _Columns) -> list[str]:
    words = ["<s>", *sentence.words, "</s>"]
    lemmas = ["<s>", *sentence.lemmas, "</s>"]
    tags = ["<s>", *sentence.tags, "</s>"]
    # Entity-masked lemmas: "Russia opposes" and "China opposes" share "<GPE> oppose".
    labelled = zip(sentence.ent_types, sentence.lemmas, strict=True)
    masked = ["<s>", *(f"<{label}>" if label else lemma for label, lemma in labelled), "</s>"]
    out = [f"w:{w}" for w in words[1:-1]]
    out += [f"l:{w}" for w in lemmas[1:-1]]
    out += [f"wb:{a} {b}" for a, b in pairwise(words)]
    out += [f"lb:{a} {b}" for a, b in pairwise(lemmas)]
    out += [f"lt:{a} {b} {c}" for a, b, c in zip(lemmas, lemmas[1:], lemmas[2:], strict=False)]
    out += [f"mb:{a} {b}" for a, b in pairwise(masked)]
    out += [f"tb:{a} {b}" for a, b in pairwise(tags)]
    out += [f"tt:{a} {b} {c}" for a, b, c in zip(tags, tags[1:], tags[2:], strict=False)]
    for dep, head, lemma, tag in zip(sentence.deps, sentence.heads, sentence.lemmas, sentence.tags, strict=True):
        if dep in ("punct", "det"):
            continue
        out.append(f"arc:{sentence.lemmas[head] if head >= 0 else '<out>'} {dep} {lemma}")
        if dep == "ROOT":
            out.append(f"root:{lemma}")
            out.append(f"roottag:{tag}")
    return out


def _word_char_ngrams(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + n] for n in CHAR_NGRAM_SIZES for i in range(max(len(padded) - n + 1, 1))]


def char_ngrams(text: str) -> list[str]:
    """Character n-grams inside each lowercased whitespace-separated word, the word padded with spaces;
    a word shorter than n gives itself once."""
    return [gram for word in text.lower().split() for gram in _word_char_ngrams(word)]


# Hashing a word's ~15 n-grams costs more than the rest of its features, and a news text repeats most
# of its words: each word's buckets are kept (a pure function of the word, bounded in size).
@functools.lru_cache(maxsize=1 << 16)
def _word_char_buckets(word: str) -> tuple[int, ...]:
    mask = N_CHAR_BUCKETS - 1
    return tuple(zlib.crc32(gram.encode("utf-8")) & mask for gram in _word_char_ngrams(word))


def _char_buckets(text: str) -> np.ndarray:
    buckets = set(itertools.chain.from_iterable(_word_char_buckets(word) for word in text.lower().split()))
    return np.fromiter(buckets, dtype=np.int64, count=len(buckets))


def _buckets(strings: list[str], width: int) -> np.ndarray:
    mask = width - 1
    # A set, not np.unique: the model only needs each bucket once, and sorting ~170 values costs more.
    buckets = {crc & mask for crc in map(zlib.crc32, map(str.encode, strings))}
    return np.fromiter(buckets, dtype=np.int64, count=len(buckets))


def hashed_strings(span: Span) -> list[str]:
    """The n-gram and arc features before hashing (readable, for inspecting a model)."""
    return _hashed_strings(SentenceFeaturizer(span.doc).sentence(span))


def _dense_vector(span: Span, text: str, sentence: _Columns) -> np.ndarray:
    vector = np.zeros(len(DENSE_NAMES), dtype=np.float32)
    words = [word for word, punct in zip(sentence.words, sentence.punct, strict=True) if not punct]
    text = text.rstrip()
    root = span.root
    tense = root.morph.get("Tense")
    flags = {
        "log_length": math.log1p(len(words)),
        "question": float(text.endswith("?")),
        "exclamation": float(text.endswith("!")),
        "starts_with_discourse": float(bool(words) and words[0] in DISCOURSE_OPENERS),
        "root_is_verb": float(root.pos_ in ("VERB", "AUX")),
        "root_past": float("Past" in tense),
        "root_present": float("Pres" in tense),
        "has_number": float("<num>" in sentence.lemmas),
        "has_digit": float(any(map(str.isdigit, text))),
        "has_percent_sign": float("%" in text or "percent" in text.lower()),
        "has_currency_sign": float(any(c in text for c in "$€£¥")),
        "quote_mark": float(any(c in text for c in "\"“”")),
    }
    for i, name in enumerate(FLAGS):
        vector[i] = flags[name]
    counts = [0] * (len(ENTITY_LABELS) + len(TAGS) + len(WORD_COUNTS))
    tags, kinds = len(ENTITY_LABELS), len(ENTITY_LABELS) + len(TAGS)
    for word, lemma, tag, ent_type, begins in zip(
        sentence.words, sentence.lemmas, sentence.tags, sentence.ent_types, sentence.ent_begins, strict=True
    ):
        # Entities counted at their first token: Span.ents walks the whole Doc's entities on every call.
        index = _ENTITY_INDEX.get(ent_type) if begins else None
        if index is not None:
            counts[index] += 1
        index = _TAG_INDEX.get(tag)
        if index is not None:
            counts[tags + index] += 1
        if lemma in _KINDS_OF_WORD or word in _KINDS_OF_WORD:
            for kind in set(_KINDS_OF_WORD.get(lemma, ()) + _KINDS_OF_WORD.get(word, ())):
                counts[kinds + kind] += 1
    # Counts saturate: the third number in a sentence says little more than the second.
    offset = len(FLAGS) + len(counts)
    vector[len(FLAGS) : offset] = np.log1p(np.array(counts, dtype=np.float32))
    tensor = span.doc.tensor
    if tensor.ndim == 2 and tensor.shape[1] == TENSOR_WIDTH and len(span):
        rows = tensor[span.start : span.end]
        # ndarray.mean's checks cost more than its sum over a sentence; this is the same sum and division.
        vector[offset : offset + TENSOR_WIDTH] = np.add.reduce(rows, axis=0) / len(rows)
        vector[offset + TENSOR_WIDTH : offset + 2 * TENSOR_WIDTH] = rows.max(axis=0)
        vector[offset + 2 * TENSOR_WIDTH :] = tensor[root.i]
    return vector


def sentence_features(span: Span) -> SentenceFeatures:
    """One sentence's features; SentenceFeaturizer scores many sentences of a Doc without rereading it."""
    return SentenceFeaturizer(span.doc)(span)
