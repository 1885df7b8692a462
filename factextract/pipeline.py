"""extract(article) -> Extraction: runs spaCy once and the extractors in order over its Doc."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator

from pydantic import ValidationError
from spacy.attrs import IS_PUNCT, IS_SPACE, SENT_START
from spacy.tokens import Doc

from factextract import __version__
from factextract.checkworthiness.model import load_model
from factextract.claims import find_claims
from factextract.entities import resolve_entities
from factextract.errors import InvalidArticle, TextTooLong, UnsupportedLanguage
from factextract.figures import find_figures
from factextract.models import Article, Extraction, Stats
from factextract.nlp import load_pipeline, parse, parse_many, pipeline_version
from factextract.quotes import find_quotes

MAX_CHARS_SETTING = "FACTEXTRACT_MAX_CHARS"
DEFAULT_MAX_CHARS = 1_000_000


def max_chars() -> int:
    return int(os.environ.get(MAX_CHARS_SETTING, DEFAULT_MAX_CHARS))


def as_article(data: Article | dict | str) -> Article:
    """Accepts an Article, its dict form or bare text; invalid input raises InvalidArticle."""
    if isinstance(data, Article):
        return data
    if isinstance(data, str):
        data = {"text": data}
    try:
        return Article.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or None
        error = UnsupportedLanguage if field == "language" else InvalidArticle
        raise error(f"{field or 'article'}: {first['msg']}", field=field) from None


def article_id(article: Article) -> str:
    """The caller's id, else one derived from what determines the result (text, date, quote convention)."""
    if article.id:
        return article.id
    published = article.published_at.isoformat() if article.published_at else ""
    # The default convention adds nothing, so ids derived before the option existed still name the same result;
    # the other one leads with a word, where a derivation without it leads with a date or the line break.
    convention = "" if article.follow_up_quotes == "separate" else f"{article.follow_up_quotes}\t"
    return hashlib.sha256(f"{convention}{published}\n{article.text}".encode()).hexdigest()[:32]


def _check_length(article: Article) -> None:
    limit = max_chars()
    if len(article.text) > limit:
        raise TextTooLong(f"text has {len(article.text):,} characters; the limit is {limit:,}", field="text")


def extractor_version() -> str:
    return f"factextract-{__version__}+{pipeline_version(load_pipeline())}"


def load_models() -> None:
    """Loads what every extraction reads, the spaCy pipeline and the check-worthiness model, once per process;
    entry points call it at start-up, so no request (and no SnapStart restore) pays for it."""
    load_pipeline()
    load_model()


def extract(data: Article | dict | str) -> Extraction:
    """Extracts quotes, figures, claims and entities from one article."""
    article = as_article(data)
    _check_length(article)
    nlp = load_pipeline()
    nlp.max_length = max(nlp.max_length, max_chars())
    return _from_doc(article, parse(nlp, article.text))


def extract_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """Extracts a stream of already-validated articles, letting spaCy batch them."""
    nlp = load_pipeline()
    nlp.max_length = max(nlp.max_length, max_chars())

    def checked() -> Iterator[tuple[str, Article]]:
        for article in articles:
            _check_length(article)
            yield article.text, article

    for doc, article in parse_many(nlp, checked(), batch_size=batch_size):
        yield _from_doc(article, doc)


def _counts(doc: Doc) -> dict[str, int]:
    """Words (tokens neither punctuation nor space) and sentences (as doc.sents splits them), read from
    the Doc's arrays: iterating the Doc would build a Python object per token only to count it."""
    flags = doc.to_array([IS_PUNCT, IS_SPACE, SENT_START])
    words = int(((flags[:, 0] == 0) & (flags[:, 1] == 0)).sum())
    sentences = 1 + int((flags[1:, 2] == 1).sum()) if len(doc) else 0
    return {"words": words, "sentences": sentences}


def _from_doc(article: Article, doc: Doc) -> Extraction:
    entities = resolve_entities(doc)
    quotes = find_quotes(doc, entities, join_follow_ups=article.follow_up_quotes == "joined")
    figures = find_figures(doc, article.publication_date)
    claims = find_claims(doc, quotes, figures, entities)
    return Extraction(
        id=article_id(article),
        extractor_version=extractor_version(),
        published_at=article.published_at,
        follow_up_quotes=article.follow_up_quotes,
        title=article.title,
        url=article.url,
        source=article.source,
        stats=Stats(
            characters=len(article.text),
            **_counts(doc),
            quotes=len(quotes),
            figures=len(figures),
            claims=len(claims),
            entities=len(entities.entities),
        ),
        quotes=quotes,
        figures=figures,
        claims=claims,
        entities=entities.entities,
    )
