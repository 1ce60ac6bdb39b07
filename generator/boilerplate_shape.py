"""Page furniture told by its shape and its neighbours (issue 10), after the rules of clean.py.

Each paragraph the rules kept is described by shape-only features: its length, how it ends, its
share of function words (as jusText does) and of capitalised words, digits, where it stands
against the article's run of body paragraphs, and what its neighbours are (removed lines, a run
of title-case lines, the same block). No word is looked at beyond a short list of function
words. A logistic regression over these features, trained offline with scikit-learn on pasted
pages by tests/train_boilerplate.py and shipped as boilerplate_shape.json (weights only, applied
here in pure Python), gives each paragraph a probability of being furniture; those at or above
the cut-off are removed, with a reason made from the features that weighed most. The cut-off is
the one whose leave-sites-out content kept stays at 0.97 or more; editors can move it or turn
the model off (`cleaning.shape_model`). Features the JSON does not list are computed but unused.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import repeat
from operator import mul
from pathlib import Path

from generator.structure import SourceParagraph

MODEL_PATH = Path(__file__).with_name("boilerplate_shape.json")
FUNCTION_WORDS = frozenset(
    "a an the of to in on at for with from by as and or but that which who whom whose is are was "
    "were be been being has have had do does did will would shall should can could may might must "
    "not no it its he she they them his her their this these those there than then into over "
    "after before about up out if so what when where while because also just more most very".split())
READER_WORDS = frozenset("you your yours we our us".split())  # the page speaking to its reader
SENTENCE_STOP = re.compile(r"[.!?…][\"”’')\]]*$")  # ends_sentence reads it from the end
TRAILING = "\"”’')]"
PICTURE_REASONS = ("picture", "caption")
RUN_CAP = 6
REASON_KINDS = (("credit", ("picture", "caption")), ("byline", ("byline",)),
                ("repeat", ("repeats",)), ("headline", ("headline",)), ("stamp", ("stamp",)))
CLUSTER_GAP = 4
CORE_LOG_WORDS = math.log(30)  # a body paragraph this long in the main run is never removed


@dataclass(frozen=True)
class ShapeModel:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float


@cache
def load_model(path: Path = MODEL_PATH) -> ShapeModel | None:
    """The shipped weights, or None when the file is absent (the rules alone then apply)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return ShapeModel(tuple(data["features"]), tuple(float(w) for w in data["weights"]),
                      float(data["bias"]), float(data["threshold"]))


def configured_model(setting: float | bool) -> ShapeModel | None:
    """The model as the `cleaning.shape_model` setting wants it: off (False), with its trained
    cut-off (True), or with the editor's cut-off (a number from 0 to 1)."""
    model = load_model() if setting is not False else None
    if model is None or setting is True:
        return model
    return replace(model, threshold=float(setting))


BARE_STRIP = ",;:.!?\"“”‘’'()[]"
OPENERS = "\"“‘'(["
SENTENCES = re.compile(r"[.!?][\"”’)]* [A-Z“\"]")
ASCII_LOWER = re.compile(r"[a-z]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")


def ends_sentence(text: str) -> bool:
    """SENTENCE_STOP found: a stop, then closing quotes or brackets (TRAILING) to the end or to
    a last line break. Read from the end rather than searched for."""
    return _ends_with_stop(text) or (text[-1:] == "\n" and _ends_with_stop(text[:-1]))


def _ends_with_stop(text: str) -> bool:
    bare = text.rstrip(TRAILING)
    return bool(bare) and bare[-1] in ".!?…"


@dataclass(frozen=True)
class WordShape:
    """What a paragraph's words say, read from one split of them (issue 13): every word is
    stripped and folded once, and every share is counted from that one list."""

    function_share: float
    title_share: float
    reader_words: bool


def word_shape(words: list[str]) -> WordShape:
    bare = list(map(str.casefold, map(str.strip, words, repeat(BARE_STRIP))))  # in C
    small = list(map(FUNCTION_WORDS.__contains__, bare))
    function = sum(small) / len(words) if words else 0.0
    return WordShape(function, _title_share(words, small), not READER_WORDS.isdisjoint(bare))


def is_title_shaped(text: str) -> bool:
    """A headline or link: 4 to 16 words, no closing stop, most long words capitalised or few
    small words."""
    words = text.split()
    return _title_sized(text, len(words)) and _title_worded(word_shape(words))


def _title_sized(text: str, count: int) -> bool:
    return 4 <= count <= 16 and not ends_sentence(text) and text[-1] not in ",;:"


def _title_worded(shape: WordShape) -> bool:
    return shape.title_share >= 0.5 or shape.function_share < 0.25


