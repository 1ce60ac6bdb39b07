"""Stage 4c: sort paragraphs into sections by transparent weighted rules from configuration.

A paragraph's score for a section is the sum of the weights of the distinct terms it contains;
it joins every section whose threshold it reaches. One that reaches none is "other", never lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from generator.config import Config, SectionRule, Term

OTHER = "other"


def term_score(text: str, terms: Iterable[Term]) -> float:
    return sum(term.weight for term in terms if term.regex.search(text))


def section_scores(text: str, config: Config) -> dict[str, float]:
    return {rule.id: term_score(text, rule.terms) for rule in config.sections}


def sections_of(text: str, config: Config) -> tuple[str, ...]:
    """The ids of the sections a text belongs to, in configuration order; ("other",) if none."""
    scores = section_scores(text, config)
    chosen = tuple(rule.id for rule in config.sections if scores[rule.id] >= rule.threshold)
    return chosen or (OTHER,)


def classify_paragraphs(paragraphs, config: Config):
    """Kept paragraphs get their sections; removed ones keep none."""
    return tuple(replace(p, sections=sections_of(p.text, config)) if p.kept else p
                 for p in paragraphs)


def topic_of(text: str, rule: SectionRule) -> str | None:
    """The label of the section topic a text fits best (first in order on a tie), if any."""
    best, best_score = None, 0.0
    for topic in rule.topics:
        score = term_score(text, topic.terms)
        if score > best_score:
            best, best_score = topic.label, score
    return best
