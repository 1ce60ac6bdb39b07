"""Stage 4e: statements — one fact reported by several sources, in different words, shown once.

Between extraction and composition. Every kept, non-heading paragraph is cut into sentences
(verbatim slices); each sentence becomes a set of keys: content words (lower case, crude suffix
stripping, stopwords dropped) and figures normalised to one spelling ("10 per cent", "10%" and
"ten percent" are all ``10%``; "$1.5bn" and "1.5 billion dollars" are both ``$1500000000``).

Never all pairs: an inverted index over each sentence's rarest keys gives the candidate pairs; a
key found in more than ``POSTING_CAP`` sentences only pairs neighbours in its posting list, so the
work is linear in the input. Candidates from different sources are scored by the weighted overlap
of their keys (rare keys weigh more, figures most); a pair must share enough keys, two sentences that both carry
figures must share one, and figures of one kind (percentages, money) must agree when both carry
them. Groups grow greedily from the best pairs, and a sentence joins a group only if it matches the
group's lead and its source is not in the group yet: one chain of look-alikes cannot swallow
everything. A sentence reporting two facts may join two groups, on different words.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.segment import sentences
from generator.structure import Briefing, Sentence, Source, SourceParagraph


@dataclass(frozen=True)
class Statement:
    """One fact and every source that reports it.

    ``lead`` is the earliest source's wording, shown once; ``members`` is every wording, lead
    first, then in time order, at most one per source; ``matched_on`` is what made them one: the
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
        return len(self.members)


POSTING_CAP = 40
"""A key found in more sentences than this is too common to propose candidates (it still counts
in the score): posting lists stay short, so candidate pairs grow linearly with the input."""
RAREST_KEYS = 8
"""Each sentence proposes candidates through its rarest keys only (prefix filtering): two
wordings of one fact share several keys, so they share at least one of the rarest."""
NEIGHBOURS = 4
"""How many later sentences a sentence is paired with through a key commoner than POSTING_CAP."""
MIN_KEYS = 4
"""Sentences with fewer keys say too little to be matched ("Talks ended.")."""
MIN_SHARED_WORDS = 1
"""Content words two wordings must share besides figures: the same figures alone may be about
different things."""
MIN_SHARED_KEYS = 3
"""Keys (content words and figures) two wordings must share: a name and a place are a topic,
not a fact."""
THRESHOLD = 0.20
"""Shared keys' weight over the geometric mean of both sentences' weights (weights by rarity,
inverse document frequency) to be one fact. Tuned on tests/labelled/statements/ cluster A."""
FIGURE_WEIGHT = 2.0
"""A figure weighs this many times a content word of the same rarity."""
AGREEING_KINDS = ("%", "$", "€", "£", "¥")
"""Figure kinds that must agree when both sentences carry one: a percentage or a sum."""
MEMBERSHIPS = 3
"""The most groups one sentence joins: a sentence may report a few facts ("met for 100 minutes
at the air base, their first meeting since 2019")."""
FRESH_SHARE = 0.5
"""A sentence joins another group only if at least this share of the match's weight rests on
keys it has not matched on yet."""
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
NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "hundred": 100}
SCALES = {"thousand": 10 ** 3, "k": 10 ** 3, "million": 10 ** 6, "m": 10 ** 6, "mn": 10 ** 6,
          "mln": 10 ** 6, "billion": 10 ** 9, "bn": 10 ** 9, "b": 10 ** 9, "trillion": 10 ** 12,
          "tn": 10 ** 12, "trn": 10 ** 12}
CURRENCY_SIGNS = {"$": "$", "€": "€", "£": "£", "¥": "¥"}
CURRENCY_WORDS = {"dollar": "$", "dollars": "$", "usd": "$", "euro": "€", "euros": "€",
                  "pound": "£", "pounds": "£", "sterling": "£", "yuan": "¥", "renminbi": "¥",
                  "yen": "¥"}
SUFFIXES = (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ments", ""), ("ment", ""),
            ("ions", ""), ("ion", ""), ("ings", ""), ("ing", ""), ("ed", ""), ("ly", ""),
            ("es", ""), ("s", ""))
