"""Stage 2a (end of cleaning): a list under a summary label is the article's own.

Live blogs open with "Key points", research notes with "Key takeaways", business pages close
with "KEY NUMBERS": the outlet's own summary of the story, item by item. Its items are short,
often unpunctuated, and stand before the first body paragraph or after the last, so the rules
that find furniture by place and shape take some of them and leave others (one list, two
fates). Under a label of ``cleaning.summary_labels`` an item those rules removed is kept when
it is about the story: 40% of its words are the body's (the furniture that also stands under
such labels, other stories' headlines, tickers, weather, offers, is not). The list runs over
items of four to forty words, until the headline, a longer or shorter line, a line removed for
what it says (a time stamp, a "Related:" teaser, a repeat, a standfirst whose copy is in the
body) or a body paragraph, unless it is bulleted.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.boilerplate_shape import SHAPE_REASON
from generator.clean import (AFTER_ARTICLE, BEFORE_ARTICLE, HEADLINE_RUN, LINK_LIST,
                             STORY_LIST_SHARE, content_words, is_body_paragraph,
                             is_whole_label)
from generator.patterns import RulePattern
from generator.structure import SourceParagraph

ITEM_MIN_WORDS = 4  # "In brief:" over three-word headlines of other stories is not a summary
ITEM_MAX_WORDS = 40  # a longer line is the article itself: the list has ended
MAX_ITEMS = 12
PLACED = (BEFORE_ARTICLE, AFTER_ARTICLE, HEADLINE_RUN, LINK_LIST, SHAPE_REASON)
"""Reasons given for a line's place or shape, not its words: an item removed for one of them
may be the story's."""
BULLET = re.compile(r"^[•·▪‣◦*–—-]\s*")


def keep_summary_lists(paragraphs: tuple[SourceParagraph, ...],
                       labels: tuple[RulePattern, ...]) -> tuple[SourceParagraph, ...]:
    """The paragraphs with the items of a list under a summary label that are about the story
    kept."""
    if not labels:
        return paragraphs
    out = list(paragraphs)
    body: set[str] | None = None  # the body's content words, read once when needed
    i = 0
    while i < len(out):
        if not is_whole_label(out[i].text, labels):
            i += 1
            continue
        j = i + 1
        while j < len(out) and j - i <= MAX_ITEMS and _is_item(out[j]):
            if not out[j].kept:
                if body is None:
                    body = set().union(*(content_words(p.text) for p in out
                                         if p.kept and is_body_paragraph(p.text)))
                if _about(out[j].text, body):
                    out[j] = replace(out[j], kept=True, removed_because=None, heading=False)
            j += 1
        i = j
    return tuple(out)


def _is_item(paragraph: SourceParagraph) -> bool:
    """Four to forty words, removed for its place or shape, or kept and bulleted or not a body
    paragraph (the article's text has begun: the list has ended)."""
    words = len(BULLET.sub("", paragraph.text).split())
    if not ITEM_MIN_WORDS <= words <= ITEM_MAX_WORDS:
        return False
    if paragraph.kept:
        return bool(BULLET.match(paragraph.text)) or not is_body_paragraph(paragraph.text)
    return (paragraph.removed_because or "").startswith(PLACED)


def _about(text: str, body: set[str]) -> bool:
    """STORY_LIST_SHARE (40%) of the item's words are the body's."""
    words = content_words(text)
    return bool(words) and len(words & body) >= STORY_LIST_SHARE * len(words)
