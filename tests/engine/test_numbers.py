"""Number phrases in raw text: numerals, spoken numbers, fractions and scales, with exact offsets."""

from __future__ import annotations

import pytest

from factextract.numbers import find_numbers, parse_numeral


def only(text: str) -> tuple[str, float]:
    numbers = find_numbers(text)
    assert len(numbers) == 1, numbers
    return text[numbers[0].start:numbers[0].end], numbers[0].value


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("They counted three dozen boats.", "three dozen", 36),
        ("It cost a hundred thirty million dollars.", "a hundred thirty million", 130_000_000),
        ("Turnout rose by twenty six percent.", "twenty six", 26),
        ("Some twenty-six people came.", "twenty-six", 26),
        ("one hundred and sixteen", "one hundred and sixteen", 116),
        ("two hundred and two thousand", "two hundred and two thousand", 202_000),
        ("three quarters of voters", "three quarters", 0.75),
        ("She ate one and a half pies.", "one and a half", 1.5),
        ("The town has 3 million and a half people.", "3 million and a half", 3_500_000),
        ("five and a half million fish", "five and a half million", 5_500_000),
        ("The sale raised 2.5bn overall.", "2.5bn", 2_500_000_000),
        # a scale word written without its space, as some news copy does
        ("The fund holds 4.2billion in bonds.", "4.2billion", 4_200_000_000),
        ("They pledged 7million more.", "7million", 7_000_000),
        ("The drive takes four-and-a-half hours.", "four-and-a-half", 4.5),
        ("a 10k run", "10k", 10_000),
        ("Only 1/2 of them", "1/2", 0.5),
        ("a 2 1/4 inch pipe", "2 1/4", 2.25),
        ("the result is ¾", "¾", 0.75),
        ("two hundred point zero three", "two hundred point zero three", 200.03),
    ],
)
def test_spoken_and_written_numbers_normalize(text: str, written: str, value: float) -> None:
    found, number = only(text)
    assert found == written
    assert number == pytest.approx(value)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("1,234,567.89", 1234567.89), ("12,34,567", 1234567), ("40\u202f000", 40000), (".25", 0.25), ("4.800", 4.8)],
)
def test_numerals_read_thousands_and_decimal_separators(numeral: str, value: float) -> None:
    assert parse_numeral(numeral) == pytest.approx(value)
    found, number = only(f"It was {numeral} in all.")
    assert found == numeral
    assert number == pytest.approx(value)


def test_minus_words_and_leading_hyphen_make_negative_numbers() -> None:
    assert only("The answer is minus five")[1] == -5
    assert only("-4/5")[1] == pytest.approx(-0.8)


def test_a_dash_between_words_does_not_make_a_number_negative() -> None:
    assert only("the toll - 25 dead - rose")[1] == 25


def test_two_numbers_joined_by_and_stay_apart() -> None:
    numbers = find_numbers("3 hundred and 2 hundred")
    assert [n.value for n in numbers] == [300, 200]


def test_two_ordinals_joined_by_and_stay_apart() -> None:
    # "the second and fourth Tuesday" are two ranks, not 6
    numbers = find_numbers("on the second and fourth Tuesday")
    assert [(n.value, n.ordinal) for n in numbers] == [(2, True), (4, True)]


def test_ordinals_are_flagged() -> None:
    numbers = find_numbers("the 21st and the twenty-fifth")
    assert [(n.value, n.ordinal) for n in numbers] == [(21, True), (25, True)]


def test_offsets_cover_exactly_the_number() -> None:
    text = "Police said 1,100 people and twelve dogs."
    assert [text[n.start:n.end] for n in find_numbers(text)] == ["1,100", "twelve"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They shipped four hundred and two dozen eggs.", 424),
        ("It weighs one hundred and six and three quarters grams.", 106.75),
        ("He ran fifty and two thirds laps.", 50 + 2 / 3),
        ("Output was seven hundred and three quarters units.", 700.75),
        ("Sales hit eight million and a half units.", 8_500_000),
        ("Reserves are four billion and one half.", 4_500_000_000),
    ],
)
def test_a_dozen_or_fraction_after_and_reads_as_english_groups_it(text: str, value: float) -> None:
    assert only(text)[1] == pytest.approx(value)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("one thirty-third", 1 / 33),
        ("five twenty-sixths", 5 / 26),
        ("two hundred forty ninths", 200 / 49),
        ("one hundred and forty fifths", 140 / 5),
        ("one one hundred and tenth", 1 / 110),
        ("seventy - two hundred fifths", 7200 / 5),
    ],
)
def test_spoken_fraction_over_a_compound_ordinal(written: str, value: float) -> None:
    found, number = only(f"The share was {written} of the total.")
    assert found == written
    assert number == pytest.approx(value)


def test_a_compound_ordinal_without_a_numerator_of_one_stays_an_ordinal() -> None:
    numbers = find_numbers("the two hundred fifth day")
    assert [(n.value, n.ordinal, n.fraction) for n in numbers] == [(205, True, False)]


@pytest.mark.parametrize(
    ("text", "written", "value", "ordinal"),
    [
        ("It marks the two hundredth anniversary.", "two hundredth", 200, True),
        ("the three trillionth byte", "three trillionth", 3e12, True),
        ("the two hundred thousandth visitor", "two hundred thousandth", 200_000, True),
        ("It took one hundredth of the time.", "one hundredth", 0.01, False),
        ("It moved a hundred thousandth of an inch.", "a hundred thousandth", 1e-5, False),
        ("It took two hundredths of the time.", "two hundredths", 0.02, False),
    ],
)
def test_a_scale_ordinal_after_a_number_other_than_one_is_an_ordinal(
        text: str, written: str, value: float, ordinal: bool) -> None:
    numbers = find_numbers(text)
    assert len(numbers) == 1, numbers
    assert (text[numbers[0].start:numbers[0].end], numbers[0].ordinal) == (written, ordinal)
    assert numbers[0].value == pytest.approx(value)


def test_a_hyphen_after_a_comparison_symbol_is_a_sign() -> None:
    assert only("readings of <-12 were dropped")[1] == -12


def test_the_two_digit_end_of_a_span_of_years_is_no_number():
    assert [n.value for n in find_numbers("Its 2019-20 budget grew.")] == [2019.0]
