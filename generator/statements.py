"""Stage 4e: statements — one fact reported by several sources, in different words, shown once.

Between extraction and composition. Every kept, non-heading paragraph is cut into sentences
(verbatim slices; a sentence too short to say a fact alone is read with its neighbour); each
becomes a set of keys: content words (lower case, crude suffix stripping, stopwords dropped),
figures normalised to one spelling ("10 per cent", "10%" and "ten percent" are all ``10%``;
"$1.5bn" and "1.5 billion dollars" are both ``$1500000000``, "three hundred and fifty" is 350;
miles are kilometres; a range's bare end takes the other's unit, "from 25% to 15", and a bare
amount the currency its source named last), words that deny ("not", "never"), and one key per
person however they are named. A paragraph's leading label (a speaker, a live blog's time, a
dateline) and clock times are not read: they say when or who, not what. The `statements:` section
of defaults.yml lists words and phrases with one meaning ("suspend", "put on hold"), the hedges
that make a figure approximate ("almost 1 per cent" matches 0.8%) and the words that deny.

Never all pairs: an inverted index over each sentence's rarest keys gives the candidate pairs; a
key found in more than ``POSTING_CAP`` sentences only pairs neighbours in its posting list, so the
work is linear in the input. Candidates from different sources are scored by the weighted overlap
of their keys (rare keys weigh more, figures most); a pair must share enough keys (one fewer when
one is a percentage or a sum), two sentences that both carry figures must share one, and figures
of one kind (percentages, money, minutes, distances) must agree when both carry them. When one
shared figure and few words make the match, a key read beside the figure must be shared too: 15%
on cars and 15% on farm goods are two facts. Groups grow greedily from the best pairs, and a
sentence joins a group only if its source is not in the group yet (or it tells again, in
much the same words, what its source's sentence there tells) and it matches the group's lead,
and two groups merge when their leads match (and no source is in both but through a sentence
both hold). A sentence reporting two facts may join two groups, on different words.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import struct
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from generator.amounts import (CURRENCY_WORDS, DISTANCES, NUMBER_WORDS, SCALES,
                               TIME_UNITS, spelled_number)
from generator.config import StatementRules, load_config
from generator.segment import sentences
from generator.structure import Briefing, Person, Sentence, Source, SourceParagraph


@dataclass(frozen=True)
class Statement:
    """One fact and every source that reports it.

    ``lead`` is the earliest source's wording, shown once; ``members`` is every wording, lead
    first, then in time order: one per source, or more when a source tells the fact again
    (REPEAT_SCORE); ``matched_on`` is what made them one: the
    lead's content words and figures that the others share, most shared first.
    """

    lead: Sentence
    members: tuple[Sentence, ...]
    matched_on: tuple[str, ...]

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(member.source_id for member in self.members)

    @property
    def reported_by(self) -> int:
        """How many sources report it."""
        return len(set(self.source_ids))


POSTING_CAP = 40
"""A key found in more sentences than this is too common to propose candidates (it still counts
in the score): posting lists stay short, so candidate pairs grow linearly with the input."""
RAREST_KEYS = 6
"""Each sentence proposes candidates through its rarest keys only (prefix filtering): two
wordings of one fact share several keys, so they share at least one of the rarest."""
NEIGHBOURS = 4
"""How many later sentences a sentence is paired with through a key commoner than POSTING_CAP."""
MIN_KEYS = 4
"""A sentence with fewer keys says too little alone ("Chinese stocks slipped."): it is read with
the next sentence of its paragraph (the one before, when it is the last)."""
REPEAT_SCORE = 2.0
"""A source that tells a fact twice (its lead and its key numbers, a live blog's summary and
its post) has its second wording in the fact's group when it matches the first at this many
times THRESHOLD and names the same people: otherwise the second wording stands alone, or
joins another fact's group."""
MIN_SHARED_WORDS = 1
"""Content words two wordings must share besides figures: the same figures alone may be about
different things."""
MIN_SHARED_KEYS = 3
"""Keys (content words and figures) two wordings must share: a name and a place are a topic,
not a fact. One fewer will do when one of them is a percentage or a sum (see _telling)."""
THRESHOLD = 0.20
"""Shared keys' weight over the geometric mean of both sentences' weights (weights by rarity,
inverse document frequency) to be one fact. Tuned on tests/labelled/statements/ cluster A."""
FIGURE_WEIGHT = 2.0
"""A figure weighs this many times a content word of the same rarity."""
AGREEING_KINDS = ("%", "$", "€", "£", "¥", " minute", " km", " points")
"""Figure kinds that must agree when both sentences carry one: a percentage, a sum, a length of
time counted in minutes (a meeting's), a distance."""
APPROXIMATE = 0.25
"""An approximate figure ("almost 1%", a distance converted from miles) matches another of its
kind within half its last digit ("about 27 million" is 26.5 to 27.5 million) or a hundredth,
and never further than this share of its value."""
BESIDE = 4
"""Keys read on each side of a figure that say what it counts; one of them must be shared."""
FIGURES_COMPARED = 12
"""Approximate figures are compared with at most this many figures of each sentence."""
MEMBERSHIPS = 3
PARTS_CHECKED = 8  # members a newcomer's part of the lead is compared with
PART_OVERLAP = 0.3  # share of the lighter part's weight two parts of one fact have in common
"""The most groups one sentence joins: a sentence may report a few facts ("met for 100 minutes
at the air base, their first meeting since 2019")."""
FRESH_SHARE = 0.6
"""A sentence joins another group only if at least this share of the match's weight rests on
keys it has not matched on yet. At 0.5 a sentence joined a second group on barely more new
words than old: twelve clusters in one desk, 0.6 against 0.5, grouped 1856 same-fact pairs
for 1895 but 17 look-alikes for 20, and the partition (where such a sentence stays in one
group) 1475 for 1440 with 6 look-alikes for 8."""
TEXTS_REMEMBERED = 1 << 16
"""Sentences, and apart from them words, whose reading a lexicon keeps (a desk of a thousand
sources has about 12,000 sentences); a full memory is emptied and fills again."""
LONGEST_PHRASE = 6
"""Words in the longest phrase or name read as one key."""
MATCHED_SHOWN = 8

STOPWORDS = frozenset("""a about above after again against all also am among an and any are as at
    be because been before being below between both but by can could did do does doing done down
    during each either else ever every few for from further had has have having he her here hers
    herself him himself his how however i if in into is it its itself just least less let like
    made make many may me might more most much must my myself neither no nor not now of off on
    once one only or other others our ours ourselves out over own per same shall she should since
    so some still such than that the their theirs them themselves then there these they this
    those though through thus to too under until up upon us very via was we were what when where
    whether which while who whom whose why will with within without would yet you your yours
    yourself yourselves said say says saying told tell tells telling according added adding
    asked reported reporting reports stated statement announced noted week weeks day days today
    yesterday tomorrow year years time times new news mr mrs ms dr""".split())
LONE_NUMBER_WORD = 10
"""A number word this large is a figure on its own ("rated it a twelve"); smaller ones are figures
only with a unit ("two leaders" is not)."""
CURRENCY_SIGNS = {"$": "$", "€": "€", "£": "£", "¥": "¥", "US$": "$"}
"""A sign glued to a country's letters is another currency (``C$``, ``S$``, ``HK$``): its
figures are not US dollars, so they neither match nor contradict them (see _sign)."""
SIGNS = "$€£¥"  # the last character of every token that signs a currency
SUFFIXES = (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ments", ""), ("ment", ""),
            ("ions", ""), ("ion", ""), ("ings", ""), ("ing", ""), ("ed", ""), ("ly", ""),
            ("es", ""), ("s", ""))
IN_SMALLER_UNITS = {"hour": 60, "hours": 60}  # "an hour and 40 minutes" is "100 minutes"
YEARLY = frozenset({"annually", "annual", "yearly"})  # "25m tonnes annually" is "… a year"
MONTHS = {name: number for number, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
    "august aug", "september sep sept", "october oct", "november nov", "december dec"), start=1)
    for name in names.split()}
ONE_OF = frozenset({"a", "an", "per", "each", "every"})
"""Words that count one of a unit of time ("a year", "per day") and nothing else."""
FIGURE_WORDS = frozenset(YEARLY | NUMBER_WORDS.keys() | MONTHS.keys() | ONE_OF | {"half"})
"""The words a figure can start with, besides digits and currency signs."""
KEEP_ENDINGS = ("ss", "us", "is")  # "talks" loses its s, "press", "status", "crisis" keep theirs
TOKEN = re.compile(r"[A-Z]{1,2}\$(?=\s?\d)|[$€£¥%]|\d{1,2}:\d{2}(?!\d)|"
                   r"\d{1,40}(?:[.,]\d{1,40}){0,10}|"
                   r"[^\W\d_]{1,60}(?:['’.][^\W\d_]{1,60}){0,6}")
