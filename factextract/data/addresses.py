"""Street types that follow a house number in an English address ("10 Downing Street", "1600 Pennsylvania Ave.").

Written for factextract from the USPS street suffix abbreviations (Publication 28, appendix C1) and the UK's
common road names; only those news addresses use.
"""

from __future__ import annotations

STREET_TYPES = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "boulevard", "blvd", "drive", "dr", "way",
    "place", "pl", "square", "sq", "court", "ct", "terrace", "crescent", "close", "parkway", "pkwy", "highway",
    "hwy", "row", "gardens", "mews", "circle", "plaza",
})
