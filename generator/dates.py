"""Stage 4d: dates. Find the events a source reports, each with the date it speaks of, so a
timeline can order events from many sources.

An event is a sentence that says something happened or is to happen on a date: a meeting, an
announcement, a tariff taking effect. Captions, published and updated stamps, teasers, questions,
speculation ("could", "might") and comments on a period ("has been a hard year") are not events.

Relative dates ("on Monday", "this month", "in April", "two days ago", "a week ago today")
resolve against the article's own date, or against the last dateline or "published at …" stamp
above them (a live blog's posts); "the next day", "two days later", "the following Monday" against
the last day the text named, and a bare weekday beside a day weeks away against that day's week.
Days may be written out ("November tenth", "on the tenth"). A source with no date of its own is
read against the date its text gives (a stamp; a weekday and day-month at its top; a dateline
with the copyright's year), or, when the text only bounds it, against the last day it reports as
past, leaving out the dates that need the very day.

The verbs of the clause around a date decide its direction: "will meet", "set for",
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
from functools import lru_cache

from generator.segment import SPANS_REMEMBERED, sentences, split_sentences
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
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                 "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth")
# "tenth", "twenty-first", "10th": a day of the month written as an ordinal.
ORDINAL = r"(?:(?:twenty|thirty)[- ]?(?:" + "|".join(ORDINAL_WORDS[:9]) + r")|thirtieth|" + \
    "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r"|[0-3]?\d(?:st|nd|rd|th))(?![\w-])"
COUNT = rf"(?:\d{{1,2}}|{'|'.join(NUMBER_WORDS)})"
WEEKDAY = rf"(?-i:{'|'.join(w.capitalize() for w in WEEKDAYS)})"
# After "on the tenth": the end of the phrase, not a noun it qualifies ("the tenth round").
ORDINAL_END = r"(?!\s{1,3}(?!(?:and|or|to|when|at|in|as|with|for|until|before|after|but|of\s" \
    r"(?:the|this|next)\smonth)\b)[a-z])"
# How a date expression can start (a digit, or the first letters of its first word: "the",
# "in", "January", "Monday", "two", "yesterday"...): every other word is passed over at once
# instead of being tried against each alternative. A shortcut only: it decides no match.
# The commonest words are let through only with the letters a match needs after them: a number,
# "a", "one" or "two" a unit or a month ("two days ago", "5 May"), "the" an ordinal or next,
# same, end, last... ("the next day"), a preposition what its branches take (a month, a year, a
# weekday, a part, "the": "in early May", "since Monday"), "on" "the" ("on the tenth").
# Each alternative opens with a case-sensitive class of its first letter's cases: the regex
# engine passes over an alternative that opens with a class at a glance where the class fails,
# but enters every one that opens with an ignore-case letter (issue 13).
AFTER_SPACE = r"[ \t\u00a0]{1,3}"
MONTH_LETTER, DAY_LETTER = r"(?-i:[ADFJMNOS])", r"(?-i:[ADFJMNOSTW])"
# The letters outside ASCII that ignore-case matching takes for an ASCII one.
IGNORECASE_EXTRAS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


def cases(letters: str, more: str = "") -> str:
    """A case-sensitive class of every character ignore-case matching takes for the letters,
    and ``more`` (class syntax)."""
    return "(?-i:[" + more + "".join(f"{c}{c.upper()}{IGNORECASE_EXTRAS.get(c, '')}"
                                     for c in letters) + "])"


def _by_first_letter(words: Iterable[tuple[str, str]]) -> str:
    """Alternatives for words (each with the pattern that must follow it), gathered under their
    first letter as a class of its cases: at a word the engine enters the one branch of its
    first letter, where one alternative per word would be tried in turn."""
    tails: dict[str, list[str]] = {}
    for word, after in words:
        tails.setdefault(word[0], []).append(word[1:] + after)
    return "|".join(cases(letter) + "(?:" + "|".join(branch) + ")"
                    for letter, branch in tails.items())


def _each(words: str, after: str = "") -> list[tuple[str, str]]:
    return [(word, after) for word in words.split("|")]


FIRST_LETTERS = "(?=" + cases("abdefijlmnostuwy", r"\d") + ")(?=" + \
    r"\d\d?(?:st|nd|rd|th)?" + AFTER_SPACE + "(?:[dwmyo]|" + MONTH_LETTER + ")|" + \
    "(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)|" + \
    _by_first_letter([
        *_each("a|one|two", AFTER_SPACE + "[dwmy]"),
        *_each("the", AFTER_SPACE + r"(?:\d|t[whe]|f[io]|s[eia]|e[iln]|n[ie]|pr|la)"),
        *_each("in|of|by", AFTER_SPACE + r"(?:[elmt\d]|" + MONTH_LETTER + ")"),
        *_each("for|around|through", AFTER_SPACE + "(?:[elmt]|" + MONTH_LETTER + ")"),
        *_each("from|after|before|until|since|during|starting",
               AFTER_SPACE + r"(?:[elmt\d]|" + DAY_LETTER + ")"),
        *_each("last|next|this", AFTER_SPACE + "(?:[aelmntwy]|" + DAY_LETTER + ")"),
        *_each("on", AFTER_SPACE + r"the[ \t\u00a0]"),
        *_each("thir|thr|fou|twe|six|lat|nin|earl|ei|el|mid|sec|sev|ten|tod|tom|toni|yes|fir"
               "|fif|fiv")]) + ")"
EXPRESSION = re.compile(
    rf"\b{FIRST_LETTERS}(?:(?:{DAY.format('d1')}{SPACE}(?:of{SPACE})?"
    rf"|(?:the{SPACE})?(?P<o1>{ORDINAL}){SPACE}of{SPACE}){MONTH.format('m1')}"
    rf"(?:,?{SPACE}{YEAR.format('y1')})?"
    rf"|{MONTH.format('m2')}{SPACE}(?:{DAY.format('d2')}(?![\d:.]\d)|(?:the{SPACE})?"
    rf"(?P<o2>{ORDINAL}))(?:,?{SPACE}{YEAR.format('y2')})?"
    rf"|(?:(?P<pre>in|by|from|until|through|since|of|for|before|after|during|around|last|next"
    rf"|this|early|late|mid-?){SPACE}{PART})?{MONTH.format('m3')}(?!\.?{SPACE}[0-3]?\d\b)"
    rf"(?:,?{SPACE}{YEAR.format('y3')})?"
    rf"|(?P<ypre>in|by|from|until|before|after|during|since|of|early|late|mid-?)"
    rf"{SPACE}{PART}{YEAR.format('y4')}"
    rf"|(?P<nth>(?:on|by|from|until|before|after|starting){SPACE}the{SPACE}(?P<nd>{ORDINAL})"
    rf"{ORDINAL_END})"
    rf"|(?P<ago>(?P<count>{COUNT}){SPACE}(?P<unit>day|week|month|year)s?{SPACE}ago"
    rf"(?:{SPACE}(?P<agoday>today|tonight|yesterday|(?:on{SPACE})?{WEEKDAY}))?)"
    rf"|(?P<hence>(?P<hcount>{COUNT}){SPACE}(?P<hunit>day|week)s?{SPACE}from{SPACE}"
    rf"(?P<hfrom>today|tomorrow|now|{WEEKDAY}))"
    rf"|(?P<anchor>the{SPACE}(?:next|following|same|previous|preceding){SPACE}day"
    rf"|(?P<acount>{COUNT}){SPACE}(?P<aunit>day|week)s?{SPACE}(?P<adir>later|earlier|after"
    rf"|before)"
    rf"|the{SPACE}(?P<awhich>following|next|previous|preceding){SPACE}(?P<awd>{WEEKDAY})"
    rf"|the{SPACE}(?P<aweekwhich>following|previous|preceding){SPACE}(?P<aweek>week))"
    rf"|(?:(?P<wpre>last|next|this|since|from|starting){SPACE})?(?P<wd>{WEEKDAY})"
    rf"|(?P<end>the{SPACE}end{SPACE}of{SPACE}(?P<endwhich>the|this|next|last){SPACE}"
    rf"(?P<endunit>month|year))"
    rf"|(?P<quarter>the{SPACE}(?P<qn>{'|'.join(QUARTERS)}|final|last){SPACE}quarter"
    rf"(?:{SPACE}of{SPACE}{YEAR.format('qy')})?)"
    rf"|(?P<rel>today|yesterday|tomorrow|tonight|last night"
    rf"|this (?:morning|afternoon|evening)"
    rf"|(?:earlier |later )?this (?:week|month|year)|last (?:week|month|year)"
    rf"|next (?:week|month|year)))\b",
    re.IGNORECASE)
# What every month name starts with, case and all, and every year: cheap tests before reading
# the dates that need one.
MONTH_NAME = re.compile("|".join(dict.fromkeys(m.capitalize()[:3] for m in MONTHS)))
YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
# What every match of EXPRESSION holds: a digit, a month name (MONTH_NAME), or in any case one
# of these words (weekdays, "today" and "yesterday" end in "day"; "tonight" and "last night" hold
# "night"; "on the tenth" an ordinal). A text with none is passed over unread (issue 13).
DATE_WORDS = ("day", "week", "month", "year", "quarter", "tomorrow", "night", "morning",
              "afternoon", "evening", "thirtieth") + ORDINAL_WORDS
DIGIT = re.compile(r"\d")
RANGE_JOIN = re.compile(r"^\s{0,2}(?:and|or|to|through|-|–|—)\s{0,2}$", re.IGNORECASE)
DETERMINERS = frozenset("the a an this that its their his her our every each".split())
OPINION = frozenset("""think thinks thought believe believes fear fears doubt doubts reckon
    reckons predict predicts bet bets guess suspect suspects""".split())
# Nouns that judge a period: "the lesson of 2025", "the story of the year".
COMMENT_NOUNS = frozenset("""lesson lessons story moral legacy takeaway takeaways meaning verdict
    hallmark theme themes symbol mood spirit truth reality irony paradox surprise tale trend
    trends word chaos""".split())
PERIOD_WORDS = r"(?:year|month|summer|winter|spring|autumn|season|time|moment|decade)"
PERIOD_JUDGED_AFTER = re.compile(
    r",?[ \t]{1,3}(?:(?:is|was|has[ \t]been|had[ \t]been|will[ \t]be|became|remains)[ \t]{1,3})?"
    rf"(?:the|a|an)[ \t]{{1,3}}(?:[a-z-]{{1,20}}[ \t]{{1,3}}){{0,2}}{PERIOD_WORDS}"
    r"[ \t]{1,3}(?:of|that|when|in[ \t]which|for)\b")
NAMED_DAY = re.compile(r"\b(?:Super|Black|Good|Cyber|Holy|Ash|Palm|Easter|Bloody|Giving|Maundy)"
                       r"[ -]$")
ADJECTIVE_ENDINGS = ("able", "ible", "ful", "ous", "ive", "ent", "ant", "ic", "al", "less",
                     "better", "brighter", "greener", "safer", "fairer")
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
# After a plural subject ("the tariffs take effect", "they meet"), the present looks ahead.
PLURAL_SCHEDULE_VERBS = frozenset("""open begin start end run arrive depart travel head meet host
    visit convene resume expire lapse kick take come fly return wrap""".split())
PLURAL_SUBJECTS = frozenset({"they", "both", "who", "which"})
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
PAST_COPULA = frozenset({"was", "were"})
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
VERB_PREFIXES = ("re", "co", "pre", "hand", "fast", "double", "cross", "over", "under", "out",
                 "mis", "de", "un", "back", "up")
SKIPPED = frozenset("""not also already then just still only never yet again reportedly
    formally officially now finally first later""".split()) - FUTURE_WORDS
# The words and endings every test of a word's cue (``_cue_at``) needs one of.
CUE_WORDS = FUTURE_WORDS | {pair[0] for pair in FUTURE_PAIRS} | MODALS | {"to"} | \
    IRREGULAR_PAST | PAST_WORDS | SCHEDULE_VERBS | PLURAL_SCHEDULE_VERBS | COPULA
CUE_ENDINGS = ("'ll", "’ll", "s", "ing", "ed")
STAMP_WORDS = re.compile(r"\b(?:published|posted|updated|modified|first published|last edited)"
                         r"\b", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)([/.-])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)"
                          r"(?![\d/.-]\d)")
STAMP_SENTENCE = re.compile(r"^\W{0,3}(?:(?:first|last) )?(?:published|posted|updated|modified)\b"
                            r"|\b(?:this|the) (?:article|story|page|post|blog) (?:was|has been|is) "
                            r"(?:first )?(?:published|posted|updated)\b|\blast updated\b",
                            re.IGNORECASE)
TEASER = re.compile(r"^\W{0,3}(?:(?:read|watch|listen|related|see also|more on|coming up|live|"
                    r"explainer|analysis|opinion)\b[^.:]{0,40}:|(?:sign up|subscribe|click)\b)",
                    re.IGNORECASE)
CREDIT = re.compile(r"\b(?:photograph|photo|picture|image|file photo|getty|afp|ap photo)\b\s*"
                    r"[:/)\]]", re.IGNORECASE)
CREDIT_MARK = re.compile(r"[:/)\]]")  # what ends a credit: its patterns need one
STAMP_VERBS = ("publish", "posted", "updated", "modified")  # every stamp sentence has one
# Letters the case-blind patterns take for "i" and "s" that lower() leaves as they are.
CASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
DATELINE_HEAD = re.compile(r"^[A-Z][\w.'’-]{0,30}(?:[ ,]{1,2}[A-Z][\w.'’-]{0,30}){0,4},?\s*$")
DATELINE_MARK = re.compile(r"[-–—:]")  # a dateline's tail ends with one of these
UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
DATELINE_TAIL = re.compile(r"^[ ,]{0,3}(?:\([^()]{1,40}\)\s{0,3})?[-–—:]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{0,40}")
CLAUSE_BREAK = re.compile(r"[;:—–]|\s-\s")
MIN_WORDS = 6
REFERENCE_WEEK_DAYS = 14  # a bare weekday this far from a day named beside it is in that day's week
NEAR_DAYS = 90  # a day and month this close to the article's date is that one, whatever the tense
WINDOW = 120  # characters either side of a date that its clause's verbs are read from
STAMP_MAX_WORDS = 16
TEASER_MAX_WORDS = 15  # "Here is what we know about Thursday's talks:" introduces, reports nothing


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


NEAREST_AHEAD = 3  # days ahead a weekday named as an event's ("Thursday's vote") may be


def _weekday_from(weekday: int, prefix: str, day: dt.date, direction: str) -> dt.date:
    ahead = (weekday - day.weekday()) % 7
    behind = (day.weekday() - weekday) % 7
    if prefix == "last":
        shift = -(behind or 7)
    elif prefix == "next":
        shift = ahead or 7
    elif prefix == "this" or direction in ("ahead", "today"):
        shift = ahead
    elif direction == "nearest":
        shift = ahead if ahead <= NEAREST_AHEAD else -behind
    else:
        shift = -behind
    return day + dt.timedelta(days=shift)


def _in_another_week(day: dt.date, nearby: dt.date, written: dt.date) -> bool:
    """A bare weekday beside a day weeks away from the article's date, on the same side of it
    ("met in Geneva on 3 March and signed on Wednesday"), is in that day's week."""
    return abs((day - nearby).days) > REFERENCE_WEEK_DAYS and \
        (day >= written) == (nearby >= written)