LABEL_SEPARATORS = (": ", " - ", " – ", " — ")
LABEL_LONGEST = 48
"""A paragraph's leading label (a speaker, a time, a dateline) ends within this many characters."""
LABEL_TOKENS = 8
BARE = re.compile(r"\d{1,40}(?:\.\d{1,40})?")
RANGE_UNITS = {"%": 100.0, " points": 100.0}
"""Units the other end of a range takes ("from 25% to 15"), up to the largest value it can have."""
RANGE_WORDS = frozenset({"to", "and", "or", "from"})
AMOUNT_SCALES = frozenset({"million", "billion", "trillion", "m", "mn", "bn", "tn", "trn"})
ACRONYM = re.compile(r"[A-Z](?:\.[A-Z]){1,6}")
FIGURE_PARTS = re.compile(r"#([$€£¥]?)(\d{1,40}(?:\.\d{1,40})?)((?: [a-z]{1,20}|%)?)")
NEGATION = "not"
NOTHING: frozenset[str] = frozenset()
"""The empty set of keys, shared: most sentences have no figure, and each set is an object the
garbage collector walks."""
ARTICLES = ("the", "a", "an")
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"})
"""The keys of the days of the week: two reports that name different days, and no date they
share, are about different days ("landed on Wednesday" and "left on Thursday")."""
DATE_KEY = re.compile(r"#\d{2}-\d{2}")


def stem(word: str) -> str:
    """A crude common root: "lowering", "lowered", "lowers" and "lower" all give "lower"."""
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and \
                not (suffix == "s" and word.endswith(KEEP_ENDINGS)):
            word = word[:-len(suffix)] + replacement
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]
    return word


def _plain(token: str) -> str:
    """A token in lower case without possessive, apostrophes or dots ("U.S." is "us")."""
    word = token.casefold().replace("’", "'")
    return word.removesuffix("'s").replace("'", "").replace(".", "")


@functools.lru_cache(maxsize=1 << 16)
def _phrase_word(token: str) -> str:
    """A token as phrases and names are matched: its plain root."""
    return stem(_plain(token))


def _is_acronym(token: str) -> bool:
    return bool(ACRONYM.fullmatch(token)) or (token.isupper() and 2 <= len(token) <= 5)


class Lexicon:
    """How words become keys: the rules of defaults.yml (same meanings, hedges, denials) and the
    briefing's people, each of whom is one key however a source names them."""

    def __init__(self, rules: StatementRules, people: Iterable[Person] = ()):
        self.meaning: dict[str, str] = {}
        self.phrases: dict[tuple[str, ...], str] = {}
        for name, words in rules.same_meaning:
            for word in (name, *words):
                self._add_meaning(word, name)
        self.hedges = frozenset(tuple(_phrase_word(t) for t in TOKEN.findall(h))
                                for h in rules.hedges)
        self.negations = frozenset(n.replace("’", "'") for n in rules.negations)
        # which way a figure moved is not what it counts: "fell 14.6%" says nothing of what fell
        self.directions = frozenset(meaning for pair in rules.opposites for meaning in pair)
        self.people: dict[str, str] = {}
        for words, name in _people_forms(people, rules.leader_nouns).items():
            if len(words) == 1:
                self.people[words[0]] = name
            elif 1 < len(words) <= LONGEST_PHRASE:
                self.phrases[words] = name
        self.starts = frozenset(words[0] for words in self.phrases)
        self.seconds: dict[str, set[str]] = defaultdict(set)  # a phrase's second word, by first
        for words in self.phrases:
            self.seconds[words[0]].add(words[1])
        self._keys: dict[str, str | None] = {}
        self.tokens: dict[str, tuple[str, str | None, str | None, bool, set[str] | None]] = {}
        self._texts: dict[tuple[str, str], _Reading] = {}

    def read(self, text: str, currency: str = "") -> _Reading:
        """_read, remembered: a wire story's sentences recur across outlets and reruns."""
        reading = self._texts.get((text, currency))
        if reading is None:
            if len(self._texts) >= TEXTS_REMEMBERED:
                self._texts.clear()
            reading = self._texts[(text, currency)] = _read(text, self, currency)
        return reading

    def token(self, token: str) -> tuple[str, str | None, str | None, bool, set[str] | None]:
        """A token as _read first sees it, worked out once: its phrase word, its key alone and
        as a text's first word, whether that key is all there is to it (no figure, clock time
        or phrase can start there) and, when only a phrase can start there, the second words of
        those phrases (a third of the words _read meets start some name or phrase; the next
        word tells at once that none does here)."""
        reading = self.tokens.get(token)
        if reading is None:
            if len(self.tokens) >= TEXTS_REMEMBERED:
                self.tokens.clear()
            word, key = _phrase_word(token), self.word_key(token)
            first = self.word_key(token.casefold()) if key and token[1:].islower() and \
                key == _plain(token) else key  # a capital only as the first word
            figure_or_time = token[0].isdigit() or token[-1] in SIGNS or ":" in token or \
                token.casefold() in FIGURE_WORDS
            plain = not (figure_or_time or word in self.starts)
            seconds = self.seconds[word] if not figure_or_time and word in self.starts else None
            reading = self.tokens[token] = (word, key, first, plain, seconds)
        return reading

    def _add_meaning(self, word: str, name: str) -> None:
        tokens = TOKEN.findall(word)
        if len(tokens) == 1:
            self.meaning.setdefault(_plain(tokens[0]), name)
            self.meaning.setdefault(_phrase_word(tokens[0]), name)
        elif 1 < len(tokens) <= LONGEST_PHRASE:
            self.phrases.setdefault(tuple(_phrase_word(t) for t in tokens), name)

    def word_key(self, token: str) -> str | None:
        """A word's content key, or None for a stopword or a stray letter."""
        if token not in self._keys:
            if len(self._keys) >= TEXTS_REMEMBERED:
                self._keys.clear()
            self._keys[token] = self._word_key(token)
        return self._keys[token]

    def _word_key(self, token: str) -> str | None:
        word = _plain(token)
        if word in self.negations or token.casefold().replace("’", "'").endswith(
                "n't") and "n't" in self.negations:
            return NEGATION
        if _is_acronym(token) and word in STOPWORDS:
            return self.meaning.get(word, token.replace(".", ""))  # "US" is a country
        if len(word) < 2 or word in STOPWORDS or word in NUMBER_WORDS:
            return None
        root = stem(word)
        if root == NEGATION:
            return word  # "noting" denies nothing
        if token[0].isupper() and root in self.people:
            return self.people[root]
        found = self.meaning.get(word) or self.meaning.get(root)
        if found:
            return found
        return word if token[0].isupper() else root  # names keep their endings: "Beijing"

    def phrase(self, words: list[str], i: int) -> tuple[str, int] | None:
        """The longest phrase or name starting at words[i], as (key, words read)."""
        if words[i] not in self.starts or i + 1 == len(words) or \
                words[i + 1] not in self.seconds[words[i]]:
            return None
        for length in range(min(LONGEST_PHRASE, len(words) - i), 1, -1):
            found = self.phrases.get(tuple(words[i:i + length]))
            if found:
                return found, length
        return None

    def hedged(self, words: list[str], i: int) -> bool:
        """A hedge ("about", "close to") ends just before words[i]."""
        return any(tuple(words[max(0, i - n):i]) in self.hedges for n in (1, 2, 3) if i >= n)


def _people_forms(people: Iterable[Person],
                  leader_nouns: Iterable[str]) -> dict[tuple[str, ...], str]:
    """Every way of naming a person that names no one else, as phrase words: their name and
    variants (the most mentioned person keeps a form two share), then a two-word name's last
    word and their role with any leader noun ("Chinese leader" for a "Chinese president"), when
    only theirs."""
    named: dict[tuple[str, ...], tuple[int, str]] = {}
    derived: dict[tuple[str, ...], set[str]] = defaultdict(set)
    nouns = tuple(sorted(leader_nouns, key=lambda n: (-len(n), n)))
    for person in sorted(people, key=lambda p: p.name):
        key = "@" + person.name
        for form in (person.name, *person.variants):
            words = _name_words(form)
            if words and named.get(words, (-1, ""))[0] < person.mentions:
                named[words] = (person.mentions, key)
        parts = person.name.split()
        if len(parts) == 2 and len(parts[1]) >= 3:
            derived[_name_words(parts[1])].add(key)
        for form in _role_forms(person.role or "", nouns):
            derived[_name_words(form)].add(key)
    forms = {words: key for words, (_, key) in named.items()}
    for words, keys in derived.items():
        if words and len(keys) == 1 and words not in forms:
            forms[words] = next(iter(keys))
    return forms


