"""Key figures as facts: each figure once, with what it measures (a verbatim slice of its
sentence), unit variants merged, every source that states it cited, disagreements flagged.

The sentences are made up, each in the manner of a kind of outlet: a wire ("to 10% from 20%"),
a paper ("from 20 per cent to 10 per cent"), a live blog ("12:05 - ...").
"""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings

from generator.blocks import Cited, FigureRow, FigureTable
from generator.compose import key_figures
from generator.figures import figure_facts, find_figures, pick_key_figures
from generator.structure import Briefing, Source, SourceMeta, SourceParagraph
from tests.conftest import pieces_text
from tests.test_linear import GROWTH, UNITS, assert_linear, repeated


def paragraphs(*texts: str) -> list[SourceParagraph]:
    """Each text a paragraph of its own source, s0, s1, …"""
    return [SourceParagraph(f"s{n}", 3, text) for n, text in enumerate(texts)]


def facts_of(*texts: str):
    return figure_facts(paragraphs(*texts))


def test_the_same_fact_from_three_sources_is_one_fact_with_three_citations():
    [fact] = facts_of(
        "Washington will cut the fentanyl tariff on Ruritanian goods to 10% from 20%, "
        "officials said.",
        "The fentanyl-related tariff on Ruritanian goods will fall from 20 per cent to 10 per "
        "cent.",
        "12:05 - The fentanyl tariffs on Ruritania are being lowered from 20% to 10%.")
    assert fact.sources == {"s0", "s1", "s2"} and len(fact.citations) == 3
    assert fact.change == "down" and len(fact.values) == 2
    assert "fentanyl" in fact.measure and "tariff" in fact.measure
    assert not fact.disagrees_with


def test_a_change_reads_old_to_new_in_every_word_order():
    wire, paper = facts_of("The levy on Freedonian timber rose to 7% from 5% on Monday.",
                           "Export duties on Sylvanian wheat were cut from 30 per cent to 12 "
                           "per cent.")
    assert (wire.measure, wire.values, wire.change) == ("levy on Freedonian timber",
                                                        ("5%", "7%"), "up")
    assert (paper.measure, paper.values, paper.change) == (
        "Export duties on Sylvanian wheat", ("30 per cent", "12 per cent"), "down")


def test_a_wire_s_pct_and_a_paper_s_pc_are_percentages_of_one_fact():
    [fact] = facts_of("Freedonia kept a 100 pct tariff on Sylvanian canola oil, officials said.",
                      "The 100pc tariff on Sylvanian canola oil stays, Freedonia said.",
                      "Freedonia's 100 per cent tariff on Sylvanian canola oil remains.")
    assert fact.sources == {"s0", "s1", "s2"} and "canola" in fact.measure


def test_another_country_s_dollars_keep_their_letters_and_pc_is_lower_case():
    found = find_figures(paragraphs("The swap is worth 70 trillion won (S$64 billion), or "
                                    "US$49 bln, officials said."))
    assert [(f.value, f.kind) for f in found] == [("S$64 billion", "money"),
                                                  ("US$49 bln", "money")]
    assert not find_figures(paragraphs("Sales of the firm's 4 PC bundle fell, and 3 PC officers "
                                       "were called."))


def test_an_amount_in_words_and_in_signs_is_one_fact():
    """One table of scales and currency words (generator/amounts.py) for figures and
    statements: yen were no money here, and "¥" in statements."""
    [fact] = facts_of("Freedonia pledged ¥500bn for the Sylvanian port upgrade, officials said.",
                      "Freedonia pledged 500 billion yen for the Sylvanian port upgrade.")
    assert fact.sources == {"s0", "s1"} and not fact.disagrees_with


