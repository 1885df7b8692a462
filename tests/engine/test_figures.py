"""Figures from a parsed Doc: kind, value, unit or currency, qualifier, counted noun and offsets."""

from __future__ import annotations

import datetime as dt

import pytest

from factextract.doc_view import DocView
from factextract.figures import find_figures
from factextract.models import Figure
from factextract.nlp import load_pipeline

PUBLISHED = dt.date(2011, 6, 9)  # a Thursday


def figures(text: str, published: dt.date | None = PUBLISHED) -> list[Figure]:
    return find_figures(DocView.of(load_pipeline()(text)), published)


def one(text: str, kind: str | None = None) -> Figure:
    found = [f for f in figures(text) if kind is None or f.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_count_with_qualifier_and_counted_noun() -> None:
    figure = one("Rights groups say more than 1,100 people have been killed.")
    assert (figure.kind, figure.value, figure.qualifier, figure.counted, figure.text) == (
        "count", 1100, "more than", "people", "1,100")


def test_counted_noun_keeps_the_words_between() -> None:
    assert one("Troops killed 11 Syrian soldiers.").counted == "Syrian soldiers"


@pytest.mark.parametrize(
    ("text", "written", "value", "currency"),
    [
        ("The city sold $75 million of bonds.", "$75 million", 75e6, "USD"),
        ("The club paid £8.1 million for him.", "£8.1 million", 8.1e6, "GBP"),
        ("It raised 2.5bn euros last year.", "2.5bn euros", 2.5e9, "EUR"),
        ("The loan was C$ 300 million.", "C$ 300 million", 3e8, "CAD"),
        ("A fine of five million yen was paid.", "five million yen", 5e6, "JPY"),
        ("He bought it for USD 200.", "USD 200", 200, "USD"),
        ("It cost a hundred thirty million dollars.", "a hundred thirty million dollars", 1.3e8, "USD"),
        # a spaced "a" before the dollar sign is the article, not Australia's "A$"
        ("The town took a $3.5 million grant.", "$3.5 million", 3.5e6, "USD"),
        ("The mine cost A$40 million.", "A$40 million", 4e7, "AUD"),
        ("Donors gave $2million to the campaign.", "$2million", 2e6, "USD"),  # the scale glued to the digits
        ("The fund lost 40 EUR million.", "40 EUR million", 4e7, "EUR"),  # the code between number and scale
        ("The miner earned 12 Canadian cents a share.", "12 Canadian cents a share", 12, "CAD"),  # a country's subunit
    ],
)
def test_money_reads_symbols_codes_names_and_scales(text: str, written: str, value: float, currency: str) -> None:
    figure = one(text, "money")
    assert (figure.text, figure.currency) == (written, currency)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("Support fell to 26%.", "26%", 26, "percent"),
        ("Support fell by twenty six percent.", "twenty six percent", 26, "percent"),
        ("Rates rose 0.5 percentage points.", "0.5 percentage points", 0.5, "percentage point"),
    ],
)
def test_percents(text: str, written: str, value: float, unit: str) -> None:
    figure = one(text, "percent")
    assert (figure.text, figure.value, figure.unit) == (written, value, unit)


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("The storm crossed ten miles of farmland.", "ten miles", 10, "mile"),
        ("A 3-inch gap opened.", "3-inch", 3, "inch"),
        ("He is 1.8m tall.", "1.8m", 1.8, "meter"),
        ("They shipped 16,000 metric tons of grain.", "16,000 metric tons", 16000, "metric ton"),
        ("The baby weighs two pounds.", "two pounds", 2, "pound"),
        ("It drove at 188 miles an hour.", "188 miles an hour", 188, "mile per hour"),
        # a glued "mm" measures; a spaced degree sign takes the scale written after it
        ("The rifle fires a 5.56mm round.", "5.56mm", 5.56, "millimeter"),
        ("It was 40° Celsius in the shade.", "40° Celsius", 40, "celsius"),
        ("Highs near 95° F are expected.", "95° F", 95, "fahrenheit"),
        # units of energy, volume, frequency and rate that news copy on power, building and technology writes
        ("The dam makes 2.5 terawatt-hours in a good year.", "2.5 terawatt-hours", 2.5, "terawatt hour"),
        ("Crews poured 40 cubic yards of concrete.", "40 cubic yards", 40, "cubic yard"),
        ("The new chip runs at 4.1 GHz.", "4.1 GHz", 4.1, "gigahertz"),
        ("Air there has a density of 1.1 kg/m3 at noon.", "1.1 kg/m3", 1.1, "kilogram per cubic meter"),
        ("A blast of 15 kilotons flattened the site.", "15 kilotons", 15, "kiloton"),
        ("Police seized 600 kgs of fertilizer.", "600 kgs", 600, "kilogram"),
        # a unit symbol after "at" is no street's name ("at 10 Downing Street")
        ("Fiber lines there connect at 300 Mbps.", "300 Mbps", 300, "megabit per second"),
    ],
)
def test_quantities_carry_their_unit(text: str, written: str, value: float, unit: str) -> None:
    figure = one(text, "quantity")
    assert (figure.text, figure.value, figure.unit) == (written, value, unit)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The plan costs $90 billion over 10 years.", None),  # "over" right after a figure spans a period
        ("Sales grew 5% over two years.", None),
        ("He served over 10 years in prison.", "more than"),
        ("The levy opens a gap in the budget over a decade.", None),  # "over" heading the period: across it
        ("Rents climbed over three months.", None),
        ("They have waited for over two weeks.", "more than"),
        ("The strike may last over a week.", "more than"),  # a verb of lasting takes the length as its object
    ],
)
def test_over_after_a_figure_is_a_period_not_a_bound(text: str, qualifier: str | None) -> None:
    assert one(text, "duration").qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "written", "qualifier"),
    [
        ("The debt is nearing $5 billion.", "$5 billion", "nearly"),  # a verb of approach
        ("He never spoke longer than 20 minutes.", "20 minutes", "at most"),  # one verb between negation and bound
        ("She didn't pay more than $5.", "$5", "at most"),
        ("It may buy up to an additional 900 shares.", "900", "up to"),
        ("Joblessness approaches 9% in the state.", "9%", "nearly"),
        ("Bonds ran for as long as 18 years.", "18 years", "up to"),
        ("The blast came around 8:30 p.m. on the pier.", "8:30 p.m.", "about"),  # a hedge before a time
        ("He joked about 12 percent of the town.", "12 percent", None),  # "about" a word of talk governs
        ("Read more about 40 new schools.", "40", None),
        ("Police said about 300 people came.", "300", "about"),  # a verb of saying takes a clause
        ("Crews were worried about the future.", "the future", None),  # "about" the preposition
    ],
)
def test_bounds_from_verbs_of_approach_and_negated_comparisons(text: str, written: str, qualifier: str | None) -> None:
    assert {f.text: f.qualifier for f in figures(text)}[written] == qualifier


