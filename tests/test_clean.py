from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from generator.clean import (HEADLINE, STANDFIRST, clean_paragraphs, is_headline_case,
                             normalise_space, remove_cross_source_repeats, split_paragraphs)
from generator.load import DATE_LINE
from generator.structure import RawLine, SourceMeta
from tests.conftest import LIVE_SEED, WIRE_SEED, paragraph_at, pieces_text


def lines(text):
    return [RawLine(n, t) for n, t in enumerate(text.split("\n"), start=1)]


def test_wire_seed_clutter_is_removed_with_reasons(wire):
    reasons = {p.line: p.removed_because for p in wire.paragraphs if not p.kept}
    assert reasons[1] == "breadcrumb"
    assert reasons[3].startswith("headline")
    assert reasons[7] == reasons[8] == "picture or caption note"
    assert reasons[9] == "read-time or updated stamp"
    assert reasons[5].startswith("standfirst")  # its copy in the body, line 12, is kept
    assert reasons[48] == "syndication notice"
    assert all(paragraph_at(wire, line).kept for line in (10, 12, 44))


def test_live_blog_labels_teasers_bylines_and_repeated_summary(live):
    reasons = {p.line: p.removed_because for p in live.paragraphs if not p.kept}
    assert reasons[2] == reasons[11] == "lone label"
    assert reasons[27] == "teaser line"
    assert reasons[31] == reasons[56] == "byline"
    assert all(reasons[n] == f"repeats line {n - 58}" for n in range(61, 68))
    assert paragraph_at(live, 12).heading and paragraph_at(live, 12).kept


def test_every_line_of_text_belongs_to_a_paragraph():
    for path in (WIRE_SEED, LIVE_SEED):
        raw = path.read_text(encoding="utf-8").split("\n")
        starts = {n for n, _ in split_paragraphs(lines("\n".join(raw)))}
        assert starts == {n for n, t in enumerate(raw, start=1) if t.strip()}


def test_hard_wrapped_blocks_join_but_ragged_lines_stay_apart():
    text = ("This paragraph was wrapped at a fixed width by the tool that\n"
            "exported it, so its lines are all of a similar length and the\n"
            "sentence runs on.\n\nShort line.\nAnother line that is much longer than the one before it.")
    paragraphs = split_paragraphs(lines(text))
    assert paragraphs[0][0] == 1 and paragraphs[0][1].endswith("sentence runs on.")
    assert [n for n, _ in paragraphs] == [1, 5, 6]


def test_repeats_across_sources_point_to_the_first(config):
    meta_a = SourceMeta("a", "a.txt", "A", "Wire", "2025-01-01")
    meta_b = SourceMeta("b", "b.txt", "B", "Paper", "2025-01-02")
    body = "The same syndicated paragraph appears in two papers on the same day."
    a = clean_paragraphs(meta_a, lines(f"Headline A\n\n{body}"), config)
    b = clean_paragraphs(meta_b, lines(f"Headline B\n\n{body}"), config)
    _, second = remove_cross_source_repeats([(meta_a, a), (meta_b, b)])
    assert second[-1].removed_because == "repeats a line 3"


def test_editor_patterns_from_configuration_apply(tmp_path):
    from generator.config import load_config
    path = tmp_path / "briefing.yml"
    path.write_text("cleaning:\n  boilerplate:\n    - reason: desk note\n      pattern: '^NOTE TO EDITORS'\n")
    config = load_config(path)
    meta = SourceMeta("s", "s.txt", "T", "O", None)
    result = clean_paragraphs(meta, lines("T\n\nNOTE TO EDITORS: embargoed.\n\nReal text here."), config)
    assert [(p.kept, p.removed_because) for p in result][1:] == [(False, "desk note"), (True, None)]


NEWSY = ["\n", "\n\n", " ", '"', "“", "”", "’", ":", ",", ".", "said", "told reporters", "Trump",
         "Xi Jinping", "Home / World / Asia", "By Jane Roe", "Key events", "Q:", "HOST:",
         "PARK:", "Taiwan", "tariffs", "(Photo: AFP)", "5 min read", "\r\n", "\t", "—", "<b>",
         "{{ x }}", "# ", "| a |", "Updated 10:05 GMT"]
news_text = st.lists(st.one_of(st.sampled_from(NEWSY), st.text(max_size=12)), max_size=60).map(
    "".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text)
def test_cleaning_accounts_for_every_word_and_keeps_text_verbatim(config, text):
    assume(not DATE_LINE.match(text.lstrip()))
    raw = lines(text)
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), raw, config)
    assert " ".join(p.text for p in paragraphs if p.text) == normalise_space(text)
    for paragraph in paragraphs:
        assert paragraph.kept or paragraph.removed_because
        assert paragraph.text in normalise_space(raw[paragraph.line - 1].text) or \
            normalise_space(raw[paragraph.line - 1].text) in paragraph.text


def test_a_title_over_a_date_line_is_two_paragraphs_but_a_wrapped_pair_is_one():
    title = lines("Press briefing by Treasury Secretary Scott Bessent\nTranscript, October 31, 2025")
    assert [n for n, _ in split_paragraphs(title)] == [1, 2]
    wrapped = lines("The framework deal agreed by negotiators in Kuala Lumpur offers both of\n"
                    "the leaders a way out of the trade war.")
    assert [n for n, _ in split_paragraphs(wrapped)] == [1]


def test_the_line_after_a_picture_credit_rule_is_its_caption(tmp_path):
    from generator.config import load_config
    path = tmp_path / "briefing.yml"
    path.write_text("cleaning:\n  boilerplate:\n    - id: picture-credit\n      reason: picture "
                    "note\n      pattern: '^Bild:'\n")
    config = load_config(path)
    text = "Bild: Kim Soo-jin\nXi and Trump shake hands before their talks.\nThe talks began."
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "T", "O", None), lines(text), config)
    assert [p.removed_because for p in paragraphs] == ["picture note", "picture or caption note",
                                                       None]


# Page furniture by shape and place (issue 10). Short invented pages: two body paragraphs make
# an article, and what stands around and inside it is judged by its shape.
BODY_1 = ("The two delegations met for three hours in the port city on Thursday, and officials "
          "said the talks had gone better than either side expected.")
BODY_2 = ("A joint statement is due later this week, according to a spokesman for the trade "
          "ministry, who would not say what it will contain.")


def cleaned(text, config, title=""):
    meta = SourceMeta("s", "s.txt", title, "O", None)
    return {p.text: p.removed_because for p in clean_paragraphs(meta, lines(text), config)}


def test_short_lines_before_and_after_the_article_are_furniture(config):
    text = (f"Markets\n\nHarbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\n"
            "Ferry fares to rise in spring\n\nCouncil approves new bridge design\n\n"
            "The talks will resume next month.")
    reasons = cleaned(text, config)
    assert reasons["Harbour talks end early"].startswith("headline")
    assert reasons["Markets"] == "page furniture before the article"
    assert reasons["Ferry fares to rise in spring"] == "page furniture after the article"
    assert reasons[BODY_1] is None and reasons[BODY_2] is None
    assert reasons["The talks will resume next month."] is None  # a sentence is kept


def test_a_list_opened_by_a_colon_after_the_last_paragraph_is_kept(config):
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\nThe next rounds are set for:\n"
            "May 3 -- Northport, Main Hall\nMay 9 -- Southport, Old Exchange\n\nMore news")
    reasons = cleaned(text, config)
    assert reasons["May 3 -- Northport, Main Hall"] is None
    assert reasons["May 9 -- Southport, Old Exchange"] is None
    assert reasons["More news"] == "page furniture after the article"


def test_a_run_of_short_label_lines_inside_the_article_is_a_menu(config):
    text = (f"Harbour talks end early\n\n{BODY_1}\n\nShare this:\nMail\nWhatsApp\nMessenger\n\n"
            f"{BODY_2}")
    reasons = cleaned(text, config)
    assert reasons["Mail"] == reasons["WhatsApp"] == reasons["Messenger"] == \
        "menu or link list (a run of short lines)"


def test_headlines_with_no_text_under_them_are_other_stories_but_subheadings_stay(config):
    text = (f"Harbour talks end early\n\n{BODY_1}\n\nRain closes the coast road again\n\n"
            f"Museum reopens after long repairs\n\n{BODY_2}\n\nWhat comes next\n\n{BODY_1} Again.")
    reasons = cleaned(text, config)
    assert reasons["Rain closes the coast road again"] == \
        reasons["Museum reopens after long repairs"] == \
        "headlines of other stories (no text under them)"
    assert reasons["What comes next"] is None  # a subheading stands over text


def test_open_headlines_of_prose_length_are_other_stories_but_an_embedded_post_stays(config):
    headlines = ["Ferry workers vote to strike over the new rota in the spring",
                 "Council says the bridge repairs will run into the next year",
                 "Why the harbour board wants a second look at the old plans"]
    post = ["Our crews will keep the ferries running for as long as the law allows",
            "Thanks to every passenger for the patience shown pic.example.com/Ab12Cd"]
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n" + "\n\n".join(headlines)
            + f"\n\n{BODY_2}\n\n" + "\n\n".join(post)
            + "\n\n— Harbour Ferries (@harbourferries) May 2, 2025\n\n" + f"{BODY_1} Again.")
    reasons = cleaned(text, config)
    assert all(reasons[h] == "headlines of other stories (no text under them)"
               for h in headlines)
    assert reasons[post[0]] is None and reasons[post[1]] is None


def test_lines_of_one_block_are_a_list_not_headlines(config):
    text = (f"Harbour talks end early\n\n{BODY_1}\n\nDelegations present\n\n"
            "North team (Group A): five members\nSouth team (Group B): six members\n"
            f"East team (Group C): four members\n\n{BODY_2}")
    reasons = cleaned(text, config)
    assert reasons["North team (Group A): five members"] is None
    assert reasons["East team (Group C): four members"] is None
    assert reasons["Delegations present"] is None


def test_date_and_time_stamps_in_many_shapes(config):
    stamps = ["Mar. 4, 2025 9:15 am ET", "Published: 30 Oct. 2025, 13:40",
              "Jane Roe - 19/11/2019", "Updated Tuesday, March 4, 2025"]
    for stamp in stamps:
        assert cleaned(f"Harbour talks end early\n\n{stamp}\n\nShort note.", config)[stamp] \
            == "date or time stamp", stamp
    sentence = "On March 4, 2025 the ministry published its figures."
    assert cleaned(f"T\n\n{sentence}", config)[sentence] is None
    post = "— Jane Roe (@janeroe) March 4, 2025"  # the signature of an embedded post
    assert cleaned(f"T\n\n{post}", config)[post] is None


def test_name_slash_agency_credits_and_gallery_counters(config):
    for credit in ("Jane Roe/Harbour Pictures via Wire", "Photo by Jane Roe/Pool",
                   "Image 3 of 12", "3 / 12"):
        reason = cleaned(f"Harbour talks end early\n\n{credit}\n\nShort note.", config)[credit]
        assert reason and "picture" in reason, credit
    ratio = "The vote was carried on a show of hands and/or by post."
    assert cleaned(f"T\n\n{ratio}", config)[ratio] is None


def test_subheadings_inside_the_article_are_not_bylines_or_captions(config):
    text = (f"Harbour talks end early\n\n{BODY_1}\n\nTARIFF TALKS\n\n{BODY_2}\n\n"
            f"Ports and Shipping\n\n{BODY_1} Again.\n\nLast word.\n\n{BODY_2} Again.")
    reasons = cleaned(text, config)
    assert reasons["TARIFF TALKS"] is None
    assert reasons["Ports and Shipping"] is None
    assert cleaned("Harbour talks end early\n\nJane Roe\n\nShort note.", config)["Jane Roe"] \
        == "byline"  # above the article it is still a byline


