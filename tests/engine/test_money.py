"""Money read around a number: which currency a symbol or a letter before it names."""

from __future__ import annotations

import pytest

from factextract import extract


@pytest.mark.parametrize(
    ("text", "written", "value", "currency"),
    [
        # a spaced "a" before the dollar sign is the article, not Australia's "A$"
        ("The town took a $3.5 million grant.", "$3.5 million", 3_500_000, "USD"),
        ("The mine cost A$40 million.", "A$40 million", 40_000_000, "AUD"),
        ("Donors gave $2million to the campaign.", "$2million", 2_000_000, "USD"),
        # the ISO code written between the number and its scale
        ("The fund lost 40 EUR million.", "40 EUR million", 40_000_000, "EUR"),
        # a subunit named with its country keeps the country's currency
        ("The miner earned 12 Canadian cents a share.", "12 Canadian cents", 12, "CAD"),
    ],
)
def test_the_currency_and_amount_of_a_sum(text: str, written: str, value: float, currency: str) -> None:
    money = [f for f in extract(text).figures if f.kind == "money"]
    assert [(f.text, f.value, f.currency) for f in money] == [(written, value, currency)]
