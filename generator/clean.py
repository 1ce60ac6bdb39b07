"""Stage 2: split a source into paragraphs and take out the clutter, keeping the reason for each.

Nothing is dropped here: a removed paragraph stays in the list with ``kept=False`` and a
``removed_because`` that the source page shows.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from generator.boilerplate_shape import block_sizes, configured_model, remove_by_shape
from generator.config import BoilerplateRule, Config, derived
from generator.dates import MONTHS, WEEKDAYS
from generator.load import DATE_LINE
from generator.patterns import EditorPattern, RulePattern
from generator.structure import RawLine, SourceMeta, SourceParagraph

# What normalise_space makes one space, by a faster road (tests hold it to this pattern).
WHITESPACE = re.compile(r"[\s\u00a0\u200b\u2028\u2029\ufeff]+")
INVISIBLE_SPACES = str.maketrans({"\u200b": " ", "\ufeff": " "})  # the two \s does not match
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # a form feed or vertical tab is a space
# BYLINE and NAME_CAPTION are only matched at the start of a paragraph, never searched: one pass
# over it however long its words, so they need no bound on a word's length.
NAME_WORD = r"[A-Z][\w'’.-]*"
BYLINE = re.compile(rf"^{NAME_WORD}( {NAME_WORD}){{1,2}}$")
NAME = rf"{NAME_WORD}( {NAME_WORD}){{0,3}}"
NAME_CAPTION = re.compile(rf"^{NAME}((, | and | & ){NAME})+\.?$")
# writers and where each reported from: "Jane Roe in Seoul and John Doe in Tokyo"
_WRITERS_IN = rf"{NAME_WORD}( {NAME_WORD}){{1,2}}( and {NAME_WORD}( {NAME_WORD}){{1,2}})? in {NAME_WORD}( {NAME_WORD})?"
BYLINE_WITH_PLACES = re.compile(rf"^{_WRITERS_IN}(,? and {_WRITERS_IN})+$")
SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z .'’-]{1,40}:")
NUMBERED = re.compile(r"^\d{1,2}[.)] ")
# A picture credit "Name/Agency" ("Jane Roe/Pool/Agency", "Photo by Jane Roe/Agency"): a short
# line with a capitalised word, a slash and a capitalised word, and no sentence punctuation.
SLASH_CREDIT = re.compile(r"^[^.!?/]{0,80}\b[A-Z][\w'’.-]{0,30} ?/ ?[A-Z]")
SLASH_CREDIT_MAX_WORDS = 12
SENTENCE_END = ".!?)\"”’"
CLOSING = ".!:;,\"”’'…)]"
SENTENCE_CLOSE = ".!?\"”’)…"  # how a run of lines broken mid-sentence ends
WRAP_WIDTH = 100
BULLETED = re.compile(r"\s*[•·▪►◆■*-] ")  # a key point or a list item, never a headline
TRAIL = re.compile(r"\s[>›»]\s")  # a breadcrumb's separator ("Asia > East Asia")
TRAIL_WORDS = 8  # a line this short holding TRAIL is a trail, never the headline
WORD = re.compile(r"\w+")
CREDIT = "picture credit"
SLASH_CREDIT_REASON = "picture credit (Name/Agency)"
PICTURE_NOTE = "picture or caption note"
CREDIT_RULE = "picture-credit"  # the id of the boilerplate rule that finds picture credits
COUNTER_RULE = "gallery-counter"  # ... and of the one that finds a gallery's counter


def normalise_space(text: str) -> str:
    """Control characters out, every run of spaces (WHITESPACE) one space, none at the ends.
    Split and joined: str.split() breaks at exactly the characters \\s matches, and the two
    invisible spaces it does not know are made spaces first."""
    if text.isascii() and text.isprintable():  # no control character, no space but " "
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text
        return " ".join(text.split())
    text = CONTROL.sub("", text)
    if "\u200b" in text or "\ufeff" in text:
        text = text.translate(INVISIBLE_SPACES)
    return " ".join(text.split())


def _wrapped(block: list[RawLine]) -> bool:
    """A block of similar-width lines under ~100 characters is one hard-wrapped paragraph."""
    if len(block) < 2:
        return False
    widths = [len(line.text.rstrip()) for line in block]
    widest = max(widths)
    shortest_wrap = 60 if len(block) == 2 else 50  # a title over a date line is not a wrap
    if not shortest_wrap <= widest <= WRAP_WIDTH or any(w < 0.6 * widest for w in widths[:-1]):
        return False
    if all(line.text.rstrip()[-1] in SENTENCE_END for line in block[:-1]):
        return False  # every line ends a sentence: these are separate one-line paragraphs
    if len(block) >= 3 and all(_starts_capitalised(line.text) for line in block[1:]):
        return False  # a list of headlines or names: wrapped prose goes on in lower case
    return not any(SPEAKER_LABEL.match(line.text.strip()) or line.text.lstrip()[:2] in ("- ", "* ")
                   for line in block[1:])


def _starts_capitalised(text: str) -> bool:
    first = text.lstrip().lstrip("\"“‘'([")[:1]
    return first.isupper() or first.isdigit()


def _opens_its_own(following: str) -> bool:
    """A line no line above runs on into: a speaker's turn, a dashed list item, a running
    header ("A6 | THE COURIER | FRIDAY")."""
    return bool(SPEAKER_LABEL.match(following)) or following[:2] in ("- ", "* ") or \
        " | " in following


def _continues(line: str, following: str) -> bool:
    """A sentence broken over lines by the paste ("…after their" / "widely anticipated…"): the
    line does not end a sentence or a label, and the next one goes on in lower case (a word, not
    a brand in mixed case such as "iPhone") or the line stops on a small word ("of", "the").
    The run is joined only when its last line ends as a sentence ends (menus do not)."""
    line, following = line.strip(), following.strip()
    if not line or not following or line[-1] in CLOSING or _opens_its_own(following) \
            or JUMP_LINE.fullmatch(line):
        return False
    first_word = following.split()[0].rstrip(",;:.!?\"”’')")
    lower = first_word.isalpha() and first_word.islower()
    last_word = line.rsplit(None, 1)[-1]
    return lower or (last_word.islower() and last_word in FUNCTION_WORDS
                     and len(line.split()) >= 4 and following[0].isalnum())


HYPHEN_BREAK = re.compile(r"[^\W\d_]-\s*$")  # "…the levy Washington im-" / "posed on …"
COLUMN_FULL = 0.8  # a line this share of the run's widest fills its column
COLUMN_WIDER = 1.15  # a next line this much wider than the run's widest is not its column
JUMP_LINE = re.compile(r"(continued|cont['’]?d\.?) (from|on) (page |p\. ?)?[a-z]{0,2}\d{1,3}\.?",
                       re.IGNORECASE)
"""A printed story's jump line ("Continued from A1"): it never runs on into the text under it
(the boilerplate rule "jump line" in defaults.yml removes it)."""


def _goes_on(line: str, following: str, widest: int) -> bool:
    """In a run of prose a word broken by a hyphen shows to be a printed column's, the next
    line goes on the paragraph at a capital ("…aboard Air" / "Force One.") when the line fills
    the column (a short line ends a paragraph or a heading), does not close a sentence or a
    question or a word (a word broken by a hyphen goes on in lower case), and the next line is
    column text too: no wider, no list item, turn, jump line, running header or line in
    capitals."""
    line, following = line.strip(), following.strip()
    return bool(line and following) and line[-1] not in CLOSING + "?-" and \
        len(line) >= COLUMN_FULL * widest and len(following) <= COLUMN_WIDER * widest and \
        not _opens_its_own(following) and not BULLETED.match(following) and \
        not NUMBERED.match(following) and not JUMP_LINE.fullmatch(following) and \
        not following.isupper()


def split_paragraphs(lines: Iterable[RawLine]) -> list[tuple[int, str]]:
    """Paragraphs as (first line number, text). Blocks are split at blank lines; a block is one
    paragraph when its lines look hard-wrapped, else every line is its own paragraph, except
    that lines continuing a sentence the line above broke off (`_continues`) join it, and in a
    run that broke a word with a hyphen (a printed column), so does a line at a capital after
    a line that does not close (`_goes_on`)."""
    paragraphs: list[tuple[int, str]] = []
    block: list[RawLine] = []
    first = True

    def flush() -> None:
        if len(block) == 1:  # a line on its own: its own paragraph whatever its shape
            paragraphs.append((block[0].number, normalise_space(block[0].text)))
        elif not block:
            return
        elif _wrapped(block):
            paragraphs.append((block[0].number, normalise_space(" ".join(l.text for l in block))))
        else:
            start, hyphenated, widest = 0, False, len(block[0].text.strip())
            for i in range(1, len(block) + 1):
                if i < len(block) and _continues(block[i - 1].text, block[i].text):
                    hyphenated = hyphenated or bool(HYPHEN_BREAK.search(block[i - 1].text))
                    widest = max(widest, len(block[i].text.strip()))
                    continue
                if i < len(block) and hyphenated and \
                        _goes_on(block[i - 1].text, block[i].text, widest):
                    widest = max(widest, len(block[i].text.strip()))
                    continue  # a printed column's run of prose goes on at a capital
                run, hyphenated = block[start:i], False
                widest = len(block[i].text.strip()) if i < len(block) else 0
                if block[i - 1].text.rstrip()[-1:] in SENTENCE_CLOSE:  # one broken sentence
                    paragraphs.append((run[0].number,
                                       normalise_space(" ".join(l.text for l in run))))
                else:  # lower-case menu items or tags, not a sentence
                    paragraphs.extend((l.number, normalise_space(l.text)) for l in run)
                start = i
        block.clear()

    for line in lines:
        text = line.text
        if first and text.strip():
            first = False
            text = DATE_LINE.sub("", text)
            if not text.strip():
                paragraphs.append((line.number, normalise_space(line.text)))
                continue
            line = RawLine(line.number, text)
        if text.strip():
            block.append(line)
        else:
            flush()
    flush()
    return paragraphs


# For ASCII text, text_key in one table lookup per character: word characters (\w) in lower
# case, every other character a space.
ASCII_WORD_BYTES = bytes((ord(chr(c).lower()) if WORD.match(chr(c)) else 32) if c < 128 else c
                         for c in range(256))


KEYS_REMEMBERED = 1 << 15  # paragraphs whose text_key is kept: a desk of about a thousand sources


@lru_cache(maxsize=KEYS_REMEMBERED)
def text_key(text: str) -> str:
    """What two paragraphs share when one repeats the other: letters and digits, any case.
    Cleaning computes it once per paragraph and hands it on (issue 13); remembered by text, as
    the cross-source pass (remove_cross_source_repeats) keys the same paragraphs again."""
    if text.isascii():  # NFKC leaves ASCII as it is, and casefold is lower
        return b" ".join(text.encode("ascii").translate(ASCII_WORD_BYTES).split()).decode("ascii")
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(WORD.findall(folded))


def is_heading(text: str, config: Config) -> bool:
    if not text or text[-1] in CLOSING:
        return False
    most = config.heading_max_words  # words counted only as far as the limit
    return (0 < len(text.split(None, most)) <= most and any(map(str.isalpha, text))
            and not text[0].islower())


# A date or time stamp: a short line that is mostly a date or a time. Its other words may only
# be the stamp's own (STAMP_WORDS), a time zone in capitals, or a name or two (the author's).
STAMP = "date or time stamp"
STAMP_MAX_WORDS = 16
STAMP_OTHER_WORDS = 2
STAMP_WORDS = frozenset("updated update published posted first last modified original originally "
                        "on at by and of | - – — · • , am pm a.m. p.m. today yesterday".split())
CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}([ap]\.?m\.?)?$")
NUMERIC_DATE = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$")
NUMBER = re.compile(r"^\d{1,4}(st|nd|rd|th)?$")
DIGIT = re.compile(r"\d")


def is_date_stamp(text: str) -> bool:
    """`Mar. 4, 2025 9:15 am ET`, `Published: 30 Oct. 2025, 13:40`, `Jane Roe - 19/11/2019`:
    a month name with a number, a numeric date, or a clock time, and next to nothing else."""
    if not DIGIT.search(text):
        return False  # every stamp has a number (CLOCK, NUMERIC_DATE or NUMBER)
    words = text.split(None, STAMP_MAX_WORDS)
    if not 0 < len(words) <= STAMP_MAX_WORDS or text[0] in "—–":  # "— Name (@name) date" signs
        return False  # an embedded post, which is part of the article
    dated = other = numbers = 0
    month = False
    for raw in words:
        word = raw.strip(",;:()[]|").rstrip(".") if raw.strip(",;:()[]|") not in ("a.m.", "p.m.") \
            else raw
        folded = word.casefold()
        if folded in MONTHS or folded in WEEKDAYS or folded[:3] in WEEKDAYS and len(folded) == 3:
            month = month or folded in MONTHS
        elif CLOCK.match(folded) or NUMERIC_DATE.match(folded):
            dated += 1
        elif NUMBER.match(folded):
            numbers += 1
        elif folded in STAMP_WORDS or not word or (word.isupper() and word.isalpha()
                                                   and len(word) <= 4):
            continue
        else:
            other += 1
    return (dated > 0 or (month and numbers > 0)) and other <= STAMP_OTHER_WORDS


SENTENCE_BREAK = re.compile(r"[.!?…]+[\"”’')\]]*\s+")


def _sentence_words(text: str, at: int) -> int:
    """How many words the sentence holding position `at` has."""
    start = 0
    for end in SENTENCE_BREAK.finditer(text):
        if end.end() > at:
            return len(text[start:end.end()].split())
        start = end.end()
    return len(text[start:].split())


def _one_stop(text: str) -> bool:
    """Ends as a sentence ends ("More."), not trailing off ("More...")."""
    return text.endswith(".") and not text.endswith("..")


REPORTED = re.compile(r"\b(said|says|say|told|tells|wrote|writes|urged|urges|warned|warns|"
                      r"advised|advises|added|adds|reads|complained|according to)\b", re.IGNORECASE)


def _mostly_the_phrase(rule: BoilerplateRule, text: str, match: re.Match) -> bool:
    """A phrase rule (with max_words or min_share) takes only a short paragraph whose sentence
    holding the phrase is most of it: "Stay with us." goes, a post that ends with it stays.
    One with unless_reported never takes a paragraph that reports speech (REPORTED)."""
    words = len(text.split())
    if rule.max_words is not None and words > rule.max_words:
        return False
    if rule.unless_reported and REPORTED.search(text):
        return False
    return not rule.min_share or _sentence_words(text, match.start()) >= rule.min_share * words


# A paragraph is only tried against the rules that could match it (RuleSieve, issue 13); the
# first of those that matches gives the reason, as when every rule is tried in turn. The rules
# that can only match at its start, with literal text or a digit ("^(read|see) …", "^\\d+ min"),
# are filed by the characters they can start with; those filed under a paragraph's first
# character are tried together as one pattern, which fails within a few characters of most
# paragraphs. (All of them as one pattern cost more than the rest of the sieve: ignore-case
# alternatives are each entered before their first letter is compared.)
# Every other rule is tried only when the paragraph holds one of its needles: strings that every
# match holds, read from the parsed pattern (literal runs, alternatives, required groups). An
# ignore-case needle is looked for in the folded text: lower case, with the four non-ASCII
# letters that Python's ignore-case matching takes for an ASCII letter made that letter.
_parser = getattr(re, "_parser", None)
TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
IGNORECASE_TWINS = str.maketrans(TWINS)


def fold(text: str) -> str:
    """The text as an ignore-case needle is looked for in it."""
    if not text.isascii() and any(twin in text for twin in TWINS):
        text = text.translate(IGNORECASE_TWINS)
    return text.lower()


def _needle_char(op: object, value: object, ignorecase: bool) -> str | None:
    """A literal character a needle may hold: any without ignore-case, else an ASCII one or one
    with no case at all (which matches only itself)."""
    if op is not _parser.LITERAL:
        return None
    char = chr(value)
    if ignorecase and not (char.isascii() or char.lower() == char == char.upper()):
        return None
    return fold(char) if ignorecase else char


def _needles(items: list, ignorecase: bool) -> tuple[str, ...] | None:
    """Strings one of which every match of this parsed sequence holds; None when none is known.
    Of the sequence's literal runs, groups, required repeats and alternatives, the candidate
    whose shortest needle is longest."""
    candidates: list[tuple[str, ...] | None] = []
    run = ""
    for op, value in items:
        char = _needle_char(op, value, ignorecase)
        if char is not None:
            run += char
            continue
        candidates.append((run,) if run else None)
        run = ""
        if op is _parser.SUBPATTERN and not value[1] and not value[2]:  # no local flags
            candidates.append(_needles(value[3], ignorecase))
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT) and value[0] >= 1:
            candidates.append(_needles(value[2], ignorecase))
        elif op is _parser.BRANCH:
            branches = [_needles(branch, ignorecase) for branch in value[1]]
            if all(branches):
                candidates.append(tuple(n for branch in branches for n in branch))
        elif op is _parser.IN:
            chars = [_needle_char(o, v, ignorecase) for o, v in value]
            if chars and None not in chars:
                candidates.append(tuple(chars))
    candidates.append((run,) if run else None)
    return max((c for c in candidates if c), key=lambda c: min(map(len, c)), default=None)


ANY_DIGIT = "\\d"  # the first character, as filed, of a rule or a text starting with a digit


def _first_chars(items: list, ignorecase: bool) -> frozenset[str] | None:
    """The characters every match of the parsed sequence starts with (folded with ignore-case,
    ANY_DIGIT for a digit), after any optional part, which starts with one of them too; None
    when that is not a few literal characters or digits."""
    chars: set[str] = set()
    for op, value in items:
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT):
            inner = _first_chars(list(value[2]), ignorecase)
            if inner is None:
                return None
            chars |= inner
            if value[0] >= 1:
                return frozenset(chars)
            continue  # optional: what follows may start the match
        if op is _parser.SUBPATTERN:
            inner = None if value[1] or value[2] else _first_chars(list(value[3]), ignorecase)
        elif op is _parser.BRANCH:
            branches = [_first_chars(list(branch), ignorecase) for branch in value[1]]
            inner = None if None in branches else frozenset().union(*branches)
        elif op is _parser.IN:
            inner = _first_of_class(value, ignorecase)
        else:
            inner = _first_of_class([(op, value)], ignorecase)
        return None if inner is None else frozenset(chars | inner)
    return None


def _first_of_class(items: list, ignorecase: bool) -> frozenset[str] | None:
    """The characters a class of literals and digits (or one literal) matches, as _first_chars
    files them."""
    chars = set()
    for op, value in items:
        if (op, value) == (_parser.CATEGORY, _parser.CATEGORY_DIGIT):
            chars.add(ANY_DIGIT)
            continue
        char = _needle_char(op, value, ignorecase)
        if char is None:
            return None
        chars.add(ANY_DIGIT if char.isdecimal() else char)
    return frozenset(chars) if chars else None


def _refers_back(items: list) -> bool:
    """The parsed pattern names a group by its number, which moves inside a combination."""
    for op, value in items:
        if op in (_parser.GROUPREF, _parser.GROUPREF_EXISTS):
            return True
        parts = value if isinstance(value, (tuple, list)) else ()
        nested = [p for part in parts for p in (part if isinstance(part, list) else [part])]
        if any(isinstance(p, _parser.SubPattern) and _refers_back(list(p)) for p in nested):
            return True
    return False


@dataclass(frozen=True)
class PatternSieve:
    needles: tuple[str, ...] | None  # None: the pattern has to be tried on every paragraph
    folded: bool  # ignore-case: its needles are looked for in the folded text
    first_chars: frozenset[str] | None  # "^" then these, no alternative outside a group,
    # no group names or back-references: a leading rule (_first_chars)


@lru_cache(maxsize=1024)
def read_pattern(regex: RulePattern) -> PatternSieve:
    """What the sieve needs of a rule's pattern. A pattern with group names or back-references
    is not combined with others (they would clash or point elsewhere)."""
    folded = bool(regex.flags & re.IGNORECASE)
    if _parser is None or not isinstance(regex.pattern, str):
        return PatternSieve(None, folded, None)
    try:
        items = list(_parser.parse(regex.pattern, regex.flags))
        leading = bool(items) and items[0] == (_parser.AT, _parser.AT_BEGINNING) \
            and not regex.flags & re.MULTILINE and not regex.groupindex \
            and not _refers_back(items)
        return PatternSieve(_needles(items, folded), folded,
                            _first_chars(items[1:], folded) if leading else None)
    except Exception:  # the parser of another Python version: the rule is tried everywhere
        return PatternSieve(None, folded, None)


@dataclass(frozen=True)
class RuleSieve:
    rules: tuple[BoilerplateRule, ...]
    leading: dict[str, tuple[re.Pattern | None, tuple[int, ...]]]  # by first character: the
    # leading rules that can start with it as one pattern (None if they do not combine), and
    # their places in `rules`
    leading_folded: bool  # the leading rules ignore case: a text's first character is folded
    folded_needles: tuple[tuple[str, int], ...]  # the other rules' needles, with their places
    needles: tuple[tuple[str, int], ...]
    always: tuple[int, ...]  # other rules with no needle

    def candidates(self, text: str) -> list[int]:
        """The places of the rules that could match the text, in order."""
        found = list(self.always)
        if self.folded_needles:
            folded = fold(text)
            found += [i for needle, i in self.folded_needles if needle in folded]
        found += [i for needle, i in self.needles if needle in text]
        first = text[:1]
        filed = self.leading.get(ANY_DIGIT if first.isdecimal() else
                                 fold(first) if self.leading_folded else first)
        if filed is not None and (filed[0] is None or filed[0].match(text)):
            found += filed[1]
        return sorted(set(found)) if found else found


def _combined(patterns: list[re.Pattern]) -> re.Pattern | None:
    """One pattern matching at the start where any of these (of one set of flags) does."""
    if not patterns:
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None


def _make_sieve(rules: tuple[BoilerplateRule, ...]) -> RuleSieve:
    """The leading rules with the most common flags are filed by their first characters; the
    others are sieved by their needles. An editor's own rules are never combined: each runs
    with its time limit (see generator/patterns.py)."""
    read = [read_pattern(rule.regex) for rule in rules]
    read = [replace(sieve, first_chars=None) if isinstance(rule.regex, EditorPattern) else sieve
            for rule, sieve in zip(rules, read)]
    flags = [rules[i].regex.flags for i, sieve in enumerate(read) if sieve.first_chars]
    common = max(flags, key=flags.count, default=0)
    in_leading = {i for i, sieve in enumerate(read)
                  if sieve.first_chars and rules[i].regex.flags == common}
    filed: dict[str, list[int]] = defaultdict(list)
    for i in sorted(in_leading):
        for char in sorted(read[i].first_chars):
            filed[char].append(i)
    leading = {char: (_combined([rules[i].regex for i in places]), tuple(places))
               for char, places in filed.items()}
    others = [(i, sieve) for i, sieve in enumerate(read) if i not in in_leading]
    return RuleSieve(rules, leading, bool(common & re.IGNORECASE),
                     tuple((n, i) for i, s in others if s.folded for n in s.needles or ()),
                     tuple((n, i) for i, s in others if not s.folded for n in s.needles or ()),
                     tuple(i for i, s in others if s.needles is None))


def rule_sieve(rules: tuple[BoilerplateRule, ...]) -> RuleSieve:
    """The sieve for these rules, made once for them rather than once per source or
    paragraph."""
    return derived(_make_sieve, rules)


def boilerplate_reason(text: str, config: Config, sieve: RuleSieve | None = None) -> str | None:
    """Why a paragraph is clutter, or None when it is content. `sieve`: rule_sieve of the
    configured rules, when the caller has it already."""
    if DATE_LINE.match(text) and not DATE_LINE.sub("", text).strip():
        return "date line (used as the source's date)"
    label = text.rstrip(" .:").casefold()
    if label in config.labels or (label in config.buttons and not _one_stop(text)):
        return "lone label"  # (a button's word written as a sentence, "More.", is not one)
    sieve = sieve or rule_sieve(config.boilerplate)
    for place in sieve.candidates(text):  # the rules that could match, in their order
        rule = sieve.rules[place]
        match = rule.regex.search(text)
        if match and _mostly_the_phrase(rule, text, match):
            return rule.reason
    if is_date_stamp(text):
        return STAMP
    if "/" in text and SLASH_CREDIT.match(text) and len(text.split()) <= SLASH_CREDIT_MAX_WORDS \
            and text[-1] not in ".!?\"”":
        return SLASH_CREDIT_REASON
    if config.detect_name_captions and len(text.split(None, 12)) <= 12 \
            and NAME_CAPTION.match(text):
        return PICTURE_NOTE
    if config.detect_bylines and len(text.split(None, 3)) <= 3 and BYLINE.match(text) \
            and all(w[0].isupper() for w in text.split()):  # a byline is two or three words
        return "byline"
    if config.detect_bylines and " in " in text and BYLINE_WITH_PLACES.match(text):
        return "byline"
    return None


REASONS_REMEMBERED = 4096
"""Paragraphs whose boilerplate reason is remembered, per configuration: half the paragraphs of
a thousand-article desk repeat one seen before (wire copy, a live blog's posts, a site's
furniture), most within a few thousand paragraphs of it."""


def reason_reader(config: Config) -> Callable[[str], str | None]:
    """boilerplate_reason for this configuration, remembered by text; made once for it."""
    return derived(_make_reason_reader, config)


def _make_reason_reader(config: Config) -> Callable[[str], str | None]:
    return lru_cache(maxsize=REASONS_REMEMBERED)(
        partial(boilerplate_reason, config=config, sieve=rule_sieve(config.boilerplate)))


HEADLINE = "headline (shown as the source's title)"
TITLE_MAX_WORDS = 30
LIST_LABEL_REASON = "label over a list of other stories"
LIST_ITEMS_MAX = 12
HEADLINE_MIN_WORDS = 4  # shorter lines above the article are section labels and menu items

# Page furniture recognised by its shape and place, not its wording. A "body paragraph" is a
# sentence of some length: at least BODY_MIN_WORDS words, ending as a sentence ends, with the
# small words running prose has. The article runs from the first body paragraph to the last.
BODY_MIN_WORDS = 10
BODY_END = ".!?\"”’)…:'"
FUNCTION_WORDS = frozenset(
    "a an the of to in on at for with from by as and or but that which who is are was were be been "
    "has have had will would can could may might not it its he she they his her their this these "
    "there than then into over after before about".split())
BEFORE_ARTICLE = "page furniture before the article"
AFTER_ARTICLE = "page furniture after the article"
LINK_LIST = "menu or link list (a run of short lines)"
AUTHOR_NOTE = "author's note (a bylined writer's bio or contact)"
HEADLINE_RUN = "headlines of other stories (no text under them)"
LIST_BLOCK = 3  # lines in a block this long are a list, not headlines of other stories
LINK_RUN = 3        # this many short label-like lines in a row are a menu or a list of links
SENTENCE_MIN_WORDS = 4  # a closed sentence of this many words outside the article is kept
LINK_MAX_WORDS = 4  # a label-like line: at most this many words and no sentence punctuation


SECTION_SUFFIX = re.compile(r"\s+\|\s+[^|]{1,40}$")  # "Headline | Section"


def _is_title(text: str, key: str, keys: set[str]) -> bool:
    if key in keys:
        return True
    if "|" not in text:
        return False
    without_section = SECTION_SUFFIX.sub("", text)
    return without_section != text and text_key(without_section) in keys


def clean_paragraphs(meta: SourceMeta, lines: Iterable[RawLine], config: Config
                     ) -> tuple[SourceParagraph, ...]:
    """Every paragraph of the source, each kept or removed with a reason; repeats within the
    source are removed as repeats of their first occurrence. When the source's title is not
    configured, its first heading-shaped paragraph is taken as the headline."""
    result: list[SourceParagraph] = []
    keys: list[str] = []  # each paragraph's text_key, computed once here
    seen: dict[str, int] = {}
    # the title's text_key and each breadcrumb's last part's: a line that is one of them is
    # the headline (grown in place, so a page of thousands of crumbs stays linear)
    title_keys = {key for key in (text_key(meta.title),) if key}
    previous_reason: str | None = None
    in_tags = False
    headline_open = not meta.title  # until the first kept paragraph or headline
    reason_of = reason_reader(config)
    credit_rules = [rule for rule in config.boilerplate if rule.id == CREDIT_RULE]
    counter_rules = [rule for rule in config.boilerplate if rule.id == COUNTER_RULE]
    for number, text in split_paragraphs(lines):
        if not text:  # the line held only control characters
            keys.append("")
            result.append(SourceParagraph(meta.id, number, text, kept=False,
                                          removed_because="no visible text"))
            continue
        reason = reason_of(text)
        if reason == "breadcrumb":
            tail_key = text_key(re.split(r"\s+[/›»>|]\s+", text)[-1])
            if tail_key:
                title_keys.add(tail_key)
        if reason is None and in_tags and len(text.split()) <= 4 and text[-1] not in ".!?":
            reason = "topic tag"
        if reason is None and previous_reason == CREDIT and config.caption_after_credit \
                and len(text.split()) <= 20:
            reason = PICTURE_NOTE
        key = text_key(text)
        keys.append(key)
        if reason is None and _is_title(text, key, title_keys):
            reason = HEADLINE
        if reason is None and headline_open and len(text.split()) <= TITLE_MAX_WORDS \
                and text[-1] not in ".!:;,":
            reason = HEADLINE
        if reason is None and key in seen and any(c.isalnum() for c in key) \
                and not (previous_reason is None and POST_ATTRIBUTION.match(text)):
            # (under a new post's text: one account posts twice a day)
            reason = f"repeats line {seen[key]}"
        if reason is None and not key:
            reason = "no words"
        in_tags = (reason == "lone label" and text.rstrip(" .:").casefold() in config.tag_labels) \
            or (in_tags and reason == "topic tag")
        previous_reason = CREDIT if reason and any(
            rule.regex.search(text) for rule in credit_rules) else reason
        headline_open = headline_open and reason not in (None, HEADLINE)
        if reason is None:
            seen[key] = number
            result.append(SourceParagraph(meta.id, number, text,
                                          heading=is_heading(text, config)))
        else:
            result.append(SourceParagraph(meta.id, number, text, kept=False,
                                          removed_because=reason))
    result = captions_between(result, credit_rules, counter_rules)
    prose = [is_prose(p.text) for p in result]  # texts keep their place from here on
    end_notes, outside_only = derived(_reasons_by_place, config.boilerplate)
    by_position = furniture_by_position(
        result, find_headline=not meta.title, keys=keys, prose=prose,
        list_labels=config.list_labels, tail_labels=config.tail_labels,
        end_notes=end_notes, outside_only=outside_only, buttons=config.buttons)
    model = configured_model(config.shape_model)
    if model is None:
        return tuple(by_position)
    return tuple(remove_by_shape(by_position, *shape_inputs(by_position, config, prose),
                                 model=model))


def _reasons_by_place(rules: tuple[BoilerplateRule, ...]
                      ) -> tuple[frozenset[str], frozenset[str]]:
    """The reasons of the rules whose note closes the article (`ends_article`) and of those
    that remove a line only outside it (`outside_article`), read once per configuration."""
    return (frozenset(rule.reason for rule in rules if rule.ends_article),
            frozenset(rule.reason for rule in rules if rule.outside_article))


CAPTION_MAX_WORDS = 60


def captions_between(paragraphs: list[SourceParagraph], credit_rules, counter_rules
                     ) -> list[SourceParagraph]:
    """A gallery: "Image 3 of 12", the picture's caption, its credit ("Jane Roe / Agency").
    A short paragraph between a gallery's counter and a picture credit is that picture's
    caption (a byline or another picture note before it opens nothing)."""
    result = list(paragraphs)
    for i in range(1, len(result) - 1):
        before, here, after = result[i - 1], result[i], result[i + 1]
        if here.kept and not after.kept and len(here.text.split()) <= CAPTION_MAX_WORDS and \
                any(rule.regex.search(before.text) for rule in counter_rules) and (
                after.removed_because == SLASH_CREDIT_REASON
                or any(rule.regex.search(after.text) for rule in credit_rules)):
            result[i] = replace(here, kept=False, removed_because=PICTURE_NOTE)
    return result


def _small_word_share(words: list[str]) -> float:
    small = sum(1 for w in words if w.strip(",;:.\"“”‘’'()").casefold() in FUNCTION_WORDS)
    return small / len(words) if words else 0.0


@lru_cache(maxsize=4096)
def is_prose(text: str) -> bool:
    """Long enough and with the small words of a sentence (a headline or a menu has few).
    Remembered for the last few thousand texts: provenance asks again of cleaning's paragraphs."""
    words = text.split()
    return len(words) >= BODY_MIN_WORDS and _small_word_share(words) >= 0.15


