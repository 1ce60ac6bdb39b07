"""Statements: one fact from several sources, in different words, is grouped once; look-alikes
(the same figure or the same names about different things) are not."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from generator.config import load_config
from generator.errors import BriefingError
from generator.statements import (Lexicon, Statement, default_lexicon, default_rules,
                                  find_statements, group_statements, keys_of,
                                  statements_by_paragraph, stem)
from generator.structure import Briefing, Person, Source, SourceMeta, SourceParagraph

ROOT = Path(__file__).resolve().parent.parent
RECALL_FLOOR = 0.60
"""Share of labelled same-fact pairs grouped with the thirteen clusters' articles in one desk: a
floor against regressions. 0.61 (2064/3376, 17 look-alikes of 515) when cluster M (Nexperia
after the meeting; written blind: 55% and 4 look-alikes of 45 alone, untuned) joined A-L.
0.61 (1856/3022, 17 look-alikes) once a sentence joins a second
group only on mostly new words (FRESH_SHARE 0.6: 1895 and 20 look-alikes at 0.5, with the
hedges read); 0.63 (1889/3022, 20 look-alikes of 470) when cluster L (the port
fees suspended; written blind: 42% and 4 look-alikes of 42 alone, untuned) joined A-K. 0.66
(1721/2594, 16 look-alikes) once only the items of a list
under a summary label that share the body's words are kept; 0.66 (1723/2594, 16 look-alikes)
once a source's second wording of a fact joins its group; 0.65 (1694/2594, 16 look-alikes)
once lists under a summary label ("Key points", "KEY NUMBERS") are kept: their items compete
for groups. 0.66 (1705/2594, 16
look-alikes of 428) when cluster K (Nvidia's
chips for Korea; written blind: 47% and 1 look-alike of 45 alone, untuned) joined A-J. 0.68
(1508/2212, 19 look-alikes) once two groups that share a
sentence may merge; 0.67 (1483/2212, 18 look-alikes) once spoken decimals are read;
0.66 (1453/2212, 17 look-alikes of 383) when cluster J (China's
October trade and price data; written blind: 46% and 2 look-alikes of 56 alone) joined A-I.
0.71 (1257/1766, 13 look-alikes) once "bln", spoken years and other
countries' dollars are read; 0.71 (1253/1766, 14 look-alikes) once "pct" is a percentage and
"half an hour" 30 minutes; 0.69 (1221/1766, 16 look-alikes of 327) when cluster I (Xi's
other meetings at APEC: Japan, Canada, Korea, Thailand; written blind: 56% and 2 look-alikes
of 53 alone, untuned) joined A-H. 0.745 (1070/1436) once reports naming different days of the week
are different facts; 0.75 (1077/1436) when cluster H (Taiwan and the meeting, written
blind: 68% and 5 look-alikes of 40 alone, untuned) joined A-G. 0.78 (911/1173) when cluster G (written blind: 76% and 1 look-alike
of 40 alone, untuned) joined A-F; 0.76 (895/1173) once a merged group's earlier lead must be
matched by two thirds of the other group's members (look-alikes 12 -> 9). 0.80 (752/940) when cluster F (written blind: 81% and no look-alike
of 38 alone, untuned) joined A-E; 0.79 (739/940) once two groups merge only when neither's
members match the other's lead on another part of it (look-alikes 11 -> 6). 0.79 when cluster E (written blind: 85% and 2 look-alikes of 40
alone, untuned) joined A-D; 0.82 once a member's keys are read against its group's current
lead, a lead's two facts keep their reports apart and a report of both joins each (611/744)."""
LOOK_ALIKES_ALLOWED = 21
"""Look-alike pairs grouped in the same desk (17 of 515 when cluster M joined, 20 of 470 when
cluster L joined, 19 with this
session's first code; 16 of 428 when cluster K joined; 19 of 383 once two groups that share a sentence
may merge: Bessent's meeting with He Lifeng in Madrid and the one in Kuala Lumpur, one group
through the merge; 18 of 383 once a broadcast's decimals are read,
"two point one per cent", and a figure's direction no longer says what it counts: an exports
figure and a stock index's that both fell 1.1% on one Friday, grouped in J alone before; 17
of 383 when cluster J joined; 13 of 327 once other countries' dollars are not US dollars; 14
of 327 once "pct" and "half an hour" are read right; 16 of 327 when cluster I joined; 10 of 274 once captions ending on their credit
are removed from four test articles: two pairs that no longer match each other, a landing
and a departure at one air base, join one group through a lead that matches both, as they did
before days of the week kept reports apart; 8 of 274 once different days of the week keep
reports apart; 10 of 274 with H; 9 of 234 with G: 13 when G joined, 12 once "up"
and "down" contradict, 9 once a merged group follows its earlier lead; 6 of 194: 11 once F joined, none of them F's own,
as F's articles chained more of the other clusters' groups together through merges, 6 once a
merge asks both groups' parts; 6 of 156 before F, 7 when E joined: 3 across clusters A
and B, two sentences naming one air base and a first meeting "since 2019" about different
people among them; 1 in C, 1 in D and 1 in E, each through a lead or match on generic
words): the target is none."""
PARTITION_FLOOR = 0.45
"""0.49 (1652/3376, 5 look-alikes of 515) when cluster M joined; 0.49 (1475/3022, 6
look-alikes) once a sentence joins a second group only on mostly new
words; 0.47 (1434/3022, 8 look-alikes of 470) when cluster L joined; 0.52 (1358/2594, 5 look-alikes) once only a summary list's items about the story are kept;
0.52 (1361/2594, 5 look-alikes) once a source's second wording of a fact joins its group;
0.51 (1327/2594, 5 look-alikes) once "supply", "provide", "send" and "chip", "processor",
"GPU" are one meaning each; 0.51 (1320/2594, 7 look-alikes) once lists under a summary label
are kept; 0.51
(1333/2594, 8 look-alikes of 428) when cluster K joined; 0.54 (1190/2212, 5 look-alikes) once two groups that share a sentence may merge; 0.53
(1165/2212, 5 look-alikes) once spoken decimals are read; 0.51 (1132/2212, 5
look-alikes of 383) when cluster J joined; 0.562 (993/1766, 3 look-alikes) once "bln", spoken years and other countries' dollars are
read; 0.556 (982/1766, 3 look-alikes) once "pct" and "half an hour" are read right; 0.54
(960/1766, 4 look-alikes of 327) when cluster I joined; 0.596 (856/1436, 1
look-alike) once different days of the week keep reports apart (the grouping gives up 28
pairs for 2 look-alikes); 0.62 (884/1436, 3 look-alikes) once H joined; 0.72 with A-E, 0.67
(626/940) once F joined, 0.65 (766/1173) once G joined, 0.63 (744/1173) once merged groups
follow their earlier lead (look-alikes 6 -> 2), 0.64 (753/1173) once a two-fact sentence goes
to the largest group its paragraph is not in yet."""
PARTITION_LOOK_ALIKES = 9
"""Look-alike pairs in what extract --json reports: 8 of 470 with cluster L (7 with this
session's first code); 8 of 428 with cluster K, none of them
K's own: K's words change the weights, and other clusters' look-alikes pair (a Blackwell
chip not discussed and one kept for the US; Xi's meetings with Takaichi and with Lee); 5 of
383 with cluster J (3 of 327 before
it, 4 when cluster I joined; 1 of 274 before I)."""
UNSEEN_TARGET = 0.85
"""Issue 14's target, held on cluster C: 0.91 and no look-alike when first scored, 0.92 after
changes made without looking at it."""

