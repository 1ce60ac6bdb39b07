"""Editors' regular expressions: Python's re syntax and results, and a time limit on each match."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings, strategies as st

from generator import patterns
from generator.config import load_config
from generator.errors import BriefingError
from generator.patterns import EditorPattern, PatternTooSlow

# Patterns that Python's re takes exponential time on, and lines that make them do so.
SLOW = [(r"^(\w|\w\w)+$", "abcdefghij" * 5 + "!"),
        (r"^(([a-z])+.)+[A-Z]([a-z])+$", "a" * 5000 + "!"),
        (r"(a+)+b", "a" * 5000)]


@pytest.fixture
def short_limit(monkeypatch):
    monkeypatch.setattr(patterns, "TIME_LIMIT", 0.2)


def pattern(source: str) -> EditorPattern:
    return EditorPattern(source, source, "cleaning.boilerplate[0]", "content/briefing.yml", 7)


@pytest.mark.parametrize("source, line", SLOW)
def test_a_pattern_that_backtracks_for_ever_stops_with_an_error_naming_it(short_limit, source,
                                                                          line):
    start = time.perf_counter()
    with pytest.raises(PatternTooSlow) as raised:
        pattern(source).search(line)
    assert time.perf_counter() - start < 2
    message = str(raised.value.on("content/sources/a.txt"))
    assert message.startswith("content/briefing.yml:7: cleaning.boilerplate[0]: the regular "
                              f"expression '{source}' took more than 0.2 s on one line "
                              "reading content/sources/a.txt (")
    assert "\n" not in message


def test_a_pattern_slow_on_every_line_but_never_too_slow_on_one_runs_out_of_budget(
        monkeypatch):
    """Found by a review: thirty lines that each took 0.9 s of a 1 s limit made a 1 KB source
    take 26 s, and a 2 MB one hours. A pattern's matches share one budget per run."""
    monkeypatch.setattr(patterns, "TIME_LIMIT", 1.0)
    monkeypatch.setattr(patterns, "TIME_BUDGET", 0.3)
    slow = pattern(r"^(\w|\w\w)+$")
    start = time.perf_counter()
    with pytest.raises(PatternTooSlow, match=r"took more than 0\.3 s over its matches"):
        for number in range(1000):
            slow.search(f"{number:04d}" + "abcdefghijklmnopqrst" + "!")  # ~0.02 s each
    assert time.perf_counter() - start < 3 and slow.spent > 0


@pytest.mark.parametrize("source", ["a{4294967294}", "(?:x{1000}){3000}", "(a{200}){200}"])
def test_a_pattern_that_would_fill_the_memory_is_refused_before_it_is_compiled(source):
    """Found by a review: re accepts a{4294967294} at once; regex built it in memory (19 GB,
    then 'unexpected MemoryError' with no file or line)."""
    start = time.perf_counter()
    with pytest.raises(BriefingError, match=r"repeats too much") as raised:
        pattern(source)
    assert str(raised.value).startswith("content/briefing.yml:7: ")
    assert time.perf_counter() - start < 1


def test_every_default_could_be_copied_into_briefing_yml():
    """An editor who copies the defaults to change them (replace_defaults) meets no limit."""
    config = load_config(None)
    for compiled in [r.regex for r in config.boilerplate] + list(
            config.list_labels + config.tail_labels + config.summary_labels):
        pattern(compiled.pattern)  # raises if refused


def test_the_syntax_is_pythons_re():
    with pytest.raises(BriefingError, match="bad regular expression"):
        pattern("see (?i)also")  # re refuses a global flag after the start; regex would not
    with pytest.raises(BriefingError, match=r"bad regular expression '\(unclosed'"):
        pattern("(unclosed")
    assert pattern("(?-i:[A-Z])x").search("Ax") and not pattern("(?-i:[A-Z])x").search("ax")


DEFAULT_SOURCES = sorted({rule.regex.pattern for rule in load_config(None).boilerplate})
NEWS_TEXT = st.lists(st.sampled_from(list(
    "abcdefgXYZ019 .,:;!?'\"-–—|/›»>()[]@#$%&*+_\n\téüßİıſK") + [
    "Share ", "Home ", "min read", "Photo: ", "Getty Images", "By ", "Reuters", "Updated ",
    "AP", "Advertisement", "©", "2025", "Oct. 30", "Subscribe", "Follow us"]),
    max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(index=st.integers(0, len(DEFAULT_SOURCES) - 1), text=NEWS_TEXT)
def test_the_defaults_match_what_re_matches(index, text):
    """An editor who copies the default rules into briefing.yml (to change them, with
    replace_defaults) gets the matches the defaults give under Python's re."""
    source = DEFAULT_SOURCES[index]
    expected = re.compile(source, re.IGNORECASE).search(text)
    found = pattern(source).search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_an_error_in_the_editors_first_rule_names_it_and_its_line(tmp_path):
    path = tmp_path / "briefing.yml"
    path.write_text("title: T\ncleaning:\n  boilerplate:\n    - reason: menu\n"
                    "      pattern: '(unclosed'\n")
    with pytest.raises(BriefingError) as raised:
        load_config(path)
    assert str(raised.value).startswith(
        f"{path}:5: briefing.yml.cleaning.boilerplate[0]: bad regular expression")
    path.write_text("title: T\ncleaning:\n  boilerplate:\n    - reason: menu\n"
                    "      pattern: '^menu$'\n")
    editors = load_config(path).boilerplate[-1].regex
    assert isinstance(editors, EditorPattern) and (editors.where, editors.line) == (
        "briefing.yml.cleaning.boilerplate[0]", 5)
    assert all(isinstance(rule.regex, re.Pattern)  # the defaults: plain re, no time limit
               for rule in load_config(None).boilerplate)


def test_the_defaults_match_what_re_matches_on_every_line_of_the_test_articles():
    """Every cleaning rule and label of the defaults, copied by an editor, on every line of the
    project's articles: the same match as under Python's re."""
    from pathlib import Path
    root = Path(__file__).resolve().parent
    lines = {line for path in sorted(root.glob("labelled/**/*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    config = load_config(None)
    editor = [rule.regex for rule in config.boilerplate] + list(
        config.list_labels + config.tail_labels + config.summary_labels)
    matched = 0
    for plain in editor:
        compiled = pattern(plain.pattern)
        for line in lines:
            expected, found = plain.search(line), compiled.search(line)
            assert (found and found.span()) == (expected and expected.span()), \
                (plain.pattern, line)
            matched += bool(found)
    assert matched > 100  # the rules do match lines of these articles
