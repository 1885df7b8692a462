"""What each date rule's match resolves to: the date arithmetic behind dates.py's rules.

Every resolver takes the rule's match, the publication date (None when unknown) and the text, and returns
a Resolved value, or None when the match is not a date after all ("May" the verb, "31 February").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from factextract.data.date_words import FUTURE_CUES, MONTHS, PARTS_OF_DAY, SEASONS, WEEKDAYS
from factextract.data.number_words import CARDINALS
from factextract.date_arithmetic import (
    days_after,
    in_calendar,
    iso_day,
    iso_week,
    quarter_of,
    shift_month,
    year_value,
)
from factextract.date_context import FUTURE, PAST, PRESENT, Narrative

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Resolved:
    kind: str  # date | time | duration
    value: str | float | None  # a duration's value is its count of units ("the last 12 months": 12)
    confidence: float
    unit: str | None = None  # a duration's time unit
    earliest: str | float | None = None  # a period's first and last day, or a range's least and most
    latest: str | float | None = None


@dataclass(frozen=True)
class Anchor:
    """What an expression is read against: the publication date, the text, and for an underspecified date
    ("March 6", "in May") the tense of its verb and the story's narrative time (date_context.py)."""

    published: dt.date | None
    text: str
    tense: str | None = None  # past | future | present | none; None without a parse
    narrative: Narrative | None = None


Resolver = Callable[[re.Match[str], Anchor], Resolved | None]


def _likely_year(published: dt.date, month: int, day: int, future: bool) -> int:
    """News reports the past: the last such day on or before publication, unless the sentence
    looks ahead or the day falls within the next few weeks (announced dates, deadlines)."""
    ahead = 365 if future else 90
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            gap = (dt.date(year, month, day) - published).days
        except ValueError:
            continue
        if -365 + ahead < gap <= ahead:
            return year
    return published.year


def underspecified_year(at: Anchor, start: int, month: int, day: int | None) -> int:
    """The year of "March 6" or "in May" (day None), as HeidelTime reads it: by the tense of the governing verb
    (past: the latest on or before the reference; future: the earliest on or after; else the nearest), against
    the story's narrative time when it has moved ("in 1986 ... on March 6"), and a past event never after
    publication. Without a parse, the words before decide (_likely_year)."""
    published = at.published
    assert published is not None
    if at.tense is None:
        future = _future_context(at.text, start)
        if day is not None:
            return _likely_year(published, month, day, future)
        return published.year + (month <= published.month if future else -(month > published.month))
    narrative = at.narrative if at.tense == PAST else None
    if narrative is not None and narrative.year_only:
        return narrative.day.year
    reference = narrative.day if narrative is not None else published
    if at.tense == PAST:
        reference = min(reference, published)
    if day is None:
        reference = reference.replace(day=1)
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day or 1))
        except ValueError:
            continue
    if not candidates:
        return reference.year
    before = [c for c in candidates if c <= reference]
    after = [c for c in candidates if c >= reference]
    if at.tense == PAST and before:
        return max(before).year
    if at.tense == FUTURE and after:
        return min(after).year
    # present tense, or no verb places it ("a cutback in September", "payable June 15"): the nearest (measured on
    # TimeBank: better than the past with a few months' allowance ahead)
    return min(candidates, key=lambda c: (abs((c - reference).days), c > reference)).year


def _future_context(text: str, start: int) -> bool:
    window = text[max(0, start - 60):start].lower()
    window = re.split(r"[.!?;]\s", window)[-1]
    return any(re.search(rf"(?<![a-z']){re.escape(cue)}(?![a-z])", window) for cue in FUTURE_CUES)


