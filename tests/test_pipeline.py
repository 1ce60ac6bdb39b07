"""Cross-source steps of the pipeline: speakers and open speakers resolved in one index."""

from generator.people import PeopleIndex
from generator.pipeline import _resolved, has_article_text
from generator.structure import Quote, SourceParagraph


def index_of(*people):
    index = PeopleIndex()
    for name, variants in people:
        index.add(name, variants)
    return index


def test_open_speakers_that_are_one_person_become_the_speaker():
    index = index_of(("Scott Bessent", ("Bessent",)), ("Xi Jinping", ("Xi",)))
    same = Quote("a", 1, "words", None, candidates=("Bessent", "Scott Bessent"))
    assert (_resolved(same, index).speaker, _resolved(same, index).candidates) == \
        ("Scott Bessent", ())
    two = Quote("a", 1, "words", None, candidates=("Bessent", "Xi"))
    assert (_resolved(two, index).speaker, _resolved(two, index).candidates) == \
        (None, ("Scott Bessent", "Xi Jinping"))
    named = Quote("a", 1, "words", "Xi")
    assert _resolved(named, index).speaker == "Xi Jinping"


def test_a_sources_events_come_back_from_the_cache_as_they_were_found(tmp_path, config):
    from generator.pipeline import analyse_cached
    from tests.conftest import WIRE_SEED
    first = analyse_cached(WIRE_SEED, config, tmp_path).source
    assert list(tmp_path.glob("*.json"))  # written to the cache
    again = analyse_cached(WIRE_SEED, config, tmp_path).source
    assert first.events and again.events == first.events
    assert again.quotes == first.quotes and again.paragraphs == first.paragraphs


def test_a_quotation_loses_its_context_when_that_paragraph_is_removed_as_a_repeat(config):
    from dataclasses import replace as with_
    from generator.pipeline import Analysis, merge
    from generator.structure import Source, SourceMeta, SourceParagraph
    shared = "The two leaders met for nearly two hours at the air base on Thursday."
    first = Source(SourceMeta("a", "a.txt", "A", "A", "2025-10-30"),
                   (SourceParagraph("a", 2, shared),))
    quote = Quote("b", 4, "We agreed on almost everything today", "Trump", context=shared,
                  context_line=2)
    second = Source(SourceMeta("b", "b.txt", "B", "B", "2025-10-31"),
                    (SourceParagraph("b", 2, shared),
                     SourceParagraph("b", 4, "“We agreed on almost everything today”")), (quote,))
    briefing = merge([Analysis(first, ()), Analysis(second, ())], config)
    [kept] = briefing.sources[1].quotes
    assert not briefing.sources[1].paragraphs[0].kept  # removed as a repeat of a's
    assert kept.context == "" and kept.context_line == 0
    assert with_(kept, context=shared, context_line=2) == with_(quote, speaker=kept.speaker)


def test_a_place_among_a_quotation_s_open_names_leaves_the_other_the_speaker():
    from generator.pipeline import _without_places
    from generator.structure import Quote
    quote = Quote("s", 3, "we will talk about it", None, candidates=("Jane Roe", "Tom Lee"))
    assert _without_places(quote, {"Jane Roe"}).speaker == "Tom Lee"
    assert _without_places(quote, {"Kuala Lumpur"}) == quote


def test_a_kept_paragraph_that_is_only_the_title_is_no_article_text():
    title = SourceParagraph("s", 1, "Trump  and Xi meet in Busan")
    body = SourceParagraph("s", 3, "The two leaders met for 100 minutes, officials said.")
    assert not has_article_text([title], "Trump and Xi meet in BUSAN")
    assert not has_article_text([SourceParagraph("s", 1, "Menu", kept=False)], "Menu")
    assert has_article_text([title, body], "Trump and Xi meet in Busan")


def test_a_note_several_sources_share_is_one_line_naming_them():
    from generator.pipeline import NOTED_FILES, source_notes
    from generator.structure import Source, SourceMeta

    def noted(name, *notes):
        return Source(SourceMeta(name, f"{name}.txt", "T", "O", None, notes=notes), ())
    unknown = "outlet unknown (add it to briefing.yml)"
    warning = "no article text kept: is it the right file? (…)"
    notes = source_notes([noted("a", unknown, warning), noted("b", "line ends normalised"),
                          noted("c", unknown, warning)])
    assert notes == (f"a.txt, c.txt: {unknown}", f"a.txt: {warning}", f"c.txt: {warning}",
                     "b.txt: line ends normalised")
    [many] = source_notes([noted(f"s{n}", unknown) for n in range(NOTED_FILES + 3)])
    assert many.endswith(f"s{NOTED_FILES - 1}.txt and 3 more: {unknown}")


def test_a_removed_page_is_given_the_reason_that_fits_its_kind():
    from generator.pipeline import removal_reason
    still = {"framework-deal.md", "sources/index.md"}
    assert removal_reason("more/framework-deal-3.md", still) == \
        "framework-deal.md now needs fewer pages"
    assert removal_reason("more/sources/index-2.md", still) == "sources/index.md now needs fewer pages"
    assert removal_reason("sources/wire.md", still) == "its source is gone"
    assert removal_reason("more/sources/wire-2.md", still) == "its source is gone"
    assert removal_reason("more/taiwan-2.md", still) == "taiwan.md is gone"
