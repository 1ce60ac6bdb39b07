"""Stage 6: render composed pages as Markdown. The only stage that knows Markdown syntax.

Source and configuration text is data, escaped once for each context it lands in:
``escape_text`` for the Markdown body (any string displays literally under the extensions
configured in mkdocs.yml), ``yaml_text`` for front matter and the navigation block of
mkdocs.yml (one plain line, quoted by the YAML dumper), ``abbreviation_line`` for the glossary's
``*[term]: definition`` lines. The theme's HTML is escaped by Jinja's autoescape
(``site_overrides/hooks.py``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import posixpath
import re

import yaml

from generator.blocks import ALSO_SHOWN, RIVALS_SHOWN, counted
from generator.compose import (Block, Cited, CitedList, Definition, EditedPage, Facts,
                               FigureTable, LinkList, Page, Part, PersonCard, QuoteGroup,
                               RemovedList, SourceText, source_page_path)
from generator.config import one_line
from generator.glossary import GlossaryEntry
from generator.structure import SourceMeta

GENERATOR_MARK = "briefing"
INLINE_ESCAPES = {"#": "&#35;", "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "{": "\\{", "}": "\\}",
                  "[": "\\[", "]": "\\]", "<": "&lt;", ">": "&gt;", "&": "&amp;", "|": "&#124;",
                  "~": "&#126;", "^": "&#94;", "$": "&#36;", "=": "&#61;"}
INLINE = re.compile("|".join(re.escape(c) for c in INLINE_ESCAPES))
ORDERED_LIST_START = re.compile(r"^(\d+)([.)])")


def yaml_text(text: str) -> str:
    """What goes into YAML (front matter, mkdocs.yml) passes through here: one displayable
    line (``one_line``); the YAML dumper does the quoting."""
    return one_line(text)


ESCAPES_REMEMBERED = 1 << 16
"""Texts whose escaping is remembered: boilerplate removed in cleaning, outlets and titles, a
paragraph on its section page, the full briefing and its source page recur across pages."""


@functools.lru_cache(maxsize=ESCAPES_REMEMBERED)
def escape_text(text: str) -> str:
    """Make text display literally: inline syntax is escaped everywhere, block syntax at the
    start of the text (headings, lists, quotes, admonitions, fences) too."""
    text = yaml_text(text)
    escaped = INLINE.sub(lambda m: INLINE_ESCAPES[m.group()], text)
    if escaped[:1] and not escaped[0].isalnum() and ord(escaped[0]) < 128 and \
            escaped[0] not in "\\&\"'(":
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return ORDERED_LIST_START.sub(lambda m: m.group(1) + ("\\." if m.group(2) == "." else "&#41;"),
                                  escaped)


LINK_TITLE_MARKS = str.maketrans({'"': "&quot;", "'": "&#39;", "(": "&#40;", ")": "&#41;"})


def link_title(text: str) -> str:
    """Text for a Markdown link's title (``[x](url "title")``): escaped as text, and the marks
    that end a title or the link itself as entities (python-markdown read a title holding
    ``'3(')`` as the end of the link: the anchor became ``#p4 "…`` and the build failed)."""
    return escape_text(text).translate(LINK_TITLE_MARKS)


MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _relative(target: str, page_path: str) -> str:
    return _relative_to(target, posixpath.dirname(page_path) or ".")


@functools.lru_cache(maxsize=1 << 14)
def _relative_to(target: str, folder: str) -> str:
    """relpath, remembered: pages sit in a few folders and link to the same pages."""
    return posixpath.relpath(target, folder)