# Background sentences every test desk carries, so rare and common words weigh as in a briefing:
# the topic's names and words (Beijing, tariffs, rare earths, soybeans, Busan) recur.
TOPIC = (
    "Beijing has used its grip on rare earth minerals as leverage in the trade war.",
    "Farmers in the Midwest have struggled since China stopped buying American soybeans.",
    "Trump has raised tariffs on Chinese goods several times this year.",
    "The meeting in Busan was watched closely by markets across Asia.",
    "China said the export controls on rare earths were a matter of national security.",
    "US officials said the tariffs would stay until Beijing acted on fentanyl.",
)
BACKGROUND = (
    "The two leaders met at an airbase near the summit venue on a rainy morning.",
    "Markets in Asia rose slightly as investors waited for details of the talks.",
    "Analysts cautioned that earlier truces between the two economies had collapsed quickly.",
    "Officials from both governments spent the weekend drafting the joint text.",
    "The summit also brought together leaders from across the Pacific rim.",
    "Protesters gathered outside the convention hall before the motorcades arrived.",
    "Business groups welcomed the meeting but asked for clearer rules on investment.",
    "The president flew home shortly after lunch, skipping the closing dinner.",
)

SAME_FACT = [
    ("Washington agreed to cut the fentanyl tariff to 10 per cent from 20 per cent.",
     "The president said he would lower the fentanyl tariff to 10% from 20% after the meeting."),
    ("Beijing will buy 12 million tonnes of American soybeans before the end of the season.",
     "China has committed to purchasing 12m tonnes of US soybeans by the end of this season."),
    ("Beijing suspended its new export controls on rare earth minerals for one year.",
     "China agreed to a one-year pause of the rare-earth export controls it announced this month."),
    ("The meeting in Busan lasted one hour and forty minutes, longer than scheduled.",
     "Their talks in Busan ran for an hour and forty minutes, longer than planned."),
    ("Overall tariffs on Chinese goods will fall to 47 per cent from 57 per cent, Trump said.",
     "Trump said the combined tariff rate on goods from China would drop from 57% to 47%."),
    ("The port fees that both countries imposed on each other's ships will be suspended.",
     "Both sides will suspend the port fees charged on each other's vessels."),
    # an approximate figure, and words of one meaning ("fell", "slipped")
    ("Copper futures in London fell almost 1 per cent after the announcement.",
     "London copper futures slipped 0.8% once the announcement came."),
    # denial and a phrase for "discussed"
    ("Trump said the question of Taiwan never came up during the talks.",
     "Taiwan was not discussed during the talks, Trump said."),
    # a phrase for "suspended"
    ("Beijing will put on hold its licensing regime for rare earth magnets for one year.",
     "China suspended the licensing regime for rare-earth magnets for one year."),
    # numbers written as words
    ("On a scale from one to ten, Trump rated the summit a twelve.",
     "Trump rated the summit 12 on a scale of 10."),
    # a distance in miles and in kilometres
    ("The delegation drove to the coastal venue, about 76 km from the airport.",
     "From the airport the delegation drove 47 miles to the coastal venue."),
    # one day named as a weekday and as a date both give
    ("The president landed at the coastal air base on Wednesday, Oct. 29, before the summit.",
     "On Oct. 29 the president landed at the coastal air base, on Tuesday evening local time."),
    # counts that are not the fact's: who is quoted, a figure's own digits
    ("The ministry will cut the levy on steel to 10 percent next month, three people familiar "
     "with the talks said.",
     "The ministry will cut the levy on steel to 10 percent next month, two people familiar "
     "with the talks said."),
    ("Retail sales in Sylvania rose 0.3 percent in October after a 0.2 percent gain in "
     "September, the bureau said.",
     "Retail sales in Sylvania rose 0.3 percent in October, the bureau said on Friday."),
]

