"""Every kept sentence in exactly one statement: the statements stage's groups, as a partition.

The statements stage groups sentences that report one fact across sources, and lets a sentence
that reports several facts join up to a few groups. A reader outside (``briefing extract
--json``) wants the simpler contract: each sentence of each kept paragraph belongs to exactly
one statement. A sentence that several groups hold (it reports several facts) goes to the
largest of them that its paragraph is not in yet through another sentence (the largest of all
when it is in every one; the first on a tie), sentence by sentence: the paragraph then stays
with more of the sources it shares facts with, not twice with the same ones (greedily: not
always with all it could). A sentence no group holds is a
statement of its own.
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
    sizes = [statement.reported_by for statement in groups]
    members: dict[int, list[Sentence]] = defaultdict(list)
    order: list[int | Sentence] = []
    section_of: dict[tuple[str, int], str] = {}
    for source in sources:
        for paragraph in source.paragraphs:
            if not paragraph.kept:
                continue
            section_of[(paragraph.source_id, paragraph.line)] = paragraph.sections[0] \
                if paragraph.sections else OTHER
            for sentence, group in _placed(sentences(paragraph),
                                           spans.get((paragraph.source_id, paragraph.line), ()),
                                           sizes):
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


def _placed(paragraph_sentences: Iterable[Sentence], spans: list[tuple[int, int, int]],
            sizes: list[int]) -> list[tuple[Sentence, int | None]]:
    """Each sentence of one paragraph with the group it goes to (None: no group holds it). A
    sentence only one group holds goes there; one several hold goes to the largest the
    paragraph is not in yet (see the module's docstring)."""
    covering = [(sentence, _covering(spans, sentence)) for sentence in paragraph_sentences]
    present = {groups[0] for _sentence, groups in covering if len(groups) == 1}
    placed = []
    for sentence, groups in covering:
        if len(groups) > 1:
            fresh = [number for number in groups if number not in present]
            group = max(fresh or groups, key=lambda n: (sizes[n], -n))
            present.add(group)
        else:
            group = groups[0] if groups else None
        placed.append((sentence, group))
    return placed


def _covering(spans: Iterable[tuple[int, int, int]], sentence: Sentence) -> list[int]:
    """The groups with a member overlapping the sentence (a member may be two short sentences
    read together)."""
    return sorted({number for start, end, number in spans
                   if start < sentence.end and sentence.start < end})