def _weekday(name: str, prefix: str, written: dt.date, direction: str,
             nearby: dt.date | None = None) -> str:
    weekday = WEEKDAYS.index(name.casefold())
    day = _weekday_from(weekday, prefix, written, direction)
    if nearby and not prefix and _in_another_week(day, nearby, written):
        day = nearby + dt.timedelta(days=(weekday - nearby.weekday()) % 7)
    return day.isoformat()


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS.index(word.casefold()) or 1


def _ordinal(word: str) -> int:
    """"10th", "tenth", "twenty-first": the number of a day."""
    word = word.casefold()
    if word[:1].isdigit():
        return int(re.match(r"\d+", word).group())
    tens = {"twenty": 20, "thirty": 30}.get(word[:6].rstrip("-"), 0)
    if word in ("twentieth", "thirtieth"):
        return 20 if word == "twentieth" else 30
    rest = word[6:].lstrip("- ") if tens else word
    return tens + ORDINAL_WORDS.index(rest) + 1


def _day_of_month(match: re.Match) -> int:
    """The day a month-and-day date names ("30 October", "October the tenth"), 0 when it names
    none ("October 0")."""
    ordinal = match.group("o1") or match.group("o2")
    return int(match.group("d1") or match.group("d2") or 0) or \
        (_ordinal(ordinal) if ordinal else 0)