def is_body_paragraph(text: str) -> bool:
    """Running prose that ends as a sentence ends."""
    return _is_body(text, is_prose(text))


def _is_body(text: str, prose: bool) -> bool:
    """is_body_paragraph, for a text whose is_prose is known."""
    return prose and text[-1] in BODY_END


HEADLINE_CASE_WORDS = 4
"""Capitalised words a line in headline case has at least, and no word beyond the small ones
in lower case."""
TITLE_CASE_MAX_WORDS = 20  # a longer line of capitalised words is a list of names
LETTERS = re.compile(r"[^\W\d_][\w'’-]*")


def is_headline_case(text: str) -> bool:
    """Every word but the small ones capitalised, some letters in lower case ("Trump and Xi
    Call a Truce in Busan. The Hard Part Comes Next."): a headline's style, never running
    prose's, whatever its stops. Over the article such a line is its headline, not its first
    paragraph. Not a line in capitals (a transcript's turn) nor a speaker's label."""
    if len(text.split()) > TITLE_CASE_MAX_WORDS or text.isupper() or \
            SPEAKER_LABEL.match(text):
        return False
    words = [w for w in LETTERS.findall(text) if w.casefold() not in FUNCTION_WORDS]
    return len(words) >= HEADLINE_CASE_WORDS and all(w[0].isupper() for w in words)


