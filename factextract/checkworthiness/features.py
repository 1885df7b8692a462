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
from typing import NamedTuple

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


class _Token(NamedTuple):
    word: str  # lowercase form; numbers as their shape, so "1,100" and "2,300" share "<num:d,ddd>"
    lemma: str  # lowercase lemma; numbers as "<num>"
    tag: str
    ent_type: str
    ent_begins: bool
    dep: str
    head: int  # the head's index in the Doc
    is_punct: bool
    is_space: bool


class SentenceFeaturizer:
    """Features of sentences of one Doc. The token attributes the features read are fetched once for the
    whole Doc, as columns: reading them token by token makes a Token object per read, which cost more
    than the rest of the features together."""

    def __init__(self, doc: Doc) -> None:
        self.tokens = _doc_tokens(doc)

    def __call__(self, span: Span) -> SentenceFeatures:
        tokens = self.sentence_tokens(span)
        text = span.text
        return SentenceFeatures(
            hashed=_buckets(_hashed_strings(tokens), N_BUCKETS),
            chars=_char_buckets(text),
            dense=_dense_vector(span, text, tokens),
        )

    def sentence_tokens(self, span: Span) -> dict[int, _Token]:
        """The span's tokens by their index in the Doc, whitespace tokens left out."""
        tokens = enumerate(self.tokens[span.start : span.end], span.start)
        return {i: token for i, token in tokens if not token.is_space}


def _doc_tokens(doc: Doc) -> list[_Token]:
    if not len(doc):
        return []
    strings = doc.vocab.strings
    flags = doc.to_array([IS_SPACE, LIKE_NUM, IS_PUNCT, ENT_IOB]).tolist()
    # HEAD is stored relative to the token, in an unsigned column.
    heads = (doc.to_array(HEAD).astype(np.int64) + np.arange(len(doc))).tolist()
    names = doc.to_array([TAG, SHAPE, LOWER, LEMMA, ENT_TYPE, DEP]).tolist()
    out = []
    for (is_space, like_num, is_punct, iob), head, (tag, shape, lower, lemma, ent_type, dep) in zip(
        flags, heads, names, strict=True
    ):
        tag_name = strings[tag]
        number = like_num or tag_name == "CD"
        out.append(
            _Token(
                word=f"<num:{strings[shape]}>" if number else strings[lower],
                lemma="<num>" if number else strings[lemma].lower(),
                tag=tag_name,
                ent_type=strings[ent_type],
                ent_begins=iob == IOB_BEGIN,
                dep=strings[dep],
                head=head,
                is_punct=bool(is_punct),
                is_space=bool(is_space),
            )
        )
    return out


def _hashed_strings(by_index: dict[int, _Token]) -> list[str]:
    tokens = by_index.values()
    words = ["<s>", *(t.word for t in tokens), "</s>"]
    lemmas = ["<s>", *(t.lemma for t in tokens), "</s>"]
    tags = ["<s>", *(t.tag for t in tokens), "</s>"]
    # Entity-masked lemmas: "Russia opposes" and "China opposes" share "<GPE> oppose".
    masked = ["<s>", *(f"<{t.ent_type}>" if t.ent_type else t.lemma for t in tokens), "</s>"]
    out = [f"w:{w}" for w in words[1:-1]]
    out += [f"l:{w}" for w in lemmas[1:-1]]
    out += [f"wb:{a} {b}" for a, b in pairwise(words)]
    out += [f"lb:{a} {b}" for a, b in pairwise(lemmas)]
    out += [f"lt:{a} {b} {c}" for a, b, c in zip(lemmas, lemmas[1:], lemmas[2:], strict=False)]
    out += [f"mb:{a} {b}" for a, b in pairwise(masked)]
    out += [f"tb:{a} {b}" for a, b in pairwise(tags)]
    out += [f"tt:{a} {b} {c}" for a, b, c in zip(tags, tags[1:], tags[2:], strict=False)]
    for token in tokens:
        if token.dep in ("punct", "det"):
            continue
        head = by_index[token.head].lemma if token.head in by_index else "<out>"
        out.append(f"arc:{head} {token.dep} {token.lemma}")
        if token.dep == "ROOT":
            out.append(f"root:{token.lemma}")
            out.append(f"roottag:{token.tag}")
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
    buckets = {zlib.crc32(s.encode("utf-8")) & mask for s in strings}
    return np.fromiter(buckets, dtype=np.int64, count=len(buckets))


def hashed_strings(span: Span) -> list[str]:
    """The n-gram and arc features before hashing (readable, for inspecting a model)."""
    return _hashed_strings(SentenceFeaturizer(span.doc).sentence_tokens(span))


def _dense_vector(span: Span, text: str, by_index: dict[int, _Token]) -> np.ndarray:
    vector = np.zeros(len(DENSE_NAMES), dtype=np.float32)
    tokens = by_index.values()
    words = [t for t in tokens if not t.is_punct]
    text = text.rstrip()
    root = span.root
    tense = root.morph.get("Tense")
    flags = {
        "log_length": math.log1p(len(words)),
        "question": float(text.endswith("?")),
        "exclamation": float(text.endswith("!")),
        "starts_with_discourse": float(bool(words) and words[0].word in DISCOURSE_OPENERS),
        "root_is_verb": float(root.pos_ in ("VERB", "AUX")),
        "root_past": float("Past" in tense),
        "root_present": float("Pres" in tense),
        "has_number": float(any(t.lemma == "<num>" for t in tokens)),
        "has_digit": float(any(map(str.isdigit, text))),
        "has_percent_sign": float("%" in text or "percent" in text.lower()),
        "has_currency_sign": float(any(c in text for c in "$€£¥")),
        "quote_mark": float(any(c in text for c in "\"“”")),
    }
    for i, name in enumerate(FLAGS):
        vector[i] = flags[name]
    entities, tags, kinds = len(FLAGS), len(FLAGS) + len(ENTITY_LABELS), len(FLAGS) + len(ENTITY_LABELS) + len(TAGS)
    offset = kinds + len(WORD_COUNTS)
    for token in tokens:
        # Entities counted at their first token: Span.ents walks the whole Doc's entities on every call.
        index = _ENTITY_INDEX.get(token.ent_type) if token.ent_begins else None
        if index is not None:
            vector[entities + index] += 1.0
        index = _TAG_INDEX.get(token.tag)
        if index is not None:
            vector[tags + index] += 1.0
        for kind in set(_KINDS_OF_WORD.get(token.lemma, ()) + _KINDS_OF_WORD.get(token.word, ())):
            vector[kinds + kind] += 1.0
    # Counts saturate: the third number in a sentence says little more than the second.
    vector[entities:offset] = np.log1p(vector[entities:offset])
    tensor = span.doc.tensor
    if tensor.ndim == 2 and tensor.shape[1] == TENSOR_WIDTH and len(span):
        rows = tensor[span.start : span.end]
        vector[offset : offset + TENSOR_WIDTH] = rows.mean(axis=0)
        vector[offset + TENSOR_WIDTH : offset + 2 * TENSOR_WIDTH] = rows.max(axis=0)
        vector[offset + 2 * TENSOR_WIDTH :] = tensor[root.i]
    return vector


def sentence_features(span: Span) -> SentenceFeatures:
    """One sentence's features; SentenceFeaturizer scores many sentences of a Doc without rereading it."""
    return SentenceFeaturizer(span.doc)(span)
