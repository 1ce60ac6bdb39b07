"""`briefing check`: the editor's report before publishing.

Everything a person should look at before the site goes out, gathered from one planned (never
written) generation: where sources disagree, names spelt several ways, quotations nobody is
named for, facts several sources report that fit no section, sources without an outlet or a
date, and pages kept because an editor changed them, with what the generator's version now
cites that they do not. Findings are not errors: the command fails only when generation would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.classify import OTHER
from generator.compose import spelling_citations
from generator.load import UNKNOWN_OUTLET
from generator.pipeline import Progress, Project, plan
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
    parts = (
        _part("Sources differ", list(rendered.disagreements)),
        _part("Names spelt differently", _spellings(briefing, where)),
        _part("Quotations without a speaker", [
            f"{where[q.source_id]} line {q.line}: “{_opening(q.text)}”"
            + (f" (the text names: {' or '.join(q.candidates)})" if q.candidates else "")
            for s in briefing.sources for q in s.quotes if not q.speaker]),
        _part("Facts several sources report that fit no section", [
            f"{where[st.lead.source_id]} line {st.lead.line}: {_opening(st.lead.text)} "
            f"(reported by {st.reported_by}; add terms to a section in briefing.yml)"
            for st in rendered.statements
            if _section(paragraphs.get((st.lead.source_id, st.lead.line))) == OTHER]),
        _part("Sources without an outlet or a date", [
            f"{s.meta.path}: " + " and ".join(
                what for what, missing in (("no outlet", s.meta.outlet == UNKNOWN_OUTLET),
                                           ("no date", not s.meta.date)) if missing)
            + " (give them under sources: in briefing.yml)"
            for s in briefing.sources if s.meta.outlet == UNKNOWN_OUTLET or not s.meta.date]),
        _part("Pages kept because you edited them", [
            _kept_page(project.docs_dir / page, rendered.pages[page], page, where)
            for page in report.kept_edits]),
        _part("Other notes", [*briefing.notes, *report.notes]),
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


def _kept_page(path: Path, generated: str, page: str, where: dict[str, str]) -> str:
    """An edited page and the paragraphs the generator's version cites that it does not."""
    edited = set(CITED_PARAGRAPH.findall(read_page(path) or ""))
    missing = sorted({m for m in CITED_PARAGRAPH.findall(generated) if m not in edited},
                     key=lambda m: (m[0], int(m[1])))
    if not missing:
        return f"{page}: kept as you edited it; it misses nothing the generator would cite"
    listed = ", ".join(f"{where.get(source, source)} line {line}" for source, line in missing[:5])
    more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
    return (f"{page}: kept as you edited it; the generator's version also cites {listed}{more} "
            f"(see `briefing diff {page}`)")
