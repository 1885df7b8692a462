"""Holidays a news story names instead of a date ("on Election Day", "by Christmas", "the Labor Day weekend").

Written for factextract from the US federal holidays (5 U.S.C. 6103), the US general election day (2 U.S.C. 7) and
days English-language news commonly dates by. A fixed holiday is its (month, day); a moving one is (month, weekday,
nth), weekday 0 for Monday and nth -1 for the last in the month, with a day offset for the day it follows.
"""

from __future__ import annotations

from typing import NamedTuple


class Moving(NamedTuple):
    month: int
    weekday: int  # 0 Monday ... 6 Sunday
    nth: int  # 1 the first such weekday of the month, -1 the last
    offset: int = 0  # days after that weekday ("the Tuesday after the first Monday")


FIXED: dict[str, tuple[int, int]] = {
    "New Year's Day": (1, 1), "New Year’s Day": (1, 1), "Valentine's Day": (2, 14), "Valentine’s Day": (2, 14),
    "St. Patrick's Day": (3, 17), "St. Patrick’s Day": (3, 17), "Independence Day": (7, 4),
    "Bastille Day": (7, 14), "Inauguration Day": (1, 20), "Halloween": (10, 31), "Veterans Day": (11, 11),
    "Armistice Day": (11, 11),
    "Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Christmas": (12, 25), "Boxing Day": (12, 26),
    "New Year's Eve": (12, 31), "New Year’s Eve": (12, 31),
}

MOVING: dict[str, Moving] = {
    "Martin Luther King Jr. Day": Moving(1, 0, 3), "Martin Luther King Day": Moving(1, 0, 3),
    "MLK Day": Moving(1, 0, 3), "Presidents Day": Moving(2, 0, 3), "Presidents' Day": Moving(2, 0, 3),
    "Presidents’ Day": Moving(2, 0, 3), "Mother's Day": Moving(5, 6, 2), "Mother’s Day": Moving(5, 6, 2),
    "Memorial Day": Moving(5, 0, -1), "Father's Day": Moving(6, 6, 3), "Father’s Day": Moving(6, 6, 3),
    "Labor Day": Moving(9, 0, 1), "Columbus Day": Moving(10, 0, 2), "Election Day": Moving(11, 0, 1, 1),
    "election day": Moving(11, 0, 1, 1),
    "Thanksgiving Day": Moving(11, 3, 4), "Thanksgiving": Moving(11, 3, 4), "Black Friday": Moving(11, 3, 4, 1),
}

# Days that name a past event in US news when they modify that event's nouns ("Sept. 11 conspiracy theories", "the
# 9/11 attacks"): the event's own date, not this year's. Written as the date rules see them (month, day), and the
# nouns that make the day the event's name.
EVENT_DAYS: dict[tuple[int, int], str] = {(9, 11): "2001-09-11"}
EVENT_NOUNS = ("attack", "attacks", "attackers", "hijackers", "hijackings", "terrorist", "terrorists", "terror",
               "conspiracy", "commission", "victims", "families", "era", "plot", "plotters", "responders", "truthers")
