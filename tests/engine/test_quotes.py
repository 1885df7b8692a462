"""Quotes: direct, partial and indirect, with speakers, cues and exact offsets."""

import pytest

from factextract.data.quote_limits import MAX_REPORTED_TOKENS
from factextract.doc_view import DocView
from factextract.entities import resolve_entities
from factextract.models import Quote
from factextract.nlp import load_pipeline
from factextract.quotes import find_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def quotes_of(nlp, text: str, join_follow_ups: bool = False) -> list[Quote]:
    view = DocView.of(nlp(text))
    return find_quotes(view, resolve_entities(view), join_follow_ups)


def only(quotes: list[Quote], kind: str) -> list[Quote]:
    return [q for q in quotes if q.type == kind]


def assert_offsets_match(text: str, quotes: list[Quote]) -> None:
    for quote in quotes:
        assert quote.text == " ".join(text[s:e] for s, e in quote.spans)
        assert (quote.start, quote.end) == (quote.spans[0][0], quote.spans[-1][1])
        for item in (quote.speaker, quote.cue, quote.content):
            if item is not None:
                assert text[item.start:item.end] == item.text
        assert 0 <= quote.sentence.start <= quote.start <= quote.end <= quote.sentence.end <= len(text)


def test_direct_quote_with_speaker_after_it(nlp):
    text = "“The bridge will open in May,” Mayor Ana Ortiz said on Monday."
    (quote,) = quotes_of(nlp, text)
    assert (quote.type, quote.text) == ("direct", "The bridge will open in May,")
    assert quote.speaker.name == "Ana Ortiz" and quote.speaker.role == "Mayor"
    assert (quote.cue.text, quote.cue.lemma) == ("said", "say")
    assert_offsets_match(text, [quote])


def test_pronoun_speaker_resolves_to_previous_person(nlp):
    text = "Leila Haddad runs the only clinic in the valley. “We turn people away every day,” she said."
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.speaker.text == "she"
    assert quote.speaker.name == "Leila Haddad"
    assert quote.speaker.entity_id is not None


def test_unresolvable_pronoun_keeps_the_mention_and_names_nobody(nlp):
    (quote,) = quotes_of(nlp, "“Where did the money go?” she asked the auditor.")
    assert quote.speaker.text == "she" and quote.speaker.name is None


def test_inverted_attribution_with_appositive_names_the_speaker_and_role(nlp):
    text = '"The levee held," said Tom Reyes, a county engineer. "We were lucky."'
    first, second = only(quotes_of(nlp, text), "direct")
    assert first.speaker.name == "Tom Reyes" and first.speaker.role == "county engineer"
    assert second.text == "We were lucky." and second.speaker.name == "Tom Reyes"


def test_a_long_speaker_with_party_and_state_still_reaches_the_verb(nlp):
    text = "“The budget is not optional,” committee Chairwoman Sen. Maria Ellis (D-Ore.) said on Tuesday."
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.speaker.name == "Maria Ellis" and quote.cue.text == "said"


def test_a_verb_in_the_speakers_description_does_not_end_the_search_for_the_cue(nlp):
    text = (
        "“The rule is an overreach,” Dana Whitfield, the attorney general of Kansas, one of the states "
        "suing the agency, said at a forum this week."
    )
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.speaker.name == "Dana Whitfield" and quote.cue.text == "said"


def test_a_place_name_tagged_as_a_verb_before_the_speaker_is_read_as_a_name(nlp):
    # The small model tags "Tulsa" here as a verb; mid-sentence, a capitalised word does not open a clause.
    (quote,) = only(quotes_of(nlp, "“We will find who did this,” Tulsa fire Chief Anna Lee said Monday."), "direct")
    assert quote.speaker.name == "Anna Lee"


def test_a_speaker_found_without_the_parse_is_the_name_not_its_title(nlp):
    # The parser leaves "said" without a subject here; the first noun after the quote is "Rep.".
    text = (
        '"She would be a fine judge. Not good, great. One of the sharpest minds in the state," '
        "Rep. Anna L. Brooks (D-Ohio) said in an interview."
    )
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.speaker.name == "Anna L. Brooks"


def test_split_quote_is_one_quote_with_two_spans(nlp):
    text = "“We expected rain,” the farmer said, “but not this much rain.”"
    (quote,) = quotes_of(nlp, text)
    assert len(quote.spans) == 2
    assert quote.text == "We expected rain, but not this much rain."
    assert quote.speaker.text == "the farmer"
    assert_offsets_match(text, [quote])


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("“The dam will hold,” Ines Moreau said at a briefing in Arles, France, “but the roads will flood.”",
         "but the roads will flood."),
        ("“The dam will hold,” she told reporters, but “the roads will flood by morning.”",
         "the roads will flood by morning."),
    ],
)
def test_a_quote_split_by_a_longer_attribution_is_still_one_quote(nlp, text, second):
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.text == f"The dam will hold, {second}"
    assert len(quote.spans) == 2
    assert_offsets_match(text, [quote])