def test_between_the_ages_of_two_numbers_is_one_range_of_ages() -> None:
    found = [(f.kind, f.min, f.max, f.counted) for f in figures("Workers between the ages of 18 and 25 left.")]
    assert found == [("range", 18, 25, "age")]


def test_one_in_every_n_is_a_proportion() -> None:
    figure = one("About one of every nine voters is young.")
    assert (figure.text, figure.unit, figure.qualifier) == ("one of every nine", "fraction", "about")
    assert figure.value == pytest.approx(1 / 9)


def test_the_bottom_fifth_is_a_share_not_the_fifth() -> None:
    found = [(f.text, f.kind, f.value) for f in figures("The bottom fifth of earners paid less.")]
    assert found == [("fifth", "quantity", 0.2)]


def test_a_count_of_calls_is_no_emergency_number() -> None:
    assert [(f.text, f.value) for f in figures("The hotline took 999 calls in a week.") if f.kind == "count"] == [
        ("999", 999)]


def test_a_bracket_closing_a_parenthesis_after_the_unit_is_not_the_units() -> None:
    found = [(f.text, f.unit) for f in figures("The hut is 50 miles (80 kms) inland.")]
    assert found == [("50 miles", "mile"), ("80 kms", "kilometer")]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Please turn 25 Celsius into Fahrenheit for me.", ["Fahrenheit"]),
        ("What is kelvin to celsius again?", ["kelvin", "celsius"]),
        ("Boiling water is how much Fahrenheit?", ["Fahrenheit"]),
    ],
)
def test_a_scale_asked_for_in_a_conversion_is_a_unit_without_a_value(text: str, asked: list[str]) -> None:
    targets = [f for f in figures(text) if f.value is None]
    assert [(f.text, f.kind) for f in targets] == [(word, "quantity") for word in asked]
    assert {f.unit for f in targets} <= {"celsius", "fahrenheit", "kelvin"}


def test_a_scale_named_outside_a_conversion_is_no_figure() -> None:
    assert [f.kind for f in figures("The Fahrenheit scale was proposed in 1724.")] == ["date"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("Rents rose at four times the pace of wages.", 4), ("The bid is 2.5 times book value.", 2.5)],
)
def test_a_multiple_is_a_quantity_of_times(text: str, value: float) -> None:
    figure = one(text)
    assert (figure.kind, figure.value, figure.unit) == ("quantity", value, "times")


@pytest.mark.parametrize(
    ("text", "written", "value", "qualifier"),
    [
        ("The new hall is more than twice as large.", "twice", 2, "more than"),
        ("Rents tripled in a decade.", "tripled", 3, None),
        ("The bill was double the estimate.", "double", 2, None),
        ("Fares could triple next year.", "triple", 3, None),
        ("Its debt is quadrupling.", "quadrupling", 4, None),
        ("The town saw a fourfold jump in thefts.", "fourfold", 4, None),
        ("Thefts rose 12-fold.", "12-fold", 12, None),
        ("Fares doubled over the past year.", "doubled", 2, None),
        ("The board halved its payout.", "halved", 0.5, None),
        ("The mill cut its staff in half.", "in half", 0.5, None),  # a verb of reduction and "in half"
    ],
)
def test_a_multiple_written_as_one_word(text: str, written: str, value: float, qualifier: str | None) -> None:
    figure = one(text, "quantity")
    assert (figure.text, figure.value, figure.unit, figure.qualifier) == (written, value, "times", qualifier)