def word_count(text: str) -> int:
    """len(text.split()), counted without splitting when the text is a line of printable ASCII
    with single spaces between words, as cleaning leaves most paragraphs."""
    if text.isascii() and text.isprintable() and "  " not in text and text[:1] != " " \
            and text[-1:] != " ":
        return text.count(" ") + 1 if text else 0
    return len(text.split())


def _title_share(words: list[str], small: list[bool]) -> float:
    """Of the words after the first that are not function words (`small`), the share that start
    with a capital (headlines in title case score near 1, sentences near the share of names)."""
    capital = [w.lstrip(OPENERS)[:1].isupper() for w, s in zip(words[1:], small[1:])
               if not s and (w.isalpha() or any(map(str.isalpha, w)))]
    return sum(capital) / len(capital) if capital else 0.0


def _digit_share(text: str) -> float:
    """The share of digits (str.isdigit) among the characters, ASCII ones counted in C."""
    ascii_digits = sum(map(text.count, "0123456789"))
    others = 0 if text.isascii() else sum(map(str.isdigit, NON_ASCII.findall(text)))
    return (ascii_digits + others) / len(text)


def _in_capitals(text: str) -> bool:
    """More than three letters, every one a capital."""
    if ASCII_LOWER.search(text):
        return False
    letters = "".join(filter(str.isalpha, text))
    return len(letters) > 3 and all(map(str.isupper, letters))


def _reason_kind(paragraph: SourceParagraph | None) -> str | None:
    """What kind of furniture the rules took a removed neighbour for."""
    if paragraph is None or paragraph.kept:
        return None
    reason = paragraph.removed_because or ""
    for kind, marks in REASON_KINDS:
        if any(mark in reason for mark in marks):
            return kind
    return "other"


def _reason_kinds(paragraphs: list[SourceParagraph]) -> list[str | None]:
    """_reason_kind of each paragraph, worked out once per distinct reason."""
    by_reason: dict[str | None, str | None] = {}
    kinds = []
    for p in paragraphs:
        if p.kept:
            kinds.append(None)
            continue
        if p.removed_because not in by_reason:
            by_reason[p.removed_because] = _reason_kind(p)
        kinds.append(by_reason[p.removed_because])
    return kinds


def _is_picture_reason(reason: str | None) -> bool:
    return reason is not None and any(word in reason for word in PICTURE_REASONS)


def _runs(flags: list[bool]) -> list[int]:
    """For each position, the length of the run of True it belongs to (0 when False)."""
    out = [0] * len(flags)
    start = 0
    for i in range(1, len(flags) + 1):
        if i == len(flags) or flags[i] != flags[start]:
            if flags[start]:
                out[start:i] = [i - start] * (i - start)
            start = i
    return out


def block_sizes(paragraphs: list[SourceParagraph]) -> list[int]:
    """For each paragraph, how many lines its block has (lines with no blank line between)."""
    sizes = [1] * len(paragraphs)
    start = 0
    for i in range(1, len(paragraphs) + 1):
        if i == len(paragraphs) or paragraphs[i].line != paragraphs[i - 1].line + 1:
            sizes[start:i] = [i - start] * (i - start)
            start = i
    return sizes