def _stopped_headline(text: str) -> bool:
    """A headline in headline case that ends with a full stop, as some outlets write theirs:
    it never opens the article and may be the headline. (One ending with a question mark may
    be a Q&A's first question, and opens the article as before.)"""
    return text[-1] == "." and is_headline_case(text)


def is_sentence(text: str) -> bool:
    """A short sentence: a few words closed by a full stop, question or exclamation mark."""
    return len(text.split()) >= SENTENCE_MIN_WORDS and text.rstrip("\"”’')")[-1:] in (".", "!", "?")


def is_label_like(text: str) -> bool:
    """A menu item, tag, button or link: a few words with no sentence punctuation at the end."""
    return 0 < len(text.split(None, LINK_MAX_WORDS)) <= LINK_MAX_WORDS \
        and text[-1] not in ".!?,;\"”"


def _remove(paragraph: SourceParagraph, reason: str) -> SourceParagraph:
    return replace(paragraph, kept=False, removed_because=reason, heading=False)


def _article_end(paragraphs: list[SourceParagraph], last_body: int) -> int:
    """The article's last paragraph: its last body paragraph, or the end of a list right after
    it (its lines follow without a blank line): one that a line ending with a colon opens, or
    a box of key facts, each line a short label and what it measures ("10%: New level of the
    tariff"), under a short title or none."""
    end = last_body
    for i in range(last_body + 1, len(paragraphs)):
        p = paragraphs[i]
        if not p.kept:
            continue
        opens = p.text.endswith(":") and len(p.text.split()) >= 3
        j = i
        while j + 1 < len(paragraphs) and paragraphs[j + 1].line == paragraphs[j].line + 1 \
                and (opens or _is_fact_line(paragraphs[j + 1].text)):
            j += 1
        first_fact = i if _is_fact_line(p.text) else i + 1
        if j > i and (opens or j - first_fact + 1 >= FACT_BOX_LINES):
            end = j
        break
    return end


