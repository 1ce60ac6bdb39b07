"""Stage 4b: direct quotations and who said them.

Newsrooms quote people in a handful of ways, and each has a rule here:

- marks, straight or curly (``„…“``, ``«…»``, ``»…«``, ``「…」`` too), with the speaker after
  (``"…," Trump said``), before (``Trump told reporters that "…"``) or in between (split
  quotes); a quotation left open at the end of a paragraph continues in the next one;
- a colon: ``Trump said:`` followed by the words on the same line or the next (a post, a
  statement);
- a transcript's speaker label (``SECRETARY BESSENT: …``); the host's and reporters' turns are
  the outlet's own voice, not quotations;
- copy whose marks were stripped in syndication: ``<words>, Trump said`` and a follow-on
  paragraph in the speaker's voice.

Paraphrase (``Trump said he expected…``), fragments under four words (scare quotes) and quoted
titles or slogans are not quotations. Every quotation is a verbatim slice of its paragraph.
Each rule looks at a bounded window around a mark, so the work is linear in the text's length.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from generator.config import Config
from generator.people import (PHRASE_ENDS, ROLE_WORD_PARTS, ROLE_WORDS, PeopleIndex, alternation,
                              body_pattern, finditer_within, lookup_keys, name_head,
                              plausible_name, split_title, token_end, token_starts)
from generator.segment import (SPANS_REMEMBERED, WORD_RUN, WORD_TAIL, _ends_with_abbreviation,
                               split_sentences)
from generator.structure import Quote, SourceParagraph

MIN_WORDS = 4
WORD = re.compile(r"[^\W\d_]+")  # runs of letters, for the verb test
CONTEXT_MAX = 500
BEFORE_WINDOW = 300
AFTER_WINDOW = 160
CONTINUATION_MAX_WORDS = 40
VOICE_TAIL = 160  # at most this much text after a paragraph's last quotation: its attribution
PRONOUNS = frozenset({"he", "she"})
# verbs whose object is the listener, not the speaker ("…, told Jo Roe")
LISTENER_VERBS = frozenset("told tells asked asks urged warned warns promised begged emailed "
                           "texted answered answers".split())
PRONOUN_GENDERS = {"he": "m", "she": "f"}
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")  # on the few characters before a name only
HONORIFIC_ANYWHERE = re.compile(r"M(?<!\wM)(?:rs?|s|iss)\b")  # \b(?:Mr|Mrs|Ms|Miss)\b
HONORIFIC_GENDERS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
TITLE_TOKEN = re.compile(r"[\w’'-]+")
SMALL_WORDS = frozenset("a an the of to in on and for with at by or as from".split())
NOT_SUBJECTS = (r"(?!(?:When|Where|While|As|After|Before|If|In|On|At|But|And|Also|Asked|Speaking|"
                r"Answering|Addressing|Yet|So|Then|Later|Earlier|Here|There|It|This|That|What|"
                r"For|With|From|According|Meanwhile|However|Still|Now|Today|Yesterday)\b)")
# pronouns and determiners that stand before a verb as a subject but name nobody
LONE_NOT_NAMES = r"(?!(?:It|They|We|I|You|This|That|These|Those|There|Here|Who|What|One)\b)"
PARTICLES = r"(?:(?:van|von|der|den|de|del|della|da|di|du|la|le|bin|ibn|al)\s+){0,2}"
# Every word class below is bounded by WORD_MAX (WORD_TAIL, WORD_RUN): the speaker grammar is
# tried at every position of a paragraph, and an unbounded class would read the whole run of word
# characters from each position and back (quadratic work on "A'A'A'…"). White space is one space:
# cleaning collapses every run of it.
# the capital is tested before NOT_SUBJECTS: the same condition, but most positions fail it at once
NAME = (rf"(?=[A-Z]){NOT_SUBJECTS}[A-Z][\w'’.-]{WORD_TAIL}"
        rf"(?:\s+{PARTICLES}[A-Z][\w'’-]{WORD_TAIL}){{0,3}}")
# A word before a space is read possessively ({WORD_RUN}+): giving letters back could never let
# the space match, and trying to costs a step per letter at every position.
NAME_AT_END = re.compile(rf"{NAME}$")  # on a speaker's words only (bounded)
NAME_ONLY = re.compile(NAME)
POSSESSIVE_END = re.compile(r"(’s|'s)$")
ARTICLE_START = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
DETERMINER_START = re.compile(r"^(?:the|a|an|his|her|their|its)\s+", re.IGNORECASE)
NOT_THE_ROLE_ITSELF = frozenset("vice deputy former acting assistant associate co under "
                                "lieutenant ex".split())  # a vice president is no president
ROLE_ONLY = re.compile(rf"^(?:[a-z]+\s){{0,2}}{ROLE_WORDS}$")  # "vice premier", "commerce minister"
TITLE = (rf"(?<![\w’'-])(?:[Tt]he|[Aa]n?)\s+(?:[\w’'-]{WORD_RUN}+\s+){{0,4}}?"
         rf"[a-z][\w-]{WORD_TAIL}")
# Where the words before a name ("Treasury Secretary Scott Bessent") may start: not inside a word
# (the start of that word reads the same words and is tried first), except just before an ’ ' -
# that follows letters, where the previous match may have ended. It changes no match, only spares
# reading the rest of a word from each of its letters.
WORD_START = r"(?:(?<![\w’'-])|(?<=\w)(?=[’'-]))"
APPOSITION = r"(?:,\s+[^,“”\"]{1,90},)?"
PARTY = r"(?:\s+\([^()]{1,20}\))?"  # "Sen. Jo Bloggs (D-Ore.)"
ADVERBS = rf"(?:\s+(?:also|later|then|has|had|have|once|again|\w{WORD_RUN}ly)){{0,3}}"
# Between a subject and its verb: "post" and three ADVERBS, words; an appositive (160) and a
# PARTY (20), characters, with their marks and spaces; the marks that open either.
TAIL_WORDS = 4
APPOSITION_REACH = 200
PARENTHESES = re.compile(r"[()]")
# where the kinds of speaker (speaker_pattern) start
CAPITAL = re.compile(r"[A-Z]")
ARTICLE = re.compile(r"(?:[Tt]he|[Aa]n?)\s")
PRONOUN = re.compile(r"[Hh]e|[Ss]he")
NAME_LEAD_WORDS = 6  # an article and five words before a name
NAME_WORDS = 10  # a name's four words, two particles before each of the last three
CAPITAL_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
PARTICLE = re.compile(r"(?:van|von|der|den|de|del|della|da|di|du|la|le|bin|ibn|al)\s")
TITLE_WORDS = 6  # an article, four words and the title's last
RELATIVE = re.compile(r"\s+who\s")  # after the comma that opens an appositive
WIDE_SPACE = re.compile(r"\s\s")
QUOTE_MARKS = "\"“”„«»「」『』"
# a mark that opens a quotation and the marks that close it: German and Polish „…“ / „…”, in
# which “ closes (elsewhere it opens); guillemets «…» (French, with or without spaces inside),
# »…« (German) and »…» (Swedish); corner brackets 「…」 and 『…』
PAIRED_MARKS = {"„": "“”\"", "«": "»", "»": "«»", "「": "」", "『": "』"}
GUILLEMETS = "«»"  # open only where they stand before words, not after them (_opens_pair)
OPENING_MARKS = "\"“„«»「『"  # a paragraph that starts with one may carry a quotation on
BEFORE_VERB_REACH = 161  # "before": words after its verb ({0,160}) and a colon or comma
WORD_AFTER = re.compile(r"\s+\S")  # colon_intro: the white space and the first letter after ":"
PARTY_REACH = 21  # a character in a party has its opening parenthesis at most this far before
APPOSITIVE_REACH = 170  # the comma that opens an appositive is at most this far before the next
REFLEXIVE = re.compile(r"\s{1,3}(itself|himself|herself|themselves)$", re.IGNORECASE)
ROLE_AT_END = re.compile(rf"\b{ROLE_WORDS}$")  # on a speaker's words only (bounded)
UNNAMED_PERSON = re.compile(rf"^[a-z][\w -]*\b{ROLE_WORDS}$")  # only on a speaker (bounded)
# a capital not after a word character: tested on the capital and the character before it, as
# a pattern that starts with a letter is found faster than one that starts with a look-behind
MENTION = re.compile(rf"[A-Z](?<![\w’'-][A-Z])[\w’'-]{WORD_RUN}"
                     rf"(?:\s+[A-Z][\w’'-]{WORD_RUN}){{0,2}}")
SUBJECT_FOLLOWS = re.compile(rf",\s+(?:who|an?|the)\s|\s+(?:is|was|has|had|[a-z]{WORD_RUN}"
                             rf"(?:s|ed))\b")
LABEL = re.compile(r"^(?P<label>Q|[A-Z][A-Z.'’ -]{1,40}?)(?:,\s*(?P<role>[A-Z][A-Z.'’ -]{1,30}?))?"
                   r"(?:\s*\((?P<name>[^()]{2,60})\))?:\s+"
                   r"(?P<rest>\S.*)$", re.DOTALL)
QUOTE_MARK = re.compile(f"[{re.escape(QUOTE_MARKS)}]")
LABEL_START = re.compile(r"Q|[A-Z][A-Z.'’ -]")
RUN_IN_HEADING = re.compile(r"[A-Z]{5,}ING(?: [A-Z'’-]{1,20}){1,3}")
"""A fact sheet's run-in head, "RESTORING FAIRNESS:", "DELIVERING A HISTORIC WIN:": a label of
two to four words opening with a verb's -ing form of eight letters or more and holding no role
word (not "BANKING COMMITTEE CHAIRMAN TIM SCOTT:", "BEIJING …", "DARLING:")."""
ACRONYM_LETTERS = 3  # a word in capitals this short is kept in capitals: "ABN", "CNN", "US"


def role_from_capitals(role: str) -> str:
    """A transcript label's role as a page shows it: "ABN ANCHOR" -> "ABN anchor", "CHIEF WHITE
    HOUSE CORRESPONDENT" -> "chief White House correspondent". Role words go to lower case,
    short words stay capitals (most are a network's letters), other words take a capital."""
    words = []
    for word in role.split():
        if any(part in ROLE_WORD_PARTS for part in word.casefold().split("-")):
            words.append(word.lower())
        elif len(word) <= ACRONYM_LETTERS:
            words.append(word)
        else:
            words.append(word.capitalize())
    return " ".join(words)
SENTENCE_END = re.compile(r"[.!?][\"”“’'»«」』]?\s+")  # on a BEFORE_WINDOW only
SPEECH_MARKERS = re.compile(r"\b(?:I|we|us|our|my|me|gonna|wanna|gotta)\b|\w['’](?:re|ll|ve|m|d)\b|"
                            r"n['’]t\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|us|[Oo]ur|[Mm]y|me|[Gg]onna|[Ww]anna|[Gg]otta)\b|"
                          r"\w['’](?:re|ll|ve|m|d)\b|n['’]t\b")
"""Someone's own words (SPEECH_MARKERS, but "US" is no "us"): copy that has no quotation marks
and none of these tells no one's words (a short wire item of reported speech), so it is not
read as copy whose marks were stripped."""
# INTRO_PARTICIPLE and TITLE_CUE are searched in a BEFORE_WINDOW only, never a whole paragraph.
INTRO_PARTICIPLE = re.compile(r"\b(?:saying|adding|writing|telling|posting|declaring)\b[^.!?]*:$")
# A quoted headline credited to its writer ("…," by the Herald's Jo Roe: "…"): the title of a piece
# and, after the credit, an excerpt of it; both the outlet's words, not a quotation of anyone.
# Matched at the closing mark (BYLINE) and on the text between the title and the excerpt (EXCERPT).
BYLINE = re.compile(r"[\s,.]*by\s+(?:the\s+)?[A-Z][^“”\".!?:]{0,80}?(?::|\s+https?://|\s*$)")
EXCERPT = re.compile(r"[\s,.]*by\s+(?:the\s+)?[A-Z][^“”\".!?:]{0,80}?:\s*$")
# a participle that hands the sentence's subject the quotation after it ("…, telling reporters:")
REPORTING_PARTICIPLE = re.compile(
    r",\s+(?:(?:by|before|after|while)\s+)?(?:saying|telling|writing|tweeting|posting|adding|"
    r"noting|arguing|declaring|remarking|explaining|warning|insisting|asking|replying|"
    r"responding|quipping|joking)\b[^“”\".!?]{0,40}?[:,]?\s*$")  # on a BEFORE_WINDOW only
# a preposition right before a trailing name makes it a place or a body ("the judge in …")
PLACE_LINK = re.compile(r"\b(?:in|of|at|from|for|near|outside|inside|across|by|on)\s+$")
BODY_NAME_GOES_ON = re.compile(r"\bof\s.*(?:\band|&)\s+$")
CLAUSE_END = re.compile(r"\s*(?:[.,;]|$)")  # an attribution's verb that closes its clause
LONG_SUBJECT = re.compile(rf"(?:[\w’'-]{WORD_RUN}\s+){{0,5}}[A-Z][\w’'.-]{WORD_TAIL}"
                          rf"(?:\s+[A-Z][\w’'.-]{WORD_TAIL}){{0,3}}(?=\s+[a-z])")
LEAD = re.compile(r"^([^,“”\"]{1,80}),\s+$")  # a sentence's opening words before a comma
TITLE_TAIL = re.compile(rf"(?:\s+[a-z][\w-]{WORD_TAIL}){{0,4}}")
# after "said <speaker>": a verb of the speaker's own clause ("said the mayor would…")
REPORTED_CLAUSE = re.compile(r"\s+(?:could|would|should|will|can|may|might|must|was|is|were|"
                             r"had|has|have|did|does)\b")
TITLE_CUE = re.compile(r"\b(?:titled|entitled|called|dubbed|named|slogan|motto|theme|headline|"
                       r"reading|book|film|report|song)\W*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks a quotation: one person, or the people the text leaves open between."""

    speaker: str | None = None
    candidates: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.speaker is not None or len(self.candidates) > 1


NOBODY = Voice()


def voice_of_quote(quote: Quote) -> Voice:
    return Voice(quote.speaker, quote.candidates)


@dataclass(frozen=True, slots=True)
class Span:
    """Offsets of quoted words inside a paragraph (marks excluded)."""

    start: int
    end: int
    open_end: bool = False  # the quotation runs on into the next paragraph
    lost_open: bool = False  # only the closing mark survived (syndicated copy)


def _is_open_mark(text: str, at: int) -> bool:
    mark = text[at]
    if mark in "“":
        return True
    if mark in "”":
        return False
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-") and not after.isspace()


def _opens_pair(text: str, at: int) -> bool:
    """Does the mark at ``at`` (one of PAIRED_MARKS) open a quotation? „, 「 and 『 always do; a
    guillemet where a word follows it (« may have a space between) and none stands right before
    it: "« Nous", "»Wir", not the closing "fermé »" or "geschlossen«"."""
    mark = text[at]
    if mark not in GUILLEMETS:
        return True
    before = text[at - 1] if at else " "
    after = text[at + 1:at + 3]
    if mark == "«":
        after = after.lstrip()
    return (before.isspace() or before in "([{—–-:") and bool(after) and \
        (after[0].isalnum() or after[0] in "\"“„‘'(…")


ATTRIBUTE = re.compile(r'(?<=\w)="[^"\n<>]{0,200}"(?=\s*(?:/?>|[\w-]+=))')
"""An HTML attribute left in pasted text, href="…" before the tag's end or another attribute."""


def _inch_mark(text: str, at: int) -> bool:
    """A straight mark right after a digit and before a word in lower case: "a 12" record"."""
    if text[at] != '"' or not at or not text[at - 1].isdigit():
        return False
    rest = text[at + 1:at + 3].lstrip()
    return bool(rest) and rest[0].islower()


def quote_spans(text: str) -> list[Span]:
    """Quoted stretches of a paragraph: marked pairs, a lost opening mark at the start (wire copy),
    and a quotation left open at the end (it continues in the next paragraph)."""
    return list(_spans_in(text))


@functools.lru_cache(maxsize=SPANS_REMEMBERED)
def _spans_in(text: str) -> tuple[Span, ...]:
    """quote_spans, read once per text: every source's paragraphs are read for them."""
    spans: list[Span] = []
    opened: int | None = None
    attributes = {at for match in ATTRIBUTE.finditer(text)
                  for at in (match.start() + 1, match.end() - 1)} if "=" in text else ()
    closers = ""  # the marks that close a quotation opened by one of PAIRED_MARKS
    for mark in QUOTE_MARK.finditer(text):
        at = mark.start()
        if at in attributes or _inch_mark(text, at) and opened is None:
            continue  # an attribute's marks (href="…"), an inch mark (a 12" record)
        if closers:  # only its own closing mark ends a quotation opened by „, «, », 「, 『
            if text[at] in closers:
                spans.append(Span(opened, at))
                opened, closers = None, ""
            continue
        if text[at] in PAIRED_MARKS:
            if opened is None and _opens_pair(text, at):
                opened, closers = at + 1, PAIRED_MARKS[text[at]]
            continue
        if _is_open_mark(text, at):
            if opened is None:
                opened = at + 1
        elif opened is not None:
            spans.append(Span(opened, at))
            opened = None
        elif not spans:  # a closing mark with no opening one: the opening mark was lost
            spans.append(Span(len(text) - len(text.lstrip()), at, lost_open=True))
    if opened is not None and text[opened:].strip():
        spans.append(Span(opened, len(text), open_end=True))
    return tuple(spans)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding white space and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def title_like(words: str) -> bool:
    """"Make America Great Again", "Counting the Cost of the Trade War": a title or slogan."""
    significant = 0
    for token in TITLE_TOKEN.finditer(words):  # read up to the first word in lower case only
        word = token.group()
        if word.casefold() not in SMALL_WORDS:
            if not (word[0].isupper() or word[0].isdigit()):
                return False
            significant += 1
    return significant >= 2


def sentence_start(window: str) -> str:
    """The part of text before a mark that belongs to the mark's sentence (a full stop after an
    abbreviation or an initial, "Mr." or "D.", ends no sentence)."""
    for match in reversed(list(SENTENCE_END.finditer(window))):
        if not (match.group().startswith(".") and
                _ends_with_abbreviation(window[max(0, match.start() - 40):match.start() + 1])):
            return window[match.end():]
    return window


def speaker_pattern(organisation_words: Iterable[str]) -> str:
    """How a text names whoever speaks: a body ("China's commerce ministry"), a title ("the US
    president"), a name with what comes before it ("Treasury Secretary Scott Bessent"), he/she;
    and a reflexive after it ("Ibarra itself said")."""
    bodies = "|".join(re.escape(w) for w in organisation_words) or "(?!)"
    body = (rf"(?:[A-Z][\w'’.-]{WORD_TAIL}\s+){{1,3}}(?:[a-z][\w-]{WORD_TAIL}\s+){{0,3}}?"
            rf"(?i:{bodies})\b")
    possessive_title = (rf"[A-Z][\w.-]{WORD_TAIL}['’]s\s+(?:[a-z][\w-]{WORD_TAIL}\s+){{0,3}}?"
                        rf"[a-z][\w-]{WORD_TAIL}")
    return (rf"(?:{body}|{TITLE}|(?:(?:[Aa]n?|[Tt]he)\s+)?"
            rf"(?:{WORD_START}[\w’'-]{WORD_RUN}+\s+){{0,5}}?{NAME}"
            rf"|{possessive_title}|[Hh]e|[Ss]he)(?:\s+(?:itself|himself|herself|themselves))?")


@functools.lru_cache(maxsize=8)
def _grammar(speech_verbs: tuple[str, ...], organisation_words: tuple[str, ...]
             ) -> dict[str, re.Pattern | frozenset | int | Callable]:
    """The attribution patterns for a configuration's verbs and bodies, built once: building
    them cost more than reading a short source with them."""
    grammar: dict[str, re.Pattern | frozenset | int | Callable] = {}
    verb = "(?:" + alternation(speech_verbs) + ")"
    # next to the quotation, any verb in the past tense introduces it ("…," Lee quipped)
    near_verb = rf"(?:{verb}|[a-z]{{2,20}}ed)"
    SPEAKER = speaker_pattern(organisation_words)  # noqa: N806 - reads as a grammar
    # an appositive ends at a comma, or at the verb where the writer left that comma out
    # ("Jo Roe, who chairs the board said")
    appositive = (rf"(?:,\s+(?P<app>[^,“”\"]{{1,160}}),|,\s+(?P<rel>who\s"
                  rf"[^,“”\"]{{1,160}}?)(?=\s+{verb}\b))?")
    after_speaker = rf"{appositive}{PARTY}(?:’s|'s)?(?:\s+(?:post|statement|message))?"
    subject = rf"(?P<spk>{SPEAKER}){after_speaker}"
    grammar["before"] = re.compile(rf"{subject}{ADVERBS}\s+(?:{verb}\b[^“”\"]{{0,160}}?[:,]?|"
                                   rf"[a-z]{{2,20}}ed\s*[:,])\s*$")
    grammar["after"] = re.compile(
        rf"\s*,?\s*(?:{near_verb}\s+(?P<a1>{SPEAKER})"
        rf"|(?:[\w’'-]{WORD_RUN}\s+){{0,3}}?quoted\s+(?P<a4>{SPEAKER})\s+as\s+"
        rf"(?:saying|telling)"
        rf"|(?P<a2>{SPEAKER}){appositive}{PARTY}"
        rf"(?:\s+\w{WORD_RUN}ly)?\s+{near_verb}"
        rf"|according\s+to\s+(?P<a3>{SPEAKER})"
        rf"|[―—–]\s*(?P<a5>{NAME})"
        # quoted words inside a sentence whose attribution closes it ("… “…” in March, said
        # Jo Roe." / "…, Jo Roe said.")
        rf"|[^“”\".!?:;]{{1,80}}?,\s+(?:{verb}\s+(?P<a6>{SPEAKER})|(?P<a7>{SPEAKER})\s+{verb}"
        rf"(?=\s*[.,]))"
        # one capitalised word right before a speech verb is a name, even a word that is also
        # a common one ("…," From said): nothing else stands there
        rf"|{LONE_NOT_NAMES}(?P<a8>[A-Z][\w’'-]{WORD_TAIL})\s+{verb}"
        rf")\b")
    # the reporting subject of the sentence a quotation sits in ("Lee told voters that…",
    # "In March, Lee, the mayor, complained that…"), read from the sentence's start only
    grammar["sentence_subject"] = re.compile(
        rf"(?:(?P<lead>[^,“”\"]{{0,80}}),\s+)?{subject}{ADVERBS}\s+{near_verb}\b(?!\s+by\b)")
    grammar["participle_subject"] = re.compile(
        rf"(?P<spk>{SPEAKER}){PARTY},\s+[a-z]{{2,20}}ing\b[^,“”\"]{{0,40}}$")
    grammar["leading_subject"] = re.compile(
        rf"(?:[^,“”\"]{{0,80}},\s+)?{subject}{ADVERBS}\s+[a-z]")
    grammar["reported"] = re.compile(rf"{subject}{ADVERBS}\s+{verb}\b")
    # "…, said Jo Roe": a speaker named after the verb, closing a clause or a quotation
    closing = alternation(v for v in speech_verbs if v not in LISTENER_VERBS)
    grammar["inverted"] = re.compile(rf"[,”\"]\s+(?:{closing})\s+(?P<spk>{NAME})(?=[,.;:]|$)")
    # "…, explained the moderator, Jo Roe: “…”": the verb before the speaker who introduces
    # the quotation (tried on a sentence that ends in a colon only)
    grammar["inverted_intro"] = re.compile(
        rf"(?<![\w’'-])(?:{closing})\s+(?P<spk>{SPEAKER})(?:,\s+(?P<app>[^,“”\"]{{1,160}}))?"
        rf":\s*$")
    # Every pattern that needs a speech verb is tried only on text holding one of the
    # verbs' first words: the speaker grammar is the costliest pattern of the pipeline.
    grammar["verb_words"] = frozenset(v.split()[0].casefold() for v in speech_verbs if v.split())
    grammar["body_words"] = max((len(w.split()) for w in organisation_words), default=0)
    # where a speech verb starts after a space: the end of every match of "reported"
    grammar["verb_at"] = re.compile(rf"\s(?=({verb})\b)")
    # "Lee said: <words>" up to the first of the words (the rest of the text follows them)
    # _speech_in read once per text with this grammar: wire copy and a live blog's repeated
    # posts bring the same paragraph to many sources
    grammar["speech_in"] = functools.lru_cache(maxsize=SPANS_REMEMBERED)(functools.partial(
        _speech_in, grammar["reported"], grammar["inverted"], grammar["verb_at"],
        grammar["body_words"]))
    grammar["attributions"] = functools.lru_cache(maxsize=SPANS_REMEMBERED)(functools.partial(
        _attributions, grammar))
    grammar["colon_intro"] = re.compile(rf"{subject}{ADVERBS}\s+{verb}\b[^:“”\"]{{0,120}}:\s+"
                                        rf"(?P<rest>\S)")
    grammar["unmarked_end"] = re.compile(
        rf"(?P<q>[^“”\"]{{20,}}?),\s+(?:{verb}\s+(?P<a1>{SPEAKER})|(?P<a2>{SPEAKER})\s+{verb})"
        rf"(?=\s*(?:[,.;]|$)|\s+(?:on|in|at|during|later|earlier|yesterday|today|this|last|"
        rf"to|a|an|the|reporters)\b)", re.DOTALL)
    return grammar


@functools.lru_cache(maxsize=16)
def _word_pattern(words: tuple[str, ...], before: str, after: str) -> re.Pattern:
    """Any of the words, in any case, between two pieces of pattern (built once per list)."""
    return re.compile(before + "|".join(re.escape(w) for w in words) + after, re.IGNORECASE)


def _speaker_words(body_words: int) -> int:
    """The most words speaker_pattern() can read: a body's three capitalised and three other
    words and its own (``body_words`` at most); or an article, five words and a name of four
    words, two particles before each of the last three."""
    return max(1 + 5 + 1 + 3 * 3, 3 + 3 + body_words)


def _after_quote_mark(text: str, start: int, at: int) -> int:
    """``start``, or where the text after the last quotation mark between it and ``at`` starts:
    a subject never holds a mark, unless in the parenthesis of a party (20 characters at most)."""
    mark = max(text.rfind(m, start, at) for m in QUOTE_MARKS)
    return mark + 1 if mark >= 0 and "(" not in text[max(0, mark - PARTY_REACH):mark] else start


def subject_windows(text: str, verbs: Iterable[tuple[int, int]], body_words: int
                    ) -> list[tuple[int, int]]:
    """The stretches of text a subject and its verb can fill ({subject}{ADVERBS} then the verb,
    a word after a space, given by where it starts and ends): from each verb back over the words
    a subject and what follows it can hold, the appositive and party (with their commas and
    parenthesis) counted in characters."""
    windows: list[tuple[int, int]] = []
    starts: list[int] = []
    wide = False
    for at, verb_end in verbs:
        if not starts:
            starts = token_starts(text)
            wide = WIDE_SPACE.search(text) is not None  # characters then undercount words
        start = 0 if wide else _after_quote_mark(
            text, _subject_start(text, starts, at, body_words), at)
        windows.append((start, token_end(text, verb_end)))
    return windows


def _subject_start(text: str, starts: list[int], at: int, body_words: int) -> int:
    """Where a subject whose verb starts at ``at`` (a word's start) can start at the earliest, in
    a text whose spaces are single. Between the speaker and the verb stand at most TAIL_WORDS
    words, after an appositive or a party if any: an appositive closed by the last comma, one
    or two words before the verb, opened by the comma before; or ", who…" after the last comma.
    """
    word = bisect.bisect_left(starts, at)  # the verb's word: it starts after a space
    tail = starts[max(0, word - TAIL_WORDS)]
    reach = max(0, tail - APPOSITION_REACH)
    if PARENTHESES.search(text, reach, at):  # a party: as far as it and an appositive reach
        words = _speaker_words(body_words)
        return starts[max(0, bisect.bisect_right(starts, reach) - 1 - words - 1)]
    start = _speaker_start(text, starts, word - TAIL_WORDS - 1, at, body_words)
    comma = text.rfind(",", reach, at)
    if comma < 0:
        return start
    if RELATIVE.match(text, comma + 1):
        start = min(start, _speaker_before(text, starts, comma, body_words))
    if comma >= starts[max(0, word - TAIL_WORDS - 1)]:
        opening = text.rfind(",", max(0, comma - APPOSITIVE_REACH), comma)
        if opening >= 0:
            start = min(start, _speaker_before(text, starts, opening, body_words))
    return start


def _speaker_before(text: str, starts: list[int], comma: int, body_words: int) -> int:
    """Where a speaker that ends at the comma opening an appositive can start at the earliest."""
    return _speaker_start(text, starts, bisect.bisect_right(starts, comma) - 1, comma,
                          body_words)


def _speaker_start(text: str, starts: list[int], last_word: int, end: int,
                   body_words: int) -> int:
    """Where a speaker whose last word is word ``last_word`` or a later one, before ``end``,
    can start at the earliest (``end`` if nowhere). A name has at most an article and five words
    before it (NAME_LEAD_WORDS) and its other words are capitalised (or particles); a body or a
    possessive starts at a capital; a title at "the", "a" or "an", at most five words before its
    last; he/she is the speaker's last word."""
    earliest = end
    name = _name_start(text, starts, last_word, end)
    if name is not None:
        earliest = starts[max(0, name - NAME_LEAD_WORDS)]
    capital = CAPITAL.search(text, starts[max(0, last_word - (3 + 3 + body_words - 1))], end)
    if capital:
        earliest = min(earliest, capital.start())
    article = ARTICLE.search(text, starts[max(0, last_word - TITLE_WORDS + 1)], end)
    if article:
        earliest = min(earliest, article.start())
    pronoun = PRONOUN.search(text, starts[max(0, last_word)], end)
    if pronoun:
        earliest = min(earliest, pronoun.start())
    return earliest


def _name_start(text: str, starts: list[int], last_word: int, end: int) -> int | None:
    """The first word a NAME that reaches word ``last_word`` (or starts after it, before
    ``end``) can start in: a word with a capital, followed by capitalised words or particles up
    to ``last_word``, at most NAME_WORDS words before it."""
    word = last_word
    while word > max(0, last_word - NAME_WORDS + 1) and _continues_name(text, starts[word]):
        word -= 1
    capital = CAPITAL.search(text, starts[max(0, word)], end)
    return None if capital is None else bisect.bisect_right(starts, capital.start()) - 1


def _continues_name(text: str, at: int) -> bool:
    """Can the word at ``at`` be a name's second, third or fourth word (or a particle)?"""
    return text[at] in CAPITAL_LETTERS or PARTICLE.match(text, at) is not None


def verb_spans(verb_at: re.Pattern, text: str) -> list[tuple[int, int]]:
    """Where each speech verb after a space starts and ends (its longest reading): the grammar's
    ``verb_at`` read over the text."""
    return [verb.span(1) for verb in verb_at.finditer(text)]


def _speech_in(reported: re.Pattern, inverted: re.Pattern, verb_at: re.Pattern, body_words: int,
               text: str) -> tuple[tuple[re.Match, ...], tuple[re.Match, ...]]:
    """The subjects a text says speak ("Lee said", the grammar's ``reported``) and the speakers
    it names after a verb (``inverted``)."""
    windows = subject_windows(text, verb_spans(verb_at, text), body_words)
    if not windows:
        return (), ()
    return tuple(finditer_within(reported, text, windows)), tuple(inverted.finditer(text))


class Run(NamedTuple):
    """A run of capitalised words (MENTION) and what the text around it says of it."""

    start: int
    name: str
    family_name: str | None  # the last word of a run of several
    introduced: bool  # a full name the sentence is about: "Laura Okafor, who chairs…"


@functools.lru_cache(maxsize=SPANS_REMEMBERED)
def _mentions_after(text: str, at: int) -> tuple[Run, ...]:
    """The runs of capitalised words (MENTION) that start after ``at``, read from there."""
    runs = []
    for match in MENTION.finditer(text, max(0, at)):
        if match.start() <= at:
            continue
        name = match.group()
        words = name.split()
        runs.append(Run(match.start(), name, words[-1] if len(words) > 1 else None,
                        "’" not in name and "'" not in name and len(words) > 1 and
                        SUBJECT_FOLLOWS.match(text, match.end()) is not None))
    return tuple(runs)


@functools.lru_cache(maxsize=SPANS_REMEMBERED)
def _run_keys(name: str) -> tuple[str, ...]:
    """The lookup_keys() of a run of capitalised words and of its last word (see Run)."""
    words = name.split()
    return lookup_keys(name) + (lookup_keys(words[-1]) if len(words) > 1 else ())


def _before_in(grammar: dict, text: str) -> re.Match | None:
    """The subject and verb that introduce a quotation, at the end of the text before it:
    a speech verb at most 160 characters from the end with no quotation mark after it, or a
    last word that may be any verb in the past tense ("…, Lee quipped:")."""
    core = text.rstrip()
    verbs = [(at, end) for at, end in verb_spans(grammar["verb_at"], text)
             if len(core) - end <= BEFORE_VERB_REACH and not QUOTE_MARK.search(text, end)]
    if core.endswith((":", ",")):
        core = core[:-1].rstrip()
        last_word = core.rsplit(None, 1)[-1] if core else ""
        verbs.append((len(core) - len(last_word), len(core)))
    windows = subject_windows(text, verbs, grammar["body_words"])
    return search_from_windows(grammar["before"], text, windows)


def _inverted_intro_in(grammar: dict, text: str) -> str | None:
    """The speaker named after the verb that introduces a quotation: "…, explained the
    moderator, Jo Roe:" (a text that ends in a colon only)."""
    if not text.rstrip().endswith(":"):
        return None
    match = grammar["inverted_intro"].search(text)
    return _subject(match) if match else None


def _attributions(grammar: dict, text: str) -> tuple[tuple[Span, str | None, str | None], ...]:
    """Each quotation a paragraph marks (quote_spans) with how the text names its speaker: the
    name, title or pronoun of an attribution, or a lone capitalised word before a speech verb
    ("…," From said). Quoted titles and headlines credited to their writer are left out. Read
    once per text (see _grammar): only which person a name is depends on the source.
    """
    found: list[tuple[Span, str | None, str | None]] = []
    credited = -1  # where the last headline credited "by" someone ended
    for span in _spans_in(text):
        headline = BYLINE.match(text, span.end + 1, span.end + 1 + AFTER_WINDOW)
        excerpt = 0 <= credited and span.start - 1 - credited <= AFTER_WINDOW and \
            EXCERPT.match(text, credited, span.start - 1)
        credited = span.end + 1 if headline else -1
        if headline or excerpt:
            continue
        after = grammar["after"].match(text[span.end + 1:span.end + 1 + AFTER_WINDOW])
        raw = next((after.group(g) for g in ("a1", "a2", "a3", "a4", "a5", "a6", "a7")
                    if after.group(g)), None) if after else None
        lone = after.group("a8") if after else None
        if after and after.group("a2"):
            raw = _subject(after, "a2")  # "…," the city's spokesman, Jo Roe, said
        if after and (after.group("a2") or lone) and text[span.start:span.end].endswith(".") \
                and not CLAUSE_END.match(after.string, after.end()):
            # "…." Jo Roe said the board would…: a new sentence that reports, not a credit
            raw = lone = None
        # the mark's sentence before it, read only when the words after the mark credit no one
        window = text[max(0, span.start - 1 - BEFORE_WINDOW):max(0, span.start - 1)]
        before_text = ""
        late = after and (after.group("a1") and "a1" or after.group("a6") and "a6")
        if late and (after.group(late).startswith("by ") or
                     REPORTED_CLAUSE.match(after.string, after.end(late))):
            # "…” displayed by the board" is passive, "…,” said the mayor could…" reports
            # what the mayor said: neither attributes the quotation
            raw = late = None
            # "Lee, citing “…,” said the mayor would…": the subject the verb follows
            before_text = sentence_start(window)
            interrupted = grammar["participle_subject"].match(before_text)
            if interrupted and name_head(interrupted.group("spk")):
                raw = interrupted.group("spk")
        if late:
            # "said former Obama adviser Jo Bloggs, who…": the whole name phrase, not the
            # shortest one the grammar allows
            start = span.end + 1 + after.start(late)
            phrase = text[start:start + AFTER_WINDOW]
            raw = phrase if name_head(phrase) else _whole_title(raw, phrase)
        if raw is None and not lone:
            before_text = before_text or sentence_start(window)
            before = _before_in(grammar, before_text)
            raw = _relative_head(_subject(before)) if before else None
            lead = LEAD.match(before_text[:before.start()]) if raw else None
            raw = _lead_name(lead.group(1), raw) if lead else raw
            raw = raw or _inverted_intro_in(grammar, before_text)
        words = text[span.start:span.end]
        if raw is None and not lone and (title_like(words) or TITLE_CUE.search(before_text)):
            continue
        if raw is None and not lone:
            subject = grammar["sentence_subject"].match(before_text)
            raw = _subject(subject) if subject else None
            lead = subject.group("lead") if subject else None
            raw = _lead_name(lead, raw) if lead and raw else raw
            if raw and raw.casefold() not in PRONOUNS and not name_head(raw):
                raw = None  # a person's words: "the deal offered…" quotes nobody
        if raw is None and not lone and REPORTING_PARTICIPLE.search(before_text):
            # "Lee left the room, telling reporters: “…”": the sentence's subject speaks
            subject = grammar["leading_subject"].match(before_text)
            raw = _subject(subject) if subject else None
            raw = _fuller_subject(raw, before_text, subject.start("spk")) if raw else raw
            if raw and raw.casefold() not in PRONOUNS and not name_head(raw):
                raw = None
        found.append((span, raw, lone))
    return tuple(found)


def search_from_windows(pattern: re.Pattern, text: str, windows: Sequence[tuple[int, int]]
                        ) -> re.Match | None:
    """``pattern.search(text)`` for a pattern whose every match starts in one of the windows,
    read from the first of them on (the pattern may read past a window: to the text's end)."""
    return pattern.search(text, min(start for start, _ in windows)) if windows else None


class QuoteFinder:
    """Finds the quotations of one source, remembering who spoke last (for he/she)."""

    def __init__(self, config: Config, index: PeopleIndex):
        self.index = index
        self.narrators = frozenset(config.narrator_labels)
        self.narrator_roles = _word_pattern(tuple(config.narrator_labels), r"\b(?:", r")\b")
        self.organisation = body_pattern(tuple(config.organisation_words))
        grammar = _grammar(tuple(config.speech_verbs), tuple(config.organisation_words))
        self.reported = grammar["reported"]
        self.verb_words = grammar["verb_words"]
        self.verb_at = grammar["verb_at"]
        self.speech_in = grammar["speech_in"]
        self.attributions = grammar["attributions"]
        self.grammar = grammar
        self.body_words = grammar["body_words"]
        self.colon_intro, self.unmarked_end = grammar["colon_intro"], grammar["unmarked_end"]
        self.organisations: dict[str, str] = {}  # "ministry" -> "China's commerce ministry"
        self.last_person: str | None = None
        # the people the last sentence that named anyone leaves open for a he/she (two named,
        # neither said to speak), and who is "Mr."/"Mrs." (a pronoun fits only one of them)
        self.last_candidates: tuple[str, ...] = ()
        self.genders: dict[str, str] = {}

    # -- speakers -------------------------------------------------------------------------

    def voice_of(self, raw: str | None) -> Voice:
        """The speaker for how a text names them; for a he/she that the context leaves open
        between two or more people, no speaker but those people."""
        pronoun = POSSESSIVE_END.sub("", raw.strip()).casefold() if raw else ""
        if pronoun in PRONOUNS:
            fitting = tuple(p for p in self.last_candidates
                            if self.genders.get(p, PRONOUN_GENDERS[pronoun]) ==
                            PRONOUN_GENDERS[pronoun])
            if len(fitting) > 1:
                return Voice(None, fitting)
            if len(fitting) == 1:
                self._remember(fitting[0])
        return Voice(self.speaker(raw))

    def _context_voice(self) -> Voice:
        """Whom the context hands an unattributed turn to (after "…, adding:")."""
        if len(self.last_candidates) > 1:
            return Voice(None, self.last_candidates)
        return Voice(self.last_person)

    def speaker(self, raw: str | None) -> str | None:
        """The canonical speaker for how a text names them (a name, title, pronoun, body)."""
        if not raw:
            return None
        raw = POSSESSIVE_END.sub("", raw.strip())
        reflexive = REFLEXIVE.search(raw)
        if reflexive:  # "Ibarra itself said": the one named, and a body when "itself"
            raw = raw[:reflexive.start()]
            if reflexive.group(1).casefold() in ("itself", "themselves"):
                head = name_head(raw)
                return head[1] if head else ARTICLE_START.sub("", raw) or None
        bare = ARTICLE_START.sub("", raw)
        if raw.casefold() in PRONOUNS:
            if self.last_person and self.last_person not in self.index.people:
                self.last_person = self.index.add(self.last_person)
            return self.last_person
        person = self.index.resolve(raw)
        head = name_head(raw) if person is None else None
        if head and self._a_body(head[1]):
            head = None  # "the White House", "China's Commerce Ministry": a body
        if head:
            descriptor, name = head
            person = self.index.resolve(name)
            if person is None and (plausible := plausible_name(name)):
                role = DETERMINER_START.sub("", descriptor.strip(" ,"))
                person = self.index.add(plausible, role=role or None)
            elif person is None:
                person = self.index.resolve_surname(name)
        elif person is None:
            name = NAME_AT_END.search(raw)
            if name and (PLACE_LINK.search(raw, max(0, name.start() - 12), name.start()) or
                         BODY_NAME_GOES_ON.search(raw, 0, name.start())):
                name = None  # "the state attorney in Palm Grove": a place, not the speaker;
                #              "the Bureau of Safety and Environmental Enforcement": a body
            if name and len(name.group().split()) >= 2 and not self.organisation.search(raw) \
                    and name.group().casefold() not in self.index.bodies:
                title, full = split_title(name.group())
                person = self.index.resolve(full)
                if person is None and (plausible := plausible_name(full)):
                    role = ARTICLE_START.sub("", raw[:name.start()].strip(" ,"))
                    person = self.index.add(plausible, role=" ".join((role + " " + title).split())
                                            or None)
            elif name and raw == name.group():
                person = self.index.resolve_surname(raw)
        if person:
            self._remember(person)
            return person
        body = self.organisation.search(bare)
        if body:
            word = body.group().casefold()
            if bare.casefold() == word or raw.casefold().startswith(("the ", "its ")) and \
                    bare.islower():
                return self.organisations.get(word)  # "the ministry": the one named before
            proper = NAME_AT_END.search(bare)
            name = proper.group() if proper and self.organisation.search(proper.group()) else bare
            if raw.startswith("The ") and raw[4:] == name:
                name = raw  # a title's own capital article: "The Global Times"
            self.organisations[word] = name
            return name
        if raw != bare and (bare.islower() or ROLE_AT_END.search(bare)):
            # "a senior administration official", "a CMA spokesperson"
            return (self._holder_of(bare) if raw[:4].casefold() == "the " else None) or bare
        if head:
            return head[1]  # a lone family name not seen in full
        name = NAME_AT_END.search(raw)
        return name.group() if name else None

    def _holder_of(self, role: str) -> str | None:
        """The one person the article names with this role: "the vice premier" where it names
        "Vice Premier He Lifeng"; None when no one's or several people's, and for a role of one
        word ("the president": Trump named without his role, or the vice president, may be
        meant)."""
        wanted = role.casefold().split()
        if len(wanted) < 2 or not ROLE_ONLY.match(role):
            return None  # "the president": whoever the article names without a role may be it
        holders = []
        for person in self.index.people.values():
            if not person.role:
                continue
            words = person.role.casefold().split()
            if words[-len(wanted):] == wanted and \
                    not set(words[:-len(wanted)][-1:]) & NOT_THE_ROLE_ITSELF:
                holders.append(person.name)
        return holders[0] if len(holders) == 1 else None

    def _remember(self, person: str) -> None:
        self.last_person = person
        self.last_candidates = ()

    def _notice_speakers(self, text: str) -> None:
        """Remember the person a he/she after this text most likely means: the last one said to
        have spoken ("Gill said Brussels would…"), else the one named in the last sentence that
        names anyone ("Jensen is already planning…"). Two or more people named in that sentence
        and none said to speak ("Lee met Roe on Monday.") fit equally: remember them all."""
        mentions: list[tuple[int, str, bool]] = []  # (where, person, said to speak)
        last_at = -1
        reported, inverted = self.speech_in(text)
        for match in reported:
            person = self.speaker(_subject(match))
            if person in self.index.people:
                last_at = match.start()
                mentions.append((last_at, person, True))
        for match in inverted:
            person = self.speaker(match.group("spk"))
            if person in self.index.people and match.start("spk") > last_at:
                mentions.append((match.start("spk"), person, True))
        named = _mentions_after(text, last_at)
        if HONORIFIC_ANYWHERE.search(text):
            for run in named:  # in order: the first "Mr."/"Mrs." a person is given counts
                if HONORIFIC.search(text, max(0, run.start - 6), run.start):
                    person = self._mentioned(run)
                    if person:
                        self._notice_gender(person, text, run.start)
        # only the last sentence that names anyone counts: its mentions, read from the end
        said_last = max((at for at, _, _ in mentions), default=-1)
        start = None  # of that sentence, once its last mention is known
        for run in reversed(named):
            at = run.start
            if start is None and at < said_last:
                start = _sentence_start_at(text, said_last)
            if start is not None and at < start:
                break
            person = self._mentioned(run)
            if person is None:
                continue
            if start is None:
                start = _sentence_start_at(text, at)
            mentions.append((at, person, False))
        if start is None:
            if said_last < 0:
                return
            start = _sentence_start_at(text, said_last)
        sentence = sorted(m for m in mentions if m[0] >= start)
        speakers = [person for _, person, said in sentence if said]
        named = tuple(dict.fromkeys(person for _, person, _ in sentence))
        if speakers or len(named) == 1:
            self._remember(speakers[-1] if speakers else named[0])
        else:
            self.last_person = named[-1]
            self.last_candidates = named

    def _mentioned(self, run: Run) -> str | None:
        """The person a capitalised run (MENTION) names: one known, or a full name the sentence
        is about ("Laura Okafor, who chairs…")."""
        person = self._known_person(run)
        if person is None and run.introduced:
            person = None if self._a_body(run.name) else plausible_name(run.name)
        return person

    def _a_body(self, name: str) -> bool:
        """A name ending in an organisation word that is no known person's: "Hyundai Motor",
        "the White House"; not "Frank Press", once the text has named him with his role."""
        return (bool(self.organisation.search(name)) or name.casefold() in self.index.bodies) \
            and self.index.resolve(name) is None

    def _known_person(self, run: Run) -> str | None:
        """The known person a run of capitalised words, or its last word, names."""
        if not self.index.may_resolve(_run_keys(run.name)):
            return None
        person = self.index.resolve(run.name) or (
            self.index.resolve(run.family_name) if run.family_name is not None else None)
        return person if person in self.index.people else None

    def _notice_gender(self, person: str, text: str, at: int) -> None:
        """"Mr. Lee", "Mrs. Roe": which pronoun can stand for the person."""
        honorific = HONORIFIC.search(text, max(0, at - 6), at)
        if honorific:
            self.genders.setdefault(person, HONORIFIC_GENDERS[honorific.group(1).casefold()])

    # -- quotations -----------------------------------------------------------------------

    def _quote(self, paragraph: SourceParagraph, start: int, end: int,
               voice: Voice | str | None) -> Quote | None:
        start, end = trimmed(paragraph.text, start, end)
        words = paragraph.text[start:end]
        if len(words.split(None, MIN_WORDS)) < MIN_WORDS:
            return None
        voice = voice if isinstance(voice, Voice) else Voice(voice)
        return Quote(paragraph.source_id, paragraph.line, words, voice.speaker, start, end,
                     candidates=voice.candidates if voice.speaker is None else ())

    def _whole(self, paragraph: SourceParagraph, voice: Voice) -> list[Quote]:
        """The whole paragraph as one quotation (after "…said:", or a follow-on paragraph)."""
        quote = self._quote(paragraph, 0, len(paragraph.text), voice)
        return [quote] if quote else []

    def _label_turn(self, paragraph: SourceParagraph) -> tuple[bool, Quote | None]:
        """A transcript turn: (is a turn, its quotation unless the speaker is a narrator)."""
        if not LABEL_START.match(paragraph.text):
            return False, None  # the cheap test of what LABEL needs first
        match = LABEL.match(paragraph.text)
        if not match or not re.search(r"[A-Z]{2}|^Q$", match.group("label")):
            return False, None
        label = match.group("label").strip()
        if RUN_IN_HEADING.fullmatch(label) and not ROLE_WORD_PARTS.intersection(
                label.casefold().replace("-", " ").split()):
            return False, None  # "RESTORING FAIRNESS: In his first term, …": a fact sheet's head
        name = plausible_name(match.group("name") or "")
        if name:  # "ANCHOR (Jo Roe):"; not "XI JINPING (through translator):"
            person = self.index.add(name, role=role_from_capitals(label))
        elif match.group("name") and len(match.group("name").split()) == 1:
            person = match.group("name").strip()
        else:
            person = self.speaker(label.title())
        role = (self.index.people[person].role or "") if person in self.index.people else ""
        if match.group("role"):  # "JO ROE, BYLINE:", "JO ROE, HOST:": the role says who speaks
            role = role_from_capitals(match.group("role").strip())
            if len(label.split()) > 1:
                person = self.index.add(label.title(), role=role)
        if label.casefold() in self.narrators or self.narrator_roles.search(role):
            return True, None
        return True, self._quote(paragraph, match.start("rest"), len(paragraph.text), person)

    def _marked(self, paragraph: SourceParagraph, carried: Voice) -> list[Quote]:
        quotes: list[Quote] = []
        previous = carried
        for span, raw, lone in self.attributions(paragraph.text):
            if raw is None and lone:
                voice = Voice(self.index.resolve_surname(lone) or lone)
                self._remember(voice.speaker)
            else:
                voice = self.voice_of(raw) if raw else previous
            quote = self._quote(paragraph, span.start, span.end, voice)
            previous = voice or previous
            if quote:
                quotes.append(quote)
        return quotes

    def _reports(self, text: str) -> bool:
        """Does the text report someone's words ("Lee said…")?"""
        return next(self._reported(text, self._subject_windows(text)), None) is not None

    def _reported(self, text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match]:
        """``reported.finditer(text)``, read in the windows a subject and its verb can fill."""
        return finditer_within(self.reported, text, windows)

    def _verbs(self, text: str) -> list[tuple[int, int]]:
        return verb_spans(self.verb_at, text)

    def _subject_windows(self, text: str) -> list[tuple[int, int]]:
        """Where a subject and the speech verb after it can be (see subject_windows)."""
        return subject_windows(text, self._verbs(text), self.body_words)

    def _colon_windows(self, text: str) -> list[tuple[int, int]]:
        """Where colon_intro can match: up to the first word after the colon that follows a
        verb (a verb with no colon after it introduces nothing)."""
        verbs = []
        colon = -1
        for at, end in self._verbs(text):
            if colon < end:  # the first colon after this verb (each stretch read once)
                colon = text.find(":", end)
                word = WORD_AFTER.search(text, colon + 1) if colon >= 0 else None
                if word is None:
                    break  # no colon after this verb, or no word after its colon: nor later
            verbs.append((at, word.end() - 1))
        return subject_windows(text, verbs, self.body_words)

    def _has_verb(self, text: str) -> bool:
        """Could a pattern that needs a speech verb match this text? (A cheap test first.)"""
        return not self.verb_words.isdisjoint(WORD.findall(text.casefold()))

    def _unmarked(self, paragraph: SourceParagraph) -> Quote | None:
        """Copy without marks: ``Trump said: <words>`` or ``<words>, Trump said``."""
        text = paragraph.text
        if not self._has_verb(text):
            return None
        intro = next(finditer_within(self.colon_intro, text, self._colon_windows(text)), None)
        if intro:
            voice = self.voice_of(_subject(intro))
            if voice:
                return self._quote(paragraph, intro.start("rest"), len(text), voice)
        end = self.unmarked_end.match(text)
        if end:
            voice = self.voice_of(end.group("a1") or end.group("a2"))
            speaker = voice.speaker
            if speaker in self.index.people or speaker and UNNAMED_PERSON.search(speaker) or \
                    voice.candidates:
                # "…, the ministry announced" is reported speech; a person's words are quoted
                return self._quote(paragraph, end.start("q"), end.end("q"), voice)
        return None

    def _introduces(self, paragraph: SourceParagraph, quotes: list[Quote]) -> Voice:
        """The speaker a paragraph ending in a colon hands its next paragraph to, if any."""
        text = paragraph.text
        if not text.endswith(":"):
            return NOBODY
        last = sentence_start(text[-BEFORE_WINDOW:])
        before = _before_in(self.grammar, last)
        if before:
            return self.voice_of(_subject(before))
        inverted = _inverted_intro_in(self.grammar, last)
        if inverted:
            return self.voice_of(inverted)
        if INTRO_PARTICIPLE.search(last):
            return voice_of_quote(quotes[-1]) if quotes else self._context_voice()
        return NOBODY

    def _names(self, voice: Voice, text: str) -> bool:
        """Does the text speak of this person (or one it may be) in the third person?"""
        people = (voice.speaker,) if voice.speaker else voice.candidates
        words = {w for person in people for w in (person, person.split()[-1])}
        return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)

    def find(self, paragraphs: Iterable[SourceParagraph]) -> list[Quote]:
        paragraphs = [p for p in paragraphs if p.kept and not p.heading]
        spans_of = [_spans_in(p.text) for p in paragraphs]
        marked = any(not s.open_end and not s.lost_open for spans in spans_of for s in spans)
        stripped = not marked and any(FIRST_PERSON.search(p.text) for p in paragraphs)
        quotes: list[Quote] = []
        pending = NOBODY   # announced by a paragraph ending "…said:"
        carried = NOBODY   # a quotation left open runs on with its speaker
        unmarked_from = NOBODY  # last paragraph was an unmarked quotation
        voice = NOBODY  # last paragraph ended on this speaker's quotation
        previous: SourceParagraph | None = None
        for paragraph, spans in zip(paragraphs, spans_of):
            text = paragraph.text
            found: list[Quote] = []
            turn, turn_quote = self._label_turn(paragraph)
            spans = () if turn and turn_quote else spans
            if spans:
                self._notice_speakers(text[:spans[0].start])
            if turn:
                found = [turn_quote] if turn_quote else self._marked(paragraph, NOBODY)
            elif pending and not (spans and spans[0].start > 1) and \
                    not self._names(pending, text):
                # a paragraph in marks after "…said:" is quoted without them; one that only
                # opens with a word in marks ("Soybeans" are the big winner…) is quoted whole
                found = (self._marked(paragraph, pending) if spans else []) or \
                    self._whole(paragraph, pending)
            elif spans:
                carried = carried or voice
                starts_open = text.lstrip()[:1] in OPENING_MARKS and bool(carried)
                found = self._marked(paragraph, carried if starts_open else NOBODY)
            elif stripped:
                unmarked = self._unmarked(paragraph)
                if unmarked:
                    found = [unmarked]
                elif unmarked_from and SPEECH_MARKERS.search(text) and \
                        len(text.split()) <= CONTINUATION_MAX_WORDS and \
                        not self._reports(text):
                    found = self._whole(paragraph, unmarked_from)
            if not found:
                self._notice_speakers(text)
            if found:
                sentence_spans = split_sentences(text) if len(text) > CONTEXT_MAX else []
                ends = [end for _, end in sentence_spans]
                found = [_with_context(q, paragraph, sentence_spans, ends, previous)
                         for q in found]
            quotes.extend(found)
            last = voice_of_quote(found[-1]) if found else NOBODY
            carried = last if spans and spans[-1].open_end else NOBODY
            # a paragraph that ends on an attributed quotation hands its voice to a next one that
            # is a quotation with no attribution of its own ("…," Lee said. / "And …")
            voice = last if found and spans and not turn and \
                len(text[found[-1].end:].strip()) <= VOICE_TAIL else NOBODY
            unmarked_from = last if stripped and not spans else NOBODY
            pending = self._introduces(paragraph, found)
            previous = paragraph
        return quotes


@functools.lru_cache(maxsize=SPANS_REMEMBERED)
def _sentence_start_at(text: str, at: int) -> int:
    """Where the sentence holding the character at ``at`` starts (within BEFORE_WINDOW)."""
    return at - len(sentence_start(text[max(0, at - BEFORE_WINDOW):at]))


def _with_context(quote: Quote, paragraph: SourceParagraph,
                  sentence_spans: Sequence[tuple[int, int]], ends: Sequence[int],
                  previous: SourceParagraph | None) -> Quote:
    """The verbatim words that frame a quotation: its paragraph when that says more than the
    quotation (or, in a long paragraph, its sentences), else the last sentence of the paragraph
    before (the question, the ``…said:`` line)."""
    text = paragraph.text
    if len(quote.text) < 0.9 * len(text.strip()):
        if len(text) <= CONTEXT_MAX:
            return _in_context(quote, text, paragraph.line)
        first = bisect.bisect_right(ends, quote.start)
        last = bisect.bisect_left(ends, quote.end)
        if first < len(sentence_spans) and last < len(sentence_spans):
            window = text[sentence_spans[first][0]:sentence_spans[last][1]]
            if len(window) <= CONTEXT_MAX:
                return _in_context(quote, window, paragraph.line)
        return quote
    if previous is not None and len(previous.text) <= CONTEXT_MAX:
        last_sentence = split_sentences(previous.text)[-1:]
        if last_sentence:
            start, end = last_sentence[0]
            return _in_context(quote, previous.text[start:end], previous.line)
    return quote


def _in_context(quote: Quote, context: str, line: int) -> Quote:
    """``replace(quote, context=context, context_line=line)`` without its generic cost."""
    return Quote(quote.source_id, quote.line, quote.text, quote.speaker, quote.start, quote.end,
                 context, line, quote.candidates)


def _subject(match: re.Match, group: str = "spk") -> str:
    """The speaker a subject names; in "the trade spokesperson, Olof Gill, said" the name."""
    appositive = match.group("app")
    if appositive and len(appositive.split()) >= 2 and (
            NAME_ONLY.fullmatch(appositive.strip()) or
            (name_head(appositive) or ("", ""))[1] == appositive.strip()):
        return f"{match.group(group)} {appositive.strip()}"
    return match.group(group)


def _fuller_subject(raw: str, text: str, start: int) -> str:
    """The whole name phrase where the grammar read the shortest subject that fits: "Republican
    candidate Jo Roe" (not "Republican"), "the party's state director, Jo Roe," (not "party")."""
    head = name_head(raw)
    if head and len(head[1].split()) >= 2:
        return raw
    longer = LONG_SUBJECT.match(text, start)
    for phrase in (text[start:start + BEFORE_WINDOW], longer and longer.group()):
        fuller = name_head(phrase) if phrase else None
        if fuller and len(fuller[1].split()) >= 2:
            return phrase.split(",")[0] if fuller[1] in phrase.split(",")[0] else fuller[1]
    return raw


def _lead_name(lead: str, raw: str) -> str:
    """"Jo Roe, the Ohio Democrat who chairs the panel, said": the name the description that
    stands as the subject follows, when the sentence opens with it."""
    head = name_head(lead) if re.match(r"(?:the|an?)\s", raw) else None
    return lead if head and lead.rstrip().endswith(head[1]) else raw


def _relative_head(raw: str) -> str | None:
    """The speaker of "a campaign aide who said": the aide. "a video that said" quotes a thing,
    not a person: no speaker (the sentence's subject may be one)."""
    words = raw.split()
    if len(words) < 2 or not raw.islower():
        return raw
    if words[-1] == "who":
        return " ".join(words[:-1])
    return None if words[-1] in ("that", "which") else raw


def _whole_title(raw: str, phrase: str) -> str:
    """"the county clerk" where the grammar read "the county" ("said the county clerk in …"):
    the lower-case words after a title, up to a linking word, belong to it."""
    if not raw.islower() or not phrase.startswith(raw):
        return raw
    words = []
    for word in TITLE_TAIL.match(phrase, len(raw)).group().split():
        if word in PHRASE_ENDS:
            break
        words.append(word)
    return " ".join([raw, *words])


def find_quotes(paragraphs: Iterable[SourceParagraph], config: Config, index: PeopleIndex
                ) -> tuple[Quote, ...]:
    return tuple(QuoteFinder(config, index).find(paragraphs))
