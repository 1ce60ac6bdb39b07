import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from generator.dates import Written, find_events, stated_date, written_estimate
from generator.structure import Briefing, Source, SourceMeta, SourceParagraph
from tests.conftest import pieces_text

DEV = Path(__file__).parent / "labelled" / "events" / "dev"
HOLDOUT = Path(__file__).parent / "labelled" / "events" / "holdout"


def events(text, written="2025-10-30"):   # a Thursday
    return [(e.when, e.expression) for e in find_events([SourceParagraph("s", 1, text)], written)]


def when(text, written="2025-10-30"):
    found = events(text, written)
    return found[0][0] if found else None


@pytest.mark.parametrize("text, date", [
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
def test_relative_and_partial_dates_resolve_against_the_article_date(text, date):
    assert when(text) == date


@pytest.mark.parametrize("text, written, date", [
    # the future: will / 'll / set for / due / expected to / is to, however far before the date
    ("The governor, in town for the week, will sit down with the harbour board and the two "
     "unions … on Thursday.", "2025-10-29", "2025-10-30"),
    ("Delegates gathered for the regional forum set for Friday and Saturday in the old port.",
     "2025-10-30", "2025-10-31"),
    ("The minister is due to open the new bridge on Monday, officials confirmed.", "2025-10-30",
     "2025-11-03"),
    ("Negotiators are expected to sign the text on Tuesday in the capital.", "2025-10-30",
     "2025-11-04"),
    ("We'll hear from the finance minister on Saturday about the new budget.", "2025-10-30",
     "2025-11-01"),
    ("The council is to vote on the plan in March, its chair told members.", "2025-10-30",
     "2026-03"),
    # the past: past tenses, "last", "ago"
    ("The mayor opened the new ferry terminal on Sunday with a short speech.", "2025-10-30",
     "2025-10-26"),
    ("Both delegations had arrived in the city on Tuesday for the talks.", "2025-10-30",
     "2025-10-28"),
    ("Grain prices fell sharply last Thursday after the harvest report.", "2025-10-30",
     "2025-10-23"),
    ("The port authority published its annual report two days ago in full.", "2025-10-30",
     "2025-10-28"),
    ("The union signed the wage deal in December after long talks.", "2025-10-30", "2024-12"),
    ("More than 200 delegates attended the opening session on Monday in the old hall.",
     "2025-10-30", "2025-10-27"),
    # a day and month months away: the side the tense points to; close by: the nearest
    ("The two sides agreed the outline on 15 April in Geneva after long talks.", "2025-10-30",
     "2025-04-15"),
    ("The minister threatened an extra levy from Nov. 1 on imported steel.", "2025-10-30",
     "2025-11-01"),
    # a live blog's present progressive is the day itself
    ("The two ministers are meeting on Thursday behind closed doors in the port.", "2025-10-30",
     "2025-10-30"),
    # an intention looks ahead of the verb that states it
    ("The cooperative agreed to buy the whole crop by the end of March next year.", "2025-10-30",
     "2026-03"),
    ("The levy the minister threatened to impose from 1 November was dropped.", "2025-10-30",
     "2025-11-01"),
    # next / last with a weekday
    ("The board will meet again next Monday to approve the accounts.", "2025-10-30",
     "2025-11-03"),
    # a month something is for is the nearest, whatever the tense
    ("Importers have booked eleven grain cargoes for December shipment, traders said.",
     "2025-11-03", "2025-12"),
    ("The port handled its busiest week on record for October, the authority said.",
     "2025-11-03", "2025-10"),
    ("Chip exports for June fell 3% from a year earlier, the ministry said.", "2025-01-15",
     "2024-06"),
    ("The next summit between the two leaders is scheduled for September in the capital.",
     "2025-01-15", "2025-09"),
])
def test_tense_and_aspect_decide_the_direction(text, written, date):
    assert when(text, written) == date


@pytest.mark.parametrize("text, date", [
    ("The cooperative has committed to buy the grain by the end of the year.", "2025-12"),
    ("Exports are expected to recover in the first quarter, the port's economists said.", "2026"),
    ("Inspectors are due to visit the harbour next week to check the new cranes.", "2025-11"),
    ("The new rates stay in force for the fishing fleet from Monday, the ministry says.",
     "2025-11-03"),
    ("Harbour officials have quietly floated April for the opening of the new quay.", "2026-04"),
    ("The ferry strike began on 9 October, and the owners replied the next day with an offer.",
     "2025-10-09"),
    ("The two sides last held formal talks in November 2017 in the capital.", "2017-11"),
    ("The railway line opened in 2019 after a decade of delays.", "2019"),
    ("The treaty was signed on 4 March 1998 by both governments.", "1998-03-04"),
])
def test_month_and_year_only_dates_keep_their_precision(text, date):
    event = find_events([SourceParagraph("s", 1, text)], "2025-10-30")[0]
    assert event.when == date and event.precision == \
        {4: "year", 7: "month", 10: "day"}[len(date)]


def test_the_next_day_is_read_from_the_last_day_named():
    text = "The ferry strike began on 9 October, and the owners replied the next day with an offer."
    assert events(text) == [("2025-10-09", "9 October"), ("2025-10-10", "the next day")]


@pytest.mark.parametrize("text", [
    # captions and picture credits
    "The two mayors shake hands outside the town hall in Harbourtown, October 30, 2025.",
    "The ministers pose for photographers on Thursday. (Photo: Jan Roe/Agency)",
    # published and updated stamps
    "This article was published on 30 October 2025 and last updated on 31 October 2025.",
    # teasers and questions
    "Read more: the mayors will meet on Friday to settle the dispute over fishing rights.",
    "Sign up to hear first when the mayors meet on Friday about the fishing rights.",
    "Will the two sides finally reach a deal at the meeting on Friday?",
    # comments on a period and speculation
    "This year has been a brutal one for growers across the whole region.",
    "Prices could fall again in December if the harvest is as good as expected.",
    "Most growers think the truce will hold until at least mid-2026 in any case.",
    # a period's start and a bare month name
    "Relations have been tense since 2019 between the two neighbouring ports.",
    "The October talks were the longest the two delegations had ever held.",
    # no verb says it happened or will
    "Harbourtown, Thursday, with the sun out over the old port and the market.",
])
def test_non_events_are_dropped(text):
    assert events(text) == []


def test_may_the_verb_is_not_a_month_and_short_sentences_are_skipped():
    assert events("Trump may reduce tariffs that he placed on China if talks go well.") == []
    assert events("See you Thursday.") == []


def test_every_event_is_a_verbatim_sentence_with_its_line_and_reason():
    text = "Markets rose. On Monday the US and China agreed on a framework for a trade deal."
    [event] = find_events([SourceParagraph("s", 4, text)], "2025-10-30")
    assert text[event.sentence.start:event.sentence.end] == event.sentence.text
    assert event.line == 4 and re.match("On Monday", event.sentence.text)
    assert event.because == "happened: 'agreed'" and event.precision == "day"


def test_a_sentence_naming_two_events_gives_two_and_a_range_gives_one():
    found = find_events([SourceParagraph(
        "s", 1, "The mayors will meet on Friday, the council announced on Wednesday.")],
        "2025-10-30")
    assert [(e.when, e.expression, e.start) for e in found] == [
        ("2025-10-31", "Friday", 24), ("2025-10-29", "Wednesday", 57)]
    assert events("The regional forum is set for Friday and Saturday in the old port.") == [
        ("2025-10-31", "Friday")]


def test_a_dateline_sets_the_date_relative_dates_are_read_against():
    paragraphs = [SourceParagraph("s", 3, "HARBOURTOWN, Oct 30 (Coast Wire) - The two mayors met "
                                  "on Monday to sign the fishing accord.")]
    assert [e.when for e in find_events(paragraphs, "2025-11-05")] == ["2025-10-27"]


def test_a_published_stamp_sets_the_date_but_an_updated_one_does_not():
    def dated(stamp):
        return [e.when for e in find_events([
            SourceParagraph("s", 3, stamp, kept=False, removed_because="date or time stamp"),
            SourceParagraph("s", 4, "The ferry company cancelled all crossings on Sunday.")],
            "2025-11-05")]
    assert dated("Published at 09.12 GMT, 30 October") == ["2025-10-26"]
    assert dated("Updated at 09.12 GMT, 30 October") == ["2025-11-02"]


def test_undated_sources_give_no_events():
    assert find_events([SourceParagraph("s", 1, "They met on Monday in the city of Busan.")],
                       None) == []


def test_an_undated_source_takes_the_first_full_date_it_states():
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


def _source(source_id, written, text):
    return Source(SourceMeta(source_id, f"{source_id}.txt", "T", "Outlet", written),
                  (SourceParagraph(source_id, 3, text),))


def test_the_timeline_shows_dates_at_their_precision_and_flags_sources_that_differ():
    from generator.compose import timeline_page
    same = "The two mayors will meet at the town hall on Thursday for talks."
    page = timeline_page(Briefing("B", (
        _source("a", "2025-10-29", same), _source("b", "2025-11-02", same),
        _source("c", "2025-10-30", "The two mayors met in Geneva in May for their first talks."))))
    headings = [block.heading for block in page.blocks]
    assert headings == ["May 2025", "30 October 2025 (Thursday) or 6 November 2025 (Thursday): "
                        "sources differ"]
    assert [item.source_id for item in page.blocks[1].items] == ["a", "b"]


def test_the_timeline_lists_a_sentence_two_sources_date_alike_once():
    from generator.compose import timeline_page
    same = "The two mayors will meet at the town hall on Thursday for talks."
    page = timeline_page(Briefing("B", (_source("a", "2025-10-29", same),
                                        _source("b", "2025-10-30", same))))
    assert [(b.heading, len(b.items)) for b in page.blocks] == [
        ("30 October 2025 (Thursday)", 1)]


def test_extract_json_lists_each_sources_events(tmp_path):
    from generator.pipeline import extract
    path = tmp_path / "a.txt"
    path.write_text("date 2025-10-30\n\nHarbour talks\n\nThe two mayors met on Monday to sign the "
                    "fishing accord in the old town hall.\n", encoding="utf-8")
    [source] = extract([path], None)["sources"]
    assert source["events"] == [{"line": 5, "date": "2025-10-27", "text": (
        "The two mayors met on Monday to sign the fishing accord in the old town hall.")}]


def _measure(folder, own_dates=False):
    sys.path.insert(0, str(Path(__file__).parent))
    from measure_events import measure
    return measure(folder, own_dates=own_dates)


@pytest.mark.parametrize("folder, dated, own_keys", [(DEV, 0.97, 0.85), (HOLDOUT, 0.95, 0.80)],
                         ids=["dev", "holdout"])
def test_labelled_articles_meet_the_targets(folder, dated, own_keys):
    """The sets tuned on: dates given as labelled, and as the generator reads them itself."""
    if not (folder / "READY").exists():
        pytest.skip("labels not ready")
    figures = _measure(folder)
    assert figures.dated_right >= dated * figures.checked
    assert figures.keys_found >= 0.90 * figures.keys
    assert figures.non_events_kept == 0
    own = _measure(folder, own_dates=True)
    assert own.dated_right >= 0.95 * own.checked and own.keys_found >= own_keys * own.keys


def test_two_events_of_one_sentence_are_two_entries_not_a_disagreement():
    from generator.compose import timeline_page
    page = timeline_page(Briefing("B", (_source(
        "a", "2025-10-30", "The mayors will meet on Friday, the council announced on Wednesday."),)))
    assert [b.heading for b in page.blocks] == ["29 October 2025 (Wednesday)",
                                                "31 October 2025 (Friday)"]


@pytest.mark.parametrize("text, date", [
    ("The new levy will kick in on November tenth, the harbour board said.", "2025-11-10"),
    ("The levy was first proposed on the fourth of October by the board.", "2025-10-04"),
    ("The ferry line opens again on March the 21st after the long repairs.", "2026-03-21"),
    ("The harbour board is due to vote on the twelfth, its chair said.", "2025-11-12"),
    ("The harbour board voted on the twelfth to raise the mooring fees.", "2025-10-12"),
])
def test_ordinal_days_written_out_are_days(text, date):
    assert when(text) == date


def test_an_ordinal_day_beside_a_named_day_is_in_its_month():
    assert events("The talks opened on 3 November and the ministers signed the text on the "
                  "seventh.") == [("2025-11-03", "3 November"), ("2025-11-07", "on the seventh")]


@pytest.mark.parametrize("text, date", [
    ("A week ago today, the two mayors sat down at the old town hall.", "2025-10-23"),
    ("The board will meet a week from Thursday to approve the accounts.", "2025-11-06"),
    ("Two weeks ago the two mayors met for the first time in a decade.", "2025-10"),
    ("The board met on 14 August and the mayor resigned the following Monday.", "2025-08-18"),
])
def test_compound_relative_dates(text, date):
    assert events(text)[-1][0] == date


def test_days_later_and_days_after_a_clause_count_from_the_day_named():
    assert events("The strike began on 9 October; two days later the owners made an offer.") == [
        ("2025-10-09", "9 October"), ("2025-10-11", "two days later")]
    assert events("Delegates gathered in the old port on Friday for the fair, a day after the "
                  "two mayors agreed a truce.", "2025-10-31") == [
        ("2025-10-31", "Friday"), ("2025-10-30", "a day after")]


@pytest.mark.parametrize("text", [
    "That is the real lesson of 2025: each port knows where the other is weak.",
    "For the growers, 2024 was the year of the long drought and the empty silos.",
    "The fair was held under the theme of building a greener tomorrow for the port.",
    "The shops along the quay expect big crowds on Black Friday this season.",
])
def test_a_period_judged_or_a_day_word_as_a_name_is_no_event(text):
    assert events(text) == []


def test_a_bare_weekday_beside_a_day_weeks_away_is_in_that_days_week():
    assert events("The mayors met in Geneva on 3 March and signed the accord on Wednesday.") == [
        ("2025-03-03", "3 March"), ("2025-03-05", "Wednesday")]
    assert events("The accord, signed on 3 March, will take effect on Wednesday in every port.") \
        == [("2025-03-03", "3 March"), ("2025-11-05", "Wednesday")]


def test_hyphenated_adjectives_are_not_past_tenses():
    assert when("The new duties take effect on Monday, when the fuel-related levy drops.",
                "2025-11-06") == "2025-11-10"


def _paragraphs(*texts, first_line=1):
    return [SourceParagraph("s", first_line + n, text) for n, text in enumerate(texts)]


@pytest.mark.parametrize("texts, written", [
    # a weekday and a day-month at the top: the year whose calendar agrees
    (("Harbour notes | Friday, 7 November", "The ferry strike of 2025 ended on Tuesday, when "
      "the owners signed."), "2025-11-07"),
    # a dateline's day-month, with the copyright's year
    (("HARBOURTOWN, Oct 30 (Coast Wire) - The two mayors met on Monday to sign the accord.",
      "Copyright 2025 Coast Wire. All rights reserved."), "2025-10-30"),
    # a year-first numeric stamp
    (("Posted : 2025/10/31 11:02 | Modified : 2025/10/31 15:48",
      "The two mayors met on Monday to sign the fishing accord in the town hall."), "2025-10-31"),
])
def test_an_undated_source_takes_the_date_its_text_gives(texts, written):
    paragraphs = _paragraphs(*texts)
    assert written_estimate(paragraphs) == Written(written, True)
    assert find_events(paragraphs, None)


def test_a_source_that_only_bounds_its_date_keeps_the_dates_that_do_not_need_the_day():
    paragraphs = _paragraphs(
        "When the new mooring fees took effect yesterday, nobody in the port noticed it.",
        "The two mayors agreed the new fees in Geneva on October 30, 2025, after long and "
        "often bitter talks between the two harbour boards.",
        "The first truce was agreed in May by both harbour boards in the old town.",
        "The mayors will meet again in April to review the fees for the fishing fleet.")
    assert written_estimate(paragraphs) == Written("2025-10-30", False)
    assert [e.when for e in find_events(paragraphs, None)] == ["2025-10-30", "2025-05", "2026-04"]


# The speed shortcuts (a pattern's first letters, cheap needle tests) must decide nothing.
SHORTCUT_TEXTS = [
    "Talks ended on the third of March, 2025, and resumed on Mar. 9 in Geneva.",
    "They MET last WEEK, two days after the vote, and meet again a week from Thursday.",
    "In mid-April 2024 the ministers said the deal, due by the end of the year, was done.",
    "Starting the twenty-first, tariffs rise; the following Monday they fall, 3 weeks ago today.",
    "The first quarter of 2026 opens this morning, tonight or TOMORROW, said the 10th speaker.",
    "İn late Sept 1999 ſince Friday the officials, earlier this month, were meeting yesterday.",
    "In the middle of May, for early June, after the tenth and by 2030, one day later, they met.",
    "The same day, the preceding day and the last quarter: of 2024, a week ago, this evening.",
    "Nothing here is a date: the committee examined the proposal and adjourned.",
]


def test_the_first_letters_shortcut_finds_every_date_the_full_pattern_finds():
    from generator.dates import EXPRESSION, FIRST_LETTERS
    full = re.compile(EXPRESSION.pattern.replace(FIRST_LETTERS, "", 1), EXPRESSION.flags)
    for text in SHORTCUT_TEXTS:
        def found(pattern):
            return [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert found(EXPRESSION) == found(full), text


# What the commonest words need after them to start a date ("in" a month, a year or a part,
# "the" an ordinal or next/same/end..., "a" a unit): those words with what may follow, spaced
# as the pattern allows (up to three spaces, tabs, no-break spaces).
FOLLOWER_PIECES = ["in", "of", "by", "for", "from", "after", "before", "until", "since",
                   "during", "around", "through", "starting", "last", "next", "this", "on",
                   "the", "a", "one", "two", "5", "12th", "2025", "early ", "late", "mid-",
                   "the end of ", "the start of ", "the middle of ", "May", "Sept.", "Friday",
                   "tenth", "twenty-first", "next", "same", "end", "final", "preceding", "day",
                   "weeks", "month", "year", "night", "morning", " of ", "\u017fince",
                   "\u0130n", "th\u0131s"]
follower_text = pieces_text(FOLLOWER_PIECES, " \t\u00a0eEtTsSmM1", most=8)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(follower_text)
def test_the_first_letters_shortcut_decides_no_match(text):
    from generator.dates import EXPRESSION, FIRST_LETTERS
    full = re.compile(EXPRESSION.pattern.replace(FIRST_LETTERS, "", 1), EXPRESSION.flags)
    assert [(m.span(), m.groups()) for m in EXPRESSION.finditer(text)] == \
        [(m.span(), m.groups()) for m in full.finditer(text)]


def test_stamps_and_credits_are_found_in_any_case_and_spelling():
    from generator.dates import sentence_not_event_because
    assert sentence_not_event_because("POſTED 3 March 2025, 10:00 GMT") == \
        "published or updated stamp"
    assert sentence_not_event_because("Officials met on Monday. Photo: Wire") == "caption"
    assert sentence_not_event_because("Officials met on Monday in the city hall.") is None


# Pieces of every alternative of EXPRESSION, in odd cases and with the non-ASCII letters that
# ignore-case matching takes for ASCII ones (dotted and dotless i, long s, Kelvin sign).
DATE_PIECES = ["on the tenth", "by the Twenty-First", "the 3rd of ", "Tonight", "LAST NIGHT",
               "the following Monday", "two weeks ago", "a day later", "3 days from now",
               "the end of the month", "the fourth quarter of 2026", "in 2025", "Oct. 30",
               "30 October", "since May", "this morning", "Yesterday", "the thirtieth",
               "this wee\u212a", "\u0130n 2025", "\u017fince Monday", "DAY", "Thur", "Jan",
               "next YEAR", "two MONTHS ago", "the previous week", "١٢ ", "mid-", "the"]
date_text = pieces_text(DATE_PIECES, "adkmnorstuwyADKMNY 1.,-\u212a\u0131\u0130\u017f")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(date_text)
def test_the_date_prescreen_never_passes_over_a_date(text):
    from generator.dates import EXPRESSION, may_hold_date
    assert may_hold_date(text) or not EXPRESSION.search(text)


@pytest.mark.parametrize("text", ["The talks went well, the ministry said.",
                                  "Both sides called the meeting constructive."])
def test_a_sentence_with_no_date_word_is_passed_over(text):
    from generator.dates import may_hold_date
    assert not may_hold_date(text)


def test_ignore_case_takes_only_letters_that_fold_to_it_for_an_ascii_letter():
    """What the prescreens of dates, provenance and figures rest on: a letter that matches an
    ASCII letter in an ignore-case pattern is that letter once folded (CASE_FOLD, then lower)."""
    from generator.dates import CASE_FOLD
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        if letter.fullmatch(char):
            folded = char.translate(CASE_FOLD).lower()
            assert re.fullmatch(folded, char, re.IGNORECASE) and folded.isascii(), hex(code)


def test_a_month_with_day_zero_names_no_day_in_an_undated_source():
    """"October 0" is no date; reading it to estimate when the source was written must not
    fail."""
    paragraphs = [SourceParagraph("s", 1, "Trump and Xi met in Busan, and the truce expired on "
                                          "October 0 after the talks ended."),
                  SourceParagraph("s", 3, "The two leaders spoke for an hour and talked about "
                                          "tariffs on Thursday.")]
    written_estimate(paragraphs)
    find_events(paragraphs, None)


def test_a_letters_class_of_cases_holds_what_ignore_case_matching_takes_for_it():
    from generator.dates import cases
    every_character = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        assert sorted(re.findall(cases(letter), every_character)) == \
            sorted(re.findall(letter, every_character, re.IGNORECASE)), letter


def test_a_sentence_repeated_in_another_source_is_dated_from_that_source():
    from generator.dates import find_events
    text = "Officials from both sides met in Geneva on Monday to review the truce."
    first = find_events([SourceParagraph("a", 1, text)], "2025-10-30")
    second = find_events([SourceParagraph("b", 3, text)], "2025-11-12")
    assert [(e.when, e.line, e.sentence.source_id) for e in first] == [("2025-10-27", 1, "a")]
    assert [(e.when, e.line, e.sentence.source_id) for e in second] == [("2025-11-10", 3, "b")]


def test_a_day_something_is_asked_to_last_until_is_ahead_whatever_the_tense():
    """"asked residents to stay off the roads until at least Wednesday" (in a Tuesday's
    article) is the next Wednesday, not the one before."""
    assert events("The governor has asked residents to stay off the roads until at least "
                  "Wednesday morning.", "2025-09-09") == [("2025-09-10", "Wednesday")]
    assert events("Officials asked evacuees not to return until Sunday.",
                  "2025-09-09") == [("2025-09-14", "Sunday")]
    # what was done until a day, told after it, stays behind
    assert events("Police were forced to close the bridge until Monday, when engineers "
                  "declared it safe.", "2025-09-10") == [("2025-09-08", "Monday")]
    assert events("Talks to resolve the dispute dragged on until Sunday, a union official "
                  "said.", "2025-09-10") == [("2025-09-07", "Sunday")]


def test_this_year_or_month_with_was_is_a_comment_on_the_period():
    """"The Gulf was like bathwater this year" is no event of 2025; "exports rose 5% this year"
    is, and "Today was about …" dates the day."""
    assert events('"The Gulf was like bathwater this year," said Jo Roe, a researcher.',
                  "2025-09-12") == []
    assert events("This year was the hottest on record.", "2025-09-12") == []
    assert events("Exports rose 5% this year, data showed.", "2025-09-12") == [("2025", "this year")]


def test_a_weekday_owning_an_event_is_the_nearest_such_day_whatever_the_verb():
    """"It did not postpone Thursday's court meeting" in a Tuesday's article is this Thursday,
    not last week's (a new user's Timeline); "after Friday's close" on a Saturday is the day
    before."""
    assert events("It did not postpone Thursday's court meeting, the judge said.",
                  "2026-03-03") == [("2026-03-05", "Thursday")]
    assert events("Shares fell after Friday's close, traders said.",
                  "2026-03-07") == [("2026-03-06", "Friday")]