FACT_LINE = re.compile(r"^[$€£¥+~−-]?\d[^:.!?]{0,20}: \S+( \S+){3,}")  # "12 million tonnes: …"
FACT_BOX_LINES = 3


def _is_fact_line(text: str) -> bool:
    return bool(FACT_LINE.match(text)) and len(text.split(":", 1)[0].split()) <= 4


# The attribution under an embedded social post: "— Jane Roe (@janeroe) May 2, 2025"
POST_ATTRIBUTION = re.compile(r"^[—–-] ?[^()\n]{1,60}\(@\w{1,30}\) ?.{0,40}$")
LINK = re.compile(r"[\w-]+(\.[\w-]+)*\.[a-z]{2,}/")  # a token that opens "pic.example.com/x1"
LINK_MAX_CHARS = 300
OPEN_TEXT_WORDS = 20  # an open line of prose longer than this is text, not a headline


def _closes_post(text: str) -> bool:
    """The attribution ("— Name (@handle) date") or the link that closes an embedded post."""
    last = text[-LINK_MAX_CHARS:].rsplit(None, 1)[-1]
    return text[0] in "—–" or "://" in last or bool(LINK.match(last))


def _is_text(text: str, prose: bool) -> bool:
    """What a subheading stands over: running prose closed as a sentence or longer than most
    headlines (OPEN_TEXT_WORDS; a shorter open line of prose is as likely another story's
    headline), a sentence, a line that opens a list, or the
    attribution or link that closes an embedded post (`prose`: is_prose of the text)."""
    return (_is_body(text, prose) or is_sentence(text) or text.endswith(":")
            or _closes_post(text) or (prose and len(text.split(None, OPEN_TEXT_WORDS))
                                      > OPEN_TEXT_WORDS))


