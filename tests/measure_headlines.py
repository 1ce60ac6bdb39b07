"""How often a pasted page's title is its headline, on the outside boilerplate benchmark.

../shared/benchmarks/boilerplate/labels.json names each page's headline line (labelled by
others). Each variant's pages (`region/`: the reader's selection; `full/`: the whole page) go
through one `briefing extract --json` call, and a page counts when the title the cleaner
settled on is that line's text. Run from the project root:

    python tests/measure_headlines.py [--verbose]

Prints the share per variant (and, verbose, each page whose title is another line); the
benchmark's texts stay where they are. tests/test_benchmarks.py holds the floors.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "benchmarks" / "boilerplate"
VARIANTS = ("region", "full")


def headline_line(page: dict, variant: str) -> int:
    """The headline's line number in the variant's text (a region starts at first_line)."""
    offset = page["region"]["first_line"] - 1 if variant == "region" else 0
    return page["headline_line"] - offset


def measure(variant: str, data: Path = DATA) -> tuple[int, list[tuple[str, str, str]]]:
    """Pages whose title is the headline, and (page, title, headline) for the others."""
    pages = json.loads((data / "labels.json").read_text(encoding="utf-8"))["pages"]
    paths = [data / variant / f"{page['id']}.txt" for page in pages]
    result = subprocess.run([sys.executable, "-m", "generator", "extract", "--json",
                             *map(str, paths)], cwd=ROOT, check=True, capture_output=True,
                            text=True)
    sources = json.loads(result.stdout)["sources"]
    right, wrong = 0, []
    for page, path, source in zip(pages, paths, sources):
        lines = path.read_text(encoding="utf-8").split("\n")
        headline = lines[headline_line(page, variant) - 1].strip()
        if source["title"].strip() == headline:
            right += 1
        else:
            wrong.append((page["id"], source["title"], headline))
    return right, wrong


def main() -> None:
    if not DATA.is_dir():
        print(f"{DATA} absent: nothing measured")
        return
    for variant in VARIANTS:
        right, wrong = measure(variant)
        total = right + len(wrong)
        print(f"headline as the title, {variant}: {right}/{total} = {right / total:.2f}")
        if "--verbose" in sys.argv:
            for page, title, headline in wrong:
                print(f"    {page}: title {title[:60]!r}, headline {headline[:60]!r}")


if __name__ == "__main__":
    main()
