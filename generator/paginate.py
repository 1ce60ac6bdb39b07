"""Stage 5b: a long page becomes a ranked first page and numbered pages for the rest.

At a thousand sources a section page would hold a thousand paragraphs. Its first page keeps
the best few of each list (ranked: most corroborated, then most recent) within a size budget;
every other item stays, in its original order, on numbered pages under ``more/`` that the
first page links to. Each item is on exactly one page, and links into a split page (a
speaker's quotations, a person) are pointed at the page that now holds their anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from generator.blocks import (ALSO_SHOWN, RIVALS_SHOWN, Block, Cited, CitedList, Definition,
                              FigureRow, FigureTable, Link, LinkList, Page, Part, PersonCard,
                              QuoteEntry, QuoteGroup)

FIRST_BUDGET = 40_000  # characters of text on a first page
PAGE_BUDGET = 60_000  # characters of text on each further page
FIRST_PER_LIST = 8  # items of one list on a first page
CITATION = 160  # what a citation adds to an item, in characters of Markdown
MORE_FOLDER = "more"

Rank = Callable[[object], tuple]


@dataclass(frozen=True)
class Split:
    """A page cut in two: what its first page keeps and what goes on numbered pages."""

    first: tuple[Block, ...]
    rest: tuple[Block, ...]


def _items(block: Block) -> tuple | None:
    if isinstance(block, CitedList):
        return block.items
    if isinstance(block, QuoteGroup):
        return block.entries
    if isinstance(block, LinkList):
        return block.links
    return None


def _with_items(block: Block, items: tuple) -> Block:
    if isinstance(block, CitedList):
        return replace(block, items=items)
    if isinstance(block, QuoteGroup):
        return replace(block, entries=items)
    return replace(block, links=items)


def weight(thing: object) -> int:
    """About how many characters of Markdown a block or an item becomes."""
    if isinstance(thing, Cited):
        return len(thing.text) + CITATION * (1 + min(len(thing.also), ALSO_SHOWN))
    if isinstance(thing, QuoteEntry):
        return sum(weight(c) for c in (thing.quote, *thing.variants,
                                       *((thing.context,) if thing.context else ()))) + \
            CITATION * min(len(thing.same), ALSO_SHOWN)
    if isinstance(thing, Link):
        return len(thing.title) + len(thing.note) + len(thing.page) + 10
    if isinstance(thing, PersonCard):
        return 200 + sum(weight(q) for q in thing.quotes)
    if isinstance(thing, Definition):
        return 200 + (weight(thing.definition) if thing.definition else len(thing.written or ""))
    if isinstance(thing, FigureTable):
        return sum(_figure_weight(fact) + sum(_figure_weight(rival) for rival in
                                              fact.disagreeing[:RIVALS_SHOWN])
                   for fact in thing.facts)
    items = _items(thing)  # type: ignore[arg-type]
    if items is not None:
        return 100 + sum(weight(item) for item in items)
    return 500


def _figure_weight(fact: FigureRow) -> int:
    return len(fact.measure) + len(fact.figure) + CITATION * min(len(fact.citations),
                                                                 1 + ALSO_SHOWN)


def split(blocks: tuple[Block, ...], rank: Rank, budget: int | None = None,
          per_list: int | None = None) -> Split:
    """The first page: each list's ``per_list`` best items (in rank order), then, while over
    the budget, the blocks holding the weakest items move out whole. Lists of links keep their
    order (they are indexes, not claims to rank)."""
    budget = FIRST_BUDGET if budget is None else budget
    per_list = FIRST_PER_LIST if per_list is None else per_list
    if sum(weight(b) for b in blocks) <= budget:
        return Split(blocks, ())
    kept: list[Block | None] = []
    rest: list[Block | None] = []
    for block in blocks:
        items = _items(block)
        if items is None or (len(items) <= per_list and not isinstance(block, LinkList)):
            kept.append(block)
            rest.append(None)
            continue
        if isinstance(block, LinkList):
            chosen = set(range(_fitting(items, budget // 2)))
            best = [items[i] for i in sorted(chosen)]
        else:
            best_first = sorted(range(len(items)), key=lambda i: rank(items[i]))[:per_list]
            chosen, best = set(best_first), [items[i] for i in best_first]
        if len(chosen) == len(items):
            kept.append(block)
            rest.append(None)
            continue
        kept.append(_with_items(block, tuple(best)))
        rest.append(_with_items(block, tuple(item for i, item in enumerate(items)
                                             if i not in chosen)))
    order = sorted(range(len(blocks)), key=lambda i: _block_rank(kept[i], rank, i))
    total = sum(weight(b) for b in kept if b is not None)
    for index in reversed(order[1:]):
        if total <= budget:
            break
        total -= weight(kept[index])
        rest[index] = blocks[index]
        kept[index] = None
    return Split(tuple(b for b in kept if b is not None),
                 tuple(b for b in rest if b is not None))


def _fitting(items: tuple, budget: int) -> int:
    """How many of the first items fit in the budget (at least one)."""
    total = 0
    for count, item in enumerate(items):
        total += weight(item)
        if total > budget:
            return max(1, count)
    return len(items)


def _block_rank(block: Block | None, rank: Rank, position: int) -> tuple:
    items = _items(block) if block is not None else None
    if not items or isinstance(block, LinkList):
        return ((), position)
    return (min(rank(item) for item in items), position)


def chunks(blocks: tuple[Block, ...], budget: int | None = None) -> list[tuple[Block, ...]]:
    """Blocks cut into pages of about ``budget`` characters; a long list continues on the next
    page under the same heading."""
    budget = PAGE_BUDGET if budget is None else budget
    pages: list[list[Block]] = [[]]
    room = budget
    for block in blocks:
        items = _items(block)
        if not items:  # not a list, or a list showing only its note
            size = weight(block)
            if size > room and pages[-1]:
                pages.append([])
                room = budget
            pages[-1].append(block)
            room -= size
            continue
        part: list = []
        for item in items:
            size = weight(item)
            if part and size > room:
                pages[-1].append(_with_items(block, tuple(part)))
                pages.append([])
                room, part = budget, []
            elif not part and size > room and pages[-1]:
                pages.append([])
                room = budget
            part.append(item)
            room -= size
        if part:
            pages[-1].append(_with_items(block, tuple(part)))
    return [tuple(page) for page in pages if page]


def more_path(page: Page, number: int) -> str:
    """``more/framework-deal-2.md``; a page in a folder keeps it (``more/sources/index-2.md``),
    so two pages' further pages never share a path."""
    return f"{MORE_FOLDER}/{page.path.removesuffix('.md')}-{number}.md"