def _named_day(word: str, written: dt.date, direction: str) -> dt.date:
    """"today", "yesterday", "Thursday": the day a count of days or weeks is counted from."""
    word = word.casefold().split()[-1]
    if word in ("yesterday", "tomorrow"):
        return written + dt.timedelta(days=-1 if word == "yesterday" else 1)
    if word in WEEKDAYS:
        return _weekday_from(WEEKDAYS.index(word), "", written, direction)
    return written


def _ordinal_day(number: int, base: dt.date, direction: str) -> str | None:
    """"On the tenth": that day of the month of the date it is read from, or of the month
    before or after, on the side the tense points to (the nearest, with no direction)."""
    options = []
    for step in (-1, 0, 1):
        index = base.year * 12 + base.month - 1 + step
        try:
            options.append(dt.date(index // 12, index % 12 + 1, number))
        except ValueError:
            continue
    if direction in ("ahead", "today"):
        options = [d for d in options if d >= base] or options
    elif direction == "behind":
        options = [d for d in options if d <= base] or options
    return min(options, key=lambda d: abs((d - base).days)).isoformat() if options else None


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


def _ago(count: str, unit: str, written: dt.date, since: str | None = None) -> str | None:
    """"Two days ago", "a week ago today": a day; "three weeks ago" has the precision of a week
    (its month), "two months ago" of a month."""
    number = _count(count)
    if unit in ("day", "week"):
        base = _named_day(since, written, "behind") if since else written
        day = base - dt.timedelta(days=number * (7 if unit == "week" else 1))
        return day.isoformat() if unit == "day" or since else f"{day:%Y-%m}"
    if unit == "month":
        return _shift_month(written, -number)
    return str(written.year - number)


def _hence(count: str, unit: str, start: str, written: dt.date) -> str:
    """"A week from Thursday", "two days from today"; "two weeks from now" is a week's month."""
    day = _named_day(start, written, "ahead") + \
        dt.timedelta(days=_count(count) * (7 if unit == "week" else 1))
    return f"{day:%Y-%m}" if unit == "week" and start.casefold() == "now" else day.isoformat()


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


@dataclass(frozen=True, slots=True)
class Anchors:
    """The days the text named before a date: the last of all ("the next day"), the last of
    this sentence or the one before (a bare weekday's week), the last of this sentence ("a day
    after they met")."""

    last: dt.date | None = None
    nearby: dt.date | None = None
    sentence: dt.date | None = None


def _step_from(match: re.Match, anchors: Anchors) -> str | None:
    """"Two days later", "a week earlier" from the last day named; "a day after" a clause
    ("…on Friday, a day after they agreed") is the clause's day, before this sentence's date."""
    days = _count(match.group("acount")) * (7 if match.group("aunit").casefold() == "week" else 1)
    way = match.group("adir").casefold()
    governs_clause = bool(re.match(r"[ \t]{1,3}[A-Za-z]", match.string[match.end():]))
    if way in ("after", "before") and governs_clause:
        base, sign = anchors.sentence, (-1 if way == "after" else 1)
    else:
        base, sign = anchors.last, (1 if way in ("later", "after") else -1)
    return (base + dt.timedelta(days=sign * days)).isoformat() if base else None


def _anchored(match: re.Match, anchors: Anchors, written: dt.date) -> str | None:
    """"the next day", "two days later", "the following Monday": from the last day the text
    named (a weekday, with none named, from the article's date)."""
    if match.group("acount"):
        return _step_from(match, anchors)
    forward = (match.group("awhich") or match.group("aweekwhich") or "").casefold() in \
        ("following", "next")
    if match.group("awd"):
        base = anchors.last or written
        weekday = WEEKDAYS.index(match.group("awd").casefold())
        return _weekday_from(weekday, "next" if forward else "last", base, "").isoformat()
    if anchors.last is None:
        return None
    if match.group("aweek"):
        return f"{anchors.last + dt.timedelta(days=7 if forward else -7):%Y-%m}"
    phrase = " ".join(match.group("anchor").casefold().split())
    step = 1 if phrase.endswith(("next day", "following day")) else \
        -1 if phrase.endswith(("previous day", "preceding day")) else 0
    return (anchors.last + dt.timedelta(days=step)).isoformat()


def resolve(match: re.Match, written: dt.date, direction: str | bool,
            anchor: dt.date | Anchors | None = None) -> str | None:
    """The date an expression means, read from an article written on ``written`` and looking
    ``direction`` ("ahead", "behind", "today"; True and False for ahead and behind); ``anchor``
    is the last day the text named, for "the next day" (or all the days ``Anchors`` holds)."""
    if isinstance(direction, bool):
        direction = "ahead" if direction else "behind"
    anchors = anchor if isinstance(anchor, Anchors) else Anchors(anchor)
    groups = match  # read group by group (match[name]): groupdict() makes all forty of them
    if groups["anchor"]:
        return _anchored(match, anchors, written)
    if groups["nth"]:  # beside a day named, the nearest to it; else on the tense's side
        return _ordinal_day(_ordinal(groups["nd"]), anchors.nearby or written,
                            "" if anchors.nearby else direction)
    if groups["hence"]:
        return _hence(groups["hcount"], groups["hunit"].casefold(), groups["hfrom"], written)
    if groups["end"]:
        return _end_of(groups["endwhich"].casefold(), groups["endunit"].casefold(), written)
    if groups["quarter"]:
        return _quarter(groups["qn"].casefold(), groups["qy"], written, direction)
    if groups["wd"]:
        if not groups["wpre"] and match.string.startswith(("'s ", "’s "), match.end()):
            direction = "nearest"  # "Thursday's court meeting": the day, whatever the verb
        return _weekday(groups["wd"], (groups["wpre"] or "").casefold(), written, direction,
                        anchors.nearby)
    if groups["rel"]:
        return _relative(" ".join(groups["rel"].casefold().split()), written)
    if groups["ago"]:
        return _ago(groups["count"], groups["unit"].casefold(), written, groups["agoday"])
    if groups["y4"]:
        return groups["y4"]
    for day_key, word_key, month_key, year_key in (("d1", "o1", "m1", "y1"),
                                                   ("d2", "o2", "m2", "y2")):
        if groups[month_key]:
            month = MONTHS[groups[month_key].casefold().rstrip(".")]
            day = int(groups[day_key]) if groups[day_key] else _ordinal(groups[word_key])
            return _day_month(day, month, groups[year_key], written, direction)
    month = MONTHS[groups["m3"].casefold().rstrip(".")]
    prefix = (groups["pre"] or "").casefold()
    if groups["y3"]:
        return f"{int(groups['y3']):04d}-{month:02d}"
    if prefix in ("last", "next"):
        direction = "ahead" if prefix == "next" else "behind"
        if month == written.month:
            return f"{written.year + (1 if prefix == 'next' else -1):04d}-{month:02d}"
    if prefix == "for" and direction == "behind" and \
            0 < (month - written.month) % 12 <= SCHEDULED_MONTHS:
        direction = "ahead"  # "have booked cargoes for December shipment" in November
    return f"{_year_for(month, written, direction):04d}-{month:02d}"


SCHEDULED_MONTHS = 2
"""A month something is "for" this soon after the article is a schedule, whatever the tense of
the verb that books it; further ahead, a past tense tells of the past ("exports for June fell"
in January)."""


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


def is_day_word_as_noun(text: str, match: re.Match) -> bool:
    """"A sustainable tomorrow", "the today": a day word a determiner makes a noun."""
    if (match.group("rel") or "").casefold() not in ("today", "tomorrow", "yesterday"):
        return False
    before = _words(text[max(0, match.start() - 30):match.start()])[-2:]
    return bool(before) and (before[-1] in ("a", "an", "the") or (
        len(before) == 2 and before[0] in DETERMINERS and before[1].endswith(ADJECTIVE_ENDINGS)))


def is_named_day(text: str, match: re.Match) -> bool:
    """"Super Tuesday", "Black Friday", "Good Friday": a named day, not a weekday's date."""
    return bool(match.group("wd")) and not match.group("wpre") and \
        bool(NAMED_DAY.search(text, max(0, match.start() - 8), match.start()))


def is_period_judged(text: str, match: re.Match) -> bool:
    """"The real lesson of 2025", "2025, a year of upheaval", "May was the month that…": a
    year or month without a day that an opinion characterises, rather than a date of something
    that happened in it."""
    if _has_day(match) or match.group("anchor") or match.group("wd"):
        return False
    words = _words(text[max(0, match.start() - 30):match.start()])
    if (match.group("pre") or match.group("ypre") or "").casefold() in ("of", "for"):
        words.append("of")
    if len(words) >= 2 and words[-1] in ("of", "for") and words[-2] in COMMENT_NOUNS:
        return True
    return bool(PERIOD_JUDGED_AFTER.match(text, match.end(), match.end() + 80))


def _holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether any of these lower-case words is in the text, in any case, as a case-blind
    pattern would find it: a cheap test before running one."""
    folded = (text if text.isascii() else text.translate(CASE_FOLD)).lower()
    return any(word in folded for word in words)


def may_hold_date(text: str) -> bool:
    """Whether EXPRESSION could match in the text (see DATE_WORDS): a cheap test, never wrong
    when it says no."""
    return bool(DIGIT.search(text) or MONTH_NAME.search(text)) or _holds_any(text, DATE_WORDS)


def _words(text: str) -> list[str]:
    if text.isascii():  # casefold is lower, and lower leaves WORD's words where they are
        return WORD.findall(text.lower())
    return [w.casefold() for w in WORD.findall(text)]


def _last_word(text: str) -> str:
    return (_words(text)[-1:] or [""])[0]


def _before_skipping(words: list[str], index: int) -> str:
    """The word before ``words[index]``, adverbs ("also", "not") skipped."""
    index -= 1
    while index >= 0 and words[index] in SKIPPED:
        index -= 1
    return words[index] if index >= 0 else ""


def _is_past_form(word: str) -> bool:
    """"met", "agreed", "re-elected"; not "fentanyl-related" or "state-owned", adjectives."""
    return word in IRREGULAR_PAST or (word.endswith("ed") and len(word) > 3 and word not in
                                      NOT_PAST and word.split("-")[0] in VERB_PREFIXES + (word,))


def _cue_at(words: list[str], index: int) -> Cue | None:
    """What ``words[index]`` says about time, read with the words before it."""
    word = words[index]
    if word not in CUE_WORDS and not word.endswith(CUE_ENDINGS):
        return None  # most words: none of the tests below can hold
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
    if word in PLURAL_SCHEDULE_VERBS and (before in PLURAL_SUBJECTS or (
            before.endswith("s") and not before.endswith(("ss", "'s", "’s")))):
        return Cue("ahead", f"scheduled: '{word}'", word)  # "the new tariffs take effect on Monday"
    if word in COPULA:
        return Cue("ahead", None, word)
    return None


def _nearest_cue(before: list[str], right: str) -> Cue | None:
    """The cue nearest the date: leftwards first (the verb governing it, among the words
    ``before`` it), then rightwards."""
    # _cue_at's first test, made here: most words fail it, and are passed over without a call
    for index in range(len(before) - 1, -1, -1):
        word = before[index]
        if (word in CUE_WORDS or word.endswith(CUE_ENDINGS)) and (cue := _cue_at(before, index)):
            return cue
    words = before + _words(right)
    for index in range(len(before), len(words)):
        word = words[index]
        if (word in CUE_WORDS or word.endswith(CUE_ENDINGS)) and (cue := _cue_at(words, index)):
            return cue
    return None


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around text[start:end], read at most WINDOW characters away:
    up to a semicolon, colon or dash."""
    low, high = max(0, start - WINDOW), min(len(text), end + WINDOW)
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, low, start)]
    after = CLAUSE_BREAK.search(text, end, high)
    return (breaks[-1] if breaks else low), (after.start() if after else high)


