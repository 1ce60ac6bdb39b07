"""Source text is data: whatever it contains, the rendered page shows exactly that text."""

import html
import re

import markdown
import pytest
import yaml
from hypothesis import given, settings, strategies as st

from generator.markdown import escape_text, split_front_matter
from tests.conftest import ROOT


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may use MkDocs' own tags (!ENV); they do not matter here."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def mkdocs_extensions():
    """The Markdown extensions the site uses (the glossary file aside: it is not source text)."""
    raw = yaml.load((ROOT / "mkdocs.yml").read_text().split("# >>> briefing")[0],
                    Loader=_TolerantLoader)
    names, configs = [], {}
    for item in raw["markdown_extensions"]:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            configs[name] = {k: v for k, v in options.items() if k != "auto_append"}
        else:
            names.append(item)
    return names, configs


NAMES, CONFIGS = mkdocs_extensions()


def rendered_text(source: str) -> str:
    out = markdown.markdown(source, extensions=NAMES, extension_configs=CONFIGS)
    assert "<script" not in out and "<img" not in out and "href" not in out
    return html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


HOSTILE = [
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))", "![x](data:text/html,hi)", "{{ config }} {% include x %}",
    "# Heading", "---", "| a | b |", "> quote", "1. item", "- item", "!!! note", "??? note",
    "Text { onclick=alert(1) }", "`code`", "*em* __strong__", "<https://example.com>",
    "&amp; &lt;", "\\*", "===",
]


def test_hostile_snippets_render_as_their_literal_text():
    for snippet in HOSTILE:
        assert rendered_text(escape_text(snippet)) == snippet, snippet


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
               min_size=1, max_size=80).map(lambda s: " ".join(s.split())).filter(bool))
def test_any_text_renders_literally(text):
    assert rendered_text(escape_text(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
               min_size=1, max_size=80).map(lambda s: " ".join(s.split())).filter(bool))
def test_any_text_as_a_link_title_keeps_the_link_and_reads_back(text):
    """A source's title in a citation's link title: the link's target stays whole and the
    title attribute is the text as it is shown, one line without the characters no page shows
    (a title holding ``'3(')`` once cut the link short)."""
    from generator.markdown import link_title, yaml_text
    out = markdown.markdown(f'[Outlet, 30 Oct](sources/a.md#p4 "{link_title(text)}")'
                            '{ .cite }', extensions=NAMES, extension_configs=CONFIGS)
    match = re.fullmatch(r'<p><a class="cite" href="sources/a\.md#p4" title="([^"]*)">'
                         r'Outlet, 30 Oct</a></p>', out)
    assert match and html.unescape(match.group(1)) == yaml_text(text)


@pytest.mark.parametrize("text", ["<'3(')Û<*<", "a (b) c", "it's \"q\" )", "x'y"])
def test_titles_that_ended_a_link_keep_it(text):
    test_any_text_as_a_link_title_keeps_the_link_and_reads_back.hypothesis.inner_test(text)


def test_front_matter_round_trip():
    meta, body = split_front_matter("---\ntitle: X\n---\n\n# X\n")
    assert meta == {"title": "X"} and body == "# X\n"
    assert split_front_matter("# no front matter\n") == ({}, "# no front matter\n")


from hypothesis import given, strategies as st  # noqa: E402
import yaml  # noqa: E402

from generator.markdown import front_matter  # noqa: E402


@given(st.dictionaries(st.sampled_from(["title", "description", "as_of"]),
                       st.text() | st.integers() | st.booleans(), min_size=1))
def test_front_matter_reads_back_as_written(meta):
    """Front matter is written without the YAML dumper: any string must still read back
    exactly (line separators, quotes, tags such as !ENV, '---')."""
    meta = {k: v.replace("\r", " ") if isinstance(v, str) else v for k, v in meta.items()}
    assert yaml.safe_load(front_matter(meta)) == meta


def test_citations_say_outlet_and_date_and_keep_the_line_in_the_title():
    from generator.compose import Cited
    from generator.markdown import Renderer
    from generator.structure import SourceMeta
    sources = {"a": SourceMeta("a", "a.txt", "Talks end", "The Wire", "2025-10-30"),
               "b": SourceMeta("b", "b.txt", "Old talks", "The Post", "2024-03-04"),
               "c": SourceMeta("c", "c.txt", "Undated", "The Desk", None)}
    renderer = Renderer(sources)
    assert renderer.cite(Cited("x", "a", 12), "taiwan.md") == \
        '[The Wire, 30 Oct](sources/a.md#p12 "Talks end, line 12"){ .cite data-search-exclude }'
    assert "[The Post, 4 Mar 2024]" in renderer.cite(Cited("x", "b", 3), "taiwan.md")
    assert "[The Desk, undated]" in renderer.cite(Cited("x", "c", 3), "taiwan.md")


