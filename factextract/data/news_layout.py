"""Patterns of English news layout that mark a line as furniture, not a statement about the world.

Where they come from: the conventions of wire and newspaper copy (AP and Reuters credit lines
"(AP Photo/Name)", "REUTERS/Name", "Getty Images"; AP Stylebook bylines "By NAME" and datelines
"CITY (AP) --"; the tag lines "... contributed to this report", "Reporting by ...; Editing by ...")
and of news web pages (promo and "read more" links, share and follow buttons, newsletter sign-ups).
They name no article's words: each is a form many publishers use. Matched case-insensitively
unless noted.
"""

from __future__ import annotations

import re

# A photo caption or credit: the credit forms agencies and papers print under a picture.
PHOTO_CREDIT = re.compile(
    r"\(\s*(?:[A-Z][\w.&' -]{0,30}\s)?(?:photo|image|picture|video)s?\s*(?:/|:|by\b|courtesy|credit)"
    r"|\b(?:AP|AFP|Reuters|EPA|Getty|Shutterstock|Alamy|Bloomberg|Pool)\s*(?:Photo|Images?|Video)\b"
    # Reuters' credit is in capitals ("REUTERS/Kevin Lamarque"); "Reuters/Ipsos" is a poll.
    r"|(?-i:\bREUTERS/[A-Z])"
    r"|^\s*(?:photo|photograph|image|picture|caption|credit|pictured|file photo)s?\s*(?:by\b|:|\|)"
    r"|\b(?:photo|image|video)\s*(?:credit|courtesy)\b"
    r"|\b(?:photo|picture|image)\s+by\s+[A-Z]",
    re.IGNORECASE,
)

# A byline or a tag line crediting the reporters or editors.
BYLINE = re.compile(
    # "By Maria Lopez and Ken Ito": names in capitals (case-sensitive) and nothing else on the line,
    # so "By now it is obvious ..." and "From afar, ..." stay sentences.
    r"^\s*(?:[Bb]y|BY|[Ww]ritten by)\s+(?-i:[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*)\s*$"
    r"|\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b"
    r"|\b(?:additional )?reporting by\b|\b(?:editing|writing|compiled|research) by\b"
    r"|^\s*(?:staff|associated press|senior|contributing|special) (?:writer|reporter|correspondent)s?\b"
    r"|^\s*\S+@\S+\.\w+\s*$",
    re.IGNORECASE,
)

# A dateline standing alone on its line: "WASHINGTON -", "DENVER, March 3 (UPI) --".
# Case-sensitive: the place is in capitals.
DATELINE_ALONE = re.compile(
    r"^\s*[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}"
    r"(?:\s*,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,2})?"
    r"(?:\s*\([A-Za-z ]+\))?\s*(?:-|--|—|–|:)?\s*$"
)

# A section label: "ABSTRACT.", "FULL TEXT", "UPDATE:" (case-sensitive: all capitals).
SECTION_LABEL = re.compile(r"^\s*[A-Z][A-Z &'-]{2,30}[.:]?\s*$")

# A promo or "read more" link, a related-story pointer, a call to subscribe or watch.
PROMO = re.compile(
    r"^\s*(?:read|see|watch|listen|click|tap|view|subscribe|sign up|get our|download|follow|like us|join us)\b"
    r"[^.!?]{0,80}(?:\bhere\b|:|>|»|\u2192|\bmore\b|\bstory\b|\barticle\b|\bvideo\b|\bnewsletter\b|\bapp\b)"
    r"|^\s*(?:read|see) (?:the )?(?:rest|more|full|original|whole)\b"
    r"|^\s*(?:related|more|also read|read more|see also|recommended|watch|listen|more on this)\s*[:>»|-]"
    r"|\bclick here\b|\bsign up for\b|\bsubscribe to\b|https?://|\bwww\.|\bpic\.twitter\.com/",
    re.IGNORECASE,
)

# Navigation and share buttons, page chrome.
NAVIGATION = re.compile(
    r"^\s*(?:share|tweet|email|print|comment|comments|save|copy link|next|previous|back to top|home|menu|"
    r"skip to (?:main )?content|advertisement|loading|close)\b[\s\w|/:•·-]{0,60}$"
    # "Follow him on Twitter", not "follow through on her budget pledge".
    r"|\bshare (?:this|on)\b|\bfollow (?:\S+ ){1,3}on (?:twitter|facebook|instagram|linkedin|tiktok|x)\b"
    r"|^\s*(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|email)(?:\s*[|/•·,]?\s*"
    r"(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|email|print))+\s*$"
    # "©" alone would also match mis-decoded accents ("protegÃ©s"): a copyright line starts with it or names a year.
    r"|^\s*(?:©|\(c\)|copyright\b)|©\s*\d{4}|\bcopyright \d{4}|\ball rights reserved\b",
    re.IGNORECASE,
)

# A line this short with no sentence-final mark is a label, list item, link or title, not a statement.
TITLE_LINE_MAX_WORDS = 12
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
QUESTION_END = re.compile(r"\?[\"'”’)\]]*\s*$")
# A headline restates the lede when this share of its content words recurs in the first sentences.
HEADLINE_LEDE_SENTENCES = 3
HEADLINE_RESTATED_SHARE = 0.5
