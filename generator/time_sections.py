"""Stage 4f: sections in time — how we got here, or what happens now.

Terms alone cannot tell history from news: "tariffs", "truce" and "talks" belong to both the
2019 truce and this week's deal. A paragraph's dates can. A section may say which time it is
about (`time: past` for a background section, `time: now` for the news). After the events
stage has dated each sentence, a paragraph whose every date lies ``classify.past_days`` or
more before its article's own date is about the past: its sections about now give way to the
past section. One whose every date is within that time or later is about now: a past section
it also reached is dropped. A date that spans the border ("this year") says neither. A
paragraph without dates, or with both, keeps what its terms gave it, and so does every
paragraph of an undated article.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from generator.classify import OTHER
from generator.config import Config
from generator.dates import DatedEvent
from generator.structure import SourceParagraph


def place_in_time(paragraphs: Iterable[SourceParagraph], events: Iterable[DatedEvent],
                  written: str | None, config: Config) -> tuple[SourceParagraph, ...]:
    paragraphs = tuple(paragraphs)
    past = [rule.id for rule in config.sections if rule.time == "past"]
    now = {rule.id for rule in config.sections if rule.time == "now"}
    if not written or len(past) != 1 or not now:
        return paragraphs
    written_day = dt.date.fromisoformat(written)
    border = written_day - dt.timedelta(days=min(config.past_days,
                                                 (written_day - dt.date.min).days))
    times: dict[int, set[bool]] = defaultdict(set)  # line -> {is past}
    for event in events:
        if _latest_day(event.when) < border:
            times[event.sentence.line].add(True)
        elif earliest_day(event.when) >= border:
            times[event.sentence.line].add(False)
    if not times:
        return paragraphs
    return tuple(_placed(p, times[p.line], past[0], now) if p.line in times else p
                 for p in paragraphs)


def _placed(paragraph: SourceParagraph, times: set[bool] | None, past: str,
            now: set[str]) -> SourceParagraph:
    if not paragraph.kept or not times or len(times) > 1:
        return paragraph
    sections = paragraph.sections
    if times == {True} and any(s in now for s in sections):
        placed = (past, *(s for s in sections if s not in now and s != past))
    elif times == {False} and past in sections and any(s in now for s in sections):
        placed = tuple(s for s in sections if s != past)
    else:
        return paragraph
    return replace(paragraph, sections=placed or (OTHER,))


def earliest_day(when: str) -> dt.date:
    """The first day a date at its precision may mean: "2025" is from 1 January."""
    parts = [int(p) for p in when.split("-")] + [1, 1]
    return dt.date(*parts[:3])


def _latest_day(when: str) -> dt.date:
    """The last day a date at its precision may mean: "2025-04" is up to 30 April."""
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return dt.date(parts[0], 12, 31)
