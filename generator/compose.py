"""Stage 5: decide what goes on which page, in what order. Pages are data here, not Markdown.

Every text a page carries is a ``Cited``: verbatim cleaned source text with the paragraph it came
from. Headings and labels are the only words this module makes up.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from generator.blocks import (PERSON_QUOTES, Block, Cited, CitedList, Definition, EditedPage,
                               Facts, FigureRow, FigureTable, Link, LinkList, Page, Part,
                               PersonCard, QuoteEntry, QuoteGroup, RemovedList, SourceText,
                               counted)
from generator.centrality import centrality
from generator.classify import OTHER, term_score, topic_of
from generator.clean import text_key
from generator.config import Config
from generator.dates import find_events
from generator.figures import KeyFigure, figure_facts, pick_key_figures
from generator.glossary import GlossaryEntry, define_terms
from generator.people import tree_pattern
from generator.paginate import Rank, paginate, relink, split
from generator.segment import SPANS_REMEMBERED, sentences
from generator.statements import (Statement, find_statements, label_end, previews_of,
                                  time_rank)
from generator.structure import (Briefing, Quote, Sentence, Source, SourceMeta,
                                 SourceParagraph)
from generator.time_sections import earliest_day

MORE = "More"
MAX_FIGURES = 12
SAME_QUOTE = 0.85  # share of matching characters for two wordings of one quotation


def time_order(briefing: Briefing) -> dict[str, int]:
    """Rank of each source in time (date, then id): pages list things in this order, and the
    statements stage takes the earliest wording as a fact's lead by the same rank."""
    return time_rank(briefing.sources)


def _when(briefing: Briefing):
    rank = time_order(briefing)
    return lambda item: (rank[item.source_id], item.line)


@functools.lru_cache(maxsize=SPANS_REMEMBERED)
def _sentences(paragraph: SourceParagraph) -> tuple[Sentence, ...]:
    """A paragraph's sentences, cut once for all the pages and figures that read them."""
    return tuple(sentences(paragraph))


def _cited(said: SourceParagraph | Sentence | Quote) -> Cited:
    """A paragraph, a sentence or a quotation, cited where it stands."""
    return Cited(said.text, said.source_id, said.line)


@dataclass(frozen=True)
class Corroboration:
    """How statements (facts several sources report) show on paragraph pages: a paragraph
    holding a statement's lead cites the other sources' sentences with it; a paragraph whose
    every sentence repeats facts led elsewhere is not shown again (its source page keeps it,
    and the lead cites it)."""

    also: dict[tuple[str, int], tuple[Cited, ...]]
    matched_on: dict[tuple[str, int], tuple[str, ...]]
    repeated: frozenset[tuple[str, int, int]]  # (source, line, start) of non-lead sentences
    lead_of: dict[tuple[str, int, int], tuple[str, int, int]] = field(default_factory=dict)
    reports: dict[tuple[str, int, int], int] = field(default_factory=dict)  # lead -> sources
    members: dict[tuple[str, int, int], tuple[Cited, ...]] = field(default_factory=dict)
    # a member that stands in for its lead where a sentence must stand alone (key points):
    # the earliest self-contained wording when the lead is not ("It will also drop …")
    stand_ins: dict[tuple[str, int, int], tuple[tuple[str, int, int], Cited]] = field(
        default_factory=dict)  # member -> its lead's place and the lead

    def entry(self, paragraph: SourceParagraph) -> Cited:
        key = (paragraph.source_id, paragraph.line)
        return Cited(paragraph.text, paragraph.source_id, paragraph.line,
                     self.also.get(key, ()), self.matched_on.get(key, ()))

    def cite(self, sentence: Sentence) -> Cited:
        """A sentence, citing the other sources that report it when it leads a statement (or
        stands in for its lead: then the lead and the others)."""
        place = (sentence.source_id, sentence.line, sentence.start)
        if place not in self.stand_ins:
            return Cited(sentence.text, sentence.source_id, sentence.line,
                         self.members.get(place, ()))
        lead_place, lead = self.stand_ins[place]
        others = self.members.get(lead_place, ())
        return Cited(sentence.text, sentence.source_id, sentence.line,
                     (lead, *(c for c in others if c.source_id != sentence.source_id)))

    def reported(self, sentence: Sentence) -> int:
        """How many sources report the fact a sentence leads (or stands in for)."""
        place = (sentence.source_id, sentence.line, sentence.start)
        return self.reports.get(self.stand_ins[place][0] if place in self.stand_ins else place,
                                1)

    @functools.cached_property
    def repeating(self) -> frozenset[tuple[str, int]]:
        """(source, line) of the paragraphs holding a repeated sentence."""
        return frozenset(place[:2] for place in self.repeated)

    def shown(self, paragraph: SourceParagraph) -> bool:
        place = (paragraph.source_id, paragraph.line)
        if place in self.also:
            return True
        if place not in self.repeating:  # no sentence to check: shown if it has any
            return bool(paragraph.text.strip())
        return not all((s.source_id, s.line, s.start) in self.repeated
                       for s in _sentences(paragraph))