@pytest.mark.parametrize(
    "text",
    ["The den doubled as an office; he hit a double.", "She took a double room.", "They made a triple play.",
     "Wages saw a double-digit rise.", "Our goals are twofold.", "He doubled over in pain.",
     "She tore the page in half."],
)
def test_a_word_that_doubles_as_a_role_or_a_kind_is_no_multiple(text: str) -> None:
    assert figures(text) == []


def test_how_often_something_happened_stays_a_count() -> None:
    assert one("The mayor called four times that week.", "count").value == 4


@pytest.mark.parametrize(
    ("text", "written", "kind"),
    [("The dispute ran for 20-plus years.", "20-plus years", "duration"), ("It drew 300+ fans.", "300+", "count")],
)
def test_a_number_plus_is_more_than_it(text: str, written: str, kind: str) -> None:
    figure = one(text)
    assert (figure.text, figure.kind, figure.qualifier) == (written, kind, "more than")


@pytest.mark.parametrize(
    ("text", "written", "kind", "value", "unit"),
    [
        ("Rates rose half a percentage point.", "half a percentage point", "percent", 0.5, "percentage point"),
        ("The trail is a third of a mile long.", "a third of a mile", "quantity", 1 / 3, "mile"),
        ("Half a million visitors came.", "Half a million", "count", 500_000, None),  # a count, no share
    ],
)
def test_a_part_takes_the_unit_after_its_article(text: str, written: str, kind: str, value: float,
                                                 unit: str | None) -> None:
    figure = one(text)
    assert (figure.text, figure.kind, figure.unit) == (written, kind, unit)
    assert figure.value == pytest.approx(value)


def test_pounds_with_a_scale_are_sterling() -> None:
    figure = one("Profit rose to 361 million pounds.", "money")
    assert (figure.currency, figure.value) == ("GBP", 361e6)


def test_durations_have_a_number_and_a_time_unit() -> None:
    figure = one("He served six years in prison.", "duration")
    assert (figure.text, figure.value, figure.unit) == ("six years", 6, "year")


def test_ages_are_quantities_counted_as_age() -> None:
    figure = one("She was five years old.", "quantity")
    assert (figure.value, figure.unit, figure.counted) == (5, "year", "age")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lena Varga, 52, a baker from Tulsa, said prices rose.", 52),  # an appositive after a name
        ("The dog was found by Omar Quist, 61.", 61),  # the appositive ends the sentence
        ("The farmer, who at 81 still works the land, laughed.", 81),  # "at N" before a person's verb
        ("Being 40 is no reason to retire.", 40),
        ("Tom Ruiz, who is 70, ran again.", 70),
        ("She left school at age 15.", 15),  # a number "age" introduces
        ("Only voters aged 80 were asked.", 80),
        ("He was promoted at the age of 33.", 33),
        ("Turnout rose among voters under 25.", 25),  # a bare number bounding people
    ],
)
def test_a_bare_number_beside_a_person_is_an_age(text: str, value: float) -> None:
    figure = one(text)
    assert (figure.kind, figure.value, figure.unit, figure.counted) == ("quantity", value, "year", "age")


def test_both_numbers_before_years_old_are_ages() -> None:
    found = figures("Nina and Carl Moss, 31 and 34 years old, moved west.")
    assert [(f.value, f.unit, f.counted) for f in found] == [(31, "year", "age"), (34, "year", "age")]


@pytest.mark.parametrize(
    "text",
    [
        "The index closed at 2100, traders said.",  # "at N" with no person as subject
        "The price being 40 hurt sales.",  # "being N" with a subject that is no person
        "Lots 12, 14 and 19 were sold.",  # a list of numbers, no name before them
        "Orders over 40 were delayed.",  # a bound on no people
        "The odds are one over 4.",  # "one over N" divides
    ],
)
def test_a_bare_number_without_a_person_is_no_age(text: str) -> None:
    assert all(f.counted != "age" for f in figures(text))


def test_spoken_fraction_is_a_quantity_with_fraction_unit() -> None:
    figure = one("Three quarters of voters agreed.")
    assert (figure.kind, figure.value, figure.unit) == ("quantity", 0.75, "fraction")


def test_ranges_have_min_and_max() -> None:
    figure = one("Between 20 and 30 people came.")
    assert (figure.kind, figure.min, figure.max, figure.value) == ("range", 20, 30, None)
    assert one("Waves of 10-15 feet hit.").min == 10


def test_weekdays_resolve_relative_to_publication() -> None:
    found = {f.text: f.value for f in figures("The vote was Wednesday and the talks ended Thursday.")}
    assert found["Wednesday"] == "2011-06-08"
    assert found["Thursday"] == "2011-06-09"


