"""Calendar words for dates: months, weekdays, seasons, parts of the day and relative periods.

Written for factextract from English calendar vocabulary, AP style month abbreviations
("Jan.", "Sept.") and the TIMEX3 value conventions of ISO-TimeML (seasons SP/SU/FA/WI,
PRESENT_REF/PAST_REF/FUTURE_REF, parts of the day MO/AF/EV/NI).
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
}

# Words that by themselves place an event relative to the time of writing (TIMEX3 reference values).
PRESENT_WORDS = ("right now", "now", "currently", "at present", "these days", "nowadays", "presently")
PAST_WORDS = ("recently", "lately", "the recent past", "the past", "formerly")
FUTURE_WORDS = ("the future", "the near future", "soon", "as soon as possible", "later this year", "one day")

# Cues in the words before a bare month or weekday that the text speaks of the future
# ("will meet on Friday", "is due in March"): those resolve forward, the rest backward.
FUTURE_CUES = ("will", "'ll", "shall", "is to", "are to", "due", "scheduled", "expected", "planned", "plans",
               "set to", "going to", "next", "until", "till", "by", "upcoming", "coming")

# Words before a period that place it: "last week", "the following year", "the latest quarter".
PERIOD_RELATIONS = ("last", "next", "this", "this past", "this coming", "the past", "the previous", "the following",
                    "the coming", "the next", "the last", "the current", "the latest", "the most recent",
                    "the just-ended", "the just-completed", "the same", "that", "the")
# Words that pick a part of a period: "early March", "the end of 1999".
PERIOD_EDGES = ("early", "late", "mid-", "mid", "the middle of", "the beginning of", "the start of", "the end of",
                "the close of", "the first half of", "the second half of", "the last half of")
MONTH_RELATIONS = ("last", "next", "this", "this past", "this coming", "early", "late", "the middle of",
                   "the beginning of", "the end of")
WEEKDAY_RELATIONS = ("last", "next", "this", "this coming", "coming", "early", "late", "earlier", "later",
                     "the previous", "the following")
# Whose quarter: "last year's third quarter", "the year-ago fourth quarter".
QUARTER_OWNERS = ("this year's", "last year's", "next year's", "the year-earlier", "the year-ago",
                  "the comparable year-ago", "the year earlier", "its", "the latest", "the current", "the same")

# Hours spelled out before "o'clock".
CLOCK_HOURS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

# Words at least one of which every relative date or time expression contains (dates.py scans only
# around these, digits, and month and weekday names).
ANCHOR_WORDS = (
    "now", "current", "present", "these days", "nowadays", "recent", "lately", "past", "formerly", "future",
    "soon", "coming", "one day", "today", "yesterday", "tomorrow", "tonight", "day", "week", "month", "quarter",
    "year", "period", "decade", "centur", "spring", "summer", "fall", "autumn", "winter", "fiscal", "morning",
    "afternoon", "evening", "o'clock", "o’clock", "a.m.", "p.m.", "am", "pm", "ago", "earlier", "later",
    *CLOCK_HOURS, "a few", "a couple", "several", "some", "nineteen", "eighteen", "two thousand", "night",
    "christmas", "thanksgiving", "halloween", "noon", "midnight",
)

# Auxiliaries that put the governed event ahead of the time of speaking ("will meet on Friday", "would be paid in
# January": the future seen from a past report). From the English modal system as HeidelTime reads tense.
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "would", "’ll"})
# Words whose complement is a planned or expected event: "is due in March", "is expected to vote on Friday",
# "plans to close in May" (lemmas, and "going" of "going to").
FUTURE_HEADS = frozenset({"due", "expect", "schedule", "set", "plan", "intend", "aim", "poise", "slate", "likely",
                          "prepare", "going", "about", "hope", "want", "seek", "propose"})
# spaCy entity types of names: a date word inside one ("the Sunday Times", "the Today programme") is part of the
# name (OntoNotes labels, as spaCy's English pipelines use them).
NAME_ENTITY_TYPES = frozenset({"ORG", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT", "EVENT", "LAW", "GPE", "NORP"})
# Prepositions that make a date an end point ("extended to Aug. 14", "respond by Jan. 9"), not the time of the
# event their verb tells: the verb's tense does not place the date.
DEADLINE_PREPOSITIONS = frozenset({"to", "until", "till", "through", "by", "into"})
# Verbs whose date is the one they appoint, not when the appointing happened: "has set Nov. 10 as the deadline",
# "scheduled the vote for Tuesday" (lemmas): their tense does not place the date.
APPOINTING_VERBS = frozenset({"set", "schedule", "reschedule", "fix", "slate", "pencil", "earmark", "designate"})