SAME_MEANING = {
    "cut": ("lower", "reduc", "slash", "trim", "reduct"),
    "raise": ("rais", "increas", "hik", "boost"),
    "fall": ("fell", "drop", "declin", "slip", "dip", "dipp"),
    "rise": ("rose", "risen", "climb"),
    "buy": ("bought", "purchas"),
    "pause": ("paus", "suspend", "suspens", "halt", "freez", "froz"),
    "visit": ("trip", "travel", "travell"),
    "tarif": ("levy", "duty"),
    "ship": ("vessel",),
    "chip": ("semiconductor",),
    "tonne": ("ton", "tonn"),
}
"""Words news reports use interchangeably (verbs of change and trade, a few nouns), by their roots:
"cut to 10%" and "lower to 10%" say one thing."""
SYNONYM = {root: word for word, roots in SAME_MEANING.items() for root in (word, *roots)}
TIME_UNITS = {"year": "year", "years": "year", "month": "month", "months": "month",
              "week": "week", "weeks": "week", "day": "day", "days": "day", "hour": "minute",
              "hours": "minute", "minute": "minute", "minutes": "minute"}
IN_SMALLER_UNITS = {"hour": 60, "hours": 60}  # "an hour and 40 minutes" is "100 minutes"
YEARLY = frozenset({"annually", "annual", "yearly"})  # "25m tonnes annually" is "… a year"
MONTHS = {name: number for number, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
    "august aug", "september sep sept", "october oct", "november nov", "december dec"), start=1)
    for name in names.split()}
KEEP_ENDINGS = ("ss", "us", "is")  # "talks" loses its s, "press", "status", "crisis" keep theirs
TOKEN = re.compile(r"[$€£¥%]|\d{1,40}(?:[.,]\d{1,40}){0,10}|"
                   r"[^\W\d_]{1,60}(?:['’.][^\W\d_]{1,60}){0,6}")
ACRONYM = re.compile(r"[A-Z](?:\.[A-Z]){1,6}")


@dataclass(frozen=True)
class _Unit:
    """A sentence as the matcher sees it: its keys and the words each key came from."""

    sentence: Sentence
    order: tuple[int, int, int]
    keys: frozenset[str]
    surface: Mapping[str, str]
    figures: Mapping[str, frozenset[str]]  # percentages and sums, by kind ("%", "$", ...)
    figures_any: bool  # any figure at all


def stem(word: str) -> str:
    """A crude common root: "lowering", "lowered", "lowers" and "lower" all give "lower"."""
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and \
                not (suffix == "s" and word.endswith(KEEP_ENDINGS)):
            word = word[:-len(suffix)] + replacement
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]
    return word


@functools.lru_cache(maxsize=1 << 16)
def _word_key(token: str) -> str | None:
    """A word's content key, or None for a stopword or a stray letter."""
    if ACRONYM.fullmatch(token) or (token.isupper() and 2 <= len(token) <= 5):
        letters = token.replace(".", "")
        if letters.casefold() in STOPWORDS:
            return letters  # "US" is a country, "us" a pronoun
        token = letters
    word = token.casefold().replace("’", "'")
    word = word.removesuffix("'s").replace("'", "").replace(".", "")
    if len(word) < 2 or word in STOPWORDS or word in NUMBER_WORDS:
        return None
    if token[0].isupper() and token.casefold() not in SYNONYM and stem(word) not in SYNONYM:
        return word  # names keep their endings: "Beijing"
    root = stem(word)
    return SYNONYM.get(root, root)


def _number(token: str) -> float | None:
    """The value of a number written in digits ("1,500", "2.5") or as one word ("ten")."""
    if token[0].isdigit():
        if re.fullmatch(r"\d{1,3}(?:,\d{3}){1,10}", token):
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
    return int(token) if token.isdigit() and 1 <= int(token) <= 31 else None


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
    return f"{_format(value)} {unit}", j


