from generator.people import base_index
from generator.quotes import find_quotes
from generator.structure import SourceParagraph


def quotes_of(config, *texts):
    paragraphs = [SourceParagraph("s", n, t) for n, t in enumerate(texts, start=1)]
    return [(q.line, q.text, q.speaker) for q in find_quotes(paragraphs, config, base_index(config))]


def test_curly_quote_after_colon_with_speaker_before(live):
    found = {(q.line, q.speaker) for q in live.quotes}
    assert (8, "Donald Trump") in found
    text = next(q.text for q in live.quotes if q.line == 8)
    assert text == "I don’t know that we’ll even speak about Taiwan."


def test_quote_introduced_on_the_line_before_is_attributed(live):
    by_line = {q.line: q for q in live.quotes}
    assert by_line[19].speaker == "Donald Trump"      # "…,” Trump said, later adding:
    assert by_line[26].speaker == "Donald Trump"      # "Trump’s post also said:"


def test_stripped_marks_in_syndicated_copy(wire):
    by_line = {q.line: q for q in wire.quotes}
    assert by_line[16].text.startswith("We are willing to work with the US side")
    assert by_line[16].speaker == "Gou Jiakun"
    assert by_line[34].text.startswith("I expect to be lowering that")
    assert by_line[34].speaker == "Donald Trump"


def test_paraphrase_is_not_a_quotation(wire, config):
    assert 46 not in {q.line for q in wire.quotes}   # "Trump said he believed a deal…"
    assert quotes_of(config, "Trump said he expected to discuss fentanyl with Xi.") == []


def test_split_quote_keeps_the_speaker_for_both_parts(config):
    found = quotes_of(config, '"We will talk about tariffs," Jane Roe told reporters. '
                              '"And we will talk about soybeans too."')
    assert [s for _, _, s in found] == ["Jane Roe", "Jane Roe"]


def test_pronoun_resolves_to_the_last_speaker(config):
    found = quotes_of(config, '"We had a very long meeting today," Xi said.',
                      '"It went better than anyone expected," he added.')
    assert [s for _, _, s in found] == ["Xi Jinping", "Xi Jinping"]


def test_scare_quotes_are_not_quotations(config):
    assert quotes_of(config, "Beijing has vowed to “reunify” the island with a “framework”.") == []