def corroborate(statements: Iterable[Statement],
                previews: frozenset[str] = frozenset()) -> Corroboration:
    """How statements show on pages. A stand-in for a lead that is not self-contained is the
    earliest member that is, from a source that is not one of ``previews`` (written before the
    event: see find_statements), and in no other statement (else it would tell two facts, or
    show twice)."""
    statements = list(statements)
    held = Counter(place for statement in statements for place in
                   {(m.source_id, m.line, m.start) for m in statement.members})
    members: dict[tuple[str, int, int], dict[str, Cited]] = defaultdict(dict)
    matched: dict[tuple[str, int], dict[str, None]] = defaultdict(dict)
    repeated: set[tuple[str, int, int]] = set()
    reports: dict[tuple[str, int, int], int] = {}
    lead_of: dict[tuple[str, int, int], tuple[str, int, int]] = {}
    stand_ins: dict[tuple[str, int, int], tuple[tuple[str, int, int], Cited]] = {}
    for statement in statements:
        lead = (statement.lead.source_id, statement.lead.line, statement.lead.start)
        # the lead's source telling the fact again stays on its page, as its own entry
        others = [m for m in statement.members[1:] if m.source_id != lead[0]]
        if not self_contained(statement.lead.text):
            stand_in = next(((m.source_id, m.line, m.start) for m in others
                             if m.source_id not in previews and
                             held[(m.source_id, m.line, m.start)] == 1 and
                             self_contained(m.text)), None)
            if stand_in is not None:
                stand_ins[stand_in] = (lead, _cited(statement.lead))
        for member in (statement.lead, *others):
            lead_of.setdefault((member.source_id, member.line, member.start), lead)
        reports[lead] = max(reports.get(lead, 1), statement.reported_by)
        for member in others:
            repeated.add((member.source_id, member.line, member.start))
            if member.source_id not in members[lead]:
                members[lead][member.source_id] = _cited(member)
        matched[lead[:2]].update(dict.fromkeys(statement.matched_on))
    also: dict[tuple[str, int], dict[str, Cited]] = defaultdict(dict)
    for lead, cited in members.items():  # a paragraph cites what its lead sentences do
        for source_id, sentence in cited.items():
            also[lead[:2]].setdefault(source_id, sentence)
    return Corroboration({k: tuple(v.values()) for k, v in also.items()},
                         {k: tuple(v) for k, v in matched.items()}, frozenset(repeated),
                         lead_of, reports, {k: tuple(v.values()) for k, v in members.items()},
                         stand_ins)


NO_CORROBORATION = Corroboration({}, {}, frozenset())


def _content(briefing: Briefing) -> list[SourceParagraph]:
    return [p for s in briefing.sources for p in s.paragraphs if p.kept and not p.heading]


