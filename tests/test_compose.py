from generator.compose import compose_pages, merge_quotes, people_page, quotes_page
from generator.structure import Briefing, Person, Quote, Source, SourceMeta, SourceParagraph


def meta(source_id, date, outlet):
    return SourceMeta(source_id, f"{source_id}.txt", f"Title {source_id}", outlet, date)


def source(source_id, date, text, speaker):
    paragraph = SourceParagraph(source_id, 3, text)
    quote = Quote(source_id, 3, text.strip("“”"), speaker, 1, len(text) - 1)
    return Source(meta(source_id, date, source_id.upper()), (paragraph,), (quote,))


def test_same_quotation_in_several_sources_is_one_entry_with_every_citation():
    first = source("a", "2025-10-29", "“They are gonna help us with the fentanyl situation”", "T")
    second = source("b", "2025-10-30", "“They’re going to help us with the fentanyl situation”",
                    "T")
    third = source("c", "2025-10-31", "“They are gonna help us with the fentanyl situation”", "T")
    other = source("d", "2025-10-31", "“Soybean purchases will start again next week”", "T")
    briefing = Briefing("B", (first, second, third, other), (Person("T", role="leader"),))
    [group] = [b for b in quotes_page(briefing).blocks]
    assert group.heading == "T, leader" and group.anchor == "t"
    lead, separate = group.entries
    assert (lead.quote.source_id, [c.source_id for c in lead.same]) == ("a", ["c"])
    assert [c.source_id for c in lead.variants] == ["b"]      # wording differs: shown as is
    assert separate.quote.source_id == "d"


def test_merging_compares_only_quotations_that_share_words(monkeypatch):
    import random

    import generator.compose as compose
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(5000)]
    quotes = [Quote("s", n, " ".join(rng.sample(vocabulary, 12)), "T") for n in range(400)]
    calls = []
    real = compose.same_quotation
    monkeypatch.setattr(compose, "same_quotation", lambda a, b: calls.append(1) or real(a, b))
    assert len(merge_quotes(quotes)) == 400
    assert len(calls) < 40          # all pairs would be 79,800 comparisons


def test_whos_who_lists_role_mentions_spellings_and_quotes():
    quoted = source("a", "2025-10-29", "“We are willing to work with the US side”", "Guo Jiakun")
    people = (Person("Guo Jiakun", role="spokesperson", mentions=4, spellings=("Gou Jiakun",)),
              Person("Nobody Mentioned"))
    page = people_page(Briefing("B", (quoted,), people))
    [card] = page.blocks
    assert (card.name, card.role, card.mentions, card.spellings) == (
        "Guo Jiakun", "spokesperson", 4, ("Gou Jiakun",))
    assert card.quotes[0].text == "We are willing to work with the US side"
    assert card.quotes_link == "quotes.md#guo-jiakun"


def test_pages_include_whos_who_after_key_quotes(config):
    briefing = Briefing("B", (source("a", "2025-10-29", "“We will meet again in April”", "X"),))
    paths = [p.path for p in compose_pages(briefing, config)]
    assert paths.index("people.md") == paths.index("quotes.md") + 1


def test_whos_who_and_key_quotes_agree_on_every_count():
    """A quotation two sources report is one entry on Key quotes and one on Who's who."""
    from generator.compose import people_page, quotes_page
    from generator.structure import Briefing, Person
    sources = (source("a", "2025-10-29", "“We have a deal on soybeans and more.”", "Ana Roe"),
               source("b", "2025-10-30", "“We have a deal on soybeans and more.”", "Ana Roe"),
               source("c", "2025-10-30", "“The talks went on for hours, it seems.”", "Ana Roe"))
    briefing = Briefing("T", sources, (Person("Ana Roe", (), "envoy", 3),))
    group = next(b for b in quotes_page(briefing).blocks if b.heading.startswith("Ana Roe"))
    card = next(b for b in people_page(briefing).blocks if b.name == "Ana Roe")
    assert len(group.entries) == len(card.quotes) == 2


