"""Plain data passed between the pipeline stages.

Stages never hand each other Markdown: only these small frozen dataclasses, so every stage
can be tested on its own and the last stage alone decides how things look.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceMeta:
    """What the briefing knows about one source file, from ``briefing.yml`` or guessed."""

    id: str
    path: str
    title: str
    outlet: str
    date: str | None  # ISO date, or None when unknown
    url: str | None = None
    notes: tuple[str, ...] = ()  # what had to be guessed, said in the build output


@dataclass(frozen=True)
class RawLine:
    """A line of a source file as decoded, with its 1-based number."""

    number: int
    text: str


@dataclass(frozen=True)
class SourceParagraph:
    """A paragraph of a source after cleaning: kept, or removed with the reason why."""

    source_id: str
    line: int
    text: str
    kept: bool = True
    removed_because: str | None = None
    heading: bool = False
    sections: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return f"p{self.line}"


@dataclass(frozen=True)
class Sentence:
    """A verbatim slice of a paragraph's cleaned text."""

    source_id: str
    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quote:
    """A direct quotation: the quoted words (without marks), who said them, where.

    ``text`` is ``paragraph.text[start:end]`` exactly. ``context`` is the verbatim sentence that
    frames it (its attribution, or the line that introduces it), from paragraph ``context_line``;
    empty when the quotation speaks for itself. ``candidates`` are the people the text leaves
    open as its speaker (two named before a "he said"): ``speaker`` is then None, not a guess;
    empty when the speaker is known or nobody is named.
    """

    source_id: str
    line: int
    text: str
    speaker: str | None
    start: int = 0
    end: int = 0
    context: str = ""
    context_line: int = 0
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """A person with every name they go by; ``spellings`` are names merged as misspellings."""

    name: str
    variants: tuple[str, ...] = ()
    role: str | None = None
    mentions: int = 0
    spellings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A number worth a reader's attention (a percentage, money, a date) in its sentence."""

    value: str
    kind: str
    sentence: Sentence


@dataclass(frozen=True)
class Source:
    """One source, through every per-source stage."""

    meta: SourceMeta
    paragraphs: tuple[SourceParagraph, ...]
    quotes: tuple[Quote, ...] = ()
    events: tuple | None = None  # dates.DatedEvent, found with the rest of the analysis (and
    # cached); None when a source was built without it, and pages find them then

    @property
    def kept(self) -> tuple[SourceParagraph, ...]:
        return tuple(p for p in self.paragraphs if p.kept)


@dataclass(frozen=True)
class Briefing:
    """Everything the pages are composed from."""

    title: str
    sources: tuple[Source, ...]
    people: tuple[Person, ...] = ()
    as_of: str | None = None
    notes: tuple[str, ...] = field(default=())