def test_quarter_is_a_date() -> None:
    figure = one("Profit fell in the third quarter.")
    assert (figure.kind, figure.value) == ("date", "2011-Q3")


def test_a_year_is_a_date_but_a_count_before_a_plural_noun() -> None:
    assert one("It began in 2010.").kind == "date"
    counted = one("About 2000 protesters gathered.")
    assert (counted.kind, counted.value, counted.counted) == ("count", 2000, "protesters")


def test_a_year_before_levels_is_the_baseline_date() -> None:
    found = [(f.text, f.kind) for f in figures("Output fell 12 percent below 1990 levels.")]
    assert found == [("12 percent", "percent"), ("1990", "date")]


@pytest.mark.parametrize(
    "text",
    [
        "Call 555-123-4567 for details.",
        "My number is +44 7700 900397.",
        "He has tried more than once.",
        "She is one of the best.",
        "Which one do you prefer?",
        "The COVID-19 rules changed.",
        "See www.example.com/page?id=30%25 for more.",
    ],
)
def test_not_figures(text: str) -> None:
    assert [f for f in figures(text) if f.kind != "date"] == []


def test_ordinals_in_words_and_digits() -> None:
    found = [(f.text, f.value) for f in figures("She finished first in the 21st race.") if f.kind == "ordinal"]
    assert found == [("first", 1), ("21st", 21)]


@pytest.mark.parametrize(
    ("text", "written", "position"),
    [
        ("It was the second-to-last debate of the season.", "second-to-last", "end-1"),
        ("The team finished third from last.", "third from last", "end-2"),
        ("Rain fell in the penultimate round.", "penultimate", "end-1"),
        ("This is the last but one chance to vote.", "the last but one", "end-1"),
        ("The last one was held in a barn.", "last one", "end+0"),
        ("The next one opens in a school.", "next one", "current+1"),
    ],
)
def test_an_ordinal_counted_from_the_end_is_a_position(text: str, written: str, position: str) -> None:
    figure = one(text, "ordinal")
    assert (figure.text, figure.value) == (written, position)


@pytest.mark.parametrize(
    ("text", "written", "position"),
    [
        ("Voters will choose the next president.", "next", "current+1"),
        ("It is a last resort.", "last", "end+0"),
        ("He came in last.", "last", "end+0"),
        ("The plan revises a previous draft.", "previous", "current-1"),
    ],
)
def test_last_next_and_previous_as_adjectives_are_positions(text: str, written: str, position: str) -> None:
    figure = one(text, "ordinal")
    assert (figure.text, figure.value) == (written, position)


@pytest.mark.parametrize(
    "text",
    ["He sat next to last year's winner.", "The last one hundred days were hard.", "They live next door.",
     "It was a last-minute deal.", "Sales rise over the next couple of years.", "The Last Harbor opens tonight.",
     "The talks will last two days.", "At last, the vote came.", "The current rules expire soon.",
     "Proceeds from previous sales paid the debt."],
)
def test_last_and_next_in_a_date_a_name_or_an_idiom_are_no_ordinal(text: str) -> None:
    assert [f for f in figures(text) if f.kind == "ordinal"] == []


def test_every_figure_text_matches_its_offsets_and_sentence() -> None:
    text = "On Wednesday, nearly $2.5bn left.  About 40% of 1,200 firms  cut 3 dozen jobs in March."
    found = figures(text)
    assert len(found) >= 5
    for figure in found:
        assert text[figure.start:figure.end] == figure.text
        assert figure.sentence.start <= figure.start < figure.end <= figure.sentence.end
        assert 0 <= figure.confidence <= 1
    assert [f.id for f in found] == [f"f{i}" for i in range(1, len(found) + 1)]


def test_dollars_and_cents_are_one_amount() -> None:
    figure = one("It only cost 3 dollars 50 cents.", "money")
    assert (figure.text, figure.value, figure.currency) == ("3 dollars 50 cents", 3.5, "USD")


def test_lowercase_word_that_spells_a_currency_code_is_not_a_currency() -> None:
    assert [f.kind for f in figures("He lost his pen 7 times.")] == ["count"]


def test_a_year_naming_an_event_is_still_a_date() -> None:
    figure = one("He lost the 2016 election.")
    assert (figure.kind, figure.value) == ("date", "2016")


def test_without_publication_date_relative_dates_are_null_and_numbers_still_read() -> None:
    found = {f.text: f.value for f in figures("Last month 40 people left; on March 3, 2009 none did.", None)}
    assert found["Last month"] is None
    assert found["40"] == 40
    assert found["March 3, 2009"] == "2009-03-03"


# rt_percent and rt_ordinal fall short on gold with no number in it (docs/figures-accuracy.md)
@pytest.mark.parametrize(
    "name", ["rt_number", "rt_currency", "rt_dimension", "rt_numberrange", "rt_age", "rt_temperature"])
