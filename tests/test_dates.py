import re

import pytest

from generator.dates import find_events
from generator.structure import SourceParagraph


def events(text, written="2025-10-30"):   # a Thursday
    return [(e.when, e.expression) for e in find_events([SourceParagraph("s", 1, text)], written)]


@pytest.mark.parametrize("text, when", [
    ("The two leaders will meet on Thursday in the port city of Busan.", "2025-10-30"),
    ("The ministry announced the meeting on Wednesday at a briefing.", "2025-10-29"),
    ("On Monday the US and China agreed on a framework for a deal.", "2025-10-27"),
    ("The summit that opens in nearby Gyeongju on Friday will last two days.", "2025-10-31"),
    ("Beijing increased its restrictions this month, citing security concerns.", "2025-10"),
    ("Tariffs he placed on China earlier this year could be reduced soon.", "2025"),
    ("Trump said he would visit China in April for a return visit.", "2026-04"),
    ("The first truce was agreed in May in Geneva by both negotiating teams.", "2025-05"),
    ("Tariffs of 100% would take effect from Nov. 1 under the earlier threat.", "2025-11-01"),
    ("Xi left Beijing for South Korea today, state media reported this morning.", "2025-10-30"),
    ("The measures announced on 9 October 2024 were suspended for a year.", "2024-10-09"),
])
def test_relative_and_partial_dates_resolve_against_the_article_date(text, when):
    assert events(text)[0][0] == when


def test_may_the_verb_is_not_a_month_and_short_sentences_are_skipped():
    assert events("Trump may reduce tariffs that he placed on China if talks go well.") == []
    assert events("See you Thursday.") == []


def test_every_event_is_a_verbatim_sentence_of_its_paragraph():
    text = "Markets rose. On Monday the US and China agreed on a framework for a trade deal."
    [event] = find_events([SourceParagraph("s", 4, text)], "2025-10-30")
    assert text[event.sentence.start:event.sentence.end] == event.sentence.text
    assert event.sentence.line == 4 and re.match("On Monday", event.sentence.text)


def test_undated_sources_give_no_events():
    assert find_events([SourceParagraph("s", 1, "They met on Monday in the city of Busan.")],
                       None) == []


def test_an_undated_source_takes_the_first_full_date_it_states():
    from generator.dates import stated_date
    paragraphs = [SourceParagraph("s", 3, "By Mara Quinlan"),
                  SourceParagraph("s", 4, "Updated 14:05 GMT, October 30, 2025", kept=False,
                                  removed_because="read-time or updated stamp"),
                  SourceParagraph("s", 7, "Talks on 2 November 2025 followed.")]
    assert stated_date(paragraphs) == ("2025-10-30", 4)
    assert stated_date([SourceParagraph("s", 1, "They met on Monday in Busan.")]) is None


def test_since_starts_a_period_and_dates_nothing():
    assert events("It was their first meeting since 2019, held on the sidelines of the summit.") \
        == []
    assert events("Trade has suffered since Trump returned to the White House in January.")[0][0] \
        == "2025-01"