def _restore_subheadings(out: list[SourceParagraph], first: int, last: int,
                         prose: list[bool]) -> None:
    """Inside the article, a short line taken for a byline or a names caption is a subheading
    when it is in capitals, or has no closing full stop and stands right over a body paragraph
    ("Ports and Shipping"): bylines and captions stand over the article, not inside it."""
    next_kept: int | None = None  # the nearest kept paragraph below, found walking upwards
    for i in range(last, first, -1):
        p = out[i]
        if p.kept:
            next_kept = i
            continue
        if p.removed_because not in ("byline", PICTURE_NOTE) or \
                p.text[-1] in CLOSING or BY_WORD.match(p.text):
            continue
        after = out[next_kept] if next_kept is not None else None
        capitals = p.text.upper() == p.text and p.removed_because == "byline"
        names = NAME_CAPTION.match(p.text) and after is not None \
            and _is_body(after.text, prose[next_kept])
        if capitals or names:
            out[i] = replace(p, kept=True, removed_because=None, heading=True)


REPEAT = re.compile(r"^repeats line (\d+)$")


def _restore_structural_repeats(out: list[SourceParagraph], first: int, last: int,
                                keys: list[str], prose: list[bool]) -> None:
    """Inside the article, a short line (not prose) that repeats one also inside it is part of
    the article's structure: a table's header row over each table, a source label under each
    quoted review, the signature under each embedded post. It is kept, unless it stands right
    under its earlier copy (the same line printed twice)."""
    index = {p.line: i for i, p in enumerate(out)}
    for i in range(first + 1, last + 1):
        p = out[i]
        match = REPEAT.match(p.removed_because or "")
        if not match or prose[i]:
            continue
        j = index.get(int(match.group(1)))
        if j is None or j < first or not out[j].kept or keys[i - 1] == keys[i]:
            continue
        out[i] = replace(p, kept=True, removed_because=None)


def _subheading_over(out: list[SourceParagraph], run: list[int], below: int,
                     prose: list[bool]) -> bool:
    """The last line of a run of headline-shaped lines is the subheading of the body paragraph
    right under it (one blank line at most between) when it alone is headline-sized: the lines
    above it are labels of a few words (a source's name, a credit), not other stories' headlines,
    which come as several lines of headline length."""
    last = out[run[-1]]
    return (len(last.text.split()) >= HEADLINE_MIN_WORDS and last.text[-1] not in CLOSING
            and _is_body(out[below].text, prose[below]) and out[below].line - last.line <= 2
            and all(len(out[j].text.split()) < HEADLINE_MIN_WORDS for j in run[:-1]))


def _remove_headline_runs(out: list[SourceParagraph], first: int, last: int,
                          prose: list[bool]) -> None:
    """Inside the article, two or more headline-shaped lines with no text between them are a
    list of other stories or links, not subheadings: a subheading stands over text. Lines of a
    block of LIST_BLOCK or more lines with no blank line between them are a list the article
    gives (results, dates, places), and are left with the line over them; so are numbered
    subheadings ("2. What was agreed")."""
    sizes = block_sizes(out)
    run: list[int] = []
    for i in range(first, last + 2):
        p = out[i] if i <= last else None
        if p is not None and not p.kept:
            continue
        if p is not None and not _is_text(p.text, prose[i]) and any(c.isalnum() for c in p.text):
            run.append(i)
            continue
        if len(run) >= 2 and p is not None and _subheading_over(out, run, i, prose):
            run.pop()  # the run's last line heads the paragraph under it
        if p is not None and run and _closes_post(p.text):
            run = []  # the lines of an embedded post, over its link or attribution
        if len(run) >= 2:
            for j in run:
                opens_list = j + 1 < len(out) and sizes[j + 1] >= LIST_BLOCK and sizes[j] == 1
                if sizes[j] < LIST_BLOCK and not opens_list and not NUMBERED.match(out[j].text):
                    out[j] = _remove(out[j], HEADLINE_RUN)
        run = []


def _remove_listed_stories(out: list[SourceParagraph], prose: list[bool],
                           list_labels: tuple[RulePattern, ...], first: int = 0) -> None:
    """Under a label that announces other stories ("Related", "Most read", "More from …"),
    the lines that are not text (headline-shaped: no closing stop, headline length) are those
    stories' headlines, up to LIST_ITEMS_MAX of them; the first line of text ends the list.
    A label right over text is a subheading, unless it is one word or trails off ("You may
    also like…"); one that ends in a colon over lines with no blank line between them opens a
    list the article gives: both stay. A label already removed for its shape ("Most Popular"
    reads as a byline) still announces its list, but not past the headline, and inside the
    article (below its first body paragraph `first`, above its last) not a list of two lines
    or more that shares most of its words with the body (a subheading over the story's own
    ranking: "Most Watched", "1. Squid Game season 3, …")."""
    sizes = block_sizes(out)
    body_words: set[str] | None = None  # the body's content words, read once when needed
    last_body = max((k for k, q in enumerate(out) if q.kept and _is_body(q.text, prose[k])),
                    default=-1)
    for i, p in enumerate(out):
        if not is_whole_label(p.text, list_labels):
            continue
        by_shape = not (p.kept or p.removed_because == "lone label")
        items = []
        for j in range(i + 1, min(i + 1 + LIST_ITEMS_MAX, len(out))):
            if by_shape and out[j].removed_because == HEADLINE:
                break
            if out[j].kept:
                items.append(j)
        headlines = list(itertools.takewhile(lambda j: not _is_text(out[j].text, prose[j]),
                                             items))
        if p.text.endswith(":") and headlines and sizes[headlines[0]] > 1:
            continue
        if by_shape and len(headlines) > 1 and first < i and headlines[-1] < last_body:
            if body_words is None:
                body_words = set().union(*(content_words(q.text) for k, q in enumerate(out)
                                           if q.kept and _is_body(q.text, prose[k])))
            words = set().union(*(content_words(out[j].text) for j in headlines))
            if words and len(words & body_words) >= STORY_LIST_SHARE * len(words):
                continue
        if not headlines and not (len(p.text.split()) == 1 or p.text.endswith(("...", "…", "?"))):
            continue  # a subheading ("More from the minister"), unless it reads as a teaser
        if p.kept or p.removed_because == "lone label":
            out[i] = _remove(p, LIST_LABEL_REASON)
        for j in headlines:
            out[j] = _remove(out[j], HEADLINE_RUN)


# A list under a byline-shaped label inside the article that shares this share of its words
# with the body is the story's own.
STORY_LIST_SHARE = 0.4

TAIL_REASON = "the page's tail (under {label!r})"
LABEL_MAX_CHARS = 60  # longer, a line is a sentence, whatever words it opens with


def _remove_tail(out: list[SourceParagraph], prose: list[bool],
                 tail_labels: tuple[RulePattern, ...]) -> None:
    """Under a label that opens the page's tail ("About the author", "Comments", "Letters to
    the editor", "Topics:") stands what the page adds to the article, often written as
    sentences: a writer's bio, readers' letters, comments. From the first such label below the
    article's second body paragraph, everything to the end of the page goes, unless the label
    is not the tail's: more body paragraphs follow it than stand above it, the article goes on
    right under it (a body paragraph that is not a note on a writer: a subheading, a button
    between parts), a label of the same rule recurs further down (a button the page repeats,
    "212 comments" then "Comments (212)"), or a date or time stamp stands below it (a live
    blog's post, titled by it, with older posts under it)."""
    body = [i for i, p in enumerate(out) if p.kept and _is_body(p.text, prose[i])]
    if len(body) < 2:
        return
    labels = [(i, rule) for i in range(body[1] + 1, len(out))
              if (out[i].kept or out[i].removed_because in ("lone label", HEADLINE_RUN))
              and len(out[i].text) <= LABEL_MAX_CHARS
              and (rule := _tail_rule(out[i].text, tail_labels)) is not None]
    last_of_rule = {rule: i for i, rule in labels}
    last_stamp = max((i for i, p in enumerate(out) if p.removed_because == STAMP), default=-1)
    for i, rule in labels:
        above = bisect.bisect_left(body, i)
        if last_of_rule[rule] > i or last_stamp > i or len(body) - above >= above:
            continue
        under = next((j for j in range(i + 1, len(out)) if out[j].kept), None)
        if under is not None and _is_body(out[under].text, prose[under]) \
                and not _is_writer_note(out[under].text) and not (
                    COMMENTS_LABEL.search(out[i].text) and COMMENTER.match(out[under].text)):
            continue
        reason = TAIL_REASON.format(label=" ".join(out[i].text.split()))
        for j in range(i, len(out)):
            if out[j].kept or out[j].removed_because == "lone label":
                out[j] = _remove(out[j], reason)
        return