def _name_words(form: str) -> tuple[str, ...]:
    """A name as phrase words, without a leading article ("the Chinese leader")."""
    words = tuple(_phrase_word(t) for t in TOKEN.findall(form))
    return words[1:] if words[:1] and words[0] in ARTICLES else words


def _role_forms(role: str, nouns: tuple[str, ...]) -> list[str]:
    """"US president" gives "us president", "us leader"...: a role naming a leader, qualified."""
    role = " ".join(role.casefold().split())
    for noun in nouns:
        qualifier = role.removesuffix(noun).strip()
        if role.endswith(noun) and qualifier and len(qualifier.split()) <= 2:
            return [f"{qualifier} {other}" for other in nouns]
    return []


@functools.lru_cache(maxsize=1)
def default_rules() -> StatementRules:
    """The `statements:` section of defaults.yml."""
    return load_config(None).statements


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon of defaults.yml, without people."""
    return Lexicon(default_rules())


def _number(token: str) -> float | None:
    """The value of a number written in digits ("1,500", "2.5") or as one word ("ten")."""
    if token[0].isdigit():
        if re.fullmatch(r"\d{1,3}(?:,\d{3}){1,10}(?:\.\d+)?", token):
            token = token.replace(",", "")
        try:
            return float(token)
        except ValueError:
            return None
    value = NUMBER_WORDS.get(token.casefold())
    return None if value is None else float(value)





def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.6g}"


def _month(token: str) -> int | None:
    """The month a capitalised month name or abbreviation names ("Oct", "October")."""
    return MONTHS.get(token.casefold()) if token[:1].isupper() else None


def _day(token: str) -> int | None:
    return int(token) if token.isdecimal() and 1 <= int(token) <= 31 else None


def _date(tokens: list[str], i: int) -> tuple[str, int] | None:
    """"9 October", "October 9" and "Oct. 9" as one key, "10-09"."""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    if _month(tokens[i]) and after and _day(after):
        return f"{_month(tokens[i]):02d}-{_day(after):02d}", 2
    if _day(tokens[i]) and after and _month(after):
        return f"{_month(after):02d}-{_day(tokens[i]):02d}", 2
    return None


def _duration(value: float, tokens: list[str], j: int) -> tuple[str, int]:
    """A length of time in one unit: hours (and minutes after them) in minutes, twelve months
    as a year; j is where the unit's word is. Returns the form and the index after it."""
    unit, factor = TIME_UNITS[tokens[j].casefold()], IN_SMALLER_UNITS.get(tokens[j].casefold(), 1)
    value, j = value * factor, j + 1
    if factor > 1 and j + 2 < len(tokens) and tokens[j].casefold() == "and":
        if tokens[j + 1].casefold() == "a" and tokens[j + 2].casefold() == "half":
            value, j = value + factor / 2, j + 3
        elif tokens[j + 2].casefold() in ("minute", "minutes") and _number(tokens[j + 1]):
            value, j = value + (_number(tokens[j + 1]) or 0), j + 3
    if unit == "month" and value % 12 == 0:
        unit, value = "year", value / 12
    elif unit == "year" and value % 1 and (value * 12) % 1 == 0:
        unit, value = "month", value * 12  # half a year is six months
    return f"{_format(value)} {unit}", j


def _sign(token: str) -> str | None:
    """The currency a token signs: "$", "€"…; "S$" for a dollar glued to other letters than US
    (a figure in it, "S$64000000000", is then of no kind that must agree)."""
    return CURRENCY_SIGNS.get(token) or (token if token[-1] == "$" and len(token) > 1 else None)


def _half(tokens: list[str], i: int) -> tuple[str, int] | None:
    """Half of a unit of time at tokens[i]: "half an hour" and "a half-hour" are 30 minutes
    (read from "an", "half an hour" was an hour)."""
    j = i + 1
    if j < len(tokens) and tokens[j].casefold() in ("a", "an"):
        j += 1
    if j >= len(tokens) or tokens[j].casefold() not in TIME_UNITS:
        return None
    form, end = _duration(0.5, tokens, j)
    return form, end - i


def _figure(tokens: list[str], i: int) -> tuple[str, int] | None:
    """The figure starting at tokens[i] as (normal form, tokens read), if one starts there."""
    if not (tokens[i][0].isdigit() or tokens[i][-1] in SIGNS or
            tokens[i].casefold() in FIGURE_WORDS):
        return None  # most words: no test below can hold
    if tokens[i].casefold() in YEARLY:
        return "1 year", 1
    if tokens[i].casefold() == "half":
        return _half(tokens, i)
    if tokens[i].casefold() in ONE_OF and \
            (i + 1 == len(tokens) or tokens[i + 1].casefold() not in TIME_UNITS):
        return None  # the commonest case by far: "a" before anything but a unit of time
    date = _date(tokens, i)
    if date:
        return date
    sign = _sign(tokens[i])
    start = i + 1 if sign else i
    if start >= len(tokens):
        return None
    value, j = (_number(tokens[start]), start + 1) if tokens[start][0].isdigit() else \
        spelled_number(tokens, start) or (None, start + 1)
    if value is None and tokens[start].casefold() in ONE_OF and \
            not sign and start + 1 < len(tokens) and tokens[start + 1].casefold() in TIME_UNITS:
        value = 1.0  # "a year" is "one year"
    if value is None:
        return None
    nxt = tokens[j].casefold() if j < len(tokens) else ""
    if nxt == "and" and not sign and [t.casefold() for t in tokens[j + 1:j + 3]] == ["a", "half"] \
            and j + 3 < len(tokens) and tokens[j + 3].casefold() in TIME_UNITS:
        value, j = value + 0.5, j + 3  # "one and a half hours"
        nxt = tokens[j].casefold()
    if nxt in SCALES and (nxt not in ("m", "b", "k") or tokens[j - 1][0].isdigit()):
        value, j = value * SCALES[nxt], j + 1
        nxt = tokens[j].casefold() if j < len(tokens) else ""
    if nxt in ("%", "percent", "pc", "pct"):
        return _format(value) + "%", j + 1 - i
    if nxt == "per" and j + 1 < len(tokens) and tokens[j + 1].casefold() == "cent":
        return _format(value) + "%", j + 2 - i
    if nxt == "percentage" and j + 1 < len(tokens) and tokens[j + 1].casefold().startswith("point"):
        return _format(value) + " points", j + 2 - i
    if nxt in TIME_UNITS and not sign:
        form, end = _duration(value, tokens, j)
        return form, end - i
    if nxt in DISTANCES and not sign:
        return _format(round(value * DISTANCES[nxt], 1)) + " km", j + 1 - i
    if nxt in CURRENCY_WORDS and not sign:
        return CURRENCY_WORDS[nxt] + _format(value), j + 1 - i
    if sign:
        return sign + _format(value), j - i
    if not tokens[start][0].isdigit() and j == start + 1 and value < LONE_NUMBER_WORD:
        return None  # "two leaders": a small number word alone is not a figure
    return _format(value), j - i


@dataclass(frozen=True, slots=True)
class _Reading:
    """A text's keys, each with the first words it came from, its approximate figures and the
    currency it named last (a later bare amount, "two hundred billion of that", is in it)."""

    surface: dict[str, str]
    approximate: frozenset[str]
    currency: str = ""
    sequence: tuple[str, ...] = ()  # every key in the order read, repeats included


LONE_DIGIT = re.compile(r"(?<!\w)\d")  # a number standing alone ("Sept 9"), not "G20"


def label_end(text: str) -> int:
    """Where a paragraph's leading label ends: a speaker ("ANCHOR:"), a time ("13:10 -") or a
    dateline ("SEOUL, Oct 29 -", "BUSAN, South Korea (Reuters) -", "WASHINGTON -"; before a
    dash, words not all in capitals need a comma, a bracket or a digit: "The US – the
    world's largest economy –" is the sentence's subject). Not part of the fact, and its
    figures would look like one."""
    head = text[:LABEL_LONGEST]
    found = [(head.find(separator), separator) for separator in LABEL_SEPARATORS
             if separator in head]
    if not found:
        return 0
    cut, separator = min(found)
    tokens = TOKEN.findall(head[:cut])
    if not tokens or len(tokens) > LABEL_TOKENS or \
            not all(t[0].isupper() or t[0].isdigit() for t in tokens):
        return 0
    shouted = [t for t in tokens if t[0].isdigit() or (t.isupper() and len(t) > 1)]
    if not shouted or (separator == ": " and len(shouted) < len(tokens)):
        return 0
    if separator != ": " and len(shouted) < len(tokens) and \
            not any(mark in head[:cut] for mark in ",(") and not LONE_DIGIT.search(head[:cut]):
        return 0  # "The US – the world's largest economy – will …": a subject, not a dateline
    return cut + len(separator)


