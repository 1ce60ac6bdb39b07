"""Stage 5a: the editor steers facts, not whole pages (`steer:` in briefing.yml).

Between statements and composition. An editor who finds a fact wrong or beside the point
drops it; one who finds it on the wrong page pins it to another. Each is named by one
paragraph that reports it (FILE:LINE), and reaches the whole statement: a dropped fact leaves
every page, with every other source's paragraph that says nothing else (their source pages
keep them, with the reason); a pinned fact's paragraph and its statement's lead go to the page
named. A paragraph that reports several facts drops them all: name one that reports only the
fact to drop. The pages stay generated, so everything else keeps updating.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import PurePath

from generator.classify import OTHER
from generator.config import Steering, did_you_mean
from generator.files import same_name
from generator.segment import sentences
from generator.statements import Statement
from generator.structure import Briefing, Source, SourceParagraph

Place = tuple[str, int]  # source id, line


@dataclass(frozen=True)
class Steered:
    briefing: Briefing
    statements: tuple[Statement, ...]


def steer(briefing: Briefing, statements: Iterable[Statement], steering: Steering,
          where: str = "briefing.yml") -> Steered:
    statements = tuple(statements)
    if not steering.drop and not steering.pin:
        return Steered(briefing, statements)
    ids = {same_name(PurePath(s.meta.path).name): s.meta.id for s in briefing.sources}
    kept = {(p.source_id, p.line) for s in briefing.sources for p in s.paragraphs if p.kept}
    notes: list[str] = []

    def found(file: str, line: int, what: str) -> Place | None:
        if file not in ids:
            hint = did_you_mean(file, sorted(ids), "")
            notes.append(f"{where}: steer.{what} {file}:{line}: no source file of that name"
                         + (f" ({hint})" if hint else ""))
            return None
        place = (ids[file], line)
        if place not in kept:
            notes.append(f"{where}: steer.{what} {file}:{line} names no kept paragraph (a "
                         "source renamed or changed? check the line on its source page)")
            return None
        return place

    dropped = {p for file, line, in steering.drop if (p := found(file, line, "drop"))}
    pinned = {p: page for file, line, page in steering.pin if (p := found(file, line, "pin"))}
    notes += [f"{where}: steer names {file}:{line} under both drop and pin: dropped"
              for file, line, _ in steering.pin if (ids.get(file), line) in dropped]
    gone = [s for s in statements if any((m.source_id, m.line) in dropped for m in s.members)]
    gone_ids = {id(s) for s in gone}
    kept = [s for s in statements if id(s) not in gone_ids]
    removed = dropped | _only_these(briefing, gone, kept)
    paths = {s.meta.id: PurePath(s.meta.path).name for s in briefing.sources}
    with_them = sorted(removed - dropped)
    if with_them:  # the editor named one paragraph: say which others went with its facts
        shown = ", ".join(f"{paths[sid]}:{line}" for sid, line in with_them[:NAMED_WITH])
        more = len(with_them) - NAMED_WITH
        notes.append(f"{where}: steer.drop took off with the facts it names "
                     f"{len(with_them)} other paragraph{'s' * (len(with_them) != 1)} that "
                     f"report{'s' * (len(with_them) == 1)} them and nothing else: {shown}"
                     + (f" and {more} more" if more > 0 else "")
                     + " (to keep them, name instead a paragraph that reports only the fact "
                       "to drop)")
    for statement in statements:
        for member in statement.members:
            page = pinned.get((member.source_id, member.line))
            if page:
                pinned.setdefault((statement.lead.source_id, statement.lead.line), page)
    sources = tuple(_steered(source, removed, pinned) for source in briefing.sources)
    return Steered(replace(briefing, sources=sources, notes=briefing.notes + tuple(notes)),
                   tuple(kept))


NAMED_WITH = 10  # paragraphs a drop took off with it named in its note; the rest counted


def _only_these(briefing: Briefing, gone: list[Statement], kept: list[Statement]
                ) -> set[Place]:
    """Paragraphs of the dropped statements whose every sentence is in one of them and none in
    a statement that stays (its page would otherwise cite a dropped paragraph)."""
    held = {(m.source_id, m.line, m.start) for s in gone for m in s.members}
    places = {(m.source_id, m.line) for s in gone for m in s.members}
    staying = {(m.source_id, m.line) for s in kept for m in s.members}
    return {(p.source_id, p.line) for s in briefing.sources for p in s.paragraphs
            if (p.source_id, p.line) in places and (p.source_id, p.line) not in staying
            and all((x.source_id, x.line, x.start) in held for x in sentences(p))}


def _steered(source: Source, removed: set[Place], pinned: dict[Place, str]) -> Source:
    paragraphs = tuple(_paragraph(p, removed, pinned) for p in source.paragraphs)
    if paragraphs == source.paragraphs:
        return source
    lines = {p.line for p in paragraphs if p.kept}
    return replace(source, paragraphs=paragraphs,
                   quotes=tuple(q for q in source.quotes if q.line in lines),
                   events=tuple(e for e in source.events or () if e.line in lines))


def _paragraph(paragraph: SourceParagraph, removed: set[Place],
               pinned: dict[Place, str]) -> SourceParagraph:
    place = (paragraph.source_id, paragraph.line)
    if place in removed and paragraph.kept:
        return replace(paragraph, kept=False,
                       removed_because="dropped by the editor (steer: in briefing.yml)")
    page = pinned.get(place)
    if page and paragraph.kept:
        rest = tuple(s for s in paragraph.sections if s not in (page, OTHER))
        return replace(paragraph, sections=(page,) if page == OTHER else (page, *rest))
    return paragraph
