"""The one source of factextract's schema: the input Article and the output Extraction.

The API's request/response types, the CLI's JSON, the stored payloads and the published
JSON Schema (schema/extraction.schema.json) are all generated from these classes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator

# Ids travel in URLs and DynamoDB keys: a conservative alphabet keeps them safe in both.
ARTICLE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"
ArticleId = Annotated[str, StringConstraints(pattern=ARTICLE_ID_PATTERN)]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
Offset = Annotated[int, Field(ge=0)]


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_text(value: object) -> object:
    # Found by fuzzing the OpenAPI contract: pydantic read a number as a Unix timestamp (0 became 1970-01-01)
    # and "2011-06-09" as a datetime, though the published schema allows only date or date-time strings.
    if isinstance(value, (int, float)):
        raise ValueError("must be an ISO 8601 date or datetime string, not a number")
    if isinstance(value, str) and _DATE_ONLY.fullmatch(value.strip()):
        return dt.date.fromisoformat(value.strip())
    return value


def _with_zone(value: dt.datetime | dt.date | None) -> dt.datetime | dt.date | None:
    # An RFC 3339 date-time carries an offset; a datetime given without one is read as UTC (as the store sorts it).
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


# How a quote that follows another of the same speaker ("A," she said. "B.") is reported: as a quote of its
# own with the same speaker, or as a further span of the quote it continues, as PolNeAR annotates it.
FollowUpQuotes = Literal["separate", "joined"]

# A publication date stays a date and a datetime stays a datetime, through the API, the store and back.
PublishedAt = Annotated[dt.datetime | dt.date | None, BeforeValidator(_iso_text), AfterValidator(_with_zone)]


class Article(BaseModel):
    """A news article to extract facts from."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"text": 'Lena Park said: "It works."'}]}
    )

    text: str = Field(description="The article body (a headline may be its first line).", min_length=1)
    id: ArticleId | None = Field(default=None, description="Caller's id; derived from the content when absent.")
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=500)
    published_at: PublishedAt = Field(
        default=None, description="Publication date or datetime (ISO 8601); relative dates resolve against it."
    )
    language: str = Field(default="en", description="Only 'en' is supported.")
    follow_up_quotes: FollowUpQuotes = Field(
        default="separate",
        description='A quote that follows another of the same speaker (\'"A," she said. "B."\'): "separate" reports '
        'it as a quote of its own with the same speaker; "joined" adds it as a further span of the quote it '
        "continues, one attribution as the PolNeAR corpus annotates it.",
    )

    @field_validator("text")
    @classmethod
    def _text_has_content(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty or only whitespace")
        return value

    @field_validator("language")
    @classmethod
    def _language_is_supported(cls, value: str) -> str:
        if value.lower() != "en":
            raise ValueError(f"language {value!r} is not supported; only 'en' is")
        return "en"

    @property
    def publication_date(self) -> dt.date | None:
        if isinstance(self.published_at, dt.datetime):
            return self.published_at.date()
        return self.published_at


class TextSpan(BaseModel):
    """A stretch of the original input text: text == article.text[start:end]."""

    start: Offset
    end: Offset
    text: str


class SentenceRef(BaseModel):
    start: Offset
    end: Offset


class Speaker(TextSpan):
    """Who said it: the mention as written and the person or body it resolves to."""

    name: str | None = Field(default=None, description="Canonical name resolved across the article.")
    role: str | None = Field(
        default=None, description="Role or title the text gives, e.g. 'foreign ministry spokesman'."
    )
    entity_id: str | None = None


class Cue(TextSpan):
    """The words that mark the attribution: said, told, according to, a colon, a dash."""

    lemma: str


class Quote(BaseModel):
    """An attributed quote. For one span, text == article.text[start:end]; a quote split by its
    attribution has several spans and its text is their texts joined by a space."""

    id: str
    type: Literal["direct", "partial", "indirect"]
    start: Offset
    end: Offset
    text: str = Field(description="The quoted words, without the quote marks.")
    spans: list[tuple[Offset, Offset]] = Field(description="[start, end] of each piece of the quote.")
    content: TextSpan | None = Field(
        default=None, description="For a partial quote: the whole reported clause around the quoted words."
    )
    speaker: Speaker | None = Field(description="null when no speaker can be found; never invented.")
    cue: Cue | None
    sentence: SentenceRef
    confidence: Confidence


FigureKind = Literal["count", "money", "percent", "quantity", "ordinal", "range", "date", "time", "duration"]


class Figure(TextSpan):
    """A number in the text with what it counts, normalized."""

    id: str
    kind: FigureKind
    value: float | str | None = Field(
        description="A number; for dates and times an ISO 8601 string at the precision the text supports "
        "(2011-06-09, 2011-05, 2011, 2011-Q3), and for a recurring time TimeML's set value ('XXXX-WXX-4' for "
        "'every Thursday', 'XXXX-07' for 'each July'); for a duration its length in unit (3 for 'the past three "
        "weeks'); for an ordinal counted from the end or from the item in hand, its position as Recognizers-Text "
        "writes it ('end-1' for 'second-to-last', 'current+1' for 'the next one', 'end+0' for 'his last book'); "
        "null for a range (see "
        "min/max), an unresolvable date, or a period whose length the text "
        "does not give ('in recent weeks', which has only its end in max), or a unit a conversion asks for "
        "('fahrenheit' in 'convert 10 celsius to fahrenheit'), or a percent sized by a word ('a small "
        "percentage', whose size word is its qualifier)."
    )
    min: float | str | None = Field(
        default=None, description="A range's lower bound; for a period such as 'the past year', its first day "
        "(ISO 8601).")
    max: float | str | None = Field(
        default=None, description="A range's upper bound; for a period, its last day (ISO 8601).")
    unit: str | None = None
    currency: str | None = Field(default=None, description="ISO 4217 code.")
    qualifier: str | None = Field(default=None, description="more than, about, at least, nearly, ...; "
                                     "for a percent sized by a word, that word ('small', 'higher')")
    counted: str | None = Field(default=None, description="What the number counts: 'people' in '1,100 people'.")
    sentence: SentenceRef
    confidence: Confidence


# Full Fact's claim types first (Konstantinovskiy et al., "Towards Automated Factchecking: Developing an
# Annotation Schema and Benchmark for Consistent Automated Claim Detection", Full Fact, arXiv 1809.08193):
# quantity in the past or present, prediction, correlation or causation, current laws or rules of operation,
# personal experience, other; then our detail: a figure (statistical), a comparison, a reported statement.
ClaimKind = Literal[
    "quantity", "prediction", "causation", "rules", "personal", "other", "statistical", "comparison", "attributed"
]


class Claim(TextSpan):
    """A check-worthy factual statement (a sentence or the reported clause of a quote)."""

    id: str
    checkworthiness: Confidence
    rank: int = Field(
        ge=1, description="1 for the article's most check-worthy claim (highest score; ties by position), 2 next..."
    )
    kinds: list[ClaimKind] = Field(
        description="Full Fact's claim type(s) (quantity, prediction, causation, rules, personal, other), then "
        "detail: statistical (a figure), comparison, attributed (reported from a speaker)."
    )
    claimant: str | None = Field(default=None, description="The speaker when the claim is attributed.")
    figure_ids: list[str] = Field(default_factory=list)
    quote_ids: list[str] = Field(default_factory=list)
    entity_ids: list[str] = Field(default_factory=list)
    sentence: SentenceRef
    confidence: Confidence


class Mention(TextSpan):
    pass


class Entity(BaseModel):
    """A person, organization or place, with every mention the text supports."""

    id: str
    name: str
    type: Literal["person", "organization", "place"]
    role: str | None = None
    mentions: list[Mention]
    confidence: Confidence


class Stats(BaseModel):
    characters: int
    words: int
    sentences: int
    quotes: int
    figures: int
    claims: int
    entities: int


class Extraction(BaseModel):
    """Everything factextract found in one article."""

    id: ArticleId
    extractor_version: str
    published_at: PublishedAt
    language: Literal["en"] = "en"
    follow_up_quotes: FollowUpQuotes = "separate"
    title: str | None = None
    url: str | None = None
    source: str | None = None
    stats: Stats
    quotes: list[Quote]
    figures: list[Figure]
    claims: list[Claim]
    entities: list[Entity]