def is_whole_label(text: str, labels: tuple[RulePattern, ...]) -> bool:
    """The whole text is one of these labels (cleaning.list_labels, .tail_labels,
    .summary_labels)."""
    return len(text) <= LABEL_MAX_CHARS and any(label.fullmatch(text) for label in labels)


def _tail_rule(text: str, tail_labels: tuple[RulePattern, ...]) -> int | None:
    """The number of the first tail label the whole text is, if any."""
    return next((n for n, label in enumerate(tail_labels) if label.fullmatch(text)), None)


def _name_and_rest(text: str) -> Iterator[tuple[str, str]]:
    """The text's first two, three and four words, each with the rest of the text: where a
    note on a writer splits into the writer's name and what it says of them."""
    words = text.split(None, 4)
    for n in range(2, min(5, len(words))):
        yield " ".join(words[:n]), text.split(None, n)[n]


COMMENTS_LABEL = re.compile(r"comment|repl(y|ies)|discussion|conversation|your say",
                            re.IGNORECASE)
COMMENTER = re.compile(r"[A-Z][\w.'’-]{0,20}(?: [\w.'’-]{1,20}){0,2}: \S")
"""A reader's comment under a comments label: a handle of up to three words and a colon ("Mike
T.: Thank you to all the linemen!"; under "Authors", "Salman Rushdie: The author will …" is
the article's)."""


def _is_writer_note(text: str) -> bool:
    """A note on a writer: a name of two to four words, then "is a …", "writes", "covers"…"""
    return any(NAME_ONLY.match(head) and AUTHOR_NOTE_AFTER_NAME.match(rest)
               for head, rest in _name_and_rest(text))


NAVIGATION = frozenset({LINK_LIST, "lone label", "breadcrumb"})


def _navigation_between(out: list[SourceParagraph], start: int, end: int) -> bool:
    """Menu items or labels between two headline-shaped lines: the first is another story's or
    the site's, since only the article's own header (byline, stamps, standfirst, picture)
    stands between a headline and its article."""
    return any(out[i].removed_because in NAVIGATION
               or (out[i].kept and len(out[i].text.split()) < HEADLINE_MIN_WORDS)
               for i in range(start + 1, end))


TITLE_BODY_PARAGRAPHS = 6  # a headline's words come back in the article's first paragraphs
TITLE_MIN_SHARE = 0.3
CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")


def content_words(text: str) -> set[str]:
    """A text's words beyond the function words, cut to five letters (plague, plagues)."""
    return {w[:5] for w in CONTENT_WORD.findall(text.casefold()) if w not in FUNCTION_WORDS}


MENU_WORDS = 4  # capitalised words, and nothing else, in a line of section names ...
MENU_SHARED_WORDS = 2  # ... which shares fewer of the body's words than a headline in
#                        headline case ("Cyclone Ditwah Kills Dozens") does


def _menu_like(text: str) -> bool:
    """A line of section names whose separators the paste lost ("Markets Companies Economy Tech
    Personal Finance"): four or more words, every one capitalised, no small word a headline
    in headline case holds ("With", "A", "To"), no closing mark."""
    words = text.split()
    return len(words) >= MENU_WORDS and text[-1:].isalnum() and all(
        (w[:1].isupper() or w == "&") and w.casefold() not in HEADLINE_SMALL_WORDS
        for w in words)


HEADLINE_SMALL_WORDS = frozenset("a an the and or but of to in on at for with by from as is are "
                                 "was were be after over into".split())


def _headline_by_words(out: list[SourceParagraph], candidates: list[int],
                       first: int) -> int | None:
    """The candidate with most words the article's first paragraphs use again (another
    story's headline or a site's slogan shares few), nearer the article on a tie, among those
    with TITLE_MIN_SHARE of their words there."""
    opening = [p.text for p in out[first:] if p.kept][:TITLE_BODY_PARAGRAPHS]
    body = set().union(*map(content_words, opening))
    shared, some = {}, {}
    for i in candidates:
        words = content_words(out[i].text)
        common = len(words & body)
        if common:
            some[i] = common
        if words and common >= TITLE_MIN_SHARE * len(words):
            shared[i] = common ** 2 / len(words)
    best = max(shared, key=lambda i: (shared[i], i), default=None)
    above = max((i for i in some if best is not None and i < best), default=None)
    if above is None or not (above in shared or is_standfirst(out[best].text)) or \
            len(out[above].text) >= len(out[best].text) or \
            _menu_like(out[above].text) and some[above] < MENU_SHARED_WORDS:
        return best
    between = _between_headline_and_standfirst(out[above])
    if all(out[j].removed_because in between for j in range(above + 1, best)):
        return above  # a shorter line just over the best: the headline over its standfirst
    return best


def _listed_under_label(out: list[SourceParagraph], candidates: list[int]) -> set[int]:
    """Candidates that are items of a list right under a lone label, line after line ("Key
    events" over the posts' headings): two or more of them; one line under a label ("World")
    may be the headline."""
    listed: set[int] = set()
    wanted = set(candidates)
    for i, paragraph in enumerate(out):
        if paragraph.removed_because != "lone label":
            continue
        items, j = [], i + 1
        while j < len(out) and out[j].line == out[j - 1].line + 1 and j in wanted:
            items.append(j)
            j += 1
        if len(items) >= 2:
            listed.update(items)
    return listed


def _between_headline_and_standfirst(above: SourceParagraph) -> set[str]:
    """What may stand between a headline and its standfirst: a byline or a picture's caption,
    and a stamp under a headline longer than a section label ("Dancing With the Stars" over a
    stamp over the headline is a label, not the headline over a standfirst)."""
    between = {"byline", PICTURE_NOTE}
    if len(above.text.split()) > HEADLINE_MIN_WORDS:
        between |= ARTICLE_HEADER
    return between


def _repick_headline(out: list[SourceParagraph], first: int, keys: list[str]) -> None:
    """On a pasted page the first heading-shaped line is often a section label or a menu item
    (`World`, `Personal Technology: Review`). The headline is the first line above the article
    of HEADLINE_MIN_WORDS or more words without closing punctuation (or in headline case, with
    a stop) that no other rule took;
    the line taken before it goes as furniture, and later copies of the headline as repeats."""
    candidates = [i for i in range(first) if out[i].removed_because in (None, HEADLINE)
                  and len(out[i].text.split()) >= HEADLINE_MIN_WORDS
                  and (out[i].text[-1] not in ".!:;," or _stopped_headline(out[i].text))
                  and len(out[i].text.split()) <= TITLE_MAX_WORDS
                  and not BULLETED.match(out[i].text)
                  and not (TRAIL.search(out[i].text) and len(out[i].text.split()) <= TRAIL_WORDS)]
    listed = _listed_under_label(out, candidates)
    candidates = [i for i in candidates if i not in listed]
    chosen = _headline_by_words(out, candidates, first)
    if chosen is None:
        after_menu = [i for i in candidates if not _navigation_between(out, i, first)]
        # by place alone, a line without stops before one with ("Real News. Real Impact.")
        after_menu = [i for i in after_menu if out[i].text[-1] != "."] or after_menu
        chosen = after_menu[0] if after_menu else next(
            (i for n, i in enumerate(candidates)
             if n + 1 == len(candidates) or not _navigation_between(out, i, candidates[n + 1])),
            None)
    if chosen is None or out[chosen].removed_because == HEADLINE:
        return
    for i in range(first):
        if out[i].removed_because == HEADLINE:
            out[i] = replace(out[i], removed_because=BEFORE_ARTICLE)
    out[chosen] = _remove(out[chosen], HEADLINE)
    for i in range(chosen + 1, len(out)):
        if out[i].kept and keys[i] == keys[chosen]:
            out[i] = _remove(out[i], f"repeats line {out[chosen].line}")


STANDFIRST = "standfirst (the summary above the byline)"
ARTICLE_HEADER = frozenset({"byline", STAMP, "read-time or updated stamp"})


STANDFIRST_MOST = 2  # paragraphs a summary between headline and byline runs to


def _headline_at(out: list[SourceParagraph], first: int) -> int | None:
    """Where the headline stands above the article's first paragraph, if it does."""
    return next((i for i in range(first) if out[i].removed_because == HEADLINE), None)


def _first_below_header(out: list[SourceParagraph], body: list[int], first: int,
                        prose: list[bool]) -> int:
    """The article's first paragraph when the page sets a summary of body-like prose between
    the headline and a "By …" line: the first body paragraph under that line, if at most
    STANDFIRST_MOST paragraphs of prose or sentences stand above it (share buttons and a
    player's text, not yet removed, do not count) and two body paragraphs below. (A
    capitalised subheading can pass for a byline; a "By" line cannot.)"""
    headline = _headline_at(out, first)
    if headline is None or any(_is_by_line(out[i]) for i in range(headline + 1, first)):
        return first  # the article's "By" line stands above it already
    above = 0
    for i in range(first, len(out)):
        if _is_by_line(out[i]):
            below = [b for b in body if b > i][:2]
            return below[0] if len(below) == 2 and above else first
        if out[i].kept and (not out[i].heading or out[i].text.endswith("?")) and \
                (prose[i] or is_sentence(out[i].text)):
            above += 1  # a question over the "By" line: the headline (the repick weighs it)
            if above > STANDFIRST_MOST:
                return first
    return first