def paragraph_features(paragraphs: list[SourceParagraph], body: list[bool],
                       guard: list[bool] | None = None) -> list[dict[str, float] | None]:
    """Features of every kept paragraph (None for removed ones). `body` marks the article's body
    paragraphs (running prose closed as a sentence). One pass over the list and its runs, and one
    split of each paragraph's words. Given `guard`, only the paragraphs the model may score get
    features: the guarded ones and the article's core (body_is_article_core) get None too."""
    n = len(paragraphs)
    body_at = [i for i, b in enumerate(body) if b]
    first, last = (body_at[0], body_at[-1]) if body_at else (n, -1)
    counts = [word_count(p.text) if p.kept and p.text else None for p in paragraphs]
    shapes = {i: word_shape(p.text.split()) for i, (p, count) in enumerate(zip(paragraphs, counts))
              if count is not None and _title_sized(p.text, count)}  # the rest's made as needed
    title = [i in shapes and _title_worded(shapes[i]) for i in range(n)]
    title_runs = _runs(title)
    furniture = [not p.kept or t for p, t in zip(paragraphs, title)]
    furniture_runs = _runs(furniture)
    blocks = block_sizes(paragraphs)
    if sum(1 for b in blocks if b > 1) * 2 > n:  # pasted without blank lines: blocks say nothing
        blocks = [1] * n
    nearest_body = _distance_to(body, n)
    cluster, share = _body_clusters(paragraphs, body, counts)
    main = max(range(len(share)), key=share.__getitem__) if share else -1
    kinds = _reason_kinds(paragraphs) + [None]  # kinds[-1]: beyond either end
    out: list[dict[str, float] | None] = []
    for i, p in enumerate(paragraphs):
        count = counts[i]
        between = i > 0 and i + 1 < n and body[i - 1] and body[i + 1]
        if count is None or guard is not None and (guard[i] or _article_core(
                body[i], between, cluster[i] == main, math.log(count))):
            out.append(None)
            continue
        shape = shapes.get(i) or word_shape(p.text.split())
        prev = paragraphs[i - 1] if i > 0 else None
        nxt = paragraphs[i + 1] if i + 1 < n else None
        before, after = kinds[i - 1], kinds[i + 1]
        same_prev = i > 0 and blocks[i] > 1 and prev.line + 1 == p.line
        same_next = nxt is not None and blocks[i] > 1 and p.line + 1 == nxt.line
        text = p.text
        tail = text.rstrip(TRAILING)
        sentences = len(SENTENCES.findall(text))
        ends = ends_sentence(text)
        f = {
            "words_1_3": float(count <= 3),
            "words_4_7": float(4 <= count <= 7),
            "words_8_14": float(8 <= count <= 14),
            "words_15_30": float(15 <= count <= 30),
            "log_words": math.log(count),
            "ends_sentence": float(ends),
            "ends_colon": float(tail.endswith(":")),
            "ends_open": float(text[-1].isalnum()),
            "ends_ellipsis": float(tail.endswith(("...", "…"))),
            "function_share": shape.function_share,
            "title_share": shape.title_share,
            "capitals": float(_in_capitals(text)),
            "digit_share": _digit_share(text),
            "reader_words": float(shape.reader_words),
            "sentences": min(3.0, float(sentences)),
            "link_marks": float("@" in text or "://" in text or "www." in text),
            "starts_dash_or_quote": float(text[0] in "—–-\"“‘'"),
            "body": float(body[i]),
            "before_article": float(i < first),
            "after_article": float(i > last),
            "near_body": float(nearest_body[i] <= 1),
            "far_from_body": float(nearest_body[i] >= 3),
            "prev_removed": float(prev is not None and not prev.kept),
            "next_removed": float(nxt is not None and not nxt.kept),
            "between_removed": float(prev is not None and nxt is not None and not prev.kept
                                     and not nxt.kept),
            "by_picture_note": float(_is_picture_reason(prev and prev.removed_because)
                                     or _is_picture_reason(nxt and nxt.removed_because)),
            "title_shaped": float(title[i]),
            "title_run": min(RUN_CAP, title_runs[i]) / RUN_CAP,
            "furniture_run": min(RUN_CAP, furniture_runs[i]) / RUN_CAP if furniture[i] else 0.0,
            "neighbour_title": float((prev is not None and prev.kept and title[i - 1])
                                     or (nxt is not None and nxt.kept and title[i + 1])),
            "in_block": float(same_prev or same_next),
            "block_size": min(RUN_CAP, blocks[i]) / RUN_CAP,
            "in_main_run": float(cluster[i] == main),
            "before_main_run": float(cluster[i] < main),
            "after_main_run": float(cluster[i] > main),
            "cluster_share": share[int(cluster[i])] if cluster[i] >= 0
            and cluster[i] == int(cluster[i]) else 0.0,
            "between_body": float(between),
            "next_credit": float(after == "credit"),
            "prev_credit": float(before == "credit"),
            "next_byline": float(after == "byline"),
            "prev_byline": float(before == "byline"),
            "near_repeat": float(before == "repeat" or after == "repeat"),
            "near_headline": float(before == "headline" or after == "headline"),
            "prev_stamp": float(before == "stamp"),
            "one_sentence_by_credit": float(sentences == 0 and ends and count <= 40 and (
                after in ("credit", "byline") or before == "credit")),
            "body_among_furniture": float(body[i] and prev is not None and nxt is not None
                                          and not prev.kept and not nxt.kept),
            "reader_call": float(shape.reader_words and tail[-1:] in "!?"),
            "prev_body": float(i > 0 and body[i - 1]),
            "next_body": float(i + 1 < n and body[i + 1]),
        }
        out.append(f)
    return out


def _body_clusters(paragraphs: list[SourceParagraph], body: list[bool],
                   counts: list[int | None]) -> tuple[list[int], list[float]]:
    """Body paragraphs grouped into runs: one more than CLUSTER_GAP paragraphs after the last
    starts a new run. A paragraph gets its run's number, or that number plus a half once it is
    past the gap (between runs); each run gets its share of the body's words. The run with most
    words is the article; the others are promos, newsletter prompts and teasers in sentences."""
    cluster: list[float] = [-1.0] * len(paragraphs)
    weights: list[float] = []
    gap = CLUSTER_GAP + 1
    current = -1
    for i, p in enumerate(paragraphs):
        if body[i]:
            if gap > CLUSTER_GAP:
                weights.append(0.0)
                current = len(weights) - 1
            count = counts[i]
            weights[current] += count if count is not None else len(p.text.split())
            gap = 0
        else:
            gap += 1
        cluster[i] = current if gap <= CLUSTER_GAP else current + 0.5
    total = sum(weights) or 1.0
    return cluster, [w / total for w in weights]


