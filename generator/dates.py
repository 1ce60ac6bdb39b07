"""Stage 4d: dates. Find the events a source reports, each with the date it speaks of, so a
timeline can order events from many sources.

An event is a sentence that says something happened or is to happen on a date: a meeting, an
announcement, a tariff taking effect. Captions, published and updated stamps, teasers, questions,
speculation ("could", "might") and comments on a period ("has been a hard year") are not events.

Relative dates ("on Monday", "this month", "in April", "two days ago") resolve against the
article's own date, or against the last dateline or "published at …" stamp above them (a live
blog's posts). The verbs of the clause around a date decide its direction: "will meet", "set for",
"is due", "expected to" look ahead; past tenses, "last" and "ago" look back; a live blog's present
progressive ("is meeting") is the day itself. Month-only and year-only dates keep their precision.
Each event is a verbatim sentence of its paragraph; every rule reads a bounded window around a
date, so the stage is linear in its input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.segment import sentences
from generator.structure import Sentence, SourceParagraph

MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Month and day names only capitalised: "may" is a verb, "May" a month.
MONTH = r"(?P<{}>(?-i:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len,
                                          reverse=True)) + r"))\.?"
DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<{}>(?:19|20)\d\d)(?!\d)"
SPACE = r"[ \t\u00a0]{1,3}"
PART = rf"(?:(?:early|late|mid|the end of|the start of|the middle of)(?:{SPACE}|-))?"
NUMBER_WORDS = ("a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve")
QUARTERS = ("first", "second", "third", "fourth")
EXPRESSION = re.compile(
    rf"\b(?:{DAY.format('d1')}{SPACE}(?:of{SPACE})?{MONTH.format('m1')}(?:,?{SPACE}"
    rf"{YEAR.format('y1')})?"
    rf"|{MONTH.format('m2')}{SPACE}{DAY.format('d2')}(?![\d:.]\d)(?:,?{SPACE}{YEAR.format('y2')})?"
    rf"|(?:(?P<pre>in|by|from|until|through|since|of|for|before|after|during|around|last|next"
    rf"|this|early|late|mid-?){SPACE}{PART})?{MONTH.format('m3')}(?!\.?{SPACE}[0-3]?\d\b)"
    rf"(?:,?{SPACE}{YEAR.format('y3')})?"
    rf"|(?P<ypre>in|by|from|until|before|after|during|since|of|early|late|mid-?)"
    rf"{SPACE}{PART}{YEAR.format('y4')}"
    rf"|(?:(?P<wpre>last|next|this|since|from|starting){SPACE})?(?P<wd>(?-i:"
    rf"{'|'.join(w.capitalize() for w in WEEKDAYS)}))"
    rf"|(?P<ago>(?P<count>\d{{1,2}}|{'|'.join(NUMBER_WORDS)}){SPACE}"
    rf"(?P<unit>day|month|year)s?{SPACE}ago)"
    rf"|(?P<end>the{SPACE}end{SPACE}of{SPACE}(?P<endwhich>the|this|next|last){SPACE}"
    rf"(?P<endunit>month|year))"
    rf"|(?P<quarter>the{SPACE}(?P<qn>{'|'.join(QUARTERS)}|final|last){SPACE}quarter"
    rf"(?:{SPACE}of{SPACE}{YEAR.format('qy')})?)"
    rf"|(?P<anchor>the{SPACE}(?:next|following|same|previous){SPACE}day"
    rf"|a{SPACE}day{SPACE}(?:later|earlier))"
    rf"|(?P<rel>today|yesterday|tomorrow|tonight|last night"
    rf"|this (?:morning|afternoon|evening)"
    rf"|(?:earlier |later )?this (?:week|month|year)|last (?:week|month|year)"
    rf"|next (?:week|month|year)))\b",
    re.IGNORECASE)
RANGE_JOIN = re.compile(r"^\s{0,2}(?:and|or|to|through|-|–|—)\s{0,2}$", re.IGNORECASE)
DETERMINERS = frozenset("the a an this that its their his her our every each".split())
OPINION = frozenset("""think thinks thought believe believes fear fears doubt doubts reckon
    reckons predict predicts bet bets guess suspect suspects""".split())
STARTING = frozenset({"from", "starting", "beginning", "effective"})
NOT_ANCHORS = frozenset({"dateline", "caption", "published or updated stamp"})
PASSIVE_AUXILIARIES = frozenset("be being been stay stays get gets".split())

# Words of the clause around a date that say which way it lies from the article's date.
FUTURE_WORDS = frozenset("""will shall would won't wouldn't scheduled slated due expected
    upcoming next ahead later planned plans plan planning coming forthcoming""".split())
FUTURE_PAIRS = frozenset({("set", "for"), ("set", "to"), ("going", "to"), ("is", "to"),
                          ("are", "to"), ("was", "to"), ("were", "to")})
SCHEDULE_VERBS = frozenset("""opens begins starts ends closes runs arrives departs travels
    heads meets hosts visits convenes resumes expires lapses kicks takes comes flies returns
    wraps holds gets""".split())
PAST_WORDS = frozenset("""was were had did ago last earlier previously yesterday wasn't weren't
    hadn't didn't""".split())
PERFECT = frozenset({"has", "have", "'ve", "’ve"})
PROGRESSIVE = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re"})
# "threatened to impose from 1 November", "agreed to buy by December": what someone means to do
# lies ahead of when they said so.
INTENT_STEMS = ("threaten", "agree", "plan", "promise", "pledge", "vow", "decide", "hope", "aim",
                "want", "intend", "offer", "propose", "seek", "sought", "prepare", "expect",
                "commit", "undert", "move", "vote", "schedule", "set", "due", "likely", "poised")
SUBJECT_PRONOUNS = frozenset("which who that it he she".split())
NOT_PRESENT = frozenset("is has was does this its thus always perhaps news less".split())
COPULA = frozenset({"is", "are", "remains", "remain", "seems", "seem", "looks", "appears"})
MODALS = frozenset("could might may should can must cannot couldn't possibly perhaps maybe".split())
IRREGULAR_PAST = frozenset("""met said told held took made went came gave began left spoke saw
    sent won lost put cut hit struck paid sold bought brought thought felt fell rose grew drew
    flew ran broke chose wrote became kept led meant heard stood understood sought caught fought
    taught built spent lent shut quit wore tore swore beat bit hid slid split spread sat sank
    threw knew showed shown begun spoken taken given done gone seen written risen fallen drawn
    been""".split())
NOT_PAST = frozenset("""scheduled expected planned slated proposed red bed need needed speed
    seed feed indeed based related united limited advanced so-called hundred""".split())
SKIPPED = frozenset("""not also already then just still only never yet again reportedly
    formally officially now finally first later""".split()) - FUTURE_WORDS
STAMP_WORDS = re.compile(r"\b(?:published|posted|updated|modified|first published|last edited)"
                         r"\b", re.IGNORECASE)
STAMP_SENTENCE = re.compile(r"^\W{0,3}(?:(?:first|last) )?(?:published|posted|updated|modified)\b"
                            r"|\b(?:this|the) (?:article|story|page|post|blog) (?:was|has been|is) "
                            r"(?:first )?(?:published|posted|updated)\b|\blast updated\b",
                            re.IGNORECASE)
TEASER = re.compile(r"^\W{0,3}(?:(?:read|watch|listen|related|see also|more on|coming up|live|"
                    r"explainer|analysis|opinion)\b[^.:]{0,40}:|(?:sign up|subscribe|click)\b)",
                    re.IGNORECASE)
CREDIT = re.compile(r"\b(?:photograph|photo|picture|image|file photo|getty|afp|ap photo)\b\s*"
                    r"[:/)\]]", re.IGNORECASE)
DATELINE_HEAD = re.compile(r"^[A-Z][\w.'’-]{0,30}(?:[ ,]{1,2}[A-Z][\w.'’-]{0,30}){0,4},?\s*$")
DATELINE_TAIL = re.compile(r"^[ ,]{0,3}(?:\([^()]{1,40}\)\s{0,3})?[-–—:]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{0,40}")
CLAUSE_BREAK = re.compile(r"[;:—–]|\s-\s")
MIN_WORDS = 6
NEAR_DAYS = 90  # a day and month this close to the article's date is that one, whatever the tense
WINDOW = 120  # characters either side of a date that its clause's verbs are read from
STAMP_MAX_WORDS = 16
TEASER_MAX_WORDS = 15  # "Here is what we know about Thursday's talks:" introduces, reports nothing


@dataclass(frozen=True)
class Cue:
    """What the words around a date say: its direction and whether the clause reports an event."""

    direction: str  # "ahead", "behind", "today" (ahead, or the day itself) or "" when unknown
    event: str | None  # why it is an event ("happened: 'met'"), None when it is not one
    word: str = ""


@dataclass(frozen=True)
class DatedEvent:
    """An event: the verbatim sentence, the date it speaks of (``YYYY-MM-DD``, ``YYYY-MM`` or
    ``YYYY``), the words that date it, and why the sentence counts as an event."""

    when: str
    expression: str
    sentence: Sentence
    because: str = ""
    start: int = 0  # where the date's words start in the sentence

    @property
    def precision(self) -> str:
        return ("year", "month", "day")[self.when.count("-")]

    @property
    def line(self) -> int:
        return self.sentence.line


@dataclass(frozen=True)
class Mention:
    """A date in a kept sentence, what it resolves to, and why it is or is not an event."""

    sentence: Sentence
    match: re.Match
    when: str
    dropped: str | None  # why it is not an event; None when it is one
    because: str


def _shift_month(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _year_for(month: int, written: dt.date, direction: str) -> int:
    if direction in ("ahead", "today"):
        return written.year + (month < written.month)
    return written.year - (month > written.month)


def _day_month(day: int, month: int, year: str | None, written: dt.date,
               direction: str) -> str | None:
    """A day and month; without a year, the one nearest the article's date, unless that is
    months away: then the one on the side the tense points to."""
    years = [int(year)] if year else [written.year - 1, written.year, written.year + 1]
    try:
        options = [dt.date(y, month, day) for y in years]
    except ValueError:
        return None  # "31 June" is not a date
    nearest = min(options, key=lambda d: abs((d - written).days))
    if year or abs((nearest - written).days) <= NEAR_DAYS:
        return nearest.isoformat()
    if direction == "behind":
        options = [d for d in options if d <= written] or options
    elif direction in ("ahead", "today"):
        options = [d for d in options if d >= written] or options
    return min(options, key=lambda d: abs((d - written).days)).isoformat()


def _weekday(name: str, prefix: str, written: dt.date, direction: str) -> str:
    weekday = WEEKDAYS.index(name.casefold())
    ahead = (weekday - written.weekday()) % 7
    behind = (written.weekday() - weekday) % 7
    if prefix == "last":
        shift = -(behind or 7)
    elif prefix == "next":
        shift = ahead or 7
    elif prefix == "this" or direction in ("ahead", "today"):
        shift = ahead
    else:
        shift = -behind
    return (written + dt.timedelta(days=shift)).isoformat()


def _relative(word: str, written: dt.date) -> str:
    word = re.sub(r"^(?:earlier|later) ", "", word)
    if word.endswith("week"):  # a week has no precision of its own: the month it falls in
        step = {"last": -7, "next": 7}.get(word.split()[0], 0)
        return f"{written + dt.timedelta(days=step):%Y-%m}"
    if word in ("today", "tonight") or word.startswith("this "):
        if word.endswith("month"):
            return f"{written:%Y-%m}"
        return f"{written:%Y}" if word.endswith("year") else written.isoformat()
    if word in ("yesterday", "last night"):
        return (written - dt.timedelta(days=1)).isoformat()
    if word == "tomorrow":
        return (written + dt.timedelta(days=1)).isoformat()
    step = -1 if word.startswith("last") else 1
    return str(written.year + step) if word.endswith("year") else _shift_month(written, step)


def _ago(count: str, unit: str, written: dt.date) -> str | None:
    number = int(count) if count.isdigit() else NUMBER_WORDS.index(count.casefold()) or 1
    if unit == "day":
        return (written - dt.timedelta(days=number)).isoformat()
    if unit == "month":
        return _shift_month(written, -number)
    return str(written.year - number)


def _end_of(which: str, unit: str, written: dt.date) -> str:
    step = {"next": 1, "last": -1}.get(which, 0)
    if unit == "year":
        return f"{written.year + step:04d}-12"
    return _shift_month(written, step)


def _quarter(name: str, year: str | None, written: dt.date, direction: str) -> str:
    """A quarter is dated by its year: the one the tense points to."""
    if year:
        return year
    number = QUARTERS.index(name) + 1 if name in QUARTERS else 4
    current = (written.month - 1) // 3 + 1
    if direction in ("ahead", "today"):
        return str(written.year + (number < current))
    return str(written.year - (number > current))


def _anchored(phrase: str, anchor: dt.date | None) -> str | None:
    """"the next day", "the same day", "a day later": from the last day the text named."""
    if anchor is None:
        return None
    phrase = " ".join(phrase.casefold().split())
    step = 1 if phrase.endswith(("next day", "following day", "later")) else \
        -1 if phrase.endswith(("previous day", "earlier")) else 0
    return (anchor + dt.timedelta(days=step)).isoformat()


def resolve(match: re.Match, written: dt.date, direction: str | bool,
            anchor: dt.date | None = None) -> str | None:
    """The date an expression means, read from an article written on ``written`` and looking
    ``direction`` ("ahead", "behind", "today"; True and False for ahead and behind); ``anchor``
    is the last day the text named, for "the next day"."""
    if isinstance(direction, bool):
        direction = "ahead" if direction else "behind"
    groups = match.groupdict()
    if groups["anchor"]:
        return _anchored(groups["anchor"], anchor)
    if groups["end"]:
        return _end_of(groups["endwhich"].casefold(), groups["endunit"].casefold(), written)
    if groups["quarter"]:
        return _quarter(groups["qn"].casefold(), groups["qy"], written, direction)
    if groups["wd"]:
        return _weekday(groups["wd"], (groups["wpre"] or "").casefold(), written, direction)
    if groups["rel"]:
        return _relative(" ".join(groups["rel"].casefold().split()), written)
    if groups["ago"]:
        return _ago(groups["count"], groups["unit"].casefold(), written)
    if groups["y4"]:
        return groups["y4"]
    for day_key, month_key, year_key in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
        if groups[month_key]:
            month = MONTHS[groups[month_key].casefold().rstrip(".")]
            return _day_month(int(groups[day_key]), month, groups[year_key], written, direction)
    month = MONTHS[groups["m3"].casefold().rstrip(".")]
    prefix = (groups["pre"] or "").casefold()
    if groups["y3"]:
        return f"{int(groups['y3']):04d}-{month:02d}"
    if prefix in ("last", "next"):
        direction = "ahead" if prefix == "next" else "behind"
        if month == written.month:
            return f"{written.year + (1 if prefix == 'next' else -1):04d}-{month:02d}"
    return f"{_year_for(month, written, direction):04d}-{month:02d}"


def is_period_start(match: re.Match) -> bool:
    """"Since 2019", "since Monday": the start of a period, not the date of an event."""
    return "since" in {(match.group(key) or "").casefold() for key in ("pre", "ypre", "wpre")}


def is_month_as_adjective(text: str, match: re.Match) -> bool:
    """"The October talks", "October's deal", "April Ryan": a bare month name that qualifies a
    noun or is a name, rather than dating something ("floated April for the trip" does)."""
    if not match.group("m3") or match.group("pre") or match.group("y3"):
        return False
    before = _words(text[max(0, match.start() - 12):match.start()])
    after = text[match.end():match.end() + 3]
    return (bool(before) and before[-1] in DETERMINERS) or after[:1] in ("'", "’", "-") or \
        bool(re.match(r" [A-Z]", after))


def _words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def _before_skipping(words: list[str], index: int) -> str:
    """The word before ``words[index]``, adverbs ("also", "not") skipped."""
    index -= 1
    while index >= 0 and words[index] in SKIPPED:
        index -= 1
    return words[index] if index >= 0 else ""


def _is_past_form(word: str) -> bool:
    return word in IRREGULAR_PAST or (word.endswith("ed") and len(word) > 3
                                      and word not in NOT_PAST)


def _cue_at(words: list[str], index: int) -> Cue | None:
    """What ``words[index]`` says about time, read with the words before it."""
    word = words[index]
    after = words[index + 1] if index + 1 < len(words) else ""
    before = _before_skipping(words, index)
    if word.endswith(("'ll", "’ll")) or word in FUTURE_WORDS or (word, after) in FUTURE_PAIRS:
        return Cue("ahead", f"scheduled: '{word}'", word)
    if word in MODALS:
        return Cue("ahead", None, word)
    if word == "to" and before.startswith(INTENT_STEMS):
        return Cue("ahead", f"scheduled: '{before} to {after}'", word)
    if before in SUBJECT_PRONOUNS and word.endswith("s") and not word.endswith("ss") and \
            word not in NOT_PRESENT:
        return Cue("ahead", f"scheduled: '{word}'", word)
    if word.endswith("ing") and before in PROGRESSIVE:
        return Cue("today", f"happening: '{before} {word}'", word)
    if word.endswith("ing") and before in ("was", "were"):
        return Cue("behind", f"happened: '{before} {word}'", word)
    if _is_past_form(word):
        if before in PASSIVE_AUXILIARIES or before in COPULA or before in MODALS:
            return None  # a passive: its auxiliary, further back, decides
        if before in PERFECT:
            return Cue("behind", f"happened: '{before} {word}'", word)
        return Cue("behind", f"happened: '{word}'", word)
    if word in PAST_WORDS:
        return Cue("behind", f"happened: '{word}'", word)
    if word in SCHEDULE_VERBS:
        return Cue("ahead", f"scheduled: '{word}'", word)
    if word in COPULA:
        return Cue("ahead", None, word)
    return None


def _nearest_cue(left: str, right: str) -> Cue | None:
    """The cue nearest the date: leftwards first (the verb governing it), then rightwards."""
    before = _words(left)
    for index in range(len(before) - 1, -1, -1):
        if cue := _cue_at(before, index):
            return cue
    words = before + _words(right)
    for index in range(len(before), len(words)):
        if cue := _cue_at(words, index):
            return cue
    return None


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around text[start:end], read at most WINDOW characters away:
    up to a semicolon, colon or dash."""
    low, high = max(0, start - WINDOW), min(len(text), end + WINDOW)
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, low, start)]
    after = CLAUSE_BREAK.search(text, end, high)
    return (breaks[-1] if breaks else low), (after.start() if after else high)


