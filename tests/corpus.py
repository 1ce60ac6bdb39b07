"""A synthetic desk of N articles for benchmarks: different in content, not only in order.

Each article mixes paragraphs of two or three of the project's own articles (the seeds and the
labelled ones), in the shapes outlets publish, and varies what a real desk would see vary:
people's names, figures, weekdays, months and the article's date. Seeded, so a size always
gives the same corpus.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted((ROOT / "tests" / "labelled").rglob("*.txt")) + \
    sorted((ROOT / "content" / "sources").glob("*.txt"))
FIRST = ("Ana Ben Chloe Dmitri Elena Farid Grace Hiro Ines Jonas Kofi Lena Mateo Nadia Omar "
         "Priya Quinn Rosa Sven Tariq Uma Viktor Wen Xenia Yusuf Zara").split()
LAST = ("Alvarez Brennan Castillo Dubois Eriksen Fischer Gupta Haddad Ivanova Jensen Kimura "
        "Lindqvist Moreau Nakamura Okafor Petrov Quiroga Rossi Santos Takahashi Ueda Varga "
        "Weber Xu Yilmaz Zhang").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()
NAME = re.compile(r"\b(?:Donald Trump|Xi Jinping|Scott Bessent|Guo Jiakun|Lee Jae-myung)\b")
NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")
WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")


def _paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [p for p in re.split(r"\n\s*\n", text) if p.strip() and not p.startswith("date ")]


def article(number: int, pieces: list[list[str]]) -> str:
    """The number-th article of the desk: its own mix, names, figures and dates."""
    rng = random.Random(number)
    chosen = rng.sample(range(len(pieces)), k=rng.choice((2, 3)))
    body = [pieces[chosen[0]][0]]  # a headline
    for index in chosen:
        paragraphs = pieces[index][1:]
        start = rng.randrange(max(1, len(paragraphs) - 6))
        body += paragraphs[start:start + rng.randint(4, 12)]
    people = {}

    def person(match: re.Match) -> str:
        return people.setdefault(match.group(), f"{rng.choice(FIRST)} {rng.choice(LAST)}")

    def figure(match: re.Match) -> str:
        value = match.group()
        return value if len(value) == 4 else str(rng.randint(1, 10 ** len(value.split(".")[0])))

    text = "\n\n".join(body)
    text = NAME.sub(person, text)
    text = NUMBER.sub(figure, text)
    text = WEEKDAY.sub(lambda _: rng.choice(WEEKDAYS), text)
    text = MONTH.sub(lambda _: rng.choice(MONTHS), text)
    month, day = 1 + number % 12, 1 + number % 28
    return f"date 2025-{month:02d}-{day:02d}\n{text}\n"


def write_desk(folder: Path, count: int, first: int = 0) -> int:
    """Write articles first..first+count-1 into folder; the number of bytes written."""
    pieces = [_paragraphs(path) for path in TEMPLATES]
    pieces = [p for p in pieces if len(p) > 3]
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for number in range(first, first + count):
        data = article(number, pieces).encode("utf-8")
        (folder / f"desk_{number:05d}.txt").write_bytes(data)
        written += len(data)
    return written
