"""Quotes: direct, partial and indirect, with their speakers and cues.

A quoted stretch (text.find_quoted) that stands as its own clause is a direct quote, attributed
by a reporting verb after it ("…,” she said / said Tom Reyes), before it (He told reporters, “…” /
The minister said: “…”), a bare colon ("Mayor: ‘…’"), a dash (“…” — Dana Wells) or a speaker
line ending in a colon; with none of those, a quote that opens a sentence right after another
quote by the same speaker inherits that speaker when nobody new was introduced in between, and a
quote right after a sentence that reports someone speaking is theirs. A quoted stretch inside a
clause is a partial quote, attributed by the reporting verb that governs the clause, or by a verb
that states a position through what it takes ("likened the plan to “a tax”"). Reporting verbs and
"according to" without quote marks give indirect quotes. Speakers are read from the parse and
resolved through the EntityIndex.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER
from spacy.tokens import Doc, Token

from factextract.columns import among, sentence_starts, token_starts
from factextract.data.cues import (
    ATTRIBUTION_DASHES,
    DIRECTIVE_VERBS,
    INTENT_VERBS,
    NAMING_DETERMINERS,
    NAMING_PHRASES,
    OBJECT_VERBS,
    PREPOSITION_CUES,
    SPEAKER_LABEL,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    THOUGHT_VERBS,
)
from factextract.data.people import PERSONAL_PRONOUNS, RELATIVE_PRONOUNS, ROLE_NOUNS
from factextract.entities import EntityIndex
from factextract.models import Cue, Quote, SentenceRef, Speaker, TextSpan
from factextract.text import QuotedSpan

REPORTING = SPEECH_VERBS | THOUGHT_VERBS
# A quoted fragment inside the object of these verbs is the subject's words: "likened the refugees to a
# “vicious snake”", "exhorted Republicans to “vote your conscience”".
QUOTING = REPORTING | OBJECT_VERBS | DIRECTIVE_VERBS
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Left dependents that belong to a speaker's noun phrase: "the foreign ministry spokesman".
NP_LEFT = frozenset({"det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "predet", "case"})
# A verb without a subject of its own shares that of the verb it hangs from ("was quoted as
# saying", "said X and added Y", "adding that").
SUBJECT_CARRIERS = frozenset({"xcomp", "advcl", "pcomp", "prep", "conj", "acl"})
SENTENCE_END = frozenset({".", "?", "!"})
# Title case leaves short prepositions and conjunctions in lower case: "Contract with America".
TITLE_LOWERCASE = frozenset({"with", "from", "into", "onto", "over", "upon", "than"})
# How far around a quote its attribution may be, in tokens.
AFTER_WINDOW = 24
# How much of an attribution may stand between two halves of one quote ("said during a rally in ...,").
CONTINUATION_CHARS = 80
BEFORE_WINDOW = 40
# Reported content of one word ("caution", "so") names a topic, not what was said.
MIN_REPORTED_WORDS = 2
# The longest reported clause in the PolNeAR dev gold has 171 words. A parse that chains hundreds of
# "X said that ..." clauses in one sentence would otherwise make every cue scan, and report, the rest
# of the sentence: quadratic time and output on one pathological sentence.
MAX_REPORTED_TOKENS = 250
# Closing marks that end reported content ("… its ‘significant’ subsidiaries”) and stay in it.
CLOSING_MARKS = "”\"’"
# Lead-in tokens after which a quote starts its own clause rather than continuing one.
CLAUSE_OPENERS = frozenset({",", ":", ";", "(", "—", "―", "–", "-", "--", "..."})

CONFIDENCE = {
    "verb": 0.9,
    "colon": 0.8,
    "dash": 0.8,
    "speaker_line": 0.7,
    "floating": 0.65,
    "partial": 0.75,
    "indirect": 0.6,
    "belief": 0.5,
}


@dataclass
class _Attribution:
    speaker: Speaker | None
    cue: Cue | None
    end: int  # where the attribution ends in the text (characters)
    how: str


class _Reader:
    """Token and sentence lookups over one Doc, and speaker building through the EntityIndex."""

    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.doc = doc
        self.text = index.doc_text(doc)
        self.index = index
        self.token_starts = token_starts(doc)
        self.sent_starts = [self.token_starts[i] for i in sentence_starts(doc)]
        self.sent_ends = [*self.sent_starts[1:], len(self.text)]
        self.quoted = index.quoted
        self.quote_opens = [q.open_mark for q in self.quoted]

    def token(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.token_starts, offset) - 1)

    def sentence(self, start: int, end: int) -> SentenceRef:
        first = max(0, bisect.bisect_right(self.sent_starts, start) - 1)
        last = max(first, bisect.bisect_right(self.sent_starts, max(start, end - 1)) - 1)
        s, e = self.sent_starts[first], self.sent_ends[last]
        while e > s and self.text[e - 1].isspace():
            e -= 1
        return SentenceRef(start=s, end=e)

    def in_quote(self, offset: int) -> QuotedSpan | None:
        i = bisect.bisect_right(self.quote_opens, offset) - 1
        if i >= 0 and self.quoted[i].open_mark <= offset <= self.quoted[i].close_mark:
            return self.quoted[i]
        return None

    def cue(self, first: Token, last: Token | None = None, lemma: str | None = None) -> Cue:
        last = last or first
        start, end = first.idx, last.idx + len(last)
        return Cue(text=self.text[start:end], start=start, end=end, lemma=lemma or first.lemma_.lower())

    def subject(self, verb: Token) -> Token | None:
        """The verb's subject, or that of the verb it hangs from when it has none."""
        found = self._subject(verb)
        if found is not None and "\n" in self.text[min(found.idx, verb.idx):max(found.idx, verb.idx)]:
            # The parser joins a headline to the first sentence; the subject is then taken from
            # the headline. The first noun of the verb's own paragraph is the better guess.
            start = self.text.rfind("\n", 0, verb.idx) + 1
            found = next((t for t in self.doc[self.token(start):verb.i] if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
        return found

    def _subject(self, verb: Token) -> Token | None:
        for _ in range(4):
            for child in verb.children:
                if child.dep_ in SUBJECTS:
                    return child
                if child.dep_ == "agent":  # "was told by officials"
                    return next((c for c in child.children if c.dep_ == "pobj"), None)
            if verb.dep_ not in SUBJECT_CARRIERS or verb.head.i == verb.i:
                return None
            head = verb.head
            if verb.dep_ == "conj" and head.dep_ == "ccomp" and _is_reporting(verb, REPORTING):
                head = head.head  # "said the merger would … and denied …": denied shares said's subject
            verb = head
        return None

    def speaker(self, head: Token) -> Speaker:
        """The mention as written (the name, or the noun phrase) and what it resolves to."""
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            head = head.head.head  # "a senator who said": the senator
        mention = self.index.mention_at(head.idx, head.idx + len(head))
        if mention is not None:
            start, end = mention.start, mention.end
        else:
            start = head.i
            for child in head.lefts:
                if child.dep_ in NP_LEFT:
                    start = child.left_edge.i
                    break
            while start < head.i and (self.doc[start].is_punct or self.doc[start].is_space):
                start += 1
            start, end = self.doc[start].idx, head.idx + len(head)
        return self.speaker_span(start, end, head)

    def speaker_span(self, start: int, end: int, head: Token | None = None) -> Speaker:
        # The head decides: "Obama's former strategist" is the strategist, not Obama.
        entity = self.index.entity_at(head.idx, head.idx + len(head)) if head else self.index.entity_at(start, end)
        text = self.text[start:end]
        if entity is None and head is not None and head.lemma_.lower() in ROLE_NOUNS and head.pos_ != "PROPN":
            entity = self._by_role(head)
        if entity is not None:
            name: str | None = entity.name
        elif head is not None and head.lower_ in PERSONAL_PRONOUNS:
            name = None  # an unresolved "he" names nobody
        else:
            name = text
        return Speaker(
            text=text,
            start=start,
            end=end,
            name=name,
            role=entity.role if entity is not None else None,
            entity_id=entity.id if entity is not None else None,
        )

    def _by_role(self, head: Token):
        """A bare role ("Mayor: ..." in a headline) names the person the article gives that role."""
        lemma = head.lemma_.lower()
        matches = [e for e in self.index.entities if e.role and lemma in e.role.lower().split()]
        return matches[0] if len(matches) == 1 else None


def _clause_end(clause: Token) -> Token:
    """The last token of a reported clause, stopping before a coordinated report of its own
    ("… would create X and denied that …")."""
    for child in clause.rights:
        if child.dep_ == "conj" and _is_reporting(child, REPORTING):
            ends = [t for t in clause.subtree if t.i < child.i and not (t.dep_ == "cc" and t.head.i == clause.i)]
            return ends[-1] if ends else clause
    return clause.right_edge


def _is_reporting(token: Token, words: frozenset[str] = SPEECH_VERBS) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    # "As Ms. Simonyan put it, “…”": putting it is saying it; "put" alone is too common to be a cue.
    return lemma in words or (lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children))


def _content_words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def _looks_like_title(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() or len(w) <= 3 or w in TITLE_LOWERCASE for w in words)


class _QuoteFinder:
    def __init__(self, doc: Doc, index: EntityIndex, join_follow_ups: bool = False) -> None:
        self.r = _Reader(doc, index)
        self.join_follow_ups = join_follow_ups
        self.doc = doc
        self.text = self.r.text
        self.quotes: list[tuple[str, list[tuple[int, int]], TextSpan | None, _Attribution]] = []

    # --- where a quote sits -------------------------------------------------------------------

    def lead(self, quote: QuotedSpan) -> list[Token]:
        """The tokens of the clause before the opening mark, back to a sentence end, a previous
        quote or a paragraph break."""
        doc = self.doc
        i = self.r.token(quote.open_mark) - 1
        tokens: list[Token] = []
        while i >= 0 and len(tokens) < BEFORE_WINDOW:
            token = doc[i]
            if "\n" in token.text_with_ws or token.text in SENTENCE_END or self.r.in_quote(token.idx):
                break
            if not token.is_space:
                tokens.append(token)
            i -= 1
        tokens.reverse()
        return tokens

    def trail(self, quote: QuotedSpan) -> list[Token]:
        """The tokens after the closing mark, up to a sentence end, a quote or a paragraph break."""
        doc = self.doc
        i = self.r.token(quote.close_mark) + 1
        tokens: list[Token] = []
        if "\n" in self.text[quote.close_mark:quote.close_mark + 2]:
            return tokens
        while i < len(doc) and len(tokens) < AFTER_WINDOW:
            token = doc[i]
            if token.text in SENTENCE_END or self.r.in_quote(token.idx):
                break
            if not token.is_space:
                tokens.append(token)
            if "\n" in token.whitespace_ or "\n" in token.text:
                break
            i += 1
        return tokens

    def stands_alone(self, quote: QuotedSpan, lead: list[Token]) -> bool:
        """A quote that opens its sentence, follows a comma or colon, or directly follows a
        reporting verb ("He says “…”") is a direct quote; otherwise it continues a clause."""
        words = quote.text(self.text).split()
        if len(words) < 2:
            return False  # one quoted word is a term, not a statement
        if not lead:
            return True
        last = lead[-1]
        if _is_reporting(last):
            return words[0][:1].isupper()  # "says “Working …”" vs. "reported “2,521 incidents”"
        return last.text in CLAUSE_OPENERS or last.text in ATTRIBUTION_DASHES

    # --- attributions -------------------------------------------------------------------------

    def after(self, quote: QuotedSpan, trail: list[Token]) -> _Attribution | None:
        if not trail:
            return None
        first = trail[0]
        if first.text in ATTRIBUTION_DASHES:
            return self.dash(first, trail[1:])
        ends_sentence = self.text[quote.end - 1:quote.end] in SENTENCE_END and self.text[quote.end - 1] == "."
        for n, token in enumerate(trail):
            if token.lower_ == "according" and n + 1 < len(trail) and trail[n + 1].lower_ == "to":
                return self.according(token, trail[n + 1])
            if token.pos_ in ("VERB", "AUX") and not _is_reporting(token):
                # A verb inside the speaker's description ("one of the states suing the EPA") or a
                # capitalised word the tagger took for a verb ("Tulsa police Chief") does not end the search.
                describes = token.dep_ in ("aux", "auxpass", "acl", "relcl")
                if not describes and (ends_sentence or not token.text[:1].isupper()):
                    return None  # another clause comes first: "… ,” which means …"
                continue
            if not _is_reporting(token):
                continue
            if ends_sentence and any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
                return None  # “… .” He said that …: a new sentence with its own report
            subject = self.r.subject(token)
            if subject is not None and quote.open_mark <= subject.idx <= quote.close_mark:
                subject = None
            if subject is None:
                # Without a parsed subject, a person named before the verb is the best guess, then the first noun.
                before_verb = [t for t in trail if t.i < token.i]
                subject = next((t for t in before_verb if t.ent_type_ == "PERSON"), None) or next(
                    (t for t in trail if t.pos_ in ("PROPN", "PRON", "NOUN") and t.i != token.i), None
                )
                while subject is not None and subject.dep_ == "compound" and subject.i < subject.head.i < token.i:
                    subject = subject.head  # "Rep. Elijah E. Cummings": the name, not its title
            speaker = self.r.speaker(subject) if subject is not None else None
            end = max(token.idx + len(token), speaker.end if speaker else 0)
            return _Attribution(speaker, self.r.cue(token), end, "verb")
        return None

    def before(self, lead: list[Token]) -> _Attribution | None:
        if not lead:
            return None
        last = lead[-1]
        verbs = [t for t in lead if _is_reporting(t)]
        if last.text == ":":
            verbs = verbs or [t for t in lead if t.pos_ == "VERB" and self.r.subject(t) is not None]
            if not verbs:
                return self.colon(lead)
        elif last.text not in (",", "—", "―", "–") and not _is_reporting(last):
            return None
        if not verbs:
            # According to Limbaugh, “…”
            if len(lead) > 2 and lead[0].lower_ == "according" and lead[1].lower_ == "to" and last.text == ",":
                found = self.according(lead[0], lead[1])
                return replace(found, end=last.idx + len(last)) if found else None
            return None
        verb = verbs[-1]
        subject = self.r.subject(verb)
        speaker = self.r.speaker(subject) if subject is not None else None
        return _Attribution(speaker, self.r.cue(verb), last.idx + len(last), "verb")

    def colon(self, lead: list[Token]) -> _Attribution | None:
        """“Mayor: ‘…’”: a short noun phrase and a colon, no verb."""
        phrase = lead[:-1]
        nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN")]
        if not nouns or len(phrase) > 6 or any(t.pos_ == "VERB" for t in phrase):
            return None
        head = nouns[-1]
        mention = self.r.index.mention_at(phrase[0].idx, head.idx + len(head))
        if mention is not None:
            speaker = self.r.speaker_span(mention.start, mention.end, head)
        else:
            start = next(t for t in phrase if not t.is_punct and t.pos_ not in ("CCONJ", "ADP", "ADV"))
            speaker = self.r.speaker_span(start.idx, head.idx + len(head), head)
        return _Attribution(speaker, self.r.cue(lead[-1], lemma=":"), lead[-1].idx + 1, "colon")

    def dash(self, dash: Token, rest: list[Token]) -> _Attribution | None:
        names = [t for t in rest if t.pos_ == "PROPN"]
        if not names:
            return None
        head = names[-1]
        mention = self.r.index.mention_at(names[0].idx, head.idx + len(head))
        start, end = (mention.start, mention.end) if mention else (names[0].idx, head.idx + len(head))
        speaker = self.r.speaker_span(start, end, head)
        return _Attribution(speaker, self.r.cue(dash, lemma=dash.text), end, "dash")

    def according(self, according: Token, to: Token) -> _Attribution | None:
        objects = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in according.children if c.dep_ == "pobj"
        ]
        speaker = self.r.speaker(objects[0]) if objects else None
        cue = self.r.cue(according, to, lemma="according to")
        return _Attribution(speaker, cue, speaker.end if speaker else cue.end, "verb")

    def speaker_line(self, quote: QuotedSpan) -> _Attribution | None:
        """A previous paragraph that ends in a colon ("And from Chairwoman Ruiz:") introduces the quote."""
        before = self.text[:quote.open_mark].rstrip()
        if not before.endswith(":") or "\n" not in self.text[len(before):quote.open_mark]:
            return None
        colon = self.r.token(len(before) - 1)
        line_start = before.rfind("\n") + 1
        lead = [t for t in self.doc[self.r.token(line_start):colon + 1] if not t.is_space]
        verbs = [t for t in lead if _is_reporting(t)]
        if verbs and (subject := self.r.subject(verbs[-1])) is not None:
            return _Attribution(self.r.speaker(subject), self.r.cue(verbs[-1]), len(before), "speaker_line")
        names = [t for t in lead if t.pos_ == "PROPN"]
        if not names:
            return None  # "Partial transcript as follows:" names nobody
        head = names[-1]
        mention = self.r.index.mention_at(head.idx, head.idx + len(head))
        first = names[0]
        start, end = (min(mention.start, first.idx), mention.end) if mention else (first.idx, head.idx + len(head))
        return _Attribution(self.r.speaker_span(start, end, head), None, len(before), "speaker_line")

    # --- partial quotes -----------------------------------------------------------------------

    def governing(self, quote: QuotedSpan) -> tuple[Token, Token] | None:
        """The reporting verb whose clause holds the quote, and that clause's top token."""
        doc = self.doc
        first, last = self.r.token(quote.start), self.r.token(quote.end - 1)
        roots = [t for t in doc[first:last + 1] if not first <= t.head.i <= last or t.head.i == t.i]
        if not roots:
            return None
        below, token = roots[0], roots[0]
        for _ in range(10):
            if token.dep_ == "ROOT" and token.i == roots[0].i and _is_reporting(token, REPORTING):
                return None  # the quote is itself the reporting clause: not embedded
            if token.i != roots[0].i and _is_reporting(token, QUOTING):
                return token, below
            if token.pos_ == "VERB" and below.dep_ == "prep" and below.lower_ == "as" and _labels(token, below):
                return token, below  # "admires Putin as a 'strong leader'": the label is the subject's
            if token.head.i == token.i:
                # "Local bakers, the mayor said, are 'working around the clock'": the attribution hangs from
                # the sentence it reports, as parataxis.
                aside = next((c for c in token.children if c.dep_ == "parataxis" and _is_reporting(c)), None)
                return (aside, token) if aside is not None else None
            below, token = token, token.head
        return None

    # --- driver -------------------------------------------------------------------------------

    def run(self) -> None:
        quoted = self.r.quoted
        previous: _Attribution | None = None
        previous_end, previous_index = -1, -1
        i = 0
        while i < len(quoted):
            quote = quoted[i]
            lead = self.lead(quote)
            if not self.stands_alone(quote, lead):
                told = self.partial(quote)
                if told is not None and (previous is None or told.cue != previous.cue):
                    # Its speaker goes on in a quote that opens the very next sentence ("… “a loophole,” she
                    # said. “We have …”"); that quote is direct, never a further span of a partial one.
                    sentence_end = self.r.sentence(quote.open_mark, quote.close_mark + 1).end
                    following = quoted[i + 1].open_mark if i + 1 < len(quoted) else len(self.text)
                    adjacent = not self.text[sentence_end:following].strip()
                    previous, previous_end = (told, sentence_end) if adjacent else (None, -1)
                    previous_index = -1
                i += 1
                continue
            trail = self.trail(quote)
            spans = list(quote.segments)
            found = self.after(quote, trail) if quote.text(self.text)[-1:] != ":" else None
            if found is not None and i + 1 < len(quoted) and self.continues(found, quoted[i + 1]):
                i += 1
                spans += quoted[i].segments
            found = found or self.before(lead) or self.speaker_line(quote)
            if found is None and not lead and self.may_float(quote, previous, previous_end):
                found = _Attribution(previous.speaker, previous.cue, quote.close_mark, "floating")  # type: ignore[union-attr]
            elif found is None and not lead:
                found = self.reported_before(quote)
                if found is not None:
                    previous_index = -1  # nothing quoted to join it to
            if found is not None and not (found.how != "verb" and _looks_like_title(quote.text(self.text))):
                if found.how == "floating" and self.join_follow_ups and previous_index >= 0:
                    self.quotes[previous_index][1].extend(spans)
                else:
                    previous_index = len(self.quotes)
                    self.quotes.append(("direct", spans, None, found))
                previous, previous_end = found, max(found.end, quoted[i].close_mark)
            i += 1

    def title_case_line(self, quote: QuotedSpan) -> bool:
        """Headlines capitalise every word, so a capitalised quote there says nothing."""
        start = self.text.rfind("\n", 0, quote.open_mark) + 1
        end = self.text.find("\n", quote.close_mark)
        outside = self.text[start:quote.open_mark] + " " + self.text[quote.close_mark + 1:end if end > 0 else None]
        return _looks_like_title(outside)

    def continues(self, found: _Attribution, following: QuotedSpan) -> bool:
        """“A,” the farmer said, “b.”: the attribution sits between two halves of one quote. It may run
        on (“A,” he said during a rally in Kenansville, N.C., “but b.”) when the second half opens in
        lower case and nobody else is reported speaking in between."""
        between = self.text[found.end:following.open_mark]
        if "\n" in between:
            return False
        rest = between.strip()
        if rest == ",":
            return True
        first_letter = next((ch for ch in following.text(self.text) if ch.isalpha()), "")
        if len(rest) > CONTINUATION_CHARS or not first_letter.islower() or not rest.endswith((",", ", but", ", and")):
            return False
        tokens = self.doc[self.r.token(found.end):self.r.token(following.open_mark)]
        return not any(_is_reporting(t) for t in tokens if t.idx >= found.end)

    def may_float(self, quote: QuotedSpan, previous: _Attribution | None, previous_end: int) -> bool:
        """A quote opening a sentence right after another keeps its speaker unless someone new
        is named or reported in between."""
        if previous is None or previous.speaker is None or previous_end < 0:
            return False
        gap = self.text[previous_end:quote.open_mark]
        if gap.count("\n\n") > 1 or len([p for p in gap.split("\n") if p.strip()]) > 1:
            return False
        if _content_words(quote.text(self.text)) < 2:
            return False
        # The rest of the attribution's own sentence describes the speaker or the occasion ("said Robert
        # McAtee, who works with Mr. Clarke"; "he said after meeting Putin"): the people it names are not
        # new speakers.
        told = self.r.sentence(previous.cue.start, previous.cue.end).end if previous.cue else previous_end
        for token in self.doc[self.r.token(previous_end):self.r.token(quote.open_mark)]:
            if token.idx < max(previous_end, told) or self.r.in_quote(token.idx):
                continue
            if _is_reporting(token):
                return False
            if token.ent_type_ in ("PERSON", "ORG"):
                entity = self.r.index.entity_at(token.idx, token.idx + len(token))
                if entity is None or entity.id != previous.speaker.entity_id:
                    return False
        return True

    def reported_before(self, quote: QuotedSpan) -> _Attribution | None:
        """A quote right after a sentence that reports someone speaking is theirs ("… Russia over Syria, Schiff
        said. “The other factor …”"): the sentence's last reporting verb outside quote marks, and its subject."""
        starts = self.r.sent_starts
        k = bisect.bisect_right(starts, quote.open_mark) - 1
        if k < 1 or self.text[starts[k]:quote.open_mark].strip() or _content_words(quote.text(self.text)) < 2:
            return None
        sentence = self.doc[self.r.token(starts[k - 1]):self.r.token(starts[k])]
        for verb in reversed(sentence):
            if _is_reporting(verb) and not self.r.in_quote(verb.idx):
                subject = self.r.subject(verb)
                if subject is None or self.r.in_quote(subject.idx):
                    return None
                return _Attribution(self.r.speaker(subject), self.r.cue(verb), quote.close_mark, "floating")
        return None

    def partial(self, quote: QuotedSpan) -> _Attribution | None:
        if _looks_like_title(quote.text(self.text)) and not self.title_case_line(quote):
            return None  # a work or show title in quotes: “Face the Nation”, “Contract with America”
        if self.named(quote):
            return None
        found = self.governing(quote)
        if found is None:
            return None
        verb, clause = found
        subject = self.r.subject(verb)
        if subject is None or clause.dep_ in SUBJECTS:
            return None
        speaker = self.r.speaker(subject)
        start = min(clause.left_edge.idx, quote.open_mark)
        right = _clause_end(clause)
        end = max(right.idx + len(right), quote.close_mark + 1)
        while end > start and (self.text[end - 1] in ",.;: " and end - 1 != quote.close_mark):
            end -= 1
        content = TextSpan(start=start, end=end, text=self.text[start:end])
        attribution = _Attribution(speaker, self.r.cue(verb), verb.idx + len(verb), "partial")
        self.quotes.append(("partial", list(quote.segments), content, attribution))
        return attribution

    def named(self, quote: QuotedSpan) -> bool:
        """The quoted term is introduced as a name ("so-called", "known as the"), not as someone's words."""
        words = self.text[max(0, quote.open_mark - 40):quote.open_mark].lower().split()
        if words and words[-1] in NAMING_DETERMINERS:
            words.pop()
        return " ".join(words).endswith(NAMING_PHRASES)

    def indirect(self) -> None:
        """Reported speech without quote marks: the clausal complement of a reporting verb, the
        stated intention or position of a verb of stance, a statement noun's clause, and the
        clause an "according to" phrase attaches to."""
        for i in self.candidates():
            token = self.doc[i]
            if token.lower_ == "according" and token.dep_ == "prep":
                self.according_clause(token)
                continue
            if self.r.in_quote(token.idx):
                continue
            lemma = token.lemma_.lower()
            if token.pos_ == "NOUN" and lemma in STATEMENT_NOUNS:
                self.statement_noun(token)
                continue
            if token.pos_ not in ("VERB", "AUX"):
                continue
            found = False
            for clause in token.children:
                # Any verb's that-clause states a position ("hopes that", "means that"); a
                # reporting verb's clause needs no "that".
                marked = lemma in REPORTING or any(c.dep_ == "mark" for c in clause.children)
                if clause.dep_ == "ccomp" and marked and self.reported_clause(token, clause):
                    found = True
                    self.add_indirect(token, clause.left_edge.i, _clause_end(clause).i)
            if lemma in SPEECH_VERBS:
                clause = _complement_parsed_as_relative(token)
                if clause is not None:
                    found = True
                    self.add_indirect(token, clause.left_edge.i, _clause_end(clause).i)
            if found:
                continue
            if token.dep_ == "parataxis" and lemma in SPEECH_VERBS:
                self.parenthetical(token)
                continue
            addressee = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
            if lemma in DIRECTIVE_VERBS and addressee is not None:
                instruction = next((c for c in token.children if c.dep_ == "xcomp" and c.i > addressee.i), None)
                if instruction is not None:
                    # "urged North Korea to resume talks": the addressee and the instruction, once; urge is
                    # also a verb of intention and of object, and those readings would report the same words.
                    self.add_indirect(token, addressee.left_edge.i, instruction.right_edge.i)
                    continue
            for child in token.children:
                if child.dep_ == "xcomp" and lemma in INTENT_VERBS and child.i > token.i:
                    self.add_indirect(token, child.left_edge.i, child.right_edge.i)
                elif child.dep_ == "dobj" and lemma in OBJECT_VERBS:
                    # "described the showdown as ominous": the object and what it is called
                    end = max([child.right_edge.i] + [
                        c.right_edge.i for c in token.rights if c.dep_ in ("oprd", "xcomp") or c.lower_ == "as"
                    ])
                    self.add_indirect(token, child.left_edge.i, end)
                elif child.dep_ == "prep" and (lemma, child.lower_) in PREPOSITION_CUES:
                    objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                    if objects:
                        self.add_indirect(token, objects[0].left_edge.i, objects[0].right_edge.i)

    def candidates(self) -> list[int]:
        """Tokens that can cue reported speech, found from the token arrays."""
        if not len(self.doc):
            return []
        strings = self.doc.vocab.strings
        words = REPORTING | INTENT_VERBS | OBJECT_VERBS | STATEMENT_NOUNS | {verb for verb, _ in PREPOSITION_CUES}
        rows = self.doc.to_array([LOWER, LEMMA, DEP, HEAD])
        hits = among(rows[:, 1], words, strings) | (rows[:, 0] == numpy.uint64(strings["according"]))
        # The head of every clausal complement: any verb with a that-clause may report one.
        clauses = numpy.flatnonzero(rows[:, 2] == numpy.uint64(strings["ccomp"]))
        heads = clauses + rows[clauses, 3].astype(numpy.int64)  # HEAD is an offset stored unsigned
        return sorted(set(numpy.flatnonzero(hits).tolist()) | set(heads.tolist()))

    def speaker_labels(self) -> None:
        """"NAME: words" lines (headlines, transcripts) attribute the words to the name."""
        start = 0
        for line in self.text.split("\n"):
            match = SPEAKER_LABEL.match(line)
            if match and not (self.r.in_quote(start + match.start(2)) and match.start(1) == 0):
                name_start, name_end = start + match.start(1), start + match.end(1)
                head = self.doc[self.r.token(name_end - 1)]
                if head.pos_ in ("PROPN", "NOUN") and not any(
                    t.pos_ == "VERB" for t in self.doc[self.r.token(name_start):head.i + 1]
                ):
                    colon = self.doc[self.r.token(name_end)]
                    cue = self.r.cue(colon, lemma=":")
                    speaker = self.r.speaker_span(name_start, name_end, head)
                    first, last = self.r.token(start + match.start(2)), self.r.token(start + match.end(2) - 1)
                    self.add_indirect(None, first, last, _Attribution(speaker, cue, cue.end, "colon"))
            start += len(line) + 1

    def reported_clause(self, verb: Token, clause: Token) -> bool:
        """A complement before its verb is reported only in the "CLAUSE, X said" order, and one
        that is a direct quote was handled with the quote."""
        if clause.i < verb.i:
            between = self.text[clause.right_edge.idx:verb.idx]
            if "," not in between or ":" in between:
                return False
            # “…,” he said: a direct quote closing between the clause and the verb is what the
            # verb reports, not the clause around it.
            i = bisect.bisect_left(self.r.quote_opens, clause.left_edge.idx)
            for quote in self.r.quoted[i:i + 3]:
                if quote.close_mark < verb.idx and self.stands_alone(quote, self.lead(quote)):
                    return False
        holder = self.r.in_quote(clause.idx)
        first, last = clause.left_edge, clause.right_edge
        return holder is None or not (holder.open_mark <= first.idx and last.idx <= holder.close_mark + 1)

    def statement_noun(self, noun: Token) -> None:
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i), None)
        if clause is None or not any(c.dep_ == "mark" for c in clause.children):
            return  # "the claim that …" reports; "the report released Monday" does not
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        speaker = self.r.speaker(owner) if owner is not None else None
        attribution = _Attribution(speaker, self.r.cue(noun), noun.idx + len(noun), "belief")
        self.add_indirect(None, clause.left_edge.i, clause.right_edge.i, attribution)

    def according_clause(self, according: Token) -> None:
        head = according.head
        if head.i == according.i or self.r.in_quote(according.idx):
            return
        phrase = according.subtree
        skip = {t.i for t in phrase}
        tokens = [t for t in head.subtree if t.i not in skip]
        runs: list[list[Token]] = []
        for t in tokens:
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        run = max(runs, key=len)
        to = next((c for c in according.children if c.lower_ == "to"), according)
        attribution = self.according(according, to)
        if attribution is not None:
            self.add_indirect(None, run[0].i, run[-1].i, attribution)

    def parenthetical(self, verb: Token) -> None:
        """"Acts of protest, Mr. Obama said, are acts of patriotism": an attribution set off by commas
        inside the sentence it reports. The parser hangs it on the sentence's verb as parataxis; the
        content is the rest of the sentence, one span on each side of the attribution."""
        doc = self.doc
        words = [t for t in verb.subtree if not (t.is_punct or t.is_space)]
        subject = self.r.subject(verb)
        if subject is None or not words[0].i <= subject.i <= words[-1].i:
            return
        before = doc[words[0].i - 1] if words[0].i else None
        after = doc[words[-1].i + 1] if words[-1].i + 1 < len(doc) else None
        if before is None or before.text != "," or (after is not None and after.text not in {",", *SENTENCE_END}):
            return
        first, last = self.own_sentence(verb.i, verb.sent.start, verb.sent.end - 1)
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        if self.r.in_quote(start) or any(
            kind == "direct" and spans[0][0] < end and start < spans[-1][1] for kind, spans, _, _ in self.quotes
        ):
            return  # a direct quote in the sentence: the quote passes attribute it
        spans = []
        for lo, hi in ((first, before.i - 1), (words[-1].i + 2, last)):
            lo, hi = _without_edge_punctuation(doc, lo, hi)
            if lo <= hi:
                spans.append((doc[lo].idx, doc[hi].idx + len(doc[hi])))
        if not spans or sum(_content_words(self.text[a:b]) for a, b in spans) < MIN_REPORTED_WORDS:
            return
        attribution = _Attribution(self.r.speaker(subject), self.r.cue(verb), verb.idx + len(verb), "indirect")
        self.quotes.append(("indirect", spans, None, attribution))

    def own_sentence(self, cue: int, first: int, last: int) -> tuple[int, int]:
        """Keeps reported content within the cue's sentence and paragraph: the parser sometimes
        hangs earlier sentences on a verb ("… couldn't.\n\nLenox was a juggernaut, he said")."""
        doc = self.doc
        first, last = max(first, cue - MAX_REPORTED_TOKENS), min(last, cue + MAX_REPORTED_TOKENS)
        for i in range(cue - 1, first - 1, -1):
            if doc[i].text in SENTENCE_END or "\n" in doc[i].text_with_ws:
                first = i + 1
                break
        for i in range(cue + 1, last + 1):
            if doc[i].text in SENTENCE_END or "\n" in doc[i].text:
                last = i - 1
                break
        return first, last

    def add_indirect(
        self, verb: Token | None, first: int, last: int, attribution: _Attribution | None = None
    ) -> None:
        doc = self.doc
        if verb is not None:
            first, last = self.own_sentence(verb.i, first, last)
        first, last = _without_edge_punctuation(doc, first, last, keep_last=CLOSING_MARKS)
        if last < first or _content_words(doc[first:last + 1].text) < MIN_REPORTED_WORDS:
            return
        if attribution is None and verb is not None:
            subject = self.r.subject(verb)
            if subject is not None and first <= subject.i <= last:
                return
            speaker = self.r.speaker(subject) if subject is not None else None
            how = "indirect" if verb.lemma_.lower() in SPEECH_VERBS else "belief"
            attribution = _Attribution(speaker, self.r.cue(verb), verb.idx + len(verb), how)
        if attribution is None:
            return
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        self.quotes.append(("indirect", [(start, end)], None, attribution))

    def results(self) -> list[Quote]:
        order = {"direct": 0, "partial": 1, "indirect": 2}
        rows = sorted(self.quotes, key=lambda q: (q[1][0][0], order[q[0]]))
        quotes = []
        for kind, spans, content, found in rows:
            start, end = spans[0][0], spans[-1][1]
            confidence = CONFIDENCE["partial"] if kind == "partial" else CONFIDENCE.get(found.how, 0.6)
            if found.speaker is None:
                confidence *= 0.7
            elif found.speaker.name is None:
                confidence *= 0.85
            quotes.append(
                Quote(
                    id=f"q{len(quotes) + 1}",
                    type=kind,  # type: ignore[arg-type]
                    start=start,
                    end=end,
                    text=" ".join(self.text[s:e] for s, e in spans),
                    spans=spans,
                    content=content,
                    speaker=found.speaker,
                    cue=found.cue,
                    sentence=self.r.sentence(start, end),
                    confidence=round(confidence, 3),
                )
            )
        return quotes


