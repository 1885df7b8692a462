""""The day" read from the days around it.

"The day after Monday's debate" is the Tuesday; "earlier in the day", "later that day" and "the same day" are the day
the text last named, a weekday or "yesterday" included (these name the day the story is telling of). "The day
that the island vanishes", "the day of action" and "a day-long meeting" name no day of the calendar, and are no
date; nor is the idiom "at the end of the day" (ultimately). A "the day" none of these reads keeps no value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from factextract.data.date_words import MONTHS, WEEKDAYS
from factextract.date_arithmetic import days_after
from factextract.date_joins import ISO_DAY

if TYPE_CHECKING:
    from factextract.dates import DateSpan

# "At the end of the day, voters want jobs": the idiom means "in the end"; a day named after it ("at the end of the
# day Friday") or another preposition ("by the end of the day") keeps the time
_AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)
_DAY_AFTER = re.compile(
    rf"\s+(?:on\s+)?(?:{'|'.join([*WEEKDAYS, *MONTHS, 'today', 'yesterday', 'tomorrow'])})\b", re.IGNORECASE)
_DAY = re.compile(r"(?:the|that|the\s+same)\s+day", re.IGNORECASE)
_NEXT_TO = re.compile(r"\s+(?P<side>after|before)\s+", re.IGNORECASE)
# "earlier in the day", "later that day": within the day last named
_WITHIN = re.compile(r"\b(?:earlier|later)\s+(?:in\s+)?$", re.IGNORECASE)
# "the day-long meeting", "the day that", "the day when", "the day of action": a kind of day, or one told of
_NO_DAY = re.compile(r"-|\s+(?:that|when|of)\b", re.IGNORECASE)


def with_named_days(spans: list[DateSpan], text: str) -> list[DateSpan]:
    """spans with each unvalued "the day" read from its neighbours, or dropped where it names no day."""
    out: list[DateSpan] = []
    last_day: DateSpan | None = None
    i = 0
    while i < len(spans):
        span = spans[i]
        if _idiom(text, span.start, span.end):
            i += 1
            continue
        if span.value is None and span.kind == "date" and _DAY.fullmatch(text, span.start, span.end):
            following = spans[i + 1] if i + 1 < len(spans) else None
            link = _NEXT_TO.fullmatch(text, span.end, following.start) if following is not None else None
            if link is not None and following.kind == "date" and ISO_DAY.fullmatch(str(following.value)):
                step = 1 if link.group("side").lower() == "after" else -1
                day = days_after(dt.date.fromisoformat(str(following.value)), step)
                joined = replace(following, start=span.start, value=day.isoformat() if day else None)
                out.append(joined)
                last_day, i = joined, i + 2
                continue
            if _NO_DAY.match(text, span.end):
                i += 1
                continue
            named = text[span.start:span.end].lower() != "the day"
            if last_day is not None and (named or _WITHIN.search(text, max(0, span.start - 14), span.start)):
                span = replace(span, value=str(last_day.value)[:10], confidence=0.6)
        if span.kind in ("date", "time") and ISO_DAY.match(str(span.value)):
            last_day = span
        out.append(span)
        i += 1
    return out


def _idiom(text: str, start: int, end: int) -> bool:
    """Whether "the end of the day" at start is the idiom "at the end of the day" (ultimately), naming no day."""
    return (text[start:end].lower() == "the end of the day" and _AT_BEFORE.search(text, max(0, start - 4), start)
            is not None and _DAY_AFTER.match(text, end) is None)