def test_recognizers_text_cases_meet_the_bar(shared_eval, name: str) -> None:
    from devtools.evaluate.figure_scoring import FIGURES, predict, read_gold, score
    from devtools.evaluate.quantities import BAR, SETS

    gold_path = shared_eval / FIGURES / f"{name}.jsonl"
    result = score(shared_eval, "quantities", gold_path, predict(read_gold(gold_path), SETS[name]))
    assert result["f1"] >= BAR, result
    assert result["value_n"] == 0 or result["value_acc"] >= BAR, result


@pytest.mark.parametrize(
    ("text", "written", "unit"),
    [
        ("Among 25- to 34-year-old women, pay rose.", "25- to 34-year-old", "year"),  # a hanging hyphen
        ("Pupils aged 6 to 9 were asked.", "6 to 9", "year"),  # two ages, the unit unwritten
        ("Yields ran 40% to 65% in the survey.", "40% to 65%", "percent"),  # each number with its sign
        ("It will sell 15% to 20% of the unit.", "15% to 20%", "percent"),  # the noun counted follows the second
        ("Bids of $12 million to $15 million came in.", "$12 million to $15 million", None),
        ("It needs three or four more votes.", "three or four", None),  # a reckoning between close numbers
    ],
)
def test_two_numbers_of_one_unit_joined_by_to_are_a_range(text: str, written: str, unit: str | None) -> None:
    figure = one(text)
    assert (figure.kind, figure.text, figure.unit) == ("range", written, unit)


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Results include a $4 million one-time charge.", "$4 million", 4_000_000),
        ("The county counted 3 hundred and one ballots.", "3 hundred and one", 301),  # "and" carries it on
    ],
)
def test_a_number_in_digits_is_not_finished_in_words_without_and(text: str, written: str, value: float) -> None:
    figure = next(f for f in figures(text) if f.kind in ("money", "count"))
    assert (figure.text, figure.value) == (written, value)


def test_a_value_times_its_scale_is_the_written_number_not_its_float_error() -> None:
    assert one("Revenue was $4.27 billion.").value == 4_270_000_000


def test_bare_number_before_to_takes_the_unit_of_the_range() -> None:
    figure = one("Prices rose 2 to 3 percent.")
    assert (figure.kind, figure.min, figure.max, figure.unit) == ("range", 2, 3, "percent")


@pytest.mark.parametrize(
    "text", ["Voters at Ground Zero rallied.", "Dozens of people came.", "It ended in the first half."]
)
def test_names_multitudes_and_parts_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_percent_counts_the_object_of_its_of_phrase() -> None:
    figure = one("About 26 percent of voters backed him.")
    assert (figure.kind, figure.value, figure.qualifier, figure.counted) == ("percent", 26, "about", "voters")


@pytest.mark.parametrize(
    ("text", "written", "value", "currency"),
    [
        ("Bread rose 2p a loaf.", "2p", 0.02, "GBP"),  # pence in the main unit, as the code says it
        ("Fares went up 5p and then 9p.", "9p", 0.09, "GBP"),
        ("Stamps cost 55c each.", "55c", 0.55, "USD"),
        ("A coffee was €3, a biscuit 80c.", "80c", 0.8, "EUR"),  # the cents of the currency written before
        ("Gum costs 25¢ a pack.", "25¢", 0.25, "USD"),
        ("The bid was £2.4bn.", "£2.4bn", 2.4e9, "GBP"),
        ("It sold for Rs 500.", "Rs 500", 500, "INR"),
        ("The fee is 300 CHF.", "300 CHF", 300, "CHF"),
        ("The state owes dlrs 2.5 billion in arrears.", "dlrs 2.5 billion", 2.5e9, "USD"),  # wire copy's dollars
        ("Each firm put in 40 million Finnish markkaa.", "40 million Finnish markkaa", 4e7, "FIM"),
    ],
)
def test_money_in_minor_units_and_other_conventions(text: str, written: str, value: float, currency: str) -> None:
    figure = {f.text: f for f in figures(text)}[written]
    assert (figure.kind, figure.currency) == ("money", currency)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "The B737-800 landed safely.",  # a model number: letters, digits, a hyphen, digits
        "She upgraded her iPad 3 at last.",  # a product name in camel case
        "It was a one-off.",  # "one" hyphened to a word: an adjective
        "Protesters gathered at 11 Carlton Terrace.",  # a house number
        "A neighbour made a 911 call at dawn.",  # an emergency number names the number called
        "The bomb went off at 131 West 23rd Street.",  # a numbered street's ordinal is part of its name
        "Staff dialled 999 twice.",
        "Officials said team no. 40 made visits.",  # wire copy's lowercase "no." ends a name as "No." does
    ],
)
def test_model_numbers_word_parts_and_house_numbers_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_a_number_hyphened_to_a_noun_counts_that_noun() -> None:
    figure = one("He sent a four-page memo.")
    assert (figure.kind, figure.value, figure.counted) == ("count", 4, "page")


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("One in four adults smoke.", "One in four", 0.25),
        ("Three out of 10 voters agreed.", "Three out of 10", 0.3),
        ("The ratio is 2 over 5.", "2 over 5", 0.4),
    ],
)
def test_proportions_are_one_fraction(text: str, written: str, value: float) -> None:
    figure = one(text)
    assert (figure.text, figure.kind, figure.unit) == (written, "quantity", "fraction")
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["He saved $5 over 10 years.", "She scored 3 in 10 minutes.", "It won 7 in 2 rounds."])
def test_a_measure_and_its_period_or_a_larger_part_are_no_proportion(text: str) -> None:
    assert all(f.unit != "fraction" for f in figures(text))


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [("Avogadro wrote 6.02x10^23 once.", "6.02x10^23", 6.02e23), ("The rate was 2.5^-1 here.", "2.5^-1", 0.4)],
)
def test_powers_are_one_number(text: str, written: str, value: float) -> None:
    figure = one(text)
    assert figure.text == written
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("The suspect is 6 ft 1 in tall.", "6 ft 1 in", 6 + 1 / 12, "foot"),
        ("She is 5 feet and 4 inches.", "5 feet and 4 inches", 5 + 4 / 12, "foot"),
        ("The baby weighed 7 lb 8 oz at birth.", "7 lb 8 oz", 7.5, "pound"),
    ],
)
def test_a_measure_in_two_imperial_units_is_one_figure(text: str, written: str, value: float, unit: str) -> None:
    figure = one(text)
    assert (figure.text, figure.unit) == (written, unit)
    assert figure.value == pytest.approx(value)


