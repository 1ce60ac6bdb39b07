"""Stage 4b: direct quotations and who said them.

Handles quotation marks (straight or curly), an opening mark lost in syndication, quotes
introduced by a colon (on the same line or the line before), and wire copy whose marks were all
stripped (``<words>, Trump said``). Paraphrase (``Trump said he expected…``) is not a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.config import Config
from generator.people import PeopleIndex
from generator.structure import Quote, SourceParagraph

MIN_WORDS = 4
PRONOUNS = frozenset({"he", "she"})
NOT_SUBJECTS = (r"(?!(?:When|Where|While|As|After|Before|If|In|On|At|But|And|Also|Asked|Speaking|"
                r"Answering|Yet|So|Then|Later|Earlier|Here|There|It|This|That|What)\b)")
NAME = rf"{NOT_SUBJECTS}[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*){{0,2}}"
TITLE = r"(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,4}?[a-z][\w-]*"
SPEAKER = rf"(?:{TITLE}|(?:(?:[Aa]n?|[Tt]he)\s+)?(?:[\w-]+\s+){{0,5}}?{NAME}|[Hh]e|[Ss]he)"
MARKED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")


class QuoteFinder:
    """Finds the quotations of one source; remembers the last speaker for he/she."""

    def __init__(self, config: Config, index: PeopleIndex):
        self.index = index
        verbs = "|".join(sorted(config.speech_verbs, key=len, reverse=True))
        self.verb = rf"(?:{verbs})"
        self.after = re.compile(
            rf"^\s*,?\s*(?:(?:{self.verb})\s+(?P<spk1>{SPEAKER})|(?P<spk2>{SPEAKER})(?:’s|'s)?"
            rf"(?:\s+\w+ly)?\s+(?:{self.verb}))\b")
        self.before = re.compile(
            rf"(?P<spk>{SPEAKER})(?:’s|'s)?(?:\s+post)?(?:\s+(?:also|later|then|has|had))?\s+"
            rf"(?:{self.verb})\b[^“\"]*?[:,]?\s*$")
        self.according = re.compile(rf"^[\s,]*according to\s+(?P<spk>{SPEAKER})")
        self.unmarked_end = re.compile(
            rf"^(?P<q>[^“”\"]{{20,}}?),\s+(?:(?:{self.verb})\s+(?P<spk1>{SPEAKER})|"
            rf"(?P<spk2>{SPEAKER})\s+(?:{self.verb}))"
            rf"(?=\s*(?:[,.;]|$)|\s+(?:on|in|at|during|later|earlier|yesterday|today|this|last|"
            rf"to|a|an|the|reporters)\b)")
        self.colon_intro = re.compile(
            rf"(?P<spk>{SPEAKER})(?:’s|'s)?(?:\s+post)?(?:\s+(?:also|later|then|\w+ly))?\s+"
            rf"(?:{self.verb})\b[^:“\"]*:\s*(?P<rest>.*)$")
        self.last_speaker: str | None = None

    def speaker(self, raw: str | None) -> str | None:
        if not raw:
            return None
        raw = re.sub(r"(’s|'s)$", "", raw.strip())
        if raw.casefold() in PRONOUNS:
            return self.last_speaker
        resolved = self.index.resolve(raw)
        if resolved is None:
            name = re.search(rf"{NAME}$", raw)
            if name and len(name.group().split()) >= 2:
                resolved = self.index.add(name.group(),
                                          role=raw[:name.start()].strip(" ,") or None)
            elif name:
                resolved = self.index.resolve(name.group()) or name.group()
        if resolved:
            self.last_speaker = resolved
        return resolved

    def _marked(self, paragraph: SourceParagraph) -> list[Quote]:
        text = paragraph.text
        spans = [(m.start(), m.end(), m.group(1) or m.group(2)) for m in MARKED.finditer(text)]
        if text.count('"') % 2 == 1 and not text.lstrip().startswith('"'):
            close = re.search(r"[,.?!]\"", text)
            if close and (not spans or close.end() <= spans[0][0]):
                spans.insert(0, (0, close.end(), text[:close.start() + 1]))
        quotes: list[Quote] = []
        previous_speaker = None
        for start, end, words in spans:
            words = words.strip().rstrip(",")
            if len(words.split()) < MIN_WORDS:
                continue
            raw = None
            after = self.after.match(text[end:])
            if after:
                raw = after.group("spk1") or after.group("spk2")
            else:
                according = self.according.match(text[end:])
                before = self.before.search(text[:start])
                raw = (according.group("spk") if according else
                       before.group("spk") if before else None)
            speaker = self.speaker(raw) if raw else previous_speaker
            previous_speaker = speaker or previous_speaker
            quotes.append(Quote(paragraph.source_id, paragraph.line, words, speaker, text))
        return quotes

    def _unmarked(self, paragraph: SourceParagraph) -> list[Quote]:
        text = paragraph.text
        intro = self.colon_intro.search(text)
        if intro and len(intro.group("rest").split()) >= MIN_WORDS:
            return [Quote(paragraph.source_id, paragraph.line, intro.group("rest").strip(),
                          self.speaker(intro.group("spk")), text)]
        end = self.unmarked_end.match(text)
        if end:
            speaker = self.speaker(end.group("spk1") or end.group("spk2"))
            if speaker:  # "…, the ministry announced" is reported speech, not a quotation
                return [Quote(paragraph.source_id, paragraph.line, end.group("q").strip(),
                              speaker, text)]
        return []

    def find(self, paragraphs: Iterable[SourceParagraph]) -> list[Quote]:
        quotes: list[Quote] = []
        pending: str | None = None  # the speaker announced by a paragraph ending with a colon
        pending_set = False
        for paragraph in paragraphs:
            if not paragraph.kept or paragraph.heading:
                continue
            text = paragraph.text
            if pending_set and not MARKED.search(text):
                quotes.append(Quote(paragraph.source_id, paragraph.line, text, pending, text))
                pending_set = False
                continue
            pending_set = False
            found = self._marked(paragraph) if ('"' in text or "“" in text) else []
            if not found:
                found = self._unmarked(paragraph)
            quotes.extend(found)
            if text.endswith(":"):
                intro = self.colon_intro.search(text)
                if found and MARKED.search(text):
                    pending, pending_set = found[-1].speaker, True
                elif intro and not intro.group("rest").strip():
                    pending, pending_set = self.speaker(intro.group("spk")), True
        return quotes


def find_quotes(paragraphs: Iterable[SourceParagraph], config: Config, index: PeopleIndex
                ) -> tuple[Quote, ...]:
    return tuple(QuoteFinder(config, index).find(paragraphs))