def test_each_paragraph_has_one_section_page_its_best_fit(wire, live, config):
    from generator.blocks import CitedList
    briefing = Briefing("B", (wire, live))
    section_ids = [rule.id for rule in config.sections] + ["other"]
    placed = {}
    for page in compose_pages(briefing, config):
        if page.path.removesuffix(".md") not in section_ids:
            continue
        for block in page.blocks:
            for item in (block.items if isinstance(block, CitedList) else ()):
                key = (item.source_id, item.line)
                assert key not in placed, f"{key} on {placed.get(key)} and {page.path}"
                placed[key] = page.path
    several = [p for s in (wire, live) for p in s.kept if len(p.sections) > 1 and not p.heading]
    assert several  # the seeds have paragraphs that fit more than one section
    for paragraph in several:
        assert placed[(paragraph.source_id, paragraph.line)] == f"{paragraph.sections[0]}.md"


def test_a_section_page_counts_the_sources_it_cites_not_the_briefings(wire, live, config):
    """"9 cited paragraphs from 13 sources" told a reader nothing: the count is the page's."""
    from generator.blocks import CitedList
    empty = [Source(SourceMeta(i, f"{i}.txt", "X", "Outlet", None), ()) for i in "xy"]
    briefing = Briefing("B", (wire, *empty, live))
    page = next(p for p in compose_pages(briefing, config) if p.path == "taiwan.md")
    items = [i for b in page.blocks if isinstance(b, CitedList) for i in b.items]
    sources = {c.source_id for i in items for c in (i, *i.also)}
    assert len(sources) < len(briefing.sources)
    assert page.description.endswith(
        f"{len(items)} cited paragraph{'s' * (len(items) != 1)} from {len(sources)} "
        f"source{'s' * (len(sources) != 1)}.")


def test_a_quotation_whose_speaker_the_text_leaves_open_says_so():
    from generator.markdown import render_pages
    text = "“We will keep talking until the tariffs are gone”"
    quote = Quote("a", 3, text.strip("“”"), None, 1, len(text) - 1,
                  candidates=("Ana Weber", "Ben Ueda"))
    briefing = Briefing("B", (Source(meta("a", "2025-10-30", "A"),
                                     (SourceParagraph("a", 3, text),), (quote,)),))
    page = quotes_page(briefing)
    [group] = page.blocks
    assert group.heading == "Speaker not identified"
    assert group.entries[0].candidates == ("Ana Weber", "Ben Ueda")
    rendered = render_pages([page], {"a": briefing.sources[0].meta}, {})["quotes.md"]
    assert "*Speaker unclear; the text names:* Ana Weber or Ben Ueda" in rendered


def corroborated_briefing():
    """Three outlets report one fact; the third says nothing else, the first says more."""
    texts = {
        "a": ("The US will cut the fentanyl tariff on Chinese goods to 10% from 20%, officials "
              "said on Thursday. Markets in Asia rose."),
        "b": "Washington is to lower the fentanyl tariff on Chinese goods to 10% from 20%.",
        "c": "The fentanyl tariff on Chinese goods goes to 10% from 20%, the White House said.",
    }
    sources = tuple(Source(meta(sid, f"2025-10-3{n}", sid.upper()),
                           (SourceParagraph(sid, 5, text, sections=("other",)),))
                    for n, (sid, text) in enumerate(texts.items()))
    return Briefing("B", sources)


def test_a_fact_several_sources_report_is_one_entry_citing_each_of_them(config):
    from generator.blocks import CitedList
    from generator.compose import corroborate, other_page
    from generator.statements import find_statements
    briefing = corroborated_briefing()
    statements = find_statements(briefing)
    assert statements and statements[0].lead.source_id == "a"
    page = other_page(briefing, corroborate(statements))
    [block] = [b for b in page.blocks if isinstance(b, CitedList)]
    entries = {item.source_id: item for item in block.items}
    assert set(entries) == {"a"}  # b and c say nothing a does not: cited with a, not repeated
    assert {c.source_id for c in entries["a"].also} == {"b", "c"}
    assert entries["a"].reported_by == 3 and "fentanyl" in entries["a"].matched_on
    for cited in entries["a"].also:  # the other sources' own words, verbatim
        assert cited.text in next(s.paragraphs[0].text for s in briefing.sources
                                  if s.meta.id == cited.source_id)


