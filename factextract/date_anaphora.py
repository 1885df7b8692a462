"""Periods read back to a date the text has named: "that year", "the same month", "the following year", "the next
year" in a past story, and a company's "the quarter".

English names a period anaphorically by its relation to a time already in the discourse ("The mill closed in 1981,
and the town lost its school that year"): the period is the one of the most recent date the text named, or the one
after it ("the following month"), not the period of publication. Without such a date the expression keeps the value
dates.py gave it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from factextract.date_arithmetic import days_after, quarter_of, shift_month, year_value
from factextract.date_context import PAST
from factextract.date_resolvers import Resolved

# The calendar parts of a value: "1981", "1981-05", "1981-05-03", "1981-05-03T19:00", "1989-Q3"
_VALUE = re.compile(r"(?P<year>\d{4})(?:-(?:Q(?P<q>[1-4])|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?(?![\d])")
# Rules counted from the day of writing ("yesterday", "on Tuesday"): they name no time of the story told
_DEICTIC = frozenset({"day_word", "weekday", "this_part", "present", "past", "future"})
# Owners that put a quarter in another year ("the year-ago third quarter"): no antecedent for "the quarter"
_OTHER_YEAR = re.compile(r"year|last|next", re.IGNORECASE)
# "over the next year", "within the next month": a stretch of that length, not the period after the one named
_STRETCH_BEFORE = re.compile(r"\b(?:over|within|for|during|throughout)\s+$", re.IGNORECASE)
# "the latest quarter", "the most recent quarter", "the just-ended quarter": the last one completed
_COMPLETED = ("the latest", "the most recent", "the just-ended", "the just-completed")
# a sentence's end: a quarter named in an earlier sentence is no longer the one compared
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[A-Z\"“]")


@dataclass
class Antecedents:
    """The last year, month, day and quarter the text has named, in reading order."""

    text: str = ""
    year: int | None = None
    month: tuple[int, int] | None = None
    day: dt.date | None = None
    quarter: str | None = None  # the last quarter of the reporting year named ("third-quarter profit")
    quarters: set[str] = field(default_factory=set)  # every quarter of the reporting year named
    quarter_at: int | None = None  # where the last quarter was named

    def note(self, rule: str, match: re.Match[str], resolved: Resolved) -> None:
        """Takes the calendar parts of a date named outright as the new antecedent."""
        value = resolved.value
        if rule in _DEICTIC or resolved.kind == "duration" or not isinstance(value, str):
            return
        parts = _VALUE.match(value)
        if parts is None:
            return
        self.year = int(parts.group("year"))
        self.month = (self.year, int(parts.group("month"))) if parts.group("month") else None
        self.day = dt.date.fromisoformat(value[:10]) if parts.group("day") else None
        # "the year-earlier period" is a quarter of another year, as "the year-ago third quarter" is
        other_year = (rule == "quarter" and _OTHER_YEAR.search(match.group("pyear") or "")) or (
            rule == "period" and match.group("back")) or self._year_back(rule, match.groupdict())
        if parts.group("q") and not other_year:
            self.quarter, self.quarter_at = value[:7], match.start()
            self.quarters.add(self.quarter)

    def reread(self, rule: str, match: re.Match[str], resolved: Resolved, published: dt.date | None,
               tense: Callable[[], str]) -> Resolved:
        """The value of an anaphoric period, or resolved unchanged when it is none or has no antecedent."""
        groups = match.groupdict()
        rel = re.sub(r"\s+", " ", (groups.get("rel") or "").lower())
        unit = (groups.get("unit") or "").lower()
        if rule == "relative_period":
            if unit == "quarter" and rel in ("the", *_COMPLETED) and published is not None and (
                    (groups.get("edge") or "").lower() != "the rest of"):
                return self._quarter(rel, resolved, published, tense)
            if rel in ("that", "the same"):
                return self._period(unit, 0, resolved, quarter=True)
            if rel in ("the following", "the previous") and resolved.value is None:
                return self._period(unit, 1 if rel == "the following" else -1, resolved)
        # "sales in the latest period": a results story's period is its quarter, as "the latest quarter" is
        if rule == "period" and published is not None:
            if not groups.get("back"):
                return self._quarter("the latest", resolved, published, tense)
            # "up from the year-earlier period": the quarter reported on (the latest named that has ended), a year back
            year, quarter = quarter_of(published)
            index = year * 4 + quarter - 2
            ended = [q for q in self.quarters if q <= f"{index // 4}-Q{index % 4 + 1}"]
            if ended:
                year = int(max(ended)[:4]) - 1
                return replace(resolved, value=year_value(year, f"{year:04d}{max(ended)[4:]}"))
        # "third-quarter profit rose to $5 million from $4 million a year earlier": beside a quarter, that quarter back
        if self._year_back(rule, groups) and self.quarter is not None and self.quarter_at is not None and (
                not _SENTENCE_END.search(self.text, self.quarter_at, match.start() + 1)):
            return replace(resolved, value=f"{int(self.quarter[:4]) - 1:04d}{self.quarter[4:]}")
        # "The mill closed in 1981. The school shut the next year.": in a past story, the year after the one named
        if rule == "period_around_now" and rel == "next" and not groups.get("n") and unit in ("day", "month", "year") \
                and match.group(0).lower().startswith("the") and not _STRETCH_BEFORE.search(
                    self.text, max(0, match.start() - 12), match.start()) and tense() == PAST:
            return self._period(unit, 1, Resolved("date", None, 0.6))
        return resolved

    @staticmethod
    def _year_back(rule: str, groups: dict[str, str | None]) -> bool:
        """'a year earlier', 'year-ago', 'a year ago': one year back from the time in hand."""
        if rule == "year_relative":
            return True
        return rule == "ago" and (groups.get("n") or "").lower() in ("a", "one") and (
            groups.get("unit") or "").lower() == "year" and (groups.get("dir") or "").lower() in ("ago", "earlier")

    def _period(self, unit: str, step: int, resolved: Resolved, quarter: bool = False) -> Resolved:
        value: str | None = None
        if unit == "year" and self.year is not None:
            value = year_value(self.year + step, f"{self.year + step:04d}")
        elif unit == "month" and self.month is not None:
            year, month = shift_month(*self.month, step)
            value = year_value(year, f"{year:04d}-{month:02d}")
        elif unit == "day" and self.day is not None:
            day = days_after(self.day, step)
            value = day.isoformat() if day is not None else None
        elif unit == "quarter" and quarter and self.quarter is not None:
            value = self.quarter
        if value is None:
            return resolved
        return replace(resolved, kind="date", value=value, confidence=0.6, unit=None, earliest=None, latest=None)

    def _quarter(self, rel: str, resolved: Resolved, published: dt.date, tense: Callable[[], str]) -> Resolved:
        """"the quarter" of an earnings story is the one it named ("third-quarter profit ... in the quarter");
        unnamed, a past verb or "the latest" make it the last quarter completed, not the one under way."""
        year, quarter = quarter_of(published)
        index = year * 4 + quarter - 2
        completed = year_value(index // 4, f"{index // 4}-Q{index % 4 + 1}")
        named, ended = self.quarter, rel != "the" or tense() == PAST
        # a quarter named but not yet over ("a fourth-quarter charge") is not the one a past verb reports on
        if named is not None and (not ended or completed is None or named <= completed):
            return replace(resolved, value=named)
        return replace(resolved, value=completed) if ended else resolved
