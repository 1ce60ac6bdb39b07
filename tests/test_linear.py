"""Every analysis stage takes time linear in its input, on adversarial input too.

A text 8 times longer must take about 8 times as long, never 64 (quadratic): a pattern that reads
a whole run of word characters from each of its positions ("A'A'A'…", "1,1,1,…", "......"), or a
step whose work per word grows with the number of people named, shows at once. Most checks time
the whole per-source analysis (cleaning, sections, people, quotations) and the extractions the
pages run on its paragraphs (mentions, dates, figures, glossary).
"""

from __future__ import annotations

import gc
import itertools
import string
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from generator.dates import find_events
from generator.figures import find_figures
from generator.glossary import define_terms
from generator.people import base_index, count_mentions, find_people
from generator.pipeline import _analyse_loaded
from generator.structure import RawLine, SourceMeta, SourceParagraph

META = SourceMeta(id="x", path="x.txt", title="T", outlet="O", date="2025-10-30", url=None,
                  notes=())
GROWTH = 8  # the long text is this many times the short one
SLACK = 1.5  # on top of GROWTH, for noise (a quadratic stage needs GROWTH times more)
FLOOR = 0.05  # seconds, for noise on very short runs


def analyse(config, text: str) -> None:
    """The whole analysis of a source with this text after its title, lines as in the file."""
    lines = (RawLine(1, "Title here"), RawLine(2, ""),
             *(RawLine(n, line) for n, line in enumerate(text.split("\n"), start=3)))
    paragraphs = _analyse_loaded(META, lines, config).source.paragraphs
    index = base_index(config)
    find_people(paragraphs, index)
    count_mentions(paragraphs, index)
    find_events(paragraphs, META.date)
    find_figures(paragraphs)
    define_terms(paragraphs, config.glossary)


