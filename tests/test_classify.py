from generator.classify import OTHER, classify_paragraphs, sections_of, topic_of
from generator.structure import SourceParagraph
from tests.conftest import paragraph_at


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


def test_topics_order_a_section(config):
    rule = config.section("framework-deal")
    assert topic_of("The fentanyl tariff will be halved.", rule) == "Tariffs and fentanyl"
    assert topic_of("Nothing relevant.", rule) is None


def test_a_paragraph_fitting_two_sections_lists_its_best_fit_first(config):
    both = "Taiwan and Taipei came up once, beside the fentanyl tariff."
    sections = sections_of(both, config)
    assert sections[0] == "taiwan" and "framework-deal" in sections
    deal = ("The fentanyl tariff, soybean purchases, rare earths export controls and port fees "
            "were all in the deal; Taiwan was not.")
    assert sections_of(deal, config)[0] == "framework-deal"
