"""A Python-Markdown extension: a glossary term is marked as ``<abbr>`` on its first use in each
section only (a section starts at each ``h2``), so a page is not underlined nine times over.

The abbr extension wraps every occurrence; this treeprocessor runs right after it and unwraps
the later ones back to plain text. Two written forms with the same definition ("APEC",
"Apec") count as one term. Registered in mkdocs.yml as ``generator.first_abbr``: it lives in
the installed package so that every way of running MkDocs (``briefing build``, ``mkdocs
serve``) can import it before the theme's hooks are loaded.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SECTION_START = "h2"
AFTER_ABBR = 6.5  # treeprocessors run from high to low priority: abbr is 7, toc 5


class FirstAbbrTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self.seen: set[str] = set()
        self.keep_first_uses(root)

    def keep_first_uses(self, parent: etree.Element) -> None:
        """Walk the children in document order; unwrap every abbr whose term this section
        already marked. One pass over each parent's children: linear in the page."""
        kept: list[etree.Element] = []
        for child in list(parent):
            if child.tag == SECTION_START:
                self.seen = set()
            if child.tag == "abbr" and not self.is_first_use(child):
                append_text(parent, kept, (child.text or "") + (child.tail or ""))
                continue
            kept.append(child)
            self.keep_first_uses(child)
        if len(kept) != len(parent):
            parent[:] = kept

    def is_first_use(self, abbr: etree.Element) -> bool:
        term = abbr.get("title") or abbr.text or ""
        if term in self.seen:
            return False
        self.seen.add(term)
        return True


def append_text(parent: etree.Element, kept: list[etree.Element], text: str) -> None:
    """Text of an unwrapped element joins the tail of the last kept sibling, or the parent's
    own text when there is none yet."""
    if not text:
        return
    if kept:
        kept[-1].tail = (kept[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class FirstAbbrExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(FirstAbbrTreeprocessor(md), "first_abbr", AFTER_ABBR)


def makeExtension(**kwargs) -> FirstAbbrExtension:
    return FirstAbbrExtension(**kwargs)