def section_page(briefing: Briefing, config: Config, section_id: str,
                 corroboration: Corroboration = NO_CORROBORATION) -> Page:
    rule = config.section(section_id)
    when = _when(briefing)
    groups: dict[str, list[SourceParagraph]] = defaultdict(list)
    for paragraph in _content(briefing):
        if paragraph.sections[:1] == (section_id,) and corroboration.shown(paragraph):
            groups[topic_of(paragraph.text, rule) or MORE].append(paragraph)
    order = [t.label for t in rule.topics] + [MORE]
    blocks = tuple(CitedList(label if len(groups) > 1 or label != MORE else None,
                             tuple(corroboration.entry(p) for p in sorted(groups[label],
                                                                          key=when)))
                   for label in order if groups.get(label))
    if not blocks:
        blocks = (CitedList(None, (), note="No source paragraph matches this section's rules yet."),)
    items = [item for b in blocks if isinstance(b, CitedList) for item in b.items]
    sources = {cited.source_id for item in items for cited in (item, *item.also)}
    return Page(f"{section_id}.md", rule.title,
                f"{rule.title}: {counted(len(items), 'cited paragraph')} from "
                f"{counted(len(sources), 'source')}.", blocks)


def other_page(briefing: Briefing, corroboration: Corroboration = NO_CORROBORATION) -> Page:
    items = tuple(corroboration.entry(p) for p in sorted(
        (p for p in _content(briefing) if p.sections == (OTHER,) and corroboration.shown(p)),
        key=_when(briefing)))
    blocks = (CitedList(None, items, note=None if items else "Every paragraph fits a section."),)
    return Page("other.md", "Other developments",
                f"Other developments: {counted(len(items), 'cited paragraph')} that fit no "
                "section.", blocks)


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
    return QuoteEntry(_cited(first), tuple(_cited(q) for q in rest if q.text == first.text),
                      tuple(_cited(q) for q in rest if q.text != first.text), context,
                      first.candidates)


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


SPELLING_CITES = 3


def spelling_citations(briefing: Briefing) -> dict[str, tuple[tuple[str, tuple[Cited, ...]], ...]]:
    """For each person whose name the sources spell differently, every spelling (the name's
    first) with the first paragraphs, in time order, that write it. One pass over the kept
    paragraphs with one pattern of all those spellings."""
    owner = {form: person.name for person in briefing.people if person.spellings
             for form in (person.name, *person.spellings)}
    if not owner:
        return {}
    pattern = tree_pattern(owner, r"(?<![\w’'-])", r"(?![\w’'-])") or re.compile(
        "|".join(rf"(?<![\w’'-]){re.escape(f)}(?![\w’'-])"
                 for f in sorted(owner, key=lambda f: (-len(f), f))))
    screen = tree_pattern(owner)  # the forms alone, without the look-behind: a quick test
    cited: dict[str, list[Cited]] = {form: [] for form in owner}
    when = _when(briefing)
    for paragraph in sorted(_content(briefing), key=when):
        if screen and not screen.search(paragraph.text):
            continue
        for form in dict.fromkeys(pattern.findall(paragraph.text)):
            if len(cited[form]) < SPELLING_CITES:
                cited[form].append(_cited(paragraph))
    return {person.name: tuple((form, tuple(cited[form]))
                               for form in (person.name, *person.spellings))
            for person in briefing.people if person.spellings}


def people_page(briefing: Briefing, groups: QuoteGroups | None = None) -> Page:
    """Who's who: everyone the sources mention, with role, mentions and quotations. A person's
    quotations are the Key quotes page's entries for them (a quotation several sources report
    is one), so the two pages agree on every count."""
    groups = quote_groups(briefing) if groups is None else groups
    quote_anchors = speaker_anchors(groups)
    entries = {speaker: group for speaker, group in groups if speaker}
    written = spelling_citations(briefing)
    taken: set[str] = set()
    cards = []
    for person in briefing.people:
        quoted = entries.get(person.name, [])
        if not person.mentions and not quoted:
            continue
        best = sorted(quoted, key=lambda e: -(1 + len(e.same) + len(e.variants)))
        cards.append(PersonCard(
            person.name, anchor_for(person.name, taken), person.role, person.mentions,
            person.spellings, tuple(entry.quote for entry in best[:PERSON_QUOTES]),
            f"quotes.md#{quote_anchors[person.name]}" if person.name in quote_anchors else None,
            len(quoted), written.get(person.name, ())))
    blocks: tuple[Block, ...] = tuple(cards) or (
        CitedList(None, (), note="No people found yet."),)
    return Page("people.md", "Who's who",
                f"Who's who: {len(cards)} people named in the sources, with their roles and "
                "quotations.", blocks)


