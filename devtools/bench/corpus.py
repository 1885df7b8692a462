"""The texts the benchmark runs on: the PolNeAR dev articles when present, else the repository's samples.

Articles of a given length (300, 1,000, 5,000, 50,000 words) are built by concatenating paragraphs of
the corpus in order and cutting at the word that reaches the length, so every size is real news prose.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POLNEAR_TEXTS = ROOT.parent / "shared" / "eval" / "quotes" / "polnear-dev" / "text"
SAMPLE_DIRS = (ROOT / "events", ROOT / "tests")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Corpus:
    name: str
    texts: list[str]

    @property
    def words(self) -> int:
        return sum(word_count(text) for text in self.texts)

    def first_words(self, budget: int) -> Corpus:
        """The leading texts whose words add up to about budget (at least one text)."""
        chosen: list[str] = []
        total = 0
        for text in self.texts:
            if chosen and total >= budget:
                break
            chosen.append(text)
            total += word_count(text)
        return Corpus(self.name, chosen)


    def leads(self, count: int, words: int) -> Corpus:
        """The first words of count articles (cycling when there are fewer): many short texts to batch."""
        texts = [_cut(self.texts[index % len(self.texts)], words) for index in range(count)]
        return Corpus(f"{count} article leads of {words} words", texts)


def word_count(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))


def load_corpus(directory: Path | None = None) -> Corpus:
    folder = directory or POLNEAR_TEXTS
    if folder.is_dir():
        texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
        if texts:
            return Corpus(f"{len(texts)} PolNeAR dev articles", texts)
    texts = sorted(set(_sample_texts()))
    if not texts:
        raise FileNotFoundError(f"no PolNeAR texts at {folder} and no sample articles in events/ or tests/")
    return Corpus(f"{len(texts)} repository sample articles", texts)


def _sample_texts() -> Iterator[str]:
    """Article texts in the repository's JSON events and JSONL samples (API bodies are JSON strings)."""
    for folder in SAMPLE_DIRS:
        for path in sorted(folder.rglob("*.json*")):
            try:
                content = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            values = [content] if path.suffix == ".json" else content.splitlines()
            for value in values:
                yield from _texts_in(_loads(value))


def _loads(value: str) -> object:
    try:
        return json.loads(value)
    except (json.JSONDecodeError, TypeError):
        return None


def _texts_in(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        text = value.get("text")
        if isinstance(text, str) and word_count(text) >= 20:
            yield text
        for key, item in value.items():
            # API Gateway events carry the request body as a JSON string.
            yield from _texts_in(_loads(item) if key == "body" and isinstance(item, str) else item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts_in(item)


def article_of(corpus: Corpus, words: int) -> str:
    """Paragraphs of the corpus, cycling when it is short, cut at the words-th word."""
    paragraphs = [p.strip() for text in corpus.texts for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    parts: list[str] = []
    total = 0
    index = 0
    while total < words:
        paragraph = paragraphs[index % len(paragraphs)]
        index += 1
        paragraph = _cut(paragraph, words - total)
        parts.append(paragraph)
        total += word_count(paragraph)
    return "\n\n".join(parts)


def _cut(text: str, words: int) -> str:
    """The text up to its words-th word, closed with a full stop when cut mid-way."""
    for index, match in enumerate(WORD.finditer(text), start=1):
        if index == words:
            rest = text[match.end():]
            return text if not rest.strip() else text[: match.end()] + "."
    return text
