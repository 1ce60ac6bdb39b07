"""Measure the Timeline's events against blind-labelled articles.

A folder (``tests/labelled/events/dev`` or ``…/holdout``) holds articles (``*.txt``) and a
``labels.yml`` giving, per article, its ``published`` date (or null, with the labeller's
``inferred_published``), its ``events`` (line, the date's phrase, the date at its precision,
whether it is a key date) and its ``not_events`` (line, phrase, why). Run:

    python tests/measure_events.py tests/labelled/events/dev [-v] [--own-dates]

Each article's date is given to the generator as an editor would in briefing.yml: its
``published`` date, else the labeller's ``inferred_published`` (the date an editor would set;
with ``--own-dates``, the date the generator infers itself instead, which is printed anyway:
``find_events`` reads an undated source's date from its text, and when that is only a lower
bound leaves out the dates that need the very day). An event matches a label when the label's
phrase lies inside the event's sentence on that line; when several labels' phrases do, the one holding the event's date words. Printed:
entries dated right / entries checked (matched events whose date equals the label's), key dates
found / key dates (an article's distinct key dates, each found when a matched event gives it)
and non-events wrongly kept (events whose date words lie in a not-event label's phrase).
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import SourceEntry, load_config  # noqa: E402
from generator.dates import DatedEvent, find_events, written_estimate  # noqa: E402
from generator.pipeline import analyse  # noqa: E402


@dataclass(frozen=True)
class Label:
    line: int
    phrase: str
    date: str | None  # None for a non-event
    key: bool = False


@dataclass
class Figures:
    checked: int = 0
    dated_right: int = 0
    keys: int = 0
    keys_found: int = 0
    non_events_kept: int = 0
    unlabelled: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Figures) -> None:
        for name in ("checked", "dated_right", "keys", "keys_found", "non_events_kept",
                     "unlabelled"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.notes += other.notes


def _labels(entry: dict) -> list[Label]:
    return [Label(int(e["line"]), str(e["phrase"]), str(e["date"]), bool(e.get("key")))
            for e in entry.get("events") or []] + \
        [Label(int(e["line"]), str(e["phrase"]), None) for e in entry.get("not_events") or []]


def _span(sentence: str, phrase: str, near: int) -> tuple[int, int] | None:
    """Where the phrase lies in the sentence (the occurrence nearest ``near``)."""
    starts, at = [], sentence.find(phrase)
    while at >= 0:
        starts.append(at)
        at = sentence.find(phrase, at + 1)
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - near))
    return start, start + len(phrase)


def match(event: DatedEvent, labels: list[Label]) -> Label | None:
    """The label an event answers to: one whose phrase lies inside the event's sentence on its
    line, preferring the one holding the event's date words; an event label before a
    non-event one when neither holds them."""
    inside = []
    for label in labels:
        if label.line != event.line:
            continue
        span = _span(event.sentence.text, label.phrase, event.start)
        if span:
            inside.append((label, span))
    end = event.start + len(event.expression)
    holding = [label for label, (start, stop) in inside if start < end and event.start < stop]
    if holding:
        return holding[0]
    events = [label for label, _span_ in inside if label.date is not None]
    return events[0] if events else (inside[0][0] if inside else None)


def measure_article(path: Path, entry: dict, verbose: bool = False,
                    own_dates: bool = False) -> Figures:
    config = load_config(None)
    undated = analyse(path, config).source
    estimate = written_estimate(undated.paragraphs)
    inferred = undated.meta.date or (estimate and (estimate.date if estimate.exact else
                                                   f"no earlier than {estimate.date}"))
    published = entry.get("published") or (None if own_dates else entry.get("inferred_published"))
    if published:
        config = dataclasses.replace(config, sources={path.name: SourceEntry(date=str(published))})
    source = analyse(path, config).source
    figures = Figures()
    if not entry.get("published"):
        figures.notes.append(f"{path.name}: no published date; the labeller infers "
                             f"{entry.get('inferred_published')}, the generator {inferred}; "
                             f"measured with {source.meta.date or inferred}")
    labels = _labels(entry)
    found: set[str] = set()
    answered: set[Label] = set()
    for event in find_events(source.paragraphs, source.meta.date):
        label = match(event, labels)
        answered.add(label)
        if label is None:
            figures.unlabelled += 1
            if verbose:
                figures.notes.append(f"{path.name}:{event.line}: unlabelled {event.when} "
                                     f"[{event.expression}] {event.sentence.text[:90]}")
            continue
        if label.date is None:
            figures.non_events_kept += 1
            figures.notes.append(f"{path.name}:{event.line}: non-event kept [{event.expression}] "
                                 f"({label.phrase})")
            continue
        figures.checked += 1
        if event.when == label.date:
            figures.dated_right += 1
            if label.key:
                found.add(label.date)
        else:
            figures.notes.append(f"{path.name}:{event.line}: [{event.expression}] dated "
                                 f"{event.when}, labelled {label.date} ({label.phrase})")
    if verbose:
        figures.notes += [f"{path.name}:{label.line}: no event for [{label.phrase}] {label.date}"
                          for label in labels if label.date and label not in answered]
    keys = {label.date for label in labels if label.key}
    figures.keys, figures.keys_found = len(keys), len(keys & found)
    figures.notes += [f"{path.name}: key date {day} not found" for day in sorted(keys - found)]
    return figures


def measure(folder: Path, verbose: bool = False, own_dates: bool = False) -> Figures:
    entries = yaml.safe_load((folder / "labels.yml").read_text(encoding="utf-8")) or {}
    total = Figures()
    for name in sorted(entries):
        total.add(measure_article(folder / name, entries[name], verbose, own_dates))
    return total


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.3f}" if whole else f"{part}/0"


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv if not a.startswith("-")]
    if not folders:
        print(__doc__.strip().splitlines()[0],
              "\nusage: measure_events.py FOLDER... [-v] [--own-dates]")
        return 2
    for folder in folders:
        figures = measure(folder, "-v" in argv, "--own-dates" in argv)
        print(f"{folder.name}: entries dated right {_share(figures.dated_right, figures.checked)}"
              f"; key dates found {_share(figures.keys_found, figures.keys)}"
              f"; non-events wrongly kept {figures.non_events_kept}"
              f"; events matching no label {figures.unlabelled}")
        for note in figures.notes:
            print("  " + note)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