LOOK_ALIKE = [
    # two accounts that disagree on a small count in words: not one corroborating the other
    ("Three bridges in Valverde were closed after the river burst its banks on Tuesday.",
     "Four bridges in Valverde were closed after the river burst its banks on Tuesday."),
    ("Crews rescued two fishermen from the harbour at Port Ruri late on Sunday night.",
     "Crews rescued 3 fishermen from the harbour at Port Ruri late on Sunday night."),
    # the same figure about different things
    ("Freedonia's imports from Sylvania dropped 14.6% in October, the data showed.",
     "Sales of household appliances fell fourteen point six per cent, the bureau said."),
    ("Washington agreed to cut the fentanyl tariff to 10 per cent from 20 per cent.",
     "Soybean prices in Chicago rose 10 per cent over the month as traders bet on a deal."),
    ("Beijing will buy 12 million tonnes of American soybeans before the end of the season.",
     "Beijing will also buy 12 Boeing aircraft, according to people familiar with the matter."),
    # the same names and topic, a different fact
    pytest.param("Beijing suspended its new export controls on rare earth minerals for one year.",
                 "Beijing has dominated the mining of rare earth minerals for decades.",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "known limit: four shared topic words outweigh the differing verbs in a "
                     "small desk; the one-year figure on one side only is not held against it"))),
    ("Overall tariffs on Chinese goods will fall to 47 per cent from 57 per cent, Trump said.",
     "Trump said tariffs on Chinese steel would stay at 50 per cent for now."),
    ("The meeting in Busan lasted one hour and forty minutes, longer than scheduled.",
     "The meeting in Busan was the first between the two leaders in six years."),
    # an approximate figure is only as approximate as its last digit
    ("Copper stocks in Shanghai warehouses fell about 27 per cent this year.",
     "Copper stocks in Shanghai warehouses fell 25 per cent this year."),
    # a distance is not a percentage
    ("Tariffs on Korean cars will stay at 47 per cent, the trade ministry said.",
     "Korean cars leave the port 47 miles away, the trade ministry said."),
    # the same market, opposite moves ("up" and "down" contradict)
    ("Wheat futures in Kansas City closed higher on Monday as buyers returned to the market.",
     "Wheat futures in Kansas City ended lower on Monday as buyers stayed away from the market."),
    # one percentage counting two things: the words beside it differ
    ("Lisbon will lift the retaliatory duties, of up to 12 per cent, it put on Canadian fish.",
     "Ottawa will lower its duties on Portuguese wine and cork stoppers to 12% from 30%."),
    # the same place and people on different days: an arrival and a departure
    ("The president arrived on Wednesday at the coastal air base near the summit city.",
     "The president left the coastal air base near the summit city on Thursday."),
    # a count in words whose thing was said before it
    ("The death toll from Hurricane Delphine rose to seven on Thursday, the governor said.",
     "The death toll from Hurricane Delphine rose to eight on Thursday, the governor said."),
]


def _desk(first: str, second: str) -> list[SourceParagraph]:
    """Two sources, each reporting one of the sentences among background paragraphs, and a third
    about the same topic."""
    paragraphs = [SourceParagraph("c", 3 + 2 * n, text) for n, text in enumerate(TOPIC)]
    for number, (source, text) in enumerate((("a", first), ("b", second))):
        paragraphs.append(SourceParagraph(source, 3, BACKGROUND[number * 4]))
        paragraphs.append(SourceParagraph(source, 5, text))
        paragraphs += [SourceParagraph(source, 7 + 2 * n, t)
                       for n, t in enumerate(BACKGROUND[number * 4 + 1:number * 4 + 4])]
    return paragraphs


def _grouped(first: str, second: str) -> bool:
    statements = group_statements(_desk(first, second), {"a": 0, "b": 1})
    return any({first, second} <= {m.text for m in s.members} for s in statements)


@pytest.mark.parametrize("first, second", SAME_FACT, ids=[str(n) for n in range(len(SAME_FACT))])
def test_one_fact_in_other_words_is_one_statement(first, second):
    assert _grouped(first, second)


@pytest.mark.parametrize("first, second", LOOK_ALIKE,
                         ids=[str(n) for n in range(len(LOOK_ALIKE))])
def test_look_alikes_stay_apart(first, second):
    assert not _grouped(first, second)


def test_opposite_moves_are_kept_apart_by_the_opposites_rule_alone():
    first, second = next(pair for pair in LOOK_ALIKE if "Wheat futures" in pair[0])
    statements = group_statements(_desk(first, second), {"a": 0, "b": 1},
                                  rules=replace(default_rules(), opposites=()))
    assert any({first, second} <= {m.text for m in s.members} for s in statements)


def test_a_word_whose_root_looks_like_a_denial_is_not_one():
    assert "not" not in keys_of("noting that reserves are large")
    assert "not" in keys_of("reserves are not large")


def test_a_doubled_consonant_is_undone_before_meanings_are_looked_up():
    assert "limit" in keys_of("payments capped at a level") and stem("capped") == "cap"


def test_figures_have_one_spelling():
    assert "#10%" in keys_of("ten percent") and "#10%" in keys_of("10 per cent")
    assert "#10%" in keys_of("10%") and "#25%" in keys_of("twenty-five per cent")
    assert "#100%" in keys_of("100 pct") and "#100%" in keys_of("100pc")  # a wire's, a paper's
    assert "#30 minute" in keys_of("half an hour") and "#30 minute" in keys_of("a half-hour talk")
    assert "#90 minute" in keys_of("one and a half hours") and "#6 month" in keys_of("half a year")
    assert not any(key.startswith("#") for key in keys_of("half of the tariffs"))
    assert "#2017" in keys_of("since twenty seventeen") and "#2026" in keys_of("by twenty twenty-six")
    assert "#25" in keys_of("twenty five") and "#1998" in keys_of("in nineteen ninety-eight")
    assert "#2.1%" in keys_of("two point one per cent") and "#8480000" in keys_of(
        "eight point four eight million")  # a broadcast's decimals
    assert "#4107.5" in keys_of("closed at 4,107.50") and "#1234.5" in keys_of("1,234.5 tonnes")
    assert "#2015" not in keys_of("Police said twenty, fifteen of them women, were hurt")
    assert "#2015 year" not in keys_of("the twenty fifteen-year-olds")
    assert "#200" in keys_of("At one point two hundred people were trapped")
    assert not any(k.startswith("#") for k in keys_of("At one point two officials left"))
    assert "#$4900000000" in keys_of("$4.9 bln") and "#$4900000000" in keys_of("US$4.9 billion")
    assert "#S$64000000000" in keys_of("S$64 billion")  # Singapore's dollars are not the US's
    assert "#$1500000000" in keys_of("$1.5bn") and "#$1500000000" in keys_of("1.5 billion dollars")
    assert "#12000000" in keys_of("12m tonnes") and "#12000000" in keys_of("12 million tonnes")
    assert not any(key.startswith("#") for key in keys_of("the two leaders met"))