class Renderer:
    def __init__(self, sources: dict[str, SourceMeta]):
        self.sources = sources
        years = {meta.date[:4] for meta in sources.values() if meta.date}
        self.latest_year = max(years) if years else None
        self.depth = 0  # how far headings go down (inside a Part of the full briefing)
        self.prefix = ""  # what anchors are prefixed with there, to stay unique on the page
        self.citations: dict[tuple[str, int, str], str] = {}  # a paragraph is cited on many pages

    def heading(self, level: int, text: str, anchor: str | None = None,
                classes: str = "") -> str:
        attributes = " ".join(filter(None, [f"#{self.prefix}{anchor}" if anchor else "",
                                            classes]))
        suffix = f" {{ {attributes} }}" if attributes else ""
        return f"{'#' * min(6, level + self.depth)} {escape_text(text)}{suffix}"

    def part(self, part: Part, page: Page) -> list[str]:
        lines = [self.heading(2, part.title, part.anchor, ".briefing-part"), ""]
        self.depth, self.prefix = self.depth + 1, f"{part.anchor}-"
        try:
            for block in part.blocks:
                lines += [*self.block(block, page), ""]
        finally:
            self.depth, self.prefix = self.depth - 1, ""
        return lines[:-1]

    def definition(self, entry: Definition, page: Page) -> list[str]:
        lines = [self.heading(2, entry.term), ""]
        if entry.expansion:
            lines += [f"**{escape_text(entry.expansion.text)}** "
                      f"{self.cite(entry.expansion, page.path)}", ""]
        if entry.definition:
            lines.append(f"{escape_text(entry.definition.text)} "
                         f"{self.cite(entry.definition, page.path)}")
        elif entry.written:
            lines.append(f"*Definition from briefing.yml:* {escape_text(entry.written)}")
        if entry.forms:
            lines += ["", f"*Written in the sources as:* {escape_text(', '.join(entry.forms))}"]
        return lines

    def cite(self, cited: Cited, page_path: str) -> str:
        """``[The Guardian, 30 Oct](…#p12 "Title, line 12")``: outlet and date for the reader,
        the article's title and the line in the link's title. Left out of the search index
        (``data-search-exclude``), so snippets show what was said, not who reported it."""
        key = (cited.source_id, cited.line, posixpath.dirname(page_path))
        citation = self.citations.get(key)
        if citation is None:
            meta = self.sources[cited.source_id]
            target = _relative(source_page_path(cited.source_id), page_path)
            title = link_title(f"{meta.title}, line {cited.line}")
            citation = self.citations[key] = (
                f"[{escape_text(meta.outlet)}, {self.short_date(meta.date)}]"
                f"({target}#p{cited.line} \"{title}\"){{ .cite data-search-exclude }}")
        return citation

    def also(self, item: Cited, page: Page) -> str:
        """The other sources reporting the same facts, after the entry's own citation; what
        matched goes in the label's title, so a reader can see why they are one."""
        if not item.also:
            return ""
        why = escape_text(", ".join(item.matched_on)).replace('"', "&quot;")
        label = f'*also reported by*{{ title="matched on: {why}" }}' if why else \
            "*also reported by*"
        return f" · {label} {self.cites(item.also, page.path)}"

    def cites(self, cited: tuple[Cited, ...], page_path: str) -> str:
        """Citations of the sources that report the same thing: the first ``ALSO_SHOWN`` by
        name, the others counted (at a thousand sources one fact can have hundreds)."""
        shown = " ".join(self.cite(c, page_path) for c in cited[:ALSO_SHOWN])
        rest = cited[ALSO_SHOWN:]
        sources = {c.source_id for c in rest} - {c.source_id for c in cited[:ALSO_SHOWN]}
        if sources:
            return shown + f" *and {counted(len(sources), 'more source')}*"
        return shown + (f" *and {counted(len(rest), 'more paragraph')}*" if rest else "")

    def short_date(self, date: str | None) -> str:
        """"30 Oct", with the year only when it is not the briefing's latest."""
        if not date:
            return "undated"
        day = dt.date.fromisoformat(date)
        label = f"{day.day} {MONTHS[day.month - 1]}"  # not strftime: the locale must not matter
        return label if date[:4] == self.latest_year else f"{label} {day.year}"

    def block(self, block: Block, page: Page) -> list[str]:
        if isinstance(block, Facts):
            return [f"- **{escape_text(label)}:** {escape_text(value)}" for label, value in block.rows]
        if isinstance(block, CitedList):
            lines = [self.heading(2, block.heading), ""] if block.heading else []
            if not block.items and block.note:
                return [*lines, f"*{escape_text(block.note)}*"]
            for item in block.items:
                text = escape_text(item.text)
                if block.quoted:
                    text = f"“{text}”"
                lines.append(f"- {text} {self.cite(item, page.path)}{self.also(item, page)}")
            return lines
        if isinstance(block, QuoteGroup):
            return self.quote_group(block, page)
        if isinstance(block, Definition):
            return self.definition(block, page)
        if isinstance(block, Part):
            return self.part(block, page)
        if isinstance(block, EditedPage):
            return edited_body(block.markdown, self.depth, _relative(block.path, page.path))
        if isinstance(block, PersonCard):
            return self.person_card(block, page)
        if isinstance(block, FigureTable):
            return self.figures(block, page)
        if isinstance(block, LinkList):
            lines = [self.heading(2, block.heading), ""] if block.heading else []
            for link in block.links:
                note = f" — {escape_text(link.note)}" if link.note else ""
                lines.append(f"- [{escape_text(link.title)}]({_relative(link.page, page.path)})"
                             f"{note}")
            return lines
        if isinstance(block, SourceText):
            lines = []
            for paragraph in block.paragraphs:
                anchor = f"[¶ {paragraph.line}](#p{paragraph.line}){{ .para-link }}"
                if paragraph.heading:
                    lines += [self.heading(2, paragraph.text, f"p{paragraph.line}"), ""]
                else:
                    lines += [f"{escape_text(paragraph.text)} {anchor}",
                              f"{{: #p{paragraph.line} .source-paragraph }}", ""]
            return lines[:-1]
        if isinstance(block, RemovedList):
            lines = [f'??? note "Removed in cleaning ({len(block.paragraphs)} paragraphs)"', "",
                     "    | Line | Reason | Text |", "    |---:|---|---|"]
            for paragraph in block.paragraphs:
                lines.append(f"    | {paragraph.line} | {escape_text(paragraph.removed_because or '')}"
                             f" | {escape_text(paragraph.text)} |")
            return lines
        raise TypeError(f"unknown block {type(block).__name__}")

    def figures(self, block: FigureTable, page: Page) -> list[str]:
        """``- **what it measures:** 20% → 10% [cites]``: the measure and the values are the
        first citation's words, the arrow a label; values other sources give instead follow."""
        lines = [self.heading(2, block.heading), ""]
        for fact in block.facts:
            cites = self.cites(fact.citations, page.path)
            lines.append(f"- **{escape_text(fact.measure)}:** {escape_text(fact.figure)} {cites}")
            for other in fact.disagreeing[:RIVALS_SHOWN]:
                lines.append(f"    - *Sources differ:* {escape_text(other.figure)} "
                             + self.cites(other.citations, page.path))
            if len(fact.disagreeing) > RIVALS_SHOWN:
                lines.append(f"    - *and {len(fact.disagreeing) - RIVALS_SHOWN} other values "
                             "in other sources*")
        return lines

    def quoted(self, cited: Cited, page: Page) -> str:
        return f"“{escape_text(cited.text)}” {self.cite(cited, page.path)}"

    def quote_group(self, group: QuoteGroup, page: Page) -> list[str]:
        lines = [self.heading(2, group.heading, group.anchor), ""]
        for entry in group.entries:
            also = f" {self.cites(entry.same, page.path)}" if entry.same else ""
            lines += [f"- {self.quoted(entry.quote, page)}{also}", ""]
            for variant in entry.variants:
                lines += [f"    *Worded differently:* {self.quoted(variant, page)}",
                          "    { .quote-variant }", ""]
            if entry.candidates:
                lines += ["    *Speaker unclear; the text names:* "
                          f"{escape_text(' or '.join(entry.candidates))}",
                          "    { .quote-candidates }", ""]
            if entry.context:
                lines += [f"    *In context:* {escape_text(entry.context.text)} "
                          f"{self.cite(entry.context, page.path)}", "    { .quote-context }", ""]
        return lines[:-1]

    def person_card(self, card: PersonCard, page: Page) -> list[str]:
        lines = [self.heading(2, card.name, card.anchor), ""]
        facts = [f"**Role:** {escape_text(card.role)}"] if card.role else []
        facts.append(f"**Mentions:** {card.mentions}")
        lines += [" · ".join(facts), ""]
        if card.spellings:
            lines += [f"**Also written as:** {escape_text(', '.join(card.spellings))} "
                      "(the sources spell this name differently: check which is right)",
                      "{ .spelling-note }", ""]
            lines += [f"- {escape_text(form)} {self.cites(cited, page.path)}"
                      for form, cited in card.written if cited]
            lines += [""] if any(cited for _form, cited in card.written) else []
        if card.quotes:
            link = f" ([on Key quotes]({_relative(card.quotes_link, page.path)}))" \
                if card.quotes_link else ""
            lines += [f"**Quotations:** {card.quote_count or len(card.quotes)}{link}", ""]
            lines += [f"- {self.quoted(q, page)}" for q in card.quotes]
        else:
            lines.append("*No quotations.*")
        return lines

    def page(self, page: Page, stamp: dict[str, object]) -> str:
        body = [f"# {escape_text(page.title)}", ""]
        for block in page.blocks:
            body += [*self.block(block, page), ""]
        text = "\n".join(body).rstrip("\n") + "\n"
        meta = {"title": yaml_text(page.title), "description": yaml_text(page.description),
                **stamp, **({} if page.searchable else {"search": {"exclude": True}}),
                "generated_by": GENERATOR_MARK}
        return f"---\n{front_matter(meta)}---\n\n{text}"


FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
ATX_HEADING = re.compile(r"^(#{1,6})(?=\s|$)")
SETEXT_LINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
OWN_ANCHOR = re.compile(r"\]\(#")


def edited_body(text: str, depth: int, own_page: str) -> list[str]:
    """An edited page's Markdown inside the full briefing: its front matter and first title
    heading left out (the part has its own), every other heading ``depth`` levels down (a
    setext heading written as an ATX one), links to its own anchors sent to the page itself
    (``own_page``: its title's anchor is not on the full page), code fences left as they are
    (a fence closes only with a fence of its own kind). The editor's Markdown, as the page
    itself shows it."""
    lines = FRONT_MATTER.sub("", text, count=1).strip("\n").split("\n")
    out: list[str] = []
    fence = ""
    titled = False
    for number, line in enumerate(lines):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            out.append(line)
            continue
        if opening:
            fence = opening.group(1)
            out.append(line)
            continue
        following = lines[number + 1] if number + 1 < len(lines) else ""
        heading = ATX_HEADING.match(line)
        level = len(heading.group(1)) if heading else 0
        if not heading and line.strip() and SETEXT_LINE.match(following) and \
                not SETEXT_LINE.match(line) and (not out or not out[-1].strip()):
            level = 1 if following.strip()[0] == "=" else 2
            line = "#" * level + " " + line.strip()
            lines[number + 1] = ""  # its underline goes with it
        if level:
            if level == 1 and not titled:
                titled = True
                continue
            line = "#" * min(6, level + depth) + line[level:]
        out.append(OWN_ANCHOR.sub(f"]({own_page}#", line))
    while out and not out[0].strip():
        out.pop(0)
    return out


NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def yaml_scalar(value: object) -> str:
    """A YAML scalar for a string, number or flag: JSON's double-quoted form is valid YAML once
    what YAML cannot hold raw (or would read as a line break) is escaped too. Much faster than
    the YAML dumper."""
    return NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}",
                                  json.dumps(value, ensure_ascii=False))


def front_matter(meta: dict) -> str:
    lines = []
    for key, value in meta.items():
        if isinstance(value, dict):
            lines += [f"{key}:", *(f"  {k}: {yaml_scalar(v)}" for k, v in value.items())]
        else:
            lines.append(f"{key}: {yaml_scalar(value)}")
    return "\n".join(lines) + "\n"


def split_front_matter(text: str) -> tuple[dict, str]:
    """Front matter (as a mapping, empty if none or unreadable) and the body after it."""
    match = re.match(r"^---\n(.*?)\n---\n\n?", text, re.DOTALL)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    return (meta if isinstance(meta, dict) else {}), text[match.end():]


def render_pages(pages: list[Page], sources: dict[str, SourceMeta], stamp: dict[str, object]
                 ) -> dict[str, str]:
    renderer = Renderer(sources)
    return {page.path: renderer.page(page, stamp) for page in pages}


ABBREVIATIONS = ".abbreviations.md"  # in docs_dir; pymdownx.snippets appends it to every page


def render_abbreviations(entries: list[GlossaryEntry]) -> str:
    """Abbreviation definitions (``*[APEC]: …``) for every written form of every defined term,
    so the abbr extension shows the definition as a tooltip wherever the term appears."""
    lines = ["<!-- Generated by `briefing generate` from the glossary in briefing.yml. -->"]
    for entry in entries:
        for form in dict.fromkeys((*entry.forms, entry.term)):
            line = abbreviation_line(form, entry.text)
            if line:
                lines.append(line)
    return "\n".join(lines) + "\n"


def abbreviation_line(term: str, definition: str) -> str | None:
    """``*[term]: definition`` for the abbr extension, or None when the term cannot be one:
    the extension reads a term up to the first ``]`` and none with a backslash, and every line
    break would start a new line that Markdown and pymdownx.snippets read as syntax. The
    definition becomes an HTML attribute, which the extension escapes, all but an ``&`` that
    starts an entity: every ``&`` is escaped here, so "&amp;" in a definition shows as typed."""
    term, definition = yaml_text(term), yaml_text(definition).replace("&", "&amp;")
    if not term or not definition or "]" in term or "\\" in term or "[" in term:
        return None
    return f"*[{term}]: {definition}"

