from generator.glossary import define_terms, long_form
from generator.markdown import render_abbreviations
from generator.structure import SourceParagraph


def paragraphs(*texts):
    return [SourceParagraph("s", n, t) for n, t in enumerate(texts, start=1)]


def test_definitions_come_verbatim_from_the_sources(live, wire):
    entries = {e.term: e for e in define_terms(
        [*wire.paragraphs, *live.paragraphs], {"APEC": "", "ASEAN": "", "rare earths": "",
                                               "fentanyl": "", "fentanyl tariff": ""})}
    assert entries["APEC"].text == "Asia-Pacific Economic Cooperation"
    assert entries["ASEAN"].text == "Association of south-east Asian Nations"
    assert entries["rare earths"].text.startswith("Rare earths are a specific, highly useful")
    assert entries["fentanyl"].text.startswith("an opioid that has caused an epidemic")
    assert entries["fentanyl tariff"].definition is None
    assert set(entries["APEC"].forms) == {"APEC", "Apec"}
    for entry in entries.values():
        if entry.definition:
            source = wire if entry.definition.source_id == wire.meta.id else live
            text = next(p.text for p in source.paragraphs if p.line == entry.definition.line)
            assert text[entry.definition.start:entry.definition.end] == entry.text


def test_long_forms_match_the_initials_of_the_abbreviation():
    text = "Leaders of the Association of Southeast Asian Nations (ASEAN) met."
    start, end = long_form(text, "ASEAN")
    assert text[start:end] == "Association of Southeast Asian Nations"
    assert long_form("A summit of leaders (APEC) began.", "APEC") is None


def test_a_written_definition_is_used_only_when_no_source_defines_the_term():
    [entry] = define_terms(paragraphs("The fentanyl tariff stays at 10%."),
                           {"fentanyl tariff": "A US tariff tied to fentanyl."})
    assert entry.definition is None and entry.text == "A US tariff tied to fentanyl."


def test_tooltips_cover_every_written_form_and_skip_undefined_terms():
    entries = define_terms(paragraphs("Apec, the Asia-Pacific Economic Cooperation (APEC), met.",
                                      "TikTok was discussed."), {"APEC": "", "TikTok": ""})
    text = render_abbreviations(entries)
    assert "*[Apec]: Asia-Pacific Economic Cooperation" in text
    assert "*[APEC]: Asia-Pacific Economic Cooperation" in text
    assert "TikTok" not in text


def test_a_tooltip_shows_an_ampersand_and_a_written_entity_as_typed():
    import markdown
    entries = define_terms(paragraphs("The USTR spoke."),
                           {"USTR": "Trade & tariffs office, not &amp; or &#38;"})
    html = markdown.markdown("The USTR spoke.\n\n" + render_abbreviations(entries),
                             extensions=["abbr"])
    assert 'title="Trade &amp; tariffs office, not &amp;amp; or &amp;#38;"' in html


def test_a_term_nobody_defines_is_the_editors_to_do_not_the_readers(project):
    from generator.compose import glossary_page
    from generator.pipeline import generate
    entries = define_terms(paragraphs("TikTok was discussed."), {"TikTok": ""})
    page = glossary_page(entries)
    assert "TikTok" not in str(page.blocks) and "0 terms" in page.description
    briefing, _, _ = generate(project)
    assert any("glossary terms no source defines" in note and "fentanyl tariff" in note
               for note in briefing.notes)
    assert "fentanyl tariff" not in (project.docs_dir / "glossary.md").read_text().lower()


def test_a_definition_says_what_the_thing_is_when_a_source_says_it():
    entries = define_terms(paragraphs(
        "Leaders gathered for the Asia-Pacific Economic Cooperation (APEC) summit.",
        "Asia-Pacific Economic Cooperation, a forum of 21 Pacific Rim economies, meets yearly.",
        "APEC ended on Saturday."), {"APEC": ""})
    [entry] = entries
    assert entry.expansion.text == "Asia-Pacific Economic Cooperation"
    assert entry.definition.text == "a forum of 21 Pacific Rim economies"
    assert entry.text == "Asia-Pacific Economic Cooperation: a forum of 21 Pacific Rim economies"
    assert set(entry.forms) == {"APEC"}


def test_an_apposition_after_the_spelled_out_abbreviation_defines_it():
    [entry] = define_terms(paragraphs(
        "The Association of Southeast Asian Nations (ASEAN), a bloc of ten states, met."),
        {"ASEAN": ""})
    assert entry.expansion.text == "Association of Southeast Asian Nations"
    assert entry.definition.text == "a bloc of ten states"