def test_without_statements_every_paragraph_is_its_own_entry():
    from generator.compose import other_page
    page = other_page(corroborated_briefing())
    assert len(page.blocks[0].items) == 3 and not any(i.also for i in page.blocks[0].items)


def test_the_most_reported_entry_ranks_first():
    from generator.blocks import Cited
    from generator.compose import item_rank
    briefing = corroborated_briefing()
    rank = item_rank(briefing)
    lone_latest = Cited("x", "c", 1)
    reported = Cited("y", "a", 9, (Cited("z", "b", 2), Cited("w", "c", 3)))
    assert rank(reported) < rank(lone_latest)


def two_reports_of_the_tariff_cut(second_day: str) -> Briefing:
    """Two outlets, two wordings of one event; the second dates it ``Nov. {second_day}``."""
    texts = {"a": ("2025-10-30", "The US will cut the fentanyl tariff on Chinese goods to 10% "
                                 "from 20% on November 10, officials said."),
             "b": ("2025-10-31", "Washington is to lower the fentanyl tariff on Chinese goods "
                                 f"to 10% from 20% on Nov. {second_day}.")}
    return Briefing("B", tuple(
        Source(meta(sid, date, sid.upper()), (SourceParagraph(sid, 4, text, sections=("other",)),))
        for sid, (date, text) in texts.items()))


def test_the_timeline_lists_one_event_several_sources_report_once_citing_each():
    from generator.compose import corroborate, timeline_page
    from generator.statements import find_statements
    briefing = two_reports_of_the_tariff_cut("10")
    separate = timeline_page(briefing)
    assert [len(b.items) for b in separate.blocks] == [2]  # two wordings, no statements
    [block] = timeline_page(briefing, corroborate(find_statements(briefing))).blocks
    assert block.heading.startswith("10 November 2025")
    [entry] = block.items
    assert entry.source_id == "a" and [c.source_id for c in entry.also] == ["b"]


def test_a_persons_card_shows_their_most_reported_quotations_and_counts_all():
    from generator.blocks import PERSON_QUOTES
    words = "soybeans tariffs chips ports visits markets farmers rules summit truce".split()
    quotes = [source(f"q{n}", "2025-10-30", f"“{' '.join(words[n:] + words[:n])}”", "T")
              for n in range(PERSON_QUOTES + 3)]
    briefing = Briefing("B", tuple(quotes), (Person("T", mentions=3),))
    [card] = people_page(briefing).blocks
    assert len(card.quotes) == PERSON_QUOTES and card.quote_count == PERSON_QUOTES + 3


def test_the_editor_is_told_where_sources_differ_on_a_figure_or_a_date():
    from generator.compose import compose_pages, disagreements
    from generator.config import load_config
    from tests.conftest import ROOT
    config = load_config(ROOT / "content" / "briefing.yml")
    texts = {"a": "Overall tariffs on Ruritanian goods fall to 47% from 57%, officials said.",
             "b": "Overall tariffs on Ruritanian goods fall to 45% from 57%, officials said."}
    briefing = Briefing("B", tuple(
        Source(meta(sid, "2025-10-30", sid.upper()), (SourceParagraph(sid, 4, text),))
        for sid, text in texts.items()))
    pages = compose_pages(briefing, config)
    [note] = disagreements(pages, {s.meta.id: s.meta for s in briefing.sources})
    assert "tariffs on Ruritanian goods" in note and "a.txt line 4" in note
    assert "b.txt line 4" in note and "45%" in note and "47%" in note


