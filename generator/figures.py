"""Stage 4d: key figures — percentages, money, counts with units and dates — in their sentences,
and the facts they state.

``find_figures`` lists every figure with its sentence. ``figure_facts`` reads each figure as a
fact: what it measures (a verbatim slice of its sentence: the noun phrase the figure modifies or
the one that governs it), its values (a change when the sentence says "to X from Y"), and every
sentence, in any source, that states the same fact. ``pick_key_figures`` chooses the facts a
reader sees first. Numbers, units and measure words are normalised for matching only: what a
page shows is always the source's own words.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from generator.amounts import CURRENCY_WORDS, NUMBER_WORDS, SCALES, spelled_number
from generator.segment import sentences
from generator.structure import Figure, Sentence, SourceParagraph

MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
NUMBER_MAX = 40
"""The most digits and separators a figure has ("1,234,567,890.50"): a number is read from every
digit of a run like "1,1,1,…", so a bound keeps the work at each position constant."""
NUMBER_TAIL = f"{{0,{NUMBER_MAX}}}"
NUMBER_RUN = f"{{1,{NUMBER_MAX}}}"
WORD_NUMBER = ("(?=[" + "".join(sorted({word[0] for word in NUMBER_WORDS})) + "])"
               "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")")
"""A number in words. The look-ahead at its first letter spares trying every word at every
place in a text (most of the time of reading percentages)."""
SCALE_WORDS = "|".join(sorted((w for w in SCALES if len(w) > 1 or w == "m"),
                             key=lambda w: (-len(w), w)))
SCALE = rf"(?:\s?(?:{SCALE_WORDS})\b|(?:b|k)\b)"
"""A scale after a sum: a word, or a letter glued to it ("$5b", "$50k"; "$20 b class" is not
$20bn). "m" may stand apart, as before amounts.py ("$5 m")."""
MONEY_WORDS = frozenset(CURRENCY_WORDS) - {"pound", "pounds"}  # "12 million pounds of pork"
CURRENCY = rf"(?i:{'|'.join(sorted(MONEY_WORDS, key=lambda w: (-len(w), w)))})"
PENCE = r"(?<![\w.,])\d{1,5}(?:\.\d{1,2})?(?:p|\s?pence)\b"
"""A price in pence ("412p a share", "455 pence"): money, as pounds are."""
PATTERNS = (
    ("percentage", re.compile(rf"(?:(?<![\w.])\d{NUMBER_RUN}(?:\.\d{NUMBER_RUN})?|"
                              rf"\b{WORD_NUMBER}(?:[\s-]{WORD_NUMBER}){{0,2}}"
                              rf"(?:\spoint(?:\s{WORD_NUMBER}){{1,3}})?)"
                              rf"\s?(?:%|per\s?cent\b|percent\b|(?-i:pct|pc)\b)",
                              re.IGNORECASE)),
    ("money", re.compile(rf"(?:(?<![A-Za-z])(?:[A-Z]{{1,2}})?[$€£¥]\s?"
                         rf"\d[\d,.]{NUMBER_TAIL}{SCALE}?|"
                         rf"\b\d[\d,.]{NUMBER_TAIL}\s?(?:billion|million|trillion)\s"
                         rf"{CURRENCY}\b|{PENCE})")),
    ("date", re.compile(rf"\b(?:\d{{1,2}}\s{MONTHS}(?:\s\d{{4}})?|{MONTHS}\s\d{{1,2}}(?:,\s\d{{4}})?)\b")),
    ("year", re.compile(r"\b(?:since|in|by|until|within)\s(?:19|20)\d{2}\b")),
    ("quantity", re.compile(rf"\b\d[\d,.]{NUMBER_TAIL}(?:\s(?:million|billion|thousand))?\s?"
                            rf"(?:metric\s)?(?:km|kilometres|kilometers|miles|tonnes|tons|"
                            rf"years?|hours|days|minutes)\b")),
)
FACT_KINDS = ("percentage", "money", "quantity")
"""Kinds read as facts, in the order key figures show them; dates and years are the Timeline's."""
DIGIT = re.compile(r"\d")
UNIT_STEMS = ("km", "kilomet", "miles", "ton", "year", "hours", "days", "minutes")
"""What each unit of the quantity pattern (case as written) starts with."""
PENCE_PATTERN = re.compile(PENCE)
FACT_NEEDS: dict[str, Callable[[str], bool]] = {
    "percentage": lambda text: "%" in text or "pc" in text.lower() or
    all(part in text.lower() for part in ("per", "cent")),
    "money": lambda text: any(sign in text for sign in "$€£¥") or
    any(word in text.lower() for word in MONEY_WORDS) or bool(PENCE_PATTERN.search(text)),
    "quantity": lambda text: bool(DIGIT.search(text)) and any(unit in text for unit in UNIT_STEMS),
}
"""What each kind of fact's pattern needs in a text to match (cheap tests before running it)."""
UNITS = {"km": ("km", 1.0), "kilometres": ("km", 1.0), "kilometers": ("km", 1.0),
         "miles": ("km", 1.609344), "tonnes": ("t", 1.0), "tons": ("t", 1.0),
         "year": ("year", 1.0), "years": ("year", 1.0), "days": ("day", 1.0),
         "hours": ("minute", 60.0), "minutes": ("minute", 1.0)}