def test_approximate_figures_distances_and_number_words():
    assert "#1%" in keys_of("almost 1 per cent") and "#12" in keys_of("rated it a twelve")
    assert "#75.6 km" in keys_of("47 miles away") and "#76 km" in keys_of("76km north")
    assert not any(key.startswith("#") for key in keys_of("two leaders and three aides"))


def test_words_of_one_meaning_and_denials_share_keys():
    assert keys_of("put on hold")["pause"] == "put on hold"
    assert "pause" in keys_of("suspended") and "pause" in keys_of("stood down")
    assert "down" in keys_of("slipped") and "down" in keys_of("cut")
    assert "not" in keys_of("never") and "not" in keys_of("didn't") and "not" in keys_of("no")
    assert "China" in keys_of("Beijing") and "US" in keys_of("Washington")


def test_every_name_of_a_person_is_one_key():
    people = (Person("Xi Jinping", ("Xi", "President Xi"), "Chinese president", 9),
              Person("Jane Roe", (), "analyst", 1))
    lexicon = Lexicon(load_config(None).statements, people)
    for text in ("the Chinese leader", "Mr Xi", "Chinese President Xi Jinping", "Jinping"):
        assert "@Xi Jinping" in keys_of(text, lexicon), text
    assert "@Jane Roe" in keys_of("Roe", lexicon) and "@Jane Roe" in keys_of("Jane Roe", lexicon)
    assert not any(key.startswith("@") for key in keys_of("the president", lexicon))


def test_a_role_two_people_share_names_neither():
    people = (Person("Ann Smith", (), "Foreign minister"),
              Person("Bob Jones", (), "foreign minister"))
    lexicon = Lexicon(load_config(None).statements, people)
    assert not any(key.startswith("@") for key in keys_of("the foreign minister", lexicon))


def test_statements_know_people_by_any_name():
    first = "Mr Xi promised to curb exports of the chemicals used to make the drug."
    second = "The Chinese leader pledged to stem exports of chemicals used in making the drug."
    people = (Person("Xi Jinping", ("Xi",), "Chinese president", 5),)
    statements = group_statements(_desk(first, second), {"a": 0, "b": 1}, people=people)
    grouped = [s for s in statements if {first, second} <= {m.text for m in s.members}]
    assert grouped and "Xi" in grouped[0].matched_on


def test_a_short_sentence_is_read_with_its_neighbour():
    first = "Markets slipped. The Shanghai index closed 0.7% lower on Friday."
    second = "Stocks in Shanghai closed 0.7% lower on Friday as markets slipped."
    statements = group_statements(_desk(first, second), {"a": 0, "b": 1})
    lead = next(s.lead for s in statements if s.reported_by == 2)
    assert lead.text == first and (lead.start, lead.end) == (0, len(first))


def test_statements_by_paragraph_lists_what_each_paragraph_leads():
    paragraphs = _desk(*SAME_FACT[0]) + _desk(*SAME_FACT[1])[len(TOPIC):]
    paragraphs = [p if p.text not in SAME_FACT[1] else
                  SourceParagraph(p.source_id, 31, p.text) for p in paragraphs]
    statements = group_statements(paragraphs, {"a": 0, "b": 1})
    by_paragraph = statements_by_paragraph(statements)
    assert by_paragraph[("a", 5)][0].members[1].text == SAME_FACT[0][1]
    assert by_paragraph[("a", 31)][0].members[1].text == SAME_FACT[1][1]
    assert ("b", 5) not in by_paragraph
    assert sum(len(v) for v in by_paragraph.values()) == len(statements)


def test_find_statements_uses_the_briefings_people_and_rules(tmp_path):
    (tmp_path / "briefing.yml").write_text(
        "title: T\nstatements:\n  same_meaning:\n    resign: [quit, step down]\n",
        encoding="utf-8")
    rules = load_config(tmp_path / "briefing.yml").statements
    assert ("resign", ("quit", "step down")) in rules.same_meaning
    assert any(name == "down" for name, _ in rules.same_meaning)  # the defaults stay
    first = "The Chinese leader wants the governor to step down."
    second = "Xi hopes the governor will quit."
    sources = tuple(Source(SourceMeta(name, f"{name}.txt", name, name, date), paragraphs)
                    for name, date, paragraphs in (
                        ("a", "2025-01-01", (SourceParagraph("a", 3, first),)),
                        ("b", "2025-01-02", (SourceParagraph("b", 3, second),))))
    briefing = Briefing("T", sources, (Person("Xi Jinping", ("Xi",), "Chinese president", 3),))
    assert [s.source_ids for s in find_statements(briefing, rules)] == [("a", "b")]
    assert find_statements(briefing) == ()  # "quit" is not "step down" by default


def test_the_statements_section_is_checked(tmp_path):
    path = tmp_path / "briefing.yml"
    path.write_text("title: T\nstatements:\n  synonyms: {}\n", encoding="utf-8")
    with pytest.raises(BriefingError, match="unknown key 'synonyms'"):
        load_config(path)
    path.write_text("title: T\nstatements:\n  hedges: about\n", encoding="utf-8")
    with pytest.raises(BriefingError, match="must be a list"):
        load_config(path)


def test_words_are_stemmed_and_stopwords_dropped():
    assert stem("lowering") == stem("lowered") == stem("lowers") == stem("lower")
    assert stem("tariffs") == stem("tariff")
    assert stem("talks") == stem("talk") and stem("press") == "press"
    keys = keys_of("He said that the US and the U.S. are with us.")
    assert set(keys) == {"US"}


def test_a_statement_leads_with_the_earliest_source_and_says_what_matched():
    first, second = SAME_FACT[0]
    statements = group_statements(_desk(first, second), {"a": 1, "b": 0})
    statement = next(s for s in statements if s.reported_by == 2)
    assert statement.lead.text == second  # source b is earlier
    assert statement.members[0] == statement.lead
    assert statement.source_ids == ("b", "a")
    assert {"fentanyl", "tariff", "10%", "20%"} <= set(statement.matched_on)
    text = {"a": first, "b": second}
    for member in statement.members:  # verbatim slices of their paragraphs
        assert text[member.source_id][member.start:member.end] == member.text


