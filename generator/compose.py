"""Stage 5: decide what goes on which page, in what order. Pages are data here, not Markdown.

Every text a page carries is a ``Cited``: verbatim cleaned source text with the paragraph it came
from. Headings and labels are the only words this module makes up.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from generator.classify import OTHER, term_score, topic_of
from generator.clean import text_key
from generator.config import Config
from generator.dates import find_events
from generator.figures import find_figures
from generator.glossary import GlossaryEntry, define_terms
from generator.segment import sentences
from generator.structure import Briefing, Quote, Source, SourceParagraph

MORE = "More"
KIND_ORDER = ("percentage", "money", "quantity", "date", "year")
MAX_FIGURES = 12
SAME_QUOTE = 0.85  # share of matching characters for two wordings of one quotation


@dataclass(frozen=True)
class Cited:
    """Verbatim source text and the paragraph it came from."""

    text: str
    source_id: str
    line: int


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
class FigureTable:
    heading: str
    rows: tuple[tuple[str, Cited], ...]


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
    quotes: tuple[Cited, ...]
    quotes_link: str | None  # the person's group on the Key quotes page


@dataclass(frozen=True)
class Definition:
    term: str
    definition: Cited | None  # from a source
    written: str | None  # from briefing.yml, used when no source defines the term
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    """A whole page inside the full briefing: its title, then its blocks one level down."""

    title: str
    anchor: str
    blocks: tuple


Block = (Facts | CitedList | FigureTable | LinkList | SourceText | RemovedList | QuoteGroup
         | PersonCard | Definition | Part)


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs_dir, always ending in .md
    title: str
    description: str
    blocks: tuple[Block, ...]
    nav_title: str = ""
    searchable: bool = True  # the full briefing repeats every page: search skips it


def time_order(briefing: Briefing) -> dict[str, int]:
    """Rank of each source in time (date, then file order): pages list things in this order."""
    ranked = sorted(briefing.sources, key=lambda s: (s.meta.date or "9999-99-99", s.meta.id))
    return {source.meta.id: rank for rank, source in enumerate(ranked)}


def _when(briefing: Briefing):
    rank = time_order(briefing)
    return lambda item: (rank[item.source_id], item.line)


def _cited(paragraph: SourceParagraph) -> Cited:
    return Cited(paragraph.text, paragraph.source_id, paragraph.line)


def _content(briefing: Briefing) -> list[SourceParagraph]:
    return [p for s in briefing.sources for p in s.paragraphs if p.kept and not p.heading]


def section_page(briefing: Briefing, config: Config, section_id: str) -> Page:
    rule = config.section(section_id)
    when = _when(briefing)
    groups: dict[str, list[SourceParagraph]] = defaultdict(list)
    for paragraph in _content(briefing):
        if section_id in paragraph.sections:
            groups[topic_of(paragraph.text, rule) or MORE].append(paragraph)
    order = [t.label for t in rule.topics] + [MORE]
    blocks = tuple(CitedList(label if len(groups) > 1 or label != MORE else None,
                             tuple(_cited(p) for p in sorted(groups[label], key=when)))
                   for label in order if groups.get(label))
    if not blocks:
        blocks = (CitedList(None, (), note="No source paragraph matches this section's rules yet."),)
    count = sum(len(b.items) for b in blocks if isinstance(b, CitedList))
    return Page(f"{section_id}.md", rule.title,
                f"{rule.title}: {count} cited paragraphs from {len(briefing.sources)} sources.",
                blocks)


def other_page(briefing: Briefing) -> Page:
    items = tuple(_cited(p) for p in sorted(
        (p for p in _content(briefing) if p.sections == (OTHER,)), key=_when(briefing)))
    blocks = (CitedList(None, items, note=None if items else "Every paragraph fits a section."),)
    return Page("other.md", "Other developments",
                f"Other developments: {len(items)} cited paragraphs that fit no section.", blocks)


def anchor_for(name: str, taken: set[str]) -> str:
    """A stable, unique HTML id for a heading (ASCII letters, digits and hyphens)."""
    base = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", name).encode(
        "ascii", "ignore").decode().casefold()).strip("-") or "speaker"
    anchor, number = base, 2
    while anchor in taken:
        anchor, number = f"{base}-{number}", number + 1
    taken.add(anchor)
    return anchor


def same_quotation(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME_QUOTE


def merge_quotes(quotes: Iterable[Quote]) -> list[list[Quote]]:
    """Quotations of one speaker grouped when sources report the same words (or nearly: a
    "gonna" for a "going to"). Only quotations sharing their first or last words are compared,
    so the work stays near-linear however many sources there are."""
    groups: list[list[Quote]] = []
    keys: list[str] = []
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for quote in quotes:
        key = text_key(quote.text)
        words = key.split()
        handles = (("head", " ".join(words[:4])), ("tail", " ".join(words[-4:])))
        found = next((i for h in handles for i in buckets[h]
                      if key == keys[i] or same_quotation(key, keys[i])), None)
        if found is None:
            found = len(groups)
            groups.append([])
            keys.append(key)
        groups[found].append(quote)
        for handle in handles:
            if found not in buckets[handle]:
                buckets[handle].append(found)
    return groups


def quote_entry(group: list[Quote]) -> QuoteEntry:
    """The earliest wording leads; a later source citing the very same words is one more
    citation, any other wording is shown as it stands in its source."""
    first, *rest = group
    context = Cited(first.context, first.source_id, first.context_line) if first.context else None
    return QuoteEntry(
        Cited(first.text, first.source_id, first.line),
        tuple(Cited(q.text, q.source_id, q.line) for q in rest if q.text == first.text),
        tuple(Cited(q.text, q.source_id, q.line) for q in rest if q.text != first.text),
        context)


QuoteGroups = list[tuple[str, list[QuoteEntry]]]


def quote_groups(briefing: Briefing) -> QuoteGroups:
    """(speaker, entries) with the most quoted first; unidentified speakers last."""
    when = _when(briefing)
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for source in briefing.sources:
        for quote in source.quotes:
            by_speaker[quote.speaker or ""].append(quote)
    grouped = {speaker: [quote_entry(g) for g in merge_quotes(sorted(quotes, key=when))]
               for speaker, quotes in by_speaker.items()}
    order = sorted((s for s in grouped if s), key=lambda s: (-len(grouped[s]), s))
    return [(s, grouped[s]) for s in order + ([""] if "" in grouped else [])]


def speaker_anchors(groups: QuoteGroups) -> dict[str, str]:
    """Each speaker's anchor on the Key quotes page (unique, in the page's order)."""
    taken: set[str] = set()
    return {speaker: anchor_for(speaker or "speaker-not-identified", taken)
            for speaker, _ in groups}


def quotes_page(briefing: Briefing, groups: QuoteGroups | None = None) -> Page:
    groups = quote_groups(briefing) if groups is None else groups
    roles = {p.name: p.role for p in briefing.people}
    anchors = speaker_anchors(groups)
    blocks: list[Block] = []
    for speaker, entries in groups:
        heading = speaker or "Speaker not identified"
        if roles.get(speaker):
            heading = f"{speaker}, {roles[speaker]}"
        blocks.append(QuoteGroup(heading, anchors[speaker], tuple(entries)))
    if not blocks:
        blocks.append(CitedList(None, (), note="No quotations found yet."))
    total = sum(len(entries) for _, entries in groups)
    speakers = sum(1 for speaker, _ in groups if speaker)
    return Page("quotes.md", "Key quotes",
                f"Key quotes: {total} quotations from {speakers} speakers, with context.",
                tuple(blocks))


def people_page(briefing: Briefing, groups: QuoteGroups | None = None) -> Page:
    """Who's who: everyone the sources mention, with role, mentions and quotations. A person's
    quotations are the Key quotes page's entries for them (a quotation several sources report
    is one), so the two pages agree on every count."""
    groups = quote_groups(briefing) if groups is None else groups
    quote_anchors = speaker_anchors(groups)
    entries = {speaker: group for speaker, group in groups if speaker}
    taken: set[str] = set()
    cards = []
    for person in briefing.people:
        quoted = entries.get(person.name, [])
        if not person.mentions and not quoted:
            continue
        cards.append(PersonCard(
            person.name, anchor_for(person.name, taken), person.role, person.mentions,
            person.spellings, tuple(entry.quote for entry in quoted),
            f"quotes.md#{quote_anchors[person.name]}" if person.name in quote_anchors else None))
    blocks: tuple[Block, ...] = tuple(cards) or (
        CitedList(None, (), note="No people found yet."),)
    return Page("people.md", "Who's who",
                f"Who's who: {len(cards)} people named in the sources, with their roles and "
                "quotations.", blocks)


def date_label(when: str) -> str:
    """"30 October 2025 (Thursday)", "October 2025" or "2025"."""
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return f"{day.day} {day:%B %Y} ({day:%A})"
    if len(parts) == 2:
        return f"{dt.date(parts[0], parts[1], 1):%B %Y}"
    return when


def timeline_page(briefing: Briefing) -> Page:
    """Dated sentences from every source, in date order (month- and year-only dates before the
    days they contain), each cited; the same sentence from two sources appears once."""
    when = _when(briefing)
    by_date: dict[str, list[Cited]] = defaultdict(list)
    seen: set[str] = set()
    events = [e for s in briefing.sources for e in find_events(s.paragraphs, s.meta.date)]
    for event in sorted(events, key=lambda e: (e.when, when(e.sentence))):
        key = text_key(event.sentence.text)
        if key in seen:
            continue
        seen.add(key)
        sentence = event.sentence
        by_date[event.when].append(Cited(sentence.text, sentence.source_id, sentence.line))
    blocks: tuple[Block, ...] = tuple(CitedList(date_label(day), tuple(items))
                                      for day, items in sorted(by_date.items())) or (
        CitedList(None, (), note="No dated events found yet."),)
    count = sum(len(items) for items in by_date.values())
    return Page("timeline.md", "Timeline",
                f"Timeline: {count} dated events from {len(briefing.sources)} sources, "
                "relative dates resolved.", blocks)


def glossary_entries(briefing: Briefing, config: Config) -> list[GlossaryEntry]:
    rank = time_order(briefing)
    ordered = sorted(briefing.sources, key=lambda s: rank[s.meta.id])
    return define_terms((p for s in ordered for p in s.paragraphs), config.glossary)


def glossary_page(entries: list[GlossaryEntry]) -> Page:
    """Terms with a definition, from a source or briefing.yml. A term nobody defines is the
    editor's to-do (``briefing generate`` names it), not something to show readers."""
    defined = [e for e in entries if e.text]
    blocks: tuple[Block, ...] = tuple(
        Definition(e.term, Cited(e.definition.text, e.definition.source_id, e.definition.line)
                   if e.definition else None, e.written, e.forms) for e in defined) or (
        CitedList(None, (), note="No defined terms yet."),)
    return Page("glossary.md", "Glossary",
                f"Glossary: {len(defined)} terms; hover a term anywhere on the site for its "
                "definition.", blocks)