def test_the_headline_is_the_first_longer_line_above_the_article(config):
    text = (f"World\n\nAsia: Trade\n\nHarbour talks end early in the port city\n\n{BODY_1}\n\n"
            f"{BODY_2}\n\nHarbour talks end early in the port city")
    meta = SourceMeta("s", "s.txt", "", "O", None)
    paragraphs = clean_paragraphs(meta, lines(text), config)
    reasons = {p.line: p.removed_because for p in paragraphs}
    assert reasons[5].startswith("headline") and reasons[1] == reasons[3] == \
        "page furniture before the article"
    assert reasons[11] == "repeats line 5"
    from generator.clean import headline
    assert headline(paragraphs) == "Harbour talks end early in the port city"


def test_items_listed_under_a_label_are_not_the_headline(config):
    """A live blog's "Key events" over its posts' headings: the first heading shares the most
    words with the first post, but the headline is the line at the top."""
    text = ("Harbour week: ferry fares, the new bridge and the strike – live updates\n\n"
            "Port staff in Ruritania\n\nKey events\nFerry operators raise winter fares again\n"
            "Council approves new bridge design\n\n17.42\nFerry operators raise winter fares "
            "again\nThe ferry operators said on Thursday that winter fares would rise again, "
            "the second rise this year, blaming the cost of fuel.\n\n16.05\nCouncil approves "
            "new bridge design\nThe council approved the new bridge design after a long debate "
            "that ran past midnight, officials said.")
    from generator.clean import headline
    meta = SourceMeta("s", "s.txt", "", "O", None)
    assert headline(clean_paragraphs(meta, lines(text), config)) == \
        "Harbour week: ferry fares, the new bridge and the strike – live updates"


def test_a_headline_shaped_line_above_the_menu_is_not_the_headline(config):
    text = (f"Markets rally as the port reopens for business\n\nWorld\n\nAsia\n\n"
            f"Harbour talks end early in the port city\n\nBy Jane Roe\n\n{BODY_1}\n\n{BODY_2}")
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    from generator.clean import headline
    assert headline(paragraphs) == "Harbour talks end early in the port city"
    assert not paragraphs[0].kept and not paragraphs[0].removed_because.startswith("headline")


def test_the_headline_is_the_line_whose_words_the_article_uses(config):
    other_story = "Ferry fares to rise in spring as the council approves a new bridge"
    text = (f"The Coastal Courier: news you can trust since 1889\n\nWorld\n\n{other_story}\n\n"
            f"Delegations end harbour talks early after three hours\n\nBy Jane Roe\n\n"
            f"{BODY_1}\n\n{BODY_2}")
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    from generator.clean import headline
    assert headline(paragraphs) == "Delegations end harbour talks early after three hours"


def test_the_headline_over_its_standfirst_is_the_title_though_the_summary_shares_more(config):
    summary = "The delegations met for three hours in the port city and the talks went better"
    text = (f"Harbour talks end early\n\nBy Jane Roe\n\n{summary}\n\n{BODY_1}\n\n{BODY_2}")
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    from generator.clean import headline
    assert headline(paragraphs) == "Harbour talks end early"


def test_a_key_point_is_never_the_headline_though_the_article_repeats_its_words(config):
    text = ("Open in app\n\nDelegations end harbour talks early in the port city\n\n"
            "Jane Roe\n\nKey points\n\n• Delegations met for three hours in the port city\n\n"
            f"• A joint statement is due this week\n\n{BODY_1}\n\n{BODY_2}")
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    from generator.clean import headline
    assert headline(paragraphs) == "Delegations end harbour talks early in the port city"


def test_a_trail_of_section_names_is_a_breadcrumb_in_any_language(config):
    crumbs = ("Home > Asia > East Asia", "首页 > 时政 > China", "News » Business » Trade")
    text = "\n\n".join((*crumbs, BODY_1, BODY_2))
    reasons = cleaned(text, config, title="Harbour talks")
    assert [reasons[t] for t in crumbs] == ["breadcrumb"] * 3
    assert reasons[BODY_1] is None


@pytest.mark.parametrize("line, reason", [
    ("Q", "transcript speaker label"),
    ("(Laughter.)", "broadcast marker"),
    ("[Inaudible]", "broadcast marker"),
    ("Harbour Research | 4 March 2025 | Page 2 of 6", "page header or footer"),
    ("Editor: Jane Roe", "byline"),
    ("@harbour_desk", "social post furniture"),
])
def test_transcript_print_and_post_furniture_goes_by_its_shape(config, line, reason):
    assert cleaned(f"{BODY_1}\n\n{line}\n\n{BODY_2}", config, title="Talks")[line] == reason


@pytest.mark.parametrize("line", [
    "Q: What did the ministers agree on Thursday?",
    "The report, on page 4 of 12, said the fees would fall by half before the end of the year.",
    "The key clause is on page 12 of 40.",
    "Prices > wages for the third year running",
    "Le ministre « ne cédera pas » sur les frais portuaires",
    "The ratio of A > B holds",
    "Producer: Okay.",
    "Editor: Yes",
    "Stocks > Bonds, Again",
    "Gold > Silver",
    "The agreement runs to 40 pages. The key clause, on page 12 of 40, reads:",
    "What's buried on page 412 of 1,000 in the spending bill",
    "Editor Jane Roe said the paper would publish the full text of the agreement on Friday.",
])
def test_sentences_that_share_those_words_stay(config, line):
    assert cleaned(f"{BODY_1}\n\n{line}\n\n{BODY_2}", config, title="Talks")[line] is None


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u200b \ufeff"])
def test_a_line_of_only_invisible_characters_under_the_headline_is_no_byline(config, invisible):
    text = f"Harbour talks end early in the port city\n{invisible}\n{BODY_1}\n\n{BODY_2}"
    reasons = [p.removed_because for p in clean_paragraphs(
        SourceMeta("s", "s.txt", "", "O", None), lines(text), config)]
    assert reasons == [HEADLINE, "no visible text", None, None]


def test_calls_to_the_reader_go_and_sentences_about_channels_stay(config):
    calls = ["Get breaking news on trade and markets delivered in our daily newsletter!",
             "Want more stories like this? Follow us on Instagram and Facebook.",
             "No spam, we promise. You can unsubscribe at any time.",
             "Thanks for signing up!"]
    stays = ["Follow-up talks are planned for next month, the ministry said on its website.",
             "Subscribers to the app rose by a third, the company said in an email.",
             "Like many farmers in the county, he learned of the ban through an email.",
             "Join the boycott, the union urged its members in an email sent on Tuesday.",
             "Follow the money and you find the subsidies, he said on his podcast last week.",
             "Get the soybeans to port fast: that was the advice in the co-op's newsletter."]
    text = "\n\n".join([f"Harbour talks end early\n\n{BODY_1}", *stays, BODY_2, *calls])
    reasons = cleaned(text, config)
    assert all(reasons[call] == "call to action" for call in calls)
    assert all(reasons[sentence] is None for sentence in stays)


def test_captions_in_the_wire_agencies_conventions_go(config):
    captions = ["FILE PHOTO: Dock workers load containers at the port in the city, May 3, 2025.",
                "In this Oct. 29, 2025, file photo, the two delegations meet in the port city.",
                "Trade minister Jane Roe, left, and her counterpart John Doe shake hands on Friday.",
                "A container ship leaves the harbour on Thursday. (AP)"]
    stays = ["In this city, officials said, the talks have become a ritual of photo calls.",
             "The minister, who left the room twice, said the talks would go on (and on).",
             "In this still-fragile truce, both sides have reasons to avoid any new move.",
             "In this week's meeting, video of the two leaders shaking hands spread quickly.",
             "Politicians, left and right, welcomed the truce as a pause in a costly fight.",
             "The ministry did not respond to a request for comment on Friday. (Updated at 5pm.)"]
    text = "\n\n".join([f"Harbour talks end early\n\n{BODY_1}", *captions, *stays, BODY_2])
    reasons = cleaned(text, config)
    assert all(reasons[caption] == "picture or caption note" for caption in captions)
    assert all(reasons[sentence] is None for sentence in stays)


def test_a_relative_time_stamp_is_a_stamp_not_a_headline(config):
    text = f"Published 1 day ago\n\nHarbour talks end early in the port city\n\n{BODY_1}\n\n{BODY_2}"
    reasons = cleaned(text, config)
    assert reasons["Published 1 day ago"] == "read-time or updated stamp"
    assert reasons["Harbour talks end early in the port city"].startswith("headline")


def test_a_stamp_may_stand_between_a_headline_and_its_standfirst(config):
    headline = "Harbour talks end early as the port strike spreads"
    summary = "The delegations met for three hours in the port city and the talks went better"
    text = f"{headline}\n\nUpdated 30 October 2025, 12:30 GMT\n\n{summary}\n\n{BODY_1}\n\n{BODY_2}"
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    from generator.clean import headline as title
    assert title(paragraphs) == headline


def test_a_short_note_without_an_article_is_left_as_it_is(config):
    reasons = cleaned("Harbour talks\n\nMarkets\n\nThe talks ended early.", config)
    assert reasons["Markets"] is None


def test_a_sentence_broken_over_short_lines_is_one_paragraph_cited_by_its_first_line():
    text = ("Headline of the piece\n\nThe two ministers spoke briefly after their\n"
            "long and closely watched talks\nin the harbour city on a rainy Thursday.\n"
            "A second sentence stands on its own line.")
    assert split_paragraphs(lines(text)) == [
        (1, "Headline of the piece"),
        (3, "The two ministers spoke briefly after their long and closely watched talks in the "
            "harbour city on a rainy Thursday."),
        (6, "A second sentence stands on its own line.")]
    # a line stopping on a small word goes on even before a capitalised name
    stops = lines("Officials said the new rules would apply to\nWestern exporters from March.")
    assert [n for n, _ in split_paragraphs(stops)] == [1]


def test_lower_case_menu_items_and_labels_are_not_joined():
    menu = lines("Regional edition\nswitch to the north edition\nswitch to the south edition")
    assert [n for n, _ in split_paragraphs(menu)] == [1, 2, 3]
    follow = lines("Follow us on\nThe council met on Monday to agree the budget for next year.")
    assert [n for n, _ in split_paragraphs(follow)] == [1, 2]
    brand = lines("Reviews of the new phone\niPhone owners say the battery lasts longer.")
    assert [n for n, _ in split_paragraphs(brand)] == [1, 2]


def test_prose_broken_mid_sentence_joins_though_headers_stand_on_the_lines_above():
    # a PDF paste: a running header and a heading glued to the text, lines cut at one width,
    # some before a capitalised word or after a comma
    text = ("Harbour Research | 4 March | Page 2 of 5\n"
            "What was agreed\n"
            "The ministers met for roughly two hours and agreed to lower the fees on the ships\n"
            "of both fleets, to open the northern quay to each other's vessels from April, and\n"
            "Customs officers will check the cargo of every third container at the harbour.\n"
            "Harbour Research | 4 March | Page 3 of 5")
    assert [n for n, _ in split_paragraphs(lines(text))] == [1, 2, 3, 6]