def _is_by_line(paragraph: SourceParagraph) -> bool:
    """A byline that starts "By" and a name ("By the numbers" is a subheading), or a "By"
    alone over the names on the next line."""
    words = paragraph.text.split()
    if not words or words[0].casefold() not in ("by", "by:"):
        return False
    return len(words) == 1 or (paragraph.removed_because == "byline" and words[1][0].isupper())


BYLINE_PARTS = re.compile(r"\s*(?:,|\||·|\band\b|&)\s*")
BY_WORD = re.compile(r"^by:?\s+", re.IGNORECASE)
NAME_ONLY = re.compile(rf"^{NAME_WORD}( {NAME_WORD}){{1,3}}$")
# How a note on the writer goes on after the name: "is a/the/our …", "is the Courier's …",
# "writes", "covers", "can be reached", "contributed"; never "is expected", "was held".
AUTHOR_NOTE_AFTER_NAME = re.compile(
    r"^(is (a|an|the|our|his|her|their|\S+['’]s) |writes\b|covers\b|edits\b|contributed\b"
    r"|(can|may) be reached\b)")


def byline_names(paragraphs: list[SourceParagraph]) -> set[str]:
    """The writers' names the source's bylines give, case-folded ("By Jane Roe, Trade
    Correspondent, and John Doe" gives both names, and the role)."""
    names = set()
    for p in paragraphs:
        if p.removed_because != "byline":
            continue
        parts = BYLINE_PARTS.split(BY_WORD.sub("", p.text.strip()))
        names.update(part.casefold() for part in parts
                     if NAME_ONLY.match(part) or NAME_ONLY.match(part.title()))
    return names


def _up_to_note(out: list[SourceParagraph], last: int, note: int,
                labels: tuple[RulePattern, ...]) -> int:
    """The article's last line when a note that closes it stands at `note`: the last kept
    line above the note, unless a label, share buttons, a menu or a label over other stories
    or the page's tail comes first (then what stands under it is the page's, not the story's)."""
    end = last
    for i in range(last + 1, note):
        q = out[i]
        if q.removed_because in NOTE_STOPS or is_whole_label(q.text, labels):
            break
        if q.kept:
            end = i
    return end


# Removal reasons (of the code and of defaults.yml's rules) that mark the page's furniture
# between an article and its closing note.
NOTE_STOPS = frozenset({"lone label", "share buttons", "menu or link list", LINK_LIST})


def _restore_inside(out: list[SourceParagraph], first: int, last: int,
                    outside_only: frozenset[str], buttons: frozenset[str],
                    prose: list[bool]) -> None:
    """Inside the article, a line removed by a rule for the page's edges is quoted text ("To:
    Kevin Hassett" in a leaked e-mail; not under a line that stays removed, as a forwarded
    e-mail's headers are), writers with their places a subheading, and so is a button's word
    over what it heads (_heads_a_part); a run of three or more rows of as many cells (or two,
    the second kept) is a table."""
    for i in range(first + 1, last):
        p = out[i]
        if p.kept:
            continue
        if p.removed_because == "lone label" and p.text.rstrip(" .:").casefold() in buttons:
            if _heads_a_part(out, i, prose):
                out[i] = replace(p, kept=True, removed_because=None, heading=True)
            continue
        above = out[i - 1]
        if (p.removed_because in outside_only and (above.kept or above.line < p.line - 1)) or \
                (p.removed_because == "byline" and BYLINE_WITH_PLACES.match(p.text)) or \
                _in_table(out, i):
            out[i] = replace(p, kept=True, removed_because=None)


TABLE_CELLS = 3  # " | " separators in a row of a table (or a menu on one line)


def _in_table(out: list[SourceParagraph], i: int) -> bool:
    """A row of cells in a run of rows of as many cells, each on the next line: three rows or
    more, or two whose second is kept (a menu stacked on two lines has both removed)."""
    cells = out[i].text.count(" | ")
    if cells < TABLE_CELLS:
        return False
    start = end = i  # looked at two rows either side at most: linear on a page of menus
    while start > max(0, i - 2) and out[start - 1].line == out[start].line - 1 \
            and out[start - 1].text.count(" | ") == cells:
        start -= 1
    while end + 1 < min(len(out), i + 3) and out[end + 1].line == out[end].line + 1 \
            and out[end + 1].text.count(" | ") == cells:
        end += 1
    return end - start >= 2 or (end - start == 1 and out[end].kept)


TOOLBAR = frozenset({"lone label", "share buttons"})


def _heads_a_part(out: list[SourceParagraph], i: int, prose: list[bool]) -> bool:
    """A button's word ("Search", "Email") inside the article heads a part of it when what
    comes next (past a picture's caption or credit, within three lines) is a body paragraph,
    a bulleted line or a line opening a list, not a widget that repeats the word ("Follow us
    on …"), and no other button stands on the lines right beside it (a toolbar)."""
    word = out[i].text.rstrip(" .:").casefold()
    for j in (i - 1, i + 1):
        if 0 <= j < len(out) and not out[j].kept and out[j].removed_because in TOOLBAR \
                and abs(out[j].line - out[i].line) == 1:
            return False
    for j in range(i + 1, min(i + 4, len(out))):
        q = out[j]
        if not q.kept and q.removed_because in (PICTURE_NOTE, CREDIT, SLASH_CREDIT_REASON):
            continue
        if not q.kept:
            return False
        if re.match(rf"{re.escape(word)} (us|our|this|the|to|on|for)\b", q.text.casefold()):
            return False
        return _is_body(q.text, prose[j]) or q.text.endswith(":") or bool(BULLETED.match(q.text))
    return False


def _remove_author_notes(out: list[SourceParagraph], first: int, prose: list[bool]) -> None:
    """At the article's end, a note on the writer is not the story: a paragraph that starts
    with a writer's name and goes on as such a note does (AUTHOR_NOTE_AFTER_NAME), the name
    one of a byline's, or any name followed by a newsroom job ("Jane Roe is the Courier's
    economics correspondent", JOB_AFTER_NAME) in a paragraph that reports no speech and whose
    surname the story has not used. Read from the end up to the last body paragraph that is
    not such a note."""
    names = byline_names(out)
    story: Counter[str] | None = None  # the article's words, counted once when needed
    for i in range(len(out) - 1, first, -1):
        p = out[i]
        if not p.kept:
            continue
        if _is_note_on_writer(p.text, names):
            out[i] = _remove(p, AUTHOR_NOTE)
            continue
        job = _newsroom_note_name(p.text)
        if job is not None:
            if story is None:
                story = Counter(w for q in out[first:] if q.kept for w in q.text.split())
            own = p.text.split()
            if all(story[word] <= own.count(word) for word in job.split()):  # named here alone
                out[i] = _remove(p, AUTHOR_NOTE)
                continue
        if _is_body(p.text, prose[i]):
            return


# "is a/the/our/X's … correspondent": a newsroom job within four words of "is" (not "is the
# new correspondent": news of an appointment)
JOB_AFTER_NAME = re.compile(
    r"^is (?!((a|an|the|our|\S+['’]s) )?(new|incoming|outgoing|acting|interim|former)\b)"
    r"(a |an |the |our |\S+['’]s )?([\w'’.-]+ ){0,4}?(correspondent|editor|reporter|"
    r"columnist|writer|journalist|contributor|producer|bureau chief)\b(?!['’])"
    r"|^writes (about|on) [^.]{1,80}? for (?-i:(the )?[A-Z])", re.IGNORECASE)


def _is_note_on_writer(text: str, names: set[str]) -> bool:
    """Starts with a bylined writer's name and goes on as a note on a writer does."""
    return bool(names) and any(head.casefold() in names and AUTHOR_NOTE_AFTER_NAME.match(rest)
                               for head, rest in _name_and_rest(text))


def _newsroom_note_name(text: str) -> str | None:
    """The name a note on a writer with a newsroom job starts with ("Tom Wells is Asia
    Markets Editor"), or None: not when the paragraph reports speech or its first sentence
    goes on with "who" (a story about a reporter)."""
    for head, rest in _name_and_rest(text):
        if NAME_ONLY.match(head) and JOB_AFTER_NAME.match(rest):
            first = SENTENCE_BREAK.split(text, 1)[0]
            said = rest[len("writes "):] if rest.startswith("writes ") else text
            if " who " in first or REPORTED.search(said):
                return None  # ("writes about … for …" is the note's own verb, no report)
            return head
    return None


