"""The engine's settings, read from the environment once, into one validated object.

Every setting is optional; an Extractor made without Settings reads them from os.environ when it is
made, never again per call.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factextract.errors import InvalidSetting

PREFIX = "FACTEXTRACT_"
# The longest text one extraction accepts; the API and the batch job set lower limits of their own.
DEFAULT_MAX_CHARS = 1_000_000


class Settings(BaseModel):
    """FACTEXTRACT_<FIELD> in the environment sets each field (FACTEXTRACT_MAX_CHARS=200000)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    spacy_model: str | None = Field(None, description="the spaCy pipeline's package or path; default: English small")
    max_chars: int = Field(DEFAULT_MAX_CHARS, gt=0, description="the longest text accepted, in characters")
    checkworthiness_model: Path | None = Field(None, description="a check-worthiness model file; default: the shipped")
    claim_threshold: float | None = Field(
        None, ge=0.0, le=1.0,
        description="the score at or above which a sentence is a claim; default: the model's news threshold",
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment gives; an empty variable counts as unset. Bad values raise InvalidSetting."""
        environ = os.environ if environ is None else environ
        names = {name: PREFIX + name.upper() for name in cls.model_fields}
        values = {name: environ[variable] for name, variable in names.items() if environ.get(variable)}
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            first = exc.errors()[0]
            name = PREFIX + str(first["loc"][0]).upper()
            raise InvalidSetting(f"{name}: {first['msg']}", field=name) from None