def _labels(verb: Token, as_phrase: Token) -> bool:
    """The verb has something before its "as" phrase to apply the label to ("dismissed the plan as",
    "went after Trump as"); "served as 'acting director'" has not, and gives a title, not a label."""
    return any(
        child.dep_ in ("dobj", "prep") and child.i < as_phrase.i for child in verb.children if child.i != as_phrase.i
    )


def _without_edge_punctuation(doc: Doc, first: int, last: int, keep_last: str = "") -> tuple[int, int]:
    """The token range first..last without punctuation and whitespace at its ends; a last token found in
    keep_last stays."""
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in keep_last:
        last -= 1
    return first, last


def _complement_parsed_as_relative(verb: Token) -> Token | None:
    """"told a meeting of leaders that few people understood …": the parser often hangs the that-clause
    on the object as a relative clause. A relative clause has no "that" marker (its "that" is a subject
    or object), so a marked one is the verb's complement."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    for noun in objects:
        for token in noun.subtree:
            if token.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
                return token
    return None


def find_quotes(doc: Doc, entities: EntityIndex, join_follow_ups: bool = False) -> list[Quote]:
    finder = _QuoteFinder(doc, entities, join_follow_ups)
    finder.run()
    finder.indirect()
    finder.speaker_labels()
    return finder.results()
