"""News furniture never becomes a claim, whatever its score: each kind in a short text written for it.

Every text is extracted at threshold 0, where every other sentence is a claim, so a missing claim
can only be the layout rule's doing.
"""

import pytest

from factextract.pipeline import Extractor
from factextract.settings import Settings

BODY = "The county spent $12 million on new school buses in 2021, twice its usual budget."


@pytest.fixture(scope="module")
def every_sentence() -> Extractor:
    return Extractor(Settings(claim_threshold=0.0))


def claim_texts(extractor: Extractor, text: str) -> list[str]:
    return [claim.text for claim in extractor.extract(text).claims]


@pytest.mark.parametrize(
    ("kind", "furniture"),
    [
        ("photo caption with an agency credit", "Commuters wait for a bus in the rain on Monday. (AP Photo/Jo Lee)"),
        ("photo caption with a Reuters credit", "Students board a bus outside a school in Ohio. REUTERS/Sam Park"),
        ("photo credit line", "Photo by Dana Reyes/Getty Images"),
        ("byline", "By Maria Lopez and Ken Ito"),
        ("contributed line", "Ana Bell in Chicago contributed to this report."),
        ("reporting and editing credits", "Reporting by Li Wen; Editing by Tom Hart"),
        ("dateline alone", "COLUMBUS, Ohio (AP) --"),
        ("section label", "FULL TEXT."),
        ("read more link", "Read more: Why school buses cost so much"),
        ("read the rest", "Read the rest here."),
        ("promo headline", "5 healthy eating tips for holiday travelers"),
        ("related link", "Related: County budget passes after long debate"),
        ("share line", "Share on Facebook"),
        ("share buttons", "Facebook | Twitter | Email"),
        ("follow line", "Follow Maria Lopez on Twitter"),
        ("copyright line", "Copyright 2021 The Daily Courier. All rights reserved."),
        ("question", "Will the county buy more buses next year?"),
    ],
)
def test_news_furniture_is_never_a_claim(every_sentence, kind, furniture):
    text = f"{BODY}\n\n{furniture}\n\nThe board approved the purchase by a vote of 5 to 2."
    claims = claim_texts(every_sentence, text)
    assert not any(furniture.strip(" -") in c or c in furniture for c in claims), kind
    assert BODY in claims, "the body sentence is still scored"


def test_headline_that_restates_the_lede_is_not_a_claim(every_sentence):
    text = f"County Spends Millions On School Buses.\n\n{BODY} Parents had asked for more routes."
    claims = claim_texts(every_sentence, text)
    assert "County Spends Millions On School Buses." not in claims
    assert BODY in claims


def test_headline_that_adds_to_the_lede_is_still_scored(every_sentence):
    headline = "Mayor Resigns After Audit Finds Missing Pension Funds."
    text = f"{headline}\n\n{BODY} Parents had asked for more routes."
    assert headline in claim_texts(every_sentence, text)


def test_one_line_text_without_a_final_mark_is_still_a_claim(every_sentence):
    text = "Unemployment in the county fell to 4 percent last year"
    assert claim_texts(every_sentence, text) == [text]


def test_hard_wrapped_lines_of_a_sentence_are_not_title_lines(every_sentence):
    text = (
        "The county spent $12 million on new school buses\n"
        "in 2021, twice its usual budget, officials said on Monday.\n\n"
        "The board approved the purchase by a vote of 5 to 2."
    )
    claims = claim_texts(every_sentence, text)
    assert "The county spent $12 million on new school buses" in claims


def test_claims_are_ranked_by_score_and_kept_in_text_order(every_sentence):
    result = every_sentence.extract(f"{BODY}\n\nThank you all for coming tonight.\n\nCrime fell 12 percent in 2020.")
    claims = result.claims
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    assert sorted(c.rank for c in claims) == list(range(1, len(claims) + 1))
    by_rank = sorted(claims, key=lambda c: c.rank)
    assert [c.checkworthiness for c in by_rank] == sorted((c.checkworthiness for c in claims), reverse=True)