@functools.lru_cache(maxsize=1 << 12)
def date_label(when: str) -> str:
    """A date at its precision: "30 October 2025 (Thursday)", "October 2025" or "2025".
    Remembered: a timeline labels thousands of events with a few hundred dates."""
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return f"{day.day} {day:%B %Y} ({day:%A})"
    if len(parts) == 2:
        return f"{dt.date(parts[0], parts[1], 1):%B %Y}"
    return when


def timeline_page(briefing: Briefing, corroboration: Corroboration = NO_CORROBORATION) -> Page:
    """Events from every source, in date order (month- and year-only dates before the days they
    contain), each cited. Reports of one event are one entry, citing every source: the same
    words, or sentences the statements stage found to report one fact. When sources date one
    event differently, each date shows with its sources, under a flagged heading. A sentence
    naming two events is listed under each date."""
    when = _when(briefing)
    groups: dict[tuple, dict[str, list]] = {}
    events = [e for s in briefing.sources for e in (
        s.events if s.events is not None else find_events(s.paragraphs, s.meta.date))]
    dates_in = Counter((e.sentence.source_id, e.sentence.line, e.sentence.start) for e in events)
    for event in sorted(events, key=lambda e: (e.when, when(e.sentence))):
        sentence = event.sentence
        place = (sentence.source_id, sentence.line, sentence.start)
        lead = corroboration.lead_of.get(place)
        # a fact's reports that each give one date are one event, whatever date each gives;
        # a sentence giving several dates cannot say which is which, so only equal dates join
        key = (("fact", lead) if dates_in[place] == 1 else ("fact", lead, event.when)) \
            if lead else (text_key(sentence.text), event.expression.casefold())
        groups.setdefault(key, {}).setdefault(event.when, []).append(event)
    by_heading: dict[tuple[str, bool, str], list[Cited]] = defaultdict(list)
    entries = [part for group in groups.values() for part in _conflicting(group)]
    for dated in entries:
        differ = len(dated) > 1
        heading = " or ".join(map(date_label, dated)) + (SOURCES_DIFFER if differ else "")
        by_heading[(next(iter(dated)), differ, heading)].extend(
            _event_entry(reports) for reports in dated.values())
    blocks: tuple[Block, ...] = tuple(CitedList(heading, tuple(items)) for (_day, _differ, heading),
                                      items in sorted(by_heading.items())) or (
        CitedList(None, (), note="No dated events found yet."),)
    return Page("timeline.md", "Timeline",
                f"Timeline: {len(entries)} events from {len(briefing.sources)} sources, each dated "
                "at its precision, relative dates resolved.", blocks)


MAX_MISDATING_DAYS = 366
"""Sources misdate an event by days, or a year: reports of one fact dated further apart than
this are about two events ("last met in 2019" and "today's talks", grouped on shared words).
(Seven days was tried: it hid a genuine disagreement, one cut dated 10 and 20 November, to
spare the editor moments of one fact the statements stage groups, agreed on 30 October and in
force on 10 November.)"""


def _conflicting(dated: dict[str, list]) -> list[dict[str, list]]:
    """One event dated differently stays one flagged entry; dates that only differ in
    precision (2025, October 2025, 29 October 2025) do not conflict, and may well date
    different things the sentences say: each stays its own entry. Dates more than
    MAX_MISDATING_DAYS apart are apart: each run of dates closer than that is its own
    entry (and a conflict within it is still flagged)."""
    runs: list[dict[str, list]] = []
    last: dt.date | None = None
    for when in sorted(dated, key=earliest_day):
        if last is None or (earliest_day(when) - last).days > MAX_MISDATING_DAYS:
            runs.append({})
        runs[-1][when] = dated[when]
        last = earliest_day(when)
    result = []
    for run in runs:
        # a date that holds another of the run (2025, October 2025 for 29 October 2025) is
        # compatible with it: its reports are an entry of their own, not a side of a conflict
        held = {other[:end] for other in run for end in (4, 7) if len(other) > end}
        result += [{when: run.pop(when)} for when in [w for w in run if w in held]]
        if run:
            result.append(run)
    return result


