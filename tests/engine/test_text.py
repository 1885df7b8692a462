"""Quote-mark scanning: which stretches are quoted, with offsets into the original text."""

from factextract.text import find_quoted


def quoted_texts(text: str) -> list[str]:
    return [q.text(text) for q in find_quoted(text)]


def test_curly_and_straight_double_quotes_are_found_without_their_marks():
    text = '“We won,” she said. "We earned it," he said.'
    assert quoted_texts(text) == ["We won,", "We earned it,"]


def test_offsets_point_into_the_original_text():
    text = 'Intro. «Bonjour», dit-il, and ‘hello’ too.'
    for quote in find_quoted(text):
        for start, end in quote.segments:
            assert text[start:end] == quote.text(text)
    assert quoted_texts(text) == ["Bonjour", "hello"]


def test_apostrophes_are_not_quote_marks():
    assert quoted_texts("It's the councillors' money and the boys’ club, isn’t it?") == []


def test_single_quotes_inside_double_quotes_stay_part_of_the_outer_quote():
    text = "“They call it ‘temporary’, but it is not,” said Bell."
    assert quoted_texts(text) == ["They call it ‘temporary’, but it is not,"]


def test_same_type_nested_straight_quotes_keep_the_outer_quote_whole():
    text = 'He said, "My son asked "are we safe?" and I froze."'
    assert quoted_texts(text) == ['My son asked "are we safe?" and I froze.']


def test_paragraph_without_closing_mark_continues_when_the_next_reopens():
    text = "“Prices rose again.\n\n“Wages did not keep up.”"
    (quote,) = find_quoted(text)
    assert len(quote.segments) == 2
    assert quote.text(text) == "Prices rose again. Wages did not keep up."


def test_a_paragraph_opening_with_another_style_of_mark_does_not_continue_the_quote():
    # A straight mark opens an excerpt of another article; the curly quotes inside it are its own quotes.
    text = '"The crowd waited in the rain.\n\n“We are here for him,” she said.\n\n"Then he spoke.'
    assert quoted_texts(text) == ["We are here for him,"]
    straight = 'He said: "Prices rose again.\n\n"Wages did not keep up."'
    assert [q.text(straight) for q in find_quoted(straight)] == ["Prices rose again. Wages did not keep up."]


def test_unclosed_and_unbalanced_marks_are_dropped_without_raising():
    assert quoted_texts("“Never closed\n\nNext paragraph plain.") == []
    assert quoted_texts('a "b" c "d') == ["b"]
    assert quoted_texts('""""\'\'\'\'“”‘’«»') == []


def test_doubled_apostrophes_work_as_double_quote_marks():
    text = "''It is fine,'' he said."
    assert quoted_texts(text) == ["It is fine,"]
