"""Stage 3: cut paragraphs into sentences, as verbatim slices (start and end offsets)."""

from __future__ import annotations

import re

from generator.structure import Sentence, SourceParagraph

ABBREVIATIONS = frozenset("""mr mrs ms dr prof gen sen rep gov st jr sr vs etc inc ltd co corp no
    jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m u.s u.k u.n e.g i.e col lt capt
    sgt rev hon""".split())
BOUNDARY = re.compile(r"""[.!?…]+["”’')\]]*(?=\s+["“‘'(\[]?[A-Z0-9])""")


def _ends_with_abbreviation(text: str) -> bool:
    word = re.search(r"([\w.]+)\.$", text)
    if not word:
        return False
    token = word.group(1).casefold()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in text; each span's slice is the verbatim sentence."""
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
    return spans


def sentences(paragraph: SourceParagraph) -> list[Sentence]:
    return [Sentence(paragraph.source_id, paragraph.line, s, e, paragraph.text[s:e])
            for s, e in split_sentences(paragraph.text)]
