"""The briefing's configuration: every option declared once, checked, with defaults.

``content/briefing.yml`` holds what editors tune (sources' metadata, section rules, boilerplate
patterns, people). ``generator/defaults.yml`` holds the defaults it is layered on.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import yaml

from generator.errors import BriefingError
from generator.files import read_regular_file, same_name
from generator.patterns import EditorPattern, RulePattern, bad_expression

DEFAULTS_PATH = Path(__file__).with_name("defaults.yml")
# Limits on what the YAML reader accepts, checked before any expensive work. The real
# briefing.yml is a few kilobytes and a few levels deep; these leave room to spare.
MAX_CONFIG_BYTES = 256 * 1024  # size of the file as read (bytes); PyYAML parses ~0.1 MB/s
MAX_YAML_DEPTH = 32  # lists and mappings inside one another
MAX_NUMBER_CHARS = 100  # an unquoted number longer than this is refused, not computed
SPECIAL_PAGES = ("quotes", "people", "timeline", "glossary", "other", "sources", "full")
NOT_SECTION_IDS = ("index", *SPECIAL_PAGES)  # pages of their own: index.md is the home page
SECTION_ID = re.compile(r"^[a-z][a-z0-9-]{0,40}$")


@dataclass(frozen=True)
class Term:
    """A section keyword: a phrase (matched on word boundaries, any case) and its weight."""

    phrase: str
    weight: float
    regex: re.Pattern = field(compare=False, repr=False)
    needle: str | None = field(default=None, compare=False, repr=False)  # see phrase_needle


@dataclass(frozen=True)
class Topic:
    label: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class SectionRule:
    id: str
    title: str
    threshold: float
    terms: tuple[Term, ...]
    topics: tuple[Topic, ...] = ()
    key_points: int = 2
    time: str | None = None  # "past" (how we got here) or "now" (what happens now)


@dataclass(frozen=True)
class BoilerplateRule:
    reason: str
    regex: RulePattern
    id: str | None = None  # lets other rules refer to this one ("picture-credit")
    # A phrase rule (live-blog housekeeping, teasers) removes only a short paragraph that is
    # mostly the phrase: at most max_words words, the sentence holding the match at least
    # min_share of them. A post that carries news as well keeps its place.
    max_words: int | None = None
    min_share: float = 0.0
    # A notice addressed to the reader never reports speech: with unless_reported, a paragraph
    # that does ("…, the agency urges on its site", "… told reporters") is not the notice.
    unless_reported: bool = False
    # A note that closes the article (a correction, a disclaimer): the article reaches down to
    # it, so its own short lines above the note (a timeline, "My picks:") stay.
    ends_article: bool = False
    # Removed only outside the article, above its first body paragraph or below its last;
    # inside it, the same line is quoted text ("To: Kevin Hassett" in a leaked e-mail) or a
    # table's header row.
    outside_article: bool = False


@dataclass(frozen=True)
class SourceEntry:
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    line: int | None = None  # where briefing.yml names the file, for messages


@dataclass(frozen=True)
class PersonRule:
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None


@dataclass(frozen=True)
class StatementRules:
    """How statements.py hears one fact in other words (the `statements:` section): words and
    phrases with one meaning under one name, words that make a figure approximate, words that
    deny, role nouns that name a person as their role does ("Chinese president" is also
    "the Chinese leader"), and pairs of meanings that contradict ("up", "down")."""

    same_meaning: tuple[tuple[str, tuple[str, ...]], ...] = ()
    hedges: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    leader_nouns: tuple[str, ...] = ()
    opposites: tuple[tuple[str, str], ...] = ()  # same_meaning names that contradict


@dataclass(frozen=True)
class Steering:
    """The `steer:` section: facts an editor drops from the pages, or pins to one page, each
    named by a paragraph reporting it as its source file and line ("wire.txt:12")."""

    drop: tuple[tuple[str, int], ...] = ()
    pin: tuple[tuple[str, int, str], ...] = ()  # file, line, page (a section id or "other")


@dataclass(frozen=True)
class Event:
    what: str = ""
    when: str | None = None
    where: str = ""


@dataclass(frozen=True)
class Config:
    title: str
    event: Event
    sources: dict[str, SourceEntry]
    sections: tuple[SectionRule, ...]
    pages: tuple[str, ...]
    boilerplate: tuple[BoilerplateRule, ...]
    labels: frozenset[str]
    buttons: frozenset[str]  # cleaning.buttons: labels that may be a subheading inside the article
    detect_bylines: bool
    detect_name_captions: bool
    tag_labels: frozenset[str]
    list_labels: tuple[RulePattern, ...]  # cleaning.list_labels, each for a whole label
    tail_labels: tuple[RulePattern, ...]  # cleaning.tail_labels, each for a whole label
    summary_labels: tuple[RulePattern, ...]  # cleaning.summary_labels, each for a whole label
    caption_after_credit: bool
    heading_max_words: int
    shape_model: float | bool  # the shape model's cut-off (0-1), True for its own, False for off
    speech_verbs: tuple[str, ...]
    narrator_labels: tuple[str, ...]
    organisation_words: tuple[str, ...]
    organisation_nouns: tuple[str, ...]
    heading_weight: float
    continue_previous: bool
    same_run_share: float  # of a section's threshold, to carry on the paragraph before's
    people: tuple[PersonRule, ...]
    glossary: dict[str, str]
    past_days: int = 30  # dates this many days or more before a source's own are its past
    path: str = "briefing.yml"
    fingerprint: str = ""
    statements: StatementRules = StatementRules()
    steer: Steering = Steering()

    def section(self, section_id: str) -> SectionRule:
        return next(s for s in self.sections if s.id == section_id)


class _LineLoader(yaml.SafeLoader):
    """Safe YAML that remembers the line of every mapping key, for one-line error messages.

    It also refuses what could make reading cost far more than the text's size: aliases (one
    ``*name`` can stand for a value that itself repeats others, "billion laughs"), and nesting
    deeper than MAX_YAML_DEPTH (PyYAML composes and constructs recursively). Both are checked
    event by event while composing, before any node below them is built.
    """

    def __init__(self, stream: Any):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise BriefingError(f"YAML alias '*{event.anchor}' is not allowed",
                                line=event.start_mark.line + 1,
                                hint="YAML aliases (*name), including merge keys (<<: *name), are "
                                     "not allowed in briefing.yml; write the value out in full")
        if not self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent):
            return super().compose_node(parent, index)
        if self._depth >= MAX_YAML_DEPTH:
            raise BriefingError(f"YAML nested more than {MAX_YAML_DEPTH} levels deep",
                                line=self.peek_event().start_mark.line + 1,
                                hint="lists and mappings inside one another; briefing.yml needs "
                                     "only a few levels, so flatten the structure")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _LineLoader, node: yaml.Node) -> dict:
    if not isinstance(node, yaml.MappingNode):
        raise BriefingError(f"the tag {node.tag!r} needs a mapping, not a {node.id}",
                            line=node.start_mark.line + 1, hint="remove the tag")
    mapping = LineDict()
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise BriefingError("YAML merge keys (<<) are not allowed",
                                line=key_node.start_mark.line + 1,
                                hint="write the keys out in full")
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool, dt.date)) or key is None:
            raise BriefingError("mapping keys must be plain text", line=line)
        if isinstance(key, bool):  # a term "yes:" or "on:" is the word, not True
            key = key_node.value
        if str(key) in mapping.lines:
            raise _duplicate_key(str(key), line, mapping.lines[str(key)])
        mapping[str(key)] = loader.construct_object(value_node, deep=True)
        mapping.lines[str(key)] = line
    return mapping


def _duplicate_key(key: str, line: int | None, first_line: int | None,
                   path: str | None = None) -> BriefingError:
    """YAML keeps the last of two equal keys, so a second ``sections:`` would silently replace
    the first and a repeated source entry would lose its metadata: refuse it instead."""
    return BriefingError(f"duplicate key {one_line(key)[:60]!r}", path, line,
                         hint=f"also at line {first_line}; keep one, merging what they hold")


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay text until checked, so an impossible date is an error with a line, not a crash.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp",
                            lambda loader, node: loader.construct_scalar(node))


def _checked_scalar(tag: str, kind: str) -> None:
    """Replace the constructor of a typed scalar (int, float, true/false) by one that turns a bad
    value (``!!int abc``, ``0b_``) into an error with a line, and refuses over-long numbers, which
    would cost time to compute and crash later when converted or printed."""
    construct = _LineLoader.yaml_constructors[tag]

    def constructor(loader: _LineLoader, node: yaml.Node) -> Any:
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode) and len(node.value) > MAX_NUMBER_CHARS:
            raise BriefingError(f"number longer than {MAX_NUMBER_CHARS} characters", line=line,
                                hint="put it in quotes to keep it as text")
        try:
            return construct(loader, node)
        except (ValueError, IndexError, KeyError, OverflowError):
            raise BriefingError(f"{str(node.value)[:40]!r} is not {kind}", line=line,
                                hint="put it in quotes to keep it as text") from None

    _LineLoader.add_constructor(tag, constructor)


_checked_scalar("tag:yaml.org,2002:int", "a whole number")
_checked_scalar("tag:yaml.org,2002:float", "a number")
_checked_scalar("tag:yaml.org,2002:bool", "true or false")


class LineDict(dict):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lines: dict[str, int] = {}


# briefing.yml is one file, so "split it" cannot help: say what can make it smaller.
CONFIG_TOO_LARGE = ("briefing.yml holds settings, not article text: remove what it no longer "
                    "needs, such as entries of sources that are gone and unused rules, or "
                    "shorten long definitions")


def _too_large(path: str) -> BriefingError:
    return BriefingError(f"is too large (over the limit of {MAX_CONFIG_BYTES // 1024} KB)", path,
                         hint=CONFIG_TOO_LARGE)


def read_yaml(text: str, path: str) -> Any:
    """Parse one YAML document safely. Any problem is a BriefingError naming path (and line)."""
    if len(text) > MAX_CONFIG_BYTES:  # characters; load_config has already checked bytes
        raise _too_large(path)
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except BriefingError as error:
        raise BriefingError(error.message, path, error.line, error.hint) from None
    except yaml.reader.ReaderError as error:
        raise _unreadable_character(error, text, path) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = (error.problem or str(error)).strip()
        hint = "fix the YAML syntax"
        if "constructor" in problem or "tag" in problem:
            hint = "YAML tags that build objects are not allowed; use plain text, lists and mappings"
        raise BriefingError(f"invalid YAML: {problem}", path,
                            mark.line + 1 if mark else None, hint) from None
    except yaml.YAMLError as error:
        raise BriefingError(f"invalid YAML: {error}", path) from None


def _unreadable_character(error: yaml.reader.ReaderError, text: str, path: str
                          ) -> BriefingError:
    """PyYAML names a character it refuses (a NUL byte, a control character) by its offset in
    "<unicode string>"; the editor needs its line."""
    code = error.character if isinstance(error.character, int) else ord(error.character)
    name = "a NUL byte" if code == 0 else "a character YAML does not allow"
    return BriefingError(f"invalid YAML: {name} (U+{code:04X})", path,
                         text.count("\n", 0, error.position) + 1,
                         "delete it; most editors do not show it, so retype the line")


def did_you_mean(value: str, known: Iterable[str], otherwise: str) -> str:
    """The hint for a name that is not one of the known ones: the closest, or ``otherwise``."""
    close = difflib.get_close_matches(value, list(known), n=1)
    return f"did you mean '{close[0]}'?" if close else otherwise


class _Checker:
    """Typed access to a YAML mapping that reports unknown keys and wrong types with a line."""

    def __init__(self, data: Any, path: str, where: str, line: int | None = None):
        if data is None:
            data = LineDict()
        if not isinstance(data, dict):
            raise BriefingError(f"{where} must be a mapping of keys to values, not "
                                f"{_kind(data)}", path, line)
        self.data = data
        self.path = path
        self.where = where
        self.line = line

    def line_of(self, key: str) -> int | None:
        return getattr(self.data, "lines", {}).get(key, self.line)

    def only(self, *known: str) -> None:
        for key in self.data:
            if key not in known:
                raise BriefingError(f"unknown key '{key}' in {self.where}", self.path,
                                    self.line_of(key), did_you_mean(
                                        key, known, f"known keys: {', '.join(known)}"))

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        value = self.data.get(key, default)
        if value is None:
            return default
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, bool) and kind is not bool:
            value = None
        if not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise BriefingError(f"'{key}' in {self.where} must be {_article(names)}, not "
                                f"{_kind(self.data.get(key))}", self.path, self.line_of(key))
        return value

    def text(self, key: str, default: str | None = None) -> str | None:
        value = self.get(key, (str, int, float, dt.date), default)
        return None if value is None else str(value)

    def shown(self, key: str, default: str | None = None) -> str | None:
        """Text shown to readers (a title, a name): one line, white space folded."""
        value = self.text(key, default)
        return None if value is None else one_line(value)

    def date(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise BriefingError(f"'{key}' in {self.where} is not a valid date: {value!r}",
                                self.path, self.line_of(key), "write it as YYYY-MM-DD") from None

    def child(self, key: str) -> "_Checker":
        return _Checker(self.data.get(key), self.path, f"{self.where}.{key}", self.line_of(key))


# Characters no page can show: C0/C1 controls (Python-Markdown uses \x02 and \x03 for its own
# placeholders), lone surrogates, the byte-order mark and interlinear annotation marks.
UNSHOWABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufff9-\ufffb]")


def one_line(text: str) -> str:
    """Text as one displayable line: white space of every kind (line and paragraph separators
    too) folded to single spaces, characters no page can show dropped. Names and titles from
    briefing.yml are read this way, and every string bound for YAML or a page is."""
    return " ".join(UNSHOWABLE.sub("", " ".join(str(text).split())).split())


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false",
            int: "a number", float: "a number", type(None): "empty"}.get(type(value),
                                                                         type(value).__name__)


def _article(name: str) -> str:
    words = {"str": "text", "dict": "a mapping", "list": "a list", "float": "a number",
             "int": "a whole number", "bool": "true or false"}
    return " or ".join(words.get(n.strip(), n) for n in name.split(" or "))


APOSTROPHE = re.compile(r"['’]")


def phrase_regex(phrase: str) -> re.Pattern:
    """Whole-word, any-case match of a phrase: spaces and hyphens, straight and curly apostrophes
    are interchangeable, and an ending (s, es, d, ed, ing) is optional."""
    parts = [APOSTROPHE.sub("['’]", re.escape(p)) for p in re.split(r"[\s-]+", phrase.strip()) if p]
    body = r"[\s-]+".join(parts)
    ending = "(?:s|es|d|ed|ing)?" if phrase[-1:].isalpha() else ""
    return re.compile(rf"(?<![\w-]){body}{ending}(?![\w-])", re.IGNORECASE)


Built = TypeVar("Built")
_DERIVED: dict[tuple[Callable, int], tuple[Any, Any]] = {}
DERIVED_KEPT = 32  # parts remembered at a time: tests and tools load many configurations


def derived(make: Callable[[Any], Built], part: Any) -> Built:
    """What ``make`` builds from one part of a configuration (its boilerplate rules, its
    sections), built once per part rather than once per source or paragraph: remembered by
    the part's identity (a configuration is frozen), a few parts at a time."""
    known = _DERIVED.get((make, id(part)))
    if known is not None and known[0] is part:
        return known[1]
    if len(_DERIVED) >= DERIVED_KEPT:
        _DERIVED.clear()
    built = make(part)
    _DERIVED[(make, id(part))] = (part, built)
    return built