def _figure(tokens: list[str], i: int) -> tuple[str, int] | None:
    """The figure starting at tokens[i] as (normal form, tokens read), if one starts there."""
    if tokens[i].casefold() in YEARLY:
        return "1 year", 1
    date = _date(tokens, i)
    if date:
        return date
    sign = CURRENCY_SIGNS.get(tokens[i])
    start = i + 1 if sign else i
    if start >= len(tokens):
        return None
    value = _number(tokens[start])
    if value is None and tokens[start].casefold() in ("a", "an", "per", "each", "every") and \
            not sign and start + 1 < len(tokens) and tokens[start + 1].casefold() in TIME_UNITS:
        value = 1.0  # "a year" is "one year"
    if value is None:
        return None
    j = start + 1
    if j < len(tokens) and value < 100 and tokens[start].casefold() in NUMBER_WORDS:
        tail = _number(tokens[j])  # "twenty five" (the hyphen is not a token)
        if tail is not None and tail < 10 and not tokens[j][0].isdigit():
            value, j = value + tail, j + 1
    nxt = tokens[j].casefold() if j < len(tokens) else ""
    if nxt in SCALES and (nxt not in ("m", "b", "k") or tokens[j - 1][0].isdigit()):
        value, j = value * SCALES[nxt], j + 1
        nxt = tokens[j].casefold() if j < len(tokens) else ""
    if nxt in ("%", "percent", "pc"):
        return _format(value) + "%", j + 1 - i
    if nxt == "per" and j + 1 < len(tokens) and tokens[j + 1].casefold() == "cent":
        return _format(value) + "%", j + 2 - i
    if nxt == "percentage" and j + 1 < len(tokens) and tokens[j + 1].casefold().startswith("point"):
        return _format(value) + " points", j + 2 - i
    if nxt in TIME_UNITS and not sign:
        form, end = _duration(value, tokens, j)
        return form, end - i
    if nxt in CURRENCY_WORDS and not sign:
        return CURRENCY_WORDS[nxt] + _format(value), j + 1 - i
    if sign:
        return sign + _format(value), j - i
    if not tokens[start][0].isdigit() and j == start + 1:
        return None  # "two leaders": a number word alone is not a figure
    return _format(value), j - i


def keys_of(text: str) -> dict[str, str]:
    """Every key of a text (content words' roots, figures' normal forms, figures prefixed "#"),
    each with the first words of the text it came from."""
    matches = list(TOKEN.finditer(text))
    tokens = [match.group() for match in matches]
    keys: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        figure = _figure(tokens, i)
        if figure:
            form, length = figure
            keys.setdefault("#" + form, text[matches[i].start():matches[i + length - 1].end()])
            i += length
            continue
        key = _word_key(tokens[i])
        if key:
            keys.setdefault(key, tokens[i])
        i += 1
    return keys


def _kind(key: str) -> str:
    if key.endswith("%"):
        return "%"
    return key[1] if key[1] in CURRENCY_SIGNS else ""


RULE = 0.7
RULE2 = 1
def _carries(unit):
    return any(k[0] == "#" for k in unit.keys)


def _figures_by_kind(keys: Iterable[str]) -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if key.startswith("#") and _kind(key) in AGREEING_KINDS:
            kinds[_kind(key)].add(key)
    return {kind: frozenset(figures) for kind, figures in kinds.items()}


def _figures_agree(a: _Unit, b: _Unit) -> bool:
    """Both carry a percentage (or a sum): they must share one."""
    return all(not figures.isdisjoint(b.figures[kind])
               for kind, figures in a.figures.items() if kind in b.figures)


def _units(paragraphs: Iterable[SourceParagraph], rank: Mapping[str, int],
           unit: str) -> list[_Unit]:
    units = []
    for paragraph in paragraphs:
        if not paragraph.kept or paragraph.heading:
            continue
        pieces = sentences(paragraph) if unit == "sentence" else \
            [Sentence(paragraph.source_id, paragraph.line, 0, len(paragraph.text), paragraph.text)]
        for sentence in pieces:
            surface = keys_of(sentence.text)
            if len(surface) >= MIN_KEYS:
                order = (rank.get(sentence.source_id, len(rank)), sentence.line, sentence.start)
                units.append(_Unit(sentence, order, frozenset(surface), surface,
                                   _figures_by_kind(surface),
                                   any(key[0] == "#" for key in surface)))
    return units


def _weights(units: list[_Unit]) -> dict[str, float]:
    """Rare keys weigh more (inverse document frequency); figures weigh FIGURE_WEIGHT times more."""
    counts: dict[str, int] = defaultdict(int)
    for unit in units:
        for key in unit.keys:
            counts[key] += 1
    total = len(units) + 1
    return {key: math.log(1 + total / count) * (FIGURE_WEIGHT if key.startswith("#") else 1.0)
            for key, count in counts.items()}