def test_one_source_is_never_grouped_with_itself():
    first, second = SAME_FACT[1]
    paragraphs = [SourceParagraph("a", 3, first), SourceParagraph("a", 5, second)]
    assert group_statements(paragraphs, {"a": 0}) == ()


def test_removed_paragraphs_and_headings_are_not_statements():
    first, second = SAME_FACT[1]
    paragraphs = [SourceParagraph("a", 3, first),
                  SourceParagraph("b", 3, second, kept=False, removed_because="x"),
                  SourceParagraph("c", 3, second, heading=True)]
    assert group_statements(paragraphs, {"a": 0, "b": 1, "c": 2}) == ()


def test_a_chain_of_look_alikes_does_not_become_one_statement():
    """Each wording matches the next, the last shares almost nothing with the first."""
    chain = ["Beijing will buy 12 million tonnes of soybeans from American farmers this year.",
             "Beijing will buy 12 million tonnes of soybeans, officials from both sides said.",
             "Officials from both sides said the soybean deal covers 12 million tonnes.",
             "Officials from both sides said the deal covers sorghum and wheat as well."]
    paragraphs = [SourceParagraph(f"s{n}", 3, text) for n, text in enumerate(chain)]
    for statement in group_statements(paragraphs, {f"s{n}": n for n in range(4)}):
        assert not {chain[0], chain[3]} <= {m.text for m in statement.members}


def test_the_two_facts_of_a_lead_do_not_make_their_reports_one_statement():
    """The lead says two things; one source reports the first, another the second. Each
    matches the lead, on other words, and not each other."""
    lead = ("Trump said he would travel to China in April and that Xi would come to the "
            "United States at some point after that.")
    visit = "Trump said he will travel to China in April, his first trip there since 2017."
    return_visit = ("Xi would come to the United States at some point after that, the White "
                    "House said.")
    paragraphs = [SourceParagraph(f"s{n}", 3, text)
                  for n, text in enumerate([lead, visit, return_visit])]
    statements = group_statements(paragraphs, {f"s{n}": n for n in range(3)})
    assert any(visit in {m.text for m in s.members} for s in statements)
    assert any(return_visit in {m.text for m in s.members} for s in statements)
    for statement in statements:
        assert not {visit, return_visit} <= {m.text for m in statement.members}


def test_a_report_of_both_facts_of_a_lead_goes_with_each_fact():
    lead = ("Bessent said China would buy 12 million tonnes of soybeans this year and 25 "
            "million tonnes a year for three years.")
    both = ("China will buy 12 million tonnes of soybeans this year and 25 million tonnes "
            "annually for the following three years, Bessent said.")
    one = ("Over the following three years, Bessent said, Chinese buyers would take 25 million "
           "tonnes annually.")
    paragraphs = [SourceParagraph(f"s{n}", 3, text) for n, text in enumerate([lead, both, one])]
    statements = group_statements(paragraphs, {f"s{n}": n for n in range(3)})
    assert any({both, one} <= {m.text for m in s.members} for s in statements)


def test_many_sources_reporting_one_fact_are_one_statement():
    wordings = ["China will buy 12 million tonnes of US soybeans this season, officials said.",
                "Beijing agreed to buy 12m tonnes of American soybeans this season.",
                "China is to purchase 12 million tonnes of soybeans from the US this season.",
                "The US said China would buy 12 million tonnes of soybeans in the current season."]
    paragraphs = [SourceParagraph(f"s{n}", 3, text) for n, text in enumerate(wordings)]
    paragraphs += [SourceParagraph(f"s{n}", 5 + k, text) for n in range(4)
                   for k, text in enumerate(BACKGROUND[n * 2:n * 2 + 2])]
    statements = group_statements(paragraphs, {f"s{n}": n for n in range(4)})
    assert [s.reported_by for s in statements] == [4]
    assert isinstance(statements[0], Statement)


def test_labelled_articles_meet_the_targets():
    """tests/labelled/statements/, all clusters: same-fact pairs grouped, look-alikes kept
    apart. Measured by tests/measure_statements.py."""
    from tests.measure_statements import measure

    result = measure("all")
    assert result.recall >= RECALL_FLOOR, f"{result.same_grouped}/{result.same} same-fact pairs"
    assert len(result.look_alike_grouped) <= LOOK_ALIKES_ALLOWED, result.look_alike_grouped


def test_the_look_alike_floors_hold_on_desks_perturbed_at_random():
    """One desk is one draw of a greedy grouping; three desks with a tenth of the unlabelled
    paragraphs dropped (as a cleaning change would) hold the same floors on average, so a
    floor is not met by the luck of one arrangement. Means at this writing: 17.7 and 5.0."""
    from tests.measure_statements import measure, measure_partition

    desks = [(measure("all", seed=seed), measure_partition("all", seed=seed)) for seed in range(3)]
    assert sum(len(r.look_alike_grouped) for r, _ in desks) <= 3 * LOOK_ALIKES_ALLOWED
    assert sum(p[2] for _, p in desks) <= 3 * PARTITION_LOOK_ALIKES
    assert all(r.recall >= RECALL_FLOOR for r, _ in desks)


def test_what_extract_reports_keeps_most_of_the_grouping():
    """The partition (each sentence in one statement) loses the pairs a two-fact sentence
    makes in its other groups: 0.68 of same-fact pairs with a sentence held by its first group,
    0.72 by its largest; 0.67 with F. Look-alikes grouped there: 3 of 194, then 2."""
    from tests.measure_statements import measure_partition

    same, total, look, _ = measure_partition("all")
    assert same >= PARTITION_FLOOR * total and look <= PARTITION_LOOK_ALIKES


def test_the_cluster_written_blind_meets_issue_14_s_target():
    from tests.measure_statements import measure

    result = measure("c")
    assert result.recall >= UNSEEN_TARGET, f"{result.same_grouped}/{result.same} same-fact pairs"
    assert not result.look_alike_grouped