def _is_bare(form: str) -> bool:
    return bool(BARE.fullmatch(form))


def _carried(forms: list[str], spans: list[tuple[int, int]], tokens: list[str],
             currency: str) -> str:
    """Units writers do not repeat, given back: "from 25 per cent to 15" (a range's other end
    takes its unit) and "two hundred billion of that" (an amount counting no noun is in the
    currency named last). Returns the currency named last."""
    for n, form in enumerate(forms):
        if form[0] in CURRENCY_SIGNS:
            currency = form[0]
        elif _is_bare(form):
            forms[n] = _range_unit(forms, spans, tokens, n) or \
                _in_currency(form, spans[n], tokens, currency)
    return currency


def _range_unit(forms: list[str], spans: list[tuple[int, int]], tokens: list[str],
                n: int) -> str | None:
    for other in (n - 1, n + 1):
        if 0 <= other < len(forms) and not _is_bare(forms[other]):
            first, second = sorted((spans[n], spans[other]))
            between = [t.casefold() for t in tokens[first[1]:second[0]]]
            unit = forms[other].lstrip("0123456789.")
            if unit in RANGE_UNITS and len(between) <= 1 and set(between) <= RANGE_WORDS and \
                    float(forms[n]) <= RANGE_UNITS[unit] and \
                    not any(t.casefold() in SCALES for t in tokens[slice(*spans[n])]):
                return forms[n] + unit
    return None


def _in_currency(form: str, span: tuple[int, int], tokens: list[str], currency: str) -> str:
    start, end = span
    scaled = any(t.casefold() in AMOUNT_SCALES for t in tokens[start:end])
    counts_nothing = end >= len(tokens) or tokens[end].casefold() in STOPWORDS
    return currency + form if currency and scaled and counts_nothing else form


def _read(text: str, lexicon: Lexicon, currency: str = "") -> _Reading:
    matches = list(TOKEN.finditer(text))
    tokens = [match.group() for match in matches]
    known = lexicon.tokens
    readings = [known.get(token) or lexicon.token(token) for token in tokens]
    words = [reading[0] for reading in readings]
    keys: dict[str, str] = {}
    sequence: list[str] = []
    figures: list[tuple[str, int, int]] = []  # normal form, first token, token after
    approximate: set[str] = set()
    i, count, append = 0, len(tokens), sequence.append
    while i < count:
        _, key, first, plain, seconds = readings[i]
        if plain or seconds is not None and (i + 1 == count or words[i + 1] not in seconds):
            # most words: the key is the token's, its words the token itself (as _key_at finds
            # for a phrase's first word when the next word is no second word of its phrases)
            if i == 0:
                key = first
            if key:
                if key not in keys:
                    keys[key] = tokens[i]
                append(key)
            i += 1
            continue
        key, length = _key_at(tokens, words, i, lexicon, figures, approximate)
        if key:
            if key not in keys:
                keys[key] = text[matches[i].start():matches[i + length - 1].end()]
            append(key)
        i += length
    if figures:
        currency, renamed = _with_units(keys, approximate, figures, tokens, currency)
        sequence = [renamed.get(key, key) for key in sequence]
    return _Reading(keys, frozenset(approximate) if approximate else NOTHING, currency,
                    tuple(sequence))


def _key_at(tokens: list[str], words: list[str], i: int, lexicon: Lexicon,
            figures: list[tuple[str, int, int]], approximate: set[str]) -> tuple[str | None, int]:
    """The key starting at tokens[i] and the tokens it takes, for a token that may start a
    figure, a clock time or a phrase, or is the first (see _read); figures are noted."""
    token = tokens[i]
    found = _figure(tokens, i) if token[0].isdigit() or token[-1] in SIGNS or \
        token.casefold() in FIGURE_WORDS else None  # _figure's own first test, inlined
    if found:
        form, length = found
        key = "#" + form
        figures.append((form, i, i + length))
        if lexicon.hedged(words, i) or form.endswith(" km"):
            approximate.add(key)
        return key, length
    if ":" in token:  # a clock time: when it was said, not what
        return None, 1
    phrase = lexicon.phrase(words, i) if words[i] in lexicon.starts else None
    key, length = phrase if phrase else (lexicon.word_key(token), 1)
    if i == 0 and key and token[1:].islower() and key == _plain(token):
        key = lexicon.word_key(token.casefold())  # a capital only as the first word
    return key, length


def _with_units(keys: dict[str, str], approximate: set[str], figures: list[tuple[str, int, int]],
                tokens: list[str], currency: str) -> tuple[str, dict[str, str]]:
    """The text's figures with the units their writers did not repeat (see _carried); returns
    the currency named last and the figures given a unit."""
    forms = [form for form, _, _ in figures]
    currency = _carried(forms, [(first, end) for _, first, end in figures], tokens, currency)
    renamed = {}
    for (form, _, _), carried in zip(figures, forms):
        if carried != form and "#" + form in keys:
            keys.setdefault("#" + carried, keys.pop("#" + form))
            renamed["#" + form] = "#" + carried
            if "#" + form in approximate:
                approximate.add("#" + carried)
    return currency, renamed


def keys_of(text: str, lexicon: Lexicon | None = None) -> dict[str, str]:
    """Every key of a text (content words' roots, figures' normal forms, figures prefixed "#"),
    each with the first words of the text it came from."""
    return _read(text, lexicon or default_lexicon()).surface


def _kind(key: str) -> str:
    if key.endswith("%"):
        return "%"
    if key[1] in CURRENCY_SIGNS:
        return key[1]
    return key[key.rfind(" "):] if " " in key else ""


def _figures_by_kind(keys: Iterable[str]) -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if key.startswith("#") and _kind(key) in AGREEING_KINDS:
            kinds[_kind(key)].add(key)
    return {kind: frozenset(figures) for kind, figures in kinds.items()}


@functools.lru_cache(maxsize=1 << 14)
def _measure(key: str) -> tuple[str, float, float] | None:
    """A figure's kind (sign and unit), value and tolerance when approximate: "#$1500" is
    ("$", 1500.0, 50.0), "#0.8%" ("%", 0.8, 0.05); dates have none."""
    parts = FIGURE_PARTS.fullmatch(key)
    if not parts:
        return None
    digits, value = parts.group(2), float(parts.group(2))
    whole, _, decimals = digits.partition(".")
    step = 10.0 ** -len(decimals) if decimals else 10.0 ** (len(whole) - len(whole.rstrip("0")))
    tolerance = min(max(step / 2, value / 100), APPROXIMATE * value)
    return parts.group(1) + parts.group(3), value, tolerance


def _near(a: str, b: str, a_approximate: bool, b_approximate: bool) -> bool:
    """Two figures of one kind, as close as the approximate one's tolerance."""
    ma, mb = _measure(a), _measure(b)
    if not (ma and mb and ma[0] == mb[0]):
        return False
    tolerance = max(ma[2] if a_approximate else 0.0, mb[2] if b_approximate else 0.0)
    return abs(ma[1] - mb[1]) <= tolerance


@dataclass(frozen=True, slots=True)
class _Unit:
    """A sentence as the matcher sees it: its keys and the words each key came from."""

    sentence: Sentence
    order: tuple[int, int, int]
    keys: frozenset[str]
    surface: Mapping[str, str]
    figures: Mapping[str, frozenset[str]]  # percentages and sums, by kind ("%", "$", ...)
    figure_keys: frozenset[str]  # every figure
    approximate: frozenset[str] = NOTHING
    compared: tuple[str, ...] = ()  # the figures compared with approximate ones
    measured: tuple[tuple[str, str, float, float | None], ...] = ()  # the same, measured
    approximate_compared: bool = False  # an approximate figure is among them
    kinds_compared: tuple[str, ...] = ()  # the kinds of the figures measured
    approximate_kinds: frozenset[str] = NOTHING  # the same, of approximate ones only
    beside: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # keys next to a figure