@pytest.mark.parametrize("text", [
    # a headline over its standfirst, then the byline: two full lines, no broken sentence
    "Ministers agree to lower the harbour fees for the ships of both fleets in a new deal\n"
    "The agreement, reached after two hours of talks in the port city, ends a year of dispute.\n"
    "By Jane Roe\nOctober 30, 2025",
    # other stories' headlines of one width, the last one quoted
    "Related stories\n"
    "Council votes to close the old bridge for repairs in the spring of next year\n"
    "Storm brings down trees across the valley overnight as the rivers rise again\n"
    'Mayor says new library is "the best thing this town has done in decades"\n'
    "Harbour pilots threaten to strike over the new shift patterns at the port",
    # an interview's turns, one cut off by a dash
    "Roe: We were going to lower the fees on the ships of both fleets, but then the —\n"
    "Doe: But you did not lower the fees on the ships of both fleets in the end, did you?\n"
    "Roe: No, we did not, and the fleets were not happy with that at all in the end.",
])
def test_lines_of_one_width_without_a_broken_sentence_stay_apart(text):
    raw = lines(text)
    assert [n for n, _ in split_paragraphs(raw)] == [line.number for line in raw]


def test_a_printed_column_with_hyphenated_words_joins_at_capitals_until_a_stop():
    """OCR of a newspaper column: no blank lines, lines of 35 characters, words broken with a
    hyphen. Once a run has broken a word, a line that does not close goes on at a capital
    ("…aboard Air" / "Force One."); a line that closes ends the paragraph; the jump line above
    never runs into the text."""
    text = ("Leaders swap tariff cut\n"
            "for harbour-fee reprieve\n"
            "Continued from A1\n"
            "the 20 percent levy the ministry im-\n"
            "posed on the ships of both fleets\n"
            "will be halved, the minister told\n"
            "reporters aboard the ferry Harbour\n"
            "One. The cut starts on Monday.\n"
            "In return, the port agreed to sus-\n"
            "pend its new inspections for a year.")
    assert [n for n, _ in split_paragraphs(lines(text))] == [1, 2, 3, 4, 9]


def test_a_column_run_stops_at_a_short_line_a_question_a_header_or_a_quote():
    """Found by a review: a hyphenated headline over its byline, a question over its answer,
    a running header or a pull quote in the column are not the column's text."""
    headline = ("US and China agree to year-\nlong trade truce\nBy Jane Roe and John Doe\n"
                "Updated 12:40 GMT")
    question = ("Is the soybean deal a conces-\nsion to Washington, you ask the\n"
                "minister in charge of the farms?\nNo. Our feed mills need the beans.")
    header = ("of its own. Negotiators led by the\nsecretary of the harbour de-\n"
              "partment and the minister of\nA6 | THE HARBOUR COURIER | FRIDAY\n"
              "the fleets met in the port city.")
    quote = ("The island is negotiating its own\ndeal to lower the fees, and its\n"
             "defence ministry report-\n\"We will not be pushed around.\"")
    assert [n for n, _ in split_paragraphs(lines(headline))] == [1, 2, 3, 4]
    assert [n for n, _ in split_paragraphs(lines(question))][-1] == 4
    assert 4 in [n for n, _ in split_paragraphs(lines(header))]
    assert 4 in [n for n, _ in split_paragraphs(lines(quote))]
    # and without a hyphenated word, a run stops at a capital as it always has
    plain = ("Ministers from both ports met on\nthe quay, then walked to the\nHarbour Hall\n"
             "Council votes to close the old bridge")
    assert [n for n, _ in split_paragraphs(lines(plain))] == [1, 2, 3, 4]


def test_a_lone_number_at_a_line_start_is_no_list():
    german = ("Die Frist für die Gebühren auf die Schiffe beider Flotten endet am Montag,\n"
              "3. November, um Mitternacht, sagte der Sprecher der Hafenbehörde in Busan.")
    assert [n for n, _ in split_paragraphs(lines(german))] == [1]


def test_a_headline_may_start_with_a_number(config):
    text = (f"Sport\n\nFootball\n\n1. FC Köln sack their coach after a run of six defeats\n\n"
            f"By Jane Roe\n\n{BODY_1}\n\n{BODY_2}")
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    from generator.clean import headline
    assert headline(paragraphs) == "1. FC Köln sack their coach after a run of six defeats"


def test_a_wrap_before_a_dash_or_a_date_still_joins():
    dash = ("The ministers met for two hours in the port city on Thursday and agreed to lower\n"
            "– the first cut in a decade – the fees charged on the ships of both fleets.")
    date = ("The new fees on the ships of both fleets will take effect in the port on October\n"
            "1. The ministers said the harbour would be open to both fleets from that day.")
    assert [n for n, _ in split_paragraphs(lines(dash))] == [1]
    assert [n for n, _ in split_paragraphs(lines(date))] == [1]


def test_a_ragged_list_of_headlines_is_not_taken_for_wrapped_prose():
    text = ("Council votes to close the old bridge for repairs in the spring\n"
            "Storm brings down trees across the valley overnight\n"
            "Schools to open late after the floods in the east of the county\n"
            "Mayor opens the new library.")
    assert [n for n, _ in split_paragraphs(lines(text))] == [1, 2, 3, 4]


BROKEN = st.lists(st.sampled_from(["the talks", "in Busan", "after their", "on", "widely",
                                   "Trump said.", "iPhone", "", "Key events", "and", ","]),
                  max_size=12)


@given(BROKEN)
def test_joining_broken_lines_puts_every_word_in_exactly_one_paragraph(parts):
    raw = lines("\n".join(parts))
    paragraphs = split_paragraphs(raw)
    assert " ".join(t for _, t in paragraphs if t).split() == " ".join(parts).split()
    for number, text in paragraphs:
        assert normalise_space(raw[number - 1].text) and \
            text.startswith(normalise_space(raw[number - 1].text))


def test_short_structural_lines_repeated_inside_the_article_stay(config):
    # a table's header row over each table, but not a line printed twice in a row
    table = "Team played and won\nNorth 3 won 2 drawn 1\nSouth 1 won 0 drawn 4"
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n{table}\n\n{BODY_2}\n\n"
            f"Team played and won\n{table}\n\n{BODY_1} Again.")
    result = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    header = [p for p in result if p.text == "Team played and won"]
    assert [p.kept for p in header] == [True, True, False]
    assert header[2].removed_because == "repeats line 5"


def test_a_subheading_under_a_short_label_is_not_another_story(config):
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n[Coast Weekly]\n\nFerries Return To The Bay\n\n"
            f"{BODY_2}\n\nRain closes the coast road again\n\nMuseum reopens after long repairs\n\n"
            f"{BODY_1} Again.")
    reasons = cleaned(text, config)
    assert reasons["Ferries Return To The Bay"] is None
    assert reasons["Rain closes the coast road again"] == \
        reasons["Museum reopens after long repairs"] == \
        "headlines of other stories (no text under them)"


# The shape model (issue 10): invented pages whose furniture is told only by its shape and place.
def test_a_run_of_title_case_lines_after_the_article_goes_with_a_reason_in_words(config):
    teasers = ("Harbour Board Names New Chair After Long Search\n"
               "Ferry Timetable Changes Confuse Island Commuters\n"
               "Lighthouse Keepers Return For One Summer Only\n"
               "Storm Damage Closes Coastal Path For Repairs")
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\n{BODY_1} Again.\n\n"
            f"More Stories\n\n{teasers}")
    reasons = cleaned(text, config)
    for line in teasers.split("\n"):
        assert reasons[line] is not None, line  # not joined into one wrapped paragraph either
    assert reasons[BODY_1] is None and reasons[BODY_2] is None


def test_shape_reasons_name_what_weighed_most(config):
    from generator.boilerplate_shape import SHAPE_REASON, load_model, reason_for
    model = load_model()
    assert model is not None and len(model.features) == len(model.weights)
    from generator.boilerplate_shape import PHRASES
    features = {name: 0.0 for name in model.features}
    pushing = sorted((w, n) for n, w in zip(model.features, model.weights) if n in PHRASES)
    (_, weaker), (_, stronger) = pushing[-2:]
    features.update({weaker: 1.0, stronger: 1.0, pushing[0][1]: 1.0})
    assert reason_for(model, features) == (f"{SHAPE_REASON}: {PHRASES[stronger]}; "
                                           f"{PHRASES[weaker]}")
    assert reason_for(model, {n: 0.0 for n in model.features}) == SHAPE_REASON


def test_the_shape_model_leaves_summaries_subheadings_and_speakers_alone(config):
    summary = "The two delegations agreed to meet again within a month in the port city"
    text = (f"Harbour talks end early\n\n{summary}\n\n{BODY_1}\n\n"
            f"Ports And Shipping Lanes Reopen\n{BODY_2}\n\nHOST: What happens next?\n\n"
            f"{BODY_1} Again.")
    reasons = cleaned(text, config)
    assert reasons[summary] is None  # nothing marks it as a standfirst: no byline below it
    assert reasons["Ports And Shipping Lanes Reopen"] is None
    assert reasons["HOST: What happens next?"] is None


def test_a_summary_between_the_headline_and_the_byline_is_the_standfirst(config):
    standfirst = "The two delegations agreed to meet again within a month in the port city"
    text = (f"Harbour talks end early\n\n{standfirst}\n\nBy Jane Roe\n\n{BODY_1}\n\n"
            f"{standfirst}.\n\n{BODY_2}")
    result = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    summary, copy = [p for p in result if p.text.startswith(standfirst)]
    assert not summary.kept and "standfirst" in summary.removed_because
    assert copy.kept  # the body's copy is the one kept, not removed as its repeat


def test_a_summary_written_as_a_full_sentence_above_the_byline_is_the_standfirst(config):
    standfirst = "The delegations agreed to meet again within a month, officials said on Friday."
    for byline in ("By Jane Roe", "By\n\nJane Roe"):
        text = (f"Harbour talks end early\n\n{standfirst}\n\n{byline}\n\nUpdated 10:04 a.m.\n\n"
                f"{BODY_1}\n\n{BODY_2}")
        reasons = cleaned(text, config)
        assert "standfirst" in reasons[standfirst]  # body-like prose, but a byline follows it
        assert reasons[BODY_1] is None and reasons[BODY_2] is None


def test_a_lead_under_the_byline_is_no_standfirst_of_a_later_by_line(config):
    """"By the numbers" is a subheading; a live-blog post's "By John Doe" is its author's."""
    for later in ("By the numbers", "By John Doe"):
        text = (f"Harbour talks end early\n\nBy Jane Roe\n\n{BODY_1}\n\n{BODY_2}\n\n{later}"
                f"\n\n{BODY_1} Again.\n\n{BODY_2} Again.")
        reasons = cleaned(text, config)
        assert reasons[BODY_1] is None and reasons[BODY_2] is None, later


def test_the_headline_over_a_caption_and_its_standfirst_is_the_title(config):
    summary = "The delegations met for three hours in the port city and the talks went better"
    text = (f"Harbour talks end early\n\nThe delegations in the port city. (Photo: Example)\n\n"
            f"{summary}\n\nBy Jane Roe\n\n{BODY_1}\n\n{BODY_2}")
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    from generator.clean import headline
    assert headline(paragraphs) == "Harbour talks end early"


def test_a_byline_after_several_paragraphs_makes_no_standfirst(config):
    opening = "The delegations agreed to meet again within a month, officials said on Friday."
    text = (f"Harbour talks end early\n\n{opening}\n\n{BODY_1}\n\n{BODY_2}\n\n"
            f"By Jane Roe\n\n{BODY_1} Again.\n\n{BODY_2} Again.")
    reasons = cleaned(text, config)
    assert reasons[opening] is None and reasons[BODY_1] is None


def test_a_third_copy_of_a_standfirst_repeats_the_kept_one(config):
    standfirst = "The two delegations agreed to meet again within a month in the port city"
    text = (f"Harbour talks end early\n\n{standfirst}\n\nBy Jane Roe\n\n{BODY_1}\n\n"
            f"{standfirst}.\n\n{BODY_2}\n\n{standfirst}.\n\n{BODY_1} Again.")
    result = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    summary, copy, third = [p for p in result if p.text.startswith(standfirst)]
    assert copy.kept and third.removed_because == f"repeats line {copy.line}"


