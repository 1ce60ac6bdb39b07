"""Measure quotation extraction and speaker attribution against tests/labelled/quotes/.

Each ``tests/labelled/quotes/*.yml`` names a source and lists every direct quotation in it of
four words or more: the line of its paragraph, the quoted words and the speaker's canonical
name. Run:

    python tests/measure_quotes.py [-v]

A found quotation matches a gold one on the same line when their words agree (ignoring case,
marks and the punctuation around them) to 85% or more. Precision and recall count matches;
speaker accuracy is the share of matched quotations whose speaker is right.
tests/test_quality.py holds the thresholds.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import load_config  # noqa: E402
from generator.pipeline import analyse  # noqa: E402

GOLD = Path(__file__).resolve().parent / "labelled" / "quotes"
CONFIG = ROOT / "content" / "briefing.yml"
SAME_WORDS = 0.85


@dataclass
class QuoteResult:
    name: str
    shape: str
    gold: int = 0
    found: int = 0
    matched: int = 0
    right_speaker: int = 0
    errors: list[str] = field(default_factory=list)


def words_of(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").casefold()
    return " ".join(re.findall(r"[\w']+", text))


def same_quote(found: str, gold: str) -> bool:
    a, b = words_of(found), words_of(gold)
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME_WORDS


def measure_article(spec_path: Path, config) -> QuoteResult:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    source = (spec_path.parent / spec["source"]).resolve()
    result = QuoteResult(spec_path.stem, spec.get("shape", ""))
    gold = list(spec.get("quotes") or [])
    found = list(analyse(source, config).source.quotes)
    result.gold, result.found = len(gold), len(found)
    unmatched = list(gold)
    for quote in found:
        match = next((g for g in unmatched if g["line"] == quote.line
                      and same_quote(quote.text, g["text"])), None)
        if match is None:
            result.errors.append(f"line {quote.line}: not a gold quotation: {quote.text[:70]!r} "
                                 f"({quote.speaker})")
            continue
        unmatched.remove(match)
        result.matched += 1
        if (quote.speaker or "").casefold() == str(match["speaker"] or "").casefold():
            result.right_speaker += 1
        else:
            result.errors.append(f"line {quote.line}: speaker {quote.speaker!r}, gold "
                                 f"{match['speaker']!r}")
    for missed in unmatched:
        result.errors.append(f"line {missed['line']}: missed {missed['text'][:70]!r}")
    return result


@dataclass
class QuoteScores:
    precision: float
    recall: float
    speaker_accuracy: float
    articles: list[QuoteResult]


def measure(config_path: Path = CONFIG) -> QuoteScores:
    config = load_config(config_path)
    results = [measure_article(path, config) for path in sorted(GOLD.glob("*.yml"))]
    gold = sum(r.gold for r in results)
    found = sum(r.found for r in results)
    matched = sum(r.matched for r in results)
    right = sum(r.right_speaker for r in results)
    return QuoteScores(matched / found if found else 1.0, matched / gold if gold else 1.0,
                       right / matched if matched else 1.0, results)


def main() -> None:
    scores = measure()
    print(f"{'article':<28} {'shape':<44} {'gold':>4} {'found':>5} {'match':>5} {'spk':>4}")
    for r in scores.articles:
        print(f"{r.name:<28} {r.shape[:44]:<44} {r.gold:4} {r.found:5} {r.matched:5} "
              f"{r.right_speaker:4}")
        if "-v" in sys.argv:
            for error in r.errors:
                print(f"    {error}")
    print(f"\nquotes      precision {scores.precision:.3f}  recall {scores.recall:.3f}  "
          f"speaker accuracy {scores.speaker_accuracy:.3f}")


if __name__ == "__main__":
    main()
