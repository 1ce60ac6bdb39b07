"""Measure cleaning and section quality against the labelled set in tests/labelled/.

Each ``tests/labelled/*.yml`` names a source and gives every paragraph (by its first line) its
gold label: ``boilerplate`` or the sections it belongs to (``other`` for none). Run:

    python tests/measure_quality.py [-v] [--only PREFIX,...]

``--only`` keeps the blind-labelled articles whose names start with one of the prefixes (to
report a tuning split apart from the articles kept aside). It prints boilerplate precision/recall and section precision/recall/F1 (micro-averaged over
(paragraph, section) pairs), per article and overall. tests/test_quality.py holds the thresholds.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.clean import HEADLINE  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.pipeline import analyse  # noqa: E402

LABELLED = Path(__file__).resolve().parent / "labelled"
CONFIG = ROOT / "content" / "briefing.yml"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def count_one(self, said: bool, gold: bool) -> None:
        """One yes-or-no decision (is it boilerplate?) against the gold one."""
        self.tp += said and gold
        self.fp += said and not gold
        self.fn += gold and not said

    def count_labels(self, said: set[str], gold: set[str]) -> None:
        """One paragraph's labels (its sections) against the gold ones."""
        self.tp += len(said & gold)
        self.fp += len(said - gold)
        self.fn += len(gold - said)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleResult:
    name: str
    shape: str
    boilerplate: Counts = field(default_factory=Counts)
    sections: Counts = field(default_factory=Counts)
    errors: list[str] = field(default_factory=list)
    shown_elsewhere: int = 0  # content removed as the title or as a repeat: shown once anyway


def gold_labels(spec: dict) -> dict[int, set[str]]:
    """Each labelled line's labels, written ``a, b`` or as a YAML list ``[a, b]``."""
    return {int(line): {str(part).strip() for part in
                        (label if isinstance(label, list) else str(label).split(","))}
            for line, label in spec["lines"].items()}


def by_paragraph(gold: dict[int, set[str]], starts: list[int]) -> dict[int, set[str]]:
    """Labels of lines the cleaner joined into one paragraph, gathered on its first line: the
    content labels of any of them, or boilerplate if all were."""
    joined: dict[int, set[str]] = {}
    for line, labels in sorted(gold.items()):
        start = max((s for s in starts if s <= line), default=line)
        joined.setdefault(start, set()).update(labels)
    return {line: labels - {"boilerplate"} or labels for line, labels in joined.items()}


def source_of(spec_path: Path) -> Path:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    return (spec_path.parent / spec["source"]).resolve()


def measure_article(spec_path: Path, config, strict: bool = True) -> ArticleResult:
    """Scores one labelled article. Labels are per paragraph (strict: a labelled line must
    start one) or, for articles labelled per line without seeing the cleaner, per line."""
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    result = ArticleResult(spec_path.stem, spec.get("shape", ""))
    gold = gold_labels(spec)
    paragraphs = analyse(source_of(spec_path), config).source.paragraphs
    found = {p.line for p in paragraphs}
    if not strict:
        gold = by_paragraph(gold, sorted(found))
        gold = {p.line: gold.get(p.line) or _enclosing(gold, p.line) for p in paragraphs}
    for line in sorted(set(gold) - found):
        raise ValueError(f"{spec_path.name}: line {line} is labelled but starts no paragraph")
    for paragraph in paragraphs:
        if paragraph.line not in gold:
            raise ValueError(f"{spec_path.name}: paragraph at line {paragraph.line} has no label")
        labels = gold[paragraph.line]
        gold_boiler = labels == {"boilerplate"}
        removed = not paragraph.kept
        if removed and not gold_boiler and _shown_elsewhere(paragraph.removed_because):
            result.shown_elsewhere += 1
            continue
        result.boilerplate.count_one(removed, gold_boiler)
        if gold_boiler:
            if not removed:
                result.errors.append(f"line {paragraph.line}: kept, gold says boilerplate")
            continue
        predicted = set(paragraph.sections) if paragraph.kept else set()
        if removed:
            result.errors.append(f"line {paragraph.line}: removed ({paragraph.removed_because})"
                                 ", gold says content")
        result.sections.count_labels(predicted, labels)
        if predicted != labels and paragraph.kept:
            result.errors.append(f"line {paragraph.line}: sections {sorted(predicted)}, gold "
                                 f"{sorted(labels)}")
    return result


