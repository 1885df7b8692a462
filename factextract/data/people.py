"""Words about people: pronouns, titles, role nouns and gender cues for resolving speakers.

Written for factextract from English grammar (personal pronouns), news style guides (AP style
courtesy and official titles) and common role nouns in political and business reporting.
The given-name lists join a small hand-picked sample of names in US political news to
first_names.tsv, derived from the nomquamgender name-gender data (MIT; see README.md in this folder);
they only break ties between a "he" and a "she", and an unknown name is compatible with both.
"""

from __future__ import annotations

from itertools import compress
from pathlib import Path

FIRST_NAMES_FILE = Path(__file__).resolve().parent / "first_names.tsv"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves", "we", "us", "our"})
PERSONAL_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | {"i", "me", "my", "you", "it", "its"}
# Relative pronouns as speakers ("a senator who said") resolve to the noun they modify.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

# Courtesy and official titles written before a name ("Mr. Ruiz", "Sen. Price", "Dr. Shah").
TITLES = _words(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. sen sen. rep rep.
    gov gov. gen gen. col col. lt lt. capt capt. sgt sgt. adm adm. pres pres. st st.
    president vice senator governor mayor minister secretary chancellor premier prime king queen
    prince princess pope judge justice representative congressman congresswoman chairman
    chairwoman chair speaker ambassador general colonel captain sergeant officer detective
    sheriff chief coach professor doctor director commissioner councilman councilwoman
    councillor councilor attorney superintendent inspector bishop cardinal rabbi imam father
    sister brother resident candidate nominee leader spokesman spokeswoman spokesperson
    """
)

MALE_TITLES = _words("mr mr. sir lord king prince congressman chairman councilman spokesman father brother")
FEMALE_TITLES = _words(
    "mrs mrs. ms ms. miss dame lady queen princess congresswoman chairwoman councilwoman spokeswoman sister"
)

# Nouns that describe a person by role: "the spokesman", "the senator", "his colleague" can
# corefer with a named person the article introduced with that role.
ROLE_NOUNS = _words(
    """
    spokesman spokeswoman spokesperson official officer minister president senator governor mayor
    secretary chancellor premier leader chief chairman chairwoman chair director executive ceo
    founder manager adviser advisor aide candidate nominee lawmaker legislator congressman
    congresswoman representative ambassador diplomat envoy general commander judge justice
    attorney lawyer prosecutor investigator detective sheriff police analyst economist expert
    researcher scientist professor doctor physician nurse engineer farmer resident owner worker
    activist organizer strategist pollster consultant campaign manager colleague author writer
    reporter journalist editor columnist host anchor moderator coach player student teacher
    prime king queen prince pope bishop rabbi imam priest pastor republican democrat mogul
    billionaire businessman businesswoman candidate veteran father mother son daughter wife husband
    girlfriend boyfriend woman man
    """
)

# Frequent given names of the people in US political news, picked by hand. Only these make a name of one
# word a given name ("Kevin said"); any other one-word name is taken for a surname.
COMMON_MALE_NAMES = _words(
    """
    aaron adam alan albert alex alexander andrew anthony antonio arthur barack ben benjamin bernie bill
    bob brian bruce carl carlos charles chris christopher chuck dan daniel dave david dennis dick
    dmitry don donald doug douglas ed edward eric frank fred gary george gerald greg gregory harry
    henry ian jack jacob james jason jeb jeff jeffrey jeremy jerry jim jimmy joe john jon jonathan
    jose joseph josh juan justin keith ken kenneth kevin larry lindsey marco mark martin matt matthew
    michael mike mitch nathan nicholas nick patrick paul peter phil philip ralph ray raymond reince
    richard rick rob robert roger ron ronald rudy russell ryan sam samuel scott sean stephen steve
    steven ted thomas tim timothy todd tom tony vladimir walter wayne william xi
    """
)
COMMON_FEMALE_NAMES = _words(
    """
    alice amanda amy ana angela ann anna anne barbara betsy betty carly carol caroline catherine
    cheryl christine claire dana deborah debbie diana diane donna dorothy elizabeth ellen emily emma
    gennifer hillary helen huma jane janet jennifer jessica jill joan joanne julia julie karen kate
    katherine kathleen kathy kelly kellyanne kim laura lauren leila linda lisa loretta lynn margaret
    maria marie martha mary megyn melania melanie michelle monica nancy nicole nikki olivia pamela
    patricia rachel rebecca ruth sally samantha sandra sara sarah sharon stephanie susan suzanne
    theresa tina tulsi valerie victoria virginia wendy
    """
)


def _first_names(path: Path = FIRST_NAMES_FILE) -> tuple[frozenset[str], frozenset[str]]:
    """The male and the female given names of the derived list: "#" header lines, then "name<TAB>m|f" lines."""
    body = path.read_text(encoding="utf-8").rpartition("\n#")[2].partition("\n")[2]
    words = body.split()
    names, genders = words[0::2], words[1::2]
    return frozenset(compress(names, map("m".__eq__, genders))), frozenset(compress(names, map("f".__eq__, genders)))


_LISTED_MALE_NAMES, _LISTED_FEMALE_NAMES = _first_names()
# The hand list wins where the two disagree: it is about the people the engine's news names, and a count
# over whole populations may give their given name the other gender (a man named Shannon) or call it ambiguous.
MALE_NAMES = COMMON_MALE_NAMES | (_LISTED_MALE_NAMES - COMMON_FEMALE_NAMES)
FEMALE_NAMES = COMMON_FEMALE_NAMES | (_LISTED_FEMALE_NAMES - COMMON_MALE_NAMES)

# Nouns for groups of people and for bodies that speak as one: "officials said", "the ministry said",
# "critics argue". With ROLE_NOUNS they are the nouns that can be the subject of a report; a head noun
# outside them ("the campaign" of bombs, "the fact", "the ad") reports nothing. Written for factextract
# from the speakers of news attribution (PARC/PolNeAR source types: people, groups, organizations).
GROUP_NOUNS = _words(
    """
    people person man woman men women voter supporter critic opponent observer member fan citizen
    protester protestor demonstrator parent child kid teen family neighbor neighbour friend witness victim
    survivor immigrant refugee american conservative liberal progressive independent insider source
    aide staffer staff employee executive worker union delegate elector participant respondent
    supporter backer donor group team crew panel jury committee commission council board court unit
    police administration government ministry department agency office bureau service authority
    organization organisation company firm bank corporation business network newspaper paper outlet
    station party parliament congress senate house assembly legislature lawmaker regulator prosecutor
    military army navy spokesperson spokesman spokeswoman representative lawyer attorney official
    official officer leader everyone everybody someone somebody anyone anybody nobody one many some
    few several both others other majority most all each environmentalist speechwriter contender
    questioner administrator mate partner surrogate proponent developer client relative successor
    nation state country city college university school
    """
)
# Of these, the nouns for one body rather than persons: "the ministry said" is the ministry speaking.
ORGANIZATION_NOUNS = _words(
    """
    police administration government ministry department agency office bureau service authority
    organization organisation company firm bank corporation business network newspaper paper outlet
    station party parliament congress senate house assembly legislature military army navy union
    committee commission council board court team group panel jury campaign unit
    """
)
# Documents and findings: a source of reported findings ("a 2014 study found that …", "the poll shows")
# with a verb of evidence or saying, never the speaker of a quote.
DOCUMENT_NOUNS = _words(
    """
    report study poll survey analysis review research data document letter memo statement editorial
    article website site transcript video footage ad advertisement record filing complaint lawsuit
    email audit investigation assessment estimate projection model
    """
)
# Pronouns that name a person or a group of people; "it" and "its" never do.
PERSON_PRONOUNS = frozenset(
    {"i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "who", "whom", "myself",
     "ourselves", "yourself", "himself", "herself", "themselves", "one", "someone", "everyone", "nobody"}
)

# Nouns for someone who speaks for a body: "a spokesman for Google", "a Google spokeswoman" speak as Google.
SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "official"})
# Gendered role nouns: an unnamed "spokeswoman" or "girlfriend" who is the subject before a "she" is
# who "she" means, not a person named further back.
FEMALE_NOUNS = frozenset(
    {"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "councilwoman", "woman", "girlfriend",
     "wife", "mother", "daughter", "sister", "girl", "lady", "queen", "princess", "actress", "widow"}
)
MALE_NOUNS = frozenset(
    {"spokesman", "chairman", "congressman", "businessman", "councilman", "man", "boyfriend", "husband",
     "father", "son", "brother", "boy", "king", "prince", "actor", "widower"}
)
