"""Long pages: a ranked, capped first page and numbered pages holding every other entry once."""

import pytest

from generator import paginate as pg
from generator.blocks import Cited, CitedList, Link, LinkList, Page, PersonCard, QuoteEntry, \
    QuoteGroup
from generator.compose import compose_pages, item_rank
from generator.markdown import render_pages
from generator.pipeline import build_briefing, site_navigation
from generator.load import find_sources
from tests.corpus import write_desk


def cited(number: int, source: str = "s") -> Cited:
    return Cited(f"Paragraph {number} says something with a few more words in it.", source,
                 number)


def by_number(item) -> tuple:
    """Higher line numbers rank first (like the most recent source)."""
    return (-getattr(item, "quote", item).line,)


def every_item(pages):
    return [item for page in pages for block in page.blocks
            if isinstance(block, CitedList) for item in block.items]


def test_a_page_that_fits_is_left_alone():
    page = Page("a.md", "A", "d", (CitedList(None, tuple(cited(n) for n in range(20))),))
    assert pg.paginate(page, by_number) == [page]


def test_a_long_list_keeps_its_best_entries_first_and_every_other_entry_once():
    items = tuple(cited(n) for n in range(2000))
    page = Page("section.md", "Section", "d", (CitedList("Topic", items),))
    pages = pg.paginate(page, by_number)
    first, *more = pages
    shown = [i for b in first.blocks if isinstance(b, CitedList) for i in b.items]
    assert [i.line for i in shown] == list(range(1999, 1999 - pg.FIRST_PER_LIST, -1))
    assert sorted(i.line for i in every_item(pages)) == list(range(2000))  # each exactly once
    rest = [i.line for i in every_item(more)]
    assert rest == sorted(rest)  # further pages keep the original order
    assert all(pg.weight(b) <= pg.PAGE_BUDGET + 1000 for p in more for b in p.blocks)
    links = next(b for b in first.blocks if isinstance(b, LinkList)).links
    assert [link.page for link in links] == [p.path for p in more]
    assert all(p.part_of == "section.md" and p.path.startswith("more/") for p in more)
    for page_after in more:
        pages_block = page_after.blocks[-1]
        assert pages_block.links[0].page == "section.md"
    assert all(isinstance(b, CitedList) and b.heading == "Topic"
               for p in more for b in p.blocks[:-1])


def test_blocks_with_the_weakest_entries_move_out_whole_when_the_first_page_is_full():
    strong = CitedList("Strong", tuple(cited(n) for n in range(100, 110)))
    weak = CitedList("Weak", tuple(cited(n) for n in range(10)))
    cut = pg.split((weak, strong), by_number, budget=1000, per_list=3)
    assert [b.heading for b in cut.first] == ["Strong"]
    assert [len(b.items) for b in cut.rest] == [10, 7]


def test_links_into_a_split_page_follow_their_anchor():
    entries = tuple(QuoteEntry(cited(n)) for n in range(3))
    groups = [QuoteGroup(f"Speaker {n}", f"speaker-{n}", entries) for n in range(400)]
    quotes = Page("quotes.md", "Key quotes", "d", tuple(groups))
    card = PersonCard("Speaker 399", "speaker-399", None, 1, (), (cited(1),),
                      "quotes.md#speaker-399")
    people = Page("people.md", "Who's who", "d", (card,))
    pages = pg.relink([*pg.paginate(quotes, by_number), people])
    moved = pages[-1].blocks[0].quotes_link
    path, anchor = moved.split("#")
    assert path.startswith("more/quotes-") and anchor == "speaker-399"
    assert any(b.anchor == anchor for p in pages if p.path == path for b in p.blocks
               if isinstance(b, QuoteGroup))


def test_an_index_of_links_keeps_its_order():
    links = tuple(Link(f"Source {n}", f"sources/s{n}.md", "Outlet") for n in range(3000))
    pages = pg.paginate(Page("sources/index.md", "Sources", "d", (LinkList(None, links),)),
                        by_number)
    shown = [link.title for p in pages for b in p.blocks if isinstance(b, LinkList)
             and b.heading is None for link in b.links]
    assert shown == [f"Source {n}" for n in range(3000)]


@pytest.fixture(scope="module")
def desk(tmp_path_factory, config):
    folder = tmp_path_factory.mktemp("desk")
    write_desk(folder, 150)
    return build_briefing(find_sources(folder), config)


def test_a_desk_of_150_articles_gives_pages_of_bounded_size_and_a_navigation_without_them(
        desk, config):
    pages = compose_pages(desk, config)
    rendered = render_pages(pages, {s.meta.id: s.meta for s in desk.sources}, {})
    briefing_pages = {p: text for p, text in rendered.items()
                      if not p.startswith("sources/") or p.endswith("index.md")}
    assert any(p.startswith("more/") for p in briefing_pages)
    assert max(len(text) for text in briefing_pages.values()) < 150_000
    nav = site_navigation(pages, [])
    assert not any("more/" in str(entry) for entry in nav)


def test_the_first_page_ranks_the_most_recent_source_first(desk, config):
    rank = item_rank(desk)
    newest = max(desk.sources, key=lambda s: (s.meta.date or "", s.meta.id))
    oldest = min(desk.sources, key=lambda s: (s.meta.date or "", s.meta.id))
    assert rank(Cited("x", newest.meta.id, 5)) < rank(Cited("x", oldest.meta.id, 5))
    assert rank(Cited("x", oldest.meta.id, 5)) > rank(Cited("x", newest.meta.id, 50))


def test_a_list_showing_only_its_note_is_kept_when_pages_are_cut():
    note = CitedList("Empty", (), note="Nothing yet.")
    assert pg.chunks((note,)) == [(note,)]


def test_further_pages_of_pages_in_folders_keep_their_folder():
    assert pg.more_path(Page("sources/index.md", "S", "d", ()), 2) == "more/sources/index-2.md"
    assert pg.more_path(Page("sources-index.md", "S", "d", ()), 2) == "more/sources-index-2.md"