def test_the_timeline_flags_one_event_two_sources_date_differently():
    from generator.compose import corroborate, timeline_page
    from generator.statements import find_statements
    briefing = two_reports_of_the_tariff_cut("11")
    [block] = timeline_page(briefing, corroborate(find_statements(briefing))).blocks
    assert block.heading.endswith(": sources differ") and "10 November" in block.heading
    assert [item.source_id for item in block.items] == ["a", "b"]


def test_whos_who_cites_where_each_spelling_of_a_name_is_written():
    def said(source_id, date, text):
        return Source(meta(source_id, date, source_id.upper()),
                      (SourceParagraph(source_id, 5, text),), ())
    briefing = Briefing("B", (said("b", "2025-10-30", "Gou Jiakun told reporters on Friday."),
                              said("a", "2025-10-29", "Guo Jiakun spoke in Beijing."),
                              said("c", "2025-10-31", "Guo Jiakun and Gou Jiakun, again.")),
                        (Person("Guo Jiakun", mentions=4, spellings=("Gou Jiakun",)),))
    [card] = people_page(briefing).blocks
    assert [(form, [c.source_id for c in cited]) for form, cited in card.written] == [
        ("Guo Jiakun", ["a", "c"]), ("Gou Jiakun", ["b", "c"])]


def test_a_paragraph_repeating_no_fact_is_shown_and_one_repeating_all_of_them_is_not():
    from generator.compose import corroborate
    from generator.statements import find_statements
    briefing = corroborated_briefing()
    corroboration = corroborate(find_statements(briefing))
    a, b, c = (s.paragraphs[0] for s in briefing.sources)
    assert corroboration.shown(a) and not corroboration.shown(c)
    fresh = SourceParagraph("c", 9, "Markets in Europe fell. Oil rose.")
    blank = SourceParagraph("c", 10, "  ")
    assert corroboration.shown(fresh) and not corroboration.shown(blank)


def test_a_name_spelt_one_way_has_no_spelling_citations():
    quoted = source("a", "2025-10-29", "“We are willing to work with the US side”", "Guo Jiakun")
    [card] = people_page(Briefing("B", (quoted,), (Person("Guo Jiakun", mentions=1),))).blocks
    assert card.written == ()


def sectioned(source_id, date, *paragraphs):
    """A source whose paragraphs (text, section) start on lines 3, 5, 7…"""
    return Source(meta(source_id, date, source_id.upper()), tuple(
        SourceParagraph(source_id, 3 + 2 * n, text, sections=(section,))
        for n, (text, section) in enumerate(paragraphs)))


BACKGROUND = ("The two countries fought a long trade war in 2018 and 2019, with tariffs on "
              "hundreds of billions of dollars of goods.", "background")
DEAL = ("Washington will cut the fentanyl tariff on Chinese goods to 10% from 20% under the "
        "framework agreed in Busan.", "framework-deal")
REWORDED = ("The fentanyl tariff on Chinese goods is to be lowered to 10 per cent from 20 per "
            "cent under the framework, Washington said.", "framework-deal")  # DEAL, other words


def test_key_points_open_with_the_news_and_keep_the_background_for_last(tmp_path):
    from generator.compose import key_points
    from generator.config import load_config
    path = tmp_path / "briefing.yml"
    path.write_text("sections:\n"
                    "  background: {title: Background, threshold: 1, time: past,\n"
                    "               terms: {trade war: 1, rounds of talks: 1}}\n"
                    "  framework-deal: {title: The deal, threshold: 1, time: now,\n"
                    "                   terms: {tariff: 1, framework: 1}}\n", encoding="utf-8")
    config = load_config(path)  # the background comes first in the pages' order
    rounds = ("Earlier rounds of talks in Geneva and London in the spring had eased the trade "
              "war for a while.", "background")
    briefing = Briefing("B", (sectioned("a", "2025-10-30", BACKGROUND, DEAL),
                              sectioned("b", "2025-10-30", rounds)))
    points = [cited.text for cited in key_points(briefing, config)]
    assert [rule.id for rule in config.sections] == ["background", "framework-deal"]
    assert points[0] == DEAL[0] and points[-1] != DEAL[0]
    assert BACKGROUND[0] in points