def first_word(phrase: str) -> str:
    """A phrase's first word as phrase_regex reads it (spaces and hyphens part words)."""
    return re.split(r"[\s-]+", phrase.strip())[0] if phrase.strip() else ""


def phrase_needle(phrase: str) -> str | None:
    """Letters every match of the phrase contains, in lower case: a text without them cannot
    match, so the regex is not run (most terms are absent from most paragraphs). None when the
    phrase has no plain ASCII stretch to look for."""
    needle = max(re.split(r"['’]", first_word(phrase)), key=len).casefold()
    return needle if needle and needle.isascii() and needle.isalnum() else None


def _terms(checker: _Checker, key: str) -> tuple[Term, ...]:
    raw = checker.get(key, (dict, list), {})
    if isinstance(raw, list):
        raw = {"" if item is None else str(item): 1 for item in raw}
    terms = []
    for phrase, weight in raw.items():
        line = getattr(raw, "lines", {}).get(phrase, checker.line)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or \
                not math.isfinite(weight):
            raise BriefingError(f"weight of '{phrase}' in {checker.where}.{key} must be a number",
                                checker.path, line)
        if not re.search(r"\w", str(phrase)):
            raise BriefingError(f"term '{phrase}' in {checker.where}.{key} has no word to match",
                                checker.path, line, "write the word or phrase to look for")
        terms.append(Term(str(phrase), float(weight), phrase_regex(str(phrase)),
                          phrase_needle(str(phrase))))
    return tuple(terms)


