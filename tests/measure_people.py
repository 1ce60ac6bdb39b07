"""Measure Who's who against people labelled blind in tests/labelled/people/.

Each file there maps a text (a path under tests/labelled/) to the people it names, each with
the role the text gives and whether the text names them only as its writers (``kind: byline``).
Each text is run alone through the pipeline, as a briefing of one source, and the people its
Who's who lists (mentioned in kept text, or quoted) are compared with the labels. Run:

    python tests/measure_people.py [-v] [--only NAME]

``--only`` reads one label file (``blind_pages11`` for ``blind_pages11.yml``): a set kept aside
from tuning is reported apart.

Printed: precision (listed people who are labelled people named in the news; a writer listed
counts against it), recall of the people named in the news, and how many listed roles agree
with the labelled role (its words are the labelled role's). tests/test_people.py holds floors.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import load_config  # noqa: E402
from generator.pipeline import analyse, merge  # noqa: E402

LABELLED = ROOT / "tests" / "labelled"
PEOPLE = LABELLED / "people"
CONFIG = ROOT / "content" / "briefing.yml"


@dataclass
class PeopleScore:
    listed: int = 0
    right: int = 0  # listed and a person the text names in the news
    writers: int = 0  # listed, but the text names them only as its writers
    named: int = 0  # labelled people named in the news
    found: int = 0  # ... that Who's who lists
    roles: int = 0  # listed people with a labelled role and a found one
    roles_agree: int = 0

    def add(self, other: "PeopleScore") -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.right / self.listed if self.listed else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.named if self.named else 1.0


def _words(name: str) -> list[str]:
    return name.replace(".", " ").replace("’", "'").casefold().split()


def same_person(found: str, gold: str) -> bool:
    """One person when the family names agree and so do the first names, or one side gives
    the family name alone ("Lin" labelled where the text never gives the full name)."""
    a, b = _words(found), _words(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    if a[-1] != b[-1] and a[0] != b[0]:  # "Xi Jinping" / "Jinping Xi" never arise; family first
        return False
    return len(a) == 1 or len(b) == 1 or a[0] == b[0] and a[-1] == b[-1]


def roles_agree(found: str, gold: str) -> bool:
    """The role found says nothing the labelled one does not: its words are the labelled
    role's ("Treasury Secretary" for "U.S. Treasury Secretary", not "met Treasury Secretary")."""
    a, b = set(_words(found)), set(_words(gold))
    return bool(a) and a <= b


def listed_people(path: Path, config) -> list[tuple[str, str | None]]:
    """Who's who's people, each with the role read from the text (None for the people
    briefing.yml declares: their role is the editor's)."""
    briefing = merge([analyse(path, config)], config)
    quoted = {q.speaker for s in briefing.sources for q in s.quotes if q.speaker}
    declared = {rule.name for rule in config.people}
    return [(p.name, None if p.name in declared else p.role) for p in briefing.people
            if p.mentions or p.name in quoted]


def score_text(path: Path, gold: list[dict], config, verbose: bool = False) -> PeopleScore:
    score = PeopleScore()
    named = [g for g in gold if g.get("kind") != "byline"]
    writers = [g for g in gold if g.get("kind") == "byline"]
    score.named = len(named)
    matched: set[int] = set()
    for name, role in listed_people(path, config):
        score.listed += 1
        hit = next((i for i, g in enumerate(named) if same_person(name, g["name"])), None)
        if hit is not None:
            score.right += 1
            matched.add(hit)
            if role and named[hit].get("role"):
                score.roles += 1
                agree = roles_agree(role, named[hit]["role"])
                score.roles_agree += agree
                if verbose and not agree:
                    print(f"    role  {name}: {role!r} (labelled {named[hit]['role']!r})")
        elif any(same_person(name, g["name"]) for g in writers):
            score.writers += 1
            if verbose:
                print(f"    writer listed: {name}")
        elif verbose:
            print(f"    not a person named: {name!r} ({role!r})")
    score.found = len(matched)
    if verbose:
        for i, g in enumerate(named):
            if i not in matched:
                print(f"    missed: {g['name']}")
    return score


def label_files(only: str | None = None) -> list[Path]:
    return [path for path in sorted(PEOPLE.glob("*.yml")) if only in (None, path.stem)]


def measure(verbose: bool = False, only: str | None = None) -> PeopleScore:
    config = load_config(CONFIG)
    total = PeopleScore()
    for labels in label_files(only):
        for text, gold in yaml.safe_load(labels.read_text(encoding="utf-8")).items():
            if verbose:
                print(text)
            total.add(score_text(LABELLED / text, gold or [], config, verbose))
    return total


def main() -> None:
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    score = measure("-v" in sys.argv, only)
    print(f"Who's who on {', '.join(p.stem for p in label_files(only))}: "
          f"precision {score.precision:.3f} ({score.right}/{score.listed}; "
          f"{score.writers} of the pages' own writers listed), "
          f"recall {score.recall:.3f} ({score.found}/{score.named}), "
          f"roles agreeing {score.roles_agree}/{score.roles}")


if __name__ == "__main__":
    main()