def tense_cue(text: str, start: int, end: int) -> Cue | None:
    """The verbs of the clause around a date: those of its comma-bounded part first, then of the
    whole clause. With no verb, "from Monday" looks ahead; an opinion ("think", "fear") about
    the date makes it no event."""
    low, high = _clause(text, start, end)
    comma_low = text.rfind(",", low, start) + 1 or low
    comma_high = text.find(",", end, high)
    comma_high = high if comma_high < 0 else comma_high
    cue = _nearest_cue(text[comma_low:start], text[end:comma_high]) or \
        _nearest_cue(text[low:start], text[end:high])
    lead = (_words(text[max(low, start - 12):start])[-1:] or [""])[0]
    if cue is None and (lead in STARTING or _words(text[start:end])[0] in STARTING):
        cue = Cue("ahead", "scheduled: 'from'", "from")
    if OPINION.intersection(_words(text[comma_low:start])):
        return Cue(cue.direction if cue else "", None, "think")
    return cue


def _is_caption_date(text: str, match: re.Match) -> bool:
    """"…, September 12, 2025." closing a sentence: a picture's caption."""
    full = (match.group("y1") and match.group("d1")) or (match.group("y2") and match.group("d2"))
    return bool(full) and text[max(0, match.start() - 2):match.start()] == ", " and \
        len(text) - match.end() < 4 and not text[match.end():].strip(" .)\"”’")