def _candidates(units: list[_Unit], weights: Mapping[str, float]) -> set[tuple[int, int]]:
    """Pairs of sentences from different sources sharing one of their rarest keys.

    A key in at most POSTING_CAP sentences pairs them all; a commoner key pairs each sentence
    with the next NEIGHBOURS that carry it only (in time order), so a fact told by hundreds of
    sources still chains into candidates while the work stays linear.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for number, unit in enumerate(units):
        for key in unit.keys:
            postings[key].append(number)
    position = {key: {n: i for i, n in enumerate(ids)} for key, ids in postings.items()
                if len(ids) > POSTING_CAP}
    pairs: set[tuple[int, int]] = set()
    for number, unit in enumerate(units):
        rarest = sorted((k for k in unit.keys if len(postings[k]) > 1),
                        key=lambda k: (-weights[k], k))[:RAREST_KEYS]
        for key in rarest:
            ids = postings[key]
            if key in position:
                at = position[key][number]
                ids = ids[at + 1:at + 1 + NEIGHBOURS]
            for other in ids:
                if other != number and units[other].sentence.source_id != unit.sentence.source_id:
                    pairs.add((min(number, other), max(number, other)))
    return pairs


class _Matcher:
    """Scores pairs of sentences, each pair once."""

    def __init__(self, units: list[_Unit]):
        self.units = units
        self.weights = _weights(units)
        self.sizes = [math.sqrt(sum(self.weights[key] for key in unit.keys)) for unit in units]
        self.scores: dict[tuple[int, int], float] = {}

    def score(self, a: int, b: int) -> float:
        pair = (min(a, b), max(a, b))
        if pair not in self.scores:
            self.scores[pair] = match_score(self.units[a], self.units[b], self.weights) \
                / (self.sizes[a] * self.sizes[b])
        return self.scores[pair]

    def matches(self, a: int, b: int) -> bool:
        return self.score(a, b) >= THRESHOLD


def match_score(a: _Unit, b: _Unit, weights: Mapping[str, float]) -> float:
    """How surely two sentences say one fact, before dividing by their sizes: 0 when they cannot
    (too few shared keys, figures that disagree or none in common), else their shared keys'
    weight."""
    shared = a.keys & b.keys
    if len(shared) < MIN_SHARED_KEYS or \
            sum(1 for key in shared if key[0] != "#") < MIN_SHARED_WORDS:
        return 0.0
    if (a.figures and b.figures) and not _figures_agree(a, b):
        return 0.0
    if a.figures_any and b.figures_any and not any(key[0] == "#" for key in shared):
        return 0.0
    return sum(weights[key] for key in shared)


class _Groups:
    """Greedy grouping from the best pairs down. A sentence joins a group only by matching its
    lead (the group's earliest sentence), and only if its source is not in the group yet; it
    joins a second (or third) group only on words it has not matched on yet, as when one
    sentence reports two facts."""

    def __init__(self, matcher: _Matcher):
        self.matcher = matcher
        self.members: dict[int, list[int]] = {}  # group number: its sentences
        self.sources: dict[int, set[str]] = {}
        self.lead: dict[int, int] = {}
        self.groups_of: dict[int, list[int]] = defaultdict(list)
        self.used: dict[int, set[str]] = defaultdict(set)  # keys a sentence has matched on
        self.started = 0

    def _source(self, number: int) -> str:
        return self.matcher.units[number].sentence.source_id

    def _shared(self, a: int, b: int) -> frozenset[str]:
        return self.matcher.units[a].keys & self.matcher.units[b].keys

    def _fresh(self, number: int, shared: frozenset[str]) -> bool:
        """The match rests mostly on keys this sentence has not matched on in another group."""
        weights = self.matcher.weights
        new = sum(weights[k] for k in shared - self.used[number])
        return new >= FRESH_SHARE * sum(weights[k] for k in shared)

    def _enter(self, group: int, number: int, shared: frozenset[str]) -> None:
        self.members[group].append(number)
        self.sources[group].add(self._source(number))
        self.lead[group] = min(self.lead[group], number)
        self.groups_of[number].append(group)
        self.used[number] |= shared

    def _start(self, a: int, b: int) -> None:
        group = self.started = self.started + 1
        self.members[group], self.sources[group], self.lead[group] = [], set(), a
        shared = self._shared(a, b)
        self._enter(group, a, shared)
        self._enter(group, b, shared)

    def _try_join(self, group: int, newcomer: int) -> bool:
        lead = self.lead[group]
        if self._source(newcomer) in self.sources[group] or \
                not self.matcher.matches(lead, newcomer):
            return False
        shared = self._shared(lead, newcomer)
        if self.groups_of[newcomer] and not self._fresh(newcomer, shared):
            return False
        self._enter(group, newcomer, shared)
        return True

    def _merge(self, kept: int, gone: int) -> None:
        for member in self.members.pop(gone):
            self.members[kept].append(member)
            self.groups_of[member] = [kept if g == gone else g for g in self.groups_of[member]]
        self.sources[kept] |= self.sources.pop(gone)
        self.lead[kept] = min(self.lead[kept], self.lead.pop(gone))

    def add(self, a: int, b: int) -> None:
        groups_a, groups_b = self.groups_of[a], self.groups_of[b]
        if set(groups_a) & set(groups_b):
            return
        for group in groups_a:
            if self._try_join(group, b):
                return
        for group in groups_b:
            if self._try_join(group, a):
                return
        for group_a in groups_a:
            for group_b in groups_b:
                if self.sources[group_a].isdisjoint(self.sources[group_b]) and \
                        self.matcher.matches(self.lead[group_a], self.lead[group_b]):
                    small, large = sorted((group_a, group_b),
                                          key=lambda g: (len(self.members[g]), g))
                    self._merge(large, small)
                    return
        shared = self._shared(a, b)
        if len(groups_a) < MEMBERSHIPS and len(groups_b) < MEMBERSHIPS and \
                (not groups_a or self._fresh(a, shared)) and \
                (not groups_b or self._fresh(b, shared)):
            self._start(min(a, b), max(a, b))

    def groups(self) -> list[list[int]]:
        return list(self.members.values())


def _statement(units: list[_Unit], members: list[int], weights: Mapping[str, float]) -> Statement:
    ordered = sorted(members, key=lambda n: units[n].order)
    lead = units[ordered[0]]
    shared: dict[str, int] = defaultdict(int)
    for other in ordered[1:]:
        for key in lead.keys & units[other].keys:
            shared[key] += 1
    strongest = sorted(shared, key=lambda k: (-shared[k], -weights[k], k))[:MATCHED_SHOWN]
    return Statement(lead.sentence, tuple(units[n].sentence for n in ordered),
                     tuple(lead.surface[k] for k in strongest))


def group_statements(paragraphs: Iterable[SourceParagraph], rank: Mapping[str, int],
                     unit: str = "sentence") -> tuple[Statement, ...]:
    """Facts reported by two sources or more, in the order their leads appear.

    ``rank`` orders sources in time (earliest first): the lead is the earliest wording.
    ``unit`` is "sentence" or "paragraph", what one statement is made of.
    """
    units = sorted(_units(paragraphs, rank, unit), key=lambda u: u.order)
    matcher = _Matcher(units)
    matching = [(matcher.score(a, b), a, b) for a, b in _candidates(units, matcher.weights)]
    groups = _Groups(matcher)
    for _score, a, b in sorted((m for m in matching if m[0] >= THRESHOLD),
                               key=lambda m: (-m[0], m[1], m[2])):
        groups.add(a, b)
    statements = [_statement(units, members, matcher.weights) for members in groups.groups()]
    return tuple(sorted(statements, key=lambda s: (rank.get(s.lead.source_id, len(rank)),
                                                   s.lead.line, s.lead.start)))


def time_rank(sources: Iterable[Source]) -> dict[str, int]:
    """Rank of each source in time (date, then id), as the pages order them."""
    ranked = sorted(sources, key=lambda s: (s.meta.date or "9999-99-99", s.meta.id))
    return {source.meta.id: number for number, source in enumerate(ranked)}


def find_statements(briefing: Briefing) -> tuple[Statement, ...]:
    """Every fact of the briefing that two sources or more report."""
    return group_statements((p for s in briefing.sources for p in s.paragraphs),
                            time_rank(briefing.sources))
