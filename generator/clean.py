"""Stage 2: split a source into paragraphs and take out the clutter, keeping the reason for each.

Nothing is dropped here: a removed paragraph stays in the list with ``kept=False`` and a
``removed_because`` that the source page shows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from generator.config import Config
from generator.load import DATE_LINE
from generator.structure import RawLine, SourceMeta, SourceParagraph

WHITESPACE = re.compile(r"[\s\u00a0\u200b\u2028\u2029\ufeff]+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# BYLINE and NAME_CAPTION are only matched at the start of a paragraph, never searched: one pass
# over it however long its words, so they need no bound on a word's length.
NAME_WORD = r"[A-Z][\w'’.-]*"
BYLINE = re.compile(rf"^{NAME_WORD}( {NAME_WORD}){{1,2}}$")
NAME = rf"{NAME_WORD}( {NAME_WORD}){{0,3}}"
NAME_CAPTION = re.compile(rf"^{NAME}((, | and | & ){NAME})+\.?$")
SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z .'’-]{1,40}:")
SENTENCE_END = ".!?)\"”’"
CLOSING = ".!:;,\"”’'…)]"
WRAP_WIDTH = 100
CREDIT = "picture credit"
CREDIT_RULE = "picture-credit"  # the id of the boilerplate rule that finds picture credits


def normalise_space(text: str) -> str:
    return WHITESPACE.sub(" ", CONTROL.sub("", text)).strip()


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
    return not any(SPEAKER_LABEL.match(line.text.strip()) or line.text.lstrip()[:2] in ("- ", "* ")
                   for line in block[1:])


def split_paragraphs(lines: Iterable[RawLine]) -> list[tuple[int, str]]:
    """Paragraphs as (first line number, text). Blocks are split at blank lines; a block is one
    paragraph only when its lines look hard-wrapped, else every line is its own paragraph."""
    paragraphs: list[tuple[int, str]] = []
    block: list[RawLine] = []
    first = True

    def flush() -> None:
        if not block:
            return
        if _wrapped(block):
            paragraphs.append((block[0].number, normalise_space(" ".join(l.text for l in block))))
        else:
            paragraphs.extend((l.number, normalise_space(l.text)) for l in block)
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


def text_key(text: str) -> str:
    """What two paragraphs share when one repeats the other: letters and digits, any case."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", folded))


def is_heading(text: str, config: Config) -> bool:
    words = text.split()
    return (0 < len(words) <= config.heading_max_words and text[-1] not in CLOSING
            and any(c.isalpha() for c in text) and not text[0].islower())


def boilerplate_reason(text: str, config: Config) -> str | None:
    """Why a paragraph is clutter, or None when it is content."""
    if DATE_LINE.match(text) and not DATE_LINE.sub("", text).strip():
        return "date line (used as the source's date)"
    if text.rstrip(" .:").casefold() in config.labels:
        return "lone label"
    for rule in config.boilerplate:
        if rule.regex.search(text):
            return rule.reason
    if config.detect_name_captions and NAME_CAPTION.match(text) and len(text.split()) <= 12:
        return "picture or caption note"
    if config.detect_bylines and BYLINE.match(text) and all(w[0].isupper() for w in text.split()):
        return "byline"
    return None


HEADLINE = "headline (shown as the source's title)"
TITLE_MAX_WORDS = 30


def _title_keys(title: str, breadcrumb_tails: list[str]) -> set[str]:
    keys = {text_key(title)} | {text_key(t) for t in breadcrumb_tails}
    return {k for k in keys if k}


def _is_title(text: str, keys: set[str]) -> bool:
    without_section = re.sub(r"\s+\|\s+[^|]{1,40}$", "", text)
    return text_key(text) in keys or text_key(without_section) in keys


def clean_paragraphs(meta: SourceMeta, lines: Iterable[RawLine], config: Config
                     ) -> tuple[SourceParagraph, ...]:
    """Every paragraph of the source, each kept or removed with a reason; repeats within the
    source are removed as repeats of their first occurrence. When the source's title is not
    configured, its first heading-shaped paragraph is taken as the headline."""
    result: list[SourceParagraph] = []
    seen: dict[str, int] = {}
    crumbs: list[str] = []
    title_keys = _title_keys(meta.title, crumbs)
    previous_reason: str | None = None
    in_tags = False
    headline_open = not meta.title  # until the first kept paragraph or headline
    for number, text in split_paragraphs(lines):
        if not text:  # the line held only control characters
            result.append(SourceParagraph(meta.id, number, text, kept=False,
                                          removed_because="no visible text"))
            continue
        reason = boilerplate_reason(text, config)
        if reason == "breadcrumb":
            crumbs.append(re.split(r"\s+[/›»>|]\s+", text)[-1])
            title_keys = _title_keys(meta.title, crumbs)
        if reason is None and in_tags and len(text.split()) <= 4 and text[-1] not in ".!?":
            reason = "topic tag"
        if reason is None and previous_reason == CREDIT and config.caption_after_credit \
                and len(text.split()) <= 20:
            reason = "picture or caption note"
        key = text_key(text)
        if reason is None and _is_title(text, title_keys):
            reason = HEADLINE
        if reason is None and headline_open and len(text.split()) <= TITLE_MAX_WORDS \
                and text[-1] not in ".!:;,":
            reason = HEADLINE
        if reason is None and key in seen:
            reason = f"repeats line {seen[key]}"
        if reason is None and not key:
            reason = "no words"
        in_tags = (reason == "lone label" and text.rstrip(" .:").casefold() in config.tag_labels) \
            or (in_tags and reason == "topic tag")
        previous_reason = CREDIT if reason and any(
            rule.id == CREDIT_RULE and rule.regex.search(text) for rule in config.boilerplate) \
            else reason
        headline_open = headline_open and reason not in (None, HEADLINE)
        if reason is None:
            seen[key] = number
            result.append(SourceParagraph(meta.id, number, text,
                                          heading=is_heading(text, config)))
        else:
            result.append(SourceParagraph(meta.id, number, text, kept=False,
                                          removed_because=reason))
    return tuple(result)


def headline(paragraphs: Iterable[SourceParagraph]) -> str | None:
    return next((p.text for p in paragraphs if p.removed_because == HEADLINE), None)


def remove_cross_source_repeats(sources: list[tuple[SourceMeta, tuple[SourceParagraph, ...]]]
                                ) -> list[tuple[SourceParagraph, ...]]:
    """A paragraph that repeats one of an earlier source (syndicated copy) is removed with a
    pointer to the original. One pass with a hash table: no pairwise comparison."""
    first_seen: dict[str, tuple[str, int]] = {}
    cleaned = []
    for meta, paragraphs in sources:
        out = []
        for paragraph in paragraphs:
            key = text_key(paragraph.text)
            if paragraph.kept and not paragraph.heading and len(key.split()) >= 6:
                origin = first_seen.get(key)
                if origin and origin[0] != meta.id:
                    paragraph = replace(paragraph, kept=False,
                                        removed_because=f"repeats {origin[0]} line {origin[1]}")
                else:
                    first_seen.setdefault(key, (meta.id, paragraph.line))
            out.append(paragraph)
        cleaned.append(tuple(out))
    return cleaned