def test_the_expansion_alone_defines_when_no_source_says_more():
    [entry] = define_terms(paragraphs("Talks at the Asia-Pacific Economic Cooperation (APEC) "
                                      "summit."), {"APEC": ""})
    assert entry.expansion is None and entry.text == "Asia-Pacific Economic Cooperation"


def test_the_glossary_page_shows_the_expansion_then_what_the_thing_is():
    from generator.compose import glossary_page
    from generator.markdown import render_pages
    from generator.structure import SourceMeta
    entries = define_terms(paragraphs(
        "Leaders gathered for the Asia-Pacific Economic Cooperation (APEC) summit.",
        "Asia-Pacific Economic Cooperation, a forum of 21 Pacific Rim economies, meets yearly."),
        {"APEC": ""})
    page = glossary_page(entries)
    text = render_pages([page], {"s": SourceMeta("s", "s.txt", "T", "O", "2025-10-30")},
                        {})["glossary.md"]
    assert "**Asia-Pacific Economic Cooperation** [O, 30 Oct](sources/s.md#p1" in text
    assert "a forum of 21 Pacific Rim economies [O, 30 Oct](sources/s.md#p2" in text


def test_a_term_and_its_spelled_out_name_are_found_in_any_case_in_later_paragraphs():
    """Only paragraphs holding a phrase's first letters (any case) are read for it; the
    spelled-out name, once found, is looked for the same way in the paragraphs after."""
    [entry] = define_terms(paragraphs(
        "Trade ministers met before the summit.",
        "Leaders of Asia-Pacific Economic Cooperation (APEC) gather in Gyeongju.",
        "apec leaders arrive on Friday.",
        "ASIA-PACIFIC ECONOMIC COOPERATION, a forum of 21 economies, meets yearly."),
        {"APEC": ""})
    assert entry.forms == ("APEC", "apec")
    assert entry.expansion.text == "Asia-Pacific Economic Cooperation"
    assert entry.definition.text == "a forum of 21 economies" and entry.definition.line == 4


def test_a_term_that_starts_with_a_mark_is_looked_for_everywhere():
    [entry] = define_terms(paragraphs("Posts tagged #tariffs spread.", "More #Tariffs posts."),
                           {"#tariffs": ""})
    assert entry.forms == ("#tariffs", "#Tariffs")


def test_the_paragraphs_holding_a_word_are_found_in_any_case_as_a_pattern_finds_them():
    import re
    from generator.glossary import _Texts
    texts = ["The Apec summit.", "APEC leaders met.", "nothing here", "a\u212aPEC sign",
             "İstanbul and istanbul", "ſummit talks", "Zürich ZÜRICH"]
    found = _Texts([SourceParagraph("s", n, t) for n, t in enumerate(texts, 1)])
    for word in ("apec", "kpec", "istanbul", "summit", "zürich", "SUMMIT"):
        expected = {n for n, t in enumerate(texts) if re.search(re.escape(word), t, re.I)}
        assert found.holding(word) == expected, word


def test_a_sentence_saying_what_the_term_is_with_the_defines_it_but_a_judgement_does_not():
    entries = {e.term: e for e in define_terms(paragraphs(
        "Storm surge is the abnormal rise of seawater pushed ashore by a hurricane's winds.",
        "The levy is the biggest obstacle to a deal, officials said.",
        "The port fee is the focus of the talks this week.",
        "APEC is the stage on which the leader wants to look like the steadier partner.",
        "The quota is the reason growers lost their biggest market, the senator added."),
        {"storm surge": "", "levy": "", "port fee": "", "APEC": "", "quota": ""})}
    assert entries["storm surge"].text.startswith("Storm surge is the abnormal rise")
    assert all(entries[term].definition is None for term in ("levy", "port fee", "APEC", "quota"))


def test_an_abbreviation_spelled_out_and_said_to_be_a_countrys_body_is_defined():
    [entry] = define_terms(paragraphs(
        "The Competition and Markets Authority (CMA) is the UK's competition regulator."),
        {"CMA": ""})
    assert entry.text.endswith("is the UK's competition regulator.")
    [entry] = define_terms(paragraphs("APEC is the world's largest trade forum."), {"APEC": ""})
    assert entry.definition is None


def test_a_term_with_the_in_its_name_and_a_judgement_after_an_owner():
    [hague] = define_terms(paragraphs("The Hague is the Netherlands' seat of government."),
                           {"The Hague": ""})
    assert hague.definition is not None
    [taiwan] = define_terms(paragraphs("Taiwan is the relationship's most sensitive issue.",
                                       "Taiwan is a self-governed island that China claims."),
                            {"Taiwan": ""})
    assert taiwan.text.startswith("Taiwan is a self-governed island")