def test_a_unit_letter_hyphened_to_digits_is_a_model_name() -> None:
    assert all(f.unit is None for f in figures("The plant ordered 300 L-400 valves."))


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Turnout was <40% in the north.", "less than"),
        ("Residents aged 65 and over were invited.", "at least"),
        ("Groups of 12 or fewer may meet.", "at most"),
        ("It applies to firms with >= 250 staff.", "at least"),
        ("Groups of 40 or more may gather.", "at least"),
        ("About 500 or more came.", "at least"),  # the bound says more than the hedge
        ("The fine must not exceed $500.", "at most"),
        ("The loan doesn't exceed $500.", "at most"),
        ("Losses exceeded $2 billion.", "more than"),
        ("Rivals surpassed 3,000 stores.", "more than"),
        ("Scores greater than or equal to 65 pass.", "at least"),
        ("Bids smaller or equal than 35 fail.", "at most"),
        ("Bids equal to or less than 35 fail.", "at most"),
        ("Turnout was less than 40 or equal.", "at most"),
        ("The sum is equal to 8400.", "exactly"),
        ("The bill equals 45.", "exactly"),
        ("Her mark was 75 or greater than.", "at least"),
        ("Readings of <=  -12 were dropped.", "at most"),
    ],
)
def test_bounds_written_as_symbols_or_after_the_figure(text: str, qualifier: str) -> None:
    assert one(text).qualifier == qualifier


def test_a_compound_ordinal_needs_no_entity_label() -> None:
    figure = one("twenty-fifth")
    assert (figure.kind, figure.value) == ("ordinal", 25)


def test_a_bound_after_the_number_is_no_part_of_what_it_counts() -> None:
    figure = one("Groups of 40 or more people may gather.")
    assert (figure.text, figure.qualifier, figure.counted) == ("40", "at least", "people")


def test_a_comparison_after_or_starts_a_figure_of_its_own() -> None:
    found = {f.text: f.qualifier for f in figures("Her mark was 75 or greater than 70.")}
    assert found == {"75": None, "70": "more than"}
    found = {f.text: f.qualifier for f in figures("It was more than 250 or equal to 300.")}
    assert found == {"250": "more than", "300": "exactly"}


@pytest.mark.parametrize(
    ("text", "written", "low", "high", "unit", "currency"),
    [
        ("Tickets cost $5–$10 each.", "$5–$10", 5, 10, None, "USD"),
        ("Rents rose 5%-10% this year.", "5%-10%", 5, 10, "percent", None),
        ("The plant makes 300–800 units.", "300–800", 300, 800, None, None),
        ("Floods reached 20~30 miles inland.", "20~30 miles", 20, 30, "mile", None),
        ("Grades 9 through 12 took part.", "9 through 12", 9, 12, None, None),
        ("The fund seeks $10–15 million.", "$10–15 million", 10e6, 15e6, None, "USD"),
        ("Between 2 and 3 billion people use it.", "2 and 3 billion", 2e9, 3e9, None, None),
        ("Between 500 and 2 million people use it.", "500 and 2 million", 500, 2e6, None, None),
    ],
)
def test_ranges_by_dash_tilde_and_through_share_their_scale(
        text: str, written: str, low: float, high: float, unit: str | None, currency: str | None) -> None:
    figure = one(text, "range")
    assert (figure.text, figure.unit, figure.currency) == (written, unit, currency)
    assert (figure.min, figure.max) == (pytest.approx(low), pytest.approx(high))


