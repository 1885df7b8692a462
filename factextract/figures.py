"""Figures: counts, money, percents, quantities, ordinals, ranges, dates, times and durations.

Numbers and dates are found in the raw text (numbers.py, dates.py) so offsets are exact; the
words around each number decide its kind: a currency symbol, code or name makes it money, a
percent sign or word a percent, a unit a quantity, a time unit a duration, and otherwise it is
a count of the noun it modifies in spaCy's parse ("more than 1,100 people" counts "people").

Decisions where English is ambiguous:
- a duration is its number and time unit ("three years": 3, "year"); an age ("five years old") a quantity counted "age";
- a spoken or written fraction on its own ("two thirds of voters") is a quantity with unit "fraction" and value 0.667;
- a range ("between 20 and 30", "10-15 miles") has value null and min/max;
- a year ("in 2010", "the 2016 election") is a date: it says when; numbers inside names ("Apollo 11", "COVID-19",
  "Chapter 11") are not figures, nor are phone numbers and ids;
- "pounds" is sterling with a scale word or money words around it, else a weight;
- a rate ("$30 a share", "two ferries a week") puts its denominator in the unit, "per share" (rates.py).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from factextract.ages import bare_age
from factextract.bare_parts import bare_part, ranked_part
from factextract.bounds import duration_bound, margin_start, read_qualifier, without_bound
from factextract.conversion_targets import conversion_targets
from factextract.data import currencies, units
from factextract.data.non_figures import YEAR_STATE_NOUNS
from factextract.data.number_words import SCALE_SUFFIXES, UNICODE_FRACTIONS
from factextract.dates import DateSpan, find_dates
from factextract.digit_sizes import digit_size
from factextract.doc_view import DocView
from factextract.figure_filters import not_a_figure, numbered_name, ordinal_in_name, phones_and_links, rank_start
from factextract.loose_numbers import couple_hedge, couple_of
from factextract.models import Figure
from factextract.money import (
    AMOUNT_BEFORE_WORD,
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    MINOR_AFTER,
    cents_currency,
    currency_code,
    is_sterling,
)
from factextract.multiples import FOLD_AFTER, TIMES_AFTER, fold_multiplies, word_multiples
from factextract.number_joins import ONE_OF_ROUND, join_parts, join_powers, join_ranges, join_ratios, join_subdivided
from factextract.numbers import START_WORDS, Number, alternation, find_numbers
from factextract.rates import with_rates
from factextract.relative_ordinals import relative_ordinals
from factextract.vague_shares import vague_shares
from factextract.word_filters import hyphened_ordinal, spelled_rank, word_not_a_figure

_PERCENT_AFTER = re.compile(
    r"\s?(?:(?P<pp>percentage[- ]points?|basis points?)\b|%|(?:percent|per\s?cent|pct|percents|percentage)\b)",
    re.IGNORECASE,
)
_PERCENT_BEFORE = re.compile(r"\b(?:percents?|per\s?cent)\s+of\s+$", re.IGNORECASE)
_UNIT_WORD_AFTER = re.compile(rf"(?:\s|-|\s-\s)?(?P<unit>{alternation(units.WORDS)})\b", re.IGNORECASE)
# "24703 L-202": a letter hyphened to digits is a model name, not a unit
# "5 (km)": a bracket around the unit is part of it; "50 miles (80 kms)": a bracket after it is not
_UNIT_SYMBOL_AFTER = re.compile(
    rf"(?P<sp>\s?)(?P<open>[(\[{{<])?(?P<unit>{alternation(units.SYMBOLS)})(?(open)[)\]}}>])(?!\w|-\d)")
_TIME_AFTER = re.compile(rf"(?:\s|-)(?P<unit>{alternation(units.TIME_UNITS)})\b(?P<old>(?:-|\s)old\b|\s+of\s+age\b)?",
                         re.IGNORECASE)
_DENOMINATORS = alternation([*units.WORDS, *units.SYMBOLS, *units.TIME_UNITS, *units.RATE_TIME_SYMBOLS])
_PER_AFTER = re.compile(
    rf"(?:\s+per\s+|/)(?P<den>{_DENOMINATORS})\b",
    re.IGNORECASE,
)
_SUBUNIT_JOIN = re.compile(r"\s+(?:and\s+)?")
# "COVID-19", "F-35", "A320-200": a name, letters first, joined by a hyphen to the number
_NAME_HYPHEN = re.compile(r"\b([A-Za-z][A-Za-z0-9]*)-$")
# "one-off", "one-sided", "one-way": "one" hyphened to a word other than a unit is an adjective, not a count
_ONE_HYPHEN = re.compile(r"-(?P<word>[A-Za-z]+)")
_SCALE_AFTER_CODE = re.compile(r"\s+(?P<scale>thousand|million|billion|trillion|bn|mn)\b", re.IGNORECASE)
_PLUS = re.compile(r"-plus\b|\+(?![\d+])")
_PART_ARTICLE = re.compile(r"\s+(?:of\s+)?an?(?=\s)", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b")
_TIME_KINDS = ("date", "time", "duration")
_HEDGE_BEFORE = re.compile(r"\b(?:around|about|approximately|roughly|circa)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class _Draft:
    start: int
    end: int
    kind: str
    value: float | str | None
    confidence: float
    number_start: int = 0
    number_end: int = 0
    unit: str | None = None
    currency: str | None = None
    qualifier: str | None = None
    counted: str | None = None
    minimum: float | str | None = None  # a period's first and last day are ISO dates
    maximum: float | str | None = None


def find_figures(view: DocView, published: dt.date | None) -> list[Figure]:
    """Numbers, money, percents, quantities, ranges and dates, each normalized, in text order."""
    doc, text, index = view.doc, view.text, view
    dates = [d for d in find_dates(text, published, view) if not _year_counts_something(d, text, index)]
    masked = phones_and_links(text) + [(d.start, d.end) for d in dates]
    drafts = [_date_draft(d, index) for d in dates]
    for number in find_numbers(text, _number_starts(doc)):
        if any(number.start < e and s < number.end for s, e in masked):
            continue
        draft = _read(number, text, index)
        if draft is not None:
            drafts.append(draft)
    drafts = join_parts(join_ratios(join_powers(_drop_overlaps(drafts), text), text), text)
    drafts = join_ranges(join_subdivided(_merge_subunits(drafts, text), text), text)
    drafts = with_rates(_with_conversion_targets(drafts, text), view)
    drafts = _with_word_sizes(drafts, text, index)
    drafts = _with_relative_ordinals(drafts, doc)
    return [_figure(i, draft, text, index) for i, draft in enumerate(drafts, start=1)]


def _number_starts(doc: Doc) -> list[int]:
    """Where a number phrase may begin: the first digit of a token, or a number word."""
    starts = []
    for token in doc:
        word = token.text
        if word.lower() in START_WORDS or word[:1] in UNICODE_FRACTIONS:
            starts.append(token.idx)
        elif not word.isalpha():
            digit = next((i for i, ch in enumerate(word) if ch.isdigit()), -1)
            if digit >= 0:
                starts.append(token.idx + digit - (1 if digit and word[digit - 1] == "." else 0))
    return starts


def _year_counts_something(date: DateSpan, text: str, index: DocView) -> bool:
    """'2000 people' is a count, not the year 2000."""
    if not re.fullmatch(r"\d{4}", text[date.start:date.end]):
        return False
    token = index.token_at(date.start)
    if token is None or token.i + 1 >= len(token.doc):
        return False
    nxt = token.doc[token.i + 1]
    # "20 percent below 1990 levels": the year names when the level was, it counts no levels
    return (nxt.tag_ == "NNS" and token.head.i == nxt.i and nxt.lower_ not in units.TIME_UNITS
            and nxt.lower_ not in YEAR_STATE_NOUNS)


def _date_draft(date: DateSpan, view: DocView) -> _Draft:
    # "nearly a week": a length takes its bound as a count does; "over the past three years" runs across the period
    text = view.text
    bounded = date.kind == "duration" and not text[date.start:date.end].lower().startswith("the ")
    qualifier = duration_bound(view, date.start, date.end) if bounded else None
    # "around 8:30 p.m.", "about Nov. 1": a hedge before a calendar time ("worried about the future" has none);
    # "a week or so ago": the date rules' own hedge
    hedged = date.kind in ("date", "time") and str(date.value)[:1] in "0123456789T" and _HEDGE_BEFORE.search(
        text, max(0, date.start - 16), date.start) is not None
    qualifier = qualifier or ("about" if hedged else None) or date.qualifier
    return _Draft(date.start, date.end, date.kind, date.value, date.confidence, date.start, date.end, date.unit,
                  qualifier=qualifier, minimum=date.earliest, maximum=date.latest)


def _measure_after(text: str, at: int, number: Number) -> bool:
    return bool(_PERCENT_AFTER.match(text, at) or _TIME_AFTER.match(text, at) or _unit_after(text, at, number))


def _with_conversion_targets(drafts: list[_Draft], text: str) -> list[_Draft]:
    """Adds the scales a conversion asks for ("10 celsius to fahrenheit"): a quantity with a unit and no value."""
    ends = [d.end for d in drafts if d.unit in units.TEMPERATURE_SCALES]
    return _with_figures_of_words(drafts, [_Draft(t.start, t.end, "quantity", None, 0.7, t.start, t.end, t.unit)
                                           for t in conversion_targets(text, ends)])


def _with_word_sizes(drafts: list[_Draft], text: str, index: DocView) -> list[_Draft]:
    """'twice as large', 'sales tripled' (a quantity in unit 'times'), 'a small percentage': sizes in words."""
    return _with_figures_of_words(drafts, [
        _Draft(m.start, m.end, "quantity", m.factor, 0.75, m.start, m.end, "times",
               qualifier=read_qualifier(text, m.start, m.end)) for m in word_multiples(text, index)] + [
        _Draft(s.start, s.end, "percent", None, 0.6, s.start, s.end, "percent", qualifier=s.size)
        for s in vague_shares(index.doc)])


def _with_relative_ordinals(drafts: list[_Draft], doc: Doc) -> list[_Draft]:
    """'the second-to-last debate' is "end-1", not the ordinal 2; in a date ("next to last year's") it is no figure."""
    ordinals = [o for o in relative_ordinals(doc)
                if not any(o.start < d.end and d.start < o.end and d.kind in _TIME_KINDS for d in drafts)]
    kept = [d for d in drafts if not any(o.start < d.end and d.start < o.end for o in ordinals)]
    return _with_figures_of_words(kept, [_Draft(o.start, o.end, "ordinal", o.position, 0.7, o.start, o.end)
                                         for o in ordinals])


def _with_figures_of_words(drafts: list[_Draft], found: list[_Draft]) -> list[_Draft]:
    """Figures found without a number ('fahrenheit', 'twice') join those read from numbers, where none is already."""
    added = [f for f in found if not any(f.start < d.end and d.start < f.end for d in drafts)]
    return sorted(drafts + added, key=lambda d: d.start) if added else drafts


def _read(number: Number, text: str, index: DocView) -> _Draft | None:
    """Decides what one number is from the words around it; None when it is not a figure."""
    number = ranked_part(couple_of(hyphened_ordinal(number, text), text), text, index.token_at(number.start))
    start, end = number.start, number.end
    written = text[start:end]
    if not _is_figure(number, written, text, index):
        return None
    sized = digit_size(number, text, index.token_at(start))
    if sized is not None:  # "a six-figure salary": 100,000 to 999,999; "a five-figure crowd": no figure
        return _Draft(start, sized.end, "range", None, 0.7, start, sized.end, qualifier=read_qualifier(text, start,
                      sized.end), counted=sized.counted, minimum=sized.low, maximum=sized.high) if sized.money else None
    before = text[max(0, start - 40):start]
    kind = "ordinal" if number.ordinal else "count"
    plus = _PLUS.match(text, end) if not number.ordinal else None
    if plus:  # "15-plus years", "60+ voters": more than the number, whose unit or noun follows the "plus"
        end = plus.end()
    ranked = rank_start(text, start, index)
    if ranked is not None:  # "the No. 3 official": a rank
        kind, start = "ordinal", ranked
    unit = currency = None
    value: float = number.value
    confidence = 0.8 if number.spelled else 0.9
    article = _PART_ARTICLE.match(text, end) if number.fraction else None
    if article and _measure_after(text, article.end(), number):  # "half a percentage point", "a third of a mile"
        end = article.end()

    age = False
    prefix = CURRENCY_BEFORE.search(before)
    if prefix and prefix.group("word") and AMOUNT_BEFORE_WORD.search(before):
        prefix = None  # "3 dollars 50 cents": the word closes the amount before it
    suffix = CURRENCY_AFTER.match(text, end)
    if prefix and suffix and (suffix.group("sym") or suffix.group("code")):
        prefix = None  # "10 $ 30 $": each symbol follows its amount
    if prefix and not number.ordinal:
        symbol = prefix.group(0).strip()
        currency = currency_code(symbol)
        if prefix.group("code") and symbol.upper().rstrip("$") in currencies.MILLION_CODES:
            value *= 1e6
        if currency:
            kind, start, confidence = "money", start - len(before) + prefix.start(), 0.95
            after_money = CURRENCY_AFTER.match(text, end)  # "$ 10 dollars": one amount
            if after_money and after_money.group("name") and after_money.group("name").lower().startswith("dollar"):
                end = after_money.end()
    if kind == "count" and not number.ordinal:
        percent = _PERCENT_AFTER.match(text, end)
        if percent:
            kind, end, confidence = "percent", percent.end(), 0.95
            unit = "percentage point" if percent.group("pp") and "percent" in percent.group("pp").lower() else (
                "basis point" if percent.group("pp") else "percent")
        elif _PERCENT_BEFORE.search(before):
            kind, unit, confidence = "percent", "percent", 0.9
            start = start - len(before) + _PERCENT_BEFORE.search(before).start()
    if kind == "count" and not number.ordinal:
        money = CURRENCY_AFTER.match(text, end)
        if money:
            name = (money.group("name") or "").lower()
            code = money.group("code") or money.group("sym")
            if name in ("pounds", "pound") and not is_sterling(number, text, end):
                money = None
            elif name or code:
                currency = currencies.NAMES.get(name) if name else currency_code(code)
                if code and code.upper() in currencies.MILLION_CODES:
                    value *= 1e6
                if name in currencies.SUBUNITS:  # "18 Canadian cents": the unit is the cent
                    unit = name.split()[-1].rstrip("s") if name != "pence" else "penny"
                kind, end, confidence = "money", money.end(), 0.95 if not number.spelled else 0.85
                scale = _SCALE_AFTER_CODE.match(text, end) if money.group("code") else None
                if scale:  # "75 USD million": the code written between the number and its scale
                    value, end = value * SCALE_SUFFIXES[scale.group("scale").lower()], scale.end()
    if kind == "count" and not number.ordinal and not number.spelled:
        minor = MINOR_AFTER.match(text, end)
        if minor:
            # the amount in the main unit, as the currency code says it: "1p" is GBP 0.01
            currency = "GBP" if minor.group("minor") == "p" else cents_currency(text, start)
            kind, end, value, confidence = "money", minor.end(), value / 100, 0.85
    glued = re.search(r"(?<=\d)\s?(mm|[mt])$", written)
    if glued and kind == "count":
        # "1.8m tall", "100t", "a 7.62mm barrel": without a currency, a glued m, mm or t measures, it is no scale
        value, unit, kind = value / SCALE_SUFFIXES[glued.group(1)], units.SYMBOLS[glued.group(1)], "quantity"
    if kind == "count" and not number.ordinal:
        measured = _unit_after(text, end, number)
        if measured:
            unit, end = measured
            kind, confidence = "quantity", 0.9
    if kind == "count" and not number.ordinal:
        timed = _TIME_AFTER.match(text, end)
        if timed:
            unit, end = units.TIME_UNITS[timed.group("unit").lower()], timed.end()
            kind, confidence = ("quantity", 0.9) if timed.group("old") else ("duration", 0.85)
            age = bool(timed.group("old"))
    age_unit = bare_age(number, text, index) if kind == "count" and not number.fraction else None
    if age_unit:  # "Ann Kerr, 52, said": an age with its unit unwritten
        kind, unit, age, confidence = "quantity", age_unit, True, 0.85
    if kind == "count" and number.fraction and value < 1:  # "half a million" counts 500,000, it is no share
        kind, unit = "quantity", "fraction"
    multiple = TIMES_AFTER.match(text, end) if kind == "count" and not number.ordinal else None
    fold = FOLD_AFTER.match(text, end) if kind == "count" and not number.ordinal else None
    # "three times the rate", "1.65 times book value", "a 10-fold rise": a multiple, not a count of occasions
    if multiple or (fold and fold_multiplies(index.token_at(fold.end() - 1))):
        kind, unit, end = "quantity", "times", multiple.end("times") if multiple else fold.end()
    qualifier = (duration_bound(index, start, end) if kind == "duration" else read_qualifier(text, start, end)) \
        or ("more than" if plus else None) or couple_hedge(text, start)
    start = margin_start(text, start) if qualifier == "plus or minus" else start
    draft = _Draft(start, end, kind, value, confidence, number.start, number.end, unit, currency, qualifier)
    if kind in ("count", "percent"):
        draft = replace(draft, counted=_counted(number, text, index, end))
    elif age:
        draft = replace(draft, counted="age")
    return draft


def _is_figure(number: Number, written: str, text: str, index: DocView) -> bool:
    lowered = written.lower()
    token = index.token_at(number.start)
    after = text[number.end:number.end + 12]
    before = text[max(0, number.start - 12):number.start]
    # "dozens of people": a vague multitude, like "hundreds", not twelve ("a few dozen": word_not_a_figure)
    if lowered == "dozens":
        return False
    # the pronoun ("the one you mentioned") and the idiom "one of the", not the number
    if lowered == "one" and ((_OF_AFTER.match(after) and not ONE_OF_ROUND.match(text, number.end)) or token is None
                             or token.tag_ != "CD"):
        return False
    # "the one who", "at one point", "high-five", "the first lady", "they first met": words that count or rank nothing
    if number.spelled and word_not_a_figure(number, text, token):
        return False
    # "the 5th Amendment", "20th Century Fox": an ordinal in a name
    if number.ordinal and token is not None and ordinal_in_name(token, number.spelled):
        return False
    # "first", "second": ordinals only where the parser's entities say so ("a second look" is not); a compound
    # ("twenty-fifth", "two hundredth") has no other reading, even where the parser has no sentence around it
    if number.ordinal and number.spelled and (token is None or not spelled_rank(token)) \
            and not re.search(r"[\s-]", written):
        return False
    # "the first half", "the third quarter": a part or a period, unless "half of", "more than half", "the third time"
    if bare_part(number, text, token):
        return False
    one_word = _ONE_HYPHEN.match(text, number.end) if lowered == "one" else None
    if one_word and not any(one_word.group("word").lower() in words for words in (
            units.TIME_UNITS, units.WORDS, currencies.NAMES)):  # "one-hour", "one-metre", "one-yen" are figures
        return False
    # house numbers, score and vote tallies, telephone numbers and codes: digits that count nothing
    if not_a_figure(text, number.start, index):
        return False
    # "COVID-19", "F-16", "SCP-173": the number is part of a name
    name = _NAME_HYPHEN.search(before)
    if name and name.group(1)[:1].isupper():
        return False
    return not (token is not None and not number.spelled and numbered_name(token, number.start))


def _unit_after(text: str, end: int, number: Number) -> tuple[str, int] | None:
    word = _UNIT_WORD_AFTER.match(text, end)
    if word:
        return _per(text, units.WORDS[word.group("unit").lower()], word.end())
    symbol = _UNIT_SYMBOL_AFTER.match(text, end)
    if symbol:
        name = symbol.group("unit")
        # "5 in the morning", "2 pm": a spaced short symbol is a unit only when no word follows it
        if name in units.AMBIGUOUS_SYMBOLS and (number.spelled or (symbol.group("sp") and (
                name in ("in", "pm") or (re.match(r"\s*[A-Za-z]", text[symbol.end():symbol.end() + 3])
                and not re.match(r"\s*x\b", text[symbol.end():symbol.end() + 3]))))):
            return None
        return _per(text, units.SYMBOLS[name], symbol.end())
    return None


def _per(text: str, unit: str, end: int) -> tuple[str, int]:
    """'50 meters per millisecond', '50 km/ms': a rate."""
    rate = _PER_AFTER.match(text, end)
    if rate:
        below = rate.group("den")
        below_unit = (units.WORDS.get(below.lower()) or units.SYMBOLS.get(below) or units.TIME_UNITS.get(below.lower())
                      or units.RATE_TIME_SYMBOLS.get(below.lower()))
        if below_unit:
            return f"{unit} per {below_unit}", rate.end()
    return unit, end


def _counted(number: Number, text: str, index: DocView, end: int) -> str | None:
    """The noun the number modifies ("1,100 people"), with the words between ("11 Syrian soldiers")."""
    token = index.token_at(max(number.start, end - 1))
    if token is None:
        return None
    doc = token.doc
    head = token.head
    if head.i > token.i and head.pos_ in ("NOUN", "PROPN") and head.i - token.i <= 4:
        # "a three-page letter" counts pages: the hyphen joins the number to its noun, it is no part of it
        return without_bound(text[doc[token.i + 1].idx:head.idx + len(head.text)].strip(" -")) or None
    # "three of the victims", "26 percent of voters"
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if objects:
                return objects[0].text
    return None


def _drop_overlaps(drafts: list[_Draft]) -> list[_Draft]:
    """A currency word read as the prefix of the next number ("3 dollars 50") belongs to the first."""
    kept: list[_Draft] = []
    for draft in sorted(drafts, key=lambda d: (d.start, -d.end)):
        if kept and draft.start < kept[-1].end:
            if draft.number_start < kept[-1].end:
                continue
            draft = replace(draft, start=kept[-1].end if draft.kind != "money" else draft.number_start,
                            kind="count" if draft.kind == "money" else draft.kind,
                            currency=None if draft.kind == "money" else draft.currency)
        kept.append(draft)
    return kept


def _merge_subunits(drafts: list[_Draft], text: str) -> list[_Draft]:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five cents', '15 dollars 50': one amount."""
    merged: list[_Draft] = []
    for draft in drafts:
        last = merged[-1] if merged else None
        if (last is not None and last.kind == "money" and last.unit is None and isinstance(last.value, float)
                and draft.kind in ("count", "money") and draft.currency in (None, last.currency)
                and isinstance(draft.value, float) and 0 < draft.value < 100 and draft.value.is_integer()
                and _SUBUNIT_JOIN.fullmatch(text[last.end:draft.start])
                and (draft.unit in ("cent", "penny") or draft.kind == "count")
                and text[last.number_start:last.end].lower().rstrip("s").endswith(("dollar", "euro", "pound"))):
            merged[-1] = replace(last, end=draft.end, value=last.value + draft.value / 100)
            continue
        merged.append(draft)
    return merged


def _tidy(value: float | str | None) -> float | str | None:
    """'$4.27 billion' is 4270000000, not the float product 4269999999.9999995: twelve significant digits."""
    return float(f"{value:.12g}") if isinstance(value, float) else value


def _figure(number: int, draft: _Draft, text: str, index: DocView) -> Figure:
    return Figure(
        id=f"f{number}",
        kind=draft.kind,
        start=draft.start,
        end=draft.end,
        text=text[draft.start:draft.end],
        value=_tidy(draft.value),
        min=_tidy(draft.minimum),
        max=_tidy(draft.maximum),
        unit=draft.unit,
        currency=draft.currency,
        qualifier=draft.qualifier,
        counted=draft.counted,
        sentence=index.sentence_at(draft.start),
        confidence=draft.confidence,
    )