def test_shape_features_are_computed_in_one_pass_over_long_pages():
    from generator.boilerplate_shape import paragraph_features
    from generator.structure import SourceParagraph
    paragraphs = [SourceParagraph("s", n, BODY_1 if n % 3 else "Short Title Case Link Line Here")
                  for n in range(1, 3000)]
    features = paragraph_features(paragraphs, [n % 3 != 0 for n in range(1, 3000)])
    assert len(features) == len(paragraphs) and all(f is not None for f in features)


def test_the_text_key_is_computed_once_per_paragraph(config, monkeypatch):
    import generator.clean as clean
    calls = []
    monkeypatch.setattr(clean, "text_key", lambda text: calls.append(text) or text.casefold())
    text = f"World\n\nHarbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\nHarbour talks end early"
    clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    paragraphs = [t for t in text.split("\n") if t]
    assert sorted(calls) == sorted(paragraphs + [""]), calls  # and the (empty) title's once


def test_the_shape_model_setting_moves_its_cut_off_or_turns_it_off(config):
    from dataclasses import replace
    from generator.boilerplate_shape import SHAPE_REASON
    text = (f"Harbour talks end early\n\n{BODY_1}\n\nFollow the ferry news\nShare with friends\n\n"
            f"{BODY_2}\n\nThe ferry sailed on time, officials said.\n\n{BODY_1} Again.\n\n"
            "Jane Roe writes about ports and shipping for the paper and its weekly newsletter")

    def by_shape(setting):
        reasons = cleaned(text, replace(config, shape_model=setting))
        return {t for t, why in reasons.items() if (why or "").startswith(SHAPE_REASON)}

    assert by_shape(False) == by_shape(1.0) == set()
    assert by_shape(0.9) <= by_shape(0.5) <= by_shape(0.0) and by_shape(0.0)


# Phrase rules (teasers, live-blog housekeeping) take a short paragraph that is mostly the
# phrase, never a post that carries news as well.
@pytest.mark.parametrize("text, reason", [
    ("Stay with us.", "live-blog housekeeping"),
    ("Stay tuned for more updates through the day.", "live-blog housekeeping"),
    ("We'll bring you more as we get it. Stay with us.", "live-blog housekeeping"),
    ("Read more: Ferry fares to rise in spring", "teaser line"),
    ("Here is a quick recap of what we know so far.", "live-blog housekeeping"),
    ("JO ROE: Coming up after the break, the weather.", "live-blog housekeeping"),
    ("MORENO: Thank you, Ben. Stay safe.", "broadcast sign-off"),
    ("MORENO: We'll be right back.", "broadcast sign-off"),
    ("We will be back with a better offer, the union said.", None),
    ("That's all from us today. You can read our full report on the vote here.",
     "live-blog housekeeping"),
    ("That's all the board would say about the offer on Thursday, a spokesman added.", None),
    ("NOT FOR RELEASE, PUBLICATION OR DISTRIBUTION, IN WHOLE OR IN PART, IN, INTO OR FROM ANY "
     "JURISDICTION WHERE TO DO SO WOULD CONSTITUTE A VIOLATION.", "press release legend"),
    ("This announcement contains inside information.", "press release legend"),
    ("The governor ended her briefing with a message to linemen: thank you. Stay safe.", None),
    ("Coming up next week, the ministers meet in the port city to sign the deal.", None),
    ("Here is a recap of the terms: the levy falls to 10% and the quota doubles in spring.",
     None),
    ("Good morning and welcome to our live coverage of the first meeting of the two leaders "
     "in six years.", None),  # a greeting that carries news
    ("The two leaders are due to meet today in the port city, officials said. Stay with us.", None),
    ("Stay tuned, the harbour master said, because the board has not yet voted on the new fees "
     "and the ferry operators have asked for a delay of at least six months.", None),
])
def test_a_housekeeping_phrase_removes_only_a_paragraph_that_is_mostly_it(config, text, reason):
    from generator.clean import boilerplate_reason
    assert boilerplate_reason(text, config) == reason


def test_a_copyright_line_in_a_script_without_capitals_is_a_notice(config):
    from generator.clean import boilerplate_reason
    assert boilerplate_reason("Copyright ⓒ 예시일보. 무단전재 및 재배포 금지", config) == \
        "syndication notice"


# Notes a page adds to the article, written as sentences: none of them is news.
@pytest.mark.parametrize("text, reason", [
    ("The views expressed are the author's own and do not represent those of the institute.",
     "disclaimer"),
    ("The views expressed in this article are those of the author.", "disclaimer"),
    ("The views expressed by the minister were echoed in Tokyo on Friday.", None),
    ("This article was amended on 31 October 2025. An earlier version misstated a date.",
     "correction note"),
    ("Correction: An earlier version of this article gave the wrong tonnage.", "correction note"),
    ("This story has been corrected to show the commitment is 25 million tons a year.",
     "correction note"),
    ("This story has been a headache for the ministry, officials said.", None),
    ("Comments are closed for this article.", "comments notice"),
    ("Comments will be moderated. Keep comments relevant to the article.", "comments notice"),
    ("Comments from the minister were not available on Friday.", None),
    ("You are receiving this email because you subscribed to the Morning Memo.",
     "newsletter prompt"),
    ("Was this forwarded to you? Subscribe here.", "newsletter prompt"),
    ("You are receiving this award because of your work on the harbour, the mayor said.", None),
])
def test_a_pages_notes_on_the_article_are_not_its_text(config, text, reason):
    from generator.clean import boilerplate_reason
    assert boilerplate_reason(text, config) == reason


@pytest.mark.parametrize("text, reason", [
    ("Copy link", "lone label"), ("SPONSORED", "lone label"), ("Learn more", "lone label"),
    ("Transcript:", "lone label"), ("Continue reading below", "lone label"),
    ("Subscribe to the ferry bulletin, the mayor urged residents.", None),
    ("Transcript of the minister's remarks", None),
])
def test_a_pages_buttons_alone_on_their_line_are_labels(config, text, reason):
    from generator.clean import boilerplate_reason
    assert boilerplate_reason(text, config) == reason


@pytest.mark.parametrize("text, reason", [
    ("Also Read: Ferry fares to rise in spring as fuel costs bite", "teaser line"),
    ("More in Markets: Yen slides to an eight-month low", "teaser line"),
    ("More in the harbour: officials said the ferries would run late.", None),
    ("News | Business | Europe | World | Comment | Culture", "menu or link list"),
    ("2019 | 25% | $250bn | 2020 | 7.5%", None),
    ("Topics: China · US foreign policy · Trade policy", "topic tag"),
    ("Share on Facebook Share on X Share via Email", "share buttons"),
    ("We and our 842 partners use cookies to store information on your device.",
     "cookie notice"),
    ("Sign in to read more", "subscription offer"),
    ("Keep reading with a 7-day free trial", "subscription offer"),
    ("Sign in to the ferry portal, the council told residents, before the fares change.", None),
    ("Join the Courier's WhatsApp channel and get the latest news.", "social media prompt"),
    ("Join the ferry workers on the picket line, the union urged its members.", None),
    ("Share X LinkedIn Copy link", "share buttons"),
    ("Related article Asian stocks swing as investors weigh the truce", "teaser line"),
    ("This material may not be published, broadcast, rewritten or redistributed.",
     "rights notice"),
    ("The documents may not be published until 2030, the archive said.", None),
    ("This Q&A has been edited for length and clarity.", "editing note"),
    ("---------- Forwarded message ---------", "e-mail header"),
    ("From: Harbour Council <news@example.org>", "e-mail header"),
    ("Subject: The harbour fees", "e-mail header line"),
    ("From: the harbour master's office, a warning that the ferries will not sail on Friday "
     "because the storm is expected to reach the coast by noon and stay until the weekend.", None),
    ("View this email in your browser", "newsletter prompt"),
    ("Now playing", "lone label"),
    ("Hannah Roe in Brussels and Mark Doe in Seoul", "byline"),
    ("Jo Lam and Ken Ng in Busan, and Mark Ellis in Washington", "byline"),
    ("Talks in Busan and Seoul", None),
    ("Xi and Trump leave after their meeting. 習近平與特朗普會晤後離場。Photo: AFP",
     "picture or caption note"),
    ("Market data provided by third parties. Quotes delayed at least 15 minutes.",
     "market data notice"),
    ("This transcript was generated automatically and may contain errors.", "transcript note"),
    ("The transcript was released by the ministry on Friday and shows the talks ran late.",
     None),
    ("Produced by Jess Roe. Theme music by The Low Tides.", "programme credits"),
    ("Chart 1: Harbour tariffs on imports, trade-weighted average (%)",
     "chart title or source"),
    ("Source: Bloomberg, Harbour Customs, Port Research", "chart title or source"),
    ("Source: a person familiar with the talks said the board had agreed.", None),
    ("Disclaimer: Views expressed are the author's own.", "disclaimer"),
    ("Thanks for reading the Harbour Memo! Subscribe for free.", "newsletter prompt"),
    ("Enjoying the Morning Dispatch? Forward it to a friend.", "newsletter prompt"),
    ("Questions? Contact our policy team at policy@example.org.", "newsletter prompt"),
    ("Questions remain about the ferry schedule, officials said.", None),
    ("Advertisement · Scroll to continue", "advertisement marker"),
])
def test_a_pages_prompts_and_link_lines_are_not_its_text(config, text, reason):
    from generator.clean import boilerplate_reason
    assert boilerplate_reason(text, config) == reason


def test_a_box_of_key_facts_right_after_the_article_is_part_of_it(config):
    facts = ["47%: Average tariff on the port's imports after the cut, down from 57%",
             "10%: New level of the harbour levy, from 20%",
             "2019: Year of the last meeting of the two ferry boards"]
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\nKey facts\n"
            + "\n".join(facts) + "\n\nFerry fares to rise in spring\n\nCouncil backs bridge")
    from dataclasses import replace
    reasons = cleaned(text, replace(config, shape_model=False))  # the rules by position alone
    assert all(reasons[fact] is None for fact in facts), reasons
    assert reasons["Ferry fares to rise in spring"] == "page furniture after the article"


# A reviewer's pastes: sentences of news that open like a page's notice or prompt stay.
@pytest.mark.parametrize("text", [
    "Hosted by South Korea, the Asia-Pacific Economic Cooperation summit has drawn leaders "
    "from 21 economies.",
    "Produced by Rick Rubin at his studio, the album was recorded in three weeks.",
    "Data on retail sales, delayed by the 43-day government shutdown, showed a rise.",
    "Prices had been depressed for months as shipments to China were delayed.",
    "Economists cautioned that the preliminary figures may contain errors.",
    "The transcript was produced from the raw tape, the network said.",
    "The interview was edited to remove part of the answer, the lawsuit says.",
    "Register to access the full docket, the department's website says.",
    "Create an account to comment on future rules, the agency urges on its site.",
    "Comments are now closed on the proposal, which would require licences.",
    "Comments will be moderated by a team of 12 staff when they return, the paper said.",
    "Follow the president's movements on X and you will see the pattern.",
    "Join the 40,000 followers of one Telegram channel and you will see the rumours.",
    "Join us on Telegram for the real story, the channel's pinned post said.",
    "The material may not be published before a verdict, the judge wrote.",
    "No reproduction of the exhibits will be allowed in the courtroom, she added.",
    "Disclaimer: This is not financial advice, the presenters say, before every episode.",
    "This article was amended in 1987, after mass protests forced a new constitution.",
    "Questions? Call the Farm Service Agency hotline, which is open until six.",
    "Topics: The two leaders discussed fentanyl, soybeans, rare earths and chips.",
    "Exhibit 12: an email between executives was read aloud in court last week.",
    "More from Bessent: “We have a very substantial framework for the leaders”",
    "More on the soybean deal: China will buy 25 million tonnes a year from 2026",
    "More.", "Listen.",
])
def test_news_that_opens_like_a_notice_is_not_one(config, text):
    from generator.clean import boilerplate_reason
    assert boilerplate_reason(text, config) is None, text


