"""The blocks pages are made of: plain data that compose.py fills, paginate.py cuts and
markdown.py renders. Every text a page carries is a ``Cited`` (verbatim source text with the
paragraph it came from); headings and labels are the only made-up words.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.structure import SourceParagraph


ALSO_SHOWN = 6
"""Other sources an entry cites by name; the rest are counted (one fact may have hundreds)."""
RIVALS_SHOWN = 3
"""Other values of a key figure shown under it; the rest are counted."""
PERSON_QUOTES = 5
"""Quotations on a Who's who card; the card links to all of them on Key quotes."""


def counted(number: int, noun: str) -> str:
    """"1 source", "3 sources": a count and its noun, as labels on pages write them."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


@dataclass(frozen=True)
class Cited:
    """Verbatim source text and the paragraph it came from; ``also`` cites other sources'
    sentences reporting the same facts (see statements.py), ``matched_on`` the words and
    figures that made them the same."""

    text: str
    source_id: str
    line: int
    also: tuple[Cited, ...] = ()
    matched_on: tuple[str, ...] = ()

    @property
    def reported_by(self) -> int:
        """How many sources report this: its own and those of ``also``."""
        return len({self.source_id, *(c.source_id for c in self.also)})


@dataclass(frozen=True)
class Facts:
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CitedList:
    heading: str | None
    items: tuple[Cited, ...]
    quoted: bool = False  # items are quotations (rendered as quotes)
    note: str | None = None


@dataclass(frozen=True)
class FigureRow:
    """A key figure as a fact. ``measure`` (what it measures) and ``values`` are verbatim slices
    of the first citation's sentence; ``citations`` are every sentence stating the fact.
    ``change`` is "down" or "up" when the values run from old to new (the arrow between them is
    a label). ``disagreeing`` are other sources' values for the same measure at the same time,
    each with its own citations."""

    measure: str
    values: tuple[str, ...]
    citations: tuple[Cited, ...]
    change: str = ""
    disagreeing: tuple[FigureRow, ...] = ()

    @property
    def figure(self) -> str:
        """The values as a page shows them: a change with an arrow between its ends, a lone
        value said to have moved with the arrow of its way ("↓ 1.4%"); the arrows are labels."""
        if len(self.values) == 1 and self.change:
            return f"{'↑' if self.change == 'up' else '↓'} {self.values[0]}"
        return " → ".join(self.values)


@dataclass(frozen=True)
class FigureTable:
    heading: str
    facts: tuple[FigureRow, ...]


@dataclass(frozen=True)
class Link:
    title: str
    page: str
    note: str = ""


@dataclass(frozen=True)
class LinkList:
    heading: str | None
    links: tuple[Link, ...]


@dataclass(frozen=True)
class SourceText:
    paragraphs: tuple[SourceParagraph, ...]


@dataclass(frozen=True)
class RemovedList:
    paragraphs: tuple[SourceParagraph, ...]


@dataclass(frozen=True)
class QuoteEntry:
    """One quotation, however many sources report it."""

    quote: Cited  # the earliest source's wording
    same: tuple[Cited, ...] = ()  # later sources with the same words
    variants: tuple[Cited, ...] = ()  # later sources whose wording differs
    context: Cited | None = None
    candidates: tuple[str, ...] = ()  # who the text leaves open as the speaker


@dataclass(frozen=True)
class QuoteGroup:
    heading: str
    anchor: str
    entries: tuple[QuoteEntry, ...]


@dataclass(frozen=True)
class PersonCard:
    name: str
    anchor: str
    role: str | None
    mentions: int
    spellings: tuple[str, ...]
    quotes: tuple[Cited, ...]  # the most reported first, at most PERSON_QUOTES
    quotes_link: str | None  # the person's group on the Key quotes page
    quote_count: int = 0  # all of the person's entries on Key quotes
    # when the sources spell the name differently: each spelling (the name's first) with the
    # first paragraphs that write it, so the editor can check which is right
    written: tuple[tuple[str, tuple[Cited, ...]], ...] = ()


@dataclass(frozen=True)
class Definition:
    term: str
    definition: Cited | None  # from a source
    written: str | None  # from briefing.yml, used when no source defines the term
    forms: tuple[str, ...]
    expansion: Cited | None = None  # what the letters stand for, when the definition says more


@dataclass(frozen=True)
class Part:
    """A whole page inside the full briefing: its title, then its blocks one level down."""

    title: str
    anchor: str
    blocks: tuple


@dataclass(frozen=True)
class EditedPage:
    """A page as the editor edited it, in the full briefing instead of what the generator
    would write: the Markdown of its file, its front matter and title heading left out."""

    markdown: str
    path: str  # the page's own path: its links to its own anchors go there from the full page


Block = (Facts | CitedList | FigureTable | LinkList | SourceText | RemovedList | QuoteGroup
         | PersonCard | Definition | Part | EditedPage)


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs_dir, always ending in .md
    title: str
    description: str
    blocks: tuple[Block, ...]
    nav_title: str = ""
    searchable: bool = True  # the full briefing repeats every page: search skips it
    part_of: str = ""  # for a further page of a long page (paginate.py), the first page's path
