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
import itertools
import re
from dataclasses import dataclass, replace

from factextract import date_vague as vague
from factextract.data.date_words import (
    ANCHOR_WORDS,
    CLOCK_HOURS,
    FUTURE_WORDS,
    MONTH_RELATIONS,
    MONTHS,
    PAST_WORDS,
    PERIOD_EDGES,
    PERIOD_RELATIONS,
    PRESENT_WORDS,
    QUARTER_OWNERS,
    WEEKDAY_RELATIONS,
    WEEKDAYS,
)
from factextract.data.number_words import CARDINALS
from factextract.date_anaphora import Antecedents
from factextract.date_arithmetic import every
from factextract.date_context import NO_VERB, PAST, Narrative, clause_tense, is_name, modifies_a_noun, tense_at
from factextract.date_days import with_named_days
from factextract.date_eras import DECADE_WORDS, SPELLED_ORDINALS, calendar_year, century, decade
from factextract.date_holidays import EVENT_DAY, event_day, holiday, year_end
from factextract.date_holidays import NAMES as HOLIDAYS
from factextract.date_joins import ISO_DAY, with_clock_days, with_ordered_ends
from factextract.date_periods import day_range, half_year, one_unit, period_around_now, periods_ahead, unit_and_a_half
from factextract.date_possessives import event_tense, figurative_day
from factextract.date_resolvers import (
    Anchor,
    Resolved,
    Resolver,
    ago,
    bare_month,
    clock,
    day_word,
    fiscal,
    full_date,
    month_year,
    numeric_date,
    oclock,
    quarter_rule,
    reference,
    relative_period,
    season,
    spelled_year,
    this_part,
    weekday,
    year_relative,
)
from factextract.date_speech import at_speech_time
from factextract.doc_view import DocView
from factextract.figure_filters import house_number
from factextract.numbers import alternation


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    kind: str  # date | time | duration
    value: str | float | None
    confidence: float
    unit: str | None = None  # a duration's time unit
    earliest: str | float | None = None  # a period's first and last day (ISO 8601), or a range's least and most
    latest: str | float | None = None
    qualifier: str | None = None  # "about" for a time hedged by "or so" ("a week or so ago")


# Month names are capitalized in English; requiring it keeps "may" and "march" the verbs out.
# Abbreviations take their period ("Sept."); a full name's period ends the sentence.
_MONTH = r"(?P<mon>(?:" + "|".join(
    rf"(?:{name.capitalize()}|{name.upper()})\b"
    + (r"\.?" if len(name) <= 4 and name not in ("may", "june", "july") else "")  # "May." ends a sentence
    for name in sorted(MONTHS, key=len, reverse=True)
) + r"))"
_WEEKDAY = r"(?P<wd>(?:" + "|".join(rf"{name.capitalize()}|{name.upper()}" for name in WEEKDAYS) + r")\b)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# "for a decade", "nearly a week": the words after which "a" + unit is a length ("for" bounds nothing)
_UNIT_BOUNDS = ("about", "nearly", "almost", "than", "over", "under", "within", "around", "roughly", "least", "for")
# "seventy-four years ago", "the last twenty four hours": tens and ones are one number
_TENS = alternation(w for w, v in CARDINALS.items() if 20 <= v <= 90 and v % 10 == 0)
_ONES = alternation(w for w, v in CARDINALS.items() if 1 <= v <= 9)
_NUMWORD = rf"(?:\d+|an?|several|a few|a couple of|few|some|(?:{_TENS})[- ](?:{_ONES})|{alternation(CARDINALS)})"
# a count of two or more ("nine", "12", "several"): "in the past one could" and "the past a man" count nothing
_COUNT = rf"(?:\d+|several|(?:{_TENS})[- ](?:{_ONES})|{alternation(w for w, v in CARDINALS.items() if v >= 2)})\b"
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?|quarters?)"
# "the past century" is the last hundred years, like "the past decade"
_SPAN_UNIT = r"(?P<unit>hours?|days?|weeks?|months?|years?|decades?|quarters?|century|centuries)"
_REL = rf"(?P<rel>{alternation(PERIOD_RELATIONS)})"
_ORD_Q = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
_EDGE = rf"(?P<edge>(?i:{alternation(PERIOD_EDGES)}))"
_POSSESSIVE_YEAR = rf"(?P<pyear>{alternation(QUARTER_OWNERS)})"
_PERIOD = r"(?P<unit>day|week|weekend|month|quarter|year|decade|century|spring|summer|fall|autumn|winter)"
# "fall" is a season only after a relation word or in "the fall of 2010": else the verb or "the fall of Rome"
_SEASON = (r"(?P<season>spring|summer|autumn|winter|(?:(?<=the\s)fall(?=\s+of\s+\d))"
           r"|(?:(?<=last\s)|(?<=next\s)|(?<=this\s))fall)")

