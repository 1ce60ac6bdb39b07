"""`briefing check`: the editor's report before publishing.

Everything a person should look at before the site goes out, gathered from one planned (never
written) generation: sources whose cleaning kept no article text, where sources disagree, names
spelt several ways, quotations nobody is named for, facts several sources report that fit no
section, sources without an outlet or a date, and pages kept because an editor changed them,
with what the generator's version now cites that they do not. Findings are not errors: the
command fails only when generation would.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from generator.classify import OTHER
from generator.compose import spelling_citations
from generator.config import one_line
from generator.load import UNKNOWN_OUTLET
from generator.pipeline import Progress, Project, is_warning, plan
from generator.structure import Briefing, SourceParagraph
from generator.write import read_page

SHOWN = 20  # findings listed per part; the rest are counted
CITED_PARAGRAPH = re.compile(r"sources/([\w.-]+)\.md#p(\d+)")


@dataclass(frozen=True)
class ReportPart:
    """One part of the report: a title, its findings (one line each) and how many in all."""

    title: str
    findings: tuple[str, ...]
    total: int


@dataclass(frozen=True)
class CheckReport:
    sources: int
    pages: int
    parts: tuple[ReportPart, ...]
    stale: tuple[str, ...]  # pages `briefing generate` would change

    @property
    def findings(self) -> int:
        return sum(part.total for part in self.parts)


def check(project: Project, progress: Progress | None = None) -> CheckReport:
    """The report, from a generation planned in memory: nothing is written but the cache."""
    rendered, report, nav_changed, _changes = plan(project, progress=progress)
    briefing = rendered.briefing
    where = {s.meta.id: s.meta.path for s in briefing.sources}
    paragraphs = {(p.source_id, p.line): p for s in briefing.sources for p in s.paragraphs}
    notes = [*briefing.notes, *report.notes]
    parts = (
        _part("Sources with no article text", list(filter(is_warning, notes))),
        _part("Sources differ", list(rendered.disagreements)),
        _part("Names spelt differently", _spellings(briefing, where)),
        _part("Quotations without a speaker", [
            f"{where[q.source_id]} line {q.line}: “{_opening(q.text)}”"
            + (f" (the text names: {' or '.join(q.candidates)})" if q.candidates else "")
            for s in briefing.sources for q in s.quotes if not q.speaker]),
        _part("Facts several sources report that fit no section", [
            f"{where[lead.source_id]} line {lead.line}: {_opening(lead.text)} "
            f"(reported by {reported}; add terms to a section in briefing.yml)"
            for lead, reported in _unplaced_leads(rendered.statements, paragraphs)]),
        _part("Sources without an outlet or a date", [
            f"{s.meta.path}: " + " and ".join(
                what for what, missing in (("no outlet", s.meta.outlet == UNKNOWN_OUTLET),
                                           ("no date", not s.meta.date)) if missing)
            + " (give them under sources: in briefing.yml)"
            for s in briefing.sources if s.meta.outlet == UNKNOWN_OUTLET or not s.meta.date]),
        _part("Pages kept because you edited them", [
            finding for page in report.kept_edits
            for finding in _kept_page(project.docs_dir / page, rendered.pages[page], page,
                                      where, paragraphs)]),
        _part("Other notes", [note for note in notes if not is_warning(note)]),
    )
    stale = tuple(report.stale) + (("mkdocs.yml (navigation)",) if nav_changed else ())
    return CheckReport(len(briefing.sources), len(rendered.pages), parts, stale)


def _part(title: str, findings: list[str]) -> ReportPart:
    findings = list(dict.fromkeys(findings))  # one paragraph may lead two facts
    return ReportPart(title, tuple(findings[:SHOWN]), len(findings))


def _opening(text: str, words: int = 12) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def _section(paragraph: SourceParagraph | None) -> str:
    return paragraph.sections[0] if paragraph and paragraph.sections else OTHER


def _spellings(briefing: Briefing, where: dict[str, str]) -> list[str]:
    def places(cited) -> str:
        return ", ".join(f"{where[c.source_id]} line {c.line}" for c in cited) \
            or "no full mention"
    return [f"{name}: " + "; ".join(f"{form} ({places(cited)})" for form, cited in written)
            + " (check which is right)"
            for name, written in spelling_citations(briefing).items()]


def _kept_page(path: Path, generated: str, page: str, where: dict[str, str],
               paragraphs: dict[tuple[str, int], SourceParagraph]) -> list[str]:
    """An edited page: citations it holds that no longer hold (a source gone, a paragraph
    gone or no longer saying what the page quotes from it: the site would link a reader to
    the wrong text, or the build would fail on a dead link), and the paragraphs the
    generator's version cites that it does not."""
    text = read_page(path) or ""
    findings = [f"{page}: {problem} (edit the page, or `briefing diff {page}` to see the "
                "generator's version)" for problem in _broken_citations(text, where, paragraphs)]
    edited = set(CITED_PARAGRAPH.findall(text))
    missing = sorted({m for m in CITED_PARAGRAPH.findall(generated) if m not in edited},
                     key=lambda m: (m[0], int(m[1])))
    if not missing and not findings:
        return [f"{page}: kept as you edited it; it misses nothing the generator would cite"]
    if missing:
        listed = ", ".join(f"{where.get(source, source)} line {line}"
                           for source, line in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        findings.append(f"{page}: kept as you edited it; the generator's version also cites "
                        f"{listed}{more} (see `briefing diff {page}`)")
    return findings


CITED_ENTRY = re.compile(r"^\s*[-*] (?P<text>[^\[\n]{12,}?) \[[^\]\n]*\]"
                         r"\((?:\.\./)*sources/(?P<source>[\w.-]+)\.md#p(?P<line>\d+)",
                         re.MULTILINE)
MARKDOWN_ESCAPE = re.compile(r"\\(.)")
LABEL_MARK = re.compile(r"(?<!\\)\*")  # emphasis the generator writes: source text's is escaped
QUOTE_MARKS = "“”\"‘’'"


def _broken_citations(text: str, where: dict[str, str],
                      paragraphs: dict[tuple[str, int], SourceParagraph]) -> list[str]:
    """What an edited page cites that is not there any more: a source removed, a paragraph
    that starts no kept paragraph now (lines moved, or it is removed in cleaning), or an
    entry's words that its paragraph no longer holds (the source was changed)."""
    problems = []
    sources = {source for source, _ in paragraphs} | set(where)
    for source, line in dict.fromkeys(CITED_PARAGRAPH.findall(text)):
        place = f"sources/{source}.md#p{line}"
        if source not in sources:
            problems.append(f"cites {place}, a source that is gone: the build fails on it")
        elif (source, int(line)) not in paragraphs or not paragraphs[(source, int(line))].kept:
            problems.append(f"cites {where.get(source, source)} line {line}, which starts no "
                            "paragraph on the source's page now")
    for entry in CITED_ENTRY.finditer(text):
        paragraph = paragraphs.get((entry["source"], int(entry["line"])))
        if paragraph is None or not paragraph.kept or LABEL_MARK.search(entry["text"]):
            continue  # a key figure's row is a label and values, not the paragraph's words
        words = html.unescape(MARKDOWN_ESCAPE.sub(r"\1", entry["text"])).strip(QUOTE_MARKS + " ")
        if words and words not in one_line(paragraph.text):
            problems.append(f"quotes “{_opening(words)}” from {where.get(entry['source'])} line "
                            f"{entry['line']}, which does not hold these words now (reworded on "
                            "the page, or the source changed)")
    return problems


def _unplaced_leads(statements, paragraphs) -> list[tuple]:
    """Each lead sentence of statements that fit no section, once, with the most sources any
    of its statements has (a sentence that reports two facts may lead both)."""
    most: dict[tuple, tuple] = {}
    for st in statements:
        if _section(paragraphs.get((st.lead.source_id, st.lead.line))) != OTHER:
            continue
        place = (st.lead.source_id, st.lead.line, st.lead.start)
        if place not in most or st.reported_by > most[place][1]:
            most[place] = (st.lead, st.reported_by)
    return list(most.values())