def _sections(root: _Checker) -> tuple[SectionRule, ...]:
    sections = []
    raw = root.child("sections")
    for section_id in raw.data:
        if not SECTION_ID.match(section_id) or section_id in NOT_SECTION_IDS:
            raise BriefingError(f"'{section_id}' cannot be a section id", root.path,
                                raw.line_of(section_id),
                                "use lower-case letters, digits and hyphens, and not "
                                + ", ".join(NOT_SECTION_IDS))
        rule = raw.child(section_id)
        rule.only("title", "threshold", "terms", "topics", "key_points", "time")
        time = rule.text("time")
        if time not in (None, "past", "now"):
            raise BriefingError(f"time of section '{section_id}' must be past or now, not "
                                f"'{time}'", root.path, rule.line_of("time"))
        topics_checker = rule.child("topics")
        topics = tuple(Topic(label, _terms(topics_checker, label)) for label in topics_checker.data)
        sections.append(SectionRule(
            id=section_id,
            title=rule.shown("title") or section_id.replace("-", " ").capitalize(),
            threshold=_threshold(rule),
            terms=_terms(rule, "terms"),
            topics=topics,
            key_points=rule.get("key_points", int, 2),
            time=time,
        ))
    return tuple(sections)


def _threshold(rule: _Checker) -> float:
    """A section's threshold: a number above 0 (at 0 or below every paragraph reaches it; "not
    a number" none does)."""
    value = rule.get("threshold", float, 1.0)
    if not (math.isfinite(value) and value > 0):
        raise BriefingError(f"'threshold' in {rule.where} must be a number above 0, not {value}",
                            rule.path, rule.line_of("threshold"))
    return value


