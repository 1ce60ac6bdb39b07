"""Centrality: the sentences closest to what the sources together are about rank first."""

from __future__ import annotations

from generator.centrality import centrality, content_words
from generator.structure import Sentence
from tests.test_linear import GROWTH, assert_linear


def said(source: str, line: int, text: str) -> Sentence:
    return Sentence(source, line, 0, len(text), text)


DESK = [
    said("wire", 1, "Washington will cut tariffs on Chinese goods, the two leaders said."),
    said("wire", 2, "The harbour was busy with fishing boats, a local official said."),
    said("paper", 1, "The leaders agreed to lower tariffs on goods from China, officials said."),
    said("paper", 2, "A choir sang at the airport before the motorcade left, reporters said."),
    said("live", 1, "Tariffs on Chinese goods are set to fall after the leaders met, he said."),
]


def test_the_sentence_on_what_most_sources_report_outranks_a_side_story():
    central = centrality(DESK)
    main = [central.of(s) for s in DESK if "tariff" in s.text.casefold()]
    side = [central.of(s) for s in DESK if "tariff" not in s.text.casefold()]
    assert min(main) > max(side)
    assert "tariffs" in central.centroid  # as first written


def test_a_word_in_every_sentence_weighs_nothing():
    desk = [said("a", 1, "Officials said so."), said("b", 1, "Officials said it."),
            said("c", 1, "Officials said this.")]
    assert all(centrality(desk).of(s) == 0.0 for s in desk)


def test_one_source_alone_has_no_centre_to_measure():
    alone = [s for s in DESK if s.source_id == "wire"]
    assert centrality(alone).scores == {}
    assert centrality([]).scores == {}


def test_a_word_one_source_repeats_is_not_the_briefing_s_subject():
    desk = DESK + [said("live", n, "Seagulls circled the harbour seagulls again.")
                   for n in range(2, 12)]
    assert "seagull" not in centrality(desk).centroid


def test_content_words_drop_stopwords_and_join_forms_of_a_word():
    assert content_words("The tariffs and a tariff were cut").keys() == \
        content_words("tariff cut").keys()
    assert content_words("Tariffs and tariff") == {"tarif": "tariffs"}


def test_centrality_takes_linear_time():
    def score(text: str) -> None:
        centrality(said(f"s{n % 97}", n, line) for n, line in enumerate(text.split("\n")))

    lines = [f"Tariff cut number {w} on goods from region {w % 7} agreed by leaders {w % 13}"
             for w in range(600)]
    short = "\n".join(lines)
    assert_linear(score, short, "\n".join(lines * GROWTH))
