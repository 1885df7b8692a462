"""Two date spans a reader takes as one time: a clock time and its day ("10 p.m. Wednesday", "Friday at 6:30 p.m."),
and a clock time and its part of a day ("7 o'clock this evening", "tonight at 8 o'clock"); and two a reader takes as
the ends of one stretch, the first no later than the second ("between January 1 and September 18")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from factextract.number_joins import join_pairs

if TYPE_CHECKING:
    from factextract.dates import DateSpan

# "10 p.m. Wednesday", "9 a.m. on Sunday", "Friday at 6:30 p.m.": a clock time and its day are one time
_TIME_THEN_DAY = re.compile(r"\s+(?:on\s+)?|,\s*")
_DAY_THEN_TIME = re.compile(r",?\s*(?:at\s+)?")
# a calendar day's value, alone or before its time of day ("2016-09-18", "2016-09-18T09:00")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# a part of a day ("2016-09-18TEV"): the clock time read in it takes its day, and its half of the day
_DAY_PART = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2})T(?P<part>MO|AF|EV|NI)")
_CLOCK = re.compile(r"T(?P<h>\d{2})(?P<rest>:\d{2})")


# "between January 1 and September 18", "from Dec. 30 to Jan. 4": the two ends of one stretch of time
_OPENS_STRETCH = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_ENDS_STRETCH = re.compile(r"\s*(?:and|to|through|until|-|–)\s*", re.IGNORECASE)
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b|['’]\d{2}\b")


def with_ordered_ends(spans: list[DateSpan], text: str) -> list[DateSpan]:
    """A stretch's first end, written without a year, lies no later than its second: "between January 1 and
    September 18" in a September story starts in that January, not in the nearer coming one."""
    out = list(spans)
    for n in range(len(out) - 1):
        first, second = out[n], out[n + 1]
        if not (_dated(first) and _dated(second) and str(first.value) > str(second.value)
                and _OPENS_STRETCH.search(text, max(0, first.start - 9), first.start)
                and _ENDS_STRETCH.fullmatch(text, first.end, second.start)
                and not _WRITTEN_YEAR.search(text, first.start, first.end)):
            continue
        year = int(str(second.value)[:4]) - (str(first.value)[4:] > str(second.value)[4:])
        out[n] = replace(first, value=f"{year:04d}{str(first.value)[4:]}")
    return out


def _dated(span: DateSpan) -> bool:
    return span.kind == "date" and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", str(span.value)) is not None


def with_clock_days(spans: list[DateSpan], text: str) -> list[DateSpan]:
    return join_pairs(spans, lambda first, second: _clock_day(first, second, text))


def _clock_day(first: DateSpan, second: DateSpan, text: str) -> DateSpan | None:
    if first.kind == "time" and str(first.value).startswith("T"):
        clock, day, between = first, second, _TIME_THEN_DAY
    elif second.kind == "time" and str(second.value).startswith("T"):
        clock, day, between = second, first, _DAY_THEN_TIME
    else:
        return None
    if between.fullmatch(text, first.end, second.start) is None:
        return None
    if day.kind == "date" and ISO_DAY.fullmatch(str(day.value)):
        value = f"{day.value}{clock.value}"
    elif day.kind == "time" and (part := _DAY_PART.fullmatch(str(day.value))) and (
            hours := _CLOCK.fullmatch(str(clock.value))):
        # "7 o'clock this evening" is 19:00 of that day: an hour before noon moves to the afternoon or evening
        hour, when = int(hours.group("h")), part.group("part")
        later = (when in ("AF", "EV") and 1 <= hour < 12) or (when == "NI" and 5 <= hour < 12)
        value = f"{part.group('day')}T{hour + 12 * later:02d}{hours.group('rest')}"
    else:
        return None
    return replace(day, start=first.start, end=second.end, kind="time", value=value)
