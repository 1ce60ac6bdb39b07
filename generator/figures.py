"""Stage 4d: key figures — percentages, money, counts with units and dates — in their sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.segment import sentences
from generator.structure import Figure, SourceParagraph

MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
PATTERNS = (
    ("percentage", re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)")),
    ("money", re.compile(r"(?:[$€£¥]\s?\d[\d,.]*(?:\s?(?:bn|billion|million|trillion|m)\b)?|"
                         r"\b\d[\d,.]*\s?(?:billion|million|trillion)\s(?:dollars|yuan|euros)\b)")),
    ("date", re.compile(rf"\b(?:\d{{1,2}}\s{MONTHS}(?:\s\d{{4}})?|{MONTHS}\s\d{{1,2}}(?:,\s\d{{4}})?)\b")),
    ("year", re.compile(r"\b(?:since|in|by|until|within)\s(?:19|20)\d{2}\b")),
    ("quantity", re.compile(r"\b\d[\d,.]*\s?(?:km|miles|tonnes|tons|years?|hours|days)\b")),
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