def continued_page(path: str) -> str | None:
    """The page a numbered page under ``more/`` continues (more_path read backwards), None for
    any other page: ``more/framework-deal-3.md`` → ``framework-deal.md``."""
    found = re.fullmatch(rf"{MORE_FOLDER}/(.+)-[0-9]+\.md", path)
    return f"{found[1]}.md" if found else None


def paginate(page: Page, rank: Rank) -> list[Page]:
    """The page itself when it fits, else its first page and the numbered pages after it."""
    cut = split(page.blocks, rank)
    if not cut.rest:
        return [page]
    parts = chunks(cut.rest)
    total = len(parts) + 1
    paths = [page.path, *(more_path(page, n) for n in range(2, total + 1))]
    links = tuple(Link(f"Page {n} of {total}", paths[n - 1], _describe(parts[n - 2]))
                  for n in range(2, total + 1))
    first = replace(page, blocks=(*cut.first, LinkList(
        "More on this page's subject", links)))
    more = []
    for number, blocks in enumerate(parts, start=2):
        around = [Link(f"{page.title}, first page", page.path)]
        around += [Link(label, paths[n - 1]) for label, n in (
            ("Previous page", number - 1), ("Next page", number + 1)) if 2 <= n <= total]
        more.append(Page(paths[number - 1], f"{page.title} (page {number} of {total})",
                         f"{page.title}, page {number} of {total}: {_describe(blocks)}.",
                         (*blocks, LinkList("Pages", tuple(around))),
                         nav_title=page.nav_title, searchable=page.searchable,
                         part_of=page.path))
    return [first, *more]


def _describe(blocks: tuple[Block, ...]) -> str:
    count = sum(len(items) if (items := _items(b)) is not None else 1 for b in blocks)
    return f"{count} more entries in their original order"


def anchors_of(page: Page) -> set[str]:
    return {b.anchor for b in page.blocks if isinstance(b, (QuoteGroup, PersonCard))}


def relink(pages: list[Page]) -> list[Page]:
    """Links to ``page.md#anchor`` point at the page of the same series holding the anchor."""
    home: dict[tuple[str, str], str] = {}
    for page in pages:
        for anchor in anchors_of(page):
            home.setdefault((page.part_of or page.path, anchor), page.path)
    result = []
    for page in pages:
        blocks = tuple(_relinked(block, home) for block in page.blocks)
        result.append(replace(page, blocks=blocks) if blocks != page.blocks else page)
    return result


def _relinked(block: Block, home: dict[tuple[str, str], str]) -> Block:
    if isinstance(block, Part):
        return replace(block, blocks=tuple(_relinked(b, home) for b in block.blocks))
    if isinstance(block, PersonCard) and block.quotes_link and "#" in block.quotes_link:
        path, anchor = block.quotes_link.split("#", 1)
        moved = home.get((path, anchor))
        if moved and moved != path:
            return replace(block, quotes_link=f"{moved}#{anchor}")
    return block