SOURCES_DIFFER = ": sources differ"
MAX_DISAGREEMENTS = 12


def disagreements(pages: Iterable[Page], sources: dict[str, SourceMeta]) -> list[str]:
    """What the editor is told: each key figure and each event that sources give differently,
    with where, so it can be checked against the originals."""
    def where(cited: tuple[Cited, ...]) -> str:
        return ", ".join(f"{sources[c.source_id].path} line {c.line}" for c in cited[:2])
    found = []
    for page in pages:
        for block in page.blocks:
            if isinstance(block, FigureTable):
                found += [f"key figure '{fact.measure}': {fact.figure} ({where(fact.citations)})"
                          + "".join(f" or {rival.figure} ({where(rival.citations)})"
                                    for rival in fact.disagreeing[:2])
                          for fact in block.facts if fact.disagreeing]
            elif isinstance(block, CitedList) and (block.heading or "").endswith(SOURCES_DIFFER):
                found.append(f"timeline: {block.heading.removesuffix(SOURCES_DIFFER)} "
                             f"({where(block.items)})")
    more = len(found) - MAX_DISAGREEMENTS
    return found[:MAX_DISAGREEMENTS] + ([f"and {more} more"] if more > 0 else [])


def _event_entry(reports: list) -> Cited:
    """The earliest report's sentence, citing the other sources that report it."""
    first, *rest = reports
    also = {e.sentence.source_id: _cited(e.sentence)
            for e in rest if e.sentence.source_id != first.sentence.source_id}
    sentence = first.sentence
    return without_label(Cited(sentence.text, sentence.source_id, sentence.line,
                               tuple(also.values())))


def without_label(cited: Cited) -> Cited:
    """A sentence shown alone (a key point, a timeline entry) without its paragraph's leading
    label: a dateline ("NEW ORLEANS, Sept 9 (Meridian) -"), a speaker ("MORENO:"), a live
    blog's time. What is left is still the source's words, cited to the same paragraph."""
    cut = label_end(cited.text)
    return replace(cited, text=cited.text[cut:]) if cut and cited.text[cut:].strip() else cited


def glossary_entries(briefing: Briefing, config: Config) -> list[GlossaryEntry]:
    rank = time_order(briefing)
    ordered = sorted(briefing.sources, key=lambda s: rank[s.meta.id])
    return define_terms((p for s in ordered for p in s.paragraphs), config.glossary)


def glossary_page(entries: list[GlossaryEntry]) -> Page:
    """Terms with a definition, from a source or briefing.yml. A term nobody defines is the
    editor's to-do (``briefing generate`` names it), not something to show readers."""
    defined = [e for e in entries if e.text]
    blocks: tuple[Block, ...] = tuple(
        Definition(e.term, e.definition and _cited(e.definition), e.written, e.forms,
                   e.expansion and _cited(e.expansion))
        for e in defined) or (
        CitedList(None, (), note="No defined terms yet."),)
    return Page("glossary.md", "Glossary",
                f"Glossary: {len(defined)} terms; hover a term anywhere on the site for its "
                "definition.", blocks)


FULL_PART_BUDGET = 12_000  # characters of each page's part in the full briefing
FULL_PART_PER_LIST = 4