def test_a_measure_word_many_facts_use_does_not_alone_make_rival_values():
    """On the 71 articles of the statement clusters "tariff", "shares" and "chips" made
    rivals of figures about different things (a 13% tariff on one good, 15% on another)."""
    texts = [f"The tariff on Ruritanian {good} is {rate}%, officials said."
             for good, rate in (("timber", 13), ("wheat", 15), ("steel", 25), ("cars", 2.5),
                                ("canola", 100), ("salt", 7))]
    facts = facts_of(*texts)
    assert len(facts) == 6 and not any(fact.disagrees_with for fact in facts)
    readings = facts_of(*(f"Ruritanian inflation was {rate}% in October, source {n} said."
                          for n, rate in enumerate((2.1, 2.4, 2.6, 2.9, 3.1))))
    assert len(readings) == 5 and all(fact.disagrees_with for fact in readings)  # found in
    # review: five rival readings made "inflation" common and hid every one of them


def test_amount_words_read_no_money_into_other_letters_and_weights():
    """Found in review of the shared amounts table: B$'s B read as billions, "$20 b class" as
    $20bn, 12 million pounds of pork as money."""
    [brunei] = facts_of("Brunei pledged B$5 million to the port fund, officials said.",
                        "Brunei pledged B$5,000,000 to the port fund, the ministry said.")
    assert brunei.sources == {"s0", "s1"}
    assert not find_figures(paragraphs("China bought 12 million pounds of US pork last week, "
                                       "traders said."))
    assert [f.value for f in find_figures(paragraphs(
        "The $20 b class shares rose after the $5b deal and the $50k prize, officials said."))
    ] == ["$20", "$5b", "$50k"]


def test_a_distance_and_its_conversion_are_one_quantity():
    [fact] = facts_of("The port lies about 76km (47 miles) south of the capital.")
    assert fact.values == ("76km (47 miles)",) and fact.measure == "south of the capital"
    [both] = facts_of("The port lies about 76km (47 miles) south of the capital.",
                      "The port is some 47 miles south of the capital.")
    assert both.sources == {"s0", "s1"}


def test_unit_and_number_spellings_of_one_figure_match():
    [levy] = facts_of("Officials confirmed a ten percent levy on timber.",
                      "The government set a 10% levy on timber.",
                      "Loggers face a 10 per cent levy on timber from next week.")
    assert levy.sources == {"s0", "s1", "s2"}
    [soy] = facts_of("Beijing will buy 12 million tonnes of soybeans, the minister said.",
                     "China agreed to buy 12 million metric tons of soybeans.")
    assert soy.sources == {"s0", "s1"} and soy.measure == "soybeans"


def test_the_same_figure_about_different_things_stays_two_facts():
    facts = facts_of("The government imposed a 10% tariff on steel.",
                     "A 10% fentanyl tariff stays in place, the ministry said.")
    assert sorted(f.measure for f in facts) == ["fentanyl tariff", "tariff on steel"]
    assert all(len(f.citations) == 1 and not f.disagrees_with for f in facts)


def test_the_same_measure_at_different_times_is_not_one_fact():
    facts = facts_of("Tokyo won a 15% tariff on its cars in July.",
                     "The tariff on Sylvanian cars will fall to 15% from 25%, in force since "
                     "April.")
    assert len(facts) == 2 and not any(f.disagrees_with for f in facts)


def test_one_value_or_change_at_two_times_is_two_facts():
    """Inflation of 3.2% in January is not corroborated by 3.2% in March, nor the Bank of
    England's cut by the Federal Reserve's a month later."""
    facts = facts_of("Inflation was 3.2% in January, the statistics office said.",
                     "Inflation was 3.2% in March, the statistics office said.",
                     "The Bank of Sylvania cut its base rate to 4% from 4.25% in August.",
                     "The Reserve Bank of Ruritania cut its base rate to 4% from 4.25% in "
                     "September.")
    assert sorted(len(f.sources) for f in facts) == [1, 1, 1, 1]


def test_equal_changes_for_two_countries_stay_two_facts():
    facts = facts_of("The tariff on Sylvanian cars will fall to 15% from 25% in July.",
                     "The tariff on Ruritanian cars will fall to 15% from 25% in July.",
                     "In July the US tariff on Ruritanian cars fell to 15% from 25%.")
    assert {f.sources for f in facts} == {frozenset({"s0"}), frozenset({"s1", "s2"})}
    assert all(not f.disagrees_with for f in facts)


