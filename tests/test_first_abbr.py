"""generator.first_abbr: a glossary term is an <abbr> on its first use in each section only."""

import re

import markdown

from generator.first_abbr import FirstAbbrExtension

GLOSSARY = """
*[APEC]: Asia-Pacific Economic Cooperation
*[Apec]: Asia-Pacific Economic Cooperation
*[tariff]: A tax on imports
"""


def render(text: str, *extensions) -> str:
    md = markdown.Markdown(extensions=["abbr", *extensions, "attr_list", "toc"])
    return md.convert(text + "\n" + GLOSSARY)


def abbrs(html: str) -> list[str]:
    return re.findall(r"<abbr [^>]*>([^<]*)</abbr>", html)


def sections(html: str) -> list[str]:
    return re.split(r"(?=<h2)", html)


def test_only_the_first_use_per_section_is_marked():
    html = render("Intro: APEC, a tariff, APEC again and a tariff.\n\n"
                  "## One\n\n- APEC here\n- APEC there, *APEC* in emphasis, tariff\n\n"
                  "## Two\n\nNo term, then APEC and APEC.", FirstAbbrExtension())
    intro, one, two = sections(html)
    assert abbrs(intro) == ["APEC", "tariff"]
    assert abbrs(one) == ["APEC", "tariff"]
    assert abbrs(two) == ["APEC"]


def test_unwrapped_uses_read_exactly_as_before():
    text = "APEC and APEC, [a link about APEC](x.md), **APEC**; APEC.\n\n## Next\n\nAPEC"
    plain = lambda html: re.sub(r"<abbr [^>]*>([^<]*)</abbr>", r"\1", html)
    assert plain(render(text, FirstAbbrExtension())) == plain(render(text))
    assert render(text, "generator.first_abbr") == render(text, FirstAbbrExtension())


def test_written_forms_of_one_term_count_as_one():
    html = render("Apec met; APEC ended.", FirstAbbrExtension())
    assert abbrs(html) == ["Apec"] and "APEC ended" in html


def test_a_heading_starts_its_section_and_can_hold_the_first_use():
    html = render("APEC\n\n## APEC summit\n\nAPEC spoke.\n\n### Deeper\n\nAPEC", FirstAbbrExtension())
    intro, section = sections(html)
    assert abbrs(intro) == ["APEC"]
    assert abbrs(section) == ["APEC"] and "<h2" in section and "<abbr" not in \
        section.split("</h2>")[1]


def test_without_a_glossary_nothing_changes():
    text = "Plain text.\n\n## Part\n\nMore text."
    plain = markdown.markdown(text, extensions=["abbr", "toc"])
    assert markdown.markdown(text, extensions=["abbr", FirstAbbrExtension(), "toc"]) == plain


def test_time_is_linear_in_the_number_of_uses():
    """Timed on the tree the abbr extension leaves (Python-Markdown's own abbr pass looks each
    element up in its parent's list, which grows with the square of a list's length)."""
    import xml.etree.ElementTree as etree

    from generator.first_abbr import FirstAbbrTreeprocessor
    from tests.test_linear import assert_linear

    def tree(uses: int) -> etree.Element:
        root = etree.Element("div")
        paragraph = etree.SubElement(root, "p")
        for _ in range(uses):
            etree.SubElement(paragraph, "abbr", title="Asia-Pacific").tail = " tariff "
        etree.SubElement(root, "h2").text = "Part"
        items = etree.SubElement(root, "ul")
        for _ in range(uses):
            etree.SubElement(etree.SubElement(items, "li"), "abbr", title="Asia-Pacific")
        return root

    def unwrap(text: str) -> None:
        root = tree(len(text))
        FirstAbbrTreeprocessor(markdown.Markdown()).run(root)
        assert len(root.findall(".//abbr")) == 2

    assert_linear(unwrap, "x" * 2000, "x" * 16000)