def sentence_not_event_because(sentence: str) -> str | None:
    """Why no date in this sentence dates an event (a credit, a stamp, a teaser, a question),
    or None. Read once per sentence, whatever the number of dates in it."""
    if CREDIT.search(sentence):
        return "caption"
    if STAMP_SENTENCE.search(sentence):
        return "published or updated stamp"
    if TEASER.match(sentence) or sentence.rstrip("\"”’) ").endswith("?") or (
            sentence.rstrip().endswith(":") and len(sentence.split()) <= TEASER_MAX_WORDS):
        return "teaser or question"
    return None


def not_event_because(sentence: str, match: re.Match, cue: Cue | None) -> str | None:
    """Why one date of a sentence does not date an event, or None when it does."""
    if _is_caption_date(sentence, match):
        return "caption"
    if is_period_start(match):
        return "a period, not a date"
    if is_month_as_adjective(sentence, match):
        return "a month name, not a date"
    if cue is None:
        return "no verb that dates it"
    if cue.event is None:
        vague = match.group("rel") or match.group("y4") or match.group("m3")
        if cue.word in MODALS:
            return "speculation"
        if cue.word == "think":
            return "opinion"
        if cue.word in COPULA:  # "is on Friday", "is pencilled in for April"; "is … this year"
            return "comment on a period" if match.group("rel") else None
        return "comment on a period" if vague else "no verb that dates it"
    if match.group("rel") and cue.event.startswith("happened: 'ha"):
        return "comment on a period"  # "has been a hard year this year"
    return None


