"""Editors' regular expressions (the cleaning rules of briefing.yml), run with a time limit.

A pattern such as ``^(\\w|\\w\\w)+$`` or ``(a+)+b`` — easy to write, and fine on the lines it was
written for — can take exponential time on one hostile line of a source: Python's ``re``
would hang the run for ever. Editors' patterns are compiled with the ``regex`` module, which
mitigates many such patterns and, for the rest, stops a match after ``TIME_LIMIT`` seconds,
and a pattern after ``TIME_BUDGET`` seconds over all its matches in a run (thirty lines that
each take 0.9 s are as bad as one that takes forever); the run then ends with a one-line error
naming the pattern's line in briefing.yml and the source it was reading. A pattern whose
counted repeats expand past ``MAX_EXPANDED`` (``a{4294967294}``, which ``re`` accepts) is
refused before ``regex`` compiles it: it builds the expansion in memory. The defaults
(generator/defaults.yml) are the project's own, written to be linear and tested so
(tests/test_linear.py): they stay ``re`` patterns, three to five times faster per match.
"""

from __future__ import annotations

import re
import time

import regex

from generator.errors import BriefingError

TIME_LIMIT = 1.0  # seconds one match may take; a linear pattern takes microseconds per line
TIME_BUDGET = 10.0  # seconds of all one pattern's matches in a run (a desk of 1,000: ~0.03 s)
MAX_EXPANDED = 10_000  # characters a pattern may stand for once its counted repeats expand
FLAGS = regex.IGNORECASE | regex.V0  # V0: the syntax of Python's re (see the README)

_parser = re._parser  # the parser behind re.compile (Python 3.11+, as pyproject.toml asks)


class PatternTooSlow(BriefingError):
    """An editor's pattern ran out of time on a source."""

    def on(self, source: str) -> PatternTooSlow:
        """The same error, naming the source it was reading."""
        return PatternTooSlow(f"{self.message} reading {source}", self.path, self.line,
                              self.hint)


def expanded_size(items) -> int:
    """How many characters a parsed pattern stands for once each counted repeat is written out
    (a bounded one at its upper count, an open one at its lower): what ``regex`` builds."""
    size = 0
    for op, value in items:
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
            low, high, inner = value
            count = low if high == _parser.MAXREPEAT else high
            size += max(1, count) * expanded_size(inner)
        elif op is _parser.SUBPATTERN:
            size += expanded_size(value[-1])
        elif op is _parser.BRANCH:
            size += max(expanded_size(branch) for branch in value[1])
        elif op is _parser.ATOMIC_GROUP:
            size += expanded_size(value)
        elif op in (_parser.ASSERT, _parser.ASSERT_NOT):
            size += expanded_size(value[1])
        else:
            size += 1
        if size > MAX_EXPANDED:
            break  # enough to refuse: no need to multiply on (the product can be huge)
    return size


def bad_expression(where: str, written: str, error: Exception, path: str,
                   line: int | None) -> BriefingError:
    """The one-line error for a configured pattern that does not compile."""
    return BriefingError(f"{where}: bad regular expression '{written}': {error}", path, line)


class EditorPattern:
    """A compiled pattern from the configuration, with ``re.Pattern``'s ``search``, ``match``
    and ``fullmatch`` and its ``pattern``, ``flags`` (as ``re`` reads them) and
    ``groupindex``; ``written`` is the pattern as the editor wrote it and ``where`` names it
    (``cleaning.boilerplate[3]``) for errors; ``spent`` is the processor time its matches
    took in this run."""

    __slots__ = ("compiled", "pattern", "flags", "groupindex", "written", "where", "path",
                 "line", "spent")

    def __init__(self, source: str, written: str, where: str, path: str, line: int | None):
        try:
            parsed = _parser.parse(source, re.IGNORECASE)  # the syntax is Python's re
            re.compile(source, re.IGNORECASE)
        except (re.error, ValueError, OverflowError, RecursionError) as error:
            raise bad_expression(where, written, error, path, line) from None
        if expanded_size(parsed) > MAX_EXPANDED:
            raise BriefingError(f"{where}: the regular expression '{written}' repeats too much "
                                f"(over {MAX_EXPANDED:,} characters once its counts are "
                                "written out)", path, line,
                                hint="use + or * rather than a large count such as {5000}")
        try:
            self.compiled = regex.compile(source, FLAGS)
        except (regex.error, ValueError, OverflowError, RecursionError, MemoryError) as error:
            raise bad_expression(where, written, error, path, line) from None
        self.pattern, self.flags = source, re.IGNORECASE
        self.groupindex = dict(self.compiled.groupindex)
        self.written, self.where, self.path, self.line = written, where, path, line
        self.spent = 0.0

    def search(self, text: str) -> regex.Match | None:
        return self._timed(self.compiled.search, text)

    def match(self, text: str) -> regex.Match | None:
        return self._timed(self.compiled.match, text)

    def fullmatch(self, text: str) -> regex.Match | None:
        return self._timed(self.compiled.fullmatch, text)

    def _timed(self, run, text: str) -> regex.Match | None:
        """One match, within TIME_LIMIT and what is left of TIME_BUDGET."""
        limit = min(TIME_LIMIT, TIME_BUDGET - self.spent)
        start = time.process_time()
        try:
            found = run(text, timeout=max(limit, 0.0))
        except TimeoutError:
            raise self.too_slow(limit < TIME_LIMIT) from None
        self.spent += time.process_time() - start
        if self.spent > TIME_BUDGET:
            raise self.too_slow(True)
        return found

    def too_slow(self, in_all: bool = False) -> PatternTooSlow:
        took = f"{TIME_BUDGET:g} s over its matches" if in_all else f"{TIME_LIMIT:g} s on one line"
        return PatternTooSlow(
            f"{self.where}: the regular expression '{self.written}' took more than {took}",
            self.path, self.line,
            hint="a repeat inside a repeat, like (\\w+\\s?)+ or (a+)+, can take exponential "
                 "time: rewrite it without the nesting, e.g. [\\w\\s]+")

    def __repr__(self) -> str:
        return f"EditorPattern({self.written!r}, {self.where})"


RulePattern = re.Pattern | EditorPattern
"""A cleaning rule's pattern: the defaults' are plain ``re`` patterns, an editor's timed."""