def full_page(pages: list[Page], title: str, rank: Rank,
              edited: Mapping[str, str] | None = None) -> Page:
    """Every briefing page, in navigation order, as one document to print; a long page gives
    its best entries (see paginate.py) and a link to the rest. A page the editor edited
    (``edited``: its path and file text) is there as edited: the printed briefing must not
    say what the editor corrected on the page."""
    parts = []
    for page in pages:
        if edited and page.path in edited:
            parts.append(Part(page.title, "part-" + page.path.removesuffix(".md").replace(
                "/", "-"), (EditedPage(edited[page.path], page.path),)))
            continue
        cut = split(page.blocks, rank, FULL_PART_BUDGET, FULL_PART_PER_LIST)
        blocks = cut.first + ((LinkList(None, (Link(f"All of {page.title}", page.path),)),)
                              if cut.rest else ())
        parts.append(Part(page.title, "part-" + page.path.removesuffix(".md").replace("/", "-"),
                          blocks))
    return Page("full.md", f"{title}: the full briefing",
                "The whole briefing on one page, ready to print.", tuple(parts),
                nav_title="Full briefing (print)", searchable=False)


DANGLING = frozenset("this that these those their his her its he she they it but and also "
                     "however meanwhile still yet so then there here such".split())
"""A sentence opening with one of these leans on the one before: not self-contained."""
KEY_POINT_WORDS = 8
LATEST_POINTS = 3


def self_contained(text: str) -> bool:
    """A sentence a reader can take alone: long enough, not leaning on the one before ("This
    means …", "He added that …"), and no greeting ("Good morning and welcome to our live
    coverage of …": it carries news for the page, not for the home page's key points)."""
    words = text.split()
    if len(words) < KEY_POINT_WORDS or not text[:1].isupper() or GREETING.match(text):
        return False
    first = words[0].strip("“”\"'‘’(").casefold()
    return first not in DANGLING and " added that" not in " ".join(words[:4]).casefold()


GREETING = re.compile(r"(?:good (?:morning|afternoon|evening)|hello|hi)(?:[,.!]|\s+(?:and|"
                      r"everyone|all|there)\b)|welcome (?:to|back)\b", re.IGNORECASE)


def _candidates(briefing: Briefing, corroboration: Corroboration, paragraphs=None,
                stand_ins: bool = True):
    """Self-contained sentences of sectioned paragraphs that no earlier source said first, or
    that stand in for a lead that is not self-contained (not with ``stand_ins`` off)."""
    for paragraph in paragraphs if paragraphs is not None else _content(briefing):
        if paragraph.sections == (OTHER,):
            continue
        for sentence in _sentences(paragraph):
            place = (sentence.source_id, sentence.line, sentence.start)
            if place in corroboration.repeated and (
                    not stand_ins or place not in corroboration.stand_ins):
                continue
            if self_contained(sentence.text):
                yield paragraph, sentence


TIME_FIRST = {"now": 0, None: 1, "past": 2}
"""The order of sections on the home page: what happens now, then what has no time, then the
background, whatever order the pages are in."""


def key_points(briefing: Briefing, config: Config,
               corroboration: Corroboration = NO_CORROBORATION) -> list[Cited]:
    """What happened, first: for each section, the news first and the background last, its
    sentences reported by the most sources, then the most central (closest to what the sources
    together are about), then the strongest by the section's terms, then the most recent; each
    self-contained (no opening "this", "he added that") and said once."""
    order = time_order(briefing)
    chosen: list[Cited] = []
    seen: set[str] = set()
    everything = list(_candidates(briefing, corroboration))  # split once, not per section
    placed = {(p.source_id, p.line): p.sections for p in _content(briefing)}

    def sections_of(paragraph: SourceParagraph, sentence: Sentence) -> tuple[str, ...]:
        """A stand-in is placed where its lead is (an editor's pin moves the lead)."""
        lead = corroboration.stand_ins.get((sentence.source_id, sentence.line, sentence.start))
        return paragraph.sections if lead is None else placed.get(lead[0][:2], ())

    central = centrality(sentence for _paragraph, sentence in everything)
    for rule in sorted(config.sections, key=lambda rule: TIME_FIRST.get(rule.time, 1)):
        candidates = []
        for paragraph, sentence in everything:
            if rule.id in sections_of(paragraph, sentence):
                reports = corroboration.reported(sentence)
                candidates.append(((-reports, -round(central.of(sentence), 3),
                                    -term_score(sentence.text, rule.terms),
                                    -order[sentence.source_id], sentence.line), sentence))
        picked = 0
        for _key, sentence in sorted(candidates, key=lambda c: c[0]):
            key = text_key(sentence.text)
            if key in seen:
                continue
            seen.add(key)
            chosen.append(corroboration.cite(sentence))
            picked += 1
            if picked >= rule.key_points:
                break
    return chosen