def _heading_weight(classify: _Checker) -> float:
    """A number, 0 or more (infinity would send every paragraph without a heading to
    "other": infinity times no score is not a number)."""
    value = classify.get("heading_weight", float, 1.0)
    if not math.isfinite(value) or value < 0:
        raise BriefingError(f"'heading_weight' in {classify.where} must be a number, 0 or "
                            f"more, not {value}", classify.path,
                            classify.line_of("heading_weight"))
    return value


def _boilerplate(checker: _Checker, from_defaults: int) -> tuple[BoilerplateRule, ...]:
    """The cleaning rules; the first ``from_defaults`` came from defaults.yml (see
    _from_defaults), and an error names the file and line a rule was written in."""
    rules = []
    for index, item in enumerate(checker.get("boilerplate", list, [])):
        path, where = _written_in(checker, "boilerplate", index, from_defaults)
        rule = _Checker(item, path, where, checker.line)
        rule.only("id", "reason", "pattern", "max_words", "min_share", "unless_reported",
                  "ends_article", "outside_article")
        pattern = rule.text("pattern")
        if not pattern:
            raise BriefingError(f"{rule.where} needs a pattern", path, checker.line)
        regex = _editor_regex(pattern, pattern, rule.where, path, rule.line_of("pattern"))
        rules.append(BoilerplateRule(rule.text("reason") or "boilerplate", regex, rule.text("id"),
                                     _positive(rule, "max_words", int),
                                     _share(rule, "min_share", 0.0),
                                     rule.get("unless_reported", bool, False),
                                     rule.get("ends_article", bool, False),
                                     rule.get("outside_article", bool, False)))
    return tuple(rules)