UNTIL = re.compile(r"\b(?:until|till)(?P<least>\s+at\s+(?:the\s+)?(?:least|earliest))?\s+$",
                   re.IGNORECASE)
UNTIL_REACH = 30  # characters before a date where its "until (at least)" is looked for
ASKING = frozenset("""asked asks urged urges told tells ordered orders advised advises warned
    warns instructed instructs requested requests called calls encouraged encourages""".split())
"""Verbs that ask for what is to last until a day ("asked residents to stay … until")."""


def _until_after_infinitive(text: str, start: int, before: list[str]) -> Cue | None:
    """"asked residents to stay off the roads until Wednesday", "not to return until at least
    Sunday": what is asked to last until a day, or is to last "at least" until it, lasts
    beyond the telling, so the day is ahead of it, whatever tense the telling is in ("forced
    to close the bridge until Monday", "dragged on until Sunday" stay behind)."""
    until = UNTIL.search(text, max(0, start - UNTIL_REACH), start)
    if not until:
        return None
    asked = False
    for word, after in zip(before, before[1:]):
        asked = asked or word in ASKING
        if word == "to" and after.isalpha() and after not in DETERMINERS and \
                (asked or until.group("least")):
            return Cue("ahead", f"scheduled: 'to {after} … until'", "until")
    return None


