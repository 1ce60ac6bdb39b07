"""Stage 2a (end of cleaning): a list under a summary label is the article's own.

Live blogs open with "Key points", explainers and research notes with "Key takeaways", business
pages close with "KEY NUMBERS": the outlet's own summary of the story, item by item. Its items
are short, often unpunctuated, and stand before the first body paragraph or after the last, so
the rules that find furniture by place and shape take some of them and leave others (one list,
two fates). Under a label of ``cleaning.summary_labels`` the items get one fate, kept, when
each is long enough to say something; a line removed for what it says (a time stamp, a
"Related:" teaser, a repeat) ends the list, and so does a short line. An item taken for the
headline stays the source's title (its words are on the site) and the list goes on past it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.boilerplate_shape import SHAPE_REASON
from generator.clean import (AFTER_ARTICLE, BEFORE_ARTICLE, HEADLINE, HEADLINE_RUN, LINK_LIST,
                             STANDFIRST)
from generator.structure import SourceParagraph

ITEM_MIN_WORDS = 4  # "IN BRIEF:" over three-word headlines of other stories is not a summary
MAX_ITEMS = 12
PLACED = (BEFORE_ARTICLE, AFTER_ARTICLE, HEADLINE_RUN, LINK_LIST, STANDFIRST, SHAPE_REASON)
"""Reasons given for a line's place or shape, not its words: under a summary label they are
wrong."""
BULLET = re.compile(r"^[•·▪‣◦*–—-]\s*")


def keep_summary_lists(paragraphs: tuple[SourceParagraph, ...],
                       labels: tuple[re.Pattern, ...]) -> tuple[SourceParagraph, ...]:
    """The paragraphs with every item of a list under a summary label kept."""
    if not labels:
        return paragraphs
    out = list(paragraphs)
    i = 0
    while i < len(out):
        if not _is_label(out[i].text, labels):
            i += 1
            continue
        j = i + 1
        while j < len(out) and j - i <= MAX_ITEMS and \
                (out[j].removed_because == HEADLINE or _is_item(out[j])):
            if not out[j].kept and out[j].removed_because != HEADLINE:
                out[j] = replace(out[j], kept=True, removed_because=None, heading=False)
            j += 1
        i = j
    return tuple(out)


def _is_label(text: str, labels: tuple[re.Pattern, ...]) -> bool:
    text = text.strip()
    return len(text) <= 60 and any(label.fullmatch(text) for label in labels)


def _is_item(paragraph: SourceParagraph) -> bool:
    if len(BULLET.sub("", paragraph.text).split()) < ITEM_MIN_WORDS:
        return False
    return paragraph.kept or (paragraph.removed_because or "").startswith(PLACED)
