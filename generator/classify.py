"""Stage 4c: sort paragraphs into sections by transparent weighted rules from configuration.

A paragraph's score for a section is the sum of the weights of the distinct terms it contains
(plus its live-blog heading's score); it joins every section whose threshold it reaches. One
that reaches none carries on a section of the paragraph just before it when it has enough of
that section's terms to be on the same subject (``classify.same_run_share`` of its threshold),
else it is "other", never lost.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from generator.clean import STAMP
from generator.config import Config, SectionRule, Term, derived, first_word
from generator.structure import SourceParagraph
from generator.people import tree_pattern
from generator.segment import SPANS_REMEMBERED

OTHER = "other"


@dataclass(frozen=True, slots=True)
class Reading:
    """What a text's own terms give: each section's score, the sections it reaches alone, and
    whether it has any term at all."""

    scores: dict[str, float]
    chosen: tuple[str, ...]
    scored: bool


def term_score(text: str, terms: Iterable[Term], folded: str | None = None) -> float:
    """The weights of the distinct terms in the text. A term's regex runs only when the text
    holds its needle (a cheap substring test on the case-folded text)."""
    folded = text.casefold() if folded is None else folded
    return sum(term.weight for term in terms
               if (term.needle is None or term.needle in folded) and term.regex.search(text))


class SectionTerms:
    """Every section's terms by their needle, so one pass over a paragraph finds the few terms
    worth running: a term can only match where its first word starts, so one pattern of all
    the needles at word starts (longest first; a needle's prefixes among the needles count as
    found with it) replaces a substring test per term and section."""

    def __init__(self, sections: tuple[SectionRule, ...]):
        self.sections = sections
        self.always: list[tuple[int, str, Term]] = []  # terms without a needle
        self.by_needle: dict[str, list[tuple[int, str, Term]]] = {}
        self.inside: list[tuple[str, tuple[int, str, Term]]] = []  # needle inside a word
        for position, (rule, term) in enumerate((r, t) for r in sections for t in r.terms):
            entry = (position, rule.id, term)
            if term.needle is None:
                self.always.append(entry)
            elif first_word(term.phrase).casefold().startswith(term.needle):
                self.by_needle.setdefault(term.needle, []).append(entry)
            else:
                self.inside.append((term.needle, entry))
        needles = sorted(self.by_needle, key=lambda n: (-len(n), n))
        self.with_prefixes = {n: [m for m in needles if n.startswith(m)] for n in needles}
        self.pattern = tree_pattern(needles, r"(?<![\w-])")
        if self.pattern is None:  # no pattern holds them: each needle is looked for alone
            self.inside += [(needle, entry) for needle in needles
                            for entry in self.by_needle.pop(needle)]
        self.reading = lru_cache(maxsize=SPANS_REMEMBERED)(self._reading)

    def scores(self, text: str) -> dict[str, float]:
        """The text's score for each section, remembered by text: wire copy and a live blog's
        repeated posts bring the same paragraph to many sources."""
        return dict(self.reading(text).scores)

    def _reading(self, text: str) -> Reading:
        scores = self.scored(text)
        return Reading(scores, _chosen_in(scores, self.sections), any(scores.values()))

    def scored(self, text: str) -> dict[str, float]:
        folded = text.casefold()
        found = self._needles_at(folded)
        candidates = [entry for needle in found for entry in self.by_needle[needle]]
        candidates += self.always
        candidates += [entry for needle, entry in self.inside if needle in folded]
        candidates.sort(key=lambda entry: entry[0])  # summed in the rules' order, as written
        scores = dict.fromkeys((rule.id for rule in self.sections), 0.0)
        # in ASCII the folded text's places are the text's: a term found by its needle is
        # tried only where that needle starts a word, not searched for in the whole text
        exact = text.isascii()
        for _position, rule_id, term in candidates:
            starts = found.get(term.needle) if exact else None
            if _matches_at(term.regex, text, starts) if starts else term.regex.search(text):
                scores[rule_id] += term.weight
        return scores

    def _needles_at(self, folded: str) -> dict[str, list[int]]:
        """Each needle found at a word start, with where (a needle's prefixes among the needles
        are found with it)."""
        found: dict[str, list[int]] = {}
        if self.pattern:
            for match in self.pattern.finditer(folded):
                for needle in self.with_prefixes[match.group()]:
                    found.setdefault(needle, []).append(match.start())
        return found


def _matches_at(regex: re.Pattern, text: str, starts: list[int]) -> bool:
    """Does the regex match the text at one of these places?"""
    for at in starts:
        if regex.match(text, at):
            return True
    return False


def section_terms(config: Config) -> SectionTerms:
    """The index of a configuration's section terms, built once per configuration."""
    return derived(SectionTerms, config.sections)


def section_scores(text: str, config: Config) -> dict[str, float]:
    return section_terms(config).scores(text)