_FLAGS = re.IGNORECASE
# Periods a count of which is a stretch of time ("the past three summers", "the past two sessions")
_TIMES = (r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries|seasons"
          r"|sessions|terms|springs|summers|autumns|falls|winters)")
# Years as broadcast transcripts spell them: "nineteen sixty-three", "the year two thousand (and one)".
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPELLED_YEAR = (
    rf"(?P<spelled>(?i:(?P<century>nineteen|eighteen)[- ](?:(?:{_TENS})(?:[- ](?:{_UNITS}))?|{_TEENS})"
    rf"|two thousand(?:\s+and)?(?:\s+(?:(?:{_TENS})(?:[- ](?:{_UNITS}))?|{_TEENS}|{_UNITS}))?))\b"
)


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver


_PART = r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?"
# "June 16 last year", "March 3 of next year": the day of the year counted from publication
_OF_RYEAR = r"\s+(?:of\s+)?(?P<ryear>(?i:last year|this year|next year))\b"
_TO = r"(?:-|–|(?i:to|through|thru)\b)"
_RANGE_YEAR = rf"(?:,?\s+(?P<year>{_YEAR})\b|{_OF_RYEAR})?"
# "from 3 on October 3 to 6 percent", "October 3 to 6 p.m.": the later number counts or tells the hour
_NO_COUNT = r"(?![-–/:.,]?\d|\s*(?i:%|percent|points?\b|[ap]\.?m\b|o['’]clock|million|billion|thousand|hundred))"
_RULES: tuple[_Rule, ...] = (
    _Rule("event_day", EVENT_DAY, event_day),
    # "September 16-19", "16 to 19 September": the days of a poll or a festival, one date from the first to the last
    _Rule("day_range", re.compile(
        rf"\b{_MONTH}\s+(?P<day>{_DAY})\s*{_TO}\s*(?P<day2>{_DAY})\b{_RANGE_YEAR}{_NO_COUNT}"), day_range),
    _Rule("day_month_range", re.compile(
        rf"(?<![\w$£€.,-])(?P<day>{_DAY})\s*{_TO}\s*(?P<day2>{_DAY})\s+(?:of\s+)?{_MONTH}{_RANGE_YEAR}"), day_range),
    _Rule("full_date", re.compile(
        rf"\b(?:(?:{_WEEKDAY}),?\s+)?{_MONTH}\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b|{_OF_RYEAR})?"),
        full_date),
    _Rule("day_month", re.compile(
        rf"\b(?P<day>{_DAY})\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>{_YEAR})\b|{_OF_RYEAR})?"), full_date),
    _Rule("iso_date", re.compile(r"(?<![\d/.-])(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/-])"),
          numeric_date),
    _Rule("month_year", re.compile(
        rf"\b(?:{_EDGE}\s*)?{_MONTH}"
        rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})\b|\s+(?P<ryear>(?i:last year|this year|next year))\b)"
    ), month_year),
    _Rule("bare_month", re.compile(
        rf"(?:\b(?P<mrel>(?i:{alternation(MONTH_RELATIONS)}))\s+|\b(?i:mid)-?)?{_MONTH}"), bare_month),
    _Rule("weekday", re.compile(
        rf"(?:\b(?P<wrel>(?i:{alternation(WEEKDAY_RELATIONS)}))\s+)?{_WEEKDAY}{_PART}"), weekday),
    _Rule("holiday", re.compile(rf"\b(?P<holiday>{alternation(HOLIDAYS)})(?:,?\s+(?P<hyear>{_YEAR}))?(?![\w'’])"),
          holiday),
    # "by year-end", "since year end.": the year's end standing alone ("year-end results" name a kind of result)
    _Rule("year_end", re.compile(
        r"\b(?:the\s+)?year[- ]end\b(?=\s*(?:[.,;:)]|$|\s+(?:and|or|to|for|of|in|on|at|when|as|with)\b))", _FLAGS),
        year_end),
    _Rule("spelled_year", re.compile(rf"\b(?:{_MONTH}\s+|(?P<the>(?i:the\s+year\s+)))?{_SPELLED_YEAR}"),
          spelled_year),
    _Rule("quarter", re.compile(
        rf"(?:\b(?P<year>{_YEAR})\s+|\b{_POSSESSIVE_YEAR}\s+|\bthe\s+)?(?:fiscal[- ])?{_ORD_Q}[- ](?:fiscal[- ])?"
        rf"quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<year2>{_YEAR}))?", _FLAGS), quarter_rule),
    # "the second half of 2008", "the first half of the year": a half-year, not the fraction one half and a year
    _Rule("half_year", re.compile(
        rf"\b(?:the\s+)?(?P<half>first|second|last|latter)[\s-]half\s+of\s+(?:(?:fiscal\s+)?(?P<year>{_YEAR})\b"
        r"|(?P<owner>(?:the|this|last|next|the\s+current)\s+(?:fiscal\s+|calendar\s+)?year)\b(?!\s+\d))", _FLAGS),
        half_year),
    _Rule("year", re.compile(
        rf"(?:\b(?:the\s+)?(?:early|mid|late)[\s-]?|(?<![\d$£€.,#/]))\b(?P<year>{_YEAR})(?P<decade>['’]?s)?\b"
        r"(?![.,]\d|%|\s?percent)", _FLAGS), calendar_year),
    # "century" is written small: "20th Century Fox" is a name
    _Rule("century", re.compile(
        rf"(?i:\b(?:the\s+)?(?:early|mid|late)[\s-]?)?\b(?P<cent>\d{{1,2}}(?:st|nd|rd|th)"
        rf"|(?i:{alternation(SPELLED_ORDINALS)}))[\s-]centur(?:y|ies)\b"), century),
    _Rule("decade", re.compile(
        r"(?:\b(?:the\s+)?(?:early|mid|late)[\s-]?)?(?<![\w'’])['’](?P<tens>\d)0s\b"
        # "during the 80's", "the 90’s": the apostrophe written before the s
        r"|\bthe\s+(?:(?:early|mid|late)[\s-]?)?(?P<tens_apos>\d)0['’]s\b"
        rf"|\bthe\s+(?:(?:early|mid|late)[\s-]?)?(?P<tens_word>{alternation(DECADE_WORDS)})\b", _FLAGS), decade),
    _Rule("fiscal", re.compile(rf"\bfiscal(?:\s+year)?(?:\s+(?P<year>{_YEAR}|'\d\d))?\b", _FLAGS), fiscal),
    _Rule("period_around_now", re.compile(
        rf"\b(?:(?:the|these)\s+(?P<rel>past|last|previous|next|coming)\s+(?:(?P<n>{_NUMWORD})\s+)?"
        rf"|(?P<vague>recent|coming|upcoming)\s+){_SPAN_UNIT}\b(?P<approx>\s+or\s+so\b)?", _FLAGS),
        period_around_now),
    # "in the weeks ahead", "the year ahead": a stretch from now ("the days ahead of the vote" count to the vote)
    _Rule("ahead", re.compile(
        r"\bthe\s+(?P<unit>days|weeks|months|years|quarters|day|week|month|year|quarter)\s+ahead\b(?!\s+of\b)",
        _FLAGS), periods_ahead),
    _Rule("ago", re.compile(
        rf"\b(?:(?:nearly|almost|about|some|more than|over|just|only)\s+)?(?P<n>{_NUMWORD})\s+{_UNIT}"
        # "a week or so ago", "a month or two ago": that many units back, give or take
        r"(?P<approx>\s+or\s+(?:so|two|three))?\s+(?P<dir>ago|earlier|from now)\b", _FLAGS), ago),
    _Rule("vague_from_now", vague.VAGUE_FROM_NOW, vague.vague_from_now),
    _Rule("vague_length", vague.VAGUE_LENGTH, vague.vague_length),
    _Rule("years_ago", vague.YEARS_AGO, vague.years_ago),
    _Rule("unit_or_two", vague.UNIT_OR_TWO, vague.unit_or_two),
    _Rule("month_end", vague.MONTH_END, vague.month_end),
    _Rule("possessive_end", vague.POSSESSIVE_END, vague.possessive_end),
    _Rule("period", vague.PERIOD, vague.period),
    # "nearly a week", "in less than a year", "within a decade": a bound on one unit is a length
    _Rule("bounded_unit", re.compile(
        rf"(?:{'|'.join(f'(?<={word} )' for word in _UNIT_BOUNDS)})an?\s+"
        r"(?P<unit>day|week|fortnight|month|year|decade|century)\b(?!-)", _FLAGS), one_unit),
    # "a month later, the plant closed": one unit counted on from the time before, as "two years later" is
    _Rule("unit_later", re.compile(
        r"\ban?\s+(?P<unit>day|week|fortnight|month|year|decade)(?=\s+(?:later|afterwards?)\b)", _FLAGS), one_unit),
    # "a minute and a half later", "an hour and a half": one unit and a half
    _Rule("unit_and_a_half", re.compile(
        r"\ban?\s+(?P<unit>second|minute|hour|day|week|month|year|decade)\s+and\s+a\s+half\b", _FLAGS),
        unit_and_a_half),
    _Rule("year_relative", re.compile(r"\b(?:the\s+)?(?:year-earlier|year-ago|year earlier|a year before)\b", _FLAGS),
          year_relative),
    _Rule("relative_period", re.compile(
        rf"\b(?:(?P<edge>earlier|later|early|late|the end of|the start of|the beginning of|the rest of)\s+)?"
        # "the quarter-to-quarter rise" is no date, nor "the fall of Rome" ("the fall of 2010" is the season rule's),
        # nor "the year" of "the year 2000"
        rf"{_REL}\s+{_PERIOD}\b(?!-to-)(?!(?<=fall)\s+of\b)(?!\s+\d{{4}}\b)", _FLAGS), relative_period),
    _Rule("season", re.compile(
        rf"\b(?:(?P<rel>last|next|this|this past|this coming|the past)\s+|the\s+)?{_SEASON}"
        rf"(?:\s+of\s+(?P<year>{_YEAR}))?\b", _FLAGS), season),
    _Rule("day_word", re.compile(
        rf"\b(?:(?:early|late|earlier|later)\s+)?(?P<dayword>today|yesterday|tomorrow|tonight|last\s+night)\b{_PART}",
        _FLAGS),
        day_word),
    _Rule("this_part", re.compile(r"\bthis\s+(?P<part>morning|afternoon|evening)\b", _FLAGS), this_part),
    _Rule("oclock", re.compile(rf"\b(?P<h>\d{{1,2}}|{alternation(CLOCK_HOURS)})\s+o['’]clock\b", _FLAGS), oclock),
    _Rule("clock", re.compile(
        r"\b(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)|\b(?P<h2>\d{1,2}):(?P<min2>\d{2})\b"
        r"|\b(?P<named>noon|midnight)\b", _FLAGS), clock),
    _Rule("present", re.compile(rf"\b(?:{alternation(PRESENT_WORDS)})\b", _FLAGS), reference("PRESENT_REF")),
    # "turnout rose in the past nine elections" counts elections: "the past" before a count of no time is no date
    _Rule("past", re.compile(rf"\b(?:{alternation(PAST_WORDS)})\b(?!\s+{_COUNT}\s+(?!(?:\w+\s+)?{_TIMES}\b)\w)",
                             _FLAGS), reference("PAST_REF")),
    # "as soon as the talks end" is a conjunction, no time
    _Rule("future", re.compile(rf"(?<!\bas )\b(?:{alternation(FUTURE_WORDS)})\b", _FLAGS), reference("FUTURE_REF")),
)