def test_a_second_speaker_between_two_quotes_keeps_them_apart(nlp):
    text = "“The dam will hold,” Ines Moreau said, and her deputy added, “unless the rain keeps up.”"
    first, second = only(quotes_of(nlp, text), "direct")
    assert (first.speaker.name, second.speaker.text) == ("Ines Moreau", "her deputy")


def test_nested_single_quotes_do_not_split_the_quote(nlp):
    text = "“They keep calling it ‘temporary’, but it has been ten years,” said resident Mark Bell."
    (quote,) = quotes_of(nlp, text)
    assert quote.text == "They keep calling it ‘temporary’, but it has been ten years,"
    assert quote.speaker.name == "Mark Bell"


def test_multi_paragraph_quote_is_one_quote_with_the_same_speaker(nlp):
    text = "“Housing comes first,” Chen said. “Rents have doubled.\n\n“We have to build.”"
    first, second = quotes_of(nlp, text)
    assert second.text == "Rents have doubled. We have to build."
    assert len(second.spans) == 2
    assert second.speaker.name == first.speaker.name == "Chen"
    assert_offsets_match(text, [first, second])


def test_joined_follow_ups_become_spans_of_the_quote_they_continue(nlp):
    text = (
        "“Housing comes first,” Chen said. “Rents have doubled.\n\n“We have to build.”\n\n"
        "Her deputy called the plan “a start.” “It is years late,” said Omar Diaz."
    )
    separate = only(quotes_of(nlp, text), "direct")
    joined = only(quotes_of(nlp, text, join_follow_ups=True), "direct")
    assert [q.text for q in joined] == [
        "Housing comes first, Rents have doubled. We have to build.",
        "It is years late,",
    ]
    assert joined[0].spans == separate[0].spans + separate[1].spans
    assert joined[0].speaker == separate[0].speaker and joined[0].speaker.name == "Chen"
    assert joined[1].speaker.name == "Omar Diaz"
    assert_offsets_match(text, joined)


def test_a_follow_up_joins_its_direct_quote_across_a_partial_quote_between_them(nlp):
    text = "“Housing comes first,” Chen said of the “crisis.” “We have to build more homes.”"
    quotes = quotes_of(nlp, text, join_follow_ups=True)
    (direct,) = only(quotes, "direct")
    assert direct.text == "Housing comes first, We have to build more homes."
    assert [q.text for q in only(quotes, "partial")] == ["crisis."]


def test_a_quote_opening_the_sentence_after_a_partial_quote_keeps_its_speaker(nlp):
    text = "Lena Ortiz said the rule mattered because “few people know it,” she said. “We cannot plan without it.”"
    for join in (False, True):
        quotes = quotes_of(nlp, text, join_follow_ups=join)
        (direct,) = only(quotes, "direct")
        assert direct.text == "We cannot plan without it."
        assert direct.speaker.name == "Lena Ortiz"
        assert [q.text for q in only(quotes, "partial")] == ["few people know it,"]


def test_a_quote_right_after_a_sentence_reporting_someone_speaking_is_theirs(nlp):
    text = "The council may delay the vote, Mayor Ana Ortiz said on Monday. “We need another month of hearings.”"
    for join in (False, True):
        (direct,) = only(quotes_of(nlp, text, join_follow_ups=join), "direct")
        assert direct.text == "We need another month of hearings."
        assert direct.speaker.name == "Ana Ortiz" and direct.cue.text == "said"


def test_a_sentence_between_a_partial_quote_and_the_next_ends_the_speaker(nlp):
    text = "Lena Ortiz called the rule “a relic.” The vote is on Monday. “We cannot plan without it.”"
    assert only(quotes_of(nlp, text), "direct") == []


def test_a_quote_after_a_new_speaker_is_not_joined_to_the_previous_one(nlp):
    text = "“It is too early to say,” said Dr. Amir Shah. His colleague disagreed: “The data are clear.”"
    assert len(only(quotes_of(nlp, text, join_follow_ups=True), "direct")) == 2


def test_unclosed_quote_does_not_raise_and_is_not_reported(nlp):
    text = "“We are done here,” the union leader said. “No more talks"
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["We are done here,"]


def test_partial_quote_offsets_are_the_fragment_and_content_the_clause(nlp):
    text = "The chief executive said the merger would create “a simpler company” and denied that jobs would go."
    (quote,) = only(quotes_of(nlp, text), "partial")
    assert quote.text == "a simpler company"
    assert text[quote.start:quote.end] == "a simpler company"
    assert quote.content.text == "the merger would create “a simpler company”"
    assert quote.speaker.text == "The chief executive"
    assert_offsets_match(text, [quote])


