"""Attribution cues: reporting verbs, non-verbal cues and quote marks.

Written for factextract from the reporting-verb lists of English grammars (Quirk et al. on
reporting clauses; the attribution cue types of the PARC/PolNeAR annotation guidelines) and
from what news wire style uses; lemmas, as spaCy's English lemmatizer gives them.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

# Verbs that report what someone said or wrote: a quote next to one of them is attributed to
# its subject, and their clausal complement is reported speech.
SPEECH_VERBS = _words(
    """
    say tell add ask answer reply respond insist argue claim assert contend maintain state declare
    announce explain note observe remark comment warn caution stress emphasize emphasise acknowledge
    admit concede confirm deny allege report write tweet post testify recall suggest predict promise
    pledge vow vouch complain protest urge demand agree disagree concur counter continue conclude
    reiterate repeat shout yell scream cry whisper mutter joke quip boast brag lament grumble
    exclaim chant sing preach proclaim reveal disclose indicate point mention describe call tout
    estimate forecast predict project speculate guess surmise theorize hint imply signal caution
    advise recommend propose accuse charge blast slam criticize criticise praise mock question
    challenge dispute rebut retort fire shoot snap scoff sniff sigh plead beg read
    """
)

# Verbs of belief, knowledge and evidence: PolNeAR-style attribution also covers them, so their
# clausal complement is reported (indirect) content, but they do not introduce a direct quote.
THOUGHT_VERBS = _words(
    """
    believe think feel know expect hope fear worry doubt find show reveal learn understand
    suspect conclude decide determine assume suppose reckon figure realize realise recognize
    """
)

# Multi-word prepositional cues: "according to X", and the "as X put it" family is left to verbs.
ACCORDING_TO = ("according", "to")

# Verb particles that belong to the cue: "pointed out", "called for", "went on".
CUE_PARTICLES = frozenset({"out", "on", "for", "up", "back", "off"})

# Quote marks. Double marks open and close quotes; single marks only do so outside a double
# quote (nesting) or in headlines, and a single mark between letters is an apostrophe.
DOUBLE_OPEN = frozenset("“„«")
DOUBLE_CLOSE = frozenset("”»")
DOUBLE_AMBIGUOUS = frozenset('"')
SINGLE_OPEN = frozenset("‘‹")
SINGLE_CLOSE = frozenset("’›")
SINGLE_AMBIGUOUS = frozenset("'")
QUOTE_MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_AMBIGUOUS | SINGLE_OPEN | SINGLE_CLOSE | SINGLE_AMBIGUOUS

# Words before a quoted term that make it the writer's name for a thing, not anyone's words:
# "so-called ''quiet hours'' rules", "what has become known as the ''harbor rule''".
NAMING_PHRASES = ("so-called", "so called", "known as")
NAMING_DETERMINERS = frozenset({"a", "an", "the"})

# Dashes that attribute a quote to the name after them: “…” — Coach Dana Wells.
ATTRIBUTION_DASHES = frozenset({"—", "―", "–", "--"})

# Beyond verbs of saying, attribution (PARC/PolNeAR) covers stated intentions and positions.
# Verbs whose infinitive complement is the stated intention: "agreed to lend", "vowed to fight".
INTENT_VERBS = _words(
    "agree refuse decline vow promise pledge threaten plan hope intend urge ask call propose demand aim"
)
# Verbs that report an instruction as object plus infinitive: "told her staff to find a way".
DIRECTIVE_VERBS = _words("tell ask urge exhort order instruct advise encourage remind direct press implore beg warn")
# Verbs whose object is the reported statement or position: "cited unkind remarks".
# Left out on the PolNeAR dev split: verbs whose object is more often a thing than a statement
# ("released his tax returns", "accepted the nomination", "sought office", "unveiled a plan", "backed Ruiz",
# "found ways", "attacked the fort", "discussed the test"); "want", "seek" and "offer" state wishes, not words.
OBJECT_VERBS = _words(
    "cite reject criticize criticise dispute deny acknowledge propose announce defend question praise endorse "
    "oppose welcome condemn blame describe recommend reveal "
    "tout predict blast slam mention highlight note call paint label document show "
    "decry denounce applaud hail suggest urge demand request plan promise "
    "pledge vow mock ridicule charge compare liken characterize characterise portray laud extol"
)
# Verbs of naming report only what the object is called: "called him a liar" reports, "called a meeting" does not.
NAMING_VERBS = _words("call label dub brand term")
# Verb and preposition pairs whose object is what was said: "talked about", "pointed to", "called for".
PREPOSITION_CUES = frozenset(
    {
        ("talk", "about"), ("speak", "about"), ("speak", "of"), ("point", "to"), ("call", "for"),
        ("call", "on"), ("warn", "of"), ("warn", "against"), ("warn", "about"), ("complain", "about"),
        ("argue", "for"), ("argue", "against"), ("push", "for"), ("ask", "for"), ("insist", "on"),
        ("comment", "on"), ("joke", "about"), ("boast", "about"), ("brag", "about"), ("worry", "about"),
        ("testify", "about"), ("write", "about"), ("tweet", "about"), ("rail", "against"), ("lash", "out"),
    }
)
# Nouns whose clause is a reported statement: "his claim that …", "suggestions that …".
STATEMENT_NOUNS = _words(
    "claim statement suggestion assertion argument belief view promise pledge warning report allegation "
    "accusation charge insistence contention notion fear hope assurance announcement remark comment "
    "prediction argument declaration admission denial"
)

# A line opening with a short capitalised name and a colon attributes the rest of the line to it:
# headlines ("Ana Ortiz: Voters Tired …") and transcripts ("RUIZ: Let me be clear, …").
SPEAKER_LABEL = re.compile(r"^[\"“'‘]?((?:[A-Z][\w.'’-]*\s){0,2}[A-Z][\w.'’-]*):\s+(\S.*\S)\s*$")

# Nouns of a work whose title may follow in quote marks: 'In her 2019 memoir, “Rivers of Salt,” Ms. Ortiz wrote …'
# names the book; the words are nobody's statement, whatever verb follows.
WORK_NOUNS = frozenset(
    {
        "book", "memoir", "novel", "biography", "film", "movie", "documentary", "album", "song", "single", "show",
        "series", "programme", "program", "play", "musical", "column", "essay", "article", "op-ed", "poem",
        "podcast", "episode", "report", "study", "paper", "headline", "title", "titled", "entitled",
    }
)