def test_a_bare_measure_goes_with_the_reading_most_sources_give_it():
    facts = facts_of(
        "Trump had threatened a 100% tariff on Ruritanian goods from Nov. 1.",
        "The threatened 100 per cent tariff on Ruritanian goods is off in November.",
        "A 100% tariff on Ruritanian goods in November is dead.",
        "Markets feared the 100% tariff in November.")
    assert [sorted(f.sources) for f in facts] == [["s0", "s1", "s2", "s3"]]


def test_a_bare_measure_between_two_close_readings_stands_alone():
    facts = facts_of(
        "Trump had threatened a 100% tariff on Ruritanian goods.",
        "Sylvania keeps its 100% tariff on Ruritanian canola oil.",
        "Markets feared the 100% tariff.")
    assert sorted(len(f.sources) for f in facts) == [1, 1, 1]


def test_a_capital_that_opens_the_sentence_names_no_place():
    [fact] = facts_of("Tariffs on Ruritanian goods will fall to 10% from 20% on Monday.",
                      "The US tariff on Ruritanian goods will fall to 10% from 20% on Monday.")
    assert fact.sources == {"s0", "s1"}


def test_a_participle_before_a_noun_is_part_of_the_measure():
    facts = facts_of("The strike cost $2.4 billion in lost output, the ministry said.")
    assert [f.measure for f in facts] == ["lost output"]


def test_the_sentence_a_row_shows_is_cited_first():
    facts = facts_of("The levy falls to 10% from 20%, officials said. The fentanyl levy falls "
                     "to 10% from 20% on Monday, the ministry said.")
    assert all(fact.citations[0] == fact.sentence for fact in facts)
    assert all(len({(c.source_id, c.line) for c in f.citations}) == len(f.citations)
               for f in facts)


def test_an_irregular_participle_is_no_measure():
    facts = facts_of("Orders through Port Ruri had risen by about 5% since the meeting.",
                     "Shipments from the south have fallen by 7% this year.")
    assert not {"risen", "fallen"} & {f.measure for f in facts}


def test_a_paragraph_is_cited_once_however_many_of_its_sentences_state_the_fact():
    [fact] = facts_of("The fentanyl tariff falls to 10% from 20%. Officials said the fentanyl "
                      "tariff would fall to 10% from 20% on Monday.")
    assert len(fact.citations) == 1


def test_a_poll_s_verb_is_no_measure():
    facts = facts_of("In the survey, 47 percent said the deal was fair.",
                     "Another 38 percent think the tariffs will return.")
    assert not {"said", "think"} & {f.measure for f in facts}


def test_one_telling_measure_word_is_enough_to_disagree():
    unemployment, rival = facts_of("Unemployment rose to 4.3% in September, the bureau said.",
                                   "Unemployment rose to 4.6% in September, the bureau said.")
    assert unemployment.disagrees_with and rival.disagrees_with


def test_sources_that_disagree_are_flagged_side_by_side():
    facts = facts_of("Overall tariffs on Ruritanian goods will fall to 47% from 57%.",
                     "Overall tariffs on Ruritanian goods will drop from 57% to 45%, the paper "
                     "calculated.",
                     "That brings overall tariffs on Ruritanian goods down to 47% from 57%, "
                     "the president said.")
    [row] = pick_key_figures(facts, 12)
    assert row.values == ("57%", "47%") and row.sources == {"s0", "s2"}
    [rival] = row.disagrees_with
    assert rival.values == ("57%", "45%") and rival.sources == {"s1"}


