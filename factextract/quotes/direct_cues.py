"""How a quote that stands alone is attributed: a reporting verb after it (“…,” she said / said Tom Reyes) or
before it (He told reporters, “…” / The minister said: “…”), a bare colon (Mayor: ‘…’), a dash (“…” — Dana
Wells), or a paragraph of its own that ends in a colon ("And from Chairwoman Ruiz:")."""

from __future__ import annotations

from spacy.tokens import Token

from factextract.data.cues import ATTRIBUTION_DASHES
from factextract.models import Cue
from factextract.quotes.draft import Attribution
from factextract.quotes.grammar import SENTENCE_END, is_reporting
from factextract.quotes.speakers import Speakers
from factextract.text import QuotedSpan


class DirectCues:
    def __init__(self, speakers: Speakers) -> None:
        self.speakers = speakers
        self.view = speakers.view
        self.text = speakers.text

    def after(self, quote: QuotedSpan, trail: list[Token]) -> Attribution | None:
        if not trail:
            return None
        mark = self.view.doc[self.view.token_index(quote.close_mark)]
        if mark.text[-1] in ATTRIBUTION_DASHES:
            return self.dash(mark, trail)  # “…”― Name: the tokenizer glues a dash to the closing mark
        first = trail[0]
        if first.text in ATTRIBUTION_DASHES:
            return self.dash(first, trail[1:])
        ends_sentence = self.text[quote.end - 1:quote.end] in SENTENCE_END and self.text[quote.end - 1] == "."
        for n, token in enumerate(trail):
            if token.lower_ == "according" and n + 1 < len(trail) and trail[n + 1].lower_ == "to":
                return self.speakers.according(token, trail[n + 1])
            if token.pos_ in ("VERB", "AUX") and not is_reporting(token):
                # A verb inside the speaker's description ("one of the towns suing the water board") or a
                # capitalised word the tagger took for a verb ("Millbrook police Chief") does not end the search.
                describes = token.dep_ in ("aux", "auxpass", "acl", "relcl", "amod")  # "a Singapore-based"
                if not describes and (ends_sentence or not token.text[:1].isupper()):
                    return None  # another clause comes first: "… ,” which means …"
                continue
            if not is_reporting(token):
                continue
            if ends_sentence and any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
                return None  # “… .” He said that …: a new sentence with its own report
            return self._told_after(quote, trail, token)
        return None

    def _told_after(self, quote: QuotedSpan, trail: list[Token], verb: Token) -> Attribution:
        subject = self.speakers.subject(verb)
        if subject is not None and quote.open_mark <= subject.idx <= quote.close_mark:
            subject = None
        if subject is None:
            # Without a parsed subject, a person named before the verb is the best guess, then the first noun.
            before_verb = [t for t in trail if t.i < verb.i]
            subject = next((t for t in before_verb if t.ent_type_ == "PERSON"), None) or next(
                (t for t in trail if t.pos_ in ("PROPN", "PRON", "NOUN") and t.i != verb.i), None
            )
            while subject is not None and subject.dep_ == "compound" and subject.i < subject.head.i < verb.i:
                subject = subject.head  # "Rep. Ana M. Ortiz": the name, not its title
        speaker = self.speakers.speaker(subject) if subject is not None else None
        end = max(verb.idx + len(verb), speaker.end if speaker else 0)
        return Attribution(speaker, self.speakers.cue(verb), end, "verb")

    def before(self, lead: list[Token]) -> Attribution | None:
        if not lead:
            return None
        last = lead[-1]
        verbs = [t for t in lead if is_reporting(t)]
        if last.text == ":":
            verbs = verbs or [t for t in lead if t.pos_ == "VERB" and self.speakers.subject(t) is not None]
            if not verbs:
                return self.colon(lead)
        elif last.text not in (",", "—", "―", "–") and not is_reporting(last):
            return None
        if not verbs:
            # According to Ortiz, “…”
            if len(lead) > 2 and lead[0].lower_ == "according" and lead[1].lower_ == "to" and last.text == ",":
                return self.speakers.according(lead[0], lead[1]).ending_at(last.idx + len(last))
            return None
        verb = verbs[-1]
        subject = self.speakers.subject(verb)
        speaker = self.speakers.speaker(subject) if subject is not None else None
        return Attribution(speaker, self.speakers.cue(verb), last.idx + len(last), "verb")

    def colon(self, lead: list[Token]) -> Attribution | None:
        """“Mayor: ‘…’”: a short noun phrase and a colon, no verb."""
        phrase = lead[:-1]
        nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN")]
        if not nouns or len(phrase) > 6 or any(t.pos_ == "VERB" for t in phrase):
            return None
        head = nouns[-1]
        mention = self.speakers.entities.mention_at(phrase[0].idx, head.idx + len(head))
        if mention is not None:
            speaker = self.speakers.speaker_span(mention.start, mention.end, head)
        else:
            start = next(t for t in phrase if not t.is_punct and t.pos_ not in ("CCONJ", "ADP", "ADV"))
            speaker = self.speakers.speaker_span(start.idx, head.idx + len(head), head)
        return Attribution(speaker, self.speakers.cue(lead[-1], lemma=":"), lead[-1].idx + 1, "colon")

    def dash(self, dash: Token, rest: list[Token]) -> Attribution | None:
        names = [t for t in rest if t.pos_ == "PROPN"]
        if not names:
            return None
        speaker = self.speakers.named_span(names[0], names[-1])
        end = dash.idx + len(dash)
        start = end - len(dash.text.lstrip("”\"’'»"))  # the dash alone, not a closing mark glued to it
        cue = Cue(text=self.text[start:end], start=start, end=end, lemma=self.text[start:end])
        return Attribution(speaker, cue, speaker.end, "dash")

    def speaker_line(self, quote: QuotedSpan) -> Attribution | None:
        """A previous paragraph that ends in a colon ("And from Chairwoman Ruiz:") introduces the quote."""
        before = self.text[:quote.open_mark].rstrip()
        if not before.endswith(":") or "\n" not in self.text[len(before):quote.open_mark]:
            return None
        colon = self.view.token_index(len(before) - 1)
        line_start = before.rfind("\n") + 1
        lead = [t for t in self.view.doc[self.view.token_index(line_start):colon + 1] if not t.is_space]
        verbs = [t for t in lead if is_reporting(t)]
        if verbs and (subject := self.speakers.subject(verbs[-1])) is not None:
            speaker = self.speakers.speaker(subject)
            return Attribution(speaker, self.speakers.cue(verbs[-1]), len(before), "speaker_line")
        names = [t for t in lead if t.pos_ == "PROPN"]
        if not names:
            return None  # "Excerpts from the hearing below:" names nobody
        head = names[-1]
        mention = self.speakers.entities.mention_at(head.idx, head.idx + len(head))
        first = names[0]
        start, end = (min(mention.start, first.idx), mention.end) if mention else (first.idx, head.idx + len(head))
        return Attribution(self.speakers.speaker_span(start, end, head), None, len(before), "speaker_line")