def _because(cue: Cue | None) -> str:
    return cue.event if cue and cue.event else f"scheduled: '{cue.word if cue else ''}'"


def _stamp_date(paragraph: SourceParagraph, reference: dt.date) -> dt.date | None:
    """The date of a dateline ("BUSAN, Oct 30 (Reuters) -") or a "published at …" stamp, which
    the relative dates after it are read against; "updated" stamps are not when it was written."""
    text = paragraph.text
    head = text[:120]
    for match in EXPRESSION.finditer(head):
        if not (match.group("d1") or match.group("d2")):
            continue
        dateline = DATELINE_HEAD.match(head[:match.start()]) and \
            DATELINE_TAIL.match(head[match.end():])
        stamp = len(text.split()) <= STAMP_MAX_WORDS and (
            STAMP_WORDS.search(text) or "stamp" in (paragraph.removed_because or "")) \
            and not re.search(r"\b(?:updated|modified|edited)\b", text, re.IGNORECASE)
        if dateline or stamp:
            when = resolve(match, reference, "")
            return dt.date.fromisoformat(when) if when else None
        return None
    return None


def _dated_paragraphs(paragraphs: Iterable[SourceParagraph], written: dt.date
                      ) -> Iterator[tuple[SourceParagraph, dt.date]]:
    """Each kept paragraph with the date its relative dates are read against."""
    reference = written
    for paragraph in paragraphs:
        reference = _stamp_date(paragraph, written) or reference
        if paragraph.kept and not paragraph.heading:
            yield paragraph, reference