def test_key_points_are_self_contained_and_said_once(config):
    from generator.compose import key_points
    leaning = ("This means the tariff on Chinese goods will fall to 10% from 20% next month "
               "under the framework.", "framework-deal")
    added = ("He added that the framework would cut the fentanyl tariff on Chinese goods in "
             "half.", "framework-deal")
    briefing = Briefing("B", (sectioned("a", "2025-10-30", leaning, added, DEAL),
                              sectioned("b", "2025-10-31", DEAL)))
    points = [cited.text for cited in key_points(briefing, config)]
    assert points.count(DEAL[0]) == 1
    assert leaning[0] not in points and added[0] not in points


def test_what_happened_is_told_in_a_later_wording_than_a_previews(config):
    """A source written before the event (`event: when:`) reports what was expected: a fact
    it shares with later sources is led, on the pages and in the key points, by the earliest
    later wording; the preview is cited with it. Latest does not list it as new."""
    from generator.compose import corroborate, key_points, latest_points
    from generator.statements import find_statements
    preview = ("Trump said the tariff on Chinese goods over fentanyl would likely be cut to 10% "
               "from 20% at the meeting.", "framework-deal")
    after = ("Trump said the tariff on Chinese goods over fentanyl will be cut to 10% from 20% "
             "after the meeting.", "framework-deal")
    briefing = Briefing("B", (sectioned("a", "2025-10-29", preview),
                              sectioned("b", "2025-10-31", after)))
    assert find_statements(briefing)[0].lead.source_id == "a"  # no event date: the earliest
    [statement] = find_statements(briefing, since="2025-10-30")
    assert statement.lead.source_id == "b" and statement.reported_by == 2
    corroboration = corroborate([statement])
    [point] = key_points(briefing, config, corroboration)
    assert point.text == after[0] and [c.source_id for c in point.also] == ["a"]
    assert latest_points(briefing, config, corroboration, ()) == []


def test_a_fact_whose_lead_leans_on_its_paragraph_is_a_key_point_in_another_wording(config):
    """On the 71 articles of the statement clusters the fact 19 sources report (China drops its
    farm tariffs) was no key point: its lead opens "It will also drop …". The earliest member
    that stands alone stands in for it, citing the lead and the others."""
    from generator.compose import corroborate, key_points
    from generator.statements import find_statements
    leaning = ("It will also drop the duties of up to 15% on Ruritanian farm goods that it "
               "imposed in March, officials said.", "framework-deal")
    alone = ("Freedonia will drop the duties of up to 15% on Ruritanian farm goods imposed in "
             "March, the ministry said.", "framework-deal")
    again = ("Freedonia is dropping its duties of up to 15% on Ruritanian farm goods from "
             "March, traders said.", "framework-deal")
    briefing = Briefing("B", (sectioned("a", "2025-10-30", leaning),
                              sectioned("b", "2025-10-31", alone),
                              sectioned("c", "2025-11-01", again)))
    [statement] = find_statements(briefing)
    assert statement.lead.source_id == "a" and statement.reported_by == 3
    [point] = key_points(briefing, config, corroborate([statement]))
    assert point.text == alone[0] and [c.source_id for c in point.also] == ["a", "c"]
    # found in review: a preview stood in though a later wording stands alone (b's is the
    # preview here), and a stand-in kept its place when the editor pinned the fact elsewhere
    [point] = key_points(briefing, config, corroborate([statement], frozenset({"b"})))
    assert point.text == again[0]
    pinned = Briefing("B", (sectioned("a", "2025-10-30", (leaning[0], "other")),
                            *briefing.sources[1:]))
    assert key_points(pinned, config, corroborate([statement])) == []