def test_an_abbreviated_span_of_years_gives_no_number() -> None:
    assert [f.text for f in figures("The 1981–82 recession hurt.")] == ["1981"]


def test_a_proportion_takes_the_bound_written_after_it() -> None:
    figure = one("Surveys found 3 in 10 or more adults smoke.")
    assert (figure.text, figure.qualifier, figure.unit) == ("3 in 10", "at least", "fraction")


def test_a_spelled_ordinal_with_a_scale_word_is_an_ordinal() -> None:
    figure = one("The city marks its two hundredth anniversary.")
    assert (figure.kind, figure.value) == ("ordinal", 200)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("The poll is off by plus or minus 4 percentage points.", "plus or minus 4 percentage points"),
        ("Its error is +/- 2 percent.", "+/- 2 percent"),
        ("The gauge reads within ± 5 points.", "± 5 points"),
    ],
)
def test_a_margin_either_side_is_no_negative_number(text: str, written: str) -> None:
    figure = one(text)
    assert (figure.text, figure.qualifier) == (written, "plus or minus")
    assert figure.value > 0


@pytest.mark.parametrize(
    ("text", "written", "value", "qualifier"),
    [
        ("Nearly seven of 10 pupils passed.", "seven of 10", 0.7, "nearly"),
        ("One of 100 bottles leaked.", "One of 100", 0.01, None),
    ],
)
def test_a_part_of_a_round_whole_is_one_proportion(text: str, written: str, value: float, qualifier: str) -> None:
    figure = one(text)
    assert (figure.text, figure.unit, figure.qualifier, figure.counted) == (written, "fraction", qualifier,
                                                                            text.split()[-2])
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["Four of the riders fell.", "Two of her cousins came."])
def test_a_part_of_a_group_named_after_the_is_a_count(text: str) -> None:
    assert one(text).kind == "count"


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The chain offered a two-for-one sale.", "two-for-one", 2),
        ("It did a 1-for-20 reverse split.", "1-for-20", 0.05),
    ],
)
def test_an_exchange_ratio_is_one_proportion(text: str, written: str, value: float) -> None:
    figure = one(text)
    assert (figure.text, figure.kind, figure.unit) == (written, "quantity", "fraction")
    assert figure.value == pytest.approx(value)


def test_a_fraction_of_a_percent_is_one_percent() -> None:
    figure = one("Errors were under a third of 1 percent of forms.")
    assert (figure.kind, figure.text, figure.qualifier, figure.unit) == (
        "percent", "a third of 1 percent", "less than", "percent")
    assert figure.value == pytest.approx(1 / 3)


def test_a_couple_of_a_dozen_or_scale_is_about_two_of_them() -> None:
    figure = one("A couple dozen ducks swam by.")
    assert (figure.text, figure.value, figure.qualifier) == ("A couple dozen", 24, "about")


@pytest.mark.parametrize("text", ["A few dozen ducks swam by.", "Several dozen ducks swam by."])
def test_a_few_dozen_is_no_figure_like_several_hundred(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "written", "low", "high"),
    [
        ("He took a five-figure bonus.", "five-figure", 10_000, 99_999),
        ("The club still owes six figures.", "six figures", 100_000, 999_999),
        ("Seats at the gala start at five figures.", "five figures", 10_000, 99_999),  # where an amount starts
        ("The new rule could shave six figures off the bill.", "six figures", 100_000, 999_999),
    ],
)
def test_a_count_of_digits_of_money_is_a_range(text: str, written: str, low: float, high: float) -> None:
    figure = one(text)
    assert (figure.kind, figure.text, figure.min, figure.max, figure.value) == ("range", written, low, high, None)


def test_a_count_of_digits_of_no_money_is_no_figure() -> None:
    assert figures("The game drew a five-figure crowd.") == []
    assert [f.kind for f in figures("The play starts with two figures on stage.")] == ["count"]


@pytest.mark.parametrize(
    ("text", "written", "size"),
    [
        ("Only a small percentage of the members voted.", "a small percentage", "small"),
        ("A very large proportion of the fund went to fees.", "A very large proportion", "large"),
        ("They hire a higher percent of graduates.", "a higher percent", "higher"),
    ],
)
def test_a_percent_sized_by_a_word_is_a_percent_without_value(text: str, written: str, size: str) -> None:
    figure = one(text, "percent")
    assert (figure.text, figure.value, figure.qualifier) == (written, None, size)