def _whole_labels(checker: _Checker, key: str, from_defaults: int
                  ) -> tuple[RulePattern, ...]:
    """A list of regular expressions for whole labels (cleaning.list_labels, .tail_labels,
    .summary_labels): a closing colon, "..." or "?" may follow each; each compiled on its own."""
    labels = []
    for index, pattern in enumerate(str(p) for p in checker.get(key, list, [])):
        path, where = _written_in(checker, key, index, from_defaults)
        line = None if path == str(DEFAULTS_PATH) else checker.line_of(key)
        labels.append(_editor_regex(r"(?:" + pattern + r")\s*(?::|\.\.\.|…|\?)?", pattern,
                                    where, path, line))
    return tuple(labels)


def _written_in(checker: _Checker, key: str, index: int, from_defaults: int
                ) -> tuple[str, str]:
    """The file an item of a cleaning list was written in and its name there: the defaults
    come first in the merged list, so the editor's first rule is their [0], not [85]."""
    if index < from_defaults:
        return str(DEFAULTS_PATH), f"defaults.yml cleaning.{key}[{index}]"
    return checker.path, f"{checker.where}.{key}[{index - from_defaults}]"


def _from_defaults(defaults: dict, user: Any, key: str) -> int:
    """How many items of a merged cleaning list come from defaults.yml (see _merge)."""
    cleaning = user.get("cleaning") if isinstance(user, dict) else None
    if isinstance(cleaning, dict) and cleaning.get("replace_defaults") and \
            isinstance(cleaning.get(key), list):
        return 0
    return len(defaults.get("cleaning", {}).get(key) or [])