@pytest.mark.parametrize("texts", [
    ("The tariff on Sylvanian cars will fall to 15% from 25%.",  # unrelated changes
     "The fentanyl tariff will fall to 10% from 20%.",
     "Soybean futures in Chicago slipped 0.8% after the meeting.",  # an approximation
     "Soybean futures in Chicago fell by almost 1 per cent."),
    ("The president, 79 years old, arrived on Thursday.",  # two leaders' ages
     "The leader, 72 years old, arrived on Thursday."),
])
def test_figures_that_only_look_alike_do_not_disagree(texts):
    assert not any(f.disagrees_with for f in facts_of(*texts))


def test_measure_and_values_are_exact_slices_of_their_sentence():
    facts = facts_of("Washington will cut the fentanyl tariff on Ruritanian goods to 10% from "
                     "20%, officials said.",
                     "China controls about 70% of the world’s rare earths mining.",
                     "Hyundai shares jumped 9 percent, while Kia gained 7 percent.",
                     "The deal includes $350bn in Sylvanian investment.",
                     "The port lies about 76km (47 miles) south of the capital.")
    assert len(facts) == 6
    for fact in facts:
        text = fact.sentence.text
        assert text[fact.measure_start:fact.measure_end] == fact.measure
        assert all(value in text for value in fact.values)
        assert fact.sentence in fact.citations


def test_figures_with_no_measure_and_bare_dates_are_not_facts():
    texts = ("It will be halved, from 20 per cent to 10 per cent.",
             "The leaders last met in 2019 and will meet again on 1 November.",
             "Mr Roe had threatened to add 100 per cent to tariffs on Sylvanian goods.",
             "Firms at least 50% owned by listed companies are covered.")
    assert find_figures(paragraphs(*texts))  # figures are found, but none is a fact
    assert facts_of(*texts) == []


def test_the_most_cited_facts_come_first():
    facts = facts_of("Hyundai shares jumped 9 percent.",
                     "Exports of timber fell 4% in May.",
                     "Timber exports fell 4% in May, customs said.")
    first, second = pick_key_figures(facts, 12)
    assert first.values == ("4%",) and len(first.citations) == 2
    assert pick_key_figures(facts, 1) == [first]


def _source(source_id: str, date: str, text: str) -> Source:
    meta = SourceMeta(source_id, f"{source_id}.txt", f"Title {source_id}", source_id.upper(),
                      date)
    return Source(meta, (SourceParagraph(source_id, 3, text),))


def test_the_home_page_lists_each_fact_once_with_its_rival_values():
    briefing = Briefing("B", (
        _source("late", "2025-10-31", "Overall tariffs on Ruritanian goods fall to 47% from 57%."),
        _source("early", "2025-10-30", "Overall tariffs on Ruritanian goods go to 47% from 57%."),
        _source("rival", "2025-10-30", "Overall tariffs on Ruritanian goods go from 57% to 45%.")))
    [row] = key_figures(briefing)
    assert isinstance(row, FigureRow) and row.figure == "57% → 47%" and row.change == "down"
    assert [c.source_id for c in row.citations] == ["late", "early"]  # shown first, then time
    assert row.citations[0].text[:7] == "Overall" and all(isinstance(c, Cited)
                                                          for c in row.citations)
    [rival] = row.disagreeing
    assert rival.figure == "57% → 45%" and rival.citations[0].source_id == "rival"
    from generator.markdown import render_pages
    from generator.blocks import Page
    metas = {s.meta.id: s.meta for s in briefing.sources}
    text = render_pages([Page("index.md", "B", "d", (FigureTable("Key figures", (row,)),))],
                        metas, {})["index.md"]
    assert f"- **{row.measure}:** 57% → 47% [LATE, 31 Oct](sources/late.md#p3" in text
    assert "    - *Sources differ:* 57% → 45% [RIVAL, 30 Oct](sources/rival.md#p3" in text


def _letters(number: int) -> str:
    return "".join(string.ascii_lowercase[int(d)] for d in str(number))