def test_a_note_that_closes_the_article_keeps_the_articles_own_lines_above_it(config):
    timeline = ["How the dispute unfolded", "April: duties reach triple digits",
                "May: a truce in Geneva", "October: the meeting in Busan"]
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\n" + "\n".join(timeline)
            + "\n\nThis article was amended on 31 October 2025 to correct a date.")
    reasons = cleaned(text, config)
    assert all(reasons[line] is None for line in timeline), reasons
    assert reasons["This article was amended on 31 October 2025 to correct a date."] == \
        "correction note"


def test_quoted_email_headers_and_a_tables_header_inside_the_article_stay(config):
    text = (f"Harbour talks end early\n\n{BODY_1}\n\nThe e-mail read:\n\n"
            "To: Kevin Roe\nSubject: Soybean exports - urgent\n\n"
            f"{BODY_2}\n\nPlayer | Country | Total | Today | Thru\n"
            f"Kim Roe | South Korea | -15 | -6 | F\n\n{BODY_1} Again.\n\n{BODY_2} Again.")
    reasons = cleaned(text, config)
    assert reasons["To: Kevin Roe"] is None and reasons["Subject: Soybean exports - urgent"] is None
    assert reasons["Player | Country | Total | Today | Thru"] is None


def test_a_forwarded_emails_headers_go_even_under_the_forwarders_note(config):
    note = ("Hi all, forwarding the council's summary from this morning, the short version "
            "is that the harbour fees will rise in the spring.")
    text = (f"{note}\n\n---------- Forwarded message ---------\nFrom: Harbour Council "
            "<news@example.org>\nDate: Thu, Oct 30, 2025 at 9:04 AM\nSubject: The fees\n\n"
            f"{BODY_1}\n\n{BODY_2}")
    reasons = cleaned(text, config)
    assert reasons["Date: Thu, Oct 30, 2025 at 9:04 AM"] == "e-mail header line"
    assert reasons["From: Harbour Council <news@example.org>"] == "e-mail header"


@pytest.mark.parametrize("ending", [
    "Donald Roe is suing the Journal and two of its reporters over the letter story as well.",
    "Jensen Roe is scheduled to travel to Beijing next month, a spokesman told reporters.",
    "Bob Woodward is an associate editor at the Post, where he has worked since 1971.",
])
def test_a_last_paragraph_about_someone_in_the_story_is_not_a_note_on_the_writer(config, ending):
    story = "Bob Woodward said the book drew on interviews with more than 200 people."
    text = f"Harbour talks end early\n\n{BODY_1}\n\n{story}\n\n{BODY_2}\n\n{ending}"
    assert cleaned(text, config)[ending] is None


def test_the_storys_own_ranking_under_a_byline_shaped_label_stays(config):
    ranking = ["1. Harbour Lights season 3, with 60.1 million views",
               "2. The Ferry Captain, with 41.5 million views"]
    body = ("Harbour Lights and The Ferry Captain drew the most views of the season, the "
            "streaming service said on Tuesday, with 60.1 million and 41.5 million views.")
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n{body}\n\nMost Watched\n\n"
            + "\n\n".join(ranking) + f"\n\n{BODY_2}\n\n{BODY_1} Again.")
    reasons = cleaned(text, config)
    assert all(reasons[line] is None for line in ranking), reasons


def test_a_second_reviews_cases(config):
    """A table's last row stays and a menu stacked on two lines goes; a button's word over a
    caption and its part stays, beside other buttons it goes; "Advertisement." is still a
    label; an appointment is news; "Part 1:" is no key fact; a byline is no subheading."""
    from dataclasses import replace as with_
    rows = ["Player | Country | Club | Position | Status",
            "Kim Roe | South Korea | Harbour FC | Forward | Fit",
            "Jo Doe | Japan | Port United | Keeper | Doubtful"]
    menu = ["About | Contact | Careers | Advertise | Privacy",
            "Terms | Cookies | Help | Sitemap | Accessibility"]
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n" + "\n".join(rows) + f"\n\n{BODY_2}\n\n"
            + "\n".join(menu) + f"\n\n{BODY_1} Again.\n\nPlay\n\nThe ferry at dawn. Photo: "
            f"Jane Roe\n\n{BODY_2} Again.\n\nShare\nSave\nPrint\n\n{BODY_1} Once more.\n\n"
            "Advertisement.\n\nChoi Roe is the new Seoul correspondent.")
    reasons = cleaned(text, with_(config, shape_model=False))
    assert all(reasons[row] is None for row in rows), reasons
    assert all(reasons[line] is not None for line in menu)
    assert reasons["Play"] is None  # a subheading over a picture and its part
    assert reasons["Save"] is not None and reasons["Print"] is not None  # a toolbar
    assert reasons["Advertisement."] == "lone label"
    assert reasons["Choi Roe is the new Seoul correspondent."] is None
    from generator.clean import _is_fact_line
    assert _is_fact_line("10%: New level of the fentanyl-linked tariff, from 20%")
    assert not _is_fact_line("Part 1: How the port built its lead over its rivals")
    byline = "By Jane Roe and John Doe"
    text = (f"Harbour talks end early\n\n{BODY_1}\n\nListen\nSave\n\n{byline}\n\n{BODY_2}"
            f"\n\n{BODY_1} Again.")
    assert cleaned(text, config)[byline] is not None


def test_a_closing_note_does_not_keep_the_lists_and_buttons_above_it(config):
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\nShare on X Share on Facebook"
            "\n\nFerry fares to rise in spring\n\n"
            "This article was amended on 31 October 2025 to correct a date.")
    reasons = cleaned(text, config)
    assert reasons["Ferry fares to rise in spring"] == "page furniture after the article"


def test_two_people_in_two_places_as_a_headline_is_no_byline(config):
    from generator.clean import boilerplate_reason
    assert boilerplate_reason("Donald Roe in Tokyo, Xi Doe in Busan", config) != "byline"


def test_a_post_ending_with_housekeeping_keeps_its_news(config):
    post = ("Both delegations are due to meet today at the harbour hotel, a spokesman said, and "
            "a joint statement may follow. Stay with us.")
    reasons = cleaned(f"Harbour talks\n\n{BODY_1}\n\n{post}\n\nStay with us.\n\n{BODY_2}", config)
    assert reasons[post] is None and reasons["Stay with us."] == "live-blog housekeeping"


# Template fragments (issue 13): short lines that recur across many sources, whatever their length.
def sources_with(lines_by_source):
    from generator.structure import SourceParagraph
    return [(SourceMeta(f"s{n}", f"s{n}.txt", "T", "O", None),
             tuple(SourceParagraph(f"s{n}", i, t) for i, t in enumerate(texts, start=1)))
            for n, texts in enumerate(lines_by_source)]


def removed(cleaned_sources):
    return {(p.source_id, p.text): p.removed_because
            for paragraphs in cleaned_sources for p in paragraphs if not p.kept}


def test_a_short_line_in_many_sources_is_template_everywhere():
    body = "Source {} reports on the harbour talks in its own words, number {}."
    pages = [["HOST: Last question.", body.format(n, n), "Up Next:", "(SOUND OF GULLS)"]
             for n in range(4)]
    pages[0].append("Ferries resume.")
    pages[1].append("Ferries resume.")  # in two sources only: kept
    out = removed(remove_cross_source_repeats(sources_with(pages)))
    for n in range(4):
        for line in ("HOST: Last question.", "Up Next:", "(SOUND OF GULLS)"):
            assert out[(f"s{n}", line)] == "recurs in 4 sources: template"
    assert not any(text == "Ferries resume." or "reports on" in text for _, text in out)


def test_template_needs_more_than_a_small_share_of_many_sources():
    pages = [[f"Report number {n} on the harbour talks, in its own words."] for n in range(300)]
    for n in range(4):
        pages[n].append("Weather next.")  # 4 of 300 sources: a coincidence
    for n in range(0, 300, 10):
        pages[n].append("Up Next:")  # 30 of 300
    out = removed(remove_cross_source_repeats(sources_with(pages)))
    assert {text for _, text in out} == {"Up Next:"}
    assert out[("s0", "Up Next:")] == "recurs in 30 sources: template"


def test_template_removal_does_not_depend_on_source_order():
    pages = [["Up Next:", f"Report {n} on the harbour talks, told in its own words."]
             for n in range(3)] + [["Up Next:", "A shared paragraph of syndicated wire copy here."],
                                   ["A shared paragraph of syndicated wire copy here."]]
    forward = removed(remove_cross_source_repeats(sources_with(pages)))
    backward = removed(remove_cross_source_repeats(sources_with(pages)[::-1]))
    templates = lambda out: {k: v for k, v in out.items() if "template" in v}  # noqa: E731
    assert templates(forward) == templates(backward) and len(templates(forward)) == 4


# Cleaning at speed (issue 13): every shortcut gives what the plain definition gives.
def test_the_ignore_case_twins_are_the_only_non_ascii_letters_an_ascii_letter_matches():
    import re
    from generator.clean import TWINS
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    assert {chr(c) for c in range(0x80, 0x110000) if ascii_letter.match(chr(c))} == set(TWINS)
    assert all(re.fullmatch(letter, twin, re.IGNORECASE) for twin, letter in TWINS.items())


def _rule(pattern, flags=None):
    import re
    from generator.config import BoilerplateRule
    return BoilerplateRule(pattern, re.compile(pattern, re.IGNORECASE if flags is None else flags))


# Patterns of every shape the sieve reads: anchored and not, alternatives, optional and required
# groups, classes, back-references, named groups, local flags, lookahead, an empty match, and
# letters that ignore-case matching pairs with non-ASCII ones (long s, Kelvin sign, dotted I),
# and non-ASCII letters it pairs with other ones (micro sign and mu, the three sigmas); rules
# filed by their first letter meet those letters and digits other than 0-9 first.
SIEVE_RULES = tuple(_rule(p) for p in (
    r"^(home|news)\s*/\s*\S", r"^[^/.!?]{1,20}( / [^/]{1,40}){2,}$", r"\bkeep (reading|watching)\b",
    r"^\(?(photo|image)s?\s*:", r"(©|\(c\)) ?\d{4}", r"^\d+\s*min(ute)?s?\s+read\b",
    r"^(?:(a)|b)(?(1)c|d)x", r"^(k)\1", r"(?P<w>sk)i", r"(?-i:AB)c", r"[^a]bc", r"x(?=yz)",
    r"(?:ab)?q*", "\u017ftop", "\u212aelvin", r"^[\[(](begin|end)[\])]$", r"^by [A-Z]\w+$",
    "\u0130st", r"^(a|b)+[xz]", "\u00b5m", "\u03c3x", r"^(stop|kelvin|ist)\b")) \
    + (_rule(r"Keep\b", 0), _rule(r"^Ab", 0))  # two rules that mind case
SIEVE_PIECES = ["home / ", "HOME/x", "a / b / c / d", "keep reading", "KEEP Watching", "(Photo: ",
                "IMAGES:", "(c) 2024", "© 1999", "5 min read", "12 MINUTES READ", "acx", "bdx",
                "kk", "KK", "SKI", "sK\u0130", "ABc", "abc", "xbc", "xyz", "\u017ftop", "STOP",
                "\u212aelvin", "KELVIN", "[begin]", "(END)", "by Jane", "BY jane", "\u0130st",
                "ist", "\u0131st", "Keep", "Ab", "abz", "\u017f\u212a\u0131", "\u03bcm",
                "\u0391\u03a3x", "\u03c2x", "\u0661\u0662 min read"]
