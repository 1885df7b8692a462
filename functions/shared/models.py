"""Response and record models of the functions; article facts themselves use factextract.models."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from factextract.errors import FactExtractError
from factextract.models import Quote


class ErrorBody(BaseModel):
    """Every error answer: a stable code for programs, a message for people."""

    code: str = Field(description="Stable machine-readable code, e.g. not_found, validation_error.")
    message: str
    field: str | None = Field(default=None, description="The request field at fault (validation errors).")
    request_id: str | None = Field(default=None, description="Quote it when reporting an internal error.")


class SpeakerQuote(BaseModel):
    article_id: str
    published_at: str = Field(description="The article's publication date, or when it was stored if it has none.")
    quote: Quote


class QuotePage(BaseModel):
    speaker: str
    items: list[SpeakerQuote]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page.")


class Health(BaseModel):
    status: str
    extractor_version: str


class LineFailure(BaseModel):
    line: int = Field(ge=0, description="1-based line (or record) number in the input file.")
    code: str
    message: str

    @classmethod
    def of(cls, line: int, error: FactExtractError) -> LineFailure:
        """The line's failure as a job record lists it: the error's stable code and its message."""
        return cls(line=line, code=error.code, message=error.message)


class JobRecord(BaseModel):
    """Progress of one input file through the batch path."""

    job_id: str
    status: str = Field(
        description="running until every chunk is recorded, then completed; failed when a message of the job "
        "went to the dead-letter queue (reason says why; a redrive may still complete it)."
    )
    chunks: int
    chunks_done: int
    articles_done: int
    articles_failed: int
    failures: list[LineFailure] = Field(description="Failed lines; listed only when asked for.")
    reason: str | None = Field(default=None, description="Why the job failed, when status is failed.")
    source: str | None = None
    size: int | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
