"""One spoken or written number accumulated word by word: "three hundred and two dozen" is 324, "two hundredth"
the 200th.

numbers.py splits a number phrase into tokens and feeds them to a Builder, which says which token may come
next (`accepts`) and keeps the running value (`add`), the classic total/group algorithm of English numerals.
"""

from __future__ import annotations

from dataclasses import dataclass

from factextract.data.number_words import ORDINALS, SCALES

# "hundredth", "thousandth", "millionth": an ordinal that closes a scale ("two hundredth" is the 200th)
SCALE_ORDINALS = frozenset(word for word, value in ORDINALS.items() if value in SCALES.values())


@dataclass
class Token:
    start: int
    end: int
    kind: str  # num, word-kinds: card, scale, dozen, denom, ordinal, and, a, of, point, frac
    value: float = 0.0
    text: str = ""


class Builder:
    """Accumulates one spoken or written number, word by word (classic total/group algorithm)."""

    def __init__(self) -> None:
        self.total = 0.0
        self.group = 0.0
        self.tail = 0.0  # what was added since the last scale word: "three hundred and two dozens" is 300 + 24
        self.tokens: list[Token] = []
        self.largest_scale = 0.0
        self.decimals: str | None = None
        self.fraction = False
        self.ordinal = False
        self.last = ""

    @property
    def empty(self) -> bool:
        return not self.tokens

    def value(self) -> float:
        whole = self.total + self.group
        if self.decimals:
            whole += float("0." + self.decimals)
        return whole

    def accepts(self, token: Token) -> bool:
        if self.empty:
            return token.kind in ("num", "card", "frac", "ordinal", "denom", "scale", "dozen")
        if self.ordinal or (self.fraction and token.kind != "scale"):
            return False
        last = self.last
        if self.decimals is not None:
            return token.kind == "card" and token.value < 100
        if token.kind == "num":
            return last == "scale" and token.value < self.largest_scale
        if token.kind == "card":
            if last in ("num",):
                return False
            if last == "card":
                # "twenty one", "ninety five" but not "one two" or "twenty thirty"
                return self.group % 100 >= 20 and self.group % 10 == 0 and token.value < 10
            return last == "scale" and (self.group == 0 or token.value < 100)
        if token.kind == "scale":
            return last in ("num", "card", "scale", "denom", "frac") and (
                last != "scale" or token.value > self.tokens[-1].value
            )
        if token.kind == "dozen":
            return last in ("num", "card", "denom")
        if token.kind == "ordinal":
            # "one hundred twenty-fifth", "twenty-first"; never after digits ("$280 million first preferred")
            if any(t.kind == "num" for t in self.tokens):
                return False
            if token.text in SCALE_ORDINALS:
                # "two hundredth", "three trillionth": a scale closes the ordinal; "one hundredth" is a fraction
                return last in ("card", "scale") and self.value() != 1 and (
                    last != "scale" or token.value > self.tokens[-1].value)
            return last in ("scale",) or (last == "card" and self.group % 100 >= 20 and self.group % 10 == 0
                                            and token.value < 10)
        if token.kind == "frac":
            return last == "num" and float(self.tokens[-1].value).is_integer()
        return False

    def add(self, token: Token) -> None:
        kind = token.kind
        if kind in ("num", "card"):
            if self.decimals is not None:
                self.decimals += token.text if kind == "num" else str(int(token.value))
            else:
                self.group += token.value
                self.tail += token.value
        elif kind == "scale":
            if self.last in ("denom", "frac"):  # "three quarters billion", "half million"
                self.group = self.group or 1.0
            self._scale(token.value)
        elif kind == "dozen":
            self.group = self.group + self.tail * 11 if self.tail else (self.group or 1.0) * 12
        elif kind == "ordinal":
            if token.text in SCALE_ORDINALS and self.last in ("card", "scale"):
                self._scale(token.value)
            else:
                self.group += token.value
            self.ordinal = True
        elif kind == "frac":
            self.group += token.value
            self.fraction = True
        self.tokens.append(token)
        self.last = kind

    def _scale(self, value: float) -> None:
        self.tail = 0.0
        amount = self.group or 1.0
        if value == 100:
            self.group = amount * 100
        elif value > self.largest_scale:
            self.total = (self.total + amount) * value
            self.group = 0.0
        else:
            self.total += amount * value
            self.group = 0.0
        self.largest_scale = max(self.largest_scale, value)
