"""factextract's errors, each with a stable code that the CLI, the API and the batch job report.

Callers map codes to answers in one place (the API's error handlers, the batch job record);
messages are for people and never include the article text or credentials.
"""

from __future__ import annotations


class FactExtractError(Exception):
    """Base of every error the engine raises on purpose."""

    code = "extraction_error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidArticle(FactExtractError):
    """The input is not a valid Article (missing or empty text, wrong types, unknown fields)."""

    code = "invalid_article"


class UnsupportedLanguage(InvalidArticle):
    code = "unsupported_language"


class TextTooLong(FactExtractError):
    code = "text_too_long"


class TextTooCostly(FactExtractError):
    """A text of more words per character than any prose (a run of "a " or "$1 "), which would cost the parser
    several times what an article of its length costs; refused before parsing (nlp.check_cost)."""

    code = "text_too_costly"


class UnsupportedFile(FactExtractError):
    """A file whose extension is not one the reader knows (.txt, .json, .jsonl)."""

    code = "unsupported_file"


class InvalidEncoding(FactExtractError):
    """A file that is not UTF-8 text (gzip-compressed uploads included)."""

    code = "invalid_encoding"


class ModelNotFound(FactExtractError):
    """The configured spaCy pipeline is not installed."""

    code = "model_not_found"


class InvalidSetting(FactExtractError):
    """A FACTEXTRACT_* environment variable has a value the engine cannot use."""

    code = "invalid_setting"