# Rules whose match may be a date word inside a name ("the Sunday Times", "Radio 4's Today programme", the show
# "Next Week").
_NAMEABLE = frozenset({"weekday", "bare_month", "day_word", "relative_period", "this_part"})
# Rules whose value the text leaves open (a month, a day and month, a weekday): tense and narrative time decide.
_UNDERSPECIFIED = frozenset({"full_date", "day_range", "day_month_range", "bare_month", "weekday", "holiday",
                             "year_end", "month_end"})
# Rules that name a year outright and so move the narrative time ("in 1986", "on March 3, 2011", "last year") ...
_ESTABLISHING = frozenset({"full_date", "day_range", "day_month_range", "month_year", "year", "spelled_year"})
# The story moves to a time it places an event in ("in 1986", "on May 22, 1995"); a year that qualifies a thing
# ("the 1988 period", "fiscal 1988") or a comparison ("a year earlier") leaves the story where it is.
_SETTING = re.compile(r"\b(?:in|on|during)\s+(?:(?:early|late|mid-?)\s*)?$", re.IGNORECASE)
# ... and rules counted from publication day, which bring it back ("yesterday", "on Tuesday", "last week")
_DEICTIC = frozenset({"day_word", "weekday", "this_part"})

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_RECURRABLE = frozenset({"weekday", "bare_month", "season"})
_EVERY = re.compile(r"\b(?:each|every)\s+$", re.IGNORECASE)
_PLURAL, _AND_OR = re.compile(r"s\b"), re.compile(r",?\s+(?:and|or)\s+")  # "Tuesday nights", "Monday and"

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