def tense_cue(text: str, start: int, end: int) -> Cue | None:
    """The verbs of the clause around a date: those of its comma-bounded part first, then of the
    whole clause. With no verb, "from Monday" looks ahead; an opinion ("think", "fear") about
    the date makes it no event."""
    low, high = _clause(text, start, end)
    comma_low = text.rfind(",", low, start) + 1 or low
    comma_high = text.find(",", end, high)
    comma_high = high if comma_high < 0 else comma_high
    before = _words(text[comma_low:start])
    cue = _until_after_infinitive(text, start, before) or \
        _nearest_cue(before, text[end:comma_high])
    if cue is None and (comma_low, comma_high) != (low, high):
        cue = _nearest_cue(_words(text[low:start]), text[end:high])
    if cue is None and (_last_word(text[max(low, start - 12):start]) in STARTING or
                        _words(text[start:end])[0] in STARTING):
        cue = Cue("ahead", "scheduled: 'from'", "from")
    if OPINION.intersection(before):
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
    if CREDIT_MARK.search(sentence) and CREDIT.search(sentence):
        return "caption"
    if _holds_any(sentence, STAMP_VERBS) and STAMP_SENTENCE.search(sentence):
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
    if is_day_word_as_noun(sentence, match) or is_named_day(sentence, match):
        return "a day word, not a date"
    if is_period_judged(sentence, match):
        return "comment on a period"
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
    if match.group("rel") and (cue.event.startswith("happened: 'ha") or cue.word in PAST_COPULA
                               and match.group("rel").casefold().endswith(("year", "month"))):
        return "comment on a period"  # "has been a hard year this year", "was like bathwater
        #                               this year", "This year was the hottest on record"
    return None