def test_a_label_in_quote_marks_after_as_is_a_partial_quote_of_who_applies_it(nlp):
    (quote,) = only(quotes_of(nlp, "Ruth Kaye dismissed the plan as a “costly gimmick.”"), "partial")
    assert (quote.text, quote.speaker.text) == ("costly gimmick.", "Ruth Kaye")


def test_a_title_in_quote_marks_after_served_as_is_not_a_quote(nlp):
    assert only(quotes_of(nlp, "Dan Oyelaran served as “acting director” for a year."), "partial") == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“We ask the board to reconsider its vote,” the parents’ letter reads.", "the parents’ letter", "reads"),
        ("According to Lena Park, “the ferry will run all winter.”", "Lena Park", "According to"),
    ],
)
def test_a_document_that_reads_and_according_to_before_a_quote_attribute_it(nlp, text, speaker, cue):
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert (quote.speaker.text, quote.cue.text) == (speaker, cue)


def test_according_to_gives_an_indirect_quote_with_the_source(nlp):
    text = "Unemployment fell to 4.1% in May, according to the Bureau of Labor Statistics."
    (quote,) = quotes_of(nlp, text)
    assert quote.type == "indirect"
    assert quote.text == "Unemployment fell to 4.1% in May"
    assert quote.cue.lemma == "according to"
    assert "Bureau of Labor Statistics" in quote.speaker.text


def test_reported_speech_without_marks_is_an_indirect_quote(nlp):
    text = "Human rights groups say more than 300 people have been detained since March."
    (quote,) = quotes_of(nlp, text)
    assert quote.type == "indirect"
    assert quote.text == "more than 300 people have been detained since March"
    assert quote.speaker.name == "Human rights groups"


def test_attribution_set_off_by_commas_reports_the_sentence_around_it(nlp):
    text = "The new terminal, the port director said, will double the harbor's cargo capacity."
    (quote,) = quotes_of(nlp, text)
    assert quote.type == "indirect"
    assert [text[s:e] for s, e in quote.spans] == ["The new terminal", "will double the harbor's cargo capacity"]
    assert quote.speaker.text == "the port director" and quote.cue.text == "said"
    assert_offsets_match(text, [quote])


def test_a_partial_quote_inside_a_parenthetical_attribution_keeps_the_reported_sentence(nlp):
    text = "Local bakers, the mayor said, are “working around the clock” this month."
    quotes = quotes_of(nlp, text)
    (reported,) = only(quotes, "indirect")
    assert [text[s:e] for s, e in reported.spans] == ["Local bakers", "are “working around the clock” this month"]
    assert [q.text for q in only(quotes, "partial")] == ["working around the clock"]


def test_a_parenthetical_attribution_inside_quote_marks_stays_one_direct_quote(nlp):
    text = '"The terminal," the director said, "will double our capacity."'
    (quote,) = quotes_of(nlp, text)
    assert quote.type == "direct" and len(quote.spans) == 2


def test_commas_around_a_non_reporting_aside_report_nothing(nlp):
    assert quotes_of(nlp, "The terminal, the director noticed, was empty when the ship arrived.") == []


def test_a_that_clause_after_the_addressee_is_what_was_told(nlp):
    text = "The governor told a meeting of county leaders that the bridge would reopen in the spring."
    (quote,) = only(quotes_of(nlp, text), "indirect")
    assert quote.text == "that the bridge would reopen in the spring"
    assert quote.speaker.text == "The governor" and quote.cue.text == "told"


@pytest.mark.parametrize("verb", ["told", "urged"])
def test_an_instruction_reports_the_addressee_and_the_infinitive_once(nlp, verb):
    # "urge" is also a verb of intention and one whose object is reported: still one quote.
    text = f"The mayor {verb} her staff to prepare a new budget by Friday."
    (quote,) = only(quotes_of(nlp, text), "indirect")
    assert quote.text == "her staff to prepare a new budget by Friday"
    assert quote.speaker.text == "The mayor"


def test_colon_after_a_verb_introduces_a_quote(nlp):
    (quote,) = quotes_of(nlp, "The minister told parliament: \"There will be no new taxes this year.\"")
    assert quote.speaker.text == "The minister" and quote.cue.text == "told"


def test_dash_attribution_names_the_speaker(nlp):
    (quote,) = quotes_of(nlp, "“This is the best season we have had.” — Coach Dana Wells")
    assert quote.speaker.name == "Dana Wells" and quote.cue.text == "—"


def test_headline_colon_resolves_a_bare_role_to_the_named_person(nlp):
    text = "Mayor: ‘We will not back down’ on transit plan\n\nMayor Jo Kim on Friday defended the plan."
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.text == "We will not back down"
    assert quote.speaker.text == "Mayor" and quote.speaker.name == "Jo Kim"
    assert quote.cue.text == ":"