def _shown_elsewhere(reason: str | None) -> bool:
    """Removed, but its words are on the site: as the source's title (the blind labellers
    label a headline by its topic) or at the first occurrence of a repeated paragraph."""
    return reason == HEADLINE or (reason or "").startswith("repeats line")


def _enclosing(gold: dict[int, set[str]], line: int) -> set[str]:
    """The labels of the labelled paragraph a line lies in (the last labelled line before
    it), for a paragraph the labeller saw as part of a longer one (a wrapped headline)."""
    return gold[max((g for g in gold if g < line), default=min(gold))]


BLIND = LABELLED / "sections_blind"  # labelled by a session that never saw the rules
SECOND = BLIND / "second"  # some of them labelled again, blind to the first labels


def agreement(folder: Path = SECOND) -> tuple[Counts, Counts]:
    """How far two blind labellers agree, line by line, the first taken as gold: boilerplate
    (removed = labelled boilerplate) and sections (a line the second calls boilerplate has
    none). It bounds what the rules can be asked for."""
    boilerplate, sections = Counts(), Counts()
    for path in sorted(folder.glob("*.yml")):
        first = gold_labels(yaml.safe_load((BLIND / path.name).read_text(encoding="utf-8")))
        second = gold_labels(yaml.safe_load(path.read_text(encoding="utf-8")))
        for line, gold in first.items():
            labels = second.get(line, {"boilerplate"})
            gold_boiler, said_boiler = gold == {"boilerplate"}, labels == {"boilerplate"}
            boilerplate.count_one(said_boiler, gold_boiler)
            if not gold_boiler:
                sections.count_labels(set() if said_boiler else labels, gold)
    return boilerplate, sections


def measure(config_path: Path = CONFIG, folder: Path = LABELLED,
            only: tuple[str, ...] = ()) -> tuple[Counts, Counts, list[ArticleResult]]:
    config = load_config(config_path)
    paths = [path for path in sorted(folder.glob("*.yml"))
             if not only or path.stem.startswith(only)]
    results = [measure_article(path, config, strict=folder != BLIND) for path in paths]
    boilerplate, sections = Counts(), Counts()
    for result in results:
        boilerplate.add(result.boilerplate)
        sections.add(result.sections)
    return boilerplate, sections, results


def only_prefixes(argv: list[str]) -> tuple[str, ...]:
    """The article-name prefixes after ``--only`` (comma-separated), or none."""
    if "--only" not in argv or argv.index("--only") + 1 >= len(argv):
        return ()
    return tuple(p for p in argv[argv.index("--only") + 1].split(",") if p)


def main() -> None:
    verbose = "-v" in sys.argv
    only = only_prefixes(sys.argv)
    report(*measure(), verbose)
    if BLIND.is_dir():
        kept = f", only {', '.join(only)}" if only else ""
        print(f"\nLabelled blind, never tuned on (tests/labelled/sections_blind/{kept}):")
        report(*measure(folder=BLIND, only=only), verbose)
    if SECOND.is_dir():
        boilerplate, sections = agreement()
        print(f"\nTwo blind labellers on the same {len(list(SECOND.glob('*.yml')))} articles "
              f"(sections_blind/second/ against the first labels): boilerplate precision "
              f"{boilerplate.precision:.3f} recall {boilerplate.recall:.3f}; sections "
              f"precision {sections.precision:.3f} recall {sections.recall:.3f} "
              f"F1 {sections.f1:.3f}")


def report(boilerplate: Counts, sections: Counts, results: list[ArticleResult],
           verbose: bool) -> None:
    print(f"{'article':<24} {'shape':<34} {'bp P':>6} {'bp R':>6} {'sec F1':>7}")
    for r in results:
        print(f"{r.name:<24} {r.shape[:34]:<34} {r.boilerplate.precision:6.3f} "
              f"{r.boilerplate.recall:6.3f} {r.sections.f1:7.3f}")
        if verbose:
            for error in r.errors:
                print(f"    {error}")
    print(f"\nboilerplate precision {boilerplate.precision:.3f}  recall {boilerplate.recall:.3f}"
          f"  ({boilerplate.tp} removed correctly, {boilerplate.fp} wrongly, "
          f"{boilerplate.fn} missed)")
    print(f"sections    precision {sections.precision:.3f}  recall {sections.recall:.3f}  "
          f"F1 {sections.f1:.3f}")
    elsewhere = sum(r.shown_elsewhere for r in results)
    if elsewhere:
        print(f"not scored: {elsewhere} content paragraphs removed as the title or as a repeat "
              "(their words are on the site once)")


if __name__ == "__main__":
    main()