@pytest.mark.parametrize(
    "text", ["Members pay a fixed percentage of their income.", "The percentage of members who voted rose."]
)
def test_a_share_named_without_its_size_is_no_figure(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "written", "kind", "value", "unit", "counted"),
    [
        ("The buyer will pay $18.40 a share in cash.", "$18.40 a share", "money", 18.4, "per share", None),
        ("Its $31-a-share bid ran out.", "$31-a-share", "money", 31, "per share", None),
        ("Earnings came to 43 cents a share.", "43 cents a share", "money", 43, "cent per share", None),
        ("Scrap steel fetched $75 per ton.", "$75 per ton", "money", 75, "per ton", None),
        ("Cleaners there earn $14 an hour.", "$14 an hour", "money", 14, "per hour", None),
        ("They ran a $250-million-a-year unit.", "$250-million-a-year", "money", 250e6, "per year", None),
        ("Tickets cost $30 per head.", "$30 per head", "money", 30, "per head", None),
        ("The smelter ships 1,200 tons a day.", "1,200 tons a day", "quantity", 1200, "ton per day", None),
        ("The field pumps 40,000 barrels a day.", "40,000 barrels a day", "quantity", 40000, "barrel per day", None),
        ("The ferry makes three crossings a week.", "three crossings a week", "count", 3, "per week", "crossings"),
        ("Hiring ran at 150,000 a month.", "150,000 a month", "count", 150000, "per month", None),
        ("Rooms cost between $90 and $120 a night.", "$90 and $120 a night", "range", None, "per night", None),
        ("Interns can earn $4,000 annually.", "$4,000 annually", "money", 4000, "per year", None),
        ("The mine ships 800 tons daily.", "800 tons daily", "quantity", 800, "ton per day", None),
    ],
)
def test_an_amount_a_share_or_a_week_is_a_rate(text: str, written: str, kind: str, value: float | None,
                                               unit: str, counted: str | None) -> None:
    figure = one(text, kind)
    assert (figure.text, figure.value, figure.unit, figure.counted) == (written, value, unit, counted)
    assert text[figure.start:figure.end] == figure.text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Profit was $6.35 million a year ago.", "$6.35 million"),  # a date follows, no denominator
        ("Profit was $6.35 million a year earlier.", "$6.35 million"),
        ("The fund paid $4, a day after the vote.", "$4"),
        ("It sold for $9 a year-earlier price.", "$9"),
        ("The judge gave the 12 jurors a day off.", "12"),  # the period hangs on the verb, it counts no jurors
        ("The court gave the two sides a week to answer.", "two"),
        ("The 40 members won a share of the prize.", "40"),
    ],
)
def test_an_article_and_a_unit_after_a_figure_that_make_no_rate(text: str, written: str) -> None:
    figure = next(f for f in figures(text) if f.kind in ("money", "count"))
    assert (figure.text, figure.unit) == (written, None)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("For one, the fees are too high.", []),  # a discourse phrase picking out an example
        ("The mayor, for one, opposes the fees.", []),
        ("There is no one single reason for the delay.", []),  # "no one" is "no single" or "nobody"
        ("No one answered the door.", []),
        ("Only one bidder came forward.", ["one"]),
        ("One bidder came forward.", ["One"]),
        ("The two met in secret.", []),  # a number with a determiner and no noun stands for those counted before
        ("She sees those three as rivals.", []),
        ("The two rivals met in secret.", ["two"]),
        ("Two of the rivals met in secret.", ["Two"]),
    ],
)
def test_for_one_no_one_and_the_two_count_nothing(text: str, counts: list[str]) -> None:
    assert [f.text for f in figures(text) if f.kind == "count"] == counts


@pytest.mark.parametrize(
    ("text", "percents"),
    [
        ("The coach says he is 100 percent certain.", []),  # "wholly", before an adjective
        ("I am a hundred percent behind the mayor.", []),
        ("The staff are 100% committed to it.", []),
        ("Fares rose 100 percent.", ["100 percent"]),
        ("The fund holds 100% of the stock.", ["100%"]),
        ("Rents are 100 percent higher than in 2000.", ["100 percent"]),  # a comparative measures
    ],
)
def test_a_hundred_percent_before_an_adjective_intensifies(text: str, percents: list[str]) -> None:
    assert [f.text for f in figures(text) if f.kind == "percent"] == percents


@pytest.mark.parametrize(
    ("text", "ordinal"),
    [
        ("It is the town’s second public pool.", "second"),  # a curly possessive, where the parser's entities miss
        ("The lake is the third largest in the state.", "third"),  # an ordinal before a superlative ranks
        ("The lake is the third-deepest in the state.", "third"),
    ],
)
def test_an_ordinal_after_a_possessive_or_before_a_superlative_ranks(text: str, ordinal: str) -> None:
    assert [f.text for f in figures(text) if f.kind == "ordinal"] == [ordinal]


@pytest.mark.parametrize(
    ("text", "ordinals"),
    [
        ("Lawyers cited the 14th amendment.", []),  # a numbered article of law, in small letters
        ("The appeal went to the 4th circuit.", []),
        ("She represents the 12th district.", []),
        ("They invoked the fifth amendment.", []),
        ("It was the first district to finish counting.", ["first"]),  # a spelled ordinal before "district" ranks
        ("He turns 60 on his 60th birthday.", ["60th"]),
    ],
)
def test_an_ordinal_naming_a_numbered_article_or_jurisdiction_is_no_figure(text: str, ordinals: list[str]) -> None:
    assert [f.text for f in figures(text) if f.kind == "ordinal"] == ordinals