sieve_text = pieces_text(SIEVE_PIECES, "aAbBkKsSiIxyz /:.()©1234\n’\u017f\u0131\u0130\u212a", 8)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sieve_text)
def test_the_rule_sieve_never_leaves_out_a_rule_that_matches(text):
    from generator.clean import rule_sieve
    candidates = rule_sieve(SIEVE_RULES).candidates(text)
    assert candidates == sorted(set(candidates))
    assert {i for i, rule in enumerate(SIEVE_RULES) if rule.regex.search(text)} <= set(candidates)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text)
def test_the_sieved_rules_give_the_reason_trying_every_rule_gives(config, text):
    from generator.clean import _mostly_the_phrase, rule_sieve
    for paragraph in [p for p in text.split("\n") if p.strip()]:
        every = next((r.reason for r in config.boilerplate if (m := r.regex.search(paragraph))
                      and _mostly_the_phrase(r, paragraph, m)), None)
        sieve = rule_sieve(config.boilerplate)
        sieved = next((sieve.rules[i].reason for i in sieve.candidates(paragraph)
                       if (m := sieve.rules[i].regex.search(paragraph))
                       and _mostly_the_phrase(sieve.rules[i], paragraph, m)), None)
        assert sieved == every


def test_a_paragraph_with_no_rule_words_is_tried_against_no_rule(config):
    from generator.clean import rule_sieve
    assert rule_sieve(config.boilerplate).candidates(BODY_1) == []


SPACES = "".join(chr(c) for c in range(0x110000) if chr(c).isspace()) + "\u200b\ufeff"


@settings(max_examples=300, deadline=None)
@given(st.text(SPACES + "\x00\x01\x0b\x7f ab’.", max_size=16))
def test_normalising_space_is_the_whitespace_pattern(text):
    from generator.clean import CONTROL, WHITESPACE
    assert normalise_space(text) == WHITESPACE.sub(" ", CONTROL.sub("", text)).strip()


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=24))
def test_the_text_key_of_ascii_text_is_its_definition(text):
    import unicodedata
    from generator.clean import WORD, text_key
    assert text_key(text) == " ".join(WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


@settings(max_examples=300, deadline=None)
@given(st.text("aZé1٣²ⓐ .!?…\"”’')]\n\t\u00a0", max_size=12))
def test_shape_shortcuts_are_their_definitions(text):
    from generator.boilerplate_shape import (SENTENCE_STOP, _digit_share, _in_capitals,
                                             ends_sentence, word_count)
    assert ends_sentence(text) == bool(SENTENCE_STOP.search(text))
    assert word_count(text) == len(text.split())
    letters = [c for c in text if c.isalpha()]
    assert _in_capitals(text) == (bool(letters) and all(c.isupper() for c in letters)
                                  and len(letters) > 3)
    if text:
        assert _digit_share(text) == sum(c.isdigit() for c in text) / len(text)


SHAPE_PAGE = (f"Harbour talks end early\n\nThe two delegations agreed to meet again within a month"
              f"\n\nJane Roe\n\n{BODY_1}\n\nPorts And Shipping Lanes Reopen\n{BODY_2}\n\n"
              f"{BODY_1} Again.\n\nFollow the ferry news\nShare with friends\n\n"
              "Ferry Timetable Changes Confuse Island Commuters")


def test_shape_features_are_left_out_only_where_the_model_never_scores(config):
    from dataclasses import replace
    from generator.boilerplate_shape import body_is_article_core, paragraph_features
    from generator.clean import shape_inputs
    meta = SourceMeta("s", "s.txt", "", "O", None)
    paragraphs = list(clean_paragraphs(meta, lines(SHAPE_PAGE), replace(config, shape_model=False)))
    body, guard = shape_inputs(paragraphs, config)
    full, scored = paragraph_features(paragraphs, body), paragraph_features(paragraphs, body, guard)
    assert scored == [None if f is None or g or body_is_article_core(f) else f
                      for f, g in zip(full, guard)]
    assert any(scored) and any(f and not s for f, s in zip(full, scored))


def test_prose_and_word_shares_are_computed_once_per_paragraph(config, monkeypatch):
    import generator.boilerplate_shape as shape
    import generator.clean as clean
    prose, shares = [], []
    is_prose, word_shape = clean.is_prose, shape.word_shape
    monkeypatch.setattr(clean, "is_prose", lambda text: prose.append(text) or is_prose(text))
    monkeypatch.setattr(shape, "word_shape",
                        lambda words: shares.append(" ".join(words)) or word_shape(words))
    meta = SourceMeta("s", "s.txt", "", "O", None)
    paragraphs = clean_paragraphs(meta, lines(SHAPE_PAGE), config)
    assert sorted(prose) == sorted(p.text for p in paragraphs)
    assert shares and len(shares) == len(set(shares))


BODY = ("The two delegations met for most of the morning and agreed to keep talking about "
        "tariffs, export controls and farm purchases in the months ahead, officials said.")


def test_a_gallery_s_caption_sits_between_its_counter_and_its_credit(config):
    text = (f"Harbour talks in pictures\n\n{BODY}\n\nPicture 1 of 3\n\n"
            "Delegates shake hands on the quay before the talks begin in the morning.\n\n"
            "Jane Roe / Harbour Pictures via Wire\n\n"
            "Both sides said the next round would be held in the spring, without giving a "
            "date.\n\n" + BODY.replace("morning", "afternoon"))
    result = cleaned(text, config)
    assert "caption" in result["Delegates shake hands on the quay before the talks begin in "
                               "the morning."]
    assert "picture credit" in result["Jane Roe / Harbour Pictures via Wire"]
    assert result["Both sides said the next round would be held in the spring, without giving "
                  "a date."] is None  # after a credit, not between a counter and a credit


def test_only_a_gallery_counter_opens_a_caption_before_a_credit(config):
    text = (f"Harbour talks end early\n\nBy Jane Roe, The Harbour Wire\n\n{BODY}\n\n"
            f"Photograph: Jane Roe/Harbour Pictures\n\n{BODY[:-1]} again.")
    assert cleaned(text, config)[BODY] is None  # the lead, after a byline, before a credit


@pytest.mark.parametrize("line, reason", [
    ("(SOUNDBITE OF ARCHIVED RECORDING)", "broadcast marker"),
    ("[END VIDEO CLIP]", "broadcast marker"),
    ("[Editor's note: an earlier version misspelt the minister's name.]", "bracketed note"),
    ("MARY JONES, HOST:", "transcript speaker label"),
    ("JOHN LEE, BYLINE: Good morning.", "broadcast greeting"),
    ("JONES: The Harbour Network's John Lee. Thanks, John.", "broadcast sign-off"),
    ("This article was translated from Korean by our foreign desk.", "translation note"),
    ("Copyright Harbour Daily. Reproduction prohibited.", "syndication notice"),
    ("Listen to this article", "audio player text"),
    ("Continued from A1", "jump line"),
    ("Please see TRADE, Page A8", "jump line"),
    ("Get our trade analysis delivered to your inbox every Friday.", "newsletter prompt"),
    ("This site uses cookies to improve your experience. You can opt out of these cookies "
     "in your browser settings.", "cookie notice"),
    ("※This article was translated by machine translation. Names may be misspelt.",
     "translation note"),
    ("1.2K Reposts 4.8K Likes", "social post furniture"),
    ("Reporting from Busan, South Korea, and Washington", "byline"),
    ("Reporter: Kenta Mori (Busan), Ayaka Hirose (Beijing)", "byline"),
    ("This story also ran in print on Oct. 31, 2025, page A1, under the headline: Truce Holds.",
     "print edition note"),
    ("Story continues below advertisement", "advertisement marker"),
    ("Subscribe to continue reading", "subscription offer"),
    ("Already a subscriber? Log in", "subscription offer"),
    ("Or sign in with Google", "subscription offer"),
    ("Then $39.99/month. Cancel anytime.", "subscription offer"),
    ("$4/week for 52 weeks", "subscription offer"),
    ("We'll only use your email to send you this newsletter. See our privacy policy.",
     "newsletter prompt"),
    ("[Related article] Harbour leaders meet again in April", "teaser line"),
    ("This photo provided by the harbour office shows the two leaders at the pier.",
     "picture or caption note"),
    ("This file photo, taken Oct. 29, 2025, shows the two leaders posing for a photo.",
     "picture or caption note"),
    ("[Photo] The two leaders before their talks at the pier.", "picture or caption note"),
    ("The two leaders shake hands before their talks in the port city. PHOTO: AFP",
     "picture or caption note"),
    ("An honour guard at the pier before the talks on Thursday. Photograph: Jane Roe/Pool",
     "picture or caption note"),
    ("The two leaders at the pier before their talks on Thursday.Credit...Jane Roe for The Wire",
     "picture or caption note"),
])
def test_transcript_and_page_notes_are_removed_by_their_shape(config, line, reason):
    result = cleaned(f"Harbour talks end early\n\n{BODY}\n\n{line}\n\n{BODY[:-1]} again.", config)
    assert result[line] == reason


@pytest.mark.parametrize("line", [
    "(The talks, officials said later, had run two hours over time.)",
    "SECRETARY LEE: We have a deal on ports, and the fees are gone for a year.",
    "Good morning for farmers, said one trader, as soybean prices rose on the news.",
    "The statement was translated from Korean by the ministry and circulated on Friday.",
    "Thanks to the truce, port fees on both sides are suspended for a year.",
    "Bakers in the port city sold cookies shaped like soybeans to mark the talks.",
    "Regulators fined the app because users found it harder to reject all cookies than to "
    "accept them.",
    "Copyright theft and forced technology transfer were not on the agenda, officials said.",
    "Xi arrived in the port city on Wednesday. Farmers lined the road and said thanks.",
    "Reporting from the border, our correspondent found queues of trucks at every crossing.",
    "Subscribers to the service can cancel anytime, the company said in a statement on Friday.",
    "Prices rose to $4 a week for the cheapest plan, up from $3, the regulator said.",
    "This photo shows how little has changed, said Jane Roe, who took it on the same pier.",
    "The photo shows the two leaders smiling, which officials said was a good sign.",
    "He sent the ministry one picture: his son in uniform at the pier.",
    "8 comments",  # a count of comments opens the page's tail, see tail_labels
    # found by a review: sentences that open like a paywall's buttons or prices
    "Already a member of the European Union, Sweden joined the alliance after the war began.",
    "Sign in with Apple lets users hide their real email addresses from apps and websites.",
    "$25 a month for the basic plan",
    "Some companies use your email to send you newsletters you never signed up for.",
    # a picture described in a fact-check, not a wire's caption
    "This image from a satellite company, taken on Oct. 3, shows at least four new buildings.",
    "This photo, shared 10,000 times since Thursday, shows the two leaders at the pier.",
    # a subheading, a quotation, a note on the paper's own conduct, a transcript's turn
    "Reporting from Gaza Has Never Been More Dangerous",
    '"This article was translated into English within an hour," Smith added.',
    "This story ran in print on Sunday without the disclaimer the paper requires, the editor "
    "said.",
    "REPORTER: Mr. President, Mr. President",
    # "credit" and a lower-case word after "Photograph:" are text, not a credit
    "Smaller lenders have been hit hardest. Credit / debit card spending also slowed",
    "The motorcade has left the pier, according to a pool report. Photograph: none available "
    "yet",
])
def test_content_in_those_shapes_is_kept(config, line):
    result = cleaned(f"Harbour talks end early\n\n{BODY}\n\n{line}\n\n{BODY[:-1]} again.", config)
    assert result[line] is None


def test_a_byline_with_the_writers_roles_or_outlet_is_a_byline(config):
    for byline in ("By Jane Roe, Senior Trade Correspondent, and John Doe, Asia Markets Editor",
                   "By Jane Roe | Harbour Media for Example.com", "By: Jane Roe, Economics Editor"):
        text = f"Harbour talks end early\n\n{byline}\n\n{BODY_1}\n\n{BODY_2}"
        assert cleaned(text, config)[byline] == "byline", byline
    for sentence in ("By Tuesday, both delegations had left the port city.",
                     "By the numbers, the port handled more ships than last year",
                     "By Tuesday, officials in the port were saying the deal was “done.”",
                     "By Tuesday, the currency had firmed (to 7.10 per dollar)",
                     "By Friday, the envoy was telling reporters at the harbour:"):
        text = f"Harbour talks end early\n\n{BODY_1}\n\n{sentence}\n\n{BODY_2}"
        assert cleaned(text, config)[sentence] is None, sentence


def test_notes_on_the_bylined_writer_at_the_end_are_removed(config):
    bio = "Jane Roe is the Courier's trade correspondent, based in Washington."
    contact = "John Doe can be reached at jdoe@example.com or 555-0142."
    credit = "Sam Poe contributed reporting from Seoul."
    text = (f"Harbour talks end early\n\nBy Jane Roe and John Doe\n\n{BODY_1}\n\n{BODY_2}\n\n"
            f"{bio}\n\n{contact}\n\n{credit}")
    reasons = cleaned(text, config)
    assert all("author's note" in (reasons[t] or "") for t in (bio, contact, credit)), reasons
    assert reasons[BODY_1] is None and reasons[BODY_2] is None


def test_a_bylined_writer_named_inside_the_story_stays(config):
    """Only the run at the end is read, and only what reads as a note on the writer: the story
    may be about its writer or its outlet."""
    named = "Jane Roe is the first reporter to enter the port since the strike began."
    text = f"Harbour talks end early\n\nBy Jane Roe\n\n{BODY_1}\n\n{named}\n\n{BODY_2}"
    assert cleaned(text, config)[named] is None
    for ending in ("John Doe is expected to return to the capital next week.",
                   "John Doe was held without charge for two days.",
                   "Harbour Media has reported that more cargoes are likely."):
        text = (f"Harbour talks end early\n\nBy Jane Roe and John Doe, Harbour Media\n\n"
                f"{BODY_1}\n\n{BODY_2}\n\n{ending}")
        assert cleaned(text, config)[ending] is None, ending


def test_a_note_on_a_writer_with_a_newsroom_job_at_the_end_goes_without_a_byline(config):
    """No byline names them, but the page's last paragraphs give a name and a newsroom job;
    a headline of another story under them does not stop the reading from the end."""
    bios = ["Priya Raman is the Courier's senior trade correspondent, based in Washington.",
            "Tom Wells is Asia Markets Editor, based in Hong Kong."]
    endings = ["Jane Roe is the mayor of the port city and will chair the board.",
               "John Doe is a reporter who was held at the port for two days."]
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\n{bios[0]}\n\n{bios[1]}\n\n"
            "Most read\n\nWhy the price of ferry tickets is going up again this winter")
    reasons = cleaned(text, config)
    assert all("author's note" in (reasons[bio] or "") for bio in bios), reasons
    for ending in endings:  # no newsroom job, or not a note on the writer
        reasons = cleaned(f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\n{ending}", config)
        assert reasons[ending] is None, ending


def test_deals_that_can_be_reached_are_news_not_contact_lines(config):
    for sentence in ("Negotiators hoped a final agreement can be reached at next month's talks.",
                     "Both sides believe a deal may be reached on the sidelines of the summit.",
                     "Weak sales contributed to this report's gloomy forecast for the port."):
        text = f"Harbour talks end early\n\n{BODY_1}\n\n{sentence}\n\n{BODY_2}"
        assert cleaned(text, config)[sentence] is None, sentence


def test_a_label_over_other_stories_takes_the_headlines_under_it(config):
    text = (f"Harbour talks end early\n\n{BODY_1}\n\nYou may also like...\n\n"
            "Ferry workers vote to strike over the new rota\n\nCouncil backs the bridge plan\n\n"
            f"{BODY_2}\n\nMost read in Business\n\nWhy rents rose again\n\n"
            f"The board decided three things:\n\n{BODY_1} Again.")
    reasons = cleaned(text, config)
    assert reasons["You may also like..."] == reasons["Most read in Business"] == \
        "label over a list of other stories"
    assert reasons["Ferry workers vote to strike over the new rota"] == \
        reasons["Council backs the bridge plan"] == reasons["Why rents rose again"] == \
        "headlines of other stories (no text under them)"
    assert reasons[BODY_2] is None
    assert reasons["The board decided three things:"] is None  # text ends the list


def test_a_list_label_removed_for_its_shape_still_announces_the_headlines_under_it(config):
    """"Most Popular" and "Related Stories" look like a byline (two capitalised words) and
    "READ MORE" is a lone label; each still opens a list of other stories."""
    text = (f"Harbour talks end early\n\n{BODY_1}\n\nMost Popular\n\n"
            "1. Typhoon to bring heavy rain through weekend\n\n2. Night market reopens\n\n"
            f"{BODY_2}\n\nREAD MORE\n\n"
            "Ferry workers vote to strike over the new rota\n\nCouncil backs the bridge plan\n\n"
            f"{BODY_1} Again.\n\nRelated Stories\n\n"
            f"Oct 29, 2025 Lawmakers urge clarity on the harbour plan\n\n{BODY_2} Again.")
    reasons = cleaned(text, config)
    for headline in ("Ferry workers vote to strike over the new rota",
                     "Council backs the bridge plan",
                     "1. Typhoon to bring heavy rain through weekend", "2. Night market reopens",
                     "Oct 29, 2025 Lawmakers urge clarity on the harbour plan"):
        assert reasons[headline] == "headlines of other stories (no text under them)", headline
    assert reasons[BODY_2] is None and reasons[f"{BODY_1} Again."] is None


def test_an_embedded_posts_attribution_is_kept_even_twice_and_after_the_article(config):
    post = "— Harbour Ferries (@harbourferries) May 2, 2025"
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\nThe ferries will keep running\n\n"
            f"{post}\n\nThe last boats leave at ten tonight\n\n{post}\n\nShare\n\nPrint")
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    attributions = [p for p in paragraphs if p.text == post]
    assert len(attributions) == 2 and all(p.kept for p in attributions)


