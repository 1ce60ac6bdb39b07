"""Stage 2b: who published a source and when, read from its own text when briefing.yml is silent.

Outlets are found by the place and shape of the line that names them, never from a list of
names: a wire dateline's parentheses (``SEOUL, Oct 30 (Name) -``), a byline's outlet
(``By Jane Doe, Name``, ``Jane Doe | Name``, ``Jane Doe for Name``), a copyright line
(``© 2025 Name Ltd``) and, only as support for one of those, the masthead on the first line.
Each clue has a strength; clues that name the same outlet support each other. The publication
date is a stamp near the headline (``Published: 30 Oct. 2025``, ``Updated 8:03 am ET, Nov. 19,
2019``) or in the dateline, never a date in the story's running prose.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from generator.clean import HEADLINE, fold, is_body_paragraph, is_date_stamp, is_prose
from generator.segment import SPANS_REMEMBERED
from generator.dates import COPYRIGHT_SIGNS, MONTHS, WEEKDAYS
from generator.load import DATE_UNKNOWN, OUTLET_UNKNOWN, UNKNOWN_OUTLET
from generator.structure import RawLine, SourceMeta, SourceParagraph

MIN_CONFIDENCE = 0.5  # a guess weaker than this is not made: "Unknown outlet" is honest
SUPPORT = 0.15  # added to a clue for each other kind of clue naming the same outlet
MAX_CLUES = 24  # clues compared with each other: a bounded number, never all of a long page
HEAD_AFTER_BODY = 4  # bylines and stamps stand at most this many paragraphs below the lead
HEAD_BEFORE = 3  # ... or this many lines above the headline
HEAD_BEFORE_LEAD = 12  # a headline, standfirst, byline and stamps fit in this many lines
DATELINE_PARAGRAPHS = 3  # a dateline opens one of the first few paragraphs of the story
MAX_LINE_WORDS = 20  # bylines, stamps and copyright lines are short
STAMP_REACH = 40  # "Posted: Fri 6:45 PM, Feb 16": how far before its date a stamp's word stands

STRENGTH = {"dateline": 0.85, "byline": 0.8, "copyright": 0.65, "sender": 0.6, "masthead": 0.3}
LONE_WORD_BYLINE = 0.45  # "By Jane Doe, Tokyo": one capitalised word may be a place
DATE_STRENGTH = {"dateline": 0.85, "head": 0.8, "elsewhere": 0.55}
PUBLISHED_BONUS, UPDATED_PENALTY = 0.1, 0.05

MONTH = r"(?P<{}>(?-i:" + "|".join(sorted({m.capitalize() for m in MONTHS} |
                                          {m.upper() for m in MONTHS}, key=len, reverse=True)) \
    + r"))\.?"
YEAR = r"(?P<{}>(?:19|20)\d\d)"
FULL_DATE = re.compile(
    rf"\b(?:{MONTH.format('m1')}\s{{1,3}}(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s{{1,3}}"
    rf"{YEAR.format('y1')}"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s{{1,3}}{MONTH.format('m2')},?\s{{1,3}}"
    rf"{YEAR.format('y2')}"
    rf"|{YEAR.format('y3')}(?P<s3>[-/.])(?P<m3>[01]?\d)(?P=s3)(?P<d3>[0-3]?\d)"
    rf"|(?P<a4>[0-3]?\d)(?P<s4>[-/.])(?P<b4>[0-3]?\d)(?P=s4){YEAR.format('y4')})"
    r"(?:(?!\d)|(?=[0-2]?\d[:.][0-5]\d))",  # "Nov 15, 20195:45 AM": a paste glued the time on
    re.IGNORECASE)
US_ZONE = re.compile(r"\b(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT)\b")
CLOCK_AFTER = re.compile(r"^\W{0,4}(?:at\s)?\d{1,2}[:.]\d\d")
STAMP_WORD = re.compile(r"\b(?P<word>first published|last updated|published|updated|posted|"
                        r"aired|broadcast|modified|released|date)\b", re.IGNORECASE)
PUBLISHED_WORDS = frozenset({"first published", "published", "posted", "aired", "broadcast",
                             "released"})

DATELINE = re.compile(r"([^()]{0,80})\(([^()]{2,40})\)\s{0,3}[-—–]")
SIGN = rf"[{COPYRIGHT_SIGNS}]"
COPYRIGHT = re.compile(rf"(?:(?:copyright|{SIGN}|\(c\))\s{{0,3}}){{1,3}}", re.IGNORECASE)
RESERVED = re.compile(r"^all\s{1,3}rights\s{1,3}reserved\W{0,3}", re.IGNORECASE)
COPYRIGHT_YEARS = re.compile(rf"^(?:(?:{SIGN}|\(c\))\s{{0,3}})?(?:(?:19|20)\d\d(?:\s{{0,3}}[-–]\s{{0,3}}"
                             r"(?:(?:19|20)\d\d)?)?[\s,]{0,4})?", re.IGNORECASE)
NAME_END = re.compile(r"\s{0,3}(?:[|,;:•·(]|\.\s|\.$|\.(?-i:(?=[A-Z][a-z]))|\s[-–—]\s"
                      r"|\s(?:19|20)\d\d\b|\sall\srights)", re.IGNORECASE)
BY_COMMA = re.compile(r"^by\s(.{2,80}),\s{0,3}([^,]{2,60})$", re.IGNORECASE)
PIPE = re.compile(r"^([^|]{3,60})\|([^|]{2,60})$")
FOR = re.compile(r"^(?:by\s)?(.{3,60}?)\sfor\s(.{2,60})$", re.IGNORECASE)
BYLINE_LED = re.compile(r"By\s([^|,;]{3,60}?)\s(?:on\s|[|,;–—-])")
IN_PLACE = re.compile(r"\s(?:in|at)\s[A-Z][^,]{0,40}$")

LEGAL_FORMS = frozenset("ltd limited inc incorporated llc llp plc corp corporation company co sa "
                        "s.a ag gmbh pte pvt private bv nv spa srl".split())
PICTURE_WORDS = frozenset("image images photo photos picture pictures video illustration "
                          "graphic credit".split())
CORPORATE_WORDS = frozenset("media interactive communications holdings group newspapers "
                            "broadcasting publishing network networks digital enterprises "
                            "corporation company partners ventures".split())
LEGAL_TAIL_WORDS = 5  # "or its affiliated companies" after a holder's name
LEGAL_TAIL_STARTS = frozenset({"or", "and", "its", "a", "an", "unless"})
ALL_CONTENTS = frozenset({"content", "contents"})  # "All contents © 2025 Example"
BRAND_MIN_USES = 2  # a brand the page names once may be a passing mention
CONNECTORS = frozenset("of the and & de du des la le el y for on der die das für".split())
ROLE_WORDS = frozenset(
    "writer reporter correspondent columnist contributor editor staff fellow photographer host "
    "anchor analyst producer author journalist intern economist strategist adviser advisor "
    "director professor researcher commentator spokesman spokeswoman spokesperson desk team "
    "newsroom file newsletter updated published posted".split())
ROLE_MODIFIERS = frozenset(
    "contributing photo opinion senior chief special guest associate deputy political business "
    "economics freelance video".split())
"""Words of a role that are not a role alone: "Business Editor" is one, "Business Insider" and
"Rhine Business Post" are outlets."""


@dataclass(frozen=True)
class Clue:
    """A value read from the text, the line it came from, what kind of line that was and how
    sure the reading is (0 to 1)."""

    value: str
    line: int
    evidence: str
    confidence: float


@dataclass(frozen=True)
class Provenance:
    """The outlet and publication date a source states, each None when it does not say."""

    outlet: Clue | None
    date: Clue | None


def find_provenance(paragraphs: Sequence[SourceParagraph],
                    lines: Sequence[RawLine] = ()) -> Provenance:
    """The best-supported outlet and date in a cleaned source (kept and removed paragraphs,
    and the raw lines they came from, if given: a footer the cleaner joined into one paragraph
    still has its copyright line)."""
    headline = next((p.line for p in paragraphs if p.removed_because == HEADLINE), None)
    units = _units(paragraphs, lines)
    lead = _first_body(units)
    head, anchor = _head(units, lead, headline)
    outlet = _best_outlet(_outlet_clues(units, head, lead, headline))
    if outlet and outlet.evidence == "copyright":
        outlet = _brand(outlet, units)
    if outlet and outlet.value.isupper():
        outlet = _as_written(outlet, units)
    return Provenance(outlet, _best_date(_date_clues(units, head, lead), anchor))


def _as_written(outlet: Clue, units: list[Unit]) -> Clue:
    """A name read from a masthead in capitals ("THE ATLANTIC HERALD") as the page writes it
    elsewhere as a name, every word capitalised but a link ("Maya Fontenot/The Atlantic
    Herald"; not "The star striker" for "THE STAR"): pages show outlets so."""
    pattern = re.compile(rf"(?<!\w){re.escape(outlet.value)}(?!\w)", re.IGNORECASE)
    for unit in units:
        for match in pattern.finditer(unit.text):
            words = match.group().split()
            if not match.group().isupper() and all(
                    w[:1].isupper() or (n and w.casefold() in CONNECTORS)
                    for n, w in enumerate(words)):
                return replace(outlet, value=match.group())
    return outlet


class Unit(NamedTuple):
    """What provenance reads: a paragraph of prose, or one line of anything else (kept: a line
    the cleaner joined or removed is read as it stands)."""

    line: int
    text: str
    kept: bool
    body: bool  # running prose (is_body_paragraph)


def _units(paragraphs: Sequence[SourceParagraph], lines: Sequence[RawLine]) -> list[Unit]:
    """The paragraphs of prose whole, every other line on its own (one pass over both)."""
    paragraphs = [p for p in paragraphs if p.text.strip()]
    if not lines:
        return [Unit(p.line, p.text, p.kept, _is_body(p.text)) for p in paragraphs]
    units: list[Unit] = []
    following = iter(paragraphs[1:] + [None])
    for paragraph in paragraphs:
        end = next(following)
        end_line = end.line if end else float("inf")
        if _is_body(paragraph.text):
            units.append(Unit(paragraph.line, paragraph.text, paragraph.kept, True))
            continue
        for line in _lines_between(lines, paragraph.line, end_line):
            if text := line.text.strip():
                units.append(Unit(line.number, text, True, _is_body(text)))
    return units


# A page's furniture (menus, footers, stamps) recurs across the sources of one site: each line's
# shape is read once.
_is_body = functools.lru_cache(maxsize=SPANS_REMEMBERED)(is_body_paragraph)


def _lines_between(lines: Sequence[RawLine], start: int, end: float) -> Sequence[RawLine]:
    """Lines numbered start to end (exclusive); raw lines are numbered from 1 in order."""
    first = start - lines[0].number
    return lines[max(0, first):max(0, int(min(end, lines[-1].number + 1)) - lines[0].number)]


def _first_body(units: list[Unit]) -> int | None:
    """The story's first paragraph of prose: the first the cleaner kept, else the first."""
    body = [i for i, unit in enumerate(units) if unit.body]
    return next((i for i in body if units[i].kept), body[0] if body else None)


def _head(units: list[Unit], lead: int | None, headline: int | None
          ) -> tuple[range, int]:
    """Where bylines and stamps stand (from just above the headline to a few paragraphs into
    the story) and the line dates are measured from. A headline far above the lead is some
    other line of the page: then the window is measured from the lead alone."""
    if lead is None:
        return range(len(units)), headline or 1
    top = next((i for i, u in enumerate(units) if u.line >= headline), lead) if headline \
        else lead
    if not lead - HEAD_BEFORE_LEAD <= top <= lead:
        top = lead
    start = top - HEAD_BEFORE if top < lead else lead - HEAD_BEFORE_LEAD
    return range(max(0, start), lead + HEAD_AFTER_BODY + 1), units[top].line


# --- outlet -------------------------------------------------------------------------------

EDITION_LABEL = re.compile(r"(?:english|international|global|us|u\.s\.|uk|asia|asian|europe|"
                           r"european|digital|print|online|web|mobile|e-?paper) (?:edition|version)",
                           re.IGNORECASE)  # not a programme's name ("Weekend Edition")


def outlet_name(text: str) -> str | None:
    """The text as an outlet's name, or None when it is not name-shaped: one to seven words,
    capitalised but for small connectors, no digits, no job titles; a legal form dropped."""
    words = text.strip(" .,;:-–—'\"“”‘’").split()
    while words and words[-1].casefold().strip(".,") in LEGAL_FORMS and len(words) > 1:
        words.pop()
    if not 0 < len(words) <= 7 or len(" ".join(words)) > 60:
        return None
    if all(w.casefold().strip(".,'’") in ROLE_MODIFIERS | CONNECTORS for w in words):
        return None  # "Opinion", "Senior Political": a role's words, no name
    if EDITION_LABEL.fullmatch(" ".join(words)):
        return None  # "English Edition" beside a masthead: which edition, not whose
    titled = len(words) > 1 and words[0] == "The"  # "The Economist", "The Spokesman-Review"
    for index, word in enumerate(words):
        folded = word.casefold().strip(".,'’")
        if folded in ROLE_WORDS and not titled or folded in MONTHS or folded in WEEKDAYS:
            return None
        if any(c.isdigit() or c in "/@()[]{}<>:?!\"" for c in word):
            return None
        if not (word[0].isupper() or _caseless(word[0])) and \
                not (0 < index < len(words) - 1 and folded in CONNECTORS):
            return None
    return " ".join(words).rstrip(".,")


def _caseless(letter: str) -> bool:
    """A letter of a script without capitals (Hangul, Han, Arabic…): a name in it is a name."""
    return letter.isalpha() and not letter.isupper() and not letter.islower()


def _is_person(text: str) -> bool:
    """Who wrote it: one or more people's names (capitalised words, "and" or commas)."""
    text = IN_PLACE.sub("", text.strip())
    words = [w for w in re.split(r"[\s,]+", text) if w and w.casefold() not in ("and", "&")]
    return 1 < len(words) <= 12 and all(w[0].isupper() and not any(c.isdigit() for c in w)
                                        for w in words)


def _byline_clue(paragraph: Unit) -> Clue | None:
    text = paragraph.text.strip()
    if len(text.split()) > MAX_LINE_WORDS or text[-1] in ".!?":
        return None
    for pattern in (BY_COMMA, PIPE, FOR):
        match = pattern.match(text)
        if not match:
            continue
        who, what = match.group(1), match.group(2).rsplit(" for ", 1)[-1]
        if pattern is BY_COMMA and "," in who and not re.search(r"\s(?:and|&)\s", who):
            return None  # "By A, B, C": a list of reporters, the last one a person too
        if pattern is PIPE and (who.strip().casefold().startswith("by ")):
            who = who.strip()[3:]
        if pattern is FOR and not (text.startswith("By ") or IN_PLACE.search(who)
                                   or what.startswith("The ")):
            continue  # "Audio Briefs for Smart Speakers" is a menu item
        name = outlet_name(what)
        if name and _is_person(who) and not PICTURE_WORDS & set(name.casefold().split()):
            strength = STRENGTH["byline"]
            if len(name.split()) == 1 and not name.isupper():
                strength = LONE_WORD_BYLINE
            return Clue(name, paragraph.line, "byline", strength)
    return None


def _dateline_clue(paragraph: Unit) -> Clue | None:
    match = DATELINE.match(paragraph.text[:140])
    if not match:
        return None
    place, credit = match.group(1).strip(" ,"), match.group(2)
    if place and (len(place.split()) > 8 or not all(w[0].isupper() or w[0].isdigit()
                                                    for w in place.split())):
        return None
    name = outlet_name(credit)
    return Clue(name, paragraph.line, "dateline", STRENGTH["dateline"]) if name else None


def _copyright_clue(paragraph: Unit, after_article: bool) -> Clue | None:
    name = _copyright_holder(paragraph.text)
    if name is None:
        return None
    strength = STRENGTH["copyright"] if after_article else STRENGTH["copyright"] - 0.1
    return Clue(name, paragraph.line, "copyright", strength)


@functools.lru_cache(maxsize=SPANS_REMEMBERED)
def _copyright_holder(text: str) -> str | None:
    """The outlet a copyright line names, or None (read once per line: a site's footer recurs).
    In a footer of cells ("Unsubscribe | Manage preferences | (c) 2025 Ledger Media") the
    cell with the copyright sign is read."""
    text = text.strip()
    if len(text) <= 2 * MAX_LINE_WORDS * 8 and CELL.search(text) and _may_hold_copyright(text):
        text = next((cell for cell in CELL.split(text) if _may_hold_copyright(cell)), text)
    match = COPYRIGHT.search(text[:160]) if _may_hold_copyright(text[:160]) else None
    if not match or len(text.split()) > 2 * MAX_LINE_WORDS:
        return None
    before = text[:match.start()].split()
    if before and before[0].casefold() == "all":
        before = before[1:]  # "All contents © …"
    if len(before) > 3 or any(not (w[0].isupper() or w.casefold() in ALL_CONTENTS) or
                              w[-1] in ":.," or w.casefold() in PICTURE_WORDS for w in before):
        return None  # a caption's "(Image: © Agency)", a sentence that mentions copyright
    rest = COPYRIGHT_YEARS.sub("", RESERVED.sub("", text[match.end():]), count=1)
    if RESERVED.match(rest):
        return None  # "© 2019 All rights reserved." names no one
    name = outlet_name(_up_to_prose(NAME_END.split(rest, maxsplit=1)[0]))
    signed = _signed(text) or "(c)" in text.casefold() or re.search(r"(?:19|20)\d\d", text) or \
        "rights reserved" in text.casefold()
    if not name or not (signed or len(name.split()) > 1):
        return None  # "Copyright Policy" is a link
    return name


def _up_to_prose(text: str) -> str:
    """A holder's name ends where a short legal tail starts: "Example Media Limited or its
    affiliated companies" is "Example Media Limited". A longer run of prose (a caption credited
    with ©) is left whole, and so is no name."""
    words = text.split()
    for index, word in enumerate(words):
        if index and word[0].islower() and word.casefold() not in CONNECTORS:
            tail = len(words) - index <= LEGAL_TAIL_WORDS and word in LEGAL_TAIL_STARTS
            return " ".join(words[:index]) if tail else text
    return text


def _signed(text: str) -> bool:
    return any(sign in text for sign in COPYRIGHT_SIGNS)


def _may_hold_copyright(text: str) -> bool:
    """What every match of COPYRIGHT holds, in any case: a cheap test before searching."""
    if _signed(text):
        return True
    folded = fold(text)
    return "copyright" in folded or "(c)" in folded


def _masthead_clue(paragraphs: list[Unit], lead: int | None,
                  headline: int | None) -> Clue | None:
    """A site's or newsletter's name at the top of the page, above the headline: the first
    line, or a cell of one of the first lines that sets several ("The Courier | World | UK",
    a folio "A6 | THE MERIDIAN COURIER | FRIDAY, …", "≡ Menu   The Southern Wire   Search").
    Weak alone; a name of two words or more that the page names again further down ("About
    NCB", "Shared from the Pulse News app") is the page's own."""
    if not paragraphs or lead == 0:
        return None
    candidates: list[tuple[str, int]] = []  # (name, index of its line)
    first = paragraphs[0]
    if first.line != headline and len(first.text.split()) <= 8:
        if name := outlet_name(re.split(r"\s[-–—|]\s", first.text, maxsplit=1)[0]):
            candidates.append((name, 0))
    for index, unit in enumerate(paragraphs[:MASTHEAD_LINES]):
        if unit.line == headline or (lead is not None and index >= lead) or unit.body:
            break
        if len(unit.text.split()) > MASTHEAD_LINE_WORDS:
            continue
        for cell in CELL.split(unit.text)[:MASTHEAD_CELLS]:
            name = outlet_name(cell)
            if name and len(name.split()) > 1 and (name, index) not in candidates:
                candidates.append((name, index))
    best = None
    folded: list[str] | None = None  # the page's lines case-folded, once for all candidates
    for name, index in candidates:
        strength = STRENGTH["masthead"]
        if len(name.split()) > 1:
            folded = folded or [unit.text.casefold() for unit in paragraphs]
            if _named_again(name, paragraphs, folded, index + 1):
                strength += MENTIONED
        if best is None or strength > best.confidence:
            best = Clue(name, paragraphs[index].line, "masthead", strength)
    return best


MASTHEAD_LINES = 6  # a masthead stands in the page's first lines
MASTHEAD_LINE_WORDS = 24  # ... on a line of a few cells at most
MASTHEAD_CELLS = 12
MENTIONED = 0.25  # added to a masthead's name the page names again
CELL = re.compile(r"\s{2,}|\s[|·•]\s|\s-{2,}\s|\s[—–]\s")


def _named_again(name: str, units: Sequence[Unit], folded: Sequence[str], start: int) -> bool:
    """The name (without a leading "The", in any case) written again as whole words on a line
    from `start` on (`folded`: each line case-folded)."""
    key = " ".join(name_key(name))
    pattern = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)", re.IGNORECASE)
    needle = key.casefold()
    return any(needle in folded[i] and pattern.search(units[i].text)
               for i in range(start, len(units)))