def _editor_regex(regex: str, written: str, where: str, path: str, line: int | None
                  ) -> RulePattern:
    """A regular expression from the configuration (``written`` as the editor wrote it, inside
    ``regex``), case-insensitive; a bad one is a one-line error naming where it stands. The
    editor's own run with a time limit (see generator/patterns.py); the defaults, the
    project's own and tested to be linear, are plain ``re`` patterns."""
    if path != str(DEFAULTS_PATH):
        return EditorPattern(regex, written, where, path, line)
    try:
        return re.compile(regex, re.IGNORECASE)
    except re.error as error:
        raise bad_expression(where, written, error, path, line) from None


def _positive(checker: _Checker, key: str, kind: type) -> Any:
    value = checker.get(key, kind)
    if value is not None and value <= 0:
        raise BriefingError(f"'{key}' in {checker.where} must be above 0, not {value}",
                            checker.path, checker.line_of(key))
    return value


def _share(checker: _Checker, key: str, default: float) -> float:
    """A number from 0 to 1."""
    value = checker.get(key, float, default)
    if not 0.0 <= value <= 1.0:
        raise BriefingError(f"'{key}' in {checker.where} must be from 0 to 1, not {value}",
                            checker.path, checker.line_of(key))
    return value


MAX_DAYS = 36500


def _days(checker: _Checker, key: str, default: int) -> int:
    """A number of days, from 1 to a century."""
    value = checker.get(key, int, default)
    if not 1 <= value <= MAX_DAYS:
        raise BriefingError(f"'{key}' in {checker.where} must be from 1 to {MAX_DAYS} days, "
                            f"not {value}", checker.path, checker.line_of(key))
    return value


def _shape_model(cleaning: _Checker) -> float | bool:
    """`shape_model`: false turns the shape model off, true keeps its trained cut-off, a number
    from 0 to 1 replaces that cut-off (higher removes less)."""
    value = cleaning.data.get("shape_model", True)
    if value is None or isinstance(value, bool):
        return value is not False
    if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise BriefingError(f"'shape_model' in {cleaning.where} must be a number from 0 to 1, "
                            f"true or false, not {value!r}", cleaning.path,
                            cleaning.line_of("shape_model"),
                            "false turns the model off; a higher threshold removes less")
    return float(value)


def _words(checker: _Checker, key: str) -> tuple[str, ...]:
    """A list of words or phrases, each one line, in lower case."""
    return tuple(one_line(v).casefold() for v in checker.get(key, list, []) if one_line(v))


def _statement_rules(root: _Checker) -> StatementRules:
    """The `statements:` section: each `same_meaning` entry is a name and its list of words."""
    rules = root.child("statements")
    rules.only("same_meaning", "hedges", "negations", "leader_nouns", "opposites")
    groups = rules.child("same_meaning")
    same = tuple((one_line(name), _words(groups, name))
                 for name in groups.data if one_line(name))
    return StatementRules(same, _words(rules, "hedges"), _words(rules, "negations"),
                          _words(rules, "leader_nouns"), _opposites(rules, same))


def _opposites(rules: _Checker, same: tuple[tuple[str, tuple[str, ...]], ...]
               ) -> tuple[tuple[str, str], ...]:
    """`opposites`: pairs of same_meaning names, each pair a list of two."""
    names = {name for name, _words in same}
    pairs = []
    for pair in rules.get("opposites", list, []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(
                one_line(name) in names for name in pair)):
            raise BriefingError(f"each entry of {rules.where}.opposites must be a list of two "
                                f"same_meaning names, not {pair!r}", rules.path,
                                rules.line_of("opposites"), "for example: [up, down]")
        pairs.append((one_line(pair[0]), one_line(pair[1])))
    return tuple(pairs)


PLACE = re.compile(r"^(?P<file>[^/\\:]+):(?P<line>[1-9]\d{0,8})$")


def _place(text: Any, checker: _Checker, key: str) -> tuple[str, int]:
    found = PLACE.match(str(text).strip())
    if not found:
        folder = PLACE.match(re.split(r"[/\\]", str(text).strip())[-1])
        raise BriefingError(f"'{text}' in steer.{key} is not a source file and line",
                            checker.path, checker.line_of(key),
                            f"name the file without its folder: {folder.group()}" if folder else
                            "write it as FILE:LINE, e.g. wire.txt:12")
    return same_name(found["file"]), int(found["line"])


