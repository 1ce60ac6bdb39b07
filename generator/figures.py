"""Stage 4d: key figures — percentages, money, counts with units and dates — in their sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.segment import sentences
from generator.structure import Figure, SourceParagraph

MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
NUMBER_MAX = 40
"""The most digits and separators a figure has ("1,234,567,890.50"): a number is read from every
digit of a run like "1,1,1,…", so a bound keeps the work at each position constant."""
NUMBER_TAIL = f"{{0,{NUMBER_MAX}}}"
NUMBER_RUN = f"{{1,{NUMBER_MAX}}}"
PATTERNS = (
    ("percentage", re.compile(rf"(?<![\w.])\d{NUMBER_RUN}(?:\.\d{NUMBER_RUN})?\s?"
                              rf"(?:%|per\s?cent\b|percent\b)")),
    ("money", re.compile(rf"(?:[$€£¥]\s?\d[\d,.]{NUMBER_TAIL}"
                         rf"(?:\s?(?:bn|billion|million|trillion|m)\b)?|"
                         rf"\b\d[\d,.]{NUMBER_TAIL}\s?(?:billion|million|trillion)\s"
                         rf"(?:dollars|yuan|euros)\b)")),
    ("date", re.compile(rf"\b(?:\d{{1,2}}\s{MONTHS}(?:\s\d{{4}})?|{MONTHS}\s\d{{1,2}}(?:,\s\d{{4}})?)\b")),
    ("year", re.compile(r"\b(?:since|in|by|until|within)\s(?:19|20)\d{2}\b")),
    ("quantity", re.compile(rf"\b\d[\d,.]{NUMBER_TAIL}\s?"
                            rf"(?:km|miles|tonnes|tons|years?|hours|days)\b")),
)


def find_figures(paragraphs: Iterable[SourceParagraph]) -> list[Figure]:
    figures = []
    for paragraph in paragraphs:
        if not paragraph.kept or paragraph.heading:
            continue
        for sentence in sentences(paragraph):
            for kind, pattern in PATTERNS:
                for match in pattern.finditer(sentence.text):
                    figures.append(Figure(match.group().strip(), kind, sentence))
    return figures