def test_a_citation_links_from_the_folder_of_each_page_that_shows_it():
    """A renderer remembers each paragraph's citation per folder, not per page."""
    from generator.compose import Cited
    from generator.markdown import Renderer
    from generator.structure import SourceMeta
    renderer = Renderer({"a": SourceMeta("a", "a.txt", "Talks end", "The Wire", "2025-10-30")})
    cited = Cited("x", "a", 12)
    assert "](sources/a.md#p12 " in renderer.cite(cited, "taiwan.md")
    assert "](../sources/a.md#p12 " in renderer.cite(cited, "more/taiwan-2.md")
    assert "](a.md#p12 " in renderer.cite(cited, "sources/index.md")
    assert "](sources/a.md#p12 " in renderer.cite(cited, "quotes.md")


def test_citations_stay_out_of_the_search_index_and_keep_hostile_outlets_literal():
    """Material's search skips an element marked data-search-exclude; the outlet's name is
    still escaped text."""
    from generator.compose import Cited
    from generator.markdown import Renderer
    from generator.structure import SourceMeta
    outlet = '<img src=x onerror=alert(1)> {: data-x } *Wire*'
    renderer = Renderer({"a": SourceMeta("a", "a.txt", 'T "q" <b>', outlet, "2025-10-30")})
    html_out = markdown.markdown(f"Said so. {renderer.cite(Cited('x', 'a', 7), 'taiwan.md')}",
                                 extensions=NAMES, extension_configs=CONFIGS)
    link, = re.findall(r"<a [^>]*>", html_out)
    assert "data-search-exclude" in link and 'class="cite"' in link
    assert "<img" not in html_out and "onerror=alert(1)" not in link
    text = html.unescape(re.sub(r"<[^>]+>", "", html_out))
    assert text == f"Said so. {outlet}, 30 Oct"


def test_an_entry_many_sources_report_names_a_few_and_counts_the_rest():
    from generator.blocks import ALSO_SHOWN, Cited, CitedList, Page
    from generator.markdown import Renderer
    from generator.structure import SourceMeta
    sources = {f"s{n}": SourceMeta(f"s{n}", f"s{n}.txt", "T", f"Outlet {n}", "2025-10-30")
               for n in range(40)}
    item = Cited("The tariff falls to 10%.", "s0", 3,
                 tuple(Cited("Same.", f"s{n}", 4) for n in range(1, 40)))
    page = Page("x.md", "X", "d", (CitedList(None, (item,)),))
    [line] = Renderer(sources).block(page.blocks[0], page)
    assert line.count("{ .cite") == 1 + ALSO_SHOWN
    assert line.endswith(f"*and {39 - ALSO_SHOWN} more sources*")


def test_the_count_after_the_named_citations_counts_sources_not_paragraphs():
    from generator.blocks import ALSO_SHOWN, Cited, CitedList, Page
    from generator.markdown import Renderer
    from generator.structure import SourceMeta
    sources = {f"s{n}": SourceMeta(f"s{n}", f"s{n}.txt", "T", f"Outlet {n}", "2025-10-30")
               for n in range(3)}
    many = tuple(Cited("Same.", "s1", line) for line in range(4, 4 + ALSO_SHOWN + 5))
    page = Page("x.md", "X", "d", ())
    renderer = Renderer(sources)
    assert renderer.cites(many, page.path).endswith("*and 5 more paragraphs*")
    assert renderer.cites(many + (Cited("Same.", "s2", 9),), page.path).endswith(
        "*and 1 more source*")


def test_a_key_figure_shows_three_rival_values_and_counts_the_rest():
    from generator.blocks import RIVALS_SHOWN, Cited, FigureRow, FigureTable, Page
    from generator.markdown import Renderer
    from generator.structure import SourceMeta
    sources = {f"s{n}": SourceMeta(f"s{n}", f"s{n}.txt", "T", f"Outlet {n}", "2025-10-30")
               for n in range(10)}
    rivals = tuple(FigureRow("copper", (f"{n}%",), (Cited("x", f"s{n}", 2),)) for n in range(1, 10))
    fact = FigureRow("copper", ("5%",), (Cited("x", "s0", 2),), disagreeing=rivals)
    page = Page("x.md", "X", "d", (FigureTable("Key figures", (fact,)),))
    lines = Renderer(sources).block(page.blocks[0], page)
    assert sum("*Sources differ:*" in line for line in lines) == RIVALS_SHOWN
    assert lines[-1] == f"    - *and {9 - RIVALS_SHOWN} other values in other sources*"


def test_a_name_spelt_two_ways_shows_each_spelling_with_its_citation():
    from generator.blocks import Cited, Page, PersonCard
    from generator.markdown import Renderer
    from generator.structure import SourceMeta
    sources = {"a": SourceMeta("a", "a.txt", "T", "The Wire", "2025-10-30"),
               "b": SourceMeta("b", "b.txt", "T", "The Post", "2025-10-30")}
    card = PersonCard("Guo Jiakun", "guo-jiakun", None, 3, ("Gou Jiakun",), (), None, 0,
                      (("Guo Jiakun", (Cited("x", "a", 4),)), ("Gou Jiakun", (Cited("y", "b", 9),))))
    page = Page("people.md", "Who's who", "d", (card,))
    lines = Renderer(sources).block(card, page)
    assert any(line.startswith("- Guo Jiakun [The Wire, 30 Oct](sources/a.md#p4 ")
               for line in lines)
    assert any(line.startswith("- Gou Jiakun [The Post, 30 Oct](sources/b.md#p9 ")
               for line in lines)