def test_a_sentence_in_two_statements_stands_in_for_neither(config):
    """Found in review: on the seeds' home page a sentence stood in for one fact and was cited
    again under the other it reports, taking both of its section's key points."""
    from generator.compose import corroborate
    from generator.statements import Statement
    from generator.structure import Sentence
    def said(sid, text):
        return Sentence(sid, 3, 0, len(text), text)
    both = said("b", "Trump said aboard Air Force One that he would discuss fentanyl and soybeans "
                     "with Xi on Thursday.")
    leaning = said("a", "Also up for discussion are fentanyl flows and farm exports, officials "
                        "said.")
    further = said("c", "Trump went further aboard Air Force One, telling reporters he may cut "
                        "tariffs.")
    statements = [Statement(leaning, (leaning, both), ("fentanyl",)),
                  Statement(further, (further, both), ("Air Force One",))]
    assert corroborate(statements).stand_ins == {}
    assert corroborate(statements[:1]).stand_ins  # in one statement only, it stands in


def test_the_fact_most_sources_report_is_the_first_key_point(config):
    from generator.compose import corroborate, key_points
    from generator.statements import find_statements
    lone = ("China's commerce ministry said the soybean purchases would start before the end "
            "of the year under the framework.", "framework-deal")
    briefing = Briefing("B", (sectioned("a", "2025-10-30", lone),
                              sectioned("b", "2025-10-30", DEAL),
                              sectioned("c", "2025-10-31", REWORDED)))
    corroboration = corroborate(find_statements(briefing))
    points = key_points(briefing, config, corroboration)
    assert points[0].text == DEAL[0] and {c.source_id for c in points[0].also} == {"c"}
    assert REWORDED[0] not in [p.text for p in points]  # cited with its lead, not repeated


def test_latest_lists_what_the_newest_sources_add_and_only_that(config):
    from generator.compose import NO_CORROBORATION, corroborate, latest_points
    from generator.statements import find_statements
    new = ("China will resume buying American soybeans this year under the framework, the "
           "commerce ministry said on Friday.", "framework-deal")
    briefing = Briefing("B", (sectioned("a", "2025-10-30", DEAL),
                              sectioned("b", "2025-10-31", REWORDED, new)))
    corroboration = corroborate(find_statements(briefing))
    assert [c.text for c in latest_points(briefing, config, corroboration, ())] == [new[0]]
    same_day = Briefing("B", (sectioned("a", "2025-10-31", DEAL),
                              sectioned("b", "2025-10-31", new)))
    assert latest_points(same_day, config, NO_CORROBORATION, ()) == []


def test_reports_taken_for_one_fact_with_dates_years_apart_are_not_flagged():
    """Found by a hostile-input review: "last met in 2019" and "today's talks", grouped on the
    words they share in a small desk, were published as one event the sources date
    differently. Sources misdate an event by days or a year, not by six."""
    from generator.compose import corroborate, timeline_page
    from generator.statements import Statement
    from generator.structure import Sentence
    texts = {"a": "The two leaders last met in 2019 in Osaka, before the trade war escalated.",
             "b": "Today's talks will centre on the trade war, officials said."}
    briefing = Briefing("B", tuple(
        Source(meta(sid, "2025-10-30", sid.upper()), (SourceParagraph(sid, 4, text),))
        for sid, text in texts.items()))
    members = tuple(Sentence(sid, 4, 0, len(text), text) for sid, text in texts.items())
    grouped = corroborate([Statement(members[0], members, ("trade war",))])
    headings = [block.heading for block in timeline_page(briefing, grouped).blocks]
    assert len(headings) == 2 and not any(h.endswith(": sources differ") for h in headings)


def test_a_far_off_date_does_not_hide_a_near_disagreement():
    """Found in review: one report dated 2019 made the 29 and 30 October reports of the same
    fact separate, unflagged entries."""
    from generator.compose import _conflicting
    assert _conflicting({"2019": ["a"], "2025-10-29": ["b"], "2025-10-30": ["c"]}) == [
        {"2019": ["a"]}, {"2025-10-29": ["b"], "2025-10-30": ["c"]}]
    assert _conflicting({"2024-12-31": ["a"], "2025-01-02": ["b"]}) == [
        {"2024-12-31": ["a"], "2025-01-02": ["b"]}]  # days apart across a new year: one event


