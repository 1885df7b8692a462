"""Dates and times in raw text, resolved against the publication date.

Values are ISO 8601 / TIMEX3 strings at the precision the text supports: "2011-06-09" (a day),
"2011-05" (a month), "2011" (a year), "2011-Q3" (a quarter), "2011-W23" (a week),
"2011-SU" (a season), "199" (the 1990s), "2011-06-09TMO" (a part of a day), "T10:30" (a clock
time), and the TIMEX3 reference values PRESENT_REF / PAST_REF / FUTURE_REF for "now",
"recently", "soon". Relative expressions need the publication date; without one they get
value None while absolute ones still resolve.

Resolution rules where English leaves a choice:
- a bare weekday is the most recent such day on or before publication ("Thursday" in a
  Thursday paper is that day); with a future cue before it ("will meet Friday") the next one;
- a bare month is the most recent such month on or before publication, or the next one after
  a future cue ("expected in March");
- a month and day without a year take the year that puts them closest to publication;
- "the third quarter" is that quarter of the publication year.

Spans are found with regular expressions over the text, then resolved with date arithmetic:
dateparser was measured (0.2 s import, 0.4 s first call, about 1.6 ms per later call) and
would cost more than the whole figure extractor on a typical article, for patterns that are
closed lists here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from factextract.data.date_words import (
    ANCHOR_WORDS,
    CLOCK_HOURS,
    FUTURE_CUES,
    FUTURE_WORDS,
    MONTH_RELATIONS,
    MONTHS,
    PARTS_OF_DAY,
    PAST_WORDS,
    PERIOD_EDGES,
    PERIOD_RELATIONS,
    PRESENT_WORDS,
    QUARTER_OWNERS,
    SEASONS,
    WEEKDAY_RELATIONS,
    WEEKDAYS,
)
from factextract.data.number_words import CARDINALS
from factextract.numbers import alternation


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    kind: str  # date | time
    value: str | None
    confidence: float


# Month names are capitalized in English; requiring it keeps "may" and "march" the verbs out.
# Abbreviations take their period ("Sept."); a full name's period ends the sentence.
_MONTH = r"(?P<mon>(?:" + "|".join(
    rf"(?:{name.capitalize()}|{name.upper()})\b" + (r"\.?" if len(name) <= 4 and name not in ("june", "july") else "")
    for name in sorted(MONTHS, key=len, reverse=True)
) + r"))"
_WEEKDAY = r"(?P<wd>(?:" + "|".join(rf"{name.capitalize()}|{name.upper()}" for name in WEEKDAYS) + r")\b)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMWORD = rf"(?:\d+|an?|several|a few|a couple of|few|some|{alternation(CARDINALS)})"
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?|quarters?)"
_REL = rf"(?P<rel>{alternation(PERIOD_RELATIONS)})"
_ORD_Q = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
_EDGE = rf"(?P<edge>(?i:{alternation(PERIOD_EDGES)}))"
_POSSESSIVE_YEAR = rf"(?P<pyear>{alternation(QUARTER_OWNERS)})"
_PERIOD = r"(?P<unit>day|week|weekend|month|quarter|year|decade|century|spring|summer|fall|autumn|winter)"
_SEASON = r"(?P<season>spring|summer|autumn|winter)"

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], dt.date | None, str], tuple[str, str | None, float] | None]


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


def _future_context(text: str, start: int) -> bool:
    window = text[max(0, start - 60):start].lower()
    window = re.split(r"[.!?;]\s", window)[-1]
    return any(re.search(rf"(?<![a-z']){re.escape(cue)}(?![a-z])", window) for cue in FUTURE_CUES)


def _month_number(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _year_of(match: re.Match[str], published: dt.date | None, default_offset: int = 0) -> int | None:
    year = match.groupdict().get("year")
    if year:
        return int(year)
    return published.year + default_offset if published else None


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an", "one"):
        return 1
    return CARDINALS.get(word)


# --- resolvers -------------------------------------------------------------------------------

def _full_date(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    month = _month_number(m.group("mon"))
    day = int(re.match(r"\d+", m.group("day")).group())
    if m.group("year"):
        year: int | None = int(m.group("year"))
    elif published is None:
        year = None
    else:
        year = _likely_year(published, month, day, _future_context(text, m.start()))
    if year is None:
        return "date", None, 0.6
    try:
        return "date", dt.date(year, month, day).isoformat(), 0.95
    except ValueError:
        return None


def _numeric_date(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    parts = [int(p) for p in re.split(r"[-/.]", m.group(0))]
    if m.group(0)[:4].isdigit() and len(m.group(0).split(m.group(0)[4])[0]) == 4:
        year, month, day = parts
    else:  # US order month/day/year
        month, day, year = parts
        year += 2000 if year < 50 else 1900 if year < 100 else 0
    try:
        return "date", dt.date(year, month, day).isoformat(), 0.9
    except ValueError:
        return None


def _month_year(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    month = _month_number(m.group("mon"))
    rel = (m.group("ryear") or "").lower()
    if m.group("year"):
        year: int | None = int(m.group("year"))
    elif published is None:
        return "date", None, 0.6
    else:
        year = published.year + {"last year": -1, "next year": 1}.get(rel, 0)
    return "date", f"{year:04d}-{month:02d}", 0.9


_MONTH_CUE = re.compile(r"\b(?:in|of|since|until|by|from|through|early|late|mid-?|last|next|this|during)\s*$", _FLAGS)


def _bare_month(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    word = m.group("mon")
    rel = (m.group("mrel") or "").lower()
    # "May" alone is too often the verb, "March" the noun: they need a cue before them ("in May").
    ambiguous = word.rstrip(".").lower() in ("may", "march") and not word.isupper()
    if ambiguous and not rel and not _MONTH_CUE.search(text, max(0, m.start("mon") - 12), m.start("mon")):
        return None
    if published is None:
        return "date", None, 0.6
    month = _month_number(word)
    year = published.year
    looks_ahead = rel == "next" or (rel not in ("last", "this", "this past") and _future_context(text, m.start()))
    if looks_ahead:
        if month <= published.month:
            year += 1
    elif rel != "this" and (month > published.month or (rel in ("last", "this past") and month == published.month)):
        year -= 1
    return "date", f"{year:04d}-{month:02d}", 0.8


def _weekday(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    if published is None:
        return "date", None, 0.6
    target = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("wrel") or "").lower()
    back = (published.weekday() - target) % 7
    if rel in ("next", "this coming", "coming") or (not rel and _future_context(text, m.start()) and back):
        day = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    elif rel == "last" or rel == "the previous":
        day = published - dt.timedelta(days=back or 7)
    else:
        day = published - dt.timedelta(days=back)
    value = day.isoformat()
    part = (m.group("part") or "").lower()
    if part:
        return "time", value + "T" + PARTS_OF_DAY[part], 0.85
    return "date", value, 0.85


def _year(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    year = m.group("year")
    if m.group("decade"):
        return "date", year[:3], 0.85
    return "date", year, 0.9


def _quarter_rule(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    number = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[
        m.group("q").lower()]
    owner = (m.group("pyear") or "").lower()
    offset = -1 if owner in ("last year's", "the year-earlier", "the year-ago", "the comparable year-ago",
                             "the year earlier") else 1 if owner == "next year's" else 0
    year = m.group("year") or m.group("year2")
    if year:
        return "date", f"{year}-Q{number}", 0.9
    if published is None:
        return "date", None, 0.6
    return "date", f"{published.year + offset}-Q{number}", 0.8


def _relative_period(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    rel = (m.group("rel") or "").lower()
    unit = m.group("unit").lower().rstrip("s")
    if unit == "weekend":
        unit = "weekend"
    if published is None:
        return "date", None, 0.6
    step = {"last": -1, "the past": -1, "the previous": -1, "the last": -1, "this past": -1, "next": 1,
            "the following": 1, "the coming": 1, "the next": 1, "this coming": 1}.get(rel, 0)
    edge = (m.group("edge") or "").lower()
    if edge in ("earlier",):
        step = min(step, 0)
    if rel in ("that", "the same") or (rel == "the" and unit == "day"):
        # anaphoric ("that year", "the day before"): the period named earlier in the text, not publication's
        return "date", None, 0.5
    return "date", _period_value(published, unit, step), 0.8 if rel != "the" else 0.6


def _period_value(published: dt.date, unit: str, step: int) -> str | None:
    if unit == "day":
        return (published + dt.timedelta(days=step)).isoformat()
    if unit in ("week", "weekend"):
        value = _iso_week(published + dt.timedelta(weeks=step))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        year, month = _shift_month(published.year, published.month, step)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, quarter = _quarter(published)
        index = year * 4 + quarter - 1 + step
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "year":
        return str(published.year + step)
    if unit == "decade":
        return str(published.year // 10 + step)
    if unit == "century":
        return str(published.year // 100 + step)
    if unit in SEASONS:
        return f"{published.year + step}-{SEASONS[unit]}"
    return None


def _ago(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    count = _count(m.group("n").split()[-1] if m.group("n").lower() not in ("a few", "a couple of") else "x")
    direction = -1 if m.group("dir").lower() in ("ago", "earlier", "before") else 1
    if m.group("dir").lower() in ("before", "later"):  # "two days before the vote": counted from another event
        return "date", None, 0.5
    if count is None or published is None:
        return "date", "PAST_REF" if direction < 0 else "FUTURE_REF", 0.6
    unit = m.group("unit").lower().rstrip("s")
    shift = count * direction
    if unit == "day":
        return "date", (published + dt.timedelta(days=shift)).isoformat(), 0.8
    if unit == "week":
        return "date", _iso_week(published + dt.timedelta(weeks=shift)), 0.75
    if unit == "month":
        year, month = _shift_month(published.year, published.month, shift)
        return "date", f"{year:04d}-{month:02d}", 0.75
    if unit == "year":
        return "date", str(published.year + shift), 0.75
    if unit == "decade":
        return "date", str(published.year // 10 + shift), 0.6
    return "date", None, 0.5


def _day_word(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    word = m.group("dayword").lower()
    if published is None:
        return "date", None, 0.6
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[word]
    value = (published + dt.timedelta(days=shift)).isoformat()
    part = (m.group("part") or "").lower()
    if word == "tonight":
        return "time", value + "TNI", 0.85
    if part:
        return "time", value + "T" + PARTS_OF_DAY[part], 0.85
    return "date", value, 0.9


def _this_part(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    if published is None:
        return "time", None, 0.6
    return "time", published.isoformat() + "T" + PARTS_OF_DAY[m.group("part").lower()], 0.8


def _reference(value: str) -> Callable[[re.Match[str], dt.date | None, str], tuple[str, str | None, float]]:
    def resolve(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float]:
        return "date", value, 0.6
    return resolve


def _season(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    season = m.group("season").lower()
    if m.group("year"):
        return "date", f"{m.group('year')}-{SEASONS[season]}", 0.85
    if published is None:
        return "date", None, 0.6
    rel = (m.group("rel") or "").lower()
    step = -1 if rel in ("last", "this past", "the past") else 1 if rel in ("next", "this coming") else 0
    return "date", f"{published.year + step}-{SEASONS[season]}", 0.7


def _year_relative(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    if published is None:
        return "date", None, 0.6
    word = m.group(0).lower()
    if "year" in word and any(k in word for k in ("earlier", "ago", "before")):
        return "date", str(published.year - 1), 0.7
    return None


def _fiscal(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    year = m.group("year")
    if year:
        return "date", year if len(year) == 4 else None, 0.85
    return "date", str(published.year) if published else None, 0.6


def _clock(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    hour = int(m.group("h"))
    minute = int(m.group("min") or 0)
    meridiem = (m.group("ampm") or "").lower().replace(".", "")
    if hour > 24 or minute > 59 or (meridiem and hour > 12):
        return None
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    if meridiem.startswith("a") and hour == 12:
        hour = 0
    return "time", f"T{hour:02d}:{minute:02d}", 0.85


def _oclock(m: re.Match[str], published: dt.date | None, text: str) -> tuple[str, str | None, float] | None:
    hour = _count(m.group("h"))
    if hour is None or not 0 < hour <= 12:
        return None
    return "time", f"T{hour:02d}:00", 0.8


_PART = r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?"
_RULES: tuple[_Rule, ...] = (
    _Rule("full_date", re.compile(
        rf"\b(?:(?:{_WEEKDAY}),?\s+)?{_MONTH}\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?"), _full_date),
    _Rule("day_month", re.compile(
        rf"\b(?P<day>{_DAY})\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>{_YEAR})\b)?"), _full_date),
    _Rule("iso_date", re.compile(r"(?<![\d/.-])(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/-])"),
          _numeric_date),
    _Rule("month_year", re.compile(
        rf"\b(?:{_EDGE}\s*)?{_MONTH}"
        rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})\b|\s+(?P<ryear>(?i:last year|this year|next year))\b)"
    ), _month_year),
    _Rule("bare_month", re.compile(
        rf"(?:\b(?P<mrel>(?i:{alternation(MONTH_RELATIONS)}))\s+|\b(?i:mid)-?)?{_MONTH}"), _bare_month),
    _Rule("weekday", re.compile(
        rf"(?:\b(?P<wrel>(?i:{alternation(WEEKDAY_RELATIONS)}))\s+)?{_WEEKDAY}{_PART}"), _weekday),
    _Rule("quarter", re.compile(
        rf"(?:\b(?P<year>{_YEAR})\s+|\b{_POSSESSIVE_YEAR}\s+|\bthe\s+)?(?:fiscal[- ])?{_ORD_Q}[- ](?:fiscal[- ])?"
        rf"quarter(?:\s+of\s+(?:fiscal\s+)?(?P<year2>{_YEAR}))?", _FLAGS), _quarter_rule),
    _Rule("year", re.compile(
        rf"(?:\b(?:the\s+)?(?:early|mid|late)[\s-]?|(?<![\d$£€.,#/-]))\b(?P<year>{_YEAR})(?P<decade>'?s)?\b"
        r"(?![.,]\d|%|-\d|\s?percent)", _FLAGS), _year),
    _Rule("fiscal", re.compile(rf"\bfiscal(?:\s+year)?(?:\s+(?P<year>{_YEAR}|'\d\d))?\b", _FLAGS), _fiscal),
    _Rule("ago", re.compile(
        rf"\b(?:(?:nearly|almost|about|some|more than|over|just|only)\s+)?(?P<n>{_NUMWORD})\s+{_UNIT}\s+"
        r"(?P<dir>ago|earlier|before|later|from now)\b", _FLAGS), _ago),
    _Rule("year_relative", re.compile(r"\b(?:the\s+)?(?:year-earlier|year-ago|year earlier|a year before)\b", _FLAGS),
          _year_relative),
    _Rule("relative_period", re.compile(
        rf"\b(?:(?P<edge>earlier|later|early|late|the end of|the start of|the beginning of|the rest of)\s+)?"
        rf"{_REL}\s+{_PERIOD}\b", _FLAGS), _relative_period),
    _Rule("season", re.compile(
        rf"\b(?:(?P<rel>last|next|this|this past|this coming|the past)\s+|the\s+)?{_SEASON}"
        rf"(?:\s+of\s+(?P<year>{_YEAR}))?\b", _FLAGS), _season),
    _Rule("day_word", re.compile(
        rf"\b(?:(?:early|late|earlier|later)\s+)?(?P<dayword>today|yesterday|tomorrow|tonight)\b{_PART}", _FLAGS),
        _day_word),
    _Rule("this_part", re.compile(r"\bthis\s+(?P<part>morning|afternoon|evening)\b", _FLAGS), _this_part),
    _Rule("oclock", re.compile(rf"\b(?P<h>\d{{1,2}}|{alternation(CLOCK_HOURS)})\s+o['’]clock\b", _FLAGS), _oclock),
    _Rule("clock", re.compile(
        r"\b(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)|\b(?P<h2>\d{1,2}):(?P<min2>\d{2})\b",
        _FLAGS), _clock),
    _Rule("present", re.compile(rf"\b(?:{alternation(PRESENT_WORDS)})\b", _FLAGS), _reference("PRESENT_REF")),
    _Rule("past", re.compile(rf"\b(?:{alternation(PAST_WORDS)})\b", _FLAGS), _reference("PAST_REF")),
    _Rule("future", re.compile(rf"\b(?:{alternation(FUTURE_WORDS)})\b", _FLAGS), _reference("FUTURE_REF")),
)


# Every rule's match holds one of these: a digit, a month or weekday name, or a calendar word.
# The rules start with optional words ("the comparable year-ago ..."), so scanning a whole article
# with each costs more than finding these anchors once and scanning only the stretches around them.
_ANCHOR = re.compile(
    r"\d|\b(?:" + "|".join(rf"{n.capitalize()}|{n.upper()}" for n in (*MONTHS, *WEEKDAYS)) + r")\b"
    rf"|(?i:\b(?:{alternation(ANCHOR_WORDS)}))"
)
_NON_WORD = re.compile(r"\W")
_REACH = 60  # characters a rule's match may extend before or after its anchor


def _windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for anchor in _ANCHOR.finditer(text):
        start, end = max(0, anchor.start() - _REACH), min(len(text), anchor.end() + _REACH)
        # a window ends between words: the end of the searched text is a word boundary to the pattern
        boundary = _NON_WORD.search(text, end)
        end = boundary.start() if boundary else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def find_dates(text: str, published: dt.date | None) -> list[DateSpan]:
    """Every date or time expression, longest first where they overlap."""
    candidates: list[tuple[int, int, int, _Rule, re.Match[str]]] = []
    windows = _windows(text)
    for order, rule in enumerate(_RULES):
        for window_start, window_end in windows:
            for match in rule.pattern.finditer(text, window_start, window_end):
                if match.end() > match.start():
                    candidates.append((match.start(), match.end(), order, rule, match))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    spans: list[DateSpan] = []
    for start, end, _, rule, match in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        if rule.name == "clock" and match.group("h") is None:
            hour, minute = int(match.group("h2")), int(match.group("min2"))
            if hour > 23 or minute > 59:
                continue
            resolved: tuple[str, str | None, float] | None = ("time", f"T{hour:02d}:{minute:02d}", 0.7)
        else:
            resolved = rule.resolve(match, published, text)
        if resolved is None:
            continue
        kind, value, confidence = resolved
        start, end = _trim(text, start, end)
        taken.append((start, end))
        spans.append(DateSpan(start, end, kind, value, confidence))
    spans.sort(key=lambda s: s.start)
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,":
        end -= 1
    while start < end and text[start] in " ,":
        start += 1
    return start, end
