"""Benchmark: does generation scale linearly, and does the cache spare unchanged sources?

Builds a synthetic desk of N and 2N articles (variants of the labelled articles, each made
unique), generates pages for each, and prints ratios measured in this one run:

- scaling: time(2N) / time(N), about 2 when every step is linear (no all-pairs comparison);
- caching: time of a second run with one changed source / time of the cold run, well under 1.

Run with `make bench` (N defaults to 150; pass another as the first argument).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import Project, generate  # noqa: E402

TEMPLATES = sorted((ROOT / "tests" / "labelled").glob("*.txt")) + \
    sorted((ROOT / "content" / "sources").glob("*.txt"))


def make_project(folder: Path, count: int) -> Project:
    shutil.copytree(ROOT / "content", folder / "content", ignore=shutil.ignore_patterns("pages"))
    (folder / "content" / "pages").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    sources = folder / "content" / "sources"
    for number in range(count):
        template = TEMPLATES[number % len(TEMPLATES)].read_text(encoding="utf-8")
        unique = template.replace("Busan", f"Busan (desk copy {number})")
        (sources / f"desk_{number:05d}.txt").write_text(
            f"date 2025-11-{1 + number % 28:02d}\n{unique}", encoding="utf-8")
    return Project(folder)


def timed(project: Project) -> float:
    start = time.perf_counter()
    generate(project)
    return time.perf_counter() - start


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    with tempfile.TemporaryDirectory() as temp:
        small = make_project(Path(temp) / "small", size)
        large = make_project(Path(temp) / "large", 2 * size)
        t_small, t_large = timed(small), timed(large)
        changed = next((large.sources_dir).glob("desk_00000.txt"))
        changed.write_text(changed.read_text(encoding="utf-8") + "\nA late paragraph.\n",
                           encoding="utf-8")
        t_warm = timed(large)
    print(f"cold generate, {size} sources:      {t_small:7.2f} s")
    print(f"cold generate, {2 * size} sources:      {t_large:7.2f} s")
    print(f"scaling ratio (2N / N):          {t_large / t_small:7.2f}  (linear is about 2)")
    print(f"warm run, 1 of {2 * size} changed:     {t_warm:7.2f} s")
    print(f"caching ratio (warm / cold):     {t_warm / t_large:7.2f}  (lower is better)")


if __name__ == "__main__":
    main()