def test_a_list_label_over_text_or_over_the_articles_own_list_stays(config):
    text = (f"Harbour talks end early\n\n{BODY_1}\n\nMore from the minister\n\n{BODY_2}\n\n"
            "More from the harbour board:\n\nFares frozen until the spring\n"
            f"Night ferries to run again\nNew berths for cargo ships\n\n{BODY_1} Again.")
    reasons = cleaned(text, config)
    assert reasons["More from the minister"] is None  # a subheading over text
    assert reasons["More from the harbour board:"] is None
    assert reasons["Fares frozen until the spring"] is None  # the article's own list


def test_a_whole_embedded_post_repeated_is_a_repeat_with_its_attribution(config):
    post, by = "Thanks to every passenger for the patience shown", \
        "— Harbour Ferries (@harbourferries) May 2, 2025"
    text = f"Harbour talks end early\n\n{BODY_1}\n\n{post}\n\n{by}\n\n{BODY_2}\n\n{post}\n\n{by}"
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), lines(text), config)
    assert [p.kept for p in paragraphs if p.text == by] == [True, False]


BIO = "Jane Roe covers trade for the paper and previously reported from Seoul for six years."


def test_under_a_tail_label_go_the_bios_letters_and_comments_written_as_sentences(config):
    letter = "The council should fix the ferry timetable before it fixes anything else."
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\n{BODY_1} Again.\n\n"
            f"About the author\n\n{BIO}\n\nLetters to the editor\n\n{letter}\n\n"
            "— Sam Poe, Eastport")
    reasons = cleaned(text, config)
    assert reasons[BODY_2] is None and reasons[f"{BODY_1} Again."] is None
    assert reasons["About the author"] == reasons[BIO] == reasons[letter] == \
        reasons["Letters to the editor"] == "the page's tail (under 'About the author')"


def test_a_tail_label_with_more_text_below_it_or_repeated_as_a_button_cuts_nothing(config):
    text = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\nComments\n\n{BODY_1} Again."
            f"\n\nComments\n\n{BIO}")
    reasons = cleaned(text, config)
    assert reasons[f"{BODY_1} Again."] is None  # the first "Comments" is a button: it recurs
    assert reasons[BIO] == "the page's tail (under 'Comments')"
    heading = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\nTopics\n\n{BODY_1} One."
               f"\n\n{BODY_2} Two.\n\n{BODY_1} Three.")
    reasons = cleaned(heading, config)
    assert reasons[f"{BODY_1} Three."] is None  # more body below than above: it heads the text


def test_a_tail_label_the_article_goes_on_under_is_a_subheading_or_a_button(config):
    """A label over a body paragraph that is no note on a writer, a comment count repeated in
    other words further down, a live blog's post titled like a label: nothing is cut."""
    below = f"{BODY_2} Still more."
    subheading = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\n{BODY_1} Again.\n\n"
                  f"Topics\n\n{below}")
    assert cleaned(subheading, config)[below] is None
    share_bar = (f"Harbour talks end early\n\n{BODY_1}\n\n{BODY_2}\n\n{BODY_1} Again.\n\n"
                 f"212 comments\n\nShare\n\n{below}\n\nComments (212)\n\n{BIO}")
    reasons = cleaned(share_bar, config)
    assert reasons[below] is None and reasons[BIO] == "the page's tail (under 'Comments (212)')"
    live = (f"Harbour talks end early\n\n12.10pm\n\n{BODY_1}\n\n11.50am\n\n{BODY_2}\n\n"
            f"11.30am\n\n{BODY_1} Again.\n\n11.20am\n\nReaders' comments\n\nJo writes in.\n\n"
            f"11.00am\n\n{below}")
    reasons = cleaned(live, config)
    assert reasons["11.00am"] == "date or time stamp" and reasons[below] is None


def test_reading_time_lines_and_collective_bylines_are_page_furniture(config):
    text = (f"Harbour talks end early\n\nOctober 30, 2025\n\nBy Harbour Institute experts\n\n"
            f"Reading time: 9 minutes\n\n{BODY_1}\n\nBy the numbers\n\n{BODY_2}")
    reasons = cleaned(text, config)
    assert reasons["By Harbour Institute experts"] == "byline"
    assert reasons["Reading time: 9 minutes"] == "read-time or updated stamp"
    assert reasons["By the numbers"] is None and reasons[BODY_1] is None


def test_a_headline_in_headline_case_with_its_stops_is_the_title(config):
    """A headline written as two sentences ("… in Busan. The Hard Part Comes Next.") is prose
    by its small words, but no article opens in headline case: it is the title, and the menu
    line above it is not."""
    headline = "Delegations Agree to Keep Talking About Tariffs. The Hard Part Comes Next."
    text = f"Skip to site index\n\n{headline}\n\nBy Jane Roe\n\n{BODY}\n\n{BODY[:-1]} again."
    reasons = cleaned(text, config)
    assert reasons[headline] == HEADLINE and reasons["Skip to site index"] != HEADLINE
    assert reasons[BODY] is None