def full_page(pages: list[Page], title: str) -> Page:
    """Every briefing page, in navigation order, as one document to print."""
    parts = tuple(Part(page.title, "part-" + page.path.removesuffix(".md").replace("/", "-"),
                       page.blocks) for page in pages)
    return Page("full.md", f"{title}: the full briefing",
                "The whole briefing on one page, ready to print.", parts,
                nav_title="Full briefing (print)", searchable=False)


def key_points(briefing: Briefing, config: Config) -> list[Cited]:
    """The strongest sentences for each section, by term score; earlier sources win ties."""
    when = _when(briefing)
    chosen: list[Cited] = []
    seen: set[str] = set()
    for rule in config.sections:
        candidates = []
        for paragraph in _content(briefing):
            if rule.id not in paragraph.sections:
                continue
            for sentence in sentences(paragraph):
                if len(sentence.text.split()) >= 8:
                    candidates.append((-term_score(sentence.text, rule.terms), when(paragraph),
                                       sentence))
        picked = 0
        for _score, _when_key, sentence in sorted(candidates, key=lambda c: (c[0], c[1])):
            key = text_key(sentence.text)
            if key in seen:
                continue
            seen.add(key)
            chosen.append(Cited(sentence.text, sentence.source_id, sentence.line))
            picked += 1
            if picked >= rule.key_points:
                break
    return chosen


