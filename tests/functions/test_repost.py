"""What identifies an article (issue #21): the caller's id, else its text, date and quote convention. A repost
that changes only title, url or source updates them on the stored extraction, without extracting again."""

from __future__ import annotations

import pytest

from api import logic
from factextract.models import Article
from tests.functions.fakes import FakeArticleStore

STORY = 'Mayor Dana Whitfield said: "The bridge opens in June." Councillor Omar Reyes said the cost was too high.'


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids logic.create_extraction extracted (rather than found stored)."""
    made: list[str] = []
    real = logic.extract

    def counting(article: Article):
        extraction = real(article)
        made.append(extraction.id)
        return extraction

    monkeypatch.setattr(logic, "extract", counting)
    return made


def test_repost_with_new_title_url_and_source_updates_them_without_extracting(extractions: list[str]) -> None:
    store = FakeArticleStore()
    first, created = logic.create_extraction(Article(text=STORY, published_at="2026-05-01", title="Draft"), store)

    again, created_again = logic.create_extraction(
        Article(text=STORY, published_at="2026-05-01", title="Bridge", url="https://example.org/b", source="Wire"),
        store,
    )

    assert (created, created_again) == (True, False)
    assert again.id == first.id and extractions == [first.id]
    assert (again.title, again.url, again.source) == ("Bridge", "https://example.org/b", "Wire")
    assert store.get(first.id).title == "Bridge"
    assert again.quotes == first.quotes


def test_repost_with_a_new_date_is_another_article(extractions: list[str]) -> None:
    store = FakeArticleStore()
    first, _ = logic.create_extraction(Article(text=STORY, published_at="2026-05-01"), store)

    second, created = logic.create_extraction(Article(text=STORY, published_at="2026-05-02"), store)

    assert created and second.id != first.id and len(extractions) == 2


def test_callers_id_with_new_text_is_extracted_again_under_that_id(extractions: list[str]) -> None:
    store = FakeArticleStore()
    logic.create_extraction(Article(id="bridge", text=STORY), store)

    updated, created = logic.create_extraction(Article(id="bridge", text=STORY + " The vote is on Friday."), store)

    assert created and updated.id == "bridge" and extractions == ["bridge", "bridge"]