def _steering(root: _Checker, pages: Iterable[str]) -> Steering:
    """The `steer:` section (generator/steer.py): `drop` a list of FILE:LINE, `pin` a mapping
    of FILE:LINE to a section id (or "other")."""
    steer = root.child("steer")
    steer.only("drop", "pin")
    drop = tuple(_place(item, steer, "drop") for item in steer.get("drop", list, []))
    pins = steer.child("pin")
    pin = []
    for key, page in pins.data.items():
        if str(page) not in pages:
            raise BriefingError(f"steer.pin: '{page}' is not a section id", root.path,
                                pins.line_of(key), did_you_mean(
                                    str(page), sorted(pages), f"known: {', '.join(sorted(pages))}"))
        pin.append((*_place(key, pins, "pin"), str(page)))
    return Steering(drop, tuple(pin))


def _merge(defaults: dict, override: dict) -> dict:
    merged = dict(defaults)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            inner = _merge(merged[key], value)
            if key == "cleaning" and not value.get("replace_defaults"):
                for list_key in ("boilerplate", "labels", "buttons", "tag_labels", "list_labels",
                                 "tail_labels", "summary_labels"):
                    if isinstance(value.get(list_key), list):
                        inner[list_key] = list(defaults[key].get(list_key, [])) + value[list_key]
            inner.pop("replace_defaults", None)
            merged[key] = _line_dict(inner, value)
        else:
            merged[key] = value
    return _line_dict(merged, override)


def _line_dict(data: dict, lines_from: Any) -> LineDict:
    result = LineDict(data)
    result.lines = dict(getattr(lines_from, "lines", {}))
    return result