def test_follow_up_quote_does_not_inherit_when_a_new_speaker_is_introduced(nlp):
    text = "“It is too early to say,” said Dr. Amir Shah. His colleague disagreed: “The data are clear.”"
    first, second = only(quotes_of(nlp, text), "direct")
    assert first.speaker.name == "Amir Shah"
    assert second.speaker.text == "His colleague"


@pytest.mark.parametrize(
    "attribution",
    ["said Ines Moreau, who has worked with Mayor Paul Grant for years.", "Ines Moreau said after meeting Paul Grant."],
)
def test_people_named_in_the_attribution_sentence_do_not_stop_a_follow_up(nlp, attribution):
    text = f"“The river is rising,” {attribution} “We need sandbags by tonight.”"
    first, second = only(quotes_of(nlp, text), "direct")
    assert first.speaker.name == second.speaker.name == "Ines Moreau"


def test_a_person_named_in_a_sentence_between_stops_a_follow_up(nlp):
    text = "“The river is rising,” said Ines Moreau. Mayor Paul Grant arrived later. “We need sandbags by tonight.”"
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.text == "The river is rising,"


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    assert quotes_of(nlp, "Critics have dubbed the plan a “poison pill” for small lenders.") == []
    assert quotes_of(nlp, "Her new book, “The Long Road Home,” goes on sale in March.") == []
    # Title case leaves short prepositions in lower case; a reporting verb nearby does not make it a quote.
    text = "The plan was shown by the mayor's inclusion of it in her 2024 “Compact with Harbour Towns.”"
    assert only(quotes_of(nlp, text), "partial") == []


@pytest.mark.parametrize(
    "text",
    [
        "The senator wants to end so-called “carried interest” deductions, she said.",
        "Lena Park backed a floor on tax rates, what is now known as the “Park rule” in her party.",
    ],
)
def test_a_term_introduced_as_a_name_is_not_a_partial_quote(nlp, text):
    assert only(quotes_of(nlp, text), "partial") == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("At a rally, Senator Ana Ortiz likened the new toll to “a tax on going to work.”", "a tax on going to work."),
        ("Senator Ana Ortiz exhorted her colleagues to “vote for the bridge.”", "vote for the bridge."),
    ],
)
def test_a_fragment_in_what_a_verb_of_stating_takes_is_the_subject_s_partial_quote(nlp, text, fragment):
    (quote,) = only(quotes_of(nlp, text), "partial")
    assert quote.text == fragment and quote.speaker.name == "Ana Ortiz"


def test_as_someone_put_it_attributes_a_quote(nlp):
    text = "As Ines Moreau, the harbour master, put it in a statement, “The port stays open.”"
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.text == "The port stays open." and quote.speaker.name == "Ines Moreau"
    assert quote.cue.lemma == "put"


def test_offsets_always_match_the_text(nlp):
    text = (
        "Acme Corp said on Tuesday that profits rose. “We had a strong year,” chief executive Lena Park told "
        "analysts, “and we expect more.” She added that ''costs were contained.'' According to the filing, "
        "revenue doubled.\n\n“Next year is harder,” Park said. “Much harder.\n\n“But we are ready.”"
    )
    quotes = quotes_of(nlp, text)
    assert {q.type for q in quotes} == {"direct", "partial", "indirect"}
    assert_offsets_match(text, quotes)


def test_transcript_speaker_label_attributes_the_line(nlp):
    text = "WALLACE: Will she be there tomorrow night?\n\nPENCE: She will not be attending the debate."
    quotes = only(quotes_of(nlp, text), "indirect")
    labelled = {q.speaker.text: q.text for q in quotes if q.cue.text == ":"}
    assert labelled == {
        "WALLACE": "Will she be there tomorrow night",
        "PENCE": "She will not be attending the debate",
    }


def test_stated_intention_and_statement_noun_are_reported_content(nlp):
    text = "Patriot agreed to lend the company five million dollars. His claim that the mine was safe was false."
    reported = {q.cue.text: q.text for q in only(quotes_of(nlp, text), "indirect")}
    assert reported["agreed"] == "to lend the company five million dollars"
    assert reported["claim"] == "that the mine was safe"


def test_doubled_apostrophe_quotes_are_direct_quotes(nlp):
    (quote,) = only(quotes_of(nlp, "''This is not tax reform,'' said Douglas Holt, an economist."), "direct")
    assert quote.text == "This is not tax reform," and quote.speaker.name == "Douglas Holt"


def test_a_chain_of_reported_clauses_keeps_each_clause_bounded(nlp):
    text = " ".join(["the official said that"] * 400) + " it rained."
    quotes = only(quotes_of(nlp, text), "indirect")
    assert len(quotes) > 100
    assert max(len(q.text.split()) for q in quotes) <= 2 * MAX_REPORTED_TOKENS
