from pathlib import Path

from hypothesis import HealthCheck, given, settings

from generator.classify import OTHER, classify_paragraphs, section_terms, sections_of, topic_of
from generator.config import load_config
from generator.structure import SourceParagraph
from tests.conftest import paragraph_at, pieces_text

CONFIG = load_config(Path(__file__).resolve().parent.parent / "content" / "briefing.yml")
# Every section term's phrase, and the letters that glue or break them ("-", "'", "ſ" for "s").
TERM_PIECES = sorted({variant for rule in CONFIG.sections for term in rule.terms
                      for variant in (term.phrase, term.phrase.upper(), term.phrase.title())})
term_text = pieces_text(TERM_PIECES, " -'’aesSİıſ.", most=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(term_text)
def test_terms_tried_where_their_needle_starts_a_word_score_as_a_search_would(text):
    expected = {rule.id: sum(term.weight for term in rule.terms if term.regex.search(text))
                for rule in CONFIG.sections}
    assert section_terms(CONFIG).scores(text) == expected


def test_seed_paragraphs_land_in_their_sections(live, wire):
    assert "taiwan" in paragraph_at(live, 42).sections
    assert "framework-deal" in paragraph_at(live, 50).sections
    assert "background" in paragraph_at(wire, 22).sections
    assert paragraph_at(live, 22).sections == (OTHER,)


def test_nothing_without_a_section_is_dropped(config):
    assert sections_of("The weather in the port city was mild.", config) == (OTHER,)


def test_heading_context_counts(config):
    heading = SourceParagraph("s", 1, "Background: how did we get here?", heading=True)
    body = SourceParagraph("s", 2, "Both sides met in Geneva in May.")
    assert classify_paragraphs([heading, body], config)[1].sections == ("background",)
    assert classify_paragraphs([body], config)[0].sections == (OTHER,)


def test_a_heading_counts_only_up_to_the_next_live_blog_post(config):
    from generator.clean import STAMP
    heading = SourceParagraph("s", 1, "Background: how did we get here?", heading=True)
    body = SourceParagraph("s", 2, "Both sides met in Geneva in May.")
    stamp = SourceParagraph("s", 3, "14.22 GMT", kept=False, removed_because=STAMP)
    later = SourceParagraph("s", 4, "Both sides met in the port city in the morning.")
    sections = [p.sections for p in classify_paragraphs([heading, body, stamp, later], config)]
    assert sections[1] == ("background",) and sections[3] == (OTHER,)


def test_a_live_blog_post_s_title_above_its_stamp_still_heads_it(config):
    from generator.clean import STAMP
    title = SourceParagraph("s", 1, "Background: how did we get here?", heading=True)
    stamp = SourceParagraph("s", 2, "14.22 GMT", kept=False, removed_because=STAMP)
    body = SourceParagraph("s", 3, "Both sides met in Geneva in May.")
    assert classify_paragraphs([title, stamp, body], config)[2].sections == ("background",)


def test_topics_order_a_section(config):
    rule = config.section("framework-deal")
    assert topic_of("The fentanyl tariff will be halved.", rule) == "Tariffs and fentanyl"
    assert topic_of("Nothing relevant.", rule) is None


def test_a_paragraph_fitting_two_sections_lists_its_best_fit_first(config):
    both = "Taiwan, Taipei and the Taiwan Strait came up once, beside the fentanyl tariff."
    sections = sections_of(both, config)
    assert sections[0] == "taiwan" and "framework-deal" in sections
    deal = ("The fentanyl tariff, soybean purchases, rare earths export controls and port fees "
            "were all in the deal; Taiwan was not.")
    assert sections_of(deal, config)[0] == "framework-deal"


def _body(line: int, text: str, source: str = "s") -> SourceParagraph:
    return SourceParagraph(source, line, text)


def test_the_deal_is_told_in_general_news_words(config):
    for text in ("Levies on each other's goods will come down by ten points.",
                 "Both governments will stop collecting port fees on each other's vessels.",
                 "The export controls on magnets are on ice for twelve months.",
                 "Beijing promised to resume purchases of soya beans from American farmers."):
        assert "framework-deal" in sections_of(text, config), text
    assert sections_of("The mayor opened a new library on Tuesday.", config) == (OTHER,)


def test_a_paragraph_carries_on_the_subject_of_the_one_before(config):
    deal = _body(1, "The tariff on the other side's goods will fall to 10%, officials said.")
    figure = _body(2, "Shares in exporters rose 3% on the news.")
    aside = _body(3, "The weather in the port city was mild.")
    assert classify_paragraphs([deal, figure], config)[1].sections == ("framework-deal",)
    assert classify_paragraphs([figure], config)[0].sections == (OTHER,)
    assert classify_paragraphs([deal, aside], config)[1].sections == (OTHER,)


def test_a_run_needs_a_paragraph_that_reached_the_section_itself(config):
    deal = _body(1, "The tariff on the other side's goods will fall to 10%, officials said.")
    first = _body(2, "Shares in exporters rose 3% on the news.")
    second = _body(3, "Futures were flat in early trade.")
    result = classify_paragraphs([deal, first, second], config)
    assert result[1].sections == ("framework-deal",)
    assert result[2].sections == (OTHER,)


def test_a_question_or_heading_takes_the_sections_of_what_follows(config):
    texts = ["HOST: And what did the two sides settle on?",
             "GUEST: Washington will cut the fentanyl tariff to 10% and Beijing will buy soybeans.",
             "What happens next",
             "The deal's tariff cuts take effect on November 10, and the truce runs for a year.",
             "HOST: Anything else before we go?"]
    paragraphs = [SourceParagraph("s", n, t, heading=t == "What happens next")
                  for n, t in enumerate(texts, start=1)]
    sections = [p.sections for p in classify_paragraphs(paragraphs, config)]
    assert sections[0] == sections[1] != (OTHER,)  # the question is about its answer
    assert sections[2] == sections[3] != (OTHER,)  # so is the heading over a paragraph
    assert sections[4] == (OTHER,)  # nothing answers the last question


def test_a_paragraph_given_its_sections_keeps_every_other_field():
    from dataclasses import fields, replace
    from generator.classify import _with_sections
    paragraph = SourceParagraph("s", 7, "Text.", kept=False, removed_because="why", heading=True,
                                sections=("a",))
    assert [f.name for f in fields(SourceParagraph)][-1] == "sections"
    assert _with_sections(paragraph, ("b", "c")) == replace(paragraph, sections=("b", "c"))


def test_scores_remembered_for_a_text_are_not_shared_between_callers():
    text = "Tariffs on soybeans were cut under the framework deal agreed in Busan."
    first = section_terms(CONFIG).scores(text)
    first[next(iter(first))] += 100
    assert section_terms(CONFIG).scores(text) != first