def test_the_cluster_written_blind_last_keeps_its_untuned_figure():
    """Cluster F was scored once before any change looked at it: 158/196 (81%), no look-alike
    of 38. A floor while the target (0.85) is not met. Since "Vice-Premier He Lifeng" is read
    as the name He Lifeng (people.py), one look-alike is grouped: "negotiators had first
    agreed on the broad terms" of TikTok in Madrid and "had produced the broad contours" in
    Kuala Lumpur, both with Bessent (166/196 with it)."""
    from tests.measure_statements import measure

    result = measure("f")
    assert result.recall >= 0.80, f"{result.same_grouped}/{result.same} same-fact pairs"
    assert len(result.look_alike_grouped) <= 1, result.look_alike_grouped


def test_the_seventh_cluster_written_blind_keeps_its_untuned_figure():
    """Cluster G (the week after the meeting) was scored once before any change looked at it:
    177/233 (76%), 1 look-alike of 40. A floor while the target (0.85) is not met."""
    from tests.measure_statements import measure

    result = measure("g")
    assert result.recall >= 0.74, f"{result.same_grouped}/{result.same} same-fact pairs"
    assert len(result.look_alike_grouped) <= 1


def test_the_eighth_cluster_written_blind_keeps_its_untuned_figure():
    """Cluster H (Taiwan and the meeting: statements by Taipei, Beijing and Washington that
    share names and words) was scored once before any change looked at it: 180/263 (68%),
    5 look-alikes of 40; 176/263 and 3 once different days of the week keep reports apart (a
    report that names the day of a second event, "posted it on Saturday" and "on Sunday
    Beijing protested", loses its pair). A floor while the targets (0.85, none) are far off."""
    from tests.measure_statements import measure

    result = measure("h")
    assert result.recall >= 0.66, f"{result.same_grouped}/{result.same} same-fact pairs"
    assert len(result.look_alike_grouped) <= 3


def test_three_thousand_paragraphs_group_in_well_under_two_seconds(tmp_path):
    from tests.corpus import write_desk

    write_desk(tmp_path, 300)
    paragraphs = []
    for path in sorted(tmp_path.glob("*.txt")):
        blocks = path.read_text(encoding="utf-8").split("\n\n")
        paragraphs += [SourceParagraph(path.stem, n, text) for n, text in enumerate(blocks)]
    paragraphs = paragraphs[:3000]
    assert len(paragraphs) == 3000
    rank = {p.source_id: n for n, p in enumerate(paragraphs)}
    start = time.process_time()  # the processor time this process used: others share the cores
    group_statements(paragraphs, rank)
    assert time.process_time() - start < 2.0


def test_figures_that_start_with_a_word_or_a_sign_are_still_read():
    """Most words cannot start a figure and are passed over at once; these can."""
    figures = [key for text in ("25m tonnes annually", "on 9 October", "Oct 9", "€5 each",
                                "talks lasted an hour and a half", "Twenty Five Per Cent")
               for key in keys_of(text) if key.startswith("#")]
    assert figures == ["#25000000", "#1 year", "#10-09", "#10-09", "#€5", "#90 minute", "#25%"]


def test_clock_times_and_leading_labels_are_not_figures():
    """A live blog's "13:10 -", a transcript's "ANCHOR:" and a dateline say when or who, not
    what: their numbers would stop two wordings of one fact sharing their figures."""
    from generator.statements import label_end

    assert not any(key.startswith("#") for key in keys_of("At 13:10 the talks ended."))
    for text, label in (("13:10 - The talks ended.", "13:10 - "),
                        ("ANCHOR: Good evening.", "ANCHOR: "),
                        ("LISBON, May 4 - The port reopened.", "LISBON, May 4 - "),
                        ("Nov 2, 09:45 GMT - Markets opened.", "Nov 2, 09:45 GMT - ")):
        assert text[:label_end(text)] == label, text
    for text in ("Ministers said: the port reopened.", "China - the biggest buyer - said no.",
                 "The port reopened - at last.",
                 "The US – the world's largest economy – will suspend port fees.",
                 "The G20 — the group of big economies — met.",
                 "UK Prime Minister Keir Starmer - speaking in London - said so."):
        assert label_end(text) == 0, text
    assert label_end("PORT RURI (Harbour Wire) — Talks ended.") == len("PORT RURI (Harbour Wire) — ")
    assert label_end("WASHINGTON - Talks ended.") == len("WASHINGTON - ")


def test_a_live_blog_entry_matches_the_report_of_it():
    first = "Railway workers in the north will get a pay rise of 6 per cent from January."
    second = "16:20 - Unions confirm: northern railway workers get a 6% pay rise from January."
    assert _grouped(first, second)


def test_numbers_in_words_and_units_writers_leave_out():
    assert "#$350000000000" in keys_of("three hundred and fifty billion dollars")
    assert "#150" in keys_of("a hundred and fifty") and "#99" in keys_of("ninety-nine")
    assert {"#25%", "#15%"} <= set(keys_of("down from twenty-five percent to fifteen"))
    assert {"#20%", "#10%"} <= set(keys_of("cut from 20 to 10 per cent"))
    assert "#4081" in keys_of("the index rose 0.8% to 4,081")  # a level, not a percentage
    amounts = keys_of("The fund holds $300 billion. Only two hundred billion of that is cash.")
    assert "#$200000000000" in amounts
    assert "#12000000" in keys_of("We spent $5bn. They bought 12 million tonnes.")  # counts a noun


def test_a_bare_amount_is_in_the_currency_its_source_named_last():
    texts = (("a", "The recovery package agreed by ministers is worth 90 billion euros."),
             ("a", "Of that, sixty billion is for upgrading the national power grid."),
             ("b", "Upgrading the national power grid gets €60bn of the package."),
             ("c", "Sixty billion people is not a real number."))
    paragraphs = [SourceParagraph(source, 3 + 2 * (n == 1), text)
                  for n, (source, text) in enumerate(texts)]
    statements = group_statements(paragraphs, {"a": 0, "b": 1, "c": 2})
    assert [(s.lead.line, s.source_ids) for s in statements] == [(5, ("a", "b"))]