CONVERTED_DIGITS = 2
"""Significant digits a converted quantity is matched on: 47 miles is 75.6 km, matched as 76."""
EXACT_DIGITS = 4
WINDOW = 200
"""Characters read on each side of a figure for its time: the work per figure is constant."""
WINDOW_WORDS = 30
"""Words read on each side of a figure for its measure, for the same reason."""
MEASURE_WORDS = 10
"""The most words a measure spans ("tariff he imposed on China over fentanyl")."""
LEAD_WORDS = 6
"""The most words between a governing noun phrase and its figure ("is being lowered from")."""
CANDIDATES = 16
"""Facts compared per shared word: posting lists are capped, never all pairs."""
SAME_MEASURE = 0.5
"""Share of a measure's key words another must hold, strictly more, to be the same measure."""
APPROXIMATE_SPREAD = 0.25
"""Values differing by at most this share are not a disagreement when one is approximate."""
TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.){1,4}|[A-Za-z][\w'’-]{0,60}|\d[\d,.:]{0,40}|[^\w\s]")
DETERMINERS = frozenset("""a an the its their his her our your my this that these those
    another other further additional extra remaining some any each every such so-called
    which whose what""".split())
ADDING = frozenset("additional extra further other".split())
PRONOUNS = frozenset("i he she it we they you who them him us me one".split())
CONJUNCTIONS = frozenset("and or but while as if than because though although when where".split())
PREPOSITIONS = frozenset("""to from at by with about around over under into onto of on for in
    against through since until between within after before during per via""".split())
NOUN_PREPOSITIONS = frozenset("on of for over in against".split())
"""Prepositions inside a measure ("tariffs on Chinese goods", "futures in Chicago")."""
APPROXIMATORS = frozenset("""about around roughly nearly almost some approximately just up down
    more less least than only as much little close closer over under some estimated""".split())
AUXILIARIES = frozenset("""is are was were be been being am will would could can may might
    must shall should has have had having do does did not now also still then already""".split())
VERBS = frozenset("""lower cut raise reduce halve bring take put keep leave go fall rise drop slip
    climb jump gain lose slide add impose lift hit reach buy sell make see ease double triple
    trim boost sink soar surge tumble plunge stand run invest spend grow stay remain apply come
    start begin continue mean fell rose went took brought kept left made sold paid saw sank ran
    grew held won spent risen fallen grown gone taken shrunk shrank sunk slid say said think
    thought believe believed expect expected want wanted
    feel felt support supported oppose opposed approve approved favor favour favored favoured
    prefer preferred agree agreed disagree disagreed""".split())  # the last: a poll's verbs
APPROXIMATE = frozenset("about around roughly nearly almost some approximately close closer "
                        "estimated up".split())
COMPARATIVES = frozenset("""lower higher away ago earlier later annually apiece each more less
    instead overall below above""".split())
TIME_WORDS = frozenset("""january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
    thursday friday saturday sunday""".split())
ANNUAL = frozenset("annually annual yearly".split())
TIME_PHRASE = re.compile(r"\b(?:(?:this|next|last|a|per|each|every)\s(?:year|month|week|quarter)"
                         r"|(?:19|20)\d\d)\b", re.IGNORECASE)
GENERIC_TIME = frozenset("year years month months week weeks day days quarter period time".split())
"""Not a measure on their own ("levy for another year"); a time reference is read separately."""
DURATION_PREPOSITIONS = frozenset("in within since after for over".split())
"""Before a duration, these make it a time ("first trip in 11 years"), not a measure's value."""
COMPOUND_TAILS = frozenset("related linked based driven backed style type led".split())
SAME_WORDS = {"u.s.": "us", "usa": "us", "u.s.a.": "us", "america": "us", "american": "us",
              "united": "us", "states": "us"}
CHANGE_TO = re.compile(r"\s{0,3},?\s{0,3}to\s{1,3}(?:(?:about|around|roughly|some|nearly|"
                       r"almost|just)\s{1,3})?(?:the\s{1,3})?$")
CHANGE_FROM = re.compile(r"\s{0,3},?\s{0,3}from\s{1,3}(?:(?:about|around|roughly|some|nearly|"
                         r"almost|just)\s{1,3})?(?:the\s{1,3})?$")
BRACKET = re.compile(r"\s{0,3}\(\s{0,3}$")


@dataclass(frozen=True)
class KeyFigure:
    """A figure read as a fact: what it measures and its values, each a verbatim slice of
    ``sentence`` (``measure == sentence.text[measure_start:measure_end]``), and every sentence
    that states the same fact (``citations``, ``sentence`` among them). ``change`` is "down" or
    "up" when the values are a change from the first to the last, or a lone value is a move
    ("fell 1.4%"), else "". ``disagrees_with``
    holds what other sources give for the same measure at the same time: their own values and
    citations, each with no disagreement of its own."""

    measure: str
    measure_start: int
    measure_end: int
    values: tuple[str, ...]
    change: str
    kind: str
    sentence: Sentence
    citations: tuple[Sentence, ...]
    disagrees_with: tuple[KeyFigure, ...] = ()

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(s.source_id for s in self.citations)


@dataclass(frozen=True)
class _Amount:
    """A figure as written (``start``/``end`` in its sentence) and as matched (unit, number)."""

    kind: str
    start: int
    end: int
    unit: str
    number: float
    approximate: bool = False


@dataclass(frozen=True)
class _Mention:
    """One sentence stating one fact: the amounts (two for a change) and the measure's span."""

    sentence: Sentence
    kind: str
    amounts: tuple[_Amount, ...]
    measure: tuple[int, int]
    key: frozenset[str]
    when: frozenset[str]

    @functools.cached_property  # read for every comparison of facts
    def numbers(self) -> tuple[tuple[str, float], ...]:
        return tuple((a.unit, a.number) for a in self.amounts)

    @functools.cached_property
    def places(self) -> frozenset[str]:
        start, end = self.measure
        text = self.sentence.text
        return measure_places(text[start:end], not text[:start].strip(" \"'“‘(-–—"))


def _matches(text: str) -> Iterator[tuple[str, re.Match]]:
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            yield kind, match


def find_figures(paragraphs: Iterable[SourceParagraph]) -> list[Figure]:
    figures = []
    for paragraph in paragraphs:
        if not paragraph.kept or paragraph.heading:
            continue
        for sentence in sentences(paragraph):
            for kind, match in _matches(sentence.text):
                figures.append(Figure(match.group().strip(), kind, sentence))
    return figures


# Reading numbers and units

def _significant(number: float, digits: int) -> float:
    return float(f"{number:.{digits}g}")


def _number(text: str) -> float | None:
    word = text.casefold()
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    digits = text.replace(",", "")
    if digits.count(".") > 1 or not digits.strip("."):
        return None
    try:
        return float(digits.strip("."))
    except ValueError:
        return None


COUNTRY_SIGN = re.compile(r"([A-Z]{1,2})[$€£¥]")
"""A currency sign with a country's letters glued on: C$, S$, HK$ (US$ is the dollar)."""
AMOUNT_WORDS = re.compile(r"[$€£¥]|\d[\d,.]*|[A-Za-z]+|%")


def _amount(kind: str, text: str, start: int, before: str) -> _Amount | None:
    """The figure's unit and number for matching: 10 per cent = 10% = ten percent, 47 miles =
    76 km, $5bn = $5 billion."""
    words = AMOUNT_WORDS.findall(text)
    spelled = spelled_number(words, 0) if words and words[0].casefold() in NUMBER_WORDS else None
    found = (spelled[1] - 1, spelled[0]) if spelled else \
        next(((at, n) for at, n in enumerate(map(_number, words)) if n is not None), None)
    if found is None:
        return None
    at, number = found  # the number's last word, and its value
    lowered = [w.casefold() for w in words]
    digits = EXACT_DIGITS
    if kind == "percentage":
        unit = "%"
    elif kind == "money":
        unit = next((w for w in words if w in "$€£¥"), "") or \
            CURRENCY_WORDS.get(lowered[-1], "p" if lowered[-1] == "pence" else lowered[-1])
        country = COUNTRY_SIGN.match(text)
        if country and country.group(1) != "US":
            unit = country.group(1) + unit  # S$64 billion is not $64 billion
    else:
        unit, factor = UNITS.get(lowered[-1], (lowered[-1], 1.0))
        if factor != 1.0 or lowered[-1] in ("tons", "tonnes", "km", "kilometres", "kilometers"):
            digits = CONVERTED_DIGITS
        number *= factor
    number *= next((SCALES[w] for w in lowered[at + 1:] if w in SCALES), 1.0)  # not B$'s B
    approximate = bool(set(before.casefold().split()[-2:]) & APPROXIMATE)
    return _Amount(kind, start, start + len(text), unit, _significant(number, digits),
                   approximate)


def _fact_matches(text: str) -> Iterator[tuple[str, re.Match]]:
    """The matches of the kinds read as facts, as ``_matches`` gives them; a pattern is run only
    when the text holds what every one of its matches needs."""
    for kind, pattern in PATTERNS:
        if kind in FACT_KINDS and FACT_NEEDS[kind](text):
            for match in pattern.finditer(text):
                yield kind, match


def _amounts(text: str) -> list[_Amount]:
    """The sentence's figures of the kinds read as facts, in order, overlaps dropped."""
    found = []
    for kind, match in _fact_matches(text):
        value = match.group().strip().rstrip(",.")
        start = match.start() + match.group().index(value)
        amount = _amount(kind, value, start, text[max(0, start - 30):start])
        if amount:
            found.append(amount)
    found.sort(key=lambda a: (a.start, -a.end))
    kept: list[_Amount] = []
    for amount in found:
        if not kept or amount.start >= kept[-1].end:
            kept.append(amount)
    return kept


def _same_quantity(a: _Amount, b: _Amount) -> bool:
    return a.unit == b.unit and abs(a.number - b.number) <= 0.05 * max(a.number, b.number)


def _groups(text: str, amounts: list[_Amount]) -> list[tuple[_Amount, ...]]:
    """Amounts grouped as the sentence states them: "76km (47 miles)" is one quantity (one
    amount spanning both), "to 10% from 20%" and "from 20% to 10%" one change (old, new)."""
    merged: list[_Amount] = []
    for amount in amounts:
        if merged and text[amount.end:amount.end + 1] == ")" and \
                BRACKET.fullmatch(text[merged[-1].end:amount.start]) and \
                merged[-1].unit == amount.unit and _same_quantity(merged[-1], amount):
            merged[-1] = replace(merged[-1], end=amount.end + 1)
        else:
            merged.append(amount)
    groups: list[tuple[_Amount, ...]] = []
    index = 0
    while index < len(merged):
        first = merged[index]
        second = merged[index + 1] if index + 1 < len(merged) else None
        if second and second.unit == first.unit and second.kind == first.kind:
            gap = text[first.end:second.start]
            if CHANGE_FROM.fullmatch(gap):
                groups.append((second, first))
                index += 2
                continue
            if CHANGE_TO.fullmatch(gap):
                groups.append((first, second))
                index += 2
                continue
        groups.append((first,))
        index += 1
    return groups


# Reading what a figure measures

Token = tuple[str, int, int]  # a word or mark, its start and end in the sentence
WORDS_REMEMBERED = 1 << 16
"""Words whose reading (plain form, verb, content word) is remembered: the same few thousand
words are read around every figure."""


class _Words:
    """A sentence's words, read once, and the words before or after a place in it."""

    def __init__(self, text: str):
        self.tokens = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
        self.starts = [token[1] for token in self.tokens]

    def before(self, place: int) -> list[Token]:
        index = bisect.bisect_left(self.starts, place)
        return self.tokens[max(0, index - WINDOW_WORDS):index]

    def after(self, place: int) -> list[Token]:
        index = bisect.bisect_left(self.starts, place)
        return self.tokens[index:index + WINDOW_WORDS]

    def between(self, start: int, end: int) -> list[Token]:
        first = bisect.bisect_left(self.starts, start)
        return self.tokens[first:min(bisect.bisect_left(self.starts, end),
                                     first + WINDOW_WORDS)]


def _tokens(text: str) -> list[Token]:
    return _Words(text).tokens


@functools.lru_cache(maxsize=WORDS_REMEMBERED)
def _plain(word: str) -> str:
    return word.casefold().replace("’", "'")


def _possessive(word: str) -> bool:
    return _plain(word).endswith("'s")


@functools.lru_cache(maxsize=WORDS_REMEMBERED)
def _is_verb(word: str) -> bool:
    plain = _plain(word)
    if plain in AUXILIARIES or plain in VERBS:
        return True
    if "-" in plain or not plain.isalpha():
        return False
    for ending in ("s", "es", "ed", "d"):
        if plain.endswith(ending) and plain[:-len(ending)] in VERBS:
            return True
    return len(plain) > 4 and (plain.endswith("ed") or plain.endswith("ing"))


@functools.lru_cache(maxsize=WORDS_REMEMBERED)
def _participle(word: str) -> bool:
    """"combined", "resulting": a modifier before a noun, a verb elsewhere."""
    plain = _plain(word)
    return plain.isalpha() and len(plain) > 4 and plain not in AUXILIARIES and \
        plain not in VERBS and (plain.endswith("ed") or plain.endswith("ing"))


@functools.lru_cache(maxsize=WORDS_REMEMBERED)
def _content(word: str) -> bool:
    """A word a measure may hold: not a function word, number, time word or verb."""
    plain = _plain(word)
    return (word[:1].isalpha() and plain not in DETERMINERS
            and (plain not in PRONOUNS or word.isupper() and len(word) > 1)  # "US", not "us"
            and plain not in CONJUNCTIONS and plain not in PREPOSITIONS
            and plain not in APPROXIMATORS and plain not in COMPARATIVES
            and plain not in TIME_WORDS and plain not in GENERIC_TIME and not _is_verb(word))


def _noun_run(tokens: list[tuple[str, int, int]], index: int) -> int:
    """How many words from index make a noun and its modifiers ("processing capacity")."""
    count = 0
    while index + count < len(tokens) and count < MEASURE_WORDS and \
            (_content(tokens[index + count][0]) or _participle(tokens[index + count][0])):
        count += 1
    while count and not _content(tokens[index + count - 1][0]) and \
            not _plain(tokens[index + count - 1][0]).endswith("ing"):
        count -= 1  # "50% owned": not a noun; "rare earths mining": one
    return count


def _measure_after(words: _Words, end: int, kind: str) -> tuple[int, int] | None:
    """The noun phrase a figure modifies: "a 10% [tariff on steel]", "20 per cent
    [fentanyl-related tariffs on Chinese exports]", "12m tonnes of [soybeans]", "$5bn in [aid]"."""
    tokens = words.after(end)
    index = 0
    if len(tokens) > 1 and _plain(tokens[0][0]) == "of":
        index = 1
        while index < min(len(tokens), 3) and (_plain(tokens[index][0]) in DETERMINERS
                                               or _possessive(tokens[index][0])):
            index += 1
    elif len(tokens) > 1 and kind == "money" and _plain(tokens[0][0]) == "in":
        index = 1  # "$5bn in aid", not "$5bn in the US"
    while index < min(len(tokens), 2) and _plain(tokens[index][0]) in ADDING:
        index += 1  # "a 100% additional tariff"
    run = _noun_run(tokens, index)
    if not run:
        return None
    last = index + run - 1
    after = last + 1
    if after + 2 < len(tokens) and _relative_clause(tokens, after + 1) and \
            _plain(tokens[after + 2][0]) in NOUN_PREPOSITIONS:
        after += 2  # "tariff [it imposed] over fentanyl"
    if after + 1 < len(tokens) and _plain(tokens[after][0]) in NOUN_PREPOSITIONS - {"in"}:
        start = after + 1
        if start < len(tokens) and (_plain(tokens[start][0]) in DETERMINERS
                                    or _possessive(tokens[start][0])):
            start += 1
        tail = _noun_run(tokens, start)
        if tail and start + tail - 1 - index < MEASURE_WORDS:
            last = start + tail - 1
    return tokens[index][1], tokens[last][2]


AMOUNT_UNIT_WORDS = frozenset("per cent percent pct pc point points basis %".split())
"""Words of an amount's unit: never what a figure measures ("rose 1.9 per cent to $72.15"
measured "cent")."""


def _lead(tokens: list[tuple[str, int, int]]) -> int | None:
    """Where the noun phrase governing a figure ends, reading back over the words that tie it
    to the figure ("is being lowered from", "down to about", "jumped"); None when those words
    are not such a tie, or when a verb governs another through "to" ("threatened to add 100%":
    the subject threatened, it is not what the figure measures)."""
    index = len(tokens) - 1
    verb_seen = to_after_verb = False
    while index >= 0 and len(tokens) - 1 - index < LEAD_WORDS:
        word = tokens[index][0]
        plain = _plain(word)
        if plain in AMOUNT_UNIT_WORDS or word[:1].isdigit():
            pass  # another figure of the same change: "[Brent crude] rose 1.9 per cent to $72"
        elif _content(word):
            return index if index < len(tokens) - 1 and not _possessive(word) else None
        elif _is_verb(word):
            if to_after_verb:
                return None
            verb_seen = True
        elif plain == "to":
            to_after_verb = verb_seen
        elif not (plain in PREPOSITIONS or plain in APPROXIMATORS or plain in COMPARATIVES):
            return None
        index -= 1
    return None


def _relative_clause(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """Whether the verb at index ends a relative clause after a noun: "tariff [he imposed]"."""
    return index > 1 and _is_verb(tokens[index][0]) and \
        _plain(tokens[index - 1][0]) in PRONOUNS and _content(tokens[index - 2][0])


def _joins_phrase(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """Whether the word at index sits inside a noun phrase that goes on to its left: "tariffs
    [on] goods", "futures on [the] Board", "cars [and] parts", "futures for [January] delivery"."""
    word = _plain(tokens[index][0])
    left = tokens[index - 1][0] if index > 0 else ""
    if word in NOUN_PREPOSITIONS or word in ("and", "&"):
        return bool(left) and (_content(left) or _relative_clause(tokens, index - 1))
    if word in DETERMINERS or word in TIME_WORDS:
        return index > 1 and _plain(left) in NOUN_PREPOSITIONS and _content(tokens[index - 2][0])
    return False


def _measure_before(words: _Words, start: int, end: int, duration: bool
                    ) -> tuple[int, int] | None:
    """The noun phrase that governs a figure: "[the fentanyl tariff] is being lowered from 20%",
    "[overall tariffs on China] down to 47%", "[Hyundai shares] jumped 9%"."""
    following = words.after(end)[:1]
    if following and (_is_verb(following[0][0]) or _participle(following[0][0])):
        return None  # "50% owned by": the figure belongs to what follows
    tokens = words.before(start)
    if duration and tokens and _plain(tokens[-1][0]) in DURATION_PREPOSITIONS:
        return None
    last = _lead(tokens)
    if last is None:
        return None
    first = index = last
    index -= 1
    while index >= 0 and last - index < MEASURE_WORDS:
        word = tokens[index][0]
        if _content(word) and not _possessive(word):
            first = index
        elif _participle(word) and index > 0 and (_plain(tokens[index - 1][0]) in DETERMINERS
                                                  or _possessive(tokens[index - 1][0])):
            first = index
        elif _joins_phrase(tokens, index):
            pass
        elif _relative_clause(tokens, index):
            index -= 1  # "tariff [he imposed] on China": on to the noun before the pronoun
        else:
            break
        index -= 1
    return tokens[first][1], tokens[last][2]


def _measure(words: _Words, group: tuple[_Amount, ...]) -> tuple[int, int] | None:
    """A change is told of its subject ("[the tariff] falls to 15% from 25%"), a single value
    more often of the noun it modifies ("a 15% [tariff]")."""
    first = min(a.start for a in group)
    last = max(a.end for a in group)
    duration = group[0].unit in ("year", "day", "minute")
    after = _measure_after(words, last, group[0].kind)
    before = _measure_before(words, first, last, duration)
    return (before or after) if len(group) > 1 else (after or before)


def _stem(word: str) -> str:
    """Crude: "tariffs" and "tariff", "rates" and "rate", "levies" and "levy" meet."""
    word = SAME_WORDS.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def measure_key(text: str) -> frozenset[str]:
    """A measure's content words, crudely stemmed, for matching: "fentanyl-related tariffs" and
    "fentanyl tariff" have the same key."""
    words = set()
    for token, _, _ in _tokens(text):
        if not _content(token):
            continue
        for part in _plain(token).removesuffix("'s").split("-"):
            if part and part not in COMPOUND_TAILS and part not in DETERMINERS:
                words.add(_stem(SAME_WORDS.get(part, part)))
    return frozenset(words)


PLACE_LETTERS = 4
"""Proper words of a measure are compared on their first letters, so a country and its people
("China", "Chinese"; "Korea", "Korean") are one place."""


SAME_PLACES = {"european": "eu", "europe": "eu", "e.u.": "eu"}


def measure_places(text: str, opens_sentence: bool = False) -> frozenset[str]:
    """The capitalised words of a measure ("Korean cars", "U.S. tariff", "tariff on Japan"): what
    tells one country's equal change from another's. A measure that opens its sentence has a
    capital there that says nothing ("Tariffs on Chinese goods")."""
    places = set()
    for number, (token, _, _) in enumerate(_tokens(text)):
        if token[:1].isupper() and _content(token) and not (opens_sentence and number == 0):
            plain = _plain(token).removesuffix("'s")
            plain = SAME_PLACES.get(plain, SAME_WORDS.get(plain, plain))
            places.add(plain.split("-")[0][:PLACE_LETTERS])
    return frozenset(places)


def _time_reference(text: str, words: _Words, start: int, end: int) -> frozenset[str]:
    """Months, weekdays, years and "this year", "a year", "annually" near the figure."""
    found = set()
    start, end = max(start, 0), min(end, start + WINDOW)
    for match in TIME_PHRASE.finditer(text[start:end]):
        phrase = match.group().casefold()
        found.add("annual" if phrase.split()[0] in ("a", "per", "each", "every") else phrase)
    for token, _, _ in words.between(start, end):
        word = _plain(token).rstrip(".")
        if word in ANNUAL:
            found.add("annual")
        elif word in TIME_WORDS:
            found.add(word[:3])
    return frozenset(found)


def _mentions(sentence: Sentence) -> list[_Mention]:
    text = sentence.text
    groups = _groups(text, _amounts(text))
    words = _Words(text) if groups else None
    mentions = []
    for number, group in enumerate(groups):
        first = min(a.start for a in group)
        last = max(a.end for a in group)
        span = _measure(words, group)
        if not span:
            continue
        key = measure_key(text[span[0]:span[1]])
        if not key:
            continue
        following = groups[number + 1][0].start if number + 1 < len(groups) else len(text)
        previous = max(a.end for a in groups[number - 1]) if number else 0
        when = (_time_reference(text, words, last, following)
                or _time_reference(text, words, max(previous, first - WINDOW), first)
                or _time_reference(text, words, first - WINDOW // 2, last + WINDOW // 2))
        mentions.append(_Mention(sentence, group[0].kind, group, span, key, when))
    return mentions


# From mentions to facts

class _Fact:
    """Mentions of one fact, while they are gathered."""

    def __init__(self, mention: _Mention):
        self.mentions = [mention]
        self.key = set(mention.key)
        self.when = set(mention.when)
        self.places = set(mention.places)
        self.sources = {mention.sentence.source_id}

    def holds(self, key: frozenset[str], strict: bool = False) -> bool:
        """Most of the key's words are the fact's; strict, a bare "tariff" is not a richer
        fact's (a single value matching one end of a change is weaker evidence)."""
        shared = len(key & self.key)
        return shared > SAME_MEASURE * len(key) and \
            (not strict or shared >= min(2, len(self.key)))

    def add(self, mention: _Mention) -> None:
        self.mentions.append(mention)
        self.sources.add(mention.sentence.source_id)
        if len(self.key) < 2 * MEASURE_WORDS:
            self.key |= mention.key
        if len(self.when) < MEASURE_WORDS:
            self.when |= mention.when
        if len(self.places) < MEASURE_WORDS:
            self.places |= mention.places

    def at_time_of(self, mention: _Mention) -> bool:
        """A mention dated otherwise than the fact ("in July" against "since April") is not it."""
        return not (self.when and mention.when and not self.when & mention.when)

    def same_change(self, mention: _Mention) -> bool:
        """A change of the same values at the same time is the fact's when it shares a measure
        word and neither names a place the other does not (Korean cars against Japanese
        cars). At another time it is another fact: inflation that eased from 3.1% to 2.9% in
        October is not the same easing in September, even where a cut agreed in October and
        in force in November is one cut told twice."""
        return bool(self.key & mention.key) and self.at_time_of(mention) and \
            not (self.places - mention.places and mention.places - self.places)

    @property
    def lead(self) -> _Mention:
        return self.mentions[0]

    def shown(self) -> _Mention:
        """The mention whose words a page shows: a change before a single value, then a measure
        of a few words (a bare "tariff" says too little, a long one reads badly), then first."""
        def rank(item: tuple[int, _Mention]) -> tuple:
            number, mention = item
            return (-len(mention.amounts), abs(len(mention.key) - 3), number)
        return min(enumerate(self.mentions), key=rank)[1]


def _similar(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    return len(a & b) > SAME_MEASURE * min(len(a), len(b))


def _gather(mentions: list[_Mention]) -> list[_Fact]:
    """Mentions with the same values and the same measure are one fact: a change joins one that
    shares a measure word and no rival place (two equal changes rarely coincide;
    _Fact.same_change), a single value one that holds most of its words, at the same time or
    in the same words; a single value equal to either end of a change joins that change
    first. A measure of one word comes last, when every richer reading of it is known
    (_likeliest_reading)."""
    facts: list[_Fact] = []
    by_values: dict[tuple, list[_Fact]] = defaultdict(list)
    by_end: dict[tuple, list[_Fact]] = defaultdict(list)
    ordered = sorted(enumerate(mentions), key=lambda m: (-len(m[1].amounts), _bare(m[1]), m[0]))
    for _, mention in ordered:
        numbers = mention.numbers
        fact = None
        if len(numbers) == 1:
            fact = next((f for f in by_end[(mention.kind, numbers[0])][:CANDIDATES]
                         if f.at_time_of(mention) and f.holds(mention.key, strict=True)),
                        None)
        candidates = by_values[(mention.kind, numbers)][:CANDIDATES]
        if fact is None and _bare(mention):
            fact = _likeliest_reading(mention, candidates)
        elif fact is None:
            fact = next((f for f in candidates
                         if (f.same_change(mention) if len(numbers) > 1 else
                             f.at_time_of(mention) and f.holds(mention.key))),
                        None)
        if fact is None:
            fact = _Fact(mention)
            facts.append(fact)
            by_values[(mention.kind, numbers)].append(fact)
            if len(numbers) > 1:
                for end in numbers:
                    by_end[(mention.kind, end)].append(fact)
        else:
            fact.add(mention)
    return facts


def _bare(mention: _Mention) -> bool:
    """A single value whose measure is one word: "the 100% tariff"."""
    return len(mention.amounts) == 1 and len(mention.key) == 1


DOMINANT_SHARE = 2
"""A bare measure goes with the likeliest richer reading only when that reading has this many
times the sources of the next one."""


def _likeliest_reading(mention: _Mention, candidates: list[_Fact]) -> _Fact | None:
    """The fact a bare measure ("tariff: 100%") most likely is: of the richer facts of its value
    that hold its word at its time, the one most sources report, if it clearly leads ("tariff
    on Chinese goods: 100 per cent", reported by five, not the canola tariff reported by one);
    else another bare mention of the same word, or none."""
    readings = sorted((f for f in candidates
                       if len(f.lead.key) > 1 and f.at_time_of(mention) and
                       mention.key <= f.key),
                      key=lambda f: -len(f.sources))
    if readings and (len(readings) == 1 or
                     len(readings[0].sources) >= DOMINANT_SHARE * len(readings[1].sources)):
        return readings[0]
    return next((f for f in candidates if f.lead.key == mention.key and f.at_time_of(mention)),
                None)


NOT_ALONE_RIVALS = frozenset({"old", "aged", "age", "said", "say", "think", "told", "year",
                              "day"})
"""Measure words (stemmed) that do not alone make two facts rival readings: "79 years old" and
"72 years old" are two people's ages; "unemployment" or "inflation" alone do."""


COMMON_MEASURE_FACTS = 4
"""A measure word in more measures of a kind than this ("tariff", "shares", "chips" on a desk
about a trade deal: tariffs on steel, on cars, on Chinese goods…) says too little alone to make
two values rival readings of one number: the 13% tariff on one thing and the 15% on another. A
word of few measures ("inflation") does, however many values sources give it: measures are
counted, not facts, so rival readings never make their own word common."""


def _disagree(a: _Fact, b: _Fact, common: frozenset[str] = frozenset()) -> bool:
    """Two facts give different values for the same measure at the same time, from different
    sources: changes that start alike and end apart, or single values near enough to be rival
    readings of one number (not within the spread of an "about"), both moves or both levels (a
    stake is no rival of a day's share move; a rise and a fall are). ``common``: the measure
    words of this kind too common to say alone which measure it is (COMMON_MEASURE_FACTS)."""
    first, second = a.lead, b.lead
    if first.kind != second.kind or first.numbers == second.numbers or \
            first.when != second.when or not _similar(first.key, second.key) or \
            not (first.key & second.key) - NOT_ALONE_RIVALS - common:
        return False
    if len(a.sources) == len(b.sources) == 1 and a.sources == b.sources:
        return False  # one source's two readings are not sources disagreeing
    if len(first.amounts) != len(second.amounts):
        return False
    if len(first.amounts) > 1:
        return first.numbers[0] == second.numbers[0]
    x, y = first.amounts[0], second.amounts[0]
    spread = abs(x.number - y.number) / max(x.number, y.number, 1e-9)
    if (x.approximate or y.approximate) and spread <= APPROXIMATE_SPREAD:
        return False
    if bool(_moved(first.sentence.text[:x.start])) != bool(_moved(second.sentence.text[:y.start])):
        return False  # a move and a level ("jumped 7.8%" / "owns 14.8%")
    return x.unit == y.unit and spread <= 0.5


def _rivals(facts: list[_Fact]) -> dict[int, list[int]]:
    """Each fact's disagreeing facts, found through capped lists of facts sharing a word."""
    by_word: dict[tuple[str, str], list[int]] = defaultdict(list)
    rivals: dict[int, list[int]] = defaultdict(list)
    measures = {(fact.lead.kind, frozenset(fact.lead.key)) for fact in facts}
    uses = Counter((kind, word) for kind, key in measures for word in key)
    common = defaultdict(frozenset, {kind: frozenset(word for (k, word), count in uses.items()
                                                     if k == kind and count > COMMON_MEASURE_FACTS)
                                     for kind in FACT_KINDS})
    for number, fact in enumerate(facts):
        seen: set[int] = set()
        for word in sorted(fact.lead.key):
            posting = by_word[(fact.lead.kind, word)]
            for other in posting[:CANDIDATES]:
                if other not in seen and _disagree(facts[other], fact, common[fact.lead.kind]):
                    rivals[number].append(other)
                    rivals[other].append(number)
                seen.add(other)
            posting.append(number)
    return rivals


ROSE = frozenset("rose risen rise rises gained gain gains climbed climbs jumped jumps surged "
                 "surges soared advanced advances added adds increased increases".split())
FELL = frozenset("fell fallen fall falls dropped drops declined declines slipped slips slid "
                 "lost loses shed sheds tumbled sank eased eases decreased decreases".split())
STOOD = frozenset("is are was were closed ended finished traded".split())
"""Verbs before "up" or "down" that make them a move ("closed down 1.2%"; "made up 40%" is a
share)."""
LAST_WORDS = re.compile(r"([A-Za-z]+)\W+([A-Za-z]+)\W*$|([A-Za-z]+)\W*$")


def _moved(before: str) -> str:
    """"up" or "down" when the words right before a lone figure say it moved ("fell 1.4%",
    "rose 1.9 per cent", "closed down 1.2%"): the figure is the move, not a level ("fell to
    1.4%" is a level)."""
    words = LAST_WORDS.search(before[-30:])
    if not words:
        return ""
    verb, last = (words.group(1) or "").casefold(), (words.group(2) or words.group(3)).casefold()
    if last in ("up", "down") and verb in STOOD:
        return last
    return "up" if last in ROSE else "down" if last in FELL else ""


def _key_figure(fact: _Fact) -> KeyFigure:
    shown = fact.shown()
    text = shown.sentence.text
    start, end = shown.measure
    citations = []
    seen = set()
    for mention in (shown, *fact.mentions):  # the sentence shown is cited first
        sentence = mention.sentence
        place = (sentence.source_id, sentence.line)  # a paragraph is cited once
        if place not in seen:
            seen.add(place)
            citations.append(sentence)
    change = ""
    if len(shown.amounts) > 1:
        before, after = shown.amounts[0].number, shown.amounts[-1].number
        change = "down" if after < before else "up" if after > before else ""
    else:
        change = _moved(text[:shown.amounts[0].start])
    return KeyFigure(text[start:end], start, end,
                     tuple(text[a.start:a.end] for a in shown.amounts), change, shown.kind,
                     shown.sentence, tuple(citations))


def _may_state_facts(text: str) -> bool:
    """Whether a text holds what some kind of fact needs (FACT_NEEDS): a sentence holds no
    more than its paragraph, so a paragraph without is not read sentence by sentence."""
    return any(FACT_NEEDS[kind](text) for kind in FACT_KINDS)


def _mentions_once(sentence: Sentence, read: dict[str, list[_Mention]]) -> list[_Mention]:
    """_mentions, read once per wording: a wire story's sentence recurs across outlets, and a
    mention depends on its sentence's text alone."""
    seen = read.get(sentence.text)
    if seen is None:
        seen = read[sentence.text] = _mentions(sentence)
        return seen
    return [_Mention(sentence, m.kind, m.amounts, m.measure, m.key, m.when) for m in seen]


def figure_facts(paragraphs: Iterable[SourceParagraph],
                 split: Callable[[SourceParagraph], Iterable[Sentence]] = sentences
                 ) -> list[KeyFigure]:
    """Every figure (percentages, money, quantities) whose sentence says what it measures, as
    facts: one per measure and values, with every sentence stating it and its rivals. ``split``
    cuts a paragraph into sentences (a caller that has them cut already passes its own)."""
    read: dict[str, list[_Mention]] = {}
    mentions = [mention for paragraph in paragraphs if paragraph.kept and not paragraph.heading
                and _may_state_facts(paragraph.text)
                for sentence in split(paragraph) for mention in _mentions_once(sentence, read)]
    facts = _gather(mentions)
    figures = [_key_figure(fact) for fact in facts]
    rivals = _rivals(facts)
    return [replace(figure, disagrees_with=tuple(figures[other] for other in rivals[number]))
            if rivals.get(number) else figure for number, figure in enumerate(figures)]


def pick_key_figures(facts: Iterable[KeyFigure], limit: int,
                     order: Callable[[Sentence], tuple] | None = None) -> list[KeyFigure]:
    """The facts a reader sees first: stated by the most sources, then the most sentences, then
    percentages before money before quantities, then the earliest (``order`` of a sentence).
    A fact shown as another's rival is not shown again on its own, nor is a fact whose rival
    is already shown (the same contested measure, reached another way)."""
    order = order or (lambda s: (s.source_id, s.line, s.start))
    facts = list(facts)

    def rank(fact: KeyFigure) -> tuple:
        sources = fact.sources.union(*(r.sources for r in fact.disagrees_with))
        return (-len(sources), -len(fact.citations), FACT_KINDS.index(fact.kind),
                min(order(s) for s in fact.citations))

    picked: list[KeyFigure] = []
    shown: set[tuple] = set()
    for fact in sorted(facts, key=rank):
        if len(picked) >= limit:
            break
        if _identity(fact) in shown or any(_identity(r) in shown for r in fact.disagrees_with):
            continue
        picked.append(fact)
        shown.add(_identity(fact))
        shown.update(_identity(r) for r in fact.disagrees_with)
    return picked


def _identity(fact: KeyFigure) -> tuple:
    return (fact.sentence.source_id, fact.sentence.line, fact.sentence.start, fact.measure_start,
            fact.values)