def test_a_year_or_month_beside_the_days_it_holds_is_no_side_of_a_conflict():
    """On the 71 articles of the statement clusters the editor was told that sources date one
    event "2025 or 29 October 2025 or 30 October 2025 or 10 November 2025"; the year
    contradicts none of the days. Days that differ still do, even ten days apart (a review
    found a 7-day limit hiding one cut dated 10 and 20 November)."""
    from generator.compose import _conflicting
    assert _conflicting({"2025": ["a"], "2025-10": ["b"], "2025-10-30": ["c"],
                         "2025-10-31": ["d"]}) == [
        {"2025": ["a"]}, {"2025-10": ["b"]}, {"2025-10-30": ["c"], "2025-10-31": ["d"]}]
    assert _conflicting({"2025-11-10": ["a"], "2025-11-20": ["b"]}) == [
        {"2025-11-10": ["a"], "2025-11-20": ["b"]}]
    many = {f"2025-{month:02d}-{day:02d}": [day] for month in range(1, 13)
            for day in range(1, 29)}
    assert sum(map(len, _conflicting({"2025": ["y"], **many}))) == len(many) + 1  # linear


def test_a_sources_own_repeat_of_a_fact_stays_on_its_page_and_corroborates_nothing():
    """Found in review: a source's second wording of a fact, once in the fact's statement, was
    hidden as a repeat yet cited nowhere, and its words counted as what corroborated it."""
    from generator.compose import corroborate
    from generator.statements import group_statements
    first = SourceParagraph("a", 1, "Nvidia will supply 260,000 Blackwell chips to South Korea "
                                    "under the deal announced on Friday in Gyeongju.")
    again = SourceParagraph("a", 5, "Key point: Nvidia will supply 260,000 Blackwell chips to "
                                    "South Korea under the Gyeongju deal announced on Friday.")
    other = SourceParagraph("b", 1, "Nvidia will send 260,000 chips to South Korea, the company "
                                    "said.")
    [statement] = group_statements([first, again, other], {"a": 0, "b": 1})
    assert statement.reported_by == 2 and len(statement.members) == 3
    assert "Blackwell" not in statement.matched_on and "Friday" not in statement.matched_on
    corroboration = corroborate([statement])
    assert corroboration.shown(again) and not corroboration.shown(other)
    assert [c.source_id for c in corroboration.also[("a", 1)]] == ["b"]


def test_a_key_point_and_a_timeline_entry_leave_out_the_paragraphs_leading_label(config):
    """Shown alone, "NEW ORLEANS, Sept 9 (Meridian) - …" and "MORENO: …" read as a dateline and
    a speaker's label: the home page and the Timeline show the sentence after them."""
    from generator.compose import home_page, timeline_page
    from generator.blocks import CitedList
    dated = ("PORT RURI, Oct 30 (Harbour Wire) - The two governments agreed on Thursday to cut "
             "the tariff on Chinese goods to 10% from 20%.", "framework-deal")
    briefing = Briefing("B", (sectioned("a", "2025-10-30", dated),))
    home = home_page(briefing, config, [])
    points = next(b for b in home.blocks if isinstance(b, CitedList) and b.heading == "Key points")
    assert [c.text for c in points.items] == [dated[0].split(" - ", 1)[1]]
    timeline = timeline_page(briefing)
    shown = [c.text for b in timeline.blocks if isinstance(b, CitedList) for c in b.items]
    assert shown and all(not text.startswith("PORT RURI") for text in shown)


def test_a_greeting_is_no_key_point():
    from generator.compose import self_contained
    assert not self_contained("Good morning and welcome to our live coverage of the shareholder "
                              "vote in Sheffield, where investors will decide on the offer.")
    assert self_contained("Shareholders in Sheffield voted against the offer on Thursday, the "
                          "company said.")


def test_welcome_news_is_no_greeting():
    from generator.compose import self_contained
    assert self_contained("Welcome relief for American soybean farmers came as China agreed to "
                          "buy 12 million tonnes.")
    assert self_contained("Hello Kitty maker Sanrio raised its forecast for the year on Monday.")