def _month_number(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def count_word(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an", "one"):
        return 1
    parts = [CARDINALS.get(part) for part in re.split(r"[-\s]+", word)]
    return None if None in parts else sum(parts)  # "seventy-four", "twenty four"


# --- resolvers -------------------------------------------------------------------------------

def full_date(m: re.Match[str], at: Anchor) -> Resolved | None:
    month = _month_number(m.group("mon"))
    day = int(re.match(r"\d+", m.group("day")).group())
    if m.group("year"):
        year: int | None = int(m.group("year"))
    elif at.published is None:
        year = None
    elif m.group("ryear"):
        year = at.published.year + _YEAR_STEPS.get(m.group("ryear").lower(), 0)
    else:
        year = underspecified_year(at, m.start(), month, day)
    if year is None:
        return Resolved("date", None, 0.6)
    if not in_calendar(year):  # "March 6" read past the calendar's edge
        return Resolved("date", None, 0.95)
    try:
        return Resolved("date", dt.date(year, month, day).isoformat(), 0.95)
    except ValueError:
        return None


def numeric_date(m: re.Match[str], at: Anchor) -> Resolved | None:
    parts = [int(p) for p in re.split(r"[-/.]", m.group(0))]
    if m.group(0)[:4].isdigit() and len(m.group(0).split(m.group(0)[4])[0]) == 4:
        year, month, day = parts
    else:  # US order month/day/year
        month, day, year = parts
        year += 2000 if year < 50 else 1900 if year < 100 else 0
    try:
        return Resolved("date", dt.date(year, month, day).isoformat(), 0.9)
    except ValueError:
        return None


def month_year(m: re.Match[str], at: Anchor) -> Resolved | None:
    month = _month_number(m.group("mon"))
    rel = (m.group("ryear") or "").lower()
    if m.group("year"):
        year: int | None = int(m.group("year"))
    elif at.published is None:
        return Resolved("date", None, 0.6)
    else:
        year = at.published.year + _YEAR_STEPS.get(rel, 0)
    return Resolved("date", year_value(year, f"{year:04d}-{month:02d}"), 0.9)


_YEAR_STEPS = {"last year": -1, "next year": 1}

# Determiners that make a period noun generic ("a fiscal year", "each fiscal year"), no period in particular.
_GENERIC_BEFORE = re.compile(r"\b(?:a|an|each|every|any|per)\s+$", _FLAGS)
_MONTH_CUE = re.compile(r"\b(?:in|of|since|until|by|from|through|early|late|mid-?|last|next|this|during)\s*$", _FLAGS)
# "a May interview": the article of a month that dates the noun after it (no verb follows "a"; "a March on the
# capital" is a march)
_ARTICLE_CUE = re.compile(r"\ban?\s+$", _FLAGS)
_NOUN_AFTER = re.compile(r"\s+(?!(?:on|to|of|in|for|from|through|against|by|with|and|or)\b)[a-z]+\b")


def bare_month(m: re.Match[str], at: Anchor) -> Resolved | None:
    word = m.group("mon")
    rel = (m.group("mrel") or "").lower()
    # "May" alone is too often the verb, "March" the noun: they need a cue before them ("in May").
    ambiguous = word.rstrip(".").lower() in ("may", "march") and not word.isupper()
    dated_noun = _ARTICLE_CUE.search(at.text, max(0, m.start("mon") - 4), m.start("mon")) is not None \
        and _NOUN_AFTER.match(at.text, m.end()) is not None
    if ambiguous and not rel and not dated_noun \
            and not _MONTH_CUE.search(at.text, max(0, m.start("mon") - 12), m.start("mon")):
        return None
    if at.published is None:
        return Resolved("date", None, 0.6)
    month = _month_number(word)
    published = at.published
    if rel == "this":
        year = published.year
    elif rel == "last":
        # "last March" in a March paper is a year ago, and "last February" in a March paper too: the month just
        # gone is "last month"; "this past February" is that one
        year = published.year - (month >= published.month - 1)
    elif rel == "this past":
        year = published.year - (month >= published.month)
    elif rel == "next":
        year = published.year + (month <= published.month)
    else:
        year = underspecified_year(at, m.start(), month, None)
    return Resolved("date", year_value(year, f"{year:04d}-{month:02d}"), 0.8)


def weekday(m: re.Match[str], at: Anchor) -> Resolved | None:
    if at.published is None:
        return Resolved("date", None, 0.6)
    published = at.published
    target = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("wrel") or "").lower()
    back = (published.weekday() - target) % 7
    # a weekday in news is the past week's unless the verb looks ahead ("will meet Friday")
    ahead = at.tense in (FUTURE, PRESENT) if at.tense is not None else _future_context(at.text, m.start())
    if rel in ("next", "this coming", "coming", "the following") or (not rel and ahead and back):
        day = days_after(published, (target - published.weekday()) % 7 or 7)
    elif rel == "last" or rel == "the previous":
        day = days_after(published, -(back or 7))
    else:
        day = days_after(published, -back)
    if day is None:
        return Resolved("date", None, 0.85)
    value = day.isoformat()
    part = (m.group("part") or "").lower()
    if part:
        return Resolved("time", value + "T" + PARTS_OF_DAY[part], 0.85)
    return Resolved("date", value, 0.85)


def spelled_year(m: re.Match[str], at: Anchor) -> Resolved | None:
    words = re.split(r"[\s-]+", m.group("spelled").lower())
    if m.group("century"):
        year = CARDINALS[words[0]] * 100 + sum(CARDINALS[w] for w in words[1:])
    elif m.group("mon") or m.group("the"):  # "two thousand" alone is a count; "the year two thousand" a year
        year = 2000 + sum(CARDINALS.get(w, 0) for w in words[2:])
    else:
        return None
    if m.group("mon"):
        return Resolved("date", f"{year:04d}-{_month_number(m.group('mon')):02d}", 0.85)
    return Resolved("date", str(year), 0.85)


def quarter_rule(m: re.Match[str], at: Anchor) -> Resolved | None:
    number = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[
        m.group("q").lower()]
    owner = (m.group("pyear") or "").lower()
    offset = -1 if owner in ("last year's", "the year-earlier", "the year-ago", "the comparable year-ago",
                             "the year earlier") else 1 if owner == "next year's" else 0
    year = m.group("year") or m.group("year2")
    if year:
        return Resolved("date", f"{year}-Q{number}", 0.9)
    if at.published is None:
        return Resolved("date", None, 0.6)
    year = at.published.year + offset
    return Resolved("date", year_value(year, f"{year}-Q{number}"), 0.8)


_ENDED = re.compile(r"\s+end(?:ed|ing)\s+(?:on\s+)?(?:[A-Z][a-z]{2}|\d)")


def relative_period(m: re.Match[str], at: Anchor) -> Resolved | None:
    rel = (m.group("rel") or "").lower()
    unit = m.group("unit").lower().rstrip("s")
    if unit == "weekend":
        unit = "weekend"
    if at.published is None:
        return Resolved("date", None, 0.6)
    step = {"last": -1, "the past": -1, "the previous": -1, "the last": -1, "this past": -1, "next": 1,
            "the following": 1, "the coming": 1, "the next": 1, "this coming": 1}.get(rel, 0)
    edge = (m.group("edge") or "").lower()
    if edge in ("earlier",):
        step = min(step, 0)
    if rel in ("this", "the") and unit == "weekend" and at.tense == PAST and at.published.weekday() < 5:
        # "spoke this weekend", "a report from over the weekend" in a Monday paper: the weekend just past, not the
        # coming one of its week
        step = -1
    if rel in ("the following", "the previous"):
        # "On Oct. 3, 2004 ... the following year": counted from the time the story is at, never from publication
        narrative = at.narrative
        if narrative is None or (narrative.year_only and unit != "year"):
            return Resolved("date", None, 0.5)
        return Resolved("date", _period_value(narrative.day, unit, step), 0.6)
    if rel == "the" and unit == "year" and _ENDED.match(at.text, m.end()):
        # "net income for the year ended Aug. 31": a fiscal year, twelve months to that day, not the calendar year
        return Resolved("duration", 1, 0.7, "year")
    if rel in ("that", "the same") or (rel == "the" and unit == "day"):
        # anaphoric ("that year", "the day before"): the period named earlier in the text, not publication's
        return Resolved("date", None, 0.5)
    first = _SEASON_FIRST_MONTH.get(SEASONS.get(unit, ""))
    if rel == "the" and first is not None:
        # "they met in the fall" in a September paper: a season not begun is last year's under a past verb, and one
        # over is next year's under a future verb
        month = at.published.month
        step = -1 if at.tense == PAST and month < first else 1 if at.tense == FUTURE and month > first + 2 else 0
    return Resolved("date", _period_value(at.published, unit, step), 0.8 if rel != "the" else 0.6)


# Spring, summer and fall lie inside one calendar year (winter straddles two, and keeps the year-based step)
_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9}