def _outlet_clues(paragraphs: list[Unit], head: range, lead: int | None,
                  headline: int | None) -> list[Clue]:
    clues = [clue for i in head if i < len(paragraphs) and not is_prose(paragraphs[i].text)
             and (clue := _byline_clue(paragraphs[i]))]
    if lead is not None:
        story = list(itertools.islice((p for p in paragraphs[lead:] if p.body),
                                      DATELINE_PARAGRAPHS))
        clues += [clue for p in story[:DATELINE_PARAGRAPHS] if (clue := _dateline_clue(p))]
    last_body = max((i for i, p in enumerate(paragraphs) if p.body), default=-1)
    clues += [clue for i, p in enumerate(paragraphs)
              if (clue := _copyright_clue(p, i > last_body))][:MAX_CLUES // 2]
    if masthead := _masthead_clue(paragraphs, lead, headline):
        clues.append(masthead)
    clues += [clue for unit in paragraphs[:SENDER_LINES] if (clue := _sender_clue(unit))][:1]
    return clues[:MAX_CLUES]


SENDER_LINES = 16  # a forwarded e-mail's headers stand at its top
SENDER = re.compile(r"^from:\s{0,3}(?P<name>[^<>@\n]{2,60}?)\s{0,3}<(?P<box>[\w.+-]{1,40})@[\w.-]{3,80}>$",
                    re.IGNORECASE)
# the mailboxes an organisation sends a newsletter from, never a person's
SENDER_BOXES = frozenset("news newsletter newsletters info noreply no-reply donotreply do-not-reply "
                         "editor editors digest hello updates alerts team press media "
                         "communications comms members membership briefing briefings".split())


def _sender_clue(unit: Unit) -> Clue | None:
    """A forwarded newsletter's sender: "From: Example Council <news@example.org>", sent
    from an organisation's mailbox (SENDER_BOXES), not a person's."""
    match = SENDER.match(unit.text) if unit.text[:5].casefold() == "from:" else None
    if not match or match.group("box").casefold() not in SENDER_BOXES:
        return None
    name = outlet_name(match.group("name").strip(' "'))
    return Clue(name, unit.line, "sender", STRENGTH["sender"]) if name else None


def _brand(company: Clue, units: Sequence[Unit]) -> Clue:
    """A copyright line names the company ("CBS Interactive", "NYP Holdings", "Cable News
    Network"); readers know the brand. When the company's name ends in a corporate word, the
    name the page uses most (BRAND_MIN_USES times at least) that starts with the company's
    first word ("CBS News") or whose initials spell it ("New York Post", "CNN") is the outlet."""
    words = company.value.split()
    if len(words) < 2 or words[-1].casefold() not in CORPORATE_WORDS:
        return company
    core = words[1] if words[0] == "The" and len(words) > 2 else words[0]
    forms = [rf"\b(?:The )?{re.escape(core)}(?: (?!{re.escape(words[-1])}\b)"
             rf"((?-i:[A-Z])[\w’'&-]+))?\b"]
    initials = "".join(w[0] for w in words if w[0].isupper())
    if core.isupper() and len(core) > 1:
        forms.append(r"\b" + r" ".join(rf"{c}[a-z]+" for c in core) + r"\b")
    if len(initials) > 2 and initials != core:
        forms.append(rf"\b{initials}\b")
    # what each form needs written as it stands: a line with none of it is not read
    needles = [core, initials] if len(initials) > 2 and initials != core else [core]
    if core.isupper() and len(core) > 1:
        needles.append(core[0] if core[0].isalnum() else "")
    uses: dict[str, int] = {}
    pattern = re.compile("|".join(f"(?:{form})" for form in forms))
    for unit in units:
        if not any(needle in unit.text for needle in needles):
            continue
        for match in pattern.finditer(unit.text):
            name = outlet_name(match.group())
            if name and name != company.value and \
                    not CORPORATE_WORDS & set(name.casefold().split()[1:]):
                uses[name] = uses.get(name, 0) + 1
    best = max(uses, key=lambda n: (uses[n], n), default=None)
    if best is None or uses[best] < BRAND_MIN_USES:
        return company
    return replace(company, value=best)


def name_key(name: str) -> tuple[str, ...]:
    words = name.casefold().split()
    return tuple(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def _related(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same outlet: equal names, or one is the other's first words ("Name" and
    "Name Media" of its copyright holder)."""
    short, long = sorted((a, b), key=len)
    return long[:len(short)] == short


def _best_outlet(clues: list[Clue]) -> Clue | None:
    """The clue with the most support; said with the shortest name of the clues that agree."""
    if not clues:
        return None
    keys = [name_key(c.value) for c in clues]
    scored = []
    for i, clue in enumerate(clues):
        kinds = {c.evidence for j, c in enumerate(clues) if j != i and _related(keys[i], keys[j])}
        kinds.discard(clue.evidence)
        scored.append((clue.confidence + SUPPORT * len(kinds), -i, i))
    support, _, best = max(scored)
    if support < MIN_CONFIDENCE:
        return None
    agreeing = [i for i in range(len(clues)) if _related(keys[best], keys[i])]
    said = min(agreeing, key=lambda i: (len(keys[i]), -clues[i].confidence, i))
    chosen = clues[said]
    return Clue(chosen.value, chosen.line, clues[best].evidence, round(min(1.0, support), 2))


# --- date ---------------------------------------------------------------------------------

def _to_iso(match: re.Match) -> str | None:
    """The ISO date a written date means; day-first when a numeric date is ambiguous, unless
    its line keeps US time (then month-first)."""
    g = match.groupdict()
    if g["m1"] or g["m2"]:
        month = MONTHS[(g["m1"] or g["m2"]).casefold()]
        year, day = int(g["y1"] or g["y2"]), int(g["d1"] or g["d2"])
    elif g["y3"]:
        year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
    else:
        first, second, year = int(g["a4"]), int(g["b4"]), int(g["y4"])
        us = bool(US_ZONE.search(match.string)) or g["s4"] == "/" and first <= 12 < second
        day, month = (second, first) if us and first <= 12 else (first, second)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _stamp_dates(paragraph: Unit, base: float) -> list[Clue]:
    """Dates a short line gives as its stamp: the line is a date stamp, or the date follows
    "Published"/"Updated"/"Aired", opens the line or one of its cells (a print folio's
    `A6 | THE COURIER | FRIDAY, OCTOBER 31, 2025`), or comes with its clock time. A line with
    prose's small words ("Posted by Jane Doe on ...", "By Jane Doe | Oct 30, 2025 at 2 PM")
    counts only with a stamp's word or as a byline: "In this Dec. 12 file photo" is a caption."""
    return [Clue(when, paragraph.line, "stamp", round(base + bonus - penalty, 2))
            for when, bonus, penalty in _stamps(paragraph.text)]


@functools.lru_cache(maxsize=SPANS_REMEMBERED)
def _stamps(text: str) -> tuple[tuple[str, float, float], ...]:
    """_stamp_dates' dates, each with the bonus and penalty of the word before it, read once
    per line (a site's stamps and footers recur across its sources)."""
    if len(text.split(None, MAX_LINE_WORDS)) > MAX_LINE_WORDS or not _may_hold_year(text) or \
            not FULL_DATE.search(text):
        return ()
    byline = _byline_led(text)
    if _is_body(text) and not byline:
        return ()
    prose = is_prose(text) and not byline
    stamp = is_date_stamp(text)
    found = []
    previous = 0
    for match in FULL_DATE.finditer(text):
        said_before = text[max(previous, match.start() - STAMP_REACH):match.start()]
        word = next(reversed(list(STAMP_WORD.finditer(said_before))), None)
        previous = match.end()
        cell = max((m.end() for m in CELL.finditer(text, 0, match.start())), default=0)
        opens = len(text[cell:match.start()].split()) <= 3  # of the line or of its cell
        if cell:  # a cell of a masthead or folio is read as a line of its own
            after = CELL.search(text, match.end())
            in_prose = is_prose(text[cell:after.start() if after else len(text)]) and not byline
        else:
            in_prose = prose
        timed = bool(CLOCK_AFTER.match(text[match.end():match.end() + 12]))
        if not (word or not in_prose and (stamp or opens or timed)) or \
                not (when := _to_iso(match)):
            continue
        said = word.group("word").casefold() if word else ""
        found.append((when, PUBLISHED_BONUS if said in PUBLISHED_WORDS else 0,
                      UPDATED_PENALTY if said in ("updated", "last updated", "modified") else 0))
    return tuple(found)


def _may_hold_year(text: str) -> bool:
    """Every alternative of FULL_DATE ends or starts with a year, 19xx or 20xx."""
    return "20" in text or "19" in text


def _byline_led(text: str) -> bool:
    """``By Jane Doe on Monday, ...``, ``By Jane Doe | ...``: a byline that carries the date."""
    match = BYLINE_LED.match(text)
    return bool(match) and _is_person(match.group(1))


def _dateline_date(paragraph: Unit) -> Clue | None:
    match = DATELINE.match(paragraph.text[:140])
    found = FULL_DATE.search(match.group(1)) if match else None
    when = _to_iso(found) if found else None
    return Clue(when, paragraph.line, "dateline", DATE_STRENGTH["dateline"]) if when else None


def _date_clues(paragraphs: list[Unit], head: range, lead: int | None
                ) -> list[Clue]:
    clues: list[Clue] = []
    for i, paragraph in enumerate(paragraphs):
        if len(clues) >= MAX_CLUES:
            break
        if _stamps(paragraph.text):  # most lines give none
            base = DATE_STRENGTH["head"] if i in head else DATE_STRENGTH["elsewhere"]
            clues += _stamp_dates(paragraph, base)
        if lead is not None and lead <= i < lead + DATELINE_PARAGRAPHS and \
                (clue := _dateline_date(paragraph)):
            clues.append(clue)
    return clues


def _best_date(clues: list[Clue], anchor: int) -> Clue | None:
    """The strongest stamp; of equals, the one nearest the headline."""
    if not clues:
        return None
    return max(clues, key=lambda c: (c.confidence, -abs(c.line - anchor), -c.line))


# --- metadata -----------------------------------------------------------------------------

def with_provenance(meta: SourceMeta, found: Provenance) -> SourceMeta:
    """The source's metadata with what its text states where briefing.yml (or a leading
    ``date`` line) said nothing; every guess is noted for the build output."""
    notes = list(meta.notes)
    outlet, date = meta.outlet, meta.date
    if outlet == UNKNOWN_OUTLET and found.outlet:
        outlet = found.outlet.value
        notes = [n for n in notes if not n.startswith(OUTLET_UNKNOWN)]
        notes.append(f"outlet '{outlet}' taken from line {found.outlet.line} "
                     "(set it in briefing.yml if wrong)")
    if not date and found.date:
        date = found.date.value
        notes = [n for n in notes if not n.startswith(DATE_UNKNOWN)]
        notes.append(f"date {date} taken from line {found.date.line} "
                     "(set it in briefing.yml if wrong)")
    return replace(meta, outlet=outlet, date=date, notes=tuple(notes))
