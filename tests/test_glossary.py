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