def find_dates(text: str, published: dt.date | None, view: DocView | None = None) -> list[DateSpan]:
    """Every date or time expression in text, longest first where they overlap, in text order.

    Args:
        text: the caller's text; every span's offsets refer to it.
        published: the publication date relative expressions resolve against; None leaves them unresolved.
        view: the parse of text, when there is one: it gives the tense that resolves an underspecified date
            ("March 6" in a past-tense sentence) and tells names ("the Sunday Times") from dates.

    Returns:
        One DateSpan per expression, sorted by start.
    """
    candidates: list[tuple[int, int, int, _Rule, re.Match[str]]] = []
    windows = _windows(text)
    for order, rule in enumerate(_RULES):
        for window_start, window_end in windows:
            for match in rule.pattern.finditer(text, window_start, window_end):
                if match.end() > match.start():
                    candidates.append((match.start(), match.end(), order, rule, match))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    plain = Anchor(published, text)
    taken: list[tuple[int, int]] = []
    recurring: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, _Rule, re.Match[str], Resolved]] = []
    for start, end, _, rule, match in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        if view is not None and rule.name in _NAMEABLE and is_name(view, start, end):
            continue
        if view is not None and rule.name in ("season", "holiday") and modifies_a_noun(view, start, end):
            continue
        if view is not None and rule.name == "day_word" and figurative_day(view, start):
            continue
        # "had been in the job one day": under a past verb "one day" is a length (the number reader's), not
        # "someday"; "was killed soon after" looks ahead from a past time, not from the time of writing
        if view is not None and rule.name == "future" and match.group(0).lower() in ("one day", "soon") \
                and tense_at(view, start) == PAST:
            continue
        # "1600 Pennsylvania Avenue", "the office at 1900 Elm": a house number, not a year
        if rule.name == "year" and house_number(text, match.start("year"), match.end("year"), view):
            continue
        resolved = rule.resolve(match, plain)
        if resolved is None:
            continue
        # "every Monday", "each July", "on Tuesday nights": a recurring time, no one date
        plural = _PLURAL.match(text, end) if rule.name in _RECURRABLE else None
        if plural or (rule.name in _RECURRABLE and _EVERY.search(text, max(0, start - 7), start)):
            recurring.append(start)
            end = plural.end() if plural else end
        start, end = _trim(text, start, end)
        taken.append((start, end))
        chosen.append((start, end, rule, match, resolved))
    chosen.sort(key=lambda c: c[0])
    # "on Monday and Tuesday nights": a day joined to a recurring one recurs with it
    recurring += [first[0] for first, then in itertools.pairwise(chosen)
                  if then[0] in recurring and _AND_OR.fullmatch(text, first[1], then[0])]
    spans = _in_narrative_time(chosen, plain, view)
    if view is not None:
        spans = at_speech_time(spans, chosen, plain, view)
    spans = [replace(s, value=every(s.value), earliest=None, latest=None) if s.start in recurring else s for s in spans]
    return with_ordered_ends(with_clock_days(with_named_days(spans, text), text), text)