def _period_value(published: dt.date, unit: str, step: int) -> str | None:
    """The value of the period step units from published's, or None when the calendar ends first."""
    if unit == "day":
        return iso_day(days_after(published, step))
    if unit in ("week", "weekend"):
        value = iso_week(days_after(published, 7 * step))
        return value + "-WE" if value is not None and unit == "weekend" else value
    if unit == "month":
        year, month = shift_month(published.year, published.month, step)
        return year_value(year, f"{year:04d}-{month:02d}")
    if unit == "quarter":
        year, quarter = quarter_of(published)
        index = year * 4 + quarter - 1 + step
        return year_value(index // 4, f"{index // 4}-Q{index % 4 + 1}")
    if unit == "year":
        return year_value(published.year + step, str(published.year + step))
    if unit == "decade":
        decade = published.year // 10 + step
        return year_value(decade * 10, str(decade)) if decade >= 0 else None
    if unit == "century":
        century = published.year // 100 + step
        return year_value(century * 100, str(century)) if century >= 0 else None
    if unit in SEASONS:
        first = _SEASON_FIRST_MONTH.get(SEASONS[unit])
        if first is not None and step in (-1, 1):
            # "last spring" in an October story is that year's spring, which has ended; "next fall" in March is
            # the coming one of the same year: the nearest such season wholly before or after the reference
            month = published.month
            step = (0 if month > first + 2 else -1) if step < 0 else (0 if month < first else 1)
        return year_value(published.year + step, f"{published.year + step}-{SEASONS[unit]}")
    return None


def ago(m: re.Match[str], at: Anchor) -> Resolved | None:
    count = count_word(m.group("n")) if m.group("n").lower() not in ("a few", "a couple of") else None
    direction = -1 if m.group("dir").lower() in ("ago", "earlier") else 1
    if count is None or at.published is None:
        return Resolved("date", "PAST_REF" if direction < 0 else "FUTURE_REF", 0.6)
    unit = m.group("unit").lower().rstrip("s")
    shift = count * direction
    # "a week or so ago": a hedged count of weeks is a point about that far back, not a calendar week
    if unit == "week" and (m.groupdict().get("approx") or "").strip():
        unit, shift = "day", shift * 7
    if unit in ("day", "week", "month", "year"):
        return Resolved("date", _period_value(at.published, unit, shift), 0.8 if unit == "day" else 0.75)
    if unit == "decade":
        return Resolved("date", _period_value(at.published, unit, shift), 0.6)
    return Resolved("date", None, 0.5)


def day_word(m: re.Match[str], at: Anchor) -> Resolved | None:
    word = m.group("dayword").lower()
    if at.published is None:
        return Resolved("date", None, 0.6)
    word = re.sub(r"\s+", " ", word)
    # "last night" in a paper is the night before its day, as "tonight" is the night of it
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "last night": -1}[word]
    day = days_after(at.published, shift)
    if day is None:
        return Resolved("time" if word.endswith("night") else "date", None, 0.9)
    value = day.isoformat()
    part = (m.group("part") or "").lower()
    if word.endswith("night"):
        return Resolved("time", value + "TNI", 0.85)
    if part:
        return Resolved("time", value + "T" + PARTS_OF_DAY[part], 0.85)
    return Resolved("date", value, 0.9)