def test_a_capital_only_as_the_first_word_is_an_ordinary_word():
    assert "profit" in keys_of("Profits will be shared equally.")
    assert "profit" in keys_of("The profits will be shared equally.")
    assert "hastings" in keys_of("The minister met Hastings.")


def test_a_shared_sum_and_one_word_are_enough():
    """Two keys do when one is a percentage or a sum; a length of time in minutes must agree."""
    assert _grouped("The remaining $40 billion will be spent upgrading northern railways.",
                    "Railways receive $40bn under the plan unveiled by the cabinet.")
    assert not _grouped("The two leaders talked for 90 minutes at the museum on Tuesday.",
                        "The two leaders talked for 100 minutes at the museum on Tuesday.")


def test_digits_that_are_not_decimal_read_as_no_date():
    """A superscript "³" is a digit to str.isdigit but no number to int()."""
    assert keys_of("October ³ and 0³ October, the ministry said.")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_any_text_reads_into_keys_without_error(text):
    keys_of(text)


FIGURE_TEXTS = ["Output rose almost 1 per cent to 4,081 tonnes.",
                "Output rose 0.8% to 4,080 tonnes.",
                "The site lies about 47 miles from the port, some $2bn away.",
                "The port is 76km from the site and cost $2 billion.", "Fares fell 3%."]


@pytest.mark.parametrize("first", FIGURE_TEXTS)
@pytest.mark.parametrize("second", FIGURE_TEXTS)
def test_approximate_matches_are_those_of_near(first, second):
    """The measured figures a unit keeps give the matches _near gives, figure by figure."""
    from generator.statements import (_approximately_shared, _near, _read, _unit,
                                      default_lexicon)
    from generator.structure import Sentence

    def unit(text, source):
        return _unit(Sentence(source, 1, 0, len(text), text), _read(text, default_lexicon()),
                     {})

    a, b = unit(first, "a"), unit(second, "b")
    expected = {mine for mine in a.compared for theirs in b.compared
                if mine != theirs and (mine in a.approximate or theirs in b.approximate) and
                theirs not in a.keys and mine not in b.keys and
                _near(mine, theirs, mine in a.approximate, theirs in b.approximate)}
    assert _approximately_shared(a, b) == expected


def test_a_lexicons_memories_stay_bounded(monkeypatch):
    """A long-lived lexicon reads ever new words and sentences; what it remembers is capped."""
    import generator.statements as statements

    monkeypatch.setattr(statements, "TEXTS_REMEMBERED", 50)
    lexicon = Lexicon(load_config(None).statements, ())
    for n in range(400):
        lexicon.read(f"Harbourmaster{n} said cargo{n} volumes rose {n}% in week {n}.")
    assert len(lexicon.tokens) <= 50 and len(lexicon._keys) <= 50 and len(lexicon._texts) <= 50


def test_the_ninth_cluster_written_blind_keeps_its_untuned_figure():
    """Cluster I (Xi's other meetings at APEC: Japan, Canada, Korea and Thailand, written with
    look-alikes on purpose: the same lengths, years, amounts and spokesman about different
    meetings) was scored once before any change looked at it: 184/330 (56%), 2 look-alikes of
    53; 197/330 (60%) and none once "pct" and "half an hour" were read right (seen in its
    errors), 213/330 (65%) once "bln", spoken years and other countries' dollars were; 208/330
    (63%) once a sentence joins a second group only on mostly new words (fewer look-alikes in
    the desk). A floor while the target (0.85) is far off."""
    from tests.measure_statements import measure

    result = measure("i")
    assert result.recall >= 0.62, f"{result.same_grouped}/{result.same} same-fact pairs"
    assert not result.look_alike_grouped


def test_the_tenth_cluster_written_blind_keeps_its_untuned_figure():
    """Cluster J (China's October trade and price data: exports and imports, year on year and
    month on month, forecasts and results, one economist on two releases) was written and
    labelled blind and scored with this session's first code (db5b0a1): 196/446 (44%), 2
    look-alikes of 56; with the session's changes, made before it was written (other
    clusters' figures read right), 203/446 (46%), 2 look-alikes; 236/446 (53%), 2 look-alikes
    once its errors showed spoken decimals misread (tuned from there). A floor while the
    targets (0.85, none) are far off."""
    from tests.measure_statements import measure

    result = measure("j")
    assert result.recall >= 0.52, f"{result.same_grouped}/{result.same} same-fact pairs"
    assert len(result.look_alike_grouped) <= 2


@given(st.lists(st.tuples(st.floats(min_value=1e-6, max_value=10.0), st.integers(0, 999),
                          st.integers(0, 999)), max_size=60))
def test_matching_pairs_kept_as_ints_sort_as_score_and_place_do(pairs):
    """The grouping reads the best pairs first; one int per pair (statements._best_first, for
    memory) must order them exactly as (-score, a, b) tuples did, ties included."""
    from generator.statements import PAIR_BITS, _best_first

    ranked = sorted(_best_first(score, a * 1000 + b) for score, a, b in pairs)
    assert [divmod(r & PAIR_BITS, 1000) for r in ranked] == \
        [(a, b) for _, a, b in sorted((-score, a, b) for score, a, b in pairs)]


def test_two_groups_of_one_fact_that_share_a_sentence_merge():
    """A wording that joined two groups of one fact (each through its own words) puts their
    sources in both; that alone does not keep them apart, and the merged group holds the
    shared wording once."""
    from generator.statements import _candidates, _Groups, _Matcher, _units

    wordings = ["China will buy 12 million tonnes of US soybeans this season, officials said.",
                "Beijing agreed to buy 12m tonnes of American soybeans this season.",
                "China is to purchase 12 million tonnes of soybeans from the US this season."]
    paragraphs = [SourceParagraph(f"s{n}", 3, text) for n, text in enumerate(wordings)]
    rank = {f"s{n}": n for n in range(3)}
    units = _units(paragraphs, rank, "sentence", default_lexicon())
    matcher = _Matcher(units)
    matcher.score_all(_candidates(units, matcher.weights))
    assert matcher.matches(0, 1) and matcher.matches(1, 2) and matcher.matches(0, 2)
    groups = _Groups(matcher)
    groups._start(0, 1, _weight_shared(groups, 0, 1))  # as a larger desk's order leaves
    groups._start(1, 2, _weight_shared(groups, 1, 2))  # them: s1 in both groups
    groups.add(0, 2)
    assert sorted(map(sorted, groups.groups())) == [[0, 1, 2]]
    assert len(groups.groups_of[1]) == 1