def _desk(size: int, wording: str) -> list[SourceParagraph]:
    count = max(2, size // len(wording))
    return [SourceParagraph(f"s{n}", 1, wording.format(n=n % 90 + 1, m=n % 7 + 1,
                                                       w=_letters(n)))
            for n in range(count)]


DESKS = {
    # one fact from every source: one group that grows
    "one-fact": "Overall tariffs on Ruritanian goods fell to 47% from 57% on Monday.",
    # the same measure with other figures: rivals to compare
    "rivals": "Overall tariffs on the goods fell to {m}% from {n}% on Monday.",
    # the same figure about ever new things: facts sharing values and a word
    "measures": "A 10% tariff on {w} goods and a 10% levy on timber took effect.",
}


@pytest.mark.parametrize("wording", list(DESKS.values()), ids=list(DESKS))
def test_reading_facts_across_many_sources_takes_linear_time(wording):
    """Candidates come from capped lists, never all pairs."""
    short, long = "x" * 8192, "x" * 8192 * GROWTH
    assert_linear(lambda text: figure_facts(_desk(len(text), wording)), short, long)


@pytest.mark.parametrize("unit", ["1,", "1% ", "10% tariff on ", "5 per cent to 6 per cent ",
                                  "$1bn in aid ", "76km (47 miles) ", "the a of on ",
                                  *UNITS.values()])
def test_reading_facts_in_one_long_paragraph_takes_linear_time(unit):
    def read(text: str):
        return figure_facts([SourceParagraph("x", 1, text)])
    short = repeated(unit, 4096)
    assert_linear(read, short, short * GROWTH)


def test_percentages_in_capitals_and_sums_in_words_are_read():
    """A kind's pattern runs only when the sentence holds what it needs ("%", "per", a currency
    sign or word, a digit): these tests must not hide a figure."""
    levy, aid = facts_of("Exporters face a TEN PER CENT levy on timber.",
                         "Exporters face a 10% levy on timber.",
                         "The fund holds 5 billion dollars in aid for farmers.")
    assert (levy.measure, levy.values, levy.sources) == ("levy on timber", ("TEN PER CENT",),
                                                        {"s0", "s1"})
    assert (aid.measure, aid.values) == ("aid for farmers", ("5 billion dollars",))


def test_a_contested_measure_reached_from_two_sides_is_one_row():
    from generator.figures import KeyFigure
    from generator.structure import Sentence

    def fact(source, value, rivals=()):
        sentence = Sentence(source, 1, 0, 20, f"The levy is {value} now.")
        return KeyFigure("levy", 4, 8, (value,), "", "percentage", sentence, (sentence,),
                         tuple(rivals))
    rival = fact("c", "35%")
    first, second = fact("a", "50%", [rival]), fact("b", "47%", [rival])
    assert pick_key_figures([first, second], 12) == [first]


FIGURE_PIECES = ["10%", "ten PER CENT", "5 percent", "Per Cent", "$5bn", "€3 million",
                 "2 billion yuan", "47 miles", "76km", "3 tonnes", "2 years", "40 minutes", "9 hours", "4 days",
                 "1,000 metric tons", "5 million tonnes", "per", "cent"]
figure_text = pieces_text(FIGURE_PIECES, "perPERcentCENT %$0159,. kmilesyardhounts")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(figure_text)
def test_the_cheap_tests_before_each_fact_pattern_never_skip_a_match(text):
    from generator.figures import FACT_KINDS, FACT_NEEDS, PATTERNS
    for kind, pattern in PATTERNS:
        if kind in FACT_KINDS:
            assert FACT_NEEDS[kind](text) or not pattern.search(text), kind


@pytest.mark.parametrize("word", ["one", "Fifteen", "TWENTY", "sEvEnTy", "hundred"])
def test_a_number_in_words_is_read_in_any_case(word):
    """The pattern tests a word's first letter before trying every number word there."""
    [fact] = facts_of(f"Exporters face a {word} per cent levy on timber.")
    assert fact.values == (f"{word} per cent",) and fact.measure == "levy on timber"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(figure_text)
def test_a_paragraph_skipped_before_its_sentences_holds_no_figure(text):
    """figure_facts reads a paragraph sentence by sentence only when the whole paragraph holds
    what some kind of fact needs; what it skips must hold no figure."""
    from generator.figures import _amounts, _may_state_facts
    from generator.segment import sentences
    paragraph = SourceParagraph("x", 1, text)
    assert _may_state_facts(text) or not any(_amounts(s.text) for s in sentences(paragraph))


def test_a_units_word_is_never_what_a_figure_measures():
    """"Brent crude rose 1.9 per cent to $72.15 a barrel" measured the price as "cent"."""
    facts = facts_of("Brent crude rose 1.9 per cent to $72.15 a barrel on Wednesday, extending "
                     "Tuesday's gains.")
    assert {(f.measure, f.values) for f in facts} == {("Brent crude", ("1.9 per cent",)),
                                                      ("Brent crude", ("$72.15",))}


def test_a_lone_figure_said_to_move_shows_which_way():
    """"fell 1.4%" is a move down, "fell to 1.4%" a level: the arrow is a label."""
    moved = {f.measure: f.change for f in facts_of(
        "US crude futures fell 1.4% on Thursday as the supply worries eased.",
        "Brent crude rose 1.9 per cent on Wednesday, extending Tuesday's gains.",
        "The jobless rate in Ruritania fell to 4.1% in October, the bureau said.")}
    assert moved == {"US crude futures": "down", "Brent crude": "up",
                     "jobless rate in Ruritania": ""}
    assert FigureRow("US crude futures", ("1.4%",), (), "down").figure == "↓ 1.4%"
    assert FigureRow("tariff", ("20%", "10%"), (), "down").figure == "20% → 10%"


def test_up_or_down_is_a_move_only_after_a_verb_of_standing():
    moved = {f.measure: f.change for f in facts_of(
        "Soybeans made up 40% of US farm exports to China before the trade war began.",
        "The Shanghai Composite index closed down 1.2% on Friday, its worst day in a month.")}
    assert moved == {"US farm exports": "", "Shanghai Composite index": "down"}


def test_a_move_and_a_level_of_one_measure_are_no_rivals():
    """"Shares in Veltara jumped 7.8%" and "… owns 14.8% of Veltara" were flagged as sources
    differing on "Veltara"; two levels still are."""
    moved = facts_of("Shares in Veltara jumped 7.8% to 454p on Monday.",
                     "The Qatari fund owns 14.8% of Veltara, the filing showed on Monday.")
    assert all(not f.disagrees_with for f in moved)
    levels = facts_of("The Qatari fund owns 14.8% of Veltara, the filing showed on Monday.",
                      "The Qatari fund owns 14.6% of Veltara, a filing showed on Monday.")
    assert any(f.disagrees_with for f in levels)


def test_a_broadcasts_spelled_out_decimal_is_the_whole_figure():
    """"sixty-eight point four per cent" was "four per cent" (a new user's radio page)."""
    [fact] = facts_of("The scheme got sixty-eight point four per cent of the votes cast, and it "
                      "needed seventy-five.", "The scheme got 68.4% of the votes cast, short of "
                      "the 75% needed.")
    assert fact.values == ("sixty-eight point four per cent",) and len(fact.citations) == 2


def test_a_price_in_pence_is_money():
    [fact] = facts_of("Kaiyo raised its cash offer for Veltara Steel to 412p a share on Monday.",
                      "Kaiyo lifted its offer for Veltara Steel to 412 pence a share.")
    assert fact.kind == "money" and len(fact.citations) == 2
    assert facts_of("The meeting starts at 3pm on Friday, 2 p.m. in London.") == []


def test_a_rise_and_a_fall_of_one_measure_are_still_rivals():
    """A review's case: "fell 4%" and "rose 3%" of one share on one day disagree."""
    facts = facts_of("Shares in BP fell 4% on Tuesday after the results.",
                     "Shares in BP rose 3% on Tuesday after the results.")
    assert any(f.disagrees_with for f in facts)