def latest_points(briefing: Briefing, config: Config, corroboration: Corroboration,
                  taken: Iterable[Cited]) -> list[Cited]:
    """What the newest day's sources add: their sentences no earlier source reported (a fact a
    preview reported first is led by a later wording, see find_statements, yet is not new),
    the strongest by section terms first. Nothing when every source has the same date."""
    dates = sorted({s.meta.date for s in briefing.sources if s.meta.date})
    if len(dates) < 2:
        return []
    newest = [p for s in briefing.sources if s.meta.date == dates[-1] for p in s.paragraphs
              if p.kept and not p.heading]
    earlier = {s.meta.id for s in briefing.sources if s.meta.date and s.meta.date < dates[-1]}
    shown = {(c.source_id, c.line, c.text) for c in taken}
    rules = {rule.id: rule for rule in config.sections}
    candidates = [(-term_score(sentence.text, rules[paragraph.sections[0]].terms),
                   sentence.source_id, sentence.line, sentence.start, sentence)
                  for paragraph, sentence in _candidates(briefing, corroboration, newest,
                                                         stand_ins=False)
                  if (sentence.source_id, sentence.line, sentence.text) not in shown
                  and not any(c.source_id in earlier for c in corroboration.members.get(
                      (sentence.source_id, sentence.line, sentence.start), ()))]
    return [corroboration.cite(c[-1]) for c in sorted(candidates, key=lambda c: c[:4])
            [:LATEST_POINTS]]


def key_figures(briefing: Briefing) -> list[FigureRow]:
    """The home page's key figures as facts, each once: what it measures, its values, every
    sentence stating it (in time order), and other sources' values when they disagree."""
    when = _when(briefing)
    facts = figure_facts((p for s in briefing.sources for p in s.paragraphs), _sentences)
    return [_figure_row(fact, when) for fact in pick_key_figures(facts, MAX_FIGURES, when)]


def _figure_row(fact: KeyFigure, when) -> FigureRow:
    """The sentence the measure and values come from is cited first, the others by time."""
    others = sorted((s for s in fact.citations if s != fact.sentence), key=when)
    citations = tuple(_cited(s) for s in (fact.sentence, *others))
    return FigureRow(fact.measure, fact.values, citations, fact.change,
                     tuple(_figure_row(rival, when) for rival in fact.disagrees_with))


def source_page_path(source_id: str) -> str:
    return f"sources/{source_id}.md"


def home_page(briefing: Briefing, config: Config, section_pages: Iterable[Page],
              corroboration: Corroboration = NO_CORROBORATION) -> Page:
    event = config.event
    facts = [("What", event.what), ("When", event.when or ""), ("Where", event.where),
             ("Sources", str(len(briefing.sources))), ("As of", briefing.as_of or "unknown")]
    blocks: list[Block] = [Facts(tuple((k, v) for k, v in facts if v))]
    points = key_points(briefing, config, corroboration)
    blocks.append(CitedList("Key points", tuple(map(without_label, points)),
                            note="No key points yet: add sources or section terms."))
    latest = [without_label(c) for c in latest_points(briefing, config, corroboration, points)]
    dates = sorted({s.meta.date for s in briefing.sources if s.meta.date})
    if latest:
        newest = dt.date.fromisoformat(dates[-1])
        blocks.append(CitedList(f"Latest: what the sources of {newest.day} {newest:%B %Y} add",
                                tuple(latest)))
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