def _because(cue: Cue | None) -> str:
    return cue.event if cue and cue.event else f"scheduled: '{cue.word if cue else ''}'"


def _is_written_stamp(text: str, removed_as_stamp: bool) -> bool:
    """A short "published at …" line: when the text after it was written ("updated" is not)."""
    return len(text.split(None, STAMP_MAX_WORDS)) <= STAMP_MAX_WORDS and bool(
        STAMP_WORDS.search(text) or removed_as_stamp) and not UPDATED.search(text)


def _stamp_date(paragraph: SourceParagraph, reference: dt.date) -> dt.date | None:
    """The date of a dateline ("BUSAN, Oct 30 (Reuters) -") or a "published at …" stamp, which
    the relative dates after it are read against; "updated" stamps are not when it was written."""
    match = _stamp_match(paragraph.text, "stamp" in (paragraph.removed_because or ""))
    if match is None:
        return None
    when = resolve(match, reference, "")
    return dt.date.fromisoformat(when) if when else None


@lru_cache(maxsize=SPANS_REMEMBERED)
def _stamp_match(text: str, removed_as_stamp: bool) -> re.Match | None:
    """The date of a paragraph that opens with a dateline or is a "published at …" stamp, read
    once per text (every paragraph of every source is asked)."""
    if not MONTH_NAME.search(text, 0, 120):
        return None  # a date with its day names its month
    head = text[:120]
    stamp = _is_written_stamp(text, removed_as_stamp)
    if not (stamp or DATELINE_MARK.search(head)):
        return None
    for match in EXPRESSION.finditer(head):
        if not _has_day(match):
            continue
        dateline = DATELINE_HEAD.match(head[:match.start()]) and \
            DATELINE_TAIL.match(head[match.end():])
        return match if dateline or stamp else None
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


def _day_named(mention: Mention) -> dt.date | None:
    """The day a mention names, for the dates read from it: a stamp's or caption's is not one."""
    if len(mention.when) == 10 and mention.dropped not in NOT_ANCHORS:
        return dt.date.fromisoformat(mention.when)
    return None


def _needs_the_day_written(match: re.Match) -> bool:
    """A date only the article's own day resolves ("on Monday", "yesterday", "last month"):
    with that day only estimated, it is left out rather than guessed."""
    groups = {key: (value or "").casefold() for key, value in match.groupdict().items()}
    if groups["rel"]:
        return not groups["rel"].endswith("year")
    if groups["ago"]:
        return groups["unit"] != "year"
    return bool(groups["hence"] or groups["wd"] or groups["nth"] or groups["awd"]
                or groups["endunit"] == "month" or groups["pre"] in ("last", "next", "this"))


@dataclass(frozen=True, slots=True)
class Reading:
    """A date of a sentence as the sentence alone reads it; what day it means also depends on
    the day the sentence is read against and the days named before it."""

    match: re.Match
    cue: Cue | None
    because: str
    sentence_dropped: str | None  # why no date of this sentence dates an event
    dateline: bool  # placed as a dateline is, if its sentence opens a paragraph
    in_range: bool  # the end of a range: "from Monday to Wednesday"
    not_event: str | None  # not_event_because, when neither of the two above decides

    def dropped(self, paragraph_start: bool, estimated: bool) -> str | None:
        """Why the date dates no event, or None."""
        return self.sentence_dropped or ("dateline" if paragraph_start and self.dateline
                                         else None) or \
            ("the end of a range" if self.in_range else None) or self.not_event or \
            ("relative to an unknown date" if estimated and _needs_the_day_written(self.match)
             else None)


@lru_cache(maxsize=SPANS_REMEMBERED)
def readings(text: str) -> tuple[Reading, ...]:
    """The dates of a sentence, read once per text: wire copy and a live blog's repeated posts
    bring the same sentence to many sources."""
    if not may_hold_date(text):
        return ()
    found: list[Reading] = []
    dropped_sentence = None
    previous_end = -1
    for number, match in enumerate(EXPRESSION.finditer(text)):
        if number == 0:
            dropped_sentence = sentence_not_event_because(text)
        in_range = previous_end >= 0 and bool(RANGE_JOIN.match(text[previous_end:match.start()]))
        previous_end = match.end()
        cue = _month_named_as_plan(text, match) or tense_cue(text, match.start(), match.end())
        not_event = None if dropped_sentence or in_range else not_event_because(text, match, cue)
        found.append(Reading(match, cue, _because(cue), dropped_sentence,
                             _is_dateline(True, text, match), in_range, not_event))
    return tuple(found)