def key_figures(briefing: Briefing) -> list[tuple[str, Cited]]:
    when = _when(briefing)
    seen: set[tuple[str, str]] = set()
    rows = []
    for figure in find_figures(p for s in briefing.sources for p in s.paragraphs):
        key = (text_key(figure.value), text_key(figure.sentence.text))
        if key in seen:
            continue
        seen.add(key)
        rows.append(figure)
    rows.sort(key=lambda f: (KIND_ORDER.index(f.kind), when(f.sentence)))
    return [(f.value, Cited(f.sentence.text, f.sentence.source_id, f.sentence.line))
            for f in rows[:MAX_FIGURES]]


def source_page_path(source_id: str) -> str:
    return f"sources/{source_id}.md"


def home_page(briefing: Briefing, config: Config, section_pages: Iterable[Page]) -> Page:
    event = config.event
    facts = [("What", event.what), ("When", event.when or ""), ("Where", event.where),
             ("Sources", str(len(briefing.sources))), ("As of", briefing.as_of or "unknown")]
    blocks: list[Block] = [Facts(tuple((k, v) for k, v in facts if v))]
    blocks.append(CitedList("Key points", tuple(key_points(briefing, config)),
                            note="No key points yet: add sources or section terms."))
    figures = key_figures(briefing)
    if figures:
        blocks.append(FigureTable("Key figures", tuple(figures)))
    blocks.append(LinkList("In this briefing", tuple(Link(p.title, p.path, p.description)
                                                     for p in section_pages)))
    return Page("index.md", config.title,
                f"{config.title}: a cited briefing from {len(briefing.sources)} sources"
                + (f", as of {briefing.as_of}." if briefing.as_of else "."),
                tuple(blocks), nav_title="Home")


