"""Reported speech cued by something other than a verb's complement: a statement noun's clause ("the claim
that …"), the clause an "according to" phrase attaches to, an attribution set off by commas inside the
sentence it reports, and "NAME: words" lines; and the pass that finds every kind in text order."""

from __future__ import annotations

from spacy.tokens import Token

from factextract.data.cues import SPEAKER_LABEL, SPEECH_VERBS, THOUGHT_VERBS
from factextract.data.quote_limits import MIN_REPORTED_WORDS
from factextract.data.reported_cues import BELIEF_NOUNS, EDITORIAL_LABELS, STANCE_ADJECTIVES
from factextract.quotes.agents import can_speak
from factextract.quotes.draft import Attribution, DraftQuote
from factextract.quotes.grammar import SENTENCE_END, content_words, without_edge_punctuation
from factextract.quotes.reported import (
    AIM_VERBS,
    CLAUSE_NOUNS,
    STANCE_OBJECT_VERBS,
    TOPIC_CUES,
    ReportedSpeech,
    cue_lemma,
)
from factextract.quotes.reported_attitudes import stance_adjective
from factextract.quotes.reported_edges import without_asides
from factextract.quotes.speakers import Speakers

# Verbs a headline reports with: saying, thinking, wanting and the verbs whose object is what was said.
HEADLINE_CUES = SPEECH_VERBS | THOUGHT_VERBS | AIM_VERBS | STANCE_OBJECT_VERBS
# What an "as" clause of saying may hold besides its verb: "as many experts have already pointed out".
AS_CLAUSE_PARTS = frozenset({"nsubj", "aux", "neg", "advmod", "mark", "punct", "prt", "npadvmod"})
# A headline is one short line; a longer first line is a sentence of the story.
HEADLINE_WORDS = 20


def find_reported(speakers: Speakers, quoted: list[DraftQuote]) -> list[DraftQuote]:
    """Every indirect quote, given the direct and partial ones already found (quoted)."""
    reports = ReportedSpeech(speakers)
    view = speakers.view
    for i in reports.candidates():
        token = view.doc[i]
        if token.lower_ == "according" and token.dep_ == "prep":
            _according_clause(reports, token)
            continue
        if view.in_quote(token.idx):
            continue
        lemma = cue_lemma(token)
        if token.pos_ == "NOUN" and lemma in CLAUSE_NOUNS:
            _statement_noun(reports, token)
            continue
        if token.pos_ == "ADJ" and lemma in STANCE_ADJECTIVES:
            stance_adjective(reports, token)
            continue
        if token.pos_ not in ("VERB", "AUX") or reports.verb(token):
            continue
        if token.dep_ == "parataxis" and lemma in SPEECH_VERBS:
            _parenthetical(reports, token, quoted)
            continue
        if lemma in SPEECH_VERBS and _as_clause(reports, token):
            continue
        reports.stance(token)
    _speaker_labels(reports)
    _headline(reports)
    return reports.drafts


def _statement_noun(reports: ReportedSpeech, noun: Token) -> None:
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i), None)
    if clause is None or not any(c.dep_ == "mark" for c in clause.children):
        return  # "the claim that …" reports; "the report released Monday" does not
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) or _holder(reports, noun)
    if owner is None and noun.lemma_.lower() in BELIEF_NOUNS:
        return  # "a recognition that …" with nobody who recognises: no source to report
    speaker = reports.speakers.speaker(owner) if owner is not None else None
    attribution = Attribution(speaker, reports.speakers.cue(noun), noun.idx + len(noun), "belief")
    reports.add(None, clause.left_edge.i, clause.right_edge.i, attribution)


def _holder(reports: ReportedSpeech, noun: Token) -> Token | None:
    """"Republicans expressed concern that …", "the study left little doubt that …": the subject of the verb
    whose object the noun is holds the belief, when it can."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = reports.speakers.subject(verb)
    if subject is None or not can_speak(subject, reports.speakers.entities, documents=True):
        return None
    return subject


def _according_clause(reports: ReportedSpeech, according: Token) -> None:
    head = according.head
    if head.i == according.i or reports.view.in_quote(according.idx):
        return
    first, last = _clause_around(head, according)
    to = next((c for c in according.children if c.lower_ == "to"), according)
    reports.add(None, first, last, reports.speakers.according(according, to))


def _as_clause(reports: ReportedSpeech, verb: Token) -> bool:
    """"As many lawyers have pointed out, Ms. Ortiz is free to publish her letters": an "as" clause of
    saying with no object of its own reports the clause it is attached to."""
    head = verb.head
    if verb.dep_ != "advcl" or head.pos_ not in ("VERB", "AUX") or head.i == verb.i:
        return False  # "a player as fast as he claims to be" compares; it reports no clause
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    own = [c for c in verb.children if c.dep_ not in AS_CLAUSE_PARTS and not (
        c.dep_ == "prep" and c.lower_ != "as" and (lemma, c.lower_) not in TOPIC_CUES
    )]
    if own or reports.view.in_quote(head.idx):
        return False  # "as she pushed for …", "as he claimed it": the clause has a report of its own
    first, last = _clause_around(head, verb)
    reports.add(verb, first, last)
    return True


def _clause_around(head: Token, aside: Token) -> tuple[int, int]:
    """The first and last token of the longest run of head's clause outside the subtree of aside."""
    skip = {t.i for t in aside.subtree}
    runs: list[list[Token]] = []
    for t in (t for t in head.subtree if t.i not in skip):
        if runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    run = max(runs, key=len)
    return run[0].i, run[-1].i


