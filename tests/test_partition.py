"""The partition behind `extract --json`'s statements: each kept sentence in exactly one."""

from __future__ import annotations

from generator.partition import partition
from generator.segment import sentences
from generator.statements import Statement
from generator.structure import Source, SourceMeta, SourceParagraph


def source(source_id: str, *texts: str, removed: int = 0) -> Source:
    paragraphs = tuple(SourceParagraph(source_id, line, text, kept=line != removed)
                       for line, text in enumerate(texts, start=1))
    return Source(SourceMeta(source_id, f"{source_id}.txt", "T", "O", "2025-10-30"), paragraphs)


A = source("a", "Tariffs fall to 10%. Soybean sales resume.", "A choir sang.")
B = source("b", "The levy drops to 10 per cent and soybeans will be bought.", "Gone.", removed=2)
[TARIFF_A, SOY_A] = sentences(A.paragraphs[0])
[TARIFF_B] = sentences(B.paragraphs[0])


def test_a_sentence_in_two_groups_of_one_size_is_held_by_the_first_only():
    groups = [Statement(TARIFF_A, (TARIFF_A, TARIFF_B), ("10%",)),
              Statement(SOY_A, (SOY_A, TARIFF_B), ("soybean",))]
    parts = partition([A, B], groups)
    held = [s for part in parts for s in part.sentences]
    assert sorted((s.source_id, s.line, s.start) for s in held) == sorted(
        {(s.source_id, s.line, s.start) for source in (A, B)
         for p in source.paragraphs if p.kept for s in sentences(p)})
    assert len(held) == len(set(held))
    assert [part.text for part in parts] == [TARIFF_A.text, SOY_A.text, "A choir sang."]
    assert parts[0].sentences == (TARIFF_A, TARIFF_B) and parts[1].sentences == (SOY_A,)


def test_a_sentence_in_two_groups_is_held_by_the_larger():
    c = source("c", "Soybean purchases resume, officials said.")
    [soy_c] = sentences(c.paragraphs[0])
    groups = [Statement(TARIFF_A, (TARIFF_A, TARIFF_B), ("10%",)),
              Statement(SOY_A, (SOY_A, TARIFF_B, soy_c), ("soybean",))]
    parts = partition([A, B, c], groups)
    held = {part.text: part.sentences for part in parts}
    assert held[SOY_A.text] == (SOY_A, TARIFF_B, soy_c) and held[TARIFF_A.text] == (TARIFF_A,)


def test_sentences_no_group_holds_are_statements_of_their_own_with_their_section():
    sectioned = Source(A.meta, (SourceParagraph("a", 1, "Tariffs fall.", sections=("deal",)),))
    [part] = partition([sectioned], [])
    assert (part.text, part.section, len(part.sentences)) == ("Tariffs fall.", "deal", 1)


def test_a_sentence_in_two_groups_goes_where_its_paragraph_is_not_yet():
    """The paragraph's other sentence already holds it in the larger group: the two-fact
    sentence keeps the smaller group's corroboration instead of adding nothing."""
    c = source("c", "Tariffs drop to 10%, officials said.")
    d = source("d", "Soybean buying restarts.")
    [tariff_c], [soy_d] = sentences(c.paragraphs[0]), sentences(d.paragraphs[0])
    two_facts = source("e", "The cut to 10% comes as soybean buying restarts. Tariffs drop to 10%.")
    both, tariff_e = sentences(two_facts.paragraphs[0])
    groups = [Statement(tariff_c, (tariff_c, both, tariff_e, TARIFF_A), ("10%",)),
              Statement(soy_d, (soy_d, both), ("soybean",))]
    held = {part.text: part.sentences for part in partition([A, c, d, two_facts], groups)}
    assert held[soy_d.text] == (soy_d, both)
    assert held[tariff_c.text] == (TARIFF_A, tariff_c, tariff_e)
