"""Stage 5b: centrality — how close a sentence is to what the whole briefing is about.

The home page opens with what matters most now. Corroboration (statements reported by several
sources) says which facts recur; centrality, in the spirit of LexRank, says which sentences
carry the briefing's common subject rather than a side story. LexRank's graph needs the
similarity of every pair of sentences, so this uses the centroid form of centrality that it
builds on (MEAD): a word weighs what share of the sources use it times how rare it is among
sentences (idf), so "tariff" in most articles counts and "said" in every sentence does not. A
sentence's centrality is its cosine with that centroid over its distinct content words. One
pass to count, one to score: linear, no pairs.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator.statements import STOPWORDS, stem
from generator.structure import Sentence

WORD = re.compile(r"[^\W\d_]{3,40}")
TOP_WORDS = 5  # the words named when a ranking is explained

SentenceKey = tuple[str, int, int]  # source, line, start


@dataclass(frozen=True)
class Centrality:
    """Each sentence's centrality (0..1) and the briefing's heaviest words as first written,
    for explaining."""

    scores: dict[SentenceKey, float]
    centroid: tuple[str, ...]

    def of(self, sentence: Sentence) -> float:
        return self.scores.get((sentence.source_id, sentence.line, sentence.start), 0.0)


@functools.lru_cache(maxsize=1 << 16)
def _root(word: str) -> str:
    """``stem``, remembered: a briefing's vocabulary is small next to its running words."""
    return stem(word)


def content_words(text: str) -> dict[str, str]:
    """A sentence's distinct content words as crude roots ("tariffs", "tariff" are one), each
    with the first form the text writes it in."""
    words: dict[str, str] = {}
    for word in (m.casefold() for m in WORD.findall(text)):
        if word not in STOPWORDS:
            words.setdefault(_root(word), word)
    return words


def centrality(sentences: Iterable[Sentence]) -> Centrality:
    """Every sentence's cosine with the briefing's centroid (see the module docstring)."""
    words_of: dict[SentenceKey, dict[str, str]] = {}
    written: dict[str, str] = {}  # a root -> the first form it was read in
    sources_of: dict[str, set[str]] = {}
    in_sentences: Counter[str] = Counter()
    for sentence in sentences:
        key = (sentence.source_id, sentence.line, sentence.start)
        if key in words_of:
            continue
        words = words_of[key] = content_words(sentence.text)
        in_sentences.update(words.keys())
        for root, form in words.items():
            written.setdefault(root, form)
        for word in words:
            sources_of.setdefault(word, set()).add(sentence.source_id)
    sources = len({key[0] for key in words_of})
    if not words_of or sources < 2:
        return Centrality({}, ())
    total = len(words_of)
    weight = {word: (len(sources_of[word]) / sources) * math.log(total / count)
              for word, count in in_sentences.items() if len(sources_of[word]) > 1}
    norm = math.sqrt(sum(w * w for w in weight.values())) or 1.0
    scores = {}
    for key, words in words_of.items():
        shared = [weight[w] for w in words if w in weight]
        scores[key] = sum(shared) / (norm * math.sqrt(len(words))) if shared else 0.0
    heaviest = sorted(weight, key=lambda w: (-weight[w], w))[:TOP_WORDS]
    return Centrality(scores, tuple(written[w] for w in heaviest))
