"""extract(article) -> Extraction: runs spaCy once and the extractors in order over its Doc."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator

from pydantic import ValidationError
from spacy.attrs import IS_PUNCT, IS_SPACE, SENT_START
from spacy.tokens import Doc

from factextract import __version__
from factextract.checkworthiness.model import claim_threshold, load_model
from factextract.claims import find_claims
from factextract.doc_view import DocView
from factextract.entities import resolve_entities
from factextract.errors import InvalidArticle, TextTooLong, UnsupportedLanguage
from factextract.figures import find_figures
from factextract.models import Article, Extraction, Stats
from factextract.nlp import load_pipeline, parse, parse_many, pipeline_version
from factextract.quotes import find_quotes
from factextract.settings import Settings


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


class Extractor:
    """The spaCy pipeline, the check-worthiness model and the settings, loaded once; extracts articles.

    Entry points make one at start-up (default_extractor()), so no request pays for the loading; the
    pipeline is shared with every Extractor of the same model name and is never changed per call.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        # The same cache key as load_pipeline() elsewhere in the process, so the pipeline is loaded once.
        self.nlp = load_pipeline(self.settings.spacy_model)
        # Texts are parsed in pieces of at most nlp.PIECE_CHARS, but one line is never cut: the longest text
        # accepted must fit spaCy's own limit. Raised once, here, never lowered.
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_chars)
        self.model = load_model(self.settings.checkworthiness_model)
        self.threshold = claim_threshold(self.model, self.settings.claim_threshold)
        self.version = f"factextract-{__version__}+{pipeline_version(self.nlp)}"

    @property
    def max_chars(self) -> int:
        return self.settings.max_chars

    def extract(self, data: Article | dict | str) -> Extraction:
        """Extracts quotes, figures, claims and entities from one article.

        Args:
            data: an Article, its dict form (as the API's body) or bare text.
        Returns:
            The Extraction, every offset into data's text.
        Raises:
            InvalidArticle, UnsupportedLanguage, TextTooLong: with a stable code.
        """
        article = as_article(data)
        self._check_length(article)
        return self._from_doc(article, parse(self.nlp, article.text))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
        """Extracts a stream of validated articles in order, letting spaCy batch them.

        Args:
            articles: Articles, read lazily.
            batch_size: how many texts (or pieces of long ones) spaCy parses together.
        Returns:
            One Extraction per article, in order; a text over the limit raises TextTooLong when reached.
        """

        def checked() -> Iterator[tuple[str, Article]]:
            for article in articles:
                self._check_length(article)
                yield article.text, article

        for doc, article in parse_many(self.nlp, checked(), batch_size=batch_size):
            yield self._from_doc(article, doc)

    def _check_length(self, article: Article) -> None:
        limit = self.settings.max_chars
        if len(article.text) > limit:
            raise TextTooLong(f"text has {len(article.text):,} characters; the limit is {limit:,}", field="text")

    def _from_doc(self, article: Article, doc: Doc) -> Extraction:
        view = DocView.of(doc)
        entities = resolve_entities(view)
        quotes = find_quotes(view, entities, join_follow_ups=article.follow_up_quotes == "joined")
        figures = find_figures(view, article.publication_date)
        claims = find_claims(view, quotes, figures, entities, self.model, self.threshold)
        return Extraction(
            id=article_id(article),
            extractor_version=self.version,
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


@functools.cache
def default_extractor() -> Extractor:
    """The process's Extractor, with the settings the environment gives when it is first asked for."""
    return Extractor()


def extract(data: Article | dict | str) -> Extraction:
    """default_extractor().extract(data): see Extractor.extract."""
    return default_extractor().extract(data)


def extract_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """default_extractor().extract_many(articles): see Extractor.extract_many."""
    return default_extractor().extract_many(articles, batch_size)


def _counts(doc: Doc) -> dict[str, int]:
    """Words (tokens neither punctuation nor space) and sentences (as doc.sents splits them), read from
    the Doc's arrays: iterating the Doc would build a Python object per token only to count it."""
    flags = doc.to_array([IS_PUNCT, IS_SPACE, SENT_START])
    words = int(((flags[:, 0] == 0) & (flags[:, 1] == 0)).sum())
    sentences = 1 + int((flags[1:, 2] == 1).sum()) if len(doc) else 0
    return {"words": words, "sentences": sentences}