def sources_index(briefing: Briefing) -> list[Page]:
    """Every source, newest first under its date, and the same by outlet on a second page."""
    rank = time_order(briefing)
    newest = sorted(briefing.sources, key=lambda s: rank[s.meta.id], reverse=True)
    by_date: dict[str, list[Link]] = defaultdict(list)
    by_outlet: dict[str, list[Link]] = defaultdict(list)
    for source in newest:
        meta = source.meta
        by_date[meta.date or ""].append(Link(meta.title, source_page_path(meta.id), meta.outlet))
        by_outlet[meta.outlet].append(Link(meta.title, source_page_path(meta.id),
                                           meta.date or "date unknown"))
    count = len(briefing.sources)
    other = LinkList(None, (Link("The same sources by outlet", OUTLET_INDEX),))
    dated = tuple(LinkList(date_label(day) if day else "Date unknown", tuple(links))
                  for day, links in by_date.items())
    outlets = tuple(LinkList(f"{outlet} ({len(links)})", tuple(links))
                    for outlet, links in sorted(by_outlet.items(),
                                                key=lambda o: (o[0].casefold(), o[0])))
    return [Page("sources/index.md", "Sources",
                 f"The {count} sources of this briefing, newest first.", (other, *dated)),
            Page(OUTLET_INDEX, "Sources by outlet",
                 f"The {count} sources of this briefing by outlet.",
                 (LinkList(None, (Link("The same sources by date", "sources/index.md"),)),
                  *outlets), part_of="sources/index.md")]


OUTLET_INDEX = "sources/by-outlet.md"


def compose_pages(briefing: Briefing, config: Config,
                  entries: list[GlossaryEntry] | None = None,
                  statements: Iterable[Statement] | None = None,
                  edited: Mapping[str, str] | None = None) -> list[Page]:
    """All pages, in navigation order: home, the configured page order, then each source.
    ``statements`` are the briefing's (as the editor steered them), found here if not given;
    ``edited`` the pages the editor edited (path -> file text), for the full briefing."""
    ordered: list[Page] = []
    groups = quote_groups(briefing)  # merged once for Key quotes and Who's who
    corroboration = corroborate(
        find_statements(briefing, config.statements, config.event.when)
        if statements is None else statements, previews_of(briefing, config.event.when))
    wants_full = False
    for page_id in config.pages:
        if page_id == "full":
            wants_full = True
        elif page_id == "timeline":
            ordered.append(timeline_page(briefing, corroboration))
        elif page_id == "glossary":
            ordered.append(glossary_page(entries if entries is not None else
                                         glossary_entries(briefing, config)))
        elif page_id == "quotes":
            ordered.append(quotes_page(briefing, groups))
        elif page_id == "people":
            ordered.append(people_page(briefing, groups))
        elif page_id == "other":
            ordered.append(other_page(briefing, corroboration))
        elif page_id == "sources":
            ordered += sources_index(briefing)
        else:
            ordered.append(section_page(briefing, config, page_id, corroboration))
    briefing_pages = [p for p in ordered if not p.path.startswith("sources/")]
    home = home_page(briefing, config, briefing_pages, corroboration)
    order = time_order(briefing)
    sources = [source_page(s) for s in sorted(briefing.sources, key=lambda s: order[s.meta.id])]
    rank = item_rank(briefing)
    full = [full_page([home, *briefing_pages],
                      config.title, rank, edited)] if wants_full else []
    split_pages = [paginate(page, rank) for page in (home, *ordered)]
    return relink([*(pages[0] for pages in split_pages), *full,
                   *(more for pages in split_pages for more in pages[1:]), *sources])


def item_rank(briefing: Briefing) -> Rank:
    """How entries rank on a capped page: the most corroborated first, then the most recent
    source, then the order in the source. Entries that are not claims keep their order."""
    order = time_order(briefing)

    def rank(item: object) -> tuple:
        if isinstance(item, QuoteEntry):
            return (-(1 + len(item.same) + len(item.variants)), -order[item.quote.source_id],
                    item.quote.line)
        if isinstance(item, Cited):
            return (-item.reported_by, -order[item.source_id], item.line)
        return (0, 0, 0)
    return rank
