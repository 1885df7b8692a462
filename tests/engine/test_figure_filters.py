"""Numbers written in digits that count nothing: score and vote tallies, house numbers, telephone numbers and codes.
Each text is written for its test, with the structure of a case news copy has."""

from __future__ import annotations

import datetime as dt

import pytest

from factextract.doc_view import DocView
from factextract.figures import find_figures
from factextract.models import Figure
from factextract.nlp import load_pipeline

PUBLISHED = dt.date(2016, 10, 4)


def figures(text: str) -> list[Figure]:
    return find_figures(DocView.of(load_pipeline()(text)), PUBLISHED)


def numeric(text: str) -> list[Figure]:
    return [f for f in figures(text) if f.kind not in ("date", "time")]


@pytest.mark.parametrize(
    "text",
    [
        "The Rangers won 6-3 at home.",
        "The justices handed down a 7-2 ruling.",
        "United lost 3–1 away.",
        "The visitors beat them 2-0.",
        "The chamber voted 61-38 to pass the bill.",
        "The board split 3 to 2 in favour.",
        "Residents backed the plan by a 4 to 1 majority.",
        "Rovers lost 0-1 at home.",  # the smaller number first, beside a contest's verb
        "A 4-4 tie would send it back.",
        "By a 3-to-2 vote the council agreed.",  # "to" hyphened into the tally
    ],
)
def test_a_score_or_vote_tally_is_no_count(text: str) -> None:
    assert numeric(text) == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("About 15-20 people came.", 15, 20),
        ("Volunteers planted 30-40 trees.", 30, 40),
        ("The party won 2-3 seats.", 2, 3),  # a contest's verb, but the numbers count seats
    ],
)
def test_ranges_stay_ranges(text: str, low: float, high: float) -> None:
    (found,) = numeric(text)
    assert (found.kind, found.min, found.max) == ("range", low, high)


def test_a_change_from_one_number_to_another_keeps_both() -> None:
    assert [f.value for f in numeric("Turnout fell from 9 to 6 percent.")] == [9, 6]


@pytest.mark.parametrize(
    "text",
    [
        "They lived at 22 Acacia Avenue.",
        "The meeting was held at 30 Elm.",  # no street word: "at", a number, a proper noun
        "Donors gathered at 740 Fifth.",
        "At 12 Orchard, the police found the van.",
    ],
)
def test_house_numbers_are_not_figures(text: str) -> None:
    assert numeric(text) == []


@pytest.mark.parametrize(
    "text", ["Marchers reached 1600 Pennsylvania Avenue.", "The shop at 1900 Elm closed."]
)
def test_a_house_number_is_no_year(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Inflation held at 2 Percent.", 2),  # a measure word after "at" is no street
        ("Stocks Close at 2100 Level", 2100),  # a headline in title case: a capital names nothing
    ],
)
def test_a_measure_after_at_is_still_a_figure(text: str, value: float) -> None:
    assert [f.value for f in numeric(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Her mobile number is 612 448 907.",  # a telephone noun introduces it
        "Tel: 612 448 907",
        "The depot's code is 04417.",  # a leading zero: a code, no quantity
    ],
)
def test_telephone_numbers_and_codes_are_not_figures(text: str) -> None:
    assert numeric(text) == []


def test_digits_grouped_by_spaces_without_a_telephone_noun_are_a_number() -> None:
    assert [f.value for f in numeric("The census counted 1 234 567 residents.")] == [1234567]


def test_a_range_before_a_verb_of_voting_stays_a_range() -> None:
    found = figures("Residents aged 30-45 voted for the levy.")
    assert [(f.kind, f.min, f.max) for f in found] == [("range", 30.0, 45.0)]


