"""Temperature scales asked for without a number: the target of a conversion.

"convert 10 celsius to fahrenheit", "51 fahrenheit into degrees celsius", "fahrenheit to celsius", "how much
celsius": the scale after "to" or "into" (or after "how much") is the unit the writer wants the figure in.
It is reported as a quantity with that unit and no value, so a reader sees both sides of the conversion.
A scale name elsewhere ("the Fahrenheit scale", a book title) is left alone: only these structures count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factextract.data import units
from factextract.numbers import alternation

_SCALE_NAMES = {form: unit for form, unit in units.WORDS.items() if unit in units.TEMPERATURE_SCALES}
_SCALE = alternation(_SCALE_NAMES)
# "... 10 celsius| to fahrenheit": right after a temperature
_TARGET_AFTER = re.compile(rf"\s+(?:to|into)\s+(?P<unit>{_SCALE})\b", re.IGNORECASE)
# "fahrenheit to celsius": a bare scale converted to another
_DIRECTION = re.compile(rf"(?<![\w-])(?P<a>{_SCALE})\s+(?:to|into)\s+(?P<b>{_SCALE})\b", re.IGNORECASE)
# "is how much celsius", "how many degrees fahrenheit"
_HOW_MUCH = re.compile(rf"\bhow\s+(?:much|many)\s+(?P<unit>{_SCALE})\b", re.IGNORECASE)


@dataclass(frozen=True)
class ConversionTarget:
    """A scale named as the target (or, in "fahrenheit to celsius", the source) of a conversion."""

    start: int
    end: int
    unit: str


def conversion_targets(text: str, temperature_ends: list[int]) -> list[ConversionTarget]:
    """Scales asked for in text, given where its temperature figures end; in text order, without overlaps."""
    found: list[ConversionTarget] = []
    for end in temperature_ends:
        target = _TARGET_AFTER.match(text, end)
        if target:
            found.append(_target(target, "unit"))
    for direction in _DIRECTION.finditer(text):
        found += [_target(direction, "a"), _target(direction, "b")]
    found += [_target(m, "unit") for m in _HOW_MUCH.finditer(text)]
    kept: list[ConversionTarget] = []
    for target in sorted(set(found), key=lambda t: (t.start, -t.end)):
        if not kept or target.start >= kept[-1].end:
            kept.append(target)
    return kept


def _target(match: re.Match[str], group: str) -> ConversionTarget:
    return ConversionTarget(match.start(group), match.end(group), _SCALE_NAMES[match.group(group).lower()])
