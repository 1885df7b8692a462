"""Dates read as a careful reader reads them: by the tense of their verb, in the story's narrative time, names
apart, periods as periods. Each test's text is written for it, with the structure of a case news got wrong."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from factextract.date_context import PAST, tense_at
from factextract.dates import find_dates
from factextract.doc_view import DocView
from factextract.figures import find_figures
from factextract.models import Figure
from factextract.nlp import build_pipeline, load_pipeline, model_name


def figures(text: str, published: dt.date) -> dict[str, Figure]:
    return {f.text: f for f in find_figures(DocView.of(load_pipeline()(text)), published)}


def test_dates_in_a_story_about_a_past_year_stay_in_that_year() -> None:
    # a December story about papers of an earlier year: "on March 6 ... wrote" is that year's, not next March's
    text = ("The minutes were drafted in 1979. On April 9 Ms Orr wrote to the council. In June she resigned, "
            "and in early May the committee met. In October the library bought them.")
    found = figures(text, dt.date(2014, 12, 10))
    assert found["April 9"].value == "1979-04-09"
    assert found["June"].value == "1979-06"
    assert found["early May"].value == "1979-05"
    assert found["October"].value == "1979-10"


def test_past_tense_day_never_lands_after_publication() -> None:
    # published three days before the day named: the past tense puts it a year back, not three days ahead
    found = figures("The trawler vanished on April 12 with nine crew aboard.", dt.date(2016, 4, 9))
    assert found["April 12"].value == "2015-04-12"


def test_a_thing_after_which_a_past_event_happened_is_past() -> None:
    # "a trial in March" dates a thing; "after" it a past event happened, so the trial is behind, not ahead
    found = figures("After a trial in March, the regulator fined the firm.", dt.date(2016, 9, 30))
    assert found["March"].value == "2016-03"
    ahead = figures("After a trial in March, the regulator will fine the firm.", dt.date(2016, 9, 30))
    assert ahead["March"].value == "2017-03"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The Nov. 12 fire destroyed the mill.", "2015-11-12"),  # the doer of a past deed came before it
        ("The Nov. 12 hearing was postponed.", "2016-11-12"),  # a passive subject may still lie ahead
    ],
)
def test_a_date_before_the_subject_of_a_past_verb_is_past(text: str, value: str) -> None:
    assert figures(text, dt.date(2016, 9, 30))["Nov. 12"].value == value


def test_future_and_present_months_resolve_to_the_coming_one() -> None:
    text = "The board will vote when it convenes in May. Ministers attend the trade summit in August."
    found = figures(text, dt.date(2013, 3, 1))
    assert found["May"].value == "2013-05"
    assert found["August"].value == "2013-08"


def test_one_month_resolves_alike_wherever_it_recurs() -> None:
    text = "Ministers attend the trade summit in August. In August the ministers will sign the pact."
    values = [f.value for f in find_figures(DocView.of(load_pipeline()(text)), dt.date(2013, 3, 1))]
    assert values == ["2013-08", "2013-08"]


def test_last_year_then_a_month_is_that_month_of_last_year() -> None:
    found = figures("Last year the mill shut. In July its owner sold the land.", dt.date(2012, 11, 20))
    assert found["July"].value == "2011-07"


@pytest.mark.parametrize(
    "text",
    [
        "He told ITV's Today show and the Monday Herald that the Mayday rally would go ahead.",
        "She was speaking on Channel 5's Today programme about the strike.",  # a programme named by its station
        "The mayor was a guest on NBC This Morning to talk about the strike.",  # a morning show after its network
    ],
)
def test_programme_and_newspaper_names_are_not_dates(text: str) -> None:
    assert [f for f in figures(text, dt.date(2014, 5, 2)).values() if f.kind == "date"] == []


def test_a_show_named_this_morning_is_no_time_but_the_words_in_small_letters_are() -> None:
    found = figures("He was on BBC This Morning and spoke again this morning.", dt.date(2014, 5, 2))
    assert [(f.text, f.value) for f in found.values()] == [("this morning", "2014-05-02TMO")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("At the end of the day, the club just wants to win.", []),  # the idiom: "ultimately"
        ("The bill must pass by the end of the day.", ["the end of the day"]),  # a deadline
        ("The ballots are counted at the end of the day Monday.", ["the end of the day", "Monday"]),  # a day named
    ],
)
def test_at_the_end_of_the_day_as_an_idiom_names_no_time(text: str, kept: list[str]) -> None:
    assert list(figures(text, dt.date(2014, 5, 2))) == kept


def test_a_period_that_ends_now_is_a_duration_not_a_calendar_year() -> None:
    found = figures("Rents rose over the past year and fell in the last 18 months.", dt.date(2014, 12, 10))
    year, months = found["the past year"], found["the last 18 months"]
    assert (year.kind, year.value, year.unit, year.min, year.max) == (
        "duration", 1, "year", "2013-12-10", "2014-12-10")
    assert (months.kind, months.value, months.unit, months.min, months.max) == (
        "duration", 18, "month", "2013-06-10", "2014-12-10")


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Sales slowed in recent weeks.", "recent weeks", "week"),
        ("In recent months the mill hired again.", "recent months", "month"),
        ("Rents have climbed in recent years.", "recent years", "year"),
        ("Queues grew in the past few weeks.", "the past few weeks", "week"),
        ("Orders slid in the past several quarters.", "the past several quarters", "quarter"),
    ],
)
def test_a_period_to_now_of_no_given_length_is_a_duration_ending_at_publication(text: str, span: str,
                                                                               unit: str) -> None:
    # no length is written, so no first day: the period ends at publication, and no calendar period is named
    period = figures(text, dt.date(2014, 12, 10))[span]
    assert (period.kind, period.value, period.unit, period.min, period.max) == (
        "duration", None, unit, None, "2014-12-10")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "last_day"),
    [
        ("Repairs will take the next three years.", "the next three years", 3, "year", "2017-12-10"),
        ("The ferry runs for the next two weeks.", "the next two weeks", 2, "week", "2014-12-24"),
        ("Fares may rise in coming weeks.", "coming weeks", None, "week", None),
        ("In the coming months the mill will hire.", "the coming months", None, "month", None),
        ("Talks go on over the next few days.", "the next few days", None, "day", None),
    ],
)
def test_a_period_from_now_is_a_duration_starting_at_publication(text: str, span: str, value: int | None,
                                                                 unit: str, last_day: str | None) -> None:
    # "the next three years" is the three years ahead of the story, not the calendar year after it
    period = figures(text, dt.date(2014, 12, 10))[span]
    assert (period.kind, period.value, period.unit, period.min, period.max) == (
        "duration", value, unit, "2014-12-10", last_day)


def test_the_past_century_ends_now_and_the_last_century_is_the_calendar_one() -> None:
    found = figures("The bridge was the feat of the past century; the mill was a relic of the last century.",
                    dt.date(2014, 12, 10))
    past = found["the past century"]
    assert (past.kind, past.value, past.unit, past.min, past.max) == (
        "duration", 1, "century", "1914-12-10", "2014-12-10")
    assert (found["the last century"].kind, found["the last century"].value) == ("date", "19")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The tower is a 20th century landmark.", "20th century", "19"),
        ("They restored an 18th-century chapel.", "18th-century", "17"),
        ("The abbey dates from the twelfth century.", "twelfth century", "11"),
        ("Hair was bigger in the '80s.", "'80s", "198"),
        ("He sold records in the mid-’90s.", "the mid-’90s", "199"),
        ("Crime fell through the nineties.", "the nineties", "199"),
        ("The jazz of the '20s still sells.", "'20s", "192"),  # the 1920s: the 2020s have not begun in 2014
    ],
)
def test_centuries_and_decades_named_by_ordinal_or_tens_are_dates(text: str, span: str, value: str) -> None:
    found = figures(text, dt.date(2014, 12, 10))
    assert (found[span].kind, found[span].value) == ("date", value)


@pytest.mark.parametrize(
    "text",
    [
        "She signed with 20th Century Fox.",  # "Century" capitalized: a name
        "Highs will stay in the nineties all week.",  # a decade word in a sentence about heat: degrees
        "Each council may choose a fiscal year of its own.",  # a kind of year, not the current one
        "Growth slowed on the quarter-to-quarter measure.",  # a compound adjective, no period
        "The bank paid its second quarterly dividend.",  # "quarterly" is no quarter
        'She joined the panel of "Next Week" for a night.',  # a programme's title in quotation marks
        "The fall of the old regime surprised them.",  # the noun "fall", no season
    ],
)
def test_names_kinds_and_compounds_of_periods_are_not_dates(text: str) -> None:
    assert [f for f in figures(text, dt.date(2014, 12, 10)).values() if f.kind == "date"] == []


# The shared dev news with a publication date: PolNeAR's file names carry it (`breitbart_2016-09-12_...txt`),
# TimeBank gives each document's.
_DATED_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def _dev_news(shared: Path) -> list[tuple[str, dt.date]]:
    news = []
    for path in sorted((shared / "quotes" / "polnear-dev" / "text").glob("*.txt")):
        dated = _DATED_NAME.search(path.name)
        if dated:
            news.append((path.read_text(encoding="utf-8"), dt.date.fromisoformat(dated.group(1))))
    with (shared / "figures" / "timebank_dates.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row.get("ref_date"):
                news.append((row["text"], dt.date.fromisoformat(row["ref_date"][:10])))
    return news


def test_no_past_tense_date_resolves_after_publication_in_the_dev_news(shared_eval: Path) -> None:
    # a pipeline of its own: 260 articles would grow the shared pipeline's string store, which
    # test_nlp_loading checks stays small
    nlp = build_pipeline(model_name())
    news = _dev_news(shared_eval)
    assert len(news) > 200
    late = []
    for doc, (text, published) in zip(nlp.pipe(t for t, _ in news), news, strict=True):
        view = DocView.of(doc)
        for date in find_dates(text, published, view):
            value = str(date.value)
            # only what the engine resolved: a date written with its year is the text's own
            if date.kind != "date" or not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value) or re.search(
                    r"\d{4}|'\d\d", text[date.start:date.end]):
                continue
            if tense_at(view, date.start) == PAST and value > published.isoformat()[:len(value)]:
                late.append((text[date.start:date.end], value, published.isoformat()))
    assert late == []


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # "by" makes a deadline: the past verb does not put the date behind publication
        ("The bank extended the offer to Nov. 20.", dt.date(1989, 11, 2), "Nov. 20", "1989-11-20"),
        # a date that dates a thing, not the past event: the nearest
        ("The firm said it signed the deal for a plant opening in January.", dt.date(1989, 11, 2), "January",
         "1990-01"),
        ("Trading closed Wednesday after lower-than-expected sales.", dt.date(1989, 10, 27), "Wednesday",
         "1989-10-25"),
        ("His pledge to halve it by the year two thousand was dropped.", dt.date(1998, 2, 5),
         "the year two thousand", "2000"),
        # the date a verb appoints is not placed by its tense; the time a thing was done is
        ("The board has set Dec. 4 as the cutoff for bids.", dt.date(1989, 11, 2), "Dec. 4", "1989-12-04"),
        ("Shares neared the peak set on Sept. 8.", dt.date(1990, 2, 6), "Sept. 8", "1989-09-08"),
    ],
)
def test_underspecified_dates_read_by_their_verb(text: str, published: dt.date, span: str, value: str) -> None:
    assert figures(text, published)[span].value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The two leaders meet Monday in Oslo.", "2016-09-26"),  # a present of schedule: the coming Monday
        ("The vote is Monday.", "2016-09-26"),
        ("A strike hurt the port on Monday.", "2016-09-19"),  # "hurt" after a singular noun is a past form
        ("The two leaders met Monday in Oslo.", "2016-09-19"),
    ],
)
def test_a_weekday_under_a_present_verb_is_the_coming_one(text: str, value: str) -> None:
    # published on Friday 2016-09-23
    assert figures(text, dt.date(2016, 9, 23))["Monday"].value == value


def test_be_to_with_a_weekday_looks_ahead() -> None:
    # a Friday paper: "is to reopen on Tuesday" is the coming Tuesday, not the one just past
    found = figures("The museum is to reopen on Tuesday after repairs.", dt.date(2024, 5, 10))
    assert found["Tuesday"].value == "2024-05-14"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Between 2004-2007, exports rose.", ["2004", "2007"]),
        ("She chaired the board 1990–1994.", ["1990", "1994"]),
        ("The 2019-20 budget was trimmed.", ["2019"]),
    ],
)
def test_years_joined_by_a_dash_are_dates_not_a_range_of_counts(text: str, years: list[str]) -> None:
    found = figures(text, dt.date(2014, 12, 10))
    assert [(f.kind, f.value) for f in found.values()] == [("date", year) for year in years]


def test_digits_after_a_year_and_a_dash_that_are_no_later_year_make_no_date() -> None:
    # an order or case number: the second part is no year after the first
    assert all(f.kind != "date" for f in figures("Parcel 2012-3456 was lost.", dt.date(2014, 12, 10)).values())


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("The pier was repaired last spring.", dt.date(2014, 10, 20), "2014-SP"),
        ("The pier was repaired last spring.", dt.date(2014, 4, 20), "2013-SP"),
        ("The pier reopens next fall.", dt.date(2014, 3, 5), "2014-FA"),
        ("The pier reopens next fall.", dt.date(2014, 10, 5), "2015-FA"),
    ],
)
def test_last_or_next_season_is_the_nearest_one_wholly_before_or_after(text: str, published: dt.date,
                                                                       value: str) -> None:
    assert [f.value for f in figures(text, published).values()] == [value]


def test_a_supposed_event_with_were_to_lies_ahead() -> None:
    # "were" is a past form, but "if she were to win" supposes a coming event; "they were to meet" did not
    assert figures("If she were to win in May, rents would fall.", dt.date(2014, 10, 5))["May"].value == "2015-05"
    assert figures("They were to meet in May but never did.", dt.date(2014, 10, 5))["May"].value == "2014-05"


def test_a_participle_clause_takes_the_tense_of_its_verb() -> None:
    # "rising" has no tense of its own; "has swung" puts March behind, not in the nearer coming March
    found = figures("The price has swung widely, rising to $9 in July from $4 in March.", dt.date(2019, 10, 28))
    assert (found["July"].value, found["March"].value) == ("2019-07", "2019-03")


def test_a_bare_season_that_modifies_a_noun_is_no_date() -> None:
    # a job or a kind of thing: "a summer intern", "winter boots"; "last summer's flood" still says when
    found = figures("A summer intern sold winter boots after last summer's flood.", dt.date(2014, 10, 5))
    assert [(f.text, f.value) for f in found.values()] == [("last summer", "2014-SU")]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The ads ran six weeks before the vote.", "six weeks", 6, "week"),
        ("Three days later, the mill closed.", "Three days", 3, "day"),
    ],
)
def test_a_length_counted_from_another_event_is_a_duration(text: str, span: str, value: int, unit: str) -> None:
    # the event it is counted from has no date here: the length is what the text gives
    period = figures(text, dt.date(2014, 10, 5))[span]
    assert (period.kind, period.value, period.unit) == ("duration", value, unit)


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("The canal has been closed for about a century.", "a century", "century"),
        ("Repairs took less than a week.", "a week", "week"),
        ("Within a year, the mill reopened.", "a year", "year"),
    ],
)
def test_a_bound_on_one_unit_is_a_length_of_one(text: str, span: str, unit: str) -> None:
    period = figures(text, dt.date(2014, 10, 5))[span]
    assert (period.kind, period.value, period.unit) == ("duration", 1, unit)
    assert period.qualifier == {"century": "about", "week": "less than", "year": "at most"}[unit]


def test_over_a_period_runs_across_it_and_bounds_nothing() -> None:
    period = figures("Rents rose over the past three years.", dt.date(2014, 10, 5))["the past three years"]
    assert period.qualifier is None


def test_this_weekend_in_a_past_tense_sentence_is_the_weekend_just_past() -> None:
    monday = dt.date(2014, 10, 6)  # ISO week 41; its weekend is 11-12 October
    assert figures("The mayor spoke to voters this weekend.", monday)["this weekend"].value == "2014-W40-WE"
    assert figures("The mayor will speak to voters this weekend.", monday)["this weekend"].value == "2014-W41-WE"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("By 8 a.m. Saturday the road was clear.", "8 a.m. Saturday", "2014-10-04T08:00"),
        ("The vote will close Friday at 5:30 p.m.", "Friday at 5:30 p.m.", "2014-10-10T17:30"),
        ("The offer expired at midnight Saturday.", "midnight Saturday", "2014-10-04T24:00"),  # the day's end
        ("Talks will resume at noon Thursday.", "noon Thursday", "2014-10-09T12:00"),
        ("The curfew starts at midnight.", "midnight", "T24:00"),
    ],
)
def test_a_clock_time_and_its_day_are_one_time(text: str, span: str, value: str) -> None:
    found = figures(text, dt.date(2014, 10, 6))
    assert (found[span].kind, found[span].value) == ("time", value)


def test_one_day_is_someday_ahead_but_a_length_under_a_past_verb() -> None:
    ahead = figures("The town will one day have a port.", dt.date(2014, 10, 5))["one day"]
    length = figures("The mayor had held office for one day.", dt.date(2014, 10, 5))["one day"]
    assert (ahead.kind, ahead.value) == ("date", "FUTURE_REF")
    assert (length.kind, length.value, length.unit) == ("duration", 1, "day")


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # a moving holiday is counted in the year its verb and the story place it
        ("Turnout will rise as Election Day nears.", dt.date(2016, 9, 21), "Election Day", "2016-11-08"),
        ("In 2012 the race was calm. Soon after Election Day, he left.", dt.date(2016, 9, 8), "Election Day",
         "2012-11-06"),
        ("The strike began after Labor Day.", dt.date(2016, 9, 12), "Labor Day", "2016-09-05"),
        ("The works should end by Christmas.", dt.date(2016, 10, 1), "Christmas", "2016-12-25"),
        ("Stores opened early on Black Friday 2015.", dt.date(2016, 10, 1), "Black Friday 2015", "2015-11-27"),
        ("The mayor spoke last night.", dt.date(2016, 9, 27), "last night", "2016-09-26TNI"),
        ("Seventy-four years ago, the port was bombed.", dt.date(2016, 9, 8), "Seventy-four years ago", "1942"),
        ("By the fall of 2010, the mood had turned.", dt.date(2016, 9, 8), "the fall of 2010", "2010-FA"),
        ("The sale should close by year-end.", dt.date(1989, 11, 2), "year-end", "1989-12-31"),
        ("Shares are up 9% since year-end.", dt.date(1989, 11, 2), "year-end", "1988-12-31"),
    ],
)
def test_holidays_nights_and_ends_of_years(text: str, published: dt.date, span: str, value: str) -> None:
    assert figures(text, published)[span].value == value


def test_a_holiday_that_modifies_a_noun_and_soon_under_a_past_verb_are_no_dates() -> None:
    found = figures("She bought a Christmas tree. The guard was freed soon after.", dt.date(2016, 10, 1))
    assert [f for f in found.values() if f.kind == "date"] == []


def test_these_past_years_are_a_period_ending_now() -> None:
    period = figures("Rents doubled in these past eight years.", dt.date(2016, 10, 3))["these past eight years"]
    assert (period.kind, period.value, period.min, period.max) == ("duration", 8, "2008-10-03", "2016-10-03")


def test_the_year_ended_on_a_day_is_a_fiscal_year_not_the_calendar_one() -> None:
    found = figures("Profit for the year ended June 30 rose.", dt.date(1989, 10, 30))
    assert (found["the year"].kind, found["the year"].value, found["the year"].unit) == ("duration", 1, "year")
    assert found["June 30"].value == "1989-06-30"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Two helicopters crashed last February.", "1997-02"),  # the month just gone would be "last month"
        ("Two helicopters crashed this past February.", "1998-02"),
        ("Two helicopters crashed last August.", "1997-08"),
    ],
)
def test_last_month_name_in_the_month_after_it_is_a_year_back(text: str, value: str) -> None:
    assert [f.value for f in figures(text, dt.date(1998, 3, 1)).values() if f.kind == "date"] == [value]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("The firm will hire in the spring.", dt.date(2014, 11, 20), "2015-SP"),  # spring is over: the next one
        ("The firm hired in the summer.", dt.date(2014, 4, 2), "2013-SU"),  # summer not begun: the last one
        ("The firm hires in the summer.", dt.date(2014, 4, 2), "2014-SU"),
    ],
)
def test_the_season_follows_the_tense_of_its_verb(text: str, published: dt.date, value: str) -> None:
    assert [f.value for f in figures(text, published).values()] == [value]


@pytest.mark.parametrize(
    ("text", "published", "span", "kind", "value"),
    [
        ("Twenty four years ago the plant opened.", dt.date(2016, 9, 8), "Twenty four years ago", "date", "1992"),
        ("A minute and a half later, the lights came on.", dt.date(2016, 9, 8), "A minute and a half", "duration",
         1.5),
        ("Rents are up sharply since February.", dt.date(2016, 1, 20), "February", "date", "2015-02"),
        ("In the last twenty four hours, shares fell.", dt.date(1998, 1, 8), "the last twenty four hours",
         "duration", 24),
    ],
)
def test_spoken_counts_halves_and_since(text: str, published: dt.date, span: str, kind: str, value: object) -> None:
    found = figures(text, published)[span]
    assert (found.kind, found.value) == (kind, value)


def test_as_soon_as_is_a_conjunction_and_the_year_of_a_named_year_no_second_date() -> None:
    found = figures("They left as soon as the talks ended, vowing peace by the year 2000.", dt.date(1990, 8, 15))
    assert [(f.text, f.value) for f in found.values()] == [("2000", "2000")]


def test_the_previous_weekday_is_counted_from_the_day_last_named() -> None:
    # a Monday paper on Friday's trading: "the previous Friday" is the week before that Friday
    found = figures("Stocks slid Friday. The index ended 3% below the previous Friday.", dt.date(1989, 10, 30))
    assert (found["Friday"].value, found["the previous Friday"].value) == ("1989-10-27", "1989-10-20")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # the reporting clause dates the speaking: the quote's deictic words count from that day
        ('At Tuesday\'s hearing the mayor told the council, "the pumps fail tonight."', "tonight",
         "2021-03-09TNI"),
        ('"We open the bridge today," she said at the ceremony on Wednesday.', "today", "2021-03-10"),
        ('Speaking on March 3, he said, "Yesterday was the worst storm in years."', "Yesterday", "2021-03-02"),
        ('On March 3 the coach told reporters: "We rested. Last week drained us."', "Last week", "2021-W08"),
        # a whole-sentence quote right after a dated one goes on with it
        ('"We train tomorrow," the coach said on March 3. "This morning was for rest."', "This morning",
         "2021-03-03TMO"),
        # a day told of in the sentence, not the day of telling, leaves the quote counted from publication
        ('She said the ruling on March 3 was "a setback we will fix tomorrow."', "tomorrow", "2021-03-13"),
        # no day in the reporting clause: the time of writing
        ('"The council votes tomorrow," she said.', "tomorrow", "2021-03-13"),
        # a day named relative to publication dates the speaking, and the quote counts from it
        ('The chief said yesterday that "today we reopen the port."', "today", "2021-03-11"),
        # a date that counts from no speech moment keeps its tense reading
        ('"In January we lost the contract," he said on Tuesday.', "January", "2021-01"),
    ],
)
def test_deictic_words_in_a_quote_count_from_the_day_it_was_spoken(text: str, span: str, value: str) -> None:
    assert figures(text, dt.date(2021, 3, 12))[span].value == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Turnout rose the day after Tuesday's vote.", "the day after Tuesday", "2016-09-21"),
        ("The fund closed the day before Sept. 12.", "the day before Sept. 12", "2016-09-11"),
        ("On Monday she flew to Ohio. Later in the day, she met donors.", "the day", "2016-09-19"),
        ("Shares fell on Sept. 14. Traders sold heavily that day.", "that day", "2016-09-14"),
    ],
)
def test_the_day_is_read_from_the_day_named_beside_or_before_it(text: str, span: str, value: str) -> None:
    assert figures(text, dt.date(2016, 9, 23))[span].value == value


@pytest.mark.parametrize(
    "text",
    ["They saved for the day that the river floods.", "Unions called the day of action a success.",
     "After the day-long summit, leaders left."],
)
def test_the_day_that_names_no_calendar_day_is_no_date(text: str) -> None:
    assert figures(text, dt.date(2016, 9, 23)) == {}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The bus leaves each Friday from the depot.", "Friday", "XXXX-WXX-5"),
        ("Markets close every August.", "August", "XXXX-08"),
        ("The show airs on Monday and Wednesday nights.", "Monday", "XXXX-WXX-1"),
        ("The show airs on Monday and Wednesday nights.", "Wednesday nights", "XXXX-WXX-3TNI"),
        ("The show aired on Monday and Wednesday.", "Monday", "2016-09-19"),
    ],
)
def test_a_recurring_time_is_a_set_not_one_date(text: str, span: str, value: str) -> None:
    assert figures(text, dt.date(2016, 9, 23))[span].value == value