@pytest.mark.parametrize(
    "text",
    [
        "She was the one who called.",  # a determiner before a "one" that counts no noun after it
        "He may be the only one who can fix it.",
        "The hard part was this one: who pays?",
        "The pick proved a lucky one.",
        "At one point the crowd cheered.",  # idioms
        "By one estimate, the loss is large.",
        "One after another, the shops closed.",
        "Neighbours helped one another.",
        "Each backed one side or another.",  # "one ... or another" is indefinite
        "One county official said the road was closed.",  # "one" as the article of a reporting subject
        "The road was closed, said one county official.",
        "Players high-five fans after games.",  # a number hyphened after a word that is no number
        "They met one-on-one twice.",
        "It was a long feud, one she had fought hard.",  # a relative clause describes the "one"
        "If the rules change, we may get one.",  # a bare object stands for a noun said before
        "Several hundred fans waited outside.",  # a scale without its number says how many only roughly
        "The tenant holds a right of first refusal.",  # an ordinal fixed into a term
        "Cost is one reason the plan stalled.",  # "one" before a noun of argument is the article "a"
        "Buyers favour one brand over another.",  # "one" set against "another"
        "Crews drove from one town to another.",
        "He is one among thousands who waited.",  # "one among", as "one of"
        "Nobody wanted it in the first place.",
        "One odd feature of the deal is its length.",
        "The effort was all for naught.",
        "Crowds gathered at Ground Zero on Sunday.",  # a capitalized number word beside a capitalized word: a name
        "The teams now prepare for Round Two.",
        "She hosted a first-of-its-kind summit.",  # an idiom, hyphened or not
    ],
)
def test_one_as_a_pronoun_an_article_or_in_an_idiom_is_no_count(text: str) -> None:
    assert numeric(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("One person died in the fire.", 1),  # the subject of a verb that reports nothing
        ("Only one senator said no.", 1),  # "only one" counts
        ("The town has one hospital.", 1),
        ("The top-five finish pleased fans.", 5),  # a word that bounds a count
        ("The odds were two-to-one.", 1),
        ("The lead shrank to one.", 1),  # the object of a preposition: a margin or a total
        ("There is only one reason to stay.", 1),  # a bound makes it a count
        ("Rivals Win Two More Seats", 2),  # a headline capitalizes every word
    ],
)
def test_one_that_counts_stays_a_count(text: str, value: float) -> None:
    assert value in [f.value for f in numeric(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The first lady visited the school.",  # an ordinal fixed into a title or a term
        "Former first lady Ann Cole spoke.",
        "We thank the first responders.",
        "Critics second-guess the coach.",  # an ordinal hyphened into a verb
        "At first, nobody noticed.",  # a bare ordinal after "at"
        "At first glance it looks fine.",
        "They first met in the spring.",  # an adverb before its verb
        "The rule was first approved by a court.",
        "Crews must fix the bridge first.",  # after its verb's object: before the next deed, no rank
        "He pleaded the 5th Amendment.",  # an ordinal before a capitalized name
        "She banked at 3rd Harbor Bank.",
        "The studio 20th Century Fox sued.",
        "The Second Amendment was debated.",
    ],
)
def test_ordinals_that_rank_nothing_are_not_figures(text: str) -> None:
    assert [f for f in figures(text) if f.kind == "ordinal"] == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("She finished second in the race.", "second"),  # after its verb, a rank
        ("He came in first at the trials.", "first"),
        ("It is the second-largest city.", "second"),
        ("He was the first black mayor.", "first"),
        ("It was its second bankruptcy.", "second"),
        ("The town marked its 50th anniversary.", "50th"),  # lowercase: no name
        ("Obama's 2nd Term Begins Today", "2nd"),  # a headline in title case
        ("Her son, a sixth-grader, won.", "sixth"),  # "a sixth" hyphened to a word is no fraction
        ("He is the No. 3 official at the agency.", "No. 3"),  # "No." before a noun: a rank
        ("Jobs are the number one issue here.", "number one"),  # the word ranks as "No." does
    ],
)
def test_ordinals_that_rank_stay_ordinals(text: str, written: str) -> None:
    assert written in [f.text for f in figures(text) if f.kind == "ordinal"]


@pytest.mark.parametrize(
    "text",
    [
        "The firm filed a Chapter 11 reorganization plan.",  # a name and its number modify the noun after them
        "They flew aboard the Soyuz 9 capsule.",
        "Miners worked at county mine No. 4 for years.",  # "No." after a noun ends its name
    ],
)
def test_numbers_inside_names_are_not_figures(text: str) -> None:
    assert [f for f in numeric(text) if f.kind != "duration"] == []


def test_a_number_after_a_name_that_counts_the_noun_stays() -> None:
    assert [f.value for f in numeric("The deal gave Lee 3 votes.")] == [3]


@pytest.mark.parametrize(
    ("text", "written", "kind", "value"),
    [
        ("It was the third time the gate jammed.", "third", "ordinal", 3),
        ("The club chased a third straight title.", "third", "ordinal", 3),
        ("She put another quarter into bonds.", "quarter", "quantity", 0.25),
    ],
)
def test_a_bare_part_word_that_ranks_a_noun_or_adds_a_share_stays(text: str, written: str, kind: str,
                                                                  value: float) -> None:
    (figure,) = figures(text)
    assert (figure.text, figure.kind) == (written, kind)
    assert figure.value == pytest.approx(value)


def test_a_bare_part_word_that_names_a_period_is_no_figure() -> None:
    assert figures("They led in the third period.") == []
