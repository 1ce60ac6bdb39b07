"""Stage 4f: sections in time — how we got here, or what happens now.

Terms alone cannot tell history from news: "tariffs", "truce" and "talks" belong to both the
2019 truce and this week's deal. A paragraph's dates can. A section may say which time it is
about (`time: past` for a background section, `time: now` for the news). After the events
stage has dated each sentence, a paragraph whose every date lies before the border is about
the past: its sections about now give way to the past section. One whose every date is on or
after it is about now: a past section it also reached is dropped. The border is
``classify.past_days`` before the article's own date, or the week before the briefing's event
(``event: when:``) when that is later: what came before the event is how we got there. A date
that spans the border ("this month") says neither, nor does a date that says when a thing was
made ("the controls it announced on Oct. 9"). A paragraph without dates, or with both, keeps
what its terms gave it, and so does every paragraph of an undated article.
"""

from __future__ import annotations

import calendar
import re
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from generator.classify import OTHER
from generator.config import Config
from generator.dates import DatedEvent
from generator.structure import SourceParagraph


RUN_UP_DAYS = 7
"""The days before the briefing's event (``event: when:``) that belong to it: the framework
agreed at the weekend before the meeting is the deal, the controls of three weeks before are
how we got there."""

MADE = (r"(?:announced|unveiled|imposed|introduced|issued|published|signed|placed|adopted|"
        r"launched|enacted|approved|passed|released|declared|expanded|widened|tightened|added|"
        r"began|begun|put|set|made|laid)")
CLAUSE_BREAK = re.compile(r"[,;:(\u2013\u2014]|\s-\s")
DATE_OF_A_THING = re.compile(
    # "the controls it announced on Oct. 9", "the levy that Washington imposed in February"
    r"(?:\b[A-Za-z][\w-]{0,30}\s{1,3}(?:that\s{1,3}|which\s{1,3})?(?:it|they|we|he|she)\s{1,3}"
    r"|\b(?:that|which)\s{1,3}(?:[A-Z][\w.]{0,30}\s{1,3}){1,3})(?:(?:had|has|have)\s{1,3})?" +
    MADE + r"\b"
    # "measures announced on Oct. 9", "a rule, issued in late September"
    r"|(?:^\s{0,3}|\b[a-z][\w-]{0,30}\s{1,3})" + MADE +
    r"\s{1,3}(?:(?:on|in)\s{1,3})?(?:(?:late|early|mid)[\s-]{1,3})?$"
    # "its Oct. 9 measures", "Beijing's 9 October package"
    r"|(?P<owner>\b(?:its|their|the|his|her|[\w.]{1,30}['\u2019]s)\s{1,3})$")
CLAUSE_REACH = 200
NOUN_AFTER = re.compile(r"\s*[a-z]")


def dates_a_thing(text: str, start: int, expression: str) -> bool:
    """A date that says when a thing was made, not when the sentence's news happens: "China will
    suspend the controls it announced on Oct. 9" is about now, whatever Oct. 9 is."""
    clause = CLAUSE_BREAK.split(text[max(0, start - CLAUSE_REACH):start])[-1]
    match = DATE_OF_A_THING.search(clause)
    if not match:
        return False
    if match.group("owner") is None:
        return True
    return bool(NOUN_AFTER.match(text, start + len(expression)))


def place_in_time(paragraphs: Iterable[SourceParagraph], events: Iterable[DatedEvent],
                  written: str | None, config: Config) -> tuple[SourceParagraph, ...]:
    paragraphs = tuple(paragraphs)
    past = [rule.id for rule in config.sections if rule.time == "past"]
    now = {rule.id for rule in config.sections if rule.time == "now"}
    if not written or len(past) != 1 or not now:
        return paragraphs
    border = _border(dt.date.fromisoformat(written), config)
    times: dict[int, set[bool]] = defaultdict(set)  # line -> {is past}
    for event in events:
        if dates_a_thing(event.sentence.text, event.start, event.expression):
            continue
        if _latest_day(event.when) < border:
            times[event.sentence.line].add(True)
        elif earliest_day(event.when) >= border:
            times[event.sentence.line].add(False)
    if not times:
        return paragraphs
    return tuple(_placed(p, times[p.line], past[0], now) if p.line in times else p
                 for p in paragraphs)


def _border(written: dt.date, config: Config) -> dt.date:
    """Dates before this are the past: ``past_days`` before the article, or the run-up to the
    briefing's event when that is later (what came before the event is background however
    recently it was written about)."""
    border = written - dt.timedelta(days=min(config.past_days, (written - dt.date.min).days))
    if config.event.when:
        event = dt.date.fromisoformat(config.event.when)
        border = max(border, event - dt.timedelta(days=min(RUN_UP_DAYS,
                                                           (event - dt.date.min).days)))
    return border


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