def _remove_standfirsts(out: list[SourceParagraph], first: int, last: int) -> None:
    """Between the headline and the article a page sets a summary, then the byline or the date:
    prose that stands after the headline but before a byline or stamp that precedes the first
    body paragraph is the standfirst, not the article's first paragraph. A later copy of it,
    removed as its repeat and standing in the article, is kept instead."""
    headline = _headline_at(out, first)
    if headline is None:
        return
    header = max((i for i in range(headline + 1, first)
                  if out[i].removed_because in ARTICLE_HEADER), default=None)
    if header is None:
        return
    repeated = set()
    for i in range(headline + 1, header):
        if out[i].kept and not out[i].heading:
            out[i] = _remove(out[i], STANDFIRST)
            repeated.add(f"repeats line {out[i].line}")
    kept_copy: dict[str, str] = {}  # a standfirst's repeat reason -> its kept copy's
    for i in range(header + 1, len(out)):  # the body's copy of the summary is the one kept
        reason = out[i].removed_because
        if reason in repeated and i <= last and reason not in kept_copy:
            kept_copy[reason] = f"repeats line {out[i].line}"
            out[i] = replace(out[i], kept=True, removed_because=None)
        elif reason in kept_copy:  # a third copy repeats the kept one
            out[i] = replace(out[i], removed_because=kept_copy[reason])


def furniture_by_position(paragraphs: list[SourceParagraph], find_headline: bool = False,
                          keys: list[str] | None = None, prose: list[bool] | None = None,
                          list_labels: tuple[RulePattern, ...] = (),
                          tail_labels: tuple[RulePattern, ...] = (),
                          end_notes: frozenset[str] = frozenset(),
                          outside_only: frozenset[str] = frozenset(),
                          buttons: frozenset[str] = frozenset()) -> list[SourceParagraph]:
    """Page furniture found by where it stands: outside the article (before its first body
    paragraph, after its last) whatever is neither prose nor a sentence, and inside it, runs of
    short label-like lines (share buttons, tag lists, menus). Needs an article of at least two
    body paragraphs; a short note is left as it is. `keys` and `prose` (each paragraph's
    text_key and is_prose) are computed here when the caller has not; `list_labels`: the labels
    that announce a list of other stories (cleaning.list_labels); `tail_labels`: those that
    open the page's tail (cleaning.tail_labels); `end_notes`: the reasons of rules whose note
    closes the article, which then reaches down to it (`ends_article`); `outside_only`: those
    of rules that remove a line only outside the article (`outside_article`); `buttons`: the
    labels that inside the article are a subheading over a body paragraph (cleaning.buttons)."""
    prose = prose if prose is not None else [is_prose(p.text) for p in paragraphs]
    body = [i for i, p in enumerate(paragraphs) if p.kept and _is_body(p.text, prose[i])]
    if len(body) < 2:
        return paragraphs
    out = list(paragraphs)
    keys = keys if keys is not None else [text_key(p.text) for p in paragraphs]
    first = next((i for i in body if not _stopped_headline(out[i].text)), body[0])
    last = _article_end(paragraphs, body[-1])
    note = max((i for i in range(last + 1, len(out)) if out[i].removed_because in end_notes
                and prose[i]), default=None)
    if note is not None:  # the article's own lines above its closing note stay
        last = _up_to_note(out, last, note, list_labels + tail_labels)
    if find_headline:
        _repick_headline(out, first, keys)
    below = _first_below_header(out, body, first, prose)
    if below != first and find_headline:  # the headline stands above the standfirst
        _repick_headline(out, below, keys)
    first = below
    for i, p in enumerate(out):
        if not p.kept or first <= i <= last or not any(c.isalnum() for c in p.text):
            continue
        if prose[i] or is_sentence(p.text) or POST_ATTRIBUTION.match(p.text):
            continue
        out[i] = _remove(p, BEFORE_ARTICLE if i < first else AFTER_ARTICLE)
    _remove_standfirsts(out, first, last)
    _remove_author_notes(out, first, prose)
    _restore_subheadings(out, first, last, prose)
    if list_labels:
        _remove_listed_stories(out, prose, list_labels, first)
    if tail_labels:
        _remove_tail(out, prose, tail_labels)
    _remove_headline_runs(out, first, last, prose)
    _restore_inside(out, first, last, outside_only, buttons, prose)
    _restore_structural_repeats(out, first, last, keys, prose)
    start = 0
    while start < len(out):  # runs of label-like lines, kept or lone labels
        end = start
        while end < len(out) and (out[end].kept or out[end].removed_because == "lone label") \
                and is_label_like(out[end].text):
            end += 1
        if end - start >= LINK_RUN:
            for i in range(start, end):
                if out[i].kept:
                    out[i] = _remove(out[i], LINK_LIST)
        start = max(end, start + 1)
    return out


def shape_inputs(paragraphs: list[SourceParagraph], config: Config,
                 prose: list[bool] | None = None) -> tuple[list[bool], list[bool]]:
    """What the shape model needs from the rules: which paragraphs are body paragraphs, and
    which it must leave alone whatever their shape: a transcript's speaker lines, a standfirst
    (an open line of some length right under the headline, which the project keeps), and inside
    the article a heading standing over text (a subheading or a live blog's entry title)."""
    prose = prose if prose is not None else [is_prose(p.text) for p in paragraphs]
    body = [p.kept and _is_body(p.text, flag) for p, flag in zip(paragraphs, prose)]
    guard = [bool(SPEAKER_LABEL.match(p.text)) for p in paragraphs]
    after_headline = False
    for i, p in enumerate(paragraphs):
        if p.removed_because == HEADLINE:
            after_headline = True
        elif p.kept and after_headline:
            guard[i] = guard[i] or is_standfirst(p.text)
            after_headline = False
    seen_body = False
    for i, p in enumerate(paragraphs[:-1]):
        if seen_body and p.kept and len(p.text.split(None, 2)) >= 2 and is_heading(p.text, config) \
                and _stands_over_text(paragraphs, i, body):
            guard[i] = True
        seen_body = seen_body or body[i]
    return body, guard


def is_standfirst(text: str) -> bool:
    """The summary under a headline: prose of some length left open, with no closing stop."""
    return len(text.split()) >= SENTENCE_MIN_WORDS * 2 and text[-1] not in BODY_END


def _stands_over_text(paragraphs: list[SourceParagraph], i: int, body: list[bool]) -> bool:
    """The first kept paragraph under it, past at most two removed lines (a byline, a time), is
    a body paragraph or opens a list."""
    for j in range(i + 1, min(i + 4, len(paragraphs))):
        if paragraphs[j].kept:
            return body[j] or paragraphs[j].text.endswith(":")
    return False


def headline(paragraphs: Iterable[SourceParagraph]) -> str | None:
    found = headline_paragraph(paragraphs)
    return found.text if found else None


def headline_paragraph(paragraphs: Iterable[SourceParagraph]) -> SourceParagraph | None:
    """The paragraph cleaning took for the headline (the source's title), if any."""
    return next((p for p in paragraphs if p.removed_because == HEADLINE), None)


REPEAT_MIN_WORDS = 6  # a paragraph this long repeated in a later source is syndicated copy
# A shorter paragraph is template when it recurs in at least TEMPLATE_MIN_SOURCES different
# sources and in more than TEMPLATE_SHARE of them ("Next Up:", "(SOUNDBITE OF MUSIC)").
TEMPLATE_MIN_SOURCES = 3
TEMPLATE_SHARE = 0.02


def template_keys(sources: list[tuple[SourceMeta, tuple[SourceParagraph, ...]]],
                  keys: list[list[str]]) -> dict[str, int]:
    """Short text keys (under REPEAT_MIN_WORDS words) that recur across many sources, with the
    number of sources each is in (`keys`: each source's paragraphs' text keys): a count table
    filled in one pass, whatever the sources' order.
    A short line in only two sources is a coincidence or a shared quote, not a template."""
    counts: dict[str, int] = {}
    ids: set[str] = set()
    for (meta, _), source_keys in zip(sources, keys):
        ids.add(meta.id)
        for key in {k for k in source_keys if k and len(k.split()) < REPEAT_MIN_WORDS}:
            counts[key] = counts.get(key, 0) + 1
    floor = max(TEMPLATE_MIN_SOURCES, int(TEMPLATE_SHARE * len(ids)) + 1)
    return {key: n for key, n in counts.items() if n >= floor}


def remove_cross_source_repeats(sources: list[tuple[SourceMeta, tuple[SourceParagraph, ...]]]
                                ) -> list[tuple[SourceParagraph, ...]]:
    """A paragraph that repeats one of an earlier source (syndicated copy) is removed with a
    pointer to the original; a short one that recurs in many sources (template_keys) is removed
    everywhere as template. One pass with a count table and one with a hash table: no pairwise
    comparison."""
    keys = [[text_key(p.text) for p in paragraphs] for _, paragraphs in sources]
    templates = template_keys(sources, keys)
    first_seen: dict[str, tuple[str, int]] = {}
    cleaned = []
    for (meta, paragraphs), source_keys in zip(sources, keys):
        out = []
        for paragraph, key in zip(paragraphs, source_keys):
            if paragraph.kept and key in templates:
                paragraph = replace(paragraph, kept=False, heading=False,
                                    removed_because=f"recurs in {templates[key]} sources: template")
            elif paragraph.kept and not paragraph.heading and len(key.split()) >= REPEAT_MIN_WORDS:
                origin = first_seen.get(key)
                if origin and origin[0] != meta.id:
                    paragraph = replace(paragraph, kept=False,
                                        removed_because=f"repeats {origin[0]} line {origin[1]}")
                else:
                    first_seen.setdefault(key, (meta.id, paragraph.line))
            out.append(paragraph)
        cleaned.append(tuple(out))
    return cleaned
