"""The pipeline: load → clean → classify → people and quotes → compose → render → write.

Per-source work is cached by the source's bytes and the configuration, so a desk with thousands
of articles only pays for the ones that changed. Cross-source steps are single passes with hash
tables (repeats, people), never comparisons of all pairs.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from generator import freshness
from generator.classify import classify_paragraphs
from generator.clean import (HEADLINE, clean_paragraphs, headline_paragraph,
                             remove_cross_source_repeats)
from generator.compose import (compose_pages, disagreements, glossary_entries,
                               source_page_path)
from generator.config import Config, load_config
from generator.dates import DatedEvent, find_events
from generator.errors import BriefingError
from generator.load import (UNKNOWN_OUTLET, check_source_entries, check_unique_ids,
                            distinct_ids, find_sources, ignored_entries, load_source)
from generator.markdown import ABBREVIATIONS, render_abbreviations, render_pages, yaml_text
from generator.paginate import continued_page
from generator.partition import partition
from generator.patterns import PatternTooSlow
from generator.people import (PeopleIndex, base_index, count_mentions, find_people,
                              name_as_written)
from generator.provenance import find_provenance, with_provenance
from generator.quotes import find_quotes
from generator.summary_lists import keep_summary_lists
from generator.statements import find_statements
from generator.steer import steer
from generator.time_sections import place_in_time
from generator.structure import (Briefing, Person, Quote, Sentence, Source, SourceMeta,
                                 SourceParagraph)
from generator.write import (JOURNAL, Changes, WriteReport, dead_source_links, edited_pages,
                             editor_pages, finish_interrupted, nav_block, plan_file,
                             plan_mkdocs_config, plan_pages, run_lock)

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Project:
    """Where a briefing's files live. Every path derives from the project folder."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def config_path(self) -> Path:
        return self.content / "briefing.yml"

    @property
    def sources_dir(self) -> Path:
        return self.content / "sources"

    @property
    def docs_dir(self) -> Path:
        return self.content / "pages"

    @property
    def mkdocs_path(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache" / "briefing"

    @property
    def lock_path(self) -> Path:
        return self.root / ".cache" / "briefing.lock"

    @property
    def run_record(self) -> Path:
        return self.root / ".cache" / "briefing-run.json"

    def stamp(self) -> str:
        """The state of everything a generation reads and writes (see freshness.py)."""
        return freshness.stamp([self.config_path, self.mkdocs_path], [self.sources_dir],
                               [self.docs_dir])


@dataclass(frozen=True)
class Analysis:
    """What one source gives, before anything is compared across sources."""

    source: Source
    people: tuple[Person, ...]
    bodies: tuple[str, ...] = ()  # names (casefolded) the source gives a body, not a person


def analyse(path: Path, config: Config, follow_links: bool = False) -> Analysis:
    loaded = load_source(path, config, follow_links)
    return _analyse_loaded(loaded.meta, loaded.lines, config)


def _analyse_loaded(meta: SourceMeta, lines, config: Config) -> Analysis:
    try:
        cleaned = keep_summary_lists(clean_paragraphs(meta, lines, config),
                                     config.summary_labels)
    except PatternTooSlow as error:
        raise error.on(meta.path) from None
    paragraphs = classify_paragraphs(cleaned, config)
    if meta.outlet == UNKNOWN_OUTLET or not meta.date:  # briefing.yml said it all otherwise
        meta = with_provenance(meta, find_provenance(paragraphs, lines))
    if not meta.title:
        meta = _with_title(meta, paragraphs)
    index = base_index(config)
    find_people(paragraphs, index, config)
    quotes = find_quotes(paragraphs, config, index)
    events = tuple(find_events(paragraphs, meta.date))
    paragraphs = place_in_time(paragraphs, events, meta.date, config)
    notes = tuple(f"name '{spelling}' (line {index.spelling_lines.get(spelling, '?')}) taken as "
                  f"a misspelling of '{person.name}'; if they are different people, list both "
                  "under people: in briefing.yml"
                  for person in index.people.values() for spelling in person.spellings)
    if not has_article_text(paragraphs, meta.title):
        notes += (f"{NO_ARTICLE_TEXT} (cleaning removed every paragraph as page furniture, "
                  "or kept only the title; `briefing extract FILE` shows why each went)",)
    if notes:
        meta = replace(meta, notes=meta.notes + notes)
    return Analysis(Source(meta, paragraphs, quotes, events), tuple(index.people.values()),
                    tuple(sorted(index.bodies)))


NO_ARTICLE_TEXT = "no article text kept: is it the right file?"
"""The note on a source that publishes nothing but its title: a saved page of cookie banners
and menus, or a headline alone, is most likely the wrong file, and the editor must hear so."""


def has_article_text(paragraphs: Iterable[SourceParagraph], title: str) -> bool:
    """Whether cleaning kept a paragraph other than the title itself."""
    shown_title = " ".join(title.split()).casefold()
    return any(p.kept and " ".join(p.text.split()).casefold() != shown_title
               for p in paragraphs)


def is_warning(note: str) -> bool:
    """A note to show above the others: a source that gives the site nothing."""
    return NO_ARTICLE_TEXT in note


def _with_title(meta: SourceMeta, paragraphs: Iterable[SourceParagraph]) -> SourceMeta:
    """The title briefing.yml does not give: the headline cleaning found, else the opening
    words of the first kept paragraph, else the file's name; noted with the line it came from,
    like every guess, so the editor knows where to look when it is wrong."""
    paragraphs = tuple(paragraphs)
    found = headline_paragraph(paragraphs) or \
        next((p for p in paragraphs if p.kept and p.text.split()), None)
    if found is None:
        title, note = Path(meta.path).stem, "title taken from the file name"
    else:
        title = found.text if found.removed_because == HEADLINE \
            else " ".join(found.text.split()[:12])
        note = f"title taken from line {found.line}"
    return replace(meta, title=title,
                   notes=meta.notes + (f"{note} (set it in briefing.yml if wrong)",))


def _cache_key(digest: str, path: Path, sid: str, config: Config) -> str:
    """Same bytes, same file name and id, same rules, same generator code: same analysis."""
    name = hashlib.sha256(os.fsencode(path.name) + b"\0" + sid.encode()).hexdigest()[:8]
    return f"{digest[:32]}-{name}-{config.fingerprint}-{freshness.code_digest()[:12]}"


def _from_cache(data: dict) -> Analysis:
    meta = SourceMeta(**{**data["meta"], "notes": tuple(data["meta"]["notes"])})
    paragraphs = tuple(SourceParagraph(**{**p, "sections": tuple(p["sections"])})
                       for p in data["paragraphs"])
    quotes = tuple(Quote(**{**q, "candidates": tuple(q.get("candidates", ()))})
                   for q in data["quotes"])
    people = tuple(Person(**{**p, "variants": tuple(p["variants"]),
                             "spellings": tuple(p["spellings"])}) for p in data["people"])
    events = tuple(DatedEvent(**{**e, "sentence": Sentence(**e["sentence"])})
                   for e in data["events"])
    return Analysis(Source(meta, paragraphs, quotes, events), people,
                    tuple(data.get("bodies", ())))


def analyse_cached(path: Path, config: Config, cache_dir: Path | None,
                   follow_links: bool = False, given_id: str | None = None) -> Analysis:
    loaded = load_source(path, config, follow_links, given_id)
    key = _cache_key(loaded.digest, path, loaded.meta.id, config) if cache_dir else ""
    cache_file = cache_dir / f"{key}.json" if cache_dir else None
    if cache_file and cache_file.exists():
        try:
            cached = _from_cache(json.loads(cache_file.read_text(encoding="utf-8")))
            return replace(cached, source=replace(
                cached.source, meta=replace(cached.source.meta, path=loaded.meta.path)))
        except (ValueError, KeyError, TypeError):
            pass  # a damaged cache entry is simply recomputed
    analysis = _analyse_loaded(loaded.meta, loaded.lines, config)
    if cache_file:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            payload = {"meta": vars(analysis.source.meta),  # flat records: vars, not asdict
                       "paragraphs": [vars(p) for p in analysis.source.paragraphs],
                       "quotes": [vars(q) for q in analysis.source.quotes],
                       "events": [{**vars(e), "sentence": vars(e.sentence)}
                                  for e in analysis.source.events],
                       "people": [vars(p) for p in analysis.people],
                       "bodies": list(analysis.bodies)}
            cache_file.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # caching is an optimisation; a full or read-only disk must not stop it
            # (a cut-off entry does not parse, and is simply recomputed next time)
    return analysis


def merge(analyses: list[Analysis], config: Config) -> Briefing:
    """Cross-source steps: repeated paragraphs, one index of people, speakers resolved in it."""
    analyses = sorted(analyses, key=lambda a: (a.source.meta.date or "9999-99-99",
                                               a.source.meta.id))
    deduped = remove_cross_source_repeats([(a.source.meta, a.source.paragraphs)
                                           for a in analyses])
    index: PeopleIndex = base_index(config)
    bodies = {body for analysis in analyses for body in analysis.bodies}
    for analysis in analyses:
        for person in analysis.people:
            if person.name.casefold() not in bodies or person.name in index.declared:
                index.add(person.name, person.variants, person.role, person.spellings)
    name_as_written((p for paragraphs in deduped for p in paragraphs), index)
    sources = []
    for analysis, paragraphs in zip(analyses, deduped):
        kept_lines = {p.line for p in paragraphs if p.kept}
        quotes = tuple(_resolved(q, index) if not q.context or q.context_line in kept_lines
                       else replace(_resolved(q, index), context="", context_line=0)
                       for q in analysis.source.quotes if q.line in kept_lines)
        events = tuple(e for e in analysis.source.events or () if e.line in kept_lines)
        sources.append(Source(analysis.source.meta, paragraphs, quotes, events))
    all_paragraphs = [p for s in sources for p in s.paragraphs]
    dates = [s.meta.date for s in sources if s.meta.date]
    notes = source_notes(sources)
    speakers = frozenset(q.speaker for s in sources for q in s.quotes if q.speaker)
    people = count_mentions(all_paragraphs, index, speakers)
    places = set(index.people) - {person.name for person in people}
    if places:  # names read as places ("in South Korea") are no one a pronoun stands for
        sources = [replace(s, quotes=tuple(_without_places(q, places) for q in s.quotes))
                   for s in sources]
    return Briefing(config.title, tuple(sources), people, max(dates) if dates else None, notes)


NOTED_FILES = 10  # files named in one shared note; the rest are counted


def source_notes(sources: Iterable[Source]) -> tuple[str, ...]:
    """The sources' notes, each prefixed with its file; a note several sources share is one
    line naming them ("date unknown" for forty files is not forty lines). A warning stays one
    line per file, to stand out."""
    files: dict[str, list[str]] = {}
    for source in sources:
        for note in source.meta.notes:
            files.setdefault(note, []).append(source.meta.path)
    lines: list[str] = []
    for note, paths in files.items():
        if is_warning(note):
            lines += [f"{path}: {note}" for path in paths]
        else:
            lines.append(f"{_files(paths)}: {note}")
    return tuple(lines)


def _files(paths: list[str]) -> str:
    more = len(paths) - NOTED_FILES
    return ", ".join(paths[:NOTED_FILES]) + (f" and {more} more" if more > 0 else "")


def _without_places(quote: Quote, places: set[str]) -> Quote:
    """A quotation's open names without the places; one name left is the speaker."""
    if not places.intersection(quote.candidates):
        return quote
    candidates = tuple(c for c in quote.candidates if c not in places)
    if len(candidates) == 1:
        return replace(quote, speaker=candidates[0], candidates=())
    return replace(quote, candidates=candidates)


def _resolved(quote: Quote, index: PeopleIndex) -> Quote:
    """A quotation's speaker (and the people the text leaves open) by their one name across the
    briefing; when every open name is one person, that person is the speaker."""
    if quote.speaker:
        return replace(quote, speaker=index.resolve(quote.speaker) or quote.speaker)
    candidates = tuple(dict.fromkeys(index.resolve(c) or c for c in quote.candidates))
    if len(candidates) == 1:
        return replace(quote, speaker=candidates[0], candidates=())
    return replace(quote, candidates=candidates)


def build_briefing(paths: Iterable[Path], config: Config, cache_dir: Path | None = None,
                   progress: Progress | None = None, follow_links: bool = False,
                   ids: dict[Path, str] | None = None) -> Briefing:
    """Every source analysed (from the cache when unchanged), then merged. Without ``ids``
    (content/sources/) two files whose names give one id are an error to fix."""
    paths = list(paths)
    if ids is None:
        check_unique_ids(paths)
    analyses = []
    for number, path in enumerate(paths, start=1):
        if progress:
            progress(number, len(paths), path.name)
        analyses.append(analyse_cached(path, config, cache_dir, follow_links,
                                       ids.get(path) if ids else None))
    return merge(analyses, config)


def removal_reason(page: str, generated: Iterable[str]) -> str:
    """Why a page the generator made is removed, for the run's report: a numbered page under
    more/ goes when the page it continues needs fewer parts, a source's page (and its
    continuations) with its source."""
    first = continued_page(page)
    if first is not None and first in generated:
        return f"{first} now needs fewer pages"
    if PurePosixPath(first or page).parent == PurePosixPath(source_page_path("id")).parent:
        return "its source is gone"
    return f"{first} is gone" if first else "nothing in content/ gives this page any more"


def site_navigation(pages, extra_pages: list[str]) -> list:
    """The navigation every page carries. Source pages are reached from the Sources index, not
    listed here: one link per source on every page made the site grow with the square of the
    number of sources (1,000 sources: 326 MB)."""
    nav: list = []
    for page in pages:
        if page.path == "sources/index.md":
            nav.append({"Sources": page.path})
        elif not page.path.startswith("sources/") and not page.part_of:
            nav.append({yaml_text(page.nav_title or page.title): page.path})
    if extra_pages:
        nav.append({"More": extra_pages})
    return nav


FOOTER_SOURCES = 8


def footer_sources(briefing: Briefing) -> list[dict[str, str]]:
    """The latest sources, for the footer of every page (the sources index lists them all)."""
    latest = sorted(briefing.sources, key=lambda s: (s.meta.date or "", s.meta.id),
                    reverse=True)[:FOOTER_SOURCES]
    return [{"outlet": yaml_text(s.meta.outlet), "date": s.meta.date or "undated",
             "page": source_page_path(s.meta.id).removesuffix(".md") + ".html"} for s in latest]


@dataclass(frozen=True)
class Rendered:
    briefing: Briefing
    pages: dict[str, str]  # page path -> Markdown
    nav: str  # the generated block of mkdocs.yml
    abbreviations: str  # the glossary's tooltips, appended to every page
    editor_pages: tuple[str, ...] = ()  # pages editors wrote themselves (in the navigation)
    disagreements: tuple[str, ...] = ()  # what sources give differently (also in the notes)
    statements: tuple = ()  # the facts several sources report, as the editor steered them


def render_site(project: Project, cache: bool = True, progress: Progress | None = None,
                force: bool = False) -> Rendered:
    """Everything generation would write, in memory: nothing touches the disk before this ends.
    The full briefing shows the pages the editor edited as edited, unless ``force`` replaces
    them."""
    config = load_config(project.config_path)
    paths = find_sources(project.sources_dir)
    if not paths:
        raise BriefingError("no sources found", str(project.sources_dir),
                            hint="add .txt articles to this folder")
    check_source_entries(config, paths)
    briefing = build_briefing(paths, config, project.cache_dir if cache else None, progress)
    ignored = ignored_entries(project.sources_dir)
    if ignored:
        briefing = replace(briefing, notes=briefing.notes + (
            f"{project.sources_dir}: not read (sources are .txt, .text or .md files in this "
            f"folder itself): {', '.join(ignored)}",))
    found = find_statements(briefing, config.statements, config.event.when)
    steered = steer(briefing, found, config.steer, config.path)
    briefing = steered.briefing
    entries = glossary_entries(briefing, config)
    undefined = [e.term for e in entries if not e.text]
    if undefined:
        briefing = replace(briefing, notes=briefing.notes + (
            f"{config.path}: glossary terms no source defines, left off the site: "
            f"{', '.join(undefined)} (write a definition under glossary:)",))
    pages = compose_pages(briefing, config, entries, steered.statements,
                          {} if force else edited_pages(project.docs_dir))
    differ = disagreements(pages, {s.meta.id: s.meta for s in briefing.sources})
    if differ:
        briefing = replace(briefing, notes=briefing.notes + (
            "sources differ (both shown on the site; check the originals): "
            + "; ".join(differ),))
    stamp = {"as_of": briefing.as_of or "unknown", "sources": len(briefing.sources)}
    rendered = render_pages(pages, {s.meta.id: s.meta for s in briefing.sources}, stamp)
    extra = editor_pages(project.docs_dir, set(rendered))
    block = nav_block(yaml_text(config.title), site_navigation(pages, extra),
                      {"briefing": {**stamp, "footer_sources": footer_sources(briefing)}})
    return Rendered(briefing, rendered, block, render_abbreviations(entries), tuple(extra),
                    tuple(differ), steered.statements)


def generate(project: Project, force: bool = False, check: bool = False,
             progress: Progress | None = None) -> tuple[Briefing, WriteReport, bool]:
    """Regenerate every page. With check, write nothing and report what is stale. One run
    at a time per project writes; it first finishes or clears what a killed run left."""
    if check:
        return _generate(project, force, check, progress, [])
    with run_lock(project.lock_path):
        recovered = finish_interrupted(project.docs_dir / JOURNAL, project.docs_dir,
                                       project.root)
        before = project.stamp()
        last = None if force or recovered else freshness.last_run(project.run_record, before)
        if last:
            report = WriteReport(unchanged=last["unchanged"], notes=last["notes"],
                                 kept_edits=last["kept_edits"], sources=last["sources"],
                                 skipped=True)
            return Briefing(last["title"], ()), report, False
        briefing, report, nav_changed = _generate(project, force, check, progress, recovered)
        freshness.remember(project.run_record, project.stamp(), {
            "title": briefing.title, "sources": report.sources,
            "notes": [*briefing.notes, *report.notes],
            "unchanged": sorted(report.unchanged + report.written),
            "kept_edits": report.kept_edits})
        return briefing, report, nav_changed


def _generate(project: Project, force: bool, check: bool, progress: Progress | None,
              recovered: list[str]) -> tuple[Briefing, WriteReport, bool]:
    result, report, nav_changed, changes = plan(project, force, not check, progress, recovered)
    if not check:
        changes.commit()
    return result.briefing, report, nav_changed


def plan(project: Project, force: bool = False, cache: bool = True,
         progress: Progress | None = None, recovered: list[str] | None = None
         ) -> tuple[Rendered, WriteReport, bool, Changes]:
    """What a generation would write, planned and not committed: the rendered site, the
    report (kept edits, stale pages, notes) and whether the navigation changes."""
    result = render_site(project, cache=cache, progress=progress, force=force)
    changes = Changes(project.docs_dir / JOURNAL)
    report = plan_pages(project.docs_dir, result.pages, changes, force=force)
    nav_changed = plan_mkdocs_config(project.mkdocs_path, result.nav, changes)
    if plan_file(project.docs_dir / ABBREVIATIONS, result.abbreviations, changes):
        report.written.append(ABBREVIATIONS)
    kept = [*report.kept_edits, *report.kept_orphans, *report.editor_pages,
            *result.editor_pages]
    report.notes += (recovered or []) + dead_source_links(
        project.docs_dir, sorted(set(kept)), {s.meta.id for s in result.briefing.sources})
    report.sources = len(result.briefing.sources)
    return result, report, nav_changed, changes


def extract(paths: Iterable[Path], config_path: Path | None) -> dict:
    """The machine-readable contract of ``briefing extract --json``."""
    config = load_config(config_path, follow_links=True)
    named: dict[str, Path] = {}
    for path in paths:  # a file named twice ("a.txt ./a.txt") is read once
        named.setdefault(os.path.realpath(path), path)
    paths = list(named.values())
    briefing = build_briefing(paths, config, follow_links=True, ids=distinct_ids(paths))
    order = {str(path): number for number, path in enumerate(paths)}
    ordered = sorted(briefing.sources, key=lambda s: order.get(s.meta.path, len(order)))
    paths_of = {s.meta.id: s.meta.path for s in ordered}
    return {
        "sources": [{
            "path": s.meta.path, "title": s.meta.title, "outlet": s.meta.outlet,
            "date": s.meta.date,
            "paragraphs": [{"line": p.line, "text": p.text, "kept": p.kept,
                            "removed_because": p.removed_because, "sections": list(p.sections)}
                           for p in s.paragraphs],
            "quotes": [{"line": q.line, "text": q.text, "speaker": q.speaker} for q in s.quotes],
            "events": [{"line": e.line, "date": e.when, "text": e.sentence.text}
                       for e in s.events],
        } for s in ordered],
        "people": [{"name": p.name, "variants": sorted({*p.variants, *p.spellings}),
                    "role": p.role}
                   for p in briefing.people],
        "statements": [{"text": part.text, "section": part.section,
                        "sources": [{"path": paths_of[s.source_id], "line": s.line}
                                    for s in part.sentences]}
                       for part in partition(ordered, find_statements(
                           briefing, config.statements, config.event.when))],
    }
