"""Every kept sentence in exactly one statement: the statements stage's groups, as a partition.

The statements stage groups sentences that report one fact across sources, and lets a sentence
that reports several facts join up to a few groups. A reader outside (``briefing extract
--json``) wants the simpler contract: each sentence of each kept paragraph belongs to exactly
one statement. A sentence that several groups hold (it reports several facts) goes to the
largest of them (the first on a tie), which keeps the most of what sources corroborate; a
sentence no group holds is a statement of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.classify import OTHER
from generator.segment import sentences
from generator.statements import Statement
from generator.structure import Sentence, Source


@dataclass(frozen=True)
class Part:
    """One statement of the partition: its wording, every sentence in it, its section."""

    text: str
    sentences: tuple[Sentence, ...]
    section: str


def partition(sources: Iterable[Source], statements: Iterable[Statement]) -> list[Part]:
    """Statements in the order their first sentence appears (sources as given, then lines)."""
    sources = list(sources)
    groups = list(statements)
    spans: dict[tuple[str, int], list[tuple[int, int, int]]] = defaultdict(list)
    for number, statement in enumerate(groups):
        for member in statement.members:
            spans[(member.source_id, member.line)].append((member.start, member.end, number))
    sizes = [len(statement.members) for statement in groups]
    members: dict[int, list[Sentence]] = defaultdict(list)
    order: list[int | Sentence] = []
    section_of: dict[tuple[str, int], str] = {}
    for source in sources:
        for paragraph in source.paragraphs:
            if not paragraph.kept:
                continue
            section_of[(paragraph.source_id, paragraph.line)] = paragraph.sections[0] \
                if paragraph.sections else OTHER
            for sentence in sentences(paragraph):
                group = _covering(spans.get((sentence.source_id, sentence.line), ()),
                                        sentence, sizes)
                if group is None:
                    order.append(sentence)
                    continue
                if group not in members:
                    order.append(group)
                members[group].append(sentence)
    parts = []
    for item in order:
        if isinstance(item, Sentence):
            parts.append(Part(item.text, (item,), section_of[(item.source_id, item.line)]))
            continue
        lead = groups[item].lead
        held = tuple(members[item])
        wording = lead if lead in held else held[0]
        parts.append(Part(wording.text, held,
                          section_of.get((wording.source_id, wording.line), OTHER)))
    return parts


def _covering(spans: Iterable[tuple[int, int, int]], sentence: Sentence,
                    sizes: list[int]) -> int | None:
    """The largest group with a member overlapping the sentence (a member may be two short
    sentences read together), the first of the largest on a tie."""
    found = [number for start, end, number in spans
             if start < sentence.end and sentence.start < end]
    return max(found, key=lambda n: (sizes[n], -n)) if found else None