def _in_narrative_time(chosen: list[tuple[int, int, _Rule, re.Match[str], Resolved]], plain: Anchor,
                       view: DocView | None) -> list[DateSpan]:
    """Reads the spans in text order, re-resolving each underspecified date by its tense and the time the story
    has moved to: "in 1986 ... on March 6 he wrote" is 1986-03-06, not the March before publication."""
    spans: list[DateSpan] = []
    narrative: Narrative | None = None
    set_at = 0  # where the narrative time was set
    last_day: dt.date | None = None  # the last day the text has named
    story = Antecedents(plain.text)
    for start, end, rule, match, resolved in chosen:
        # a new paragraph may start a new thread of the story: it returns to the time of writing
        if narrative is not None and _PARAGRAPH_BREAK.search(plain.text, set_at, start):
            narrative = None
        underspecified = rule.name in _UNDERSPECIFIED and not _named_year(match)
        if underspecified and view is not None and plain.published is not None:
            tense = (event_tense(view, start) if rule.name == "weekday" else None) or tense_at(view, start)
            at = replace(plain, tense=tense, narrative=narrative)
            resolved = rule.resolve(match, at) or resolved
        if rule.name == "weekday" and last_day is not None and (match.group("wrel") or "").lower() in _ANAPHORIC:
            # "down from the previous Friday" after Friday's trading: counted from the day last named
            resolved = rule.resolve(match, replace(plain, published=last_day)) or resolved
        elif rule.name == "relative_period" and (narrative is not None or view is not None):
            # "the following year" is counted from the narrative time; "told them this weekend" by its tense
            tense = tense_at(view, start) if view is not None else None
            resolved = rule.resolve(match, replace(plain, narrative=narrative, tense=tense)) or resolved
        # a date read in the narrative time ("on March 6" after "in 1986") leaves that time where it is
        if not underspecified and (moved := _moved(
                narrative, rule.name, resolved, plain.published, plain.text, start)) is not narrative:
            narrative, set_at = moved, start
        if rule.name in _DEICTIC:
            narrative = None
        # "that year", "the following month", "the quarter": the period of a date named before
        resolved = story.reread(rule.name, match, resolved, plain.published,
                                lambda at=start: clause_tense(view, at) if view is not None else NO_VERB)
        story.note(rule.name, match, resolved)
        if isinstance(resolved.value, str) and ISO_DAY.match(resolved.value):
            last_day = dt.date.fromisoformat(resolved.value[:10])
        hedged = "about" if (match.groupdict().get("approx") or "").strip() else None
        spans.append(DateSpan(start, end, resolved.kind, resolved.value, resolved.confidence, resolved.unit,
                              resolved.earliest, resolved.latest, hedged))
    return spans