def _chosen(scores: dict[str, float], config: Config) -> tuple[str, ...]:
    """The sections whose threshold the scores reach, the best fit first (configuration order
    on a tie): a paragraph's page is its first section."""
    return _chosen_in(scores, config.sections)


def _chosen_in(scores: dict[str, float], sections: tuple[SectionRule, ...]) -> tuple[str, ...]:
    reached = [(-scores[rule.id] / (rule.threshold or 1.0), position, rule.id)
               for position, rule in enumerate(sections)
               if scores[rule.id] >= rule.threshold]
    return tuple(rule_id for _fit, _position, rule_id in sorted(reached))


def sections_of(text: str, config: Config) -> tuple[str, ...]:
    """The ids of the sections a text belongs to, best fit first; ("other",) if none."""
    return _chosen(section_scores(text, config), config) or (OTHER,)


def classify_paragraphs(paragraphs, config: Config):
    """Kept paragraphs get their sections, from their own terms plus their context: the heading
    they stand under, or the paragraph they follow when they carry on its subject. A time stamp
    (a live blog's next post) ends both, unless the heading stands right above it (the post's
    own title): a list of key points at the top is not the heading of every post below it."""
    result = []
    terms = section_terms(config)
    # with no heading's scores to add, a paragraph's sections are its own text's, remembered by
    # text (unless the weight is infinite: infinity times nothing is not nothing)
    weighed = math.isfinite(config.heading_weight)
    heading_scores: dict[str, float] = {}
    previous: tuple[str, ...] = (OTHER,)
    heading_over_text = False  # text has stood under the current heading
    for paragraph in paragraphs:
        if not paragraph.kept:
            if paragraph.removed_because == STAMP:  # a live blog's next post: no context crosses
                previous = (OTHER,)
                if heading_over_text:
                    heading_scores = {}
            result.append(paragraph)
            continue
        reading = terms.reading(paragraph.text)
        own = reading.scores  # remembered: read, never changed
        heading_over_text = not paragraph.heading
        if paragraph.heading:
            heading_scores = own
            chosen = reading.chosen
        elif heading_scores or not weighed:
            chosen = _chosen({k: v + config.heading_weight * heading_scores.get(k, 0.0)
                              for k, v in own.items()}, config)
        else:
            chosen = reading.chosen
        if not paragraph.heading:
            carried = () if chosen else _continued(previous, own, config)
            # only a paragraph without any term (continue_previous) passes carried sections on
            previous = chosen or (carried if not reading.scored else ()) or (OTHER,)
            chosen = chosen or carried
        result.append(_with_sections(paragraph, chosen or (OTHER,)))
    return _leads_in(result)


def _with_sections(paragraph: SourceParagraph, sections: tuple[str, ...]) -> SourceParagraph:
    """``replace(paragraph, sections=sections)`` without its generic cost, once per paragraph."""
    return SourceParagraph(paragraph.source_id, paragraph.line, paragraph.text, paragraph.kept,
                           paragraph.removed_because, paragraph.heading, sections)


def _leads_in(paragraphs: list[SourceParagraph]) -> tuple[SourceParagraph, ...]:
    """A heading or a question that reached no section is about what follows it: an
    explainer's "What was agreed?", an interviewer's turn, a numbered subheading take the
    sections of the paragraph after them."""
    result = list(paragraphs)
    following: tuple[str, ...] = (OTHER,)
    for i in range(len(result) - 1, -1, -1):
        paragraph = result[i]
        if not paragraph.kept:
            continue
        if paragraph.sections == (OTHER,) and (
                paragraph.heading or paragraph.text.rstrip(" \"”’'").endswith("?")):
            result[i] = _with_sections(paragraph, following)
        following = result[i].sections
    return tuple(result)


def _continued(previous: tuple[str, ...], scores: dict[str, float],
               config: Config) -> tuple[str, ...]:
    """The previous paragraph's sections this one carries on: those it has ``same_run_share``
    of the threshold of by its own terms (the next figure, the market's reaction, a quote on
    it), or all of them if it has no term at all and ``continue_previous`` is on (a quote's
    second paragraph). One weak paragraph does not carry the next: a run needs a paragraph
    that reached the section itself."""
    if config.continue_previous and not any(scores.values()):
        return tuple(s for s in previous if s != OTHER)
    thresholds = {rule.id: rule.threshold for rule in config.sections}
    return tuple(s for s in previous if s != OTHER and scores.get(s, 0.0) > 0
                 and scores[s] >= config.same_run_share * thresholds[s])


def topic_of(text: str, rule: SectionRule) -> str | None:
    """The label of the section topic a text fits best (first in order on a tie), if any."""
    best, best_score = None, 0.0
    for topic in rule.topics:
        score = term_score(text, topic.terms)
        if score > best_score:
            best, best_score = topic.label, score
    return best