def this_part(m: re.Match[str], at: Anchor) -> Resolved | None:
    if at.published is None:
        return Resolved("time", None, 0.6)
    return Resolved("time", at.published.isoformat() + "T" + PARTS_OF_DAY[m.group("part").lower()], 0.8)


def reference(value: str) -> Resolver:
    def resolve(m: re.Match[str], at: Anchor) -> Resolved:
        return Resolved("date", value, 0.6)
    return resolve


def season(m: re.Match[str], at: Anchor) -> Resolved | None:
    season = m.group("season").lower()
    if m.group("year"):
        return Resolved("date", f"{m.group('year')}-{SEASONS[season]}", 0.85)
    if at.published is None:
        return Resolved("date", None, 0.6)
    rel = (m.group("rel") or "").lower()
    step = -1 if rel in ("last", "this past", "the past") else 1 if rel in ("next", "this coming") else 0
    return Resolved("date", _period_value(at.published, season, step), 0.7)


def year_relative(m: re.Match[str], at: Anchor) -> Resolved | None:
    if at.published is None:
        return Resolved("date", None, 0.6)
    word = m.group(0).lower()
    if "year" in word and any(k in word for k in ("earlier", "ago", "before")):
        return Resolved("date", _period_value(at.published, "year", -1), 0.7)
    return None


def fiscal(m: re.Match[str], at: Anchor) -> Resolved | None:
    year = m.group("year")
    if year:
        return Resolved("date", year if len(year) == 4 else None, 0.85)
    # "each council may choose a fiscal year": a kind of year, not the current one; "fiscal problems", "fiscal
    # policy": the adjective, no year at all
    if _GENERIC_BEFORE.search(at.text, max(0, m.start() - 8), m.start()) or "year" not in m.group().lower():
        return None
    return Resolved("date", str(at.published.year) if at.published else None, 0.6)


def clock(m: re.Match[str], at: Anchor) -> Resolved | None:
    if m.group("named"):  # "at midnight Thursday" ends that day, as TimeML writes it
        return Resolved("time", "T12:00" if m.group("named").lower() == "noon" else "T24:00", 0.8)
    if m.group("h") is None:  # "10:30" without a.m. or p.m.
        hour, minute = int(m.group("h2")), int(m.group("min2"))
        return Resolved("time", f"T{hour:02d}:{minute:02d}", 0.7) if hour <= 23 and minute <= 59 else None
    hour = int(m.group("h"))
    minute = int(m.group("min") or 0)
    meridiem = (m.group("ampm") or "").lower().replace(".", "")
    if hour > 24 or minute > 59 or (meridiem and hour > 12):
        return None
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    if meridiem.startswith("a") and hour == 12:
        hour = 0
    return Resolved("time", f"T{hour:02d}:{minute:02d}", 0.85)


def oclock(m: re.Match[str], at: Anchor) -> Resolved | None:
    hour = count_word(m.group("h"))
    if hour is None or not 0 < hour <= 12:
        return None
    return Resolved("time", f"T{hour:02d}:00", 0.8)