_ANAPHORIC = ("the previous", "the following")


def _named_year(match: re.Match[str]) -> bool:
    """Whether an underspecified kind of date names its year here ("March 6, 2011", "Christmas 2010")."""
    groups = match.groupdict()
    return bool(groups.get("year") or groups.get("ryear") or groups.get("hyear"))


def _moved(narrative: Narrative | None, rule: str, resolved: Resolved, published: dt.date | None, text: str,
           start: int) -> Narrative | None:
    """The narrative time after an expression: a past year or day named outright ("in 1986", "on March 3, 2011",
    "last year") moves it there; a date counted from publication ("yesterday", "on Tuesday") brings it back."""
    if published is None or not isinstance(resolved.value, str):
        return narrative
    # "Last year, sales fell. In May ...": a past year counted from publication places the story too
    last_year = rule == "relative_period" and re.fullmatch(r"\d{4}", resolved.value) is not None
    if not last_year and (rule not in _ESTABLISHING or not _SETTING.search(text, max(0, start - 16), start)):
        return narrative
    value = resolved.value
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        return Narrative(dt.date(year, 1, 1), True) if year < published.year else None
    if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value):
        day = dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
        return Narrative(day, False) if day.year < published.year else None
    return narrative


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,":
        end -= 1
    while start < end and text[start] in " ,":
        start += 1
    return start, end