def fastest(work: Callable[[str], object], text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.disable()
        try:
            start = time.perf_counter()
            work(text)
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def assert_linear(work: Callable[[str], object], short: str, long: str) -> None:
    """``work`` on the long text takes at most about len(long) / len(short) times as long."""
    growth = len(long) / len(short)
    t_short = fastest(work, short, 3)
    bound = growth * t_short * SLACK + FLOOR
    t_long = fastest(work, long, 1)
    if t_long > bound:  # one slow run may be noise: the best of two more decides
        t_long = min(t_long, fastest(work, long, 2))
    assert t_long <= bound, (f"{len(long)} characters took {t_long:.3f}s, {len(short)} took "
                             f"{t_short:.3f}s: more than linear")


def repeated(unit: str, size: int) -> str:
    """The unit an even number of times, about size long (marks pair alike at every size)."""
    return unit * max(2, size // len(unit) // 2 * 2)


UNITS = {
    # quote marks, straight and curly, alone and around a word
    "straight-quotes": '"', "open-quotes": "“", "close-quotes": "”", "apostrophes": "'",
    "curly-apostrophes": "’", "quoted-words": '"A ',
    # apostrophes inside one endless word (the speaker grammar was quadratic: 210 s at 32 KB)
    "A'": "A'", "a'": "a'",
    # brackets and colons
    "parens": "(", "brackets": "[", "A(": "A(", "colons": ":", "labels": "A: ",
    "said-colon-quote": 'Xi said: "',
    # capitals and initials (names and titles: quotes, people)
    "capitals": "A", "Mr.": "Mr. ", "A.": "A.", "U.S.": "U.S. ",
    # long runs of one character (one word: quotes; one number: quotes)
    "letters": "a", "digits": "1", "stops": ".", "dashes": "-", "commas": ",",
    # digits and dashes inside a word (numbers: figures; hyphenated names: people)
    "1,": "1,", "a-": "a-",
    # mixtures
    "said-quote": 'said "', "role-name": "spokesperson Ab Cd ", "dates": "on Monday 3 May 2025, ",
    # a footer of many links after "Home page" (the page-header rule must not backtrack)
    "page-pipes": "page | ",
    # captions ending on a credit, credits with places, a post's counters
    "photo-credits": ". Photo: A", "credit-dots": ".Credit...", "reporters": "Reporter: Abc ",
    "counters": "1K likes ",
    # a printed column's lines broken at a hyphen, going on at a capital
    "hyphen-columns": "Abc de-\nfg Hij ",
}


@pytest.mark.parametrize("unit", list(UNITS.values()), ids=list(UNITS))
def test_a_long_line_of_one_unit_takes_linear_time(config, unit):
    short = repeated(unit, 4096)
    assert_linear(lambda text: analyse(config, text), short, short * GROWTH)


ARTICLE_BODY = ("The two delegations met for several hours on Thursday and agreed to keep talking "
                "about the tariffs that both sides have raised since the spring.")


@pytest.mark.parametrize("unit", ["a-", "://", "a.b/", "— "], ids=["dashes", "schemes", "paths",
                                                                    "attributions"])
def test_a_long_open_line_inside_an_article_takes_linear_time(config, unit):
    """Inside the article every open line is asked whether it closes a post (a link at its end,
    an attribution) and whether it stands in a run of headlines."""
    def article(line: str) -> str:
        return f"{ARTICLE_BODY}\n\n{line}\n\n{ARTICLE_BODY.replace('Thursday', 'Friday')}"
    short = repeated(unit, 4096)
    assert_linear(lambda text: analyse(config, article(text)), short, short * GROWTH)


def _people(count: int, misspelt: bool = False) -> str:
    """Paragraphs naming that many people with their roles, all different or one typo apart."""
    triples = itertools.islice(itertools.product(string.ascii_lowercase, repeat=3), count)
    names = [f"Guo Jiak{a}{b}{c}n" if misspelt else f"{a.upper()}{b}{c}la {c.upper()}{a}{b}ko"
             for a, b, c in triples]
    return "\n\n".join(f"spokesperson {name} said talks went well, and {name.split()[-1]} left."
                       for name in names)


LONG_TEXTS = {
    "a-run-of-stops": lambda size: "It ended" + "?!." * (size // 3) + " and then it began.",
    "short-lines": lambda size: "\n".join(["A b c"] * (size // 6)),
    "paragraphs": lambda size: "\n\n".join(['Officials met. "We will keep talking," Roe said.']
                                           * (size // 50)),
    "open-quotes": lambda size: "\n\n".join(["“We will keep talking about soybeans"]
                                            * (size // 38)),
    "colon-intros": lambda size: "\n\n".join(["Trump said:", "We will win this."] * (size // 30)),
    "breadcrumbs": lambda size: "\n".join(f"A > B > C{n}" for n in range(size // 12)),
    "people": lambda size: _people(size // 60),
    "misspellings": lambda size: _people(size // 40, misspelt=True),
}


@pytest.mark.parametrize("make", list(LONG_TEXTS.values()), ids=list(LONG_TEXTS))
def test_a_long_file_of_many_paragraphs_takes_linear_time(config, make):
    assert_linear(lambda text: analyse(config, text), make(4096), make(4096 * GROWTH))


@pytest.mark.parametrize("misspelt", [False, True], ids=["different", "misspelt"])
def test_finding_and_counting_many_people_takes_linear_time(config, misspelt):
    """Every person named adds forms to look for: the work per word must not grow with them."""
    def find_and_count(text: str) -> None:
        paragraphs = [SourceParagraph("x", n, t) for n, t in enumerate(text.split("\n\n"))]
        index = base_index(config)
        find_people(paragraphs, index)
        count_mentions(paragraphs, index)

    assert_linear(find_and_count, _people(8192 // 60, misspelt),
                  _people(8192 * GROWTH // 60, misspelt))


TRICKY = string.ascii_letters + string.digits + " '’\"“”:,.;()[]-—"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=TRICKY, min_size=1, max_size=8))
def test_no_short_unit_repeated_makes_the_analysis_more_than_linear(config, unit):
    short = repeated(unit, 2048)
    assert_linear(lambda text: analyse(config, text), short, short * GROWTH)


def _letters(number: int) -> str:
    return "".join(string.ascii_lowercase[int(d)] for d in str(number))


def _fact_desk(size: int, wordings: tuple[str, ...]) -> str:
    """Paragraphs about size long, each from its own source, cycling through the wordings:
    {n} is the paragraph's number, {m} one of seven, {w} a word of its own."""
    count = max(2, size // len(wordings[0]))
    return "\n\n".join(wordings[n % len(wordings)].format(n=n, m=n % 7, w=_letters(n))
                       for n in range(count))


STATEMENT_DESKS = {
    # one fact told by every source: every key is common, the group grows to every source
    "one-fact": ("China will buy 12 million tonnes of US soybeans this season, officials said.",
                 "Beijing agreed to buy 12m tonnes of American soybeans this season.",
                 "The US said China would purchase 12 million tonnes of soybeans this season."),
    # the same words with other figures: candidates whose figures disagree
    "figures": ("Tariffs on the goods fell to {m} per cent from {n} per cent on Monday.",),
    # every paragraph different: every key rare
    "distinct": ("Delegate {w}ab met envoy {w}cd about cargo {w}ef and fees at port {w}gh.",),
    # one endless paragraph of figures and words
    "one-paragraph": ("ten per cent of 1,1,1 $ 5bn a year a a a " * 20,),
}


@pytest.mark.parametrize("wordings", list(STATEMENT_DESKS.values()), ids=list(STATEMENT_DESKS))
def test_grouping_statements_across_sources_takes_linear_time(wordings):
    """Candidates come from capped posting lists, never all pairs; groups grow by joins."""
    from generator.statements import group_statements

    def group(text: str) -> None:
        paragraphs = [SourceParagraph(f"s{n}", 1, t) for n, t in enumerate(text.split("\n\n"))]
        group_statements(paragraphs, {p.source_id: n for n, p in enumerate(paragraphs)})

    assert_linear(group, _fact_desk(8192, wordings), _fact_desk(8192 * GROWTH, wordings))