@lru_cache(maxsize=SPANS_REMEMBERED)
def _dated_sentences(text: str) -> tuple[tuple[int, int, tuple[Reading, ...]], ...]:
    """A paragraph's sentences long enough to report an event, each with its dates' readings."""
    if not may_hold_date(text):
        return ()
    return tuple((start, end, readings(text[start:end])) for start, end in split_sentences(text)
                 if len(text[start:end].split(None, MIN_WORDS)) >= MIN_WORDS)


def _sentence_mentions(sentence: Sentence, found: tuple[Reading, ...], paragraph_start: bool,
                       reference: dt.date, anchors: Anchors, estimated: bool = False
                       ) -> Iterator[Mention]:
    """The mentions of a sentence's dates (``found``: its readings) as days."""
    for reading in found:
        cue = reading.cue
        when = resolve(reading.match, reference, cue.direction if cue else "", anchors)
        if not when:
            continue
        mention = Mention(sentence, reading.match, when,
                          reading.dropped(paragraph_start, estimated), reading.because)
        if day := _day_named(mention):
            anchors = Anchors(day, day, day)
        yield mention


def date_mentions(paragraphs: Iterable[SourceParagraph], written: str | None
                  ) -> Iterator[Mention]:
    """Every date in a source's kept sentences, in text order, with why it is or is not an
    event. "The next day" is read from the last day named before it; a bare weekday beside a
    day weeks away, from that day's week. Without ``written``, the date the text gives itself
    (see ``written_estimate``); when that is only a lower bound, dates that need the very day
    ("yesterday", "on Monday") are left out."""
    paragraphs = tuple(paragraphs)
    estimate = Written(written, True) if written else written_estimate(paragraphs)
    if estimate is None:
        return
    last: dt.date | None = None
    for paragraph, reference in _dated_paragraphs(paragraphs, estimate.day):
        previous: dt.date | None = None
        for start, end, found in _dated_sentences(paragraph.text):
            here: dt.date | None = None
            if found:
                sentence = Sentence(paragraph.source_id, paragraph.line, start, end,
                                    paragraph.text[start:end])
                for mention in _sentence_mentions(sentence, found, start < 3, reference,
                                                  Anchors(last, previous, None),
                                                  not estimate.exact):
                    if day := _day_named(mention):
                        last = here = day
                    yield mention
            previous = here


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


def _has_day(match: re.Match) -> bool:
    return bool(match.group("d1") or match.group("d2") or match.group("o1") or match.group("o2"))


def _full_date(match: re.Match) -> str | None:
    year = match.group("y1") or match.group("y2")
    if not (year and _has_day(match)):
        return None
    return resolve(match, dt.date(int(year), 1, 1), False)


def _numeric_stamp(paragraph: SourceParagraph) -> tuple[int, str] | None:
    """"Posted : 2025/10/31 11:02": a year-first numeric date in a stamp, and where it is."""
    if not (STAMP_WORDS.search(paragraph.text) or "stamp" in (paragraph.removed_because or "")):
        return None
    match = NUMERIC_DATE.search(paragraph.text)
    if not match:
        return None
    try:
        day = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None
    return match.start(), day.isoformat()


def stated_date(paragraphs: Iterable[SourceParagraph]) -> tuple[str, int] | None:
    """The first full date (with its year) of a stamp, a dateline or a line above the article,
    and its line: the best guess of when an undated source was written. Dates in the article's
    sentences are what it reports ("until Nov. 10, 2026"), not when it was written."""
    for paragraph in paragraphs:
        short = len(paragraph.text.split(None, STAMP_MAX_WORDS)) <= STAMP_MAX_WORDS
        numeric = _numeric_stamp(paragraph)
        full_dates = EXPRESSION.finditer(paragraph.text) if MONTH_NAME.search(paragraph.text) \
            else ()
        for match in full_dates:
            if numeric and numeric[0] < match.start():
                break
            if not (_has_day(match) and (match.group("y1") or match.group("y2"))):
                continue
            if not (short or not paragraph.kept or paragraph.heading or
                    _is_dateline(True, paragraph.text, match) or
                    STAMP_SENTENCE.search(paragraph.text, max(0, match.start() - 60), match.start())):
                continue
            if when := _full_date(match):
                return when, paragraph.line
        if numeric:
            return numeric[1], paragraph.line
    return None


@dataclass(frozen=True)
class Written:
    """When a source was written, as its text gives it: the day, and whether the text states
    it (``exact``) or only bounds it from below (the last day it reports as past)."""

    date: str
    exact: bool

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.date)


@dataclass(frozen=True)
class TopDate:
    """A day and month without a year near the top of a source: a dateline, a stamp, a line
    of its own, or one a weekday names ("Friday, 7 November")."""

    day: int
    month: int
    weekday: int | None
    line: int


COPYRIGHT_SIGNS = "©ⓒⒸ"
"""The copyright sign, and the circled letter Korean and Japanese sites write for it."""
COPYRIGHT = re.compile(rf"(?:[{COPYRIGHT_SIGNS}]|\(c\)|\bcopyright\b)[ \t]{{0,3}}"
                       r"(?:(?:19|20)\d\d[ \t]{0,2}[-–][ \t]{0,2})?(?P<year>(?:19|20)\d\d)(?!\d)",
                       re.IGNORECASE)
WEEKDAY_BEFORE = re.compile(rf"(?P<wd>{WEEKDAY}),?{SPACE}(?:the{SPACE})?$")
DEADLINE_WORDS = frozenset({"until", "till", "through", "by", "to", "before"})
TOP_PARAGRAPHS = 8  # "near the top": a dateline, byline or stamp comes within these
DATE_LINE_WORDS = 6  # "World | Thursday, November 6": a line that is little more than a date


def _copyright_year(paragraphs: tuple[SourceParagraph, ...]) -> int | None:
    years = [int(m.group("year")) for p in paragraphs for m in COPYRIGHT.finditer(p.text)]
    return years[-1] if years else None