def _approximately_shared(a: _Unit, b: _Unit) -> frozenset[str]:
    """Figures of ``a`` that an approximate figure matches in ``b`` (or the other way round)
    without being the same: "almost 1%" and "0.8%"."""
    if not (a.approximate_compared or b.approximate_compared) or \
            a.approximate_kinds.isdisjoint(b.kinds_compared) and \
            b.approximate_kinds.isdisjoint(a.kinds_compared):
        return frozenset()  # no kind both carry with one of them approximate
    found = set()
    for mine, kind, value, tolerance in a.measured:
        if mine in b.keys:
            continue
        for theirs, their_kind, their_value, their_tolerance in b.measured:
            if kind == their_kind and (tolerance is not None or their_tolerance is not None) \
                    and theirs not in a.keys and abs(value - their_value) <= \
                    max(tolerance or 0.0, their_tolerance or 0.0):
                found.add(mine)
    return frozenset(found)


def _measured(compared: tuple[str, ...], approximate: frozenset[str]
              ) -> tuple[tuple[str, str, float, float | None], ...]:
    """The figures compared, as _near reads them: key, kind, value and, when approximate, the
    tolerance (None when exact)."""
    measured = []
    for key in compared:
        measure = _measure(key)
        if measure:
            kind, value, tolerance = measure
            measured.append((key, kind, value, tolerance if key in approximate else None))
    return tuple(measured)


def shared_keys(a: _Unit, b: _Unit) -> frozenset[str]:
    """The keys two sentences share, an approximate figure's match counted as ``a``'s figure."""
    shared = a.keys & b.keys
    return shared | _approximately_shared(a, b) if a.approximate or b.approximate else shared


def _figures_agree(a: _Unit, b: _Unit, shared: frozenset[str]) -> bool:
    """Both carry a percentage (or a sum): they must share one, or one approximately."""
    return all(not figures.isdisjoint(shared)
               for kind, figures in a.figures.items() if kind in b.figures)


def _telling(unit: _Unit, figures: frozenset[str]) -> bool:
    """A shared percentage or sum says which fact it is: with one word more, two keys will do
    ("$150bn for shipbuilding")."""
    return any(not kind.isdisjoint(figures) for kind in unit.figures.values())


def _unit(sentence: Sentence, reading: _Reading, rank: Mapping[str, int],
          directions: frozenset[str] = frozenset()) -> _Unit:
    surface = reading.surface
    figures = tuple(sorted(k for k in surface if k[0] == "#"))[:FIGURES_COMPARED]
    order = (rank.get(sentence.source_id, len(rank)), sentence.line, sentence.start)
    if not figures:
        return _Unit(sentence, order, frozenset(surface), surface, {}, NOTHING,
                     reading.approximate)
    measured = _measured(figures, reading.approximate)
    approximate = [kind for _, kind, _, tolerance in measured if tolerance is not None]
    return _Unit(sentence, order, frozenset(surface), surface, _figures_by_kind(surface),
                 frozenset(key for key in surface if key[0] == "#"), reading.approximate, figures,
                 measured, not reading.approximate.isdisjoint(figures),
                 tuple(kind for _, kind, _, _ in measured),
                 frozenset(approximate) if approximate else NOTHING,
                 _beside_figures(reading.sequence, directions))


def _beside_figures(sequence: tuple[str, ...],
                    directions: frozenset[str] = frozenset()) -> dict[str, tuple[str, ...]]:
    """The keys read within BESIDE of each figure's first mention: what it counts ("tariffs on
    cars", "of farm goods") and any figure it goes with ("to 15% from 25%"); not the way it
    moved (``directions``, the meanings of `opposites`: imports and appliance sales that both
    "fell 14.6%" are two facts). Tuples, not sets: they are few, rarely read, and a set is one
    more object for the garbage collector."""
    beside: dict[str, tuple[str, ...]] = {}
    for number, key in enumerate(sequence):
        if key[0] == "#" and key not in beside:
            before, after = sequence[max(0, number - BESIDE):number], \
                sequence[number + 1:number + 1 + BESIDE]
            beside[key] = tuple(near for near in before + after
                                if near != key and near not in directions)
    return beside


def _figures_about_one_thing(a: _Unit, b: _Unit, figures: frozenset[str]) -> bool:
    """Some shared figure has a key in common beside it in both: 15% on cars and 15% on farm
    goods are two facts, however much else the sentences share."""
    elsewhere = None
    for figure in figures:
        theirs = b.beside.get(figure)
        if theirs is None:  # matched approximately: any of b's other figures
            if elsewhere is None:
                elsewhere = frozenset().union(*(near for key, near in b.beside.items()
                                                if key not in a.keys))
            theirs = elsewhere
        if not frozenset(a.beside.get(figure, ())).isdisjoint(theirs):
            return True
    return False


def _joined(paragraph: SourceParagraph, first: Sentence, last: Sentence) -> Sentence:
    return Sentence(paragraph.source_id, paragraph.line, first.start, last.end,
                    paragraph.text[first.start:last.end])


def _merged(first: _Reading, second: _Reading) -> _Reading:
    surface = dict(first.surface)
    for key, words in second.surface.items():
        surface.setdefault(key, words)
    return _Reading(surface, first.approximate | second.approximate, second.currency,
                    first.sequence + second.sequence)


def _readings(paragraph: SourceParagraph, unit: str, lexicon: Lexicon,
              currency: str = "") -> tuple[list[tuple[Sentence, _Reading]], str]:
    """A paragraph's sentences (or the whole paragraph) with their keys, and the currency it
    named last; a sentence with fewer than MIN_KEYS keys is read with the next one, or with the
    one before when it is the last. A leading label is not read."""
    whole = Sentence(paragraph.source_id, paragraph.line, 0, len(paragraph.text), paragraph.text)
    pieces = sentences(paragraph) if unit == "sentence" else [whole]
    label = label_end(paragraph.text)
    read: list[tuple[Sentence, _Reading]] = []
    pending: tuple[Sentence, _Reading] | None = None
    for sentence in pieces:
        reading = lexicon.read(sentence.text[max(0, label - sentence.start):], currency)
        currency = reading.currency
        if pending:
            sentence, reading = _joined(paragraph, pending[0], sentence), \
                _merged(pending[1], reading)
            pending = None
        if len(reading.surface) < MIN_KEYS:
            pending = (sentence, reading)
        else:
            read.append((sentence, reading))
    if pending and read:
        sentence, reading = read.pop()
        read.append((_joined(paragraph, sentence, pending[0]), _merged(reading, pending[1])))
    return read, currency


def _units(paragraphs: Iterable[SourceParagraph], rank: Mapping[str, int],
           unit: str, lexicon: Lexicon) -> list[_Unit]:
    """Every kept sentence as the matcher sees it; a source's paragraphs are read in turn, each
    knowing the currency the one before named last."""
    units: list[_Unit] = []
    currency: dict[str, str] = {}
    alike: dict[int, tuple[_Reading, _Unit]] = {}  # by reading: sentences read alike share
    for paragraph in paragraphs:
        if paragraph.kept and not paragraph.heading:
            read, currency[paragraph.source_id] = _readings(
                paragraph, unit, lexicon, currency.get(paragraph.source_id, ""))
            for sentence, reading in read:
                seen = alike.get(id(reading))
                if seen and seen[0] is reading:
                    units.append(_unit_alike(seen[1], sentence, rank))
                else:
                    units.append(_unit(sentence, reading, rank, lexicon.directions))
                    alike[id(reading)] = (reading, units[-1])
    return units


def _unit_alike(other: _Unit, sentence: Sentence, rank: Mapping[str, int]) -> _Unit:
    """The unit of a sentence read as ``other`` was (a wire story's sentence in another outlet):
    its keys and figures are other's, the very same objects."""
    order = (rank.get(sentence.source_id, len(rank)), sentence.line, sentence.start)
    return _Unit(sentence, order, other.keys, other.surface, other.figures, other.figure_keys,
                 other.approximate, other.compared, other.measured, other.approximate_compared,
                 other.kinds_compared, other.approximate_kinds, other.beside)


def weight_of(keys: Iterable[str], weights: Mapping[str, float]) -> float:
    """Keys' weights added up exactly: the same sum whatever order a set gives them in."""
    return math.fsum(map(weights.__getitem__, keys))


def _weights(units: list[_Unit]) -> dict[str, float]:
    """Rare keys weigh more (inverse document frequency); figures weigh FIGURE_WEIGHT times more."""
    counts: dict[str, int] = defaultdict(int)
    for unit in units:
        for key in unit.keys:
            counts[key] += 1
    total = len(units) + 1
    return {key: math.log(1 + total / count) * (FIGURE_WEIGHT if key.startswith("#") else 1.0)
            for key, count in counts.items()}


