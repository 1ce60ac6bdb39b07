"""Every kept sentence in exactly one statement: the statements stage's groups, as a partition.

The statements stage groups sentences that report one fact across sources, and lets a sentence
that reports several facts join up to a few groups. A reader outside (``briefing extract
--json``) wants the simpler contract: each sentence of each kept paragraph belongs to exactly
one statement. A sentence that several groups hold (it reports several facts) goes first to
the largest of them that its paragraph is not in yet through another sentence (the largest of
all when it is in every one; the first on a tie), sentence by sentence. Then each such
sentence moves to the group that links its paragraph with the most paragraphs of other
sources that its other sentences do not link it with yet, until none moves: the paragraph
stays with as many of the sources it shares facts with as one group per sentence allows
(a local optimum, not always the best). A sentence no group holds is a statement of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.classify import OTHER
from generator.segment import sentences
from generator.statements import Statement
from generator.structure import Sentence, Source

WIDEST_ROUNDS = 3
WIDEST_READ = 64  # paragraphs of a group read one by one when a sentence may move


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
    section_of: dict[tuple[str, int], str] = {}
    placed: list[tuple[Sentence, int | None, list[int]]] = []
    for source in sources:
        for paragraph in source.paragraphs:
            if not paragraph.kept:
                continue
            section_of[(paragraph.source_id, paragraph.line)] = paragraph.sections[0] \
                if paragraph.sections else OTHER
            placed.extend(_placed(sentences(paragraph),
                                  spans.get((paragraph.source_id, paragraph.line), ()), sizes))
    chosen = _widest([group for _s, group, _c in placed], placed)
    members: dict[int, list[Sentence]] = defaultdict(list)
    order: list[int | Sentence] = []
    for (sentence, _first, _covering), group in zip(placed, chosen):
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
            sizes: list[int]) -> list[tuple[Sentence, int | None, list[int]]]:
    """Each sentence of one paragraph with the group it goes to first (None: no group holds
    it) and every group that holds it. A sentence only one group holds goes there; one several
    hold goes to the largest the paragraph is not in yet (see the module's docstring)."""
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
        placed.append((sentence, group, groups))
    return placed


def _widest(chosen: list[int | None],
            placed: list[tuple[Sentence, int | None, list[int]]]) -> list[int | None]:
    """Each sentence that several groups hold moved to the one that links its paragraph with
    the most paragraphs of other sources not linked to it yet by its other sentences, the
    other sentences' choices held, until none moves (at most WIDEST_ROUNDS rounds; a tie keeps
    the sentence where it is). A move changes only the pairs of its own paragraph, so each
    one adds pairs and the rounds end. A group of more than WIDEST_READ paragraphs counts by
    its size alone, its overlap with the others unread, so the work stays linear when one fact
    is told by every source of a large desk."""
    chosen = list(chosen)
    where = [(sentence.source_id, sentence.line) for sentence, _first, _groups in placed]
    held: dict[int, dict[tuple[str, int], int]] = defaultdict(lambda: defaultdict(int))
    size: dict[int, int] = defaultdict(int)  # paragraphs a group holds now
    of_paragraph: dict[tuple[str, int], list[int]] = defaultdict(list)
    for number, group in enumerate(chosen):
        of_paragraph[where[number]].append(number)
        if group is not None:
            held[group][where[number]] += 1
    for group, places in held.items():
        size[group] = len(places)
    for _round in range(WIDEST_ROUNDS):
        moved = False
        for number, (_sentence, _first, groups) in enumerate(placed):
            if len(groups) < 2:
                continue
            here, mine = where[number], chosen[number]
            _count(held[mine], size, mine, here, -1)
            linked = {place for other in of_paragraph[here]
                      if other != number and chosen[other] is not None
                      and size[chosen[other]] <= WIDEST_READ
                      for place, count in held[chosen[other]].items() if count}

            def links(group: int) -> int:
                if size[group] > WIDEST_READ:
                    return size[group]
                return sum(1 for place, count in held[group].items()
                           if count and place[0] != here[0] and place not in linked)

            best = max(groups, key=lambda group: (links(group), group == mine))
            _count(held[best], size, best, here, +1)
            if best != mine:
                chosen[number], moved = best, True
        if not moved:
            break
    return chosen


def _count(held: dict[tuple[str, int], int], size: dict[int, int], group: int,
           place: tuple[str, int], change: int) -> None:
    """One sentence of a paragraph more or less in a group, and the group's paragraphs."""
    before = held[place]
    held[place] = before + change
    size[group] += (held[place] > 0) - (before > 0)


def _covering(spans: Iterable[tuple[int, int, int]], sentence: Sentence) -> list[int]:
    """The groups with a member overlapping the sentence (a member may be two short sentences
    read together)."""
    return sorted({number for start, end, number in spans
                   if start < sentence.end and sentence.start < end})
