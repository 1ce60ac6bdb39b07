"""Stage 4d: dates. Find when things happened, resolving "on Monday", "this month" or "in April"
against the date of the article that says it, so a timeline can order events from many sources.

A weekday or a month without a year is read as the latest one on or before the article's date,
unless the words just before it speak of the future ("will meet on Thursday", "would visit China
in April"): then it is the next one. A day and month without a year is the one nearest the
article's date. "Since 2019" starts a period rather than dating an event, so it is left out. Every event keeps the verbatim sentence it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.segment import sentences
from generator.structure import Sentence, SourceParagraph

MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Month and day names only capitalised: "may" is a verb, "May" a month.
MONTH = r"(?P<{}>(?-i:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len,
                                          reverse=True)) + r"))\.?"
DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<{}>(?:19|20)\d\d)"
EXPRESSION = re.compile(
    rf"\b(?:{DAY.format('d1')}\s+{MONTH.format('m1')}(?:,?\s+{YEAR.format('y1')})?"
    rf"|{MONTH.format('m2')}\s+{DAY.format('d2')}(?!\d)(?:,?\s+{YEAR.format('y2')})?"
    rf"|(?P<pre>in|by|from|until|through|early|late|mid-?|last|next|this)\s+"
    rf"{MONTH.format('m3')}(?!\.?\s+[0-3]?\d\b)(?:\s+{YEAR.format('y3')})?"
    rf"|(?:in|by|from|until|before|after|during)\s+{YEAR.format('y4')}"
    rf"|(?P<wd>(?-i:{'|'.join(w.capitalize() for w in WEEKDAYS)}))"
    rf"|(?P<rel>today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)"
    rf"|(?:earlier |later )?this (?:month|year)|last (?:month|year)|next (?:month|year)))\b",
    re.IGNORECASE)
FUTURE = re.compile(r"\b(?:will|would|shall|is to|are to|set to|due to|plans? to|expected to|"
                    r"going to|scheduled|upcoming|opens|begins|starts|starting|next|ahead)\b",
                    re.IGNORECASE)
MIN_WORDS = 6
TENSE_WINDOW = 60  # characters before a date that say whether it is ahead or past


@dataclass(frozen=True)
class DatedEvent:
    """A sentence and the date it speaks of: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    when: str
    expression: str
    sentence: Sentence


def _year_for(month: int, written: dt.date, future: bool) -> int:
    if future:
        return written.year + (month < written.month)
    return written.year - (month > written.month)


def resolve(match: re.Match, written: dt.date, future: bool) -> str | None:
    """The date an expression means, read from an article written on ``written``."""
    groups = match.groupdict()
    word = match.group().casefold()
    if groups["wd"]:
        weekday = WEEKDAYS.index(groups["wd"].casefold())
        shift = (weekday - written.weekday()) % 7 if future else \
            -((written.weekday() - weekday) % 7)
        return (written + dt.timedelta(days=shift)).isoformat()
    if groups["rel"]:
        word = re.sub(r"^(?:earlier|later) ", "", word)
        if word in ("today", "tonight") or word.startswith("this "):
            if word.endswith("month"):
                return f"{written:%Y-%m}"
            return f"{written:%Y}" if word.endswith("year") else written.isoformat()
        if word == "yesterday":
            return (written - dt.timedelta(days=1)).isoformat()
        if word == "tomorrow":
            return (written + dt.timedelta(days=1)).isoformat()
        step = -1 if word.startswith("last") else 1
        if word.endswith("year"):
            return str(written.year + step)
        month_index = written.year * 12 + written.month - 1 + step
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
    if groups["y4"]:
        return groups["y4"]
    for day_key, month_key, year_key in (("d1", "m1", "y1"), ("d2", "m2", "y2"),
                                         (None, "m3", "y3")):
        if groups[month_key]:
            month = MONTHS[groups[month_key].casefold().rstrip(".")]
            if groups["pre"] and groups["pre"].casefold() in ("last", "next", "this"):
                future = groups["pre"].casefold() == "next" or (
                    groups["pre"].casefold() == "this" and future)
            if day_key is None:
                year = int(groups[year_key]) if groups[year_key] else _year_for(month, written,
                                                                                future)
                return f"{year:04d}-{month:02d}"
            years = [int(groups[year_key])] if groups[year_key] else \
                [written.year - 1, written.year, written.year + 1]
            try:  # without a year, a day and month is the one nearest the article's date
                return min((dt.date(y, month, int(groups[day_key])) for y in years),
                           key=lambda d: abs((d - written).days)).isoformat()
            except ValueError:
                return None  # "31 June" is not a date
    return None


def find_events(paragraphs: Iterable[SourceParagraph], written: str | None) -> list[DatedEvent]:
    """Dated sentences of one source, the most precise date of each sentence first found."""
    if not written:
        return []
    day = dt.date.fromisoformat(written)
    events = []
    for paragraph in paragraphs:
        if not paragraph.kept or paragraph.heading:
            continue
        for sentence in sentences(paragraph):
            if len(sentence.text.split()) < MIN_WORDS:
                continue
            text = sentence.text
            found = [(when, match.group()) for match in EXPRESSION.finditer(text)
                     if (when := resolve(match, day, bool(FUTURE.search(
                         text, max(0, match.start() - TENSE_WINDOW), match.start()))))]
            if found:
                when, expression = max(found, key=lambda item: len(item[0]))
                events.append(DatedEvent(when, expression, sentence))
    return events


def stated_date(paragraphs: Iterable[SourceParagraph]) -> tuple[str, int] | None:
    """The first full date (with its year) a source states anywhere, stamps and datelines
    included, and its line: the best guess of when an undated source was written."""
    for paragraph in paragraphs:
        for match in EXPRESSION.finditer(paragraph.text):
            if (match.group("y1") and match.group("d1")) or (match.group("y2") and
                                                             match.group("d2")):
                when = resolve(match, dt.date(int(match.group("y1") or match.group("y2")), 1, 1),
                               False)
                if when:
                    return when, paragraph.line
    return None