def _candidates(units: list[_Unit], weights: Mapping[str, float]) -> list[set[int]]:
    """Pairs of sentences from different sources sharing one of their rarest keys, each held
    once by its first sentence: for each sentence, the later ones it pairs with.

    A key in at most POSTING_CAP sentences pairs them all; a commoner key pairs each sentence
    with the next NEIGHBOURS that carry it only (in time order), so a fact told by hundreds of
    sources still chains into candidates while the work stays linear.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for number, unit in enumerate(units):
        for key in unit.keys:
            postings[key].append(number)
    shared = frozenset(key for key, ids in postings.items() if len(ids) > 1)
    rarity = {key: number for number, key in
              enumerate(sorted(shared, key=lambda k: (-weights[k], k)))}  # rarest first
    sources = [unit.sentence.source_id for unit in units]
    pairs: list[set[int]] = [set() for _ in units]
    for number, unit in enumerate(units):
        source = sources[number]
        later = pairs[number]
        for key in sorted(unit.keys & shared, key=rarity.__getitem__)[:RAREST_KEYS]:
            ids = postings[key]
            if len(ids) > POSTING_CAP:  # ids ascend: the next NEIGHBOURS after this one
                at = bisect.bisect_left(ids, number) + 1
                ids = ids[at:at + NEIGHBOURS]
            for other in ids:
                if other > number:
                    if sources[other] != source:
                        later.add(other)
                elif other < number and sources[other] != source:
                    pairs[other].add(number)
    return pairs


class _Matcher:
    """Decides pairs of sentences, each pair once. Which of the two is read first matters when
    a figure is approximate (its match counts as the first one's figure): the first asking
    decides, as it always has; a candidate pair is asked first by its first sentence."""

    def __init__(self, units: list[_Unit], opposites: tuple[tuple[str, str], ...] = ()):
        self.units = units
        self.sides = _sides(units, opposites)
        self.counts = _counts(units)
        self.weights = _weights(units)
        self.sizes = [math.sqrt(weight_of(unit.keys, self.weights)) for unit in units]
        # a pair's score, 0.0 below THRESHOLD, by pair_key: one int, not a tuple of two, for
        # the hundreds of thousands of pairs a large desk asks about
        self.scores: dict[int, float] = {}
        # (a candidate pair that does not match is not kept: it scores 0.0)
        # pairs scored (0.0 unless in scores): for each sentence, the later ones it was scored
        # against, as sorted tuples once scored (a tenth of a set's memory on a large desk)
        self.candidates: list[tuple[int, ...]] = []

    def pair_key(self, a: int, b: int) -> int:
        """One number for a pair of sentences, either way round."""
        return a * len(self.units) + b if a < b else b * len(self.units) + a

    def score(self, a: int, b: int) -> float:
        pair = self.pair_key(a, b)
        score = self.scores.get(pair)
        if score is None:
            if max(a, b) in self.candidates[min(a, b)]:
                return 0.0
            score = self.scores[pair] = self._score(a, b)
        return score

    def _score(self, a: int, b: int) -> float:
        """The pair's score when it reaches THRESHOLD, else 0.0. The weighed share, the cheap
        test, goes first: the rules (_one_fact) only ever turn a score into 0.0."""
        first, second = self.units[a], self.units[b]
        shared = first.keys & second.keys
        if first.approximate or second.approximate:
            shared |= _approximately_shared(first, second)
        if len(shared) < MIN_SHARED_KEYS - 1:
            return 0.0
        if self.sides and _contradict(self.sides.get(a), self.sides.get(b)):
            return 0.0
        if self.counts and _counts_differ(self.counts.get(a), self.counts.get(b)):
            return 0.0
        score = weight_of(shared, self.weights) / (self.sizes[a] * self.sizes[b])
        return score if score >= THRESHOLD and _one_fact(first, second, shared) and \
            _same_days(first, second, shared) else 0.0

    def score_all(self, candidates: list[set[int]]) -> list[int]:
        """Every candidate pair (a, b in candidates[a]) scored once, as a asks; those that match,
        as ints that sort as (-score, a, b) would (_best_first): best first once sorted. The
        common case, no approximate figure, is _score written out (without a figure, _one_fact
        is the count of shared keys and _one_person_named)."""
        units, scores, sizes, sides = self.units, self.scores, self.sizes, self.sides
        counts = self.counts
        span = len(units)
        weight = self.weights.__getitem__
        fsum = math.fsum
        keys = [unit.keys for unit in units]
        approximate = [bool(unit.approximate) for unit in units]
        figured = [bool(unit.figure_keys) for unit in units]
        matching = []
        for a, later in enumerate(candidates):
            mine, size, with_figures = keys[a], sizes[a], figured[a]
            fewest = MIN_SHARED_KEYS - 1 if with_figures else MIN_SHARED_KEYS
            for b in later:
                if approximate[a] or approximate[b]:
                    score = self._score(a, b)
                    if not score:
                        continue
                else:
                    shared = mine & keys[b]
                    if len(shared) < fewest:
                        continue
                    score = fsum(map(weight, shared)) / (size * sizes[b])
                    if score < THRESHOLD or not (
                            _one_fact(units[a], units[b], shared) if with_figures
                            else not _one_person_named(units[a], units[b], shared)):
                        continue
                    if sides and _contradict(sides.get(a), sides.get(b)):
                        continue
                    if counts and _counts_differ(counts.get(a), counts.get(b)):
                        continue
                    if not _same_days(units[a], units[b], shared):
                        continue
                scores[a * span + b] = score
                matching.append(_best_first(score, a * span + b))
        self.candidates = [tuple(sorted(later)) for later in candidates]
        return matching

    def matches(self, a: int, b: int) -> bool:
        return self.score(a, b) >= THRESHOLD


DOUBLE, UNSIGNED = struct.Struct("<d"), struct.Struct("<Q")
PAIR_BITS = (1 << 64) - 1


def _best_first(score: float, pair: int) -> int:
    """A matching pair as one int that sorts as (-score, a, b) does: the bits of a positive
    float rise with it, so the highest score comes first and a tie goes to the earlier pair.
    One int, not a tuple of a float and two ints, for the hundreds of thousands of pairs a
    large desk matches (the grouping's peak of memory)."""
    return (PAIR_BITS - UNSIGNED.unpack(DOUBLE.pack(score))[0]) << 64 | pair


def _sides(units: list[_Unit], opposites: tuple[tuple[str, str], ...]
           ) -> dict[int, tuple[frozenset[str], frozenset[str]]]:
    """For each sentence that has one meaning of an opposite pair without the other: the
    meanings it has alone, and their opposites."""
    if not opposites:
        return {}
    opposite = {x: y for x, y in opposites} | {y: x for x, y in opposites}
    sides = {}
    for number, unit in enumerate(units):
        alone = frozenset(k for k in unit.keys & opposite.keys() if opposite[k] not in unit.keys)
        if alone:
            sides[number] = (alone, frozenset(opposite[k] for k in alone))
    return sides


SMALL_COUNT = re.compile(r"(?<![\w.,])(two|three|four|five|six|seven|eight|nine|[2-9])\s{1,3}"
                         r"([A-Za-z]{3,20})\b", re.IGNORECASE)
BARE_COUNT = re.compile(r"(?<![\w.,-])(two|three|four|five|six|seven|eight|nine)(?=[,.;:]|\s{1,3}"
                        r"(?:on|in|at|by|after|before|as|from|since|during|with|and|but|"
                        r"according)\b|\s*$)", re.IGNORECASE)
"""A count in words that names no thing after it: what it counts was said before it ("the
death toll rose to seven on Thursday")."""
NOT_COUNTED = frozenset("""people persons person officials sources source diplomats analysts
    executives members percent per pct cents cent points point times hundred thousand million
    billion trillion dozen""".split())
"""Counts that are no thing's tally: who is quoted ("two people familiar with the talks", "three
officials said"), or part of a figure ("two hundred", "5 billion")."""


def _counts(units: list[_Unit]) -> dict[int, dict[str, frozenset[int]]]:
    """For each sentence that counts things in words below ten ("three bridges"; larger counts
    and digits are figures already): the counts of each thing, by its root (stem)."""
    counts = {}
    for number, unit in enumerate(units):
        found: dict[str, set[int]] = defaultdict(set)
        for word, thing in SMALL_COUNT.findall(unit.sentence.text):
            if thing.casefold() not in NOT_COUNTED and thing.casefold() not in STOPWORDS:
                found[stem(thing.casefold())].add(NUMBER_WORDS.get(word.casefold()) or int(word))
        for word in BARE_COUNT.findall(unit.sentence.text):  # "the toll rose to seven on …"
            found[""].add(NUMBER_WORDS[word.casefold()])
        if found:
            counts[number] = {thing: frozenset(values) for thing, values in found.items()}
    return counts


def _counts_differ(a: dict[str, frozenset[int]] | None,
                   b: dict[str, frozenset[int]] | None) -> bool:
    """One says "three bridges" where the other says "four bridges": two accounts that
    disagree are not one source corroborating the other."""
    return a is not None and b is not None and \
        any(thing in b and values.isdisjoint(b[thing]) for thing, values in a.items())


def _contradict(a: tuple[frozenset[str], frozenset[str]] | None,
                b: tuple[frozenset[str], frozenset[str]] | None) -> bool:
    """One says only "up" where the other says only "down"."""
    return a is not None and b is not None and not a[1].isdisjoint(b[0])


def _same_days(a: _Unit, b: _Unit, shared: frozenset[str]) -> bool:
    """Not two different days of the week without a date both give (see WEEKDAYS)."""
    mine = a.keys & WEEKDAYS
    if not mine:
        return True
    theirs = b.keys & WEEKDAYS
    return not theirs or not mine.isdisjoint(theirs) or \
        any(DATE_KEY.fullmatch(key) for key in shared)


def _one_fact(a: _Unit, b: _Unit, shared: frozenset[str]) -> bool:
    """What they share says one fact: enough words besides figures, figures that agree, and a
    lone shared figure about the same thing in both."""
    if not a.figure_keys:
        return len(shared) >= MIN_SHARED_KEYS and not _one_person_named(a, b, shared)
    figures = shared & a.figure_keys  # what is shared is a's (an approximate match included)
    if len(shared) - len(figures) < MIN_SHARED_WORDS:
        return False
    if a.figures and b.figures and not _figures_agree(a, b, shared):
        return False
    if a.figure_keys and b.figure_keys and not figures:
        return False
    if len(shared) < MIN_SHARED_KEYS and not _telling(a, figures):
        return False
    return not (len(figures) == 1 and len(shared) - 1 < MIN_SHARED_KEYS and
                not _figures_about_one_thing(a, b, figures))


def _one_person_named(a: _Unit, b: _Unit, shared: frozenset[str]) -> bool:
    """All they share is one person and names ("Nebraska Republican Dale Rourke" / "Dale
    Rourke, Republican of Nebraska"): two things the person said, not one fact."""
    people = [key for key in shared if key[0] == "@"]
    return len(people) == 1 and all(
        key[0] == "@" or a.surface[key][:1].isupper() and b.surface[key][:1].isupper()
        for key in shared)


def _people(unit: _Unit) -> frozenset[str]:
    """The people a sentence names (their keys)."""
    return frozenset(key for key in unit.keys if key[0] == "@")


SHARED_REMEMBERED = 1 << 12
"""Pairs with an approximate figure whose shared keys are remembered: a pair is asked again
soon after it is first asked, and remembering every one held 24 MB on a desk of 3,000
sources (the run's peak of memory)."""


class _Groups:
    """Greedy grouping from the best pairs down. A sentence joins a group only by matching its
    lead (the group's earliest sentence), only if its source is not in the group yet (or it
    repeats its source's sentences there, _repeats), and not on another part of the lead than a
    member it does not match (a lead reporting two facts);
    it joins a second (or third) group only on words it has not matched on yet, as when one
    sentence reports two facts."""

    def __init__(self, matcher: _Matcher):
        self.matcher = matcher
        self.members: dict[int, list[int]] = {}  # group number: its sentences
        self.sources: dict[int, set[str]] = {}
        self.lead: dict[int, int] = {}
        # a sentence's groups: tuples of numbers, no objects for the garbage collector to walk
        self.groups_of: dict[int, tuple[int, ...]] = {}
        # (group, sentence): the lead it matched, the sentence it matched on the keys both
        # share (kept as that sentence, not as the keys: a set per entry was the grouping's
        # largest holding of memory on a large desk) and their weight, until the lead changes
        self.entered: dict[int, tuple[int, int, float]] = {}  # by _entry
        self.span = len(matcher.units)
        self.started = 0
        self.between: dict[int, frozenset[str]] = {}  # _shared, by the matcher's pair_key
        self.source_of = [unit.sentence.source_id for unit in matcher.units]

    def _entry(self, group: int, number: int) -> int:
        """Where ``entered`` holds a sentence's entry into a group: one int, not a tuple."""
        return group * self.span + number

    def _shared(self, a: int, b: int) -> frozenset[str]:
        """The keys two sentences share, either way round; with an approximate figure, worked
        out once per pair while SHARED_REMEMBERED pairs are remembered."""
        first, second = self.matcher.units[a], self.matcher.units[b]
        if not (first.approximate or second.approximate):
            return first.keys & second.keys
        pair = self.matcher.pair_key(a, b)
        shared = self.between.get(pair)
        if shared is None:
            if len(self.between) >= SHARED_REMEMBERED:
                self.between.clear()
            shared = self.between[pair] = shared_keys(first, second) | shared_keys(second, first)
        return shared

    def _weight(self, keys: frozenset[str]) -> float:
        """weight_of with the matcher's weights (not remembered: on a desk of thousands of
        sources the memo held more memory than its few sums cost)."""
        return weight_of(keys, self.matcher.weights)

    def _fresh(self, number: int, shared: frozenset[str], weight: float) -> bool:
        """The match rests mostly on keys this sentence has not matched on in another group
        (``weight`` is the shared keys'). None or all of them used needs no sum."""
        fresh = shared - self._used(number)
        if len(fresh) == len(shared):
            return True
        return bool(fresh) and self._weight(fresh) >= FRESH_SHARE * weight

    def _enter(self, group: int, number: int, partner: int, weight: float) -> None:
        """``number`` joins ``group`` on the keys it shares with ``partner`` (the lead, or the
        other sentence of the pair that starts the group), of that weight."""
        self.members[group].append(number)
        self.sources[group].add(self.source_of[number])
        self.lead[group] = min(self.lead[group], number)
        self.groups_of[number] = self.groups_of.get(number, ()) + (group,)
        self.entered[self._entry(group, number)] = (self.lead[group], partner, weight)

    def _with_lead(self, group: int, number: int) -> tuple[frozenset[str], float]:
        """The keys a member shares with its group's lead now (a lead that came later may be
        about one of the member's facts only), and their weight; for the lead itself, those it
        entered on."""
        lead = self.lead[group]
        matched, partner, weight = self.entered[self._entry(group, number)]
        if matched != lead and number != lead:
            keys = self._shared(lead, number)
            weight = self._weight(keys)
            self.entered[self._entry(group, number)] = (lead, lead, weight)
            return keys, weight
        return self._shared(number, partner), weight

    def _used(self, number: int) -> frozenset[str]:
        """The keys a sentence matched on in its groups."""
        groups = self.groups_of[number]
        used = self._with_lead(groups[0], number)[0]
        for group in groups[1:]:
            used = used | self._with_lead(group, number)[0]
        return used

    def _start(self, a: int, b: int, weight: float) -> None:
        group = self.started = self.started + 1
        self.members[group], self.sources[group], self.lead[group] = [], set(), a
        self._enter(group, a, b, weight)
        self._enter(group, b, a, weight)

    def _try_join(self, group: int, newcomer: int) -> bool:
        if self.source_of[newcomer] in self.sources[group] and not self._repeats(group, newcomer):
            return False
        lead = self.lead[group]
        if not self.matcher.matches(lead, newcomer):
            return False
        shared = self._shared(lead, newcomer)
        weight = self._weight(shared)
        if self._other_part(group, newcomer, shared, weight):
            return False
        if newcomer in self.groups_of and not self._fresh(newcomer, shared, weight) and \
                not any(self.lead[other] == lead for other in self.groups_of[newcomer]):
            return False  # (a sentence reporting all the lead's facts goes with each of them)
        self._enter(group, newcomer, lead, weight)
        return True

    def _repeats(self, group: int, newcomer: int) -> bool:
        """The newcomer tells again what its source's sentences in the group tell (see
        REPEAT_SCORE)."""
        units, source = self.matcher.units, self.source_of[newcomer]
        people = _people(units[newcomer])
        return all(self.matcher.score(member, newcomer) >= REPEAT_SCORE * THRESHOLD and
                   _people(units[member]) == people
                   for member in self.members[group] if self.source_of[member] == source)

    def _other_part(self, group: int, newcomer: int, shared: frozenset[str],
                    mine: float) -> bool:
        """The newcomer matches the lead on other words than a member does, and not that member:
        a lead that reports two facts ("he will visit in April and Xi will come later") draws
        each fact's reports, which are not one fact together. The first PARTS_CHECKED members
        are asked. ``mine`` is the weight of the keys the newcomer shares with the lead."""
        lead = self.lead[group]
        for member in self.members[group][:PARTS_CHECKED]:
            if member == lead or member == newcomer:
                continue
            theirs, weight = self._with_lead(group, member)
            common = shared & theirs
            if len(common) == len(theirs) or len(common) == len(shared):
                continue  # one part holds the other: all of the lighter one is common
            if self._weight(common) < PART_OVERLAP * min(mine, weight) and \
                    not self.matcher.matches(member, newcomer):
                return True
        return False

    def _parts_agree(self, kept: int, gone: int) -> bool:
        """Two groups whose leads match are one fact unless the members of one match the other's
        lead on another part of it (see _other_part), asked both ways."""
        for group, other in ((kept, gone), (gone, kept)):
            lead = self.lead[other]
            shared = self._shared(self.lead[group], lead)
            if self._other_part(group, lead, shared, self._weight(shared)):
                return False
        return self._follow_lead(kept, gone)

    def _follow_lead(self, kept: int, gone: int) -> bool:
        """Once merged, the earlier lead leads: most of the other group's members (the first
        PARTS_CHECKED) must match it, as each newcomer had to match its own lead. Two groups
        joined through their leads alone can hold two facts."""
        lead = min(self.lead[kept], self.lead[gone])
        follower = gone if self.lead[kept] == lead else kept
        members = [m for m in self.members[follower][:PARTS_CHECKED]
                   if m != self.lead[follower]]
        agreeing = sum(1 for m in members if self.matcher.matches(lead, m))
        return 3 * agreeing >= 2 * len(members)

    def _apart(self, a: int, b: int) -> bool:
        """Two groups may merge when no source is in both, other than through a sentence both
        hold: one fact's reports split in two groups that one wording joined both of."""
        if self.sources[a].isdisjoint(self.sources[b]):
            return True
        common = self.sources[a] & self.sources[b]
        both = set(self.members[a]).intersection(self.members[b])
        return bool(both) and common <= {self.source_of[member] for member in both}

    def _merge(self, kept: int, gone: int) -> None:
        held = set(self.members[kept])
        for member in self.members.pop(gone):
            if member in held:  # in both groups: it stays in the kept one only
                del self.entered[self._entry(gone, member)]
                self.groups_of[member] = tuple(g for g in self.groups_of[member] if g != gone)
                continue
            self.members[kept].append(member)
            self.entered[self._entry(kept, member)] = self.entered.pop(self._entry(gone, member))
            self.groups_of[member] = tuple(kept if g == gone else g
                                           for g in self.groups_of[member])
        self.sources[kept] |= self.sources.pop(gone)
        self.lead[kept] = min(self.lead[kept], self.lead.pop(gone))

    def add(self, a: int, b: int) -> None:
        groups_a, groups_b = self.groups_of.get(a, ()), self.groups_of.get(b, ())
        if not set(groups_a).isdisjoint(groups_b):
            return
        for group in groups_a:
            if self._try_join(group, b):
                return
        for group in groups_b:
            if self._try_join(group, a):
                return
        for group_a in groups_a:
            for group_b in groups_b:
                if self._apart(group_a, group_b) and \
                        self.matcher.matches(self.lead[group_a], self.lead[group_b]):
                    small, large = sorted((group_a, group_b),
                                          key=lambda g: (len(self.members[g]), g))
                    if self._parts_agree(large, small):
                        self._merge(large, small)
                        return
        if len(groups_a) < MEMBERSHIPS and len(groups_b) < MEMBERSHIPS:
            shared = self._shared(a, b)
            weight = self._weight(shared)
            if (not groups_a or self._fresh(a, shared, weight)) and \
                    (not groups_b or self._fresh(b, shared, weight)):
                self._start(min(a, b), max(a, b), weight)

    def groups(self) -> list[list[int]]:
        return list(self.members.values())


def _statement(units: list[_Unit], members: list[int], weights: Mapping[str, float],
               previews: frozenset[str] = frozenset()) -> Statement:
    """The group as a statement: its lead the earliest wording from a source that is not a
    preview (see find_statements), then every wording in time order."""
    ordered = sorted(members, key=lambda n: units[n].order)
    first = next((i for i, n in enumerate(ordered)
                  if units[n].sentence.source_id not in previews), 0)
    ordered.insert(0, ordered.pop(first))
    lead = units[ordered[0]]
    shared: dict[str, int] = defaultdict(int)
    for other in ordered[1:]:
        if units[other].sentence.source_id == lead.sentence.source_id:
            continue  # the lead's source telling it again corroborates nothing
        for key in shared_keys(lead, units[other]):
            shared[key] += 1
    strongest = sorted(shared, key=lambda k: (-shared[k], -weights[k], k))[:MATCHED_SHOWN]
    return Statement(lead.sentence, tuple(units[n].sentence for n in ordered),
                     tuple(lead.surface[k] for k in strongest))


def group_statements(paragraphs: Iterable[SourceParagraph], rank: Mapping[str, int],
                     unit: str = "sentence", *, people: Iterable[Person] = (),
                     rules: StatementRules | None = None,
                     previews: frozenset[str] = frozenset()) -> tuple[Statement, ...]:
    """Facts reported by two sources or more, in the order their leads appear.

    ``rank`` orders sources in time (earliest first): the lead is the earliest wording, unless
    its source is one of ``previews`` and another's is not. ``unit`` is "sentence" or
    "paragraph", what one statement is made of. ``people`` (the briefing's index) makes every
    name of a person one key; ``rules`` (the `statements:` section of the configuration)
    default to defaults.yml's.
    """
    people = tuple(people)
    lexicon = default_lexicon() if rules is None and not people else \
        Lexicon(rules or default_rules(), people)
    rules = rules or default_rules()
    units = sorted(_units(paragraphs, rank, unit, lexicon), key=lambda u: u.order)
    matcher = _Matcher(units, rules.opposites)
    matching = matcher.score_all(_candidates(units, matcher.weights))
    groups = _Groups(matcher)
    span = len(units)
    for ranked in sorted(matching):
        groups.add(*divmod(ranked & PAIR_BITS, span))
    statements = [_statement(units, members, matcher.weights, previews)
                  for members in groups.groups()]
    return tuple(sorted(statements, key=lambda s: (rank.get(s.lead.source_id, len(rank)),
                                                   s.lead.line, s.lead.start)))


def time_rank(sources: Iterable[Source]) -> dict[str, int]:
    """Rank of each source in time (date, then id), as the pages order them."""
    ranked = sorted(sources, key=lambda s: (s.meta.date or "9999-99-99", s.meta.id))
    return {source.meta.id: number for number, source in enumerate(ranked)}


def find_statements(briefing: Briefing, rules: StatementRules | None = None,
                    since: str | None = None) -> tuple[Statement, ...]:
    """Every fact of the briefing that two sources or more report; ``rules`` are the
    configuration's `statements:` section (defaults.yml's when not given). ``since`` is the
    day the briefing's event happened (`event: when:`): a source dated before it is a preview,
    and a fact it reported with later sources is shown in the earliest later wording — what
    happened, not what was expected ("he would likely reduce the tariff" / "he said he would
    lower the tariff to 10%")."""
    return group_statements((p for s in briefing.sources for p in s.paragraphs),
                            time_rank(briefing.sources), people=briefing.people, rules=rules,
                            previews=previews_of(briefing, since))


def previews_of(briefing: Briefing, since: str | None) -> frozenset[str]:
    """The sources dated before the event's day ``since``: they tell what was expected."""
    return frozenset(s.meta.id for s in briefing.sources
                     if since and s.meta.date and s.meta.date < since)


def statements_by_paragraph(
        statements: Iterable[Statement]) -> dict[tuple[str, int], tuple[Statement, ...]]:
    """The statements each paragraph leads, by (source, line): what a page showing that
    paragraph cites from other sources. Statements keep their order."""
    found: dict[tuple[str, int], list[Statement]] = defaultdict(list)
    for statement in statements:
        found[(statement.lead.source_id, statement.lead.line)].append(statement)
    return {place: tuple(led) for place, led in found.items()}
