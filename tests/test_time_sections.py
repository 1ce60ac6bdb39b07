"""Sections in time: a paragraph's dates tell history from news."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.config import SectionRule
from generator.dates import DatedEvent
from generator.structure import Sentence, SourceParagraph
from generator.time_sections import place_in_time


@pytest.fixture
def timed(config):
    sections = tuple(replace(rule, time={"background": "past", "framework-deal": "now"}.get(
        rule.id)) for rule in config.sections)
    return replace(config, sections=sections)


def paragraph(line: int, *sections: str) -> SourceParagraph:
    return SourceParagraph("s", line, "Text of the paragraph.", sections=sections)


def dated(line: int, when: str) -> DatedEvent:
    return DatedEvent(when, when, Sentence("s", line, 0, 5, "Text."))


PARAGRAPHS = (paragraph(1, "background", "framework-deal"), paragraph(2, "framework-deal"),
              paragraph(3, "framework-deal", "background"), paragraph(4, "framework-deal"),
              paragraph(5, "background", "framework-deal"))
EVENTS = (dated(1, "2019-06"), dated(2, "2018"), dated(3, "2025-10-30"), dated(4, "2025-11-10"),
          dated(5, "2019"), dated(5, "2025-10-29"))


def test_dates_in_the_past_make_history_and_recent_ones_news(timed):
    placed = place_in_time(PARAGRAPHS, EVENTS, "2025-10-30", timed)
    assert [p.sections for p in placed] == [
        ("background",),            # only 2019: how we got here
        ("background",),            # the deal's words, but about 2018
        ("framework-deal",),        # this week: the past section it also reached is dropped
        ("framework-deal",),        # a date to come is news too
        ("background", "framework-deal")]  # 2019 and this week: left as the terms sorted it


def test_a_date_within_the_month_before_is_not_yet_the_past(timed):
    [placed] = place_in_time([paragraph(1, "background", "framework-deal")],
                             [dated(1, "2025-10")], "2025-10-30", timed)
    assert placed.sections == ("framework-deal",)  # October ends after the article's date


def test_a_year_that_holds_the_border_says_neither_past_nor_now(timed):
    """"This year" (2025 in an article of 30 October 2025) runs from long before to after it."""
    placed = place_in_time([paragraph(1, "framework-deal"), paragraph(2, "framework-deal")],
                           [dated(1, "2019-06"), dated(1, "2025"), dated(2, "2025")],
                           "2025-10-30", timed)
    assert [p.sections for p in placed] == [("background",), ("framework-deal",)]


def test_without_dates_or_sections_in_time_nothing_moves(config, timed):
    timeless = replace(config, sections=tuple(replace(r, time=None) for r in config.sections))
    assert place_in_time(PARAGRAPHS, EVENTS, None, timed) == PARAGRAPHS
    assert place_in_time(PARAGRAPHS, EVENTS, "2025-10-30", timeless) == PARAGRAPHS
    assert place_in_time(PARAGRAPHS, (), "2025-10-30", timed) == PARAGRAPHS


def test_a_section_s_time_is_past_or_now(tmp_path):
    from generator.config import load_config
    from generator.errors import BriefingError
    path = tmp_path / "briefing.yml"
    path.write_text("sections:\n  history:\n    time: then\n    terms: {war: 1}\n",
                    encoding="utf-8")
    with pytest.raises(BriefingError, match="must be past or now"):
        load_config(path)
    assert SectionRule("x", "X", 1.0, ()).time is None


@pytest.mark.parametrize("written, when", [("0001-01-05", "0001-01-02"), ("9999-12-30", "9999-12"),
                                           ("2024-03-01", "2024-02")])
def test_dates_at_the_ends_of_the_calendar_are_placed_without_error(timed, written, when):
    [placed] = place_in_time([paragraph(1, "background", "framework-deal")],
                             [dated(1, when)], written, timed)
    assert placed.sections == ("framework-deal",)


def test_past_days_is_a_number_of_days_within_reason(tmp_path):
    from generator.config import load_config
    from generator.errors import BriefingError
    path = tmp_path / "briefing.yml"
    for days in (0, -5, 100000000):
        path.write_text(f"classify:\n  past_days: {days}\n", encoding="utf-8")
        with pytest.raises(BriefingError, match="past_days"):
            load_config(path)
