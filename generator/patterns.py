"""Editors' regular expressions (the cleaning rules of briefing.yml), run with a time limit.

A pattern such as ``^(\\w|\\w\\w)+$`` or ``(a+)+b`` — easy to write, and fine on the lines it was
written for — can take exponential time on one hostile line of a source: Python's ``re``
would hang the run for ever. Editors' patterns are compiled with the ``regex`` module, which
mitigates many such patterns and, for the rest, stops a match after ``TIME_LIMIT`` seconds;
the run then ends with a one-line error naming the pattern's line in briefing.yml and the
source whose line it could not read. The defaults (generator/defaults.yml) are the project's
own, written to be linear and tested so (tests/test_linear.py): they stay ``re`` patterns,
three to five times faster per match.
"""

from __future__ import annotations

import re

import regex

from generator.errors import BriefingError

TIME_LIMIT = 1.0  # seconds one match may take; a linear pattern takes microseconds per line
FLAGS = regex.IGNORECASE | regex.V0  # V0: the syntax and behaviour of Python's re


class PatternTooSlow(BriefingError):
    """An editor's pattern ran out of time on a line of a source."""

    def on(self, source: str) -> PatternTooSlow:
        """The same error, naming the source whose line it could not read."""
        return PatternTooSlow(f"{self.message} on a line of {source}", self.path, self.line,
                              self.hint)


class EditorPattern:
    """A compiled pattern from the configuration, with ``re.Pattern``'s ``search``, ``match``
    and ``fullmatch`` and its ``pattern``, ``flags`` (as ``re`` reads them) and
    ``groupindex``; ``written`` is the pattern as the editor wrote it and ``where`` names it
    (``cleaning.boilerplate[3]``) for errors."""

    __slots__ = ("compiled", "pattern", "flags", "groupindex", "written", "where", "path",
                 "line")

    def __init__(self, source: str, written: str, where: str, path: str, line: int | None):
        try:
            re.compile(source, re.IGNORECASE)  # the syntax editors are told of is Python's re
            self.compiled = regex.compile(source, FLAGS)
        except (re.error, regex.error, ValueError, OverflowError, RecursionError) as error:
            raise BriefingError(f"{where}: bad regular expression {written!r}: {error}",
                                path, line) from None
        self.pattern, self.flags = source, re.IGNORECASE
        self.groupindex = dict(self.compiled.groupindex)
        self.written, self.where, self.path, self.line = written, where, path, line

    def search(self, text: str) -> regex.Match | None:
        try:
            return self.compiled.search(text, timeout=TIME_LIMIT)
        except TimeoutError:
            raise self.too_slow() from None

    def match(self, text: str) -> regex.Match | None:
        try:
            return self.compiled.match(text, timeout=TIME_LIMIT)
        except TimeoutError:
            raise self.too_slow() from None

    def fullmatch(self, text: str) -> regex.Match | None:
        try:
            return self.compiled.fullmatch(text, timeout=TIME_LIMIT)
        except TimeoutError:
            raise self.too_slow() from None

    def too_slow(self) -> PatternTooSlow:
        return PatternTooSlow(
            f"{self.where}: the regular expression {self.written!r} took more than "
            f"{TIME_LIMIT:g} s", self.path, self.line,
            hint="a repeat inside a repeat, like (\\w+\\s?)+ or (a+)+, can take exponential "
                 "time: rewrite it without the nesting, e.g. [\\w\\s]+")

    def __repr__(self) -> str:
        return f"EditorPattern({self.written!r}, {self.where})"


RulePattern = re.Pattern | EditorPattern
"""A cleaning rule's pattern: the defaults' are plain ``re`` patterns, an editor's timed."""