def _distance_to(marks: list[bool], n: int) -> list[int]:
    """For each position, how many paragraphs away the nearest marked one is (n when none)."""
    dist = [n] * n
    last = None
    for i in range(n):
        if marks[i]:
            last = i
        if last is not None:
            dist[i] = i - last
    last = None
    for i in range(n - 1, -1, -1):
        if marks[i]:
            last = i
        if last is not None:
            dist[i] = min(dist[i], last - i)
    return dist


def score(model: ShapeModel, features: dict[str, float]) -> float:
    values = map(features.get, model.features, repeat(0.0))
    z = model.bias + sum(map(mul, model.weights, values))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# What a feature says about a paragraph, for the reason shown on the source page. Only features
# that push towards furniture are named; the two that push most make the reason.
PHRASES = {
    "title_shaped": "a headline-shaped line", "title_share": "a title-case line",
    "title_run": "in a run of headline-shaped lines (links to other stories)",
    "neighbour_title": "next to other headline-shaped lines",
    "furniture_run": "in a run of links and furniture",
    "prev_removed": "right after page furniture", "next_removed": "right before page furniture",
    "between_removed": "between two lines of page furniture",
    "body_among_furniture": "a lone paragraph between lines of page furniture",
    "by_picture_note": "beside a picture note", "next_credit": "over a picture credit",
    "prev_credit": "under a picture credit",
    "one_sentence_by_credit": "a one-sentence caption beside a picture credit or byline",
    "next_byline": "over a byline", "prev_byline": "under a byline",
    "near_repeat": "next to a repeated line", "near_headline": "next to the headline",
    "prev_stamp": "under a date stamp",
    "reader_words": "addressed to the reader (newsletter, sharing or comment prompt)",
    "reader_call": "a call to the reader ending in ! or ?",
    "before_article": "above the article's first paragraph",
    "after_article": "below the article's last paragraph",
    "before_main_run": "above the article's main run of paragraphs",
    "after_main_run": "below the article's main run of paragraphs",
    "ends_open": "no closing stop", "ends_ellipsis": "cut off with an ellipsis (a teaser)",
    "words_1_3": "a short label", "words_4_7": "a short line", "words_8_14": "a short line",
    "link_marks": "an address or handle", "capitals": "in capitals",
    "in_block": "in a block of lines with no blank line between",
    "near_body": "a short line set among the paragraphs",
}
SHAPE_REASON = "page furniture by its shape"


def reason_for(model: ShapeModel, features: dict[str, float]) -> str:
    """The two named features that pushed the score most, in words."""
    pushes = sorted(((w * features.get(name, 0.0), name) for name, w in zip(model.features,
                                                                            model.weights)
                     if name in PHRASES), reverse=True)
    words: list[str] = []
    for push, name in pushes:
        if push <= 0 or len(words) == 2:
            break
        if PHRASES[name] not in words:
            words.append(PHRASES[name])
    return f"{SHAPE_REASON}: {'; '.join(words)}" if words else SHAPE_REASON


def remove_by_shape(paragraphs: list[SourceParagraph], body: list[bool], guard: list[bool],
                    model: ShapeModel | None = None) -> list[SourceParagraph]:
    """Kept paragraphs the shape model scores above its threshold, removed with a reason; those
    marked in `guard` are left alone. All paragraphs are scored on the rules' output, so the
    order of removal does not matter."""
    model = model or load_model()
    if model is None or sum(body) < 2:
        return paragraphs
    out = list(paragraphs)
    for i, features in enumerate(paragraph_features(paragraphs, body, guard)):
        if features is not None and not guard[i] and not body_is_article_core(features) \
                and score(model, features) >= model.threshold:
            out[i] = replace(out[i], kept=False, removed_because=reason_for(model, features),
                             heading=False)
    return out


def body_is_article_core(features: dict[str, float]) -> bool:
    """A body paragraph with body paragraphs on both sides, or a long one in the article's main
    run, is the article itself."""
    return _article_core(features["body"], features["between_body"], features["in_main_run"],
                         features["log_words"])


def _article_core(body: float, between_body: float, in_main_run: float, log_words: float
                  ) -> bool:
    return bool(body and (between_body or (in_main_run and log_words >= CORE_LOG_WORDS)))
