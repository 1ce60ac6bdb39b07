"""Stage 3: cut paragraphs into sentences, as verbatim slices (start and end offsets)."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.structure import Sentence, SourceParagraph

ABBREVIATIONS = frozenset("""mr mrs ms dr prof gen sen rep gov st jr sr vs etc inc ltd co corp no
    jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m u.s u.k u.n e.g i.e col lt capt
    sgt rev hon""".split())
# A sentence ends at a run of stops (with closing marks) before a capital or digit. The match
# starts only where a run of stops starts (the look-behind): a match tried inside a run would
# end where the run does anyway, so without it a long run ("......") is re-read from each stop.
BOUNDARY = re.compile(r"""(?<![.!?…])[.!?…]+["”’')\]]*(?=\s+["“‘'(\[]?[A-Z0-9])""")
WORD_MAX = 60
"""The longest word a pattern reads, hyphenated compounds included ("talk-to-me-while-I’m-eating"):
every repeated word-character class is bounded by it, so the work a pattern does at one position
is constant and a long run of word characters cannot make it backtrack through the whole text."""
WORD_TAIL = f"{{0,{WORD_MAX}}}"  # a word after its first character: [A-Z][\w-]{WORD_TAIL}
WORD_RUN = f"{{1,{WORD_MAX}}}"  # a whole word: [\w-]{WORD_RUN}


def _ends_with_abbreviation(text: str) -> bool:
    word = re.search(r"([\w.]+)\.$", text)
    if not word:
        return False
    token = word.group(1).casefold()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


SPANS_REMEMBERED = 1 << 14  # paragraphs whose spans are kept: a desk of about five hundred
# sources. Twice as many cost 51 MB at 3,000 sources (nineteen memos hold this many texts) and
# saved no time measurable at 1,000 or 3,000.


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in text; each span's slice is the verbatim sentence."""
    return list(_spans(text))


@lru_cache(maxsize=SPANS_REMEMBERED)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """split_sentences, remembered by text: dates, figures, statements and composition all cut
    the same paragraphs."""
    spans = []
    start = len(text) - len(text.lstrip())
    for match in BOUNDARY.finditer(text):
        end = match.end()
        word_start = max(start, match.start() - 40)  # abbreviations are short; keep this linear
        if match.group().startswith(".") and \
                _ends_with_abbreviation(text[word_start:match.start() + 1]):
            continue
        if text[start:end].strip():
            spans.append((start, end))  # a boundary match never ends in white space
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return tuple(spans)


def sentences(paragraph: SourceParagraph) -> list[Sentence]:
    return [Sentence(paragraph.source_id, paragraph.line, s, e, paragraph.text[s:e])
            for s, e in split_sentences(paragraph.text)]
