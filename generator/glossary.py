"""Stage 4e: the glossary. For each term in ``briefing.yml``, the definition a source gives and
every way the sources write the term (for tooltips wherever it appears).

A source defines a term by spelling out an abbreviation (``Asia-Pacific Economic Cooperation
(APEC)``), by a sentence about it (``Rare earths are a specific … category of critical minerals
…``) or by an apposition (``fentanyl, an opioid that …``). The definition is verbatim source
text; a definition written in ``briefing.yml`` is used only when no source defines the term.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.config import phrase_regex
from generator.people import folded_ascii
from generator.segment import sentences
from generator.structure import Sentence, SourceParagraph

CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "de", "&"})
LONG_FORM_WORDS = 10
MAX_FORMS = 12
LEADING_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: Sentence | None  # verbatim from a source, with where it stands
    written: str | None  # the editor's definition from briefing.yml
    forms: tuple[str, ...]  # how the sources write the term ("APEC", "Apec")
    expansion: Sentence | None = None  # what the letters stand for, when a source says what
    # the thing is as well (then ``definition`` says that)

    @property
    def text(self) -> str:
        """The tooltip: what the letters stand for, then what the thing is."""
        said = self.definition.text if self.definition else (self.written or "")
        return f"{self.expansion.text}: {said}" if self.expansion and said else said


def _is_subsequence(letters: str, word: str) -> bool:
    remaining = iter(word)
    return all(letter in remaining for letter in letters)


def spells(words: list[str], abbreviation: str) -> bool:
    """Do the words spell the abbreviation? Each word gives its first letter and maybe more
    of its letters in order ("Southeast" gives S or SE); small words may give nothing."""
    if not words:
        return not abbreviation
    word, rest = words[0].casefold(), words[1:]
    if word in CONNECTORS and spells(rest, abbreviation):
        return True
    if not abbreviation or word[0] != abbreviation[0]:
        return False
    return any(_is_subsequence(abbreviation[1:take], word[1:]) and
               spells(rest, abbreviation[take:]) for take in range(1, len(abbreviation) + 1))


def long_form(text: str, term: str) -> tuple[int, int] | None:
    """Offsets of the words spelling out ``term`` just before ``(term)`` in text."""
    for match in re.finditer(rf"\(\s*{re.escape(term)}\s*\)", text, re.IGNORECASE):
        words = list(re.finditer(r"[\w’'&-]+", text[max(0, match.start() - 200):match.start()]))
        offset = max(0, match.start() - 200)
        letters = term.casefold().replace(" ", "")
        for count in range(1, min(LONG_FORM_WORDS, len(words)) + 1):
            chosen = words[-count:]
            parts = [p for w in chosen for p in re.split(r"[-–]", w.group()) if p]
            if chosen[0].group()[0].isalpha() and spells(parts, letters):
                return offset + chosen[0].start(), offset + chosen[-1].end()
    return None


def _expansion(term: str, paragraph: SourceParagraph) -> Sentence | None:
    span = long_form(paragraph.text, term) if " " not in term else None
    if not span:
        return None
    start, end = span
    return Sentence(paragraph.source_id, paragraph.line, start, end, paragraph.text[start:end])


def _description(regexes: Iterable[re.Pattern], paragraph: SourceParagraph) -> Sentence | None:
    """A sentence saying what the term (or its spelled-out name) is: "X is a …", "X is the …"
    (DEFINING), or an apposition "X, a …" (also after "Long Name (X), a …")."""
    for sentence in sentences(paragraph):
        for regex in regexes:
            found = _describes(regex, paragraph, sentence)
            if found:
                return found
    return None


def _describes(regex: re.Pattern, paragraph: SourceParagraph, sentence: Sentence
               ) -> Sentence | None:
    match = regex.match(sentence.text) or \
        regex.match(sentence.text, LEADING_THE.match(sentence.text).end())
    if match and DEFINING.match(sentence.text[match.end():]):
        return sentence  # "[The] Competition and Markets Authority (CMA) is the UK's …"
    for found in regex.finditer(sentence.text):
        apposition = re.match(r"\)?,\s+((?:a|an)\s+[^,.;:()]{8,160})[,.;]",
                              sentence.text[found.end():])
        if apposition:
            start = sentence.start + found.end() + apposition.start(1)
            end = sentence.start + found.end() + apposition.end(1)
            return Sentence(paragraph.source_id, paragraph.line, start, end,
                            paragraph.text[start:end])
    return None


DEFINING = re.compile(r"(?:\s*\([^()]{1,12}\))?\)?\s+(?:is|are)\s+(?:an?\s|the\s+(?!(?:\w+est|first|second|third|next|"
                      r"last|only|main|same|one|other|latest|key|subject|focus|centre|center|"
                      r"reason|stage|cause|heart|core|result)\b)"
                      r"(?:[\w’'-]+\s+){1,3}?(?:of|for)\s"
                      r"|the\s+[A-Z][\w.-]*['’]s\s+(?!\w+est\b|first\b|only\b|main\b|most\b|"
                      r"least\b|best\b|worst\b|favou?rite\b|top\b|key\b)[a-z])",
                      re.IGNORECASE)
"""What opens a sentence that says what its subject is: "X is a …", "X is the abnormal rise
of …" (the thing it is, then "of" or "for"), "X is the UK's competition regulator"; not "X is
the biggest …", "X is the stage on which …", "X is the reason …", "X is the world's largest
…": a judgement, not what X is."""