def _top_date(paragraphs: tuple[SourceParagraph, ...]) -> TopDate | None:
    """The first day and month without a year that dates the source itself, near its top."""
    for paragraph in paragraphs[:TOP_PARAGRAPHS]:
        text = paragraph.text
        if not MONTH_NAME.search(text, 0, 200):
            continue
        for match in EXPRESSION.finditer(text[:200]):
            if not _has_day(match) or match.group("y1") or match.group("y2"):
                continue
            named = WEEKDAY_BEFORE.search(text[max(0, match.start() - 14):match.start()])
            stamp = STAMP_WORDS.search(text) or "stamp" in (paragraph.removed_because or "")
            if named or stamp or _is_dateline(True, text, match) or \
                    len(text.split()) <= DATE_LINE_WORDS:
                month = MONTHS[(match.group("m1") or match.group("m2")).casefold().rstrip(".")]
                day = _day_of_month(match)
                weekday = WEEKDAYS.index(named.group("wd").casefold()) if named else None
                return TopDate(day, month, weekday, paragraph.line)
    return None


def _named_years(paragraphs: tuple[SourceParagraph, ...]) -> list[int]:
    """The years a source names, most often named first (the later first on a tie)."""
    counts: dict[int, int] = {}
    for paragraph in paragraphs:
        if not YEAR_DIGITS.search(paragraph.text):
            continue
        for match in EXPRESSION.finditer(paragraph.text):
            for key in ("y1", "y2", "y3", "y4", "qy"):
                if match.group(key):
                    counts[int(match.group(key))] = counts.get(int(match.group(key)), 0) + 1
    return sorted(counts, key=lambda year: (-counts[year], -year))


def _year_of_top_date(top: TopDate, stated: dt.date | None, copyright_year: int | None,
                      years: list[int]) -> dt.date | None:
    """The year a top day-month is in: the one its weekday falls on, near the years the
    source names; without a weekday, the latest at or before a later stamp, or the
    copyright's."""
    def day_in(year: int) -> dt.date | None:
        try:
            return dt.date(year, top.month, top.day)
        except ValueError:
            return None
    if top.weekday is not None:
        bases = ([stated.year] if stated else []) + ([copyright_year] if copyright_year else []) \
            + years
        for base in bases:
            for year in (base, base - 1, base + 1):
                day = day_in(year)
                if day and day.weekday() == top.weekday:
                    return day
        return None
    if stated:
        options = [d for d in (day_in(stated.year), day_in(stated.year - 1)) if d and d <= stated]
        return options[0] if options else None
    return day_in(copyright_year) if copyright_year else None


def _is_deadline(text: str, match: re.Match) -> bool:
    """"Until Nov. 10, 2026", "by 2030": the end of a period, whatever the tense around it."""
    if (match.group("pre") or match.group("ypre") or "").casefold() in DEADLINE_WORDS:
        return True
    return bool(set(_words(text[max(0, match.start() - 12):match.start()])[-1:]) & DEADLINE_WORDS)


def _past_days(paragraphs: tuple[SourceParagraph, ...], year: int | None) -> dt.date | None:
    """The last day a source reports as past: the day it was written is no earlier. A day
    without a year takes the copyright's; else it is the first such day after the last full
    date named as past (dates given their year are the older ones); else in the year before
    the first named as to come ("until 2026" is rarely written in 2026)."""
    past, future_years, bare = [], [], []
    for paragraph in paragraphs:
        if not paragraph.kept or paragraph.heading:
            continue
        for sentence in sentences(paragraph):
            if not (MONTH_NAME.search(sentence.text) or YEAR_DIGITS.search(sentence.text)):
                continue  # a date with a year or a day has one or the other
            for match, cue in _reported_dates(sentence.text):
                named = next((match.group(k) for k in ("y1", "y2", "y3", "y4") if match.group(k)),
                             None)
                if named and cue.direction != "behind":
                    future_years.append(int(named))
                if not _has_day(match) or cue.direction != "behind":
                    continue
                month = MONTHS[(match.group("m1") or match.group("m2")).casefold().rstrip(".")]
                day = _day_of_month(match)
                if named:
                    past.append(_date_or_none(int(named), month, day))
                else:
                    bare.append((month, day))
    past = [day for day in past if day]
    latest = max(past) if past else None
    for month, day in bare:
        if year or latest:
            base = year or latest.year
            options = [_date_or_none(y, month, day) for y in (base, base + 1)]
            options = [d for d in options if d and (year or d > latest)]
        else:
            options = [_date_or_none(min(future_years) - 1, month, day)] if future_years else []
        past += [d for d in options[:1] if d]
    return max(past) if past else None


def _reported_dates(text: str) -> Iterator[tuple[re.Match, Cue]]:
    """The dates of a sentence that date events, with their cues; deadlines ("until …") left
    out, as their tense says nothing of when the sentence was written."""
    if sentence_not_event_because(text):
        return
    for match in EXPRESSION.finditer(text):
        cue = tense_cue(text, match.start(), match.end())
        if cue and cue.event and not not_event_because(text, match, cue) and \
                not _is_deadline(text, match):
            yield match, cue


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def written_estimate(paragraphs: Iterable[SourceParagraph]) -> Written | None:
    """When an undated source was written, from its own text: a full date in a stamp,
    dateline or line above the article; else a day and month at its top with the year its
    weekday, a later stamp or the copyright gives; else, only as a lower bound, the last day
    it reports as past."""
    paragraphs = tuple(paragraphs)
    stated = stated_date(paragraphs)
    top = _top_date(paragraphs)
    if top and (stated is None or top.line < stated[1]):
        day = _year_of_top_date(top, dt.date.fromisoformat(stated[0]) if stated else None,
                                _copyright_year(paragraphs), _named_years(paragraphs))
        if day:
            return Written(day.isoformat(), True)
    if stated:
        return Written(stated[0], True)
    floor = _past_days(paragraphs, _copyright_year(paragraphs))
    return Written(floor.isoformat(), False) if floor else None