def _parenthetical(reports: ReportedSpeech, verb: Token, quoted: list[DraftQuote]) -> None:
    """"Small shops, Mayor Ortiz said, are the heart of the town": an attribution set off by commas
    inside the sentence it reports. The parser hangs it on the sentence's verb as parataxis; the
    content is the rest of the sentence, one span on each side of the attribution."""
    doc, text = reports.doc, reports.text
    words = [t for t in verb.subtree if not (t.is_punct or t.is_space)]
    subject = reports.speakers.subject(verb)
    if subject is None or not words[0].i <= subject.i <= words[-1].i:
        return
    before = doc[words[0].i - 1] if words[0].i else None
    after = doc[words[-1].i + 1] if words[-1].i + 1 < len(doc) else None
    if before is None or before.text != "," or (after is not None and after.text not in {",", *SENTENCE_END}):
        return
    first, last = reports.own_sentence(verb.i, verb.sent.start, verb.sent.end - 1)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    if reports.view.in_quote(start) or any(
        draft.kind == "direct" and draft.start < end and start < draft.end for draft in quoted
    ):
        return  # a direct quote in the sentence: the quote passes attribute it
    spans = []
    for lo, hi in ((first, before.i - 1), (words[-1].i + 2, last)):
        lo, hi = without_edge_punctuation(doc, lo, without_asides(doc, lo, hi, phrase=False))
        if lo <= hi:
            spans.append((doc[lo].idx, doc[hi].idx + len(doc[hi])))
    if not spans or sum(content_words(text[a:b]) for a, b in spans) < MIN_REPORTED_WORDS:
        return
    speakers = reports.speakers
    attribution = Attribution(speakers.speaker(subject), speakers.cue(verb), verb.idx + len(verb), "indirect")
    reports.drafts.append(DraftQuote("indirect", tuple(spans), attribution))


def _speaker_labels(reports: ReportedSpeech) -> None:
    """"NAME: words" lines (headlines, transcripts) attribute the words to the name."""
    view, doc = reports.view, reports.doc
    start = 0
    for line in reports.text.split("\n"):
        match = SPEAKER_LABEL.match(line)
        editorial = match is not None and match.group(1).lower() in EDITORIAL_LABELS
        if match and not editorial and not (view.in_quote(start + match.start(2)) and match.start(1) == 0):
            name_start, name_end = start + match.start(1), start + match.end(1)
            head = doc[view.token_index(name_end - 1)]
            if head.pos_ in ("PROPN", "NOUN") and not any(
                t.pos_ == "VERB" for t in doc[view.token_index(name_start):head.i + 1]
            ):
                colon = doc[view.token_index(name_end)]
                cue = reports.speakers.cue(colon, lemma=":")
                speaker = reports.speakers.speaker_span(name_start, name_end, head)
                first, last = view.token_index(start + match.start(2)), view.token_index(start + match.end(2) - 1)
                reports.add(None, first, last, Attribution(speaker, cue, cue.end, "colon"))
        start += len(line) + 1


def _headline(reports: ReportedSpeech) -> None:
    """"Ruiz Seeks More Funds for Schools", "Ortiz Vows To Cut Bus Fares": a headline is a subject, a
    verb in the present and what it reports, in title case the parser often misreads; the verb is known by
    its form ("-s") and the subject must be someone who can speak."""
    view, doc = reports.view, reports.doc
    line_end = reports.text.find("\n")
    line = doc[:view.token_index(line_end - 1) + 1] if line_end > 0 else doc[:0]
    words = [t for t in line if not t.is_space]
    if not words or len(words) > HEADLINE_WORDS or view.in_quote(words[0].idx):
        return
    for cue in words:
        # The subject starts after a label or an opening phrase: "The Latest: Ruiz urges …", "Railing
        # Against the Mayor, Ortiz Vows …".
        start = max([words[0].i, *(t.i + 1 for t in words if t.i < cue.i and t.text in (":", ","))])
        if cue.i - start < 1 or cue.i - start > 4 or not _headline_verb(cue):
            continue
        head = doc[cue.i - 1]
        first, last = cue.i + 1, words[-1].i
        if doc[first].pos_ == "ADP":
            return  # "Vance Sings to Ruiz": a preposition's object is whom, not what
        # In title case the tagger and NER miss names ("Ortiz Vows …"): a capitalised noun stands for one.
        if head.pos_ not in ("PROPN", "NOUN") or not (head.is_title or can_speak(head, reports.speakers.entities)):
            return
        if any(d.start < doc[last].idx + len(doc[last]) and doc[first].idx < d.end for d in reports.drafts):
            return  # the parse found it already
        speaker = reports.speakers.speaker_span(doc[start].idx, head.idx + len(head), head)
        attribution = Attribution(speaker, reports.speakers.cue(cue), cue.idx + len(cue), "indirect")
        reports.add(None, first, last, attribution, phrase=True)
        return


def _headline_verb(token: Token) -> bool:
    lower = token.lower_
    return lower.endswith("s") and not lower.endswith("ss") and (lower[:-1] in HEADLINE_CUES or (
        lower.endswith("es") and lower[:-2] in HEADLINE_CUES
    ))