LEADING_THE = re.compile(r"(?:[Tt]he\s+)?")


class _Texts:
    """The paragraphs' texts as one, to find in one pass which of them hold a word."""

    def __init__(self, paragraphs: list[SourceParagraph]):
        self.text = "\n".join(p.text for p in paragraphs)  # no word holds a line break
        self.folded = folded_ascii(self.text)
        self.starts = list(itertools.accumulate((len(p.text) + 1 for p in paragraphs),
                                                initial=0))[:-1]

    def holding(self, phrase: str) -> set[int]:
        """The paragraphs holding the phrase's first letters in any case: only those can hold
        the phrase (its pattern's look-behind, tried at every place of every paragraph, costs
        several times this one scan)."""
        word = LEADING_WORD.match(phrase.strip())
        if not word:
            return set(range(len(self.starts)))
        return {bisect.bisect_right(self.starts, m.start()) - 1 for m in self._found(word.group())}

    def _found(self, word: str) -> Iterator[re.Match]:
        """Where the word stands in any case: an ASCII word is found on the folded text (see
        folded_ascii), at the same places, where a case-blind pattern is several times slower."""
        if word.isascii():
            return re.finditer(re.escape(word.lower()), self.folded)
        return re.finditer(re.escape(word), self.text, re.IGNORECASE)


def define_terms(paragraphs: Iterable[SourceParagraph], glossary: dict[str, str]
                 ) -> list[GlossaryEntry]:
    """One entry per configured term, in the order given; paragraphs in reading order."""
    paragraphs = [p for p in paragraphs if p.kept and not p.heading]
    texts = _Texts(paragraphs)
    entries = []
    for term, written in glossary.items():
        regexes = [phrase_regex(term)]
        holding = [texts.holding(term)]  # the paragraphs each regex may find something in
        maybe = set(holding[0])
        forms: dict[str, None] = {}
        expansion = description = None
        for number, paragraph in enumerate(paragraphs):
            if number not in maybe:
                continue
            written_as = [m.group() for m in regexes[0].finditer(paragraph.text)] \
                if number in holding[0] else []
            for form in written_as[:MAX_FORMS]:
                if len(forms) < MAX_FORMS:
                    forms.setdefault(form, None)
            if not written_as and not any(number in held and regex.search(paragraph.text)
                                          for regex, held in zip(regexes[1:], holding[1:])):
                continue
            if expansion is None and (expansion := _expansion(term, paragraph)):
                regexes.append(phrase_regex(expansion.text))
                holding.append(texts.holding(expansion.text))
                maybe |= holding[-1]
            if description is None:
                description = _description(regexes, paragraph)
        definition = description or expansion
        entries.append(GlossaryEntry(term, definition, written or None, tuple(forms),
                                     expansion if description and expansion else None))
    return entries