def source_page(source: Source) -> Page:
    meta = source.meta
    removed = tuple(p for p in source.paragraphs if not p.kept)
    facts = [("Outlet", meta.outlet), ("Date", meta.date or "unknown"),
             ("File", f"content/sources/{PurePath(meta.path).name}"),
             ("Paragraphs", f"{len(source.kept)} kept, {len(removed)} removed in cleaning")]
    if meta.url:
        facts.insert(2, ("Original", meta.url))
    blocks: list[Block] = [Facts(tuple(facts)), SourceText(source.kept)]
    if removed:
        blocks.append(RemovedList(removed))
    return Page(source_page_path(meta.id), meta.title,
                f"{meta.outlet}, {meta.date or 'undated'}: full cleaned text with numbered "
                "paragraphs.", tuple(blocks), nav_title=meta.outlet)


def sources_index(briefing: Briefing) -> Page:
    rank = time_order(briefing)
    links = tuple(Link(s.meta.title, source_page_path(s.meta.id),
                       f"{s.meta.outlet}, {s.meta.date or 'date unknown'}")
                  for s in sorted(briefing.sources, key=lambda s: rank[s.meta.id]))
    return Page("sources/index.md", "Sources", f"The {len(links)} sources of this briefing.",
                (LinkList(None, links),))


def compose_pages(briefing: Briefing, config: Config,
                  entries: list[GlossaryEntry] | None = None) -> list[Page]:
    """All pages, in navigation order: home, the configured page order, then each source."""
    ordered: list[Page] = []
    groups = quote_groups(briefing)  # merged once for Key quotes and Who's who
    wants_full = False
    for page_id in config.pages:
        if page_id == "full":
            wants_full = True
        elif page_id == "timeline":
            ordered.append(timeline_page(briefing))
        elif page_id == "glossary":
            ordered.append(glossary_page(entries if entries is not None else
                                         glossary_entries(briefing, config)))
        elif page_id == "quotes":
            ordered.append(quotes_page(briefing, groups))
        elif page_id == "people":
            ordered.append(people_page(briefing, groups))
        elif page_id == "other":
            ordered.append(other_page(briefing))
        elif page_id == "sources":
            ordered.append(sources_index(briefing))
        else:
            ordered.append(section_page(briefing, config, page_id))
    home = home_page(briefing, config, [p for p in ordered if p.path != "sources/index.md"])
    rank = time_order(briefing)
    sources = [source_page(s) for s in sorted(briefing.sources, key=lambda s: rank[s.meta.id])]
    full = [full_page([home, *(p for p in ordered if p.path != "sources/index.md")],
                      config.title)] if wants_full else []
    return [home, *ordered, *full, *sources]