def _month_named_as_plan(text: str, match: re.Match) -> Cue | None:
    """A bare month as a verb's object ("floated April for the trip", "chose March") is a date
    proposed for something to come, whatever the verb's tense."""
    if not match.group("m3") or match.group("pre") or match.group("y3"):
        return None
    before = _words(text[max(0, match.start() - 30):match.start()])[-1:]
    if before and (_is_past_form(before[0]) or before[0] in SCHEDULE_VERBS):
        return Cue("ahead", f"scheduled: '{before[0]} {match.group()}'", before[0])
    return None


def _is_dateline(paragraph_start: bool, text: str, match: re.Match) -> bool:
    return paragraph_start and match.start() < 80 and \
        bool(DATELINE_HEAD.match(text[:match.start()])) and \
        bool(DATELINE_TAIL.match(text[match.end():match.end() + 50]))


def _anchor_after(mention: Mention, anchor: dt.date | None) -> dt.date | None:
    """The last day the text named, for "the next day": a stamp's or caption's day is not one."""
    if len(mention.when) == 10 and mention.dropped not in NOT_ANCHORS:
        return dt.date.fromisoformat(mention.when)
    return anchor


def _sentence_mentions(sentence: Sentence, paragraph_start: bool, reference: dt.date,
                       anchor: dt.date | None) -> Iterator[Mention]:
    text = sentence.text
    dropped_sentence = None
    previous_end = -1
    for number, match in enumerate(EXPRESSION.finditer(text)):
        if number == 0:
            dropped_sentence = sentence_not_event_because(text)
        in_range = previous_end >= 0 and bool(RANGE_JOIN.match(text[previous_end:match.start()]))
        previous_end = match.end()
        cue = _month_named_as_plan(text, match) or tense_cue(text, match.start(), match.end())
        when = resolve(match, reference, cue.direction if cue else "", anchor)
        if not when:
            continue
        dropped = dropped_sentence or ("dateline" if _is_dateline(paragraph_start, text, match)
                                       else None) or \
            ("the end of a range" if in_range else None) or not_event_because(text, match, cue)
        mention = Mention(sentence, match, when, dropped, _because(cue))
        anchor = _anchor_after(mention, anchor)
        yield mention