def _weight_shared(groups, a: int, b: int) -> float:
    return groups._weight(groups._shared(a, b))


def test_the_eleventh_cluster_written_blind_keeps_its_untuned_figure():
    """Cluster K (Nvidia's chips for Korea at APEC: 50,000 chips each to four buyers, several
    share moves, two Lees, the Blackwell export ban) was written and labelled blind and scored
    before any change looked at it, with this session's first code (de91265) and its code
    then (f3da2dc) alike: 179/382 (47%), 1 look-alike of 45; 145/382 (38%) and none as the
    partition. A floor while the targets (0.85, none) are far off."""
    from tests.measure_statements import measure

    result = measure("k")
    assert result.recall >= 0.46, f"{result.same_grouped}/{result.same} same-fact pairs"
    assert len(result.look_alike_grouped) <= 1


def two_sources(first: list[str], second: list[str]) -> list[SourceParagraph]:
    """Sources "a" and "b" with these paragraphs (lines 3, 9, 15…), each with half of
    BACKGROUND after them, so words weigh as in a briefing."""
    return [SourceParagraph(source, 3 + 6 * n, text)
            for source, texts in (("a", first), ("b", second)) for n, text in enumerate(texts)] + \
        [SourceParagraph(source, 90 + k, text) for source in "ab"
         for k, text in enumerate(BACKGROUND[:4] if source == "a" else BACKGROUND[4:])]


def test_a_source_that_tells_a_fact_twice_has_both_wordings_in_its_statement():
    """A live blog's key point and its post, a lead and a key-numbers line: the second wording
    joins the fact's group when it says much the same, naming the same people; the statement
    is still reported by two sources."""
    point = "China will buy 12 million tonnes of US soybeans this season, officials said."
    post = "Officials said China will buy 12 million tonnes of US soybeans this season."
    other = "Beijing agreed to buy 12m tonnes of American soybeans this season."
    statements = group_statements(two_sources([point, post], [other]), {"a": 0, "b": 1})
    assert [sorted(m.text for m in s.members) for s in statements] == [
        sorted([point, post, other])]
    assert statements[0].reported_by == 2


def test_a_sources_two_sentences_about_different_people_stay_apart():
    """Two invitations in one wire story, in the same words about two leaders: the second is
    not the first told again."""
    people = (Person("Lee Jae-myung", ("Lee",), "South Korean president", 5),
              Person("Mark Carney", ("Carney",), "Canadian prime minister", 5),
              Person("Xi Jinping", ("Xi",), "Chinese president", 9))
    lee = "Lee accepted an invitation from Xi to visit China next year, officials said."
    carney = "Carney accepted an invitation from Xi to visit China next year, officials said."
    other = "Xi invited Lee to visit China next year and Lee accepted, the officials said."
    statements = group_statements(two_sources([lee, carney], [other]), {"a": 0, "b": 1},
                                  people=people)
    assert any({lee, other} <= {m.text for m in s.members} for s in statements)
    assert not any(carney in {m.text for m in s.members} for s in statements)


def test_the_twelfth_cluster_written_blind_keeps_its_untuned_figure():
    """Cluster L (the US and Chinese port fees suspended for a year, the Hanwha sanctions
    paused: fees of $50, $46 and 400 yuan, Oct 14 and Nov 10, COSCO's $1.5bn and Matson's
    $1.5m) was written and labelled blind and scored before any change looked at it: 161/428
    (38%), 3 look-alikes of 42 with this session's first code (de91265); 178/428 (42%), 4
    look-alikes with its code then (d0ea095), whose changes were made on other clusters. A
    floor while the targets (0.85, none) are far off."""
    from tests.measure_statements import measure

    result = measure("l")
    assert result.recall >= 0.41, f"{result.same_grouped}/{result.same} same-fact pairs"
    assert len(result.look_alike_grouped) <= 4


def test_the_thirteenth_cluster_written_blind_keeps_its_untuned_figure():
    """Cluster M (Nexperia after the meeting: the Dutch order suspended, China's exemptions for
    civilian chips, carmakers' shortages; 40% and 70% and 10 about different things, three
    "welcomes", four different suspensions) was written and labelled blind and scored before
    any change looked at it, with the code of 66a4463: 195/354 (55%), 4 look-alikes of 45; as
    the partition 173/354 (49%), none. A floor while the targets (0.85, none) are far off."""
    from tests.measure_statements import measure

    result = measure("m")
    assert result.recall >= 0.54, f"{result.same_grouped}/{result.same} same-fact pairs"
    assert len(result.look_alike_grouped) <= 4


def test_a_little_over_a_figure_is_approximately_it():
    """A broadcast rounds and hedges ("a little over two percent"); the wire gives 2.3%."""
    spoken = "Shares of the shipbuilder fell a little over two percent in Shanghai on Monday."
    written = "Shares of the shipbuilder fell 2.3% in Shanghai on Monday, traders said."
    statements = group_statements(two_sources([written], [spoken]), {"a": 0, "b": 1})
    assert any({spoken, written} <= {m.text for m in s.members} for s in statements)


def test_two_things_one_person_said_are_not_one_fact_through_their_name_and_party():
    """All the two share is the senator and the words that describe her: the names a match
    rests on then name who spoke, not what was said."""
    from generator.structure import Person
    first = ('"It is a real number, if they actually ship it," Senator Ana Ferreira, '
             'Republican of Nebraska, said in a statement on Saturday.')
    second = ("Nebraska Republican Ana Ferreira says she will press the department for weekly "
              "updates on purchases once the reports resume.")
    people = [Person("Ana Ferreira", (), "Senator", 2)]
    statements = group_statements(_desk(first, second), {"a": 0, "b": 1}, people=people)
    assert not any({first, second} <= {m.text for m in s.members} for s in statements)