def test_a_headline_case_line_ending_the_article_does_not_move_its_end(config):
    """Only the article's opening skips a line in headline case: a list after the last body
    paragraph, with another story's headline below it, stays in the article as before."""
    related = "Harbour Pilots Return to Work After Talks End in Port City."
    dates = ["June 9 – Harbour City @ Pier Arena", "June 10 – Port Town @ Dock Hall",
             "June 14 – Bay City @ Quay Theatre"]
    text = (f"Harbour talks end early\n\n{BODY}\n\n{BODY[:-1]} again.\n\nTour Dates\n\n"
            + "\n".join(dates) + f"\n\n{related}")
    reasons = cleaned(text, config)
    assert all(reasons[d] is None for d in dates)


def test_a_breadcrumb_of_two_names_is_never_the_headline(config):
    headline = "Harbour leaders agree to cut port fees at talks in the port city"
    text = (f"Asia > East Asia\n\nOctober 30, 2025\n\n{headline}\n\nBy Jane Roe\n\n{BODY}\n\n"
            f"{BODY[:-1]} again.")
    reasons = cleaned(text, config)
    assert reasons["Asia > East Asia"] != HEADLINE


def test_share_buttons_and_a_players_text_do_not_hide_a_standfirst(config):
    """Between the headline and the byline, lines the shape model removes later (share
    buttons, a player's clock and speed, a comment count) do not count as paragraphs of a
    summary. A page written blind for the tests (sections_blind/pages8/)."""
    path = Path(__file__).parent / "labelled/sections_blind/pages8/02_reader_mode_audio.txt"
    meta = SourceMeta("s", "s.txt", "", "O", None)
    reasons = {p.line: p.removed_because
               for p in clean_paragraphs(meta, lines(path.read_text(encoding="utf-8")), config)}
    assert (reasons[10], reasons[11]) == (HEADLINE, STANDFIRST)


def test_a_slogan_with_stops_is_no_headline_and_a_turn_in_capitals_no_title(config):
    """By place alone (the headline shares few words with the text), a line with a stop is a
    slogan, not the headline; a transcript's turn in capitals is not in headline case."""
    slogan = f"Real News. Real Stories. Real Impact.\n\nHarbour pilots win pay rise\n\n{BODY}\n\n" \
        f"{BODY[:-1]} again."
    reasons = cleaned(slogan, config)
    assert reasons["Real News. Real Stories. Real Impact."] != HEADLINE
    turn = ("JANE ROE, ANCHOR: AND WE BEGIN IN THE PORT CITY, WHERE THE TALKS HAVE JUST ENDED.")
    assert not is_headline_case(turn)
    assert is_headline_case("Harbour Leaders Call a Truce. The Hard Part Comes Next.")


def test_a_form_feed_or_vertical_tab_parts_words_as_a_space_does():
    """pdftotext ends a page with a form feed: the words on either side stay two words."""
    assert normalise_space("was signed\fon Thursday\vin Busan") == \
        "was signed on Thursday in Busan"
    assert normalise_space("bell\x07ringing") == "bellringing"  # other controls just go


def test_a_question_over_the_byline_is_the_headline_not_a_section_label(config):
    """An explainer's headline asks a question; the lone label over it ("Explainers") was
    taken for the title, and the question kept as the article's first paragraph (a new user's
    page)."""
    text = "\n".join((
        "Sky & Storm", "Explainers",
        "What is storm surge, and why did Delphine's do so much damage?", "By Dr. Helen Marsh",
        "September 11, 2025",
        "Storm surge is the abnormal rise of seawater pushed ashore by a hurricane's winds, over "
        "and above the normal tide.",
        "Delphine's surge reached 13 feet in parts of Terrebonne Parish, according to the "
        "National Hurricane Center, just short of the 14 feet it had forecast on Monday.",
        "Delphine's winds grew from 85 mph on Sunday evening to 145 mph at landfall on Tuesday, "
        "an increase of 60 mph in less than 48 hours."))
    from generator.clean import headline
    meta = SourceMeta("s", "s.txt", "", "O", None)
    assert headline(clean_paragraphs(meta, lines(text), config)) == \
        "What is storm surge, and why did Delphine's do so much damage?"


def test_readers_comments_under_a_comments_label_are_the_pages_tail(config):
    """Under "Comments (14)" each line opens with a reader's handle: the page's tail, though a
    comment reads as a sentence."""
    text = "\n".join((
        "Storm death toll reaches nine", "By Jo Roe | The Harbour Courier",
        "The number of people killed by the storm rose to nine on Friday, after searchers found "
        "the bodies of two people in a flooded home, the coroner said.",
        "The president will tour damage in the two worst-hit towns on Saturday, the White House "
        "said in a statement on Friday evening.",
        "Comments (14)", "Mike T.: Thank you to all the linemen from out of state!",
        "Cajun Girl: Still no power in our street. Day four."))
    meta = SourceMeta("s", "s.txt", "", "O", None)
    reasons = {p.line: p.removed_because for p in clean_paragraphs(meta, lines(text), config)}
    assert reasons[3] is None and reasons[4] is None
    assert all(reasons[line].startswith("the page's tail") for line in (5, 6, 7))


def test_names_with_colons_under_a_label_that_is_no_comments_label_are_the_article(config):
    text = "\n".join((
        "Book festival opens with record crowds", "By Jo Roe",
        "The city's book festival opened on Friday with record crowds, organisers said, and "
        "more than 200 events are planned over the next ten days.",
        "Tickets for the closing weekend sold out within hours of going on sale last month, "
        "the festival's director said on Friday morning.",
        "Authors",
        "Salman Rushdie: The author will discuss his memoir Knife on Saturday evening.",
        "Ali Smith: The novelist reads from her new book on Sunday afternoon."))
    meta = SourceMeta("s", "s.txt", "", "O", None)
    reasons = {p.line: p.removed_because for p in clean_paragraphs(meta, lines(text), config)}
    assert reasons[6] is None and reasons[7] is None


def test_a_writers_beat_for_the_outlet_at_the_end_is_a_note_on_the_writer(config):
    text = "\n\n".join((
        "Markets wrap", "Saturday 7 March 2026",
        "The bidder is out, its rival is in, and the steelmaker's 11,000 workers face weeks "
        "more of uncertainty over the future of the plants.",
        "The rival has until 31 March to make a firm offer, and most people close to the talks "
        "expect it to do so, according to three bankers.",
        "Lucía Fernández-Ortega writes about European business for The Weekend Review."))
    meta = SourceMeta("s", "s.txt", "", "O", None)
    paragraphs = clean_paragraphs(meta, lines(text), config)
    assert paragraphs[-1].removed_because.startswith("author's note")
    assert paragraphs[-2].kept


def test_a_line_of_section_names_is_not_the_headline_over_its_standfirst(config):
    """"Markets Companies Economy Tech Personal Finance" (a menu whose separators the paste
    lost) was taken for the headline, and the headline under it for its standfirst (a new
    user's page)."""
    text = "\n".join((
        "BUSINESS DAILY ONLINE", "Markets  Companies  Economy  Tech  Personal Finance",
        "Kaiyo ups offer for Veltara Steel to 412p as Spanish rival circles",
        "Allied Press Wire | March 2, 2026 9:02 am", "Listen to this article",
        "SHEFFIELD, March 2 (APW) - Japan's Kaiyo Heavy Industries on Monday raised its cash "
        "offer for Veltara Steel to 412 pence a share, valuing the British steelmaker at about "
        "£6.2bn, as it tried to shut out a possible counterbid from Spain's Grupo Ibarra.",
        "", "The new price is 8.4% higher than Kaiyo's original offer of 380p, made in January, "
        "and represents a premium of 31% to Veltara's share price before the approach became "
        "public.", "", "Veltara's board, led by chairman Sir Malcolm Pryce, said it would "
        "unanimously recommend the improved offer to shareholders, who are due to vote on the "
        "deal at a court meeting on Thursday.", "", "Veltara's largest shareholder, a Qatari "
        "fund, which owns 14.8% of the company, has not said how it will vote."))
    from generator.clean import headline
    meta = SourceMeta("s", "s.txt", "", "O", None)
    assert headline(clean_paragraphs(meta, lines(text), config)) == \
        "Kaiyo ups offer for Veltara Steel to 412p as Spanish rival circles"


def test_comments_under_a_label_taken_for_another_storys_headline_are_the_tail(config):
    """"Comments (14)" after a list of other stories went as one of their headlines, and the
    readers' comments under it stayed as news (a new user's page)."""
    text = "\n".join((
        "Steelmaker backs improved offer", "By Jo Roe", "",
        "The steelmaker's board said on Monday it would recommend the improved cash offer to "
        "its shareholders, who vote on the deal at a court meeting on Thursday.", "",
        "Shares in the steelmaker rose 3.2% to 421p in early trading, above the offer price, "
        "suggesting investors expect a higher bid from the rival group.", "",
        "(Reporting by Jo Roe; editing by Ann Lee)", "",
        "Related stories", "Council approves new tram extension",
        "Hospital wins funding for cancer unit", "Steel prices hit six-month high", "",
        "Comments (14)", "SteelCityLad: Another British company sold off to foreigners. Shameful.",
        "MargaretH: At least they say no redundancies. Believe it when I see it."))
    meta = SourceMeta("s", "s.txt", "", "O", None)
    kept = [p.text for p in clean_paragraphs(meta, lines(text), config) if p.kept]
    assert not any(t.startswith(("SteelCityLad", "MargaretH")) for t in kept)
    assert any(t.startswith("Shares in the steelmaker") for t in kept)


@pytest.mark.parametrize("text", [
    "That's it from me, Anderson told the crowd at Lord's, adding that he would stay on as a "
    "mentor to England's bowlers.",
    "That is it for now for rate cuts, governor Andrew Bailey signalled, warning that inflation "
    "remained too high.",
    "This announcement contains inside information. Harbour Energy plc announces that it has "
    "agreed to acquire the assets for $11.2 billion, more than doubling its output.",
    "Not for publication until the end of the trial were the names of two co-defendants, the "
    "judge ordered.",
])
def test_news_that_opens_like_a_live_blogs_close_or_a_legend_stays(config, text):
    from generator.clean import boilerplate_reason
    assert boilerplate_reason(text, config) is None


def test_a_headline_in_headline_case_over_its_standfirst_stays_the_headline(config):
    text = "\n".join((
        "Cyclone Ditwah Kills Dozens",
        "Floods and landslides cut off villages across central Sri Lanka as rescuers struggle "
        "to reach survivors", "By Amal Perera", "",
        "Cyclone Ditwah killed at least 46 people in Sri Lanka, officials said on Friday, as "
        "floods and landslides cut off villages across the island's central hills.", "",
        "Rescuers were struggling to reach survivors in the worst-hit districts, where roads "
        "were washed away, the disaster management centre said."))
    from generator.clean import headline
    meta = SourceMeta("s", "s.txt", "", "O", None)
    assert headline(clean_paragraphs(meta, lines(text), config)) == "Cyclone Ditwah Kills Dozens"


def test_a_writers_beat_with_a_report_of_what_she_said_is_news(config):
    text = "\n\n".join((
        "Housing shortage deepens", "By Jo Roe",
        "Housebuilding fell to its lowest level in a decade last year, official figures showed on "
        "Tuesday, as higher borrowing costs squeezed developers.",
        "Planning approvals dropped by a fifth, the figures showed, with the sharpest falls in "
        "the south-east of England.",
        "Kate Barker writes about housing for the Financial Times and said the shortage would "
        "take a decade to fix."))
    meta = SourceMeta("s", "s.txt", "", "O", None)
    assert clean_paragraphs(meta, lines(text), config)[-1].kept