def date_mentions(paragraphs: Iterable[SourceParagraph], written: str | None
                  ) -> Iterator[Mention]:
    """Every date in a source's kept sentences, in text order, with why it is or is not an
    event. "The next day" is read from the last day named before it."""
    if not written:
        return
    anchor: dt.date | None = None
    for paragraph, reference in _dated_paragraphs(paragraphs, dt.date.fromisoformat(written)):
        for sentence in sentences(paragraph):
            if len(sentence.text.split()) < MIN_WORDS:
                continue
            for mention in _sentence_mentions(sentence, sentence.start < 3, reference, anchor):
                anchor = _anchor_after(mention, anchor)
                yield mention


def find_events(paragraphs: Iterable[SourceParagraph], written: str | None) -> list[DatedEvent]:
    """The events of one source in text order: every date of a sentence that dates an event
    (a sentence naming two events gives two), each date once per sentence."""
    events: list[DatedEvent] = []
    seen: set[tuple[int, int, str]] = set()
    for mention in date_mentions(paragraphs, written):
        key = (mention.sentence.line, mention.sentence.start, mention.when)
        if mention.dropped or key in seen:
            continue
        seen.add(key)
        events.append(DatedEvent(mention.when, mention.match.group(), mention.sentence,
                                 mention.because, mention.match.start()))
    return events


def _full_date(match: re.Match) -> str | None:
    year = match.group("y1") or match.group("y2")
    if not (year and (match.group("d1") or match.group("d2"))):
        return None
    return resolve(match, dt.date(int(year), 1, 1), False)


def stated_date(paragraphs: Iterable[SourceParagraph]) -> tuple[str, int] | None:
    """The first full date (with its year) of a stamp, a dateline or a line above the article,
    and its line: the best guess of when an undated source was written. Dates in the article's
    sentences are what it reports ("until Nov. 10, 2026"), not when it was written."""
    for paragraph in paragraphs:
        short = len(paragraph.text.split()) <= STAMP_MAX_WORDS
        for match in EXPRESSION.finditer(paragraph.text):
            if not (short or not paragraph.kept or paragraph.heading or
                    _is_dateline(True, paragraph.text, match) or
                    STAMP_SENTENCE.search(paragraph.text, max(0, match.start() - 60), match.start())):
                continue
            if when := _full_date(match):
                return when, paragraph.line
    return None