def load_config(path: str | Path | None, follow_links: bool = False) -> Config:
    """Read ``briefing.yml`` (or only the defaults when path is None) into a checked Config.
    Only a regular file is read, and a link only when asked (a path named on the command
    line), so the project's own configuration cannot point outside it."""
    defaults = read_yaml(DEFAULTS_PATH.read_text(encoding="utf-8"), str(DEFAULTS_PATH))
    display = str(path) if path else "briefing.yml"
    user: Any = LineDict()
    if path is not None:
        if not os.path.lexists(path):
            raise BriefingError("configuration file not found", display,
                                hint="create it, or pass --config PATH")
        data = read_regular_file(Path(path), MAX_CONFIG_BYTES, follow_links, CONFIG_TOO_LARGE)
        try:
            # As read_text would: drop a byte-order mark, make every line end "\n".
            text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError as error:
            raise BriefingError(f"cannot read configuration: {error}", display,
                                hint="save it as UTF-8") from None
        user = read_yaml(text, display)
        if user is None:
            raise BriefingError("configuration file is empty", display,
                                hint="it needs at least 'title:' and 'sections:'")
        if not isinstance(user, dict):
            raise BriefingError(f"configuration must be a mapping of keys to values, not "
                                f"{_kind(user)}", display, 1)
        top = _Checker(user, display, "briefing.yml")
        top.only("title", "event", "sources", "sections", "pages", "cleaning", "classify",
                 "quotes", "people", "glossary", "statements", "steer")
        if isinstance(user.get("cleaning"), dict):
            top.child("cleaning").only("boilerplate", "labels", "buttons", "detect_bylines",
                                       "detect_name_captions", "heading_max_words",
                                       "tag_labels", "list_labels", "tail_labels",
                                       "summary_labels", "caption_after_credit",
                                       "shape_model",
                                       "replace_defaults")
    merged = _merge(defaults, user)
    root = _Checker(merged, display, "briefing.yml")

    event_checker = root.child("event")
    event_checker.only("what", "when", "where")
    event = Event(event_checker.shown("what", "") or "", event_checker.date("when"),
                  event_checker.shown("where", "") or "")

    sources: dict[str, SourceEntry] = {}
    source_checker = root.child("sources")
    for name in source_checker.data:
        entry = source_checker.child(name)
        if same_name(name) in sources:
            raise _duplicate_key(name, source_checker.line_of(name),
                                 sources[same_name(name)].line, display)
        entry.only("outlet", "title", "date", "url")
        url = entry.text("url")
        if url and not re.match(r"^https?://[^\s<>\"]+$", url):
            raise BriefingError(f"url of '{name}' must start with http:// or https:// and hold "
                                "no space, quote or angle bracket",
                                display, entry.line_of("url"))
        sources[same_name(name)] = SourceEntry(
            entry.shown("outlet"), entry.shown("title"), entry.date("date"), url,
            source_checker.line_of(name))

    sections = _sections(root)
    section_ids = {s.id for s in sections}
    pages = tuple(str(p) for p in root.get("pages", list, []))
    for page in pages:
        if page not in section_ids and page not in SPECIAL_PAGES:
            raise BriefingError(f"unknown section id '{page}' in pages", display,
                                root.line_of("pages"), did_you_mean(
                                    page, sorted(section_ids | set(SPECIAL_PAGES)),
                                    "define it under 'sections:'"))
    pages += tuple(s.id for s in sections if s.id not in pages)
    pages += tuple(p for p in SPECIAL_PAGES if p not in pages)

    cleaning = root.child("cleaning")
    classify = root.child("classify")
    classify.only("heading_weight", "continue_previous", "same_run_share", "past_days")
    quotes = root.child("quotes")
    quotes.only("speech_verbs", "narrator_labels", "organisation_words", "organisation_nouns")

    people = []
    for index, item in enumerate(root.get("people", list, [])):
        person = _Checker(item, display, f"people[{index}]", root.line_of("people"))
        person.only("name", "aliases", "role")
        name = person.shown("name")
        if not name:
            raise BriefingError(f"people[{index}] needs a name", display, person.line)
        aliases = tuple("" if alias is None else one_line(str(alias))
                        for alias in person.get("aliases", list, []))
        if not all(re.search(r"\w", alias) for alias in aliases):
            raise BriefingError(f"people[{index}]: an alias of '{name}' has no name in it",
                                display, person.line_of("aliases"),
                                "remove it or write the name")
        people.append(PersonRule(name, aliases, person.shown("role")))

    glossary = {one_line(k): "" if v is None else one_line(v)
                for k, v in root.get("glossary", dict, {}).items()}
    config = Config(
        title=root.shown("title") or "Briefing",
        event=event,
        sources=sources,
        sections=sections,
        pages=pages,
        boilerplate=_boilerplate(cleaning, _from_defaults(defaults, user, "boilerplate")),
        labels=frozenset(str(x).casefold() for x in cleaning.get("labels", list, [])),
        buttons=frozenset(str(x).casefold() for x in cleaning.get("buttons", list, [])),
        detect_bylines=cleaning.get("detect_bylines", bool, True),
        detect_name_captions=cleaning.get("detect_name_captions", bool, True),
        tag_labels=frozenset(str(x).casefold() for x in cleaning.get("tag_labels", list, [])),
        list_labels=_whole_labels(cleaning, "list_labels",
                            _from_defaults(defaults, user, "list_labels")),
        tail_labels=_whole_labels(cleaning, "tail_labels",
                            _from_defaults(defaults, user, "tail_labels")),
        summary_labels=_whole_labels(cleaning, "summary_labels",
                            _from_defaults(defaults, user, "summary_labels")),
        caption_after_credit=cleaning.get("caption_after_credit", bool, True),
        heading_max_words=cleaning.get("heading_max_words", int, 12),
        shape_model=_shape_model(cleaning),
        speech_verbs=tuple(str(v) for v in quotes.get("speech_verbs", list, [])),
        narrator_labels=tuple(str(v).casefold() for v in quotes.get("narrator_labels", list, [])),
        organisation_words=tuple(str(v) for v in quotes.get("organisation_words", list, [])),
        organisation_nouns=tuple(str(v) for v in quotes.get("organisation_nouns", list, [])),
        heading_weight=_heading_weight(classify),
        continue_previous=classify.get("continue_previous", bool, False),
        same_run_share=_share(classify, "same_run_share", 0.4),
        past_days=_days(classify, "past_days", 30),
        people=tuple(people),
        glossary=glossary,
        path=display,
        statements=_statement_rules(root),
        steer=_steering(root, [*section_ids, "other"]),
    )
    analysed = {k: v for k, v in merged.items() if k != "steer"}  # steering is after analysis:
    # pinning a fact must not make a desk of thousands of sources be read again
    fingerprint = hashlib.sha256(json.dumps(_plain(analysed), sort_keys=True, default=str)
                                 .encode()).hexdigest()[:16]
    return replace(config, fingerprint=fingerprint)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value

