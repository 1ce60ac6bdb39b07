"""Benchmark: generation and the built site at 100, 1,000 and 3,000 articles.

Desks of varied articles (tests/corpus.py: mixed paragraphs, names, figures and dates) are
generated with the `briefing` command in a fresh process each time, and built with MkDocs (and
Zensical when installed). Every figure is a ratio measured in this one run, against the
targets of issue 13:

- throughput of a cold generation (MB of sources per second, one core);
- growth: time(1,000) / time(100), linear is 10;
- re-runs at 1,000: unchanged / cold and one source changed / cold;
- generation / `mkdocs build` time of the site it writes;
- peak memory of generation at the largest size (and of any step, site builds included);
- site size and build time per article at each size (linear: about constant);
- the largest generated page's HTML at the largest size (at most 300 KB).

Run with `make bench` (sizes can be given: `python tests/bench.py 100 1000`). It prints MISSED
beside a figure that misses its target; it does not fail, since some targets are still open.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus import write_desk  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}


def make_project(folder: Path, count: int) -> tuple[Path, int]:
    shutil.copytree(ROOT / "content", folder / "content",
                    ignore=shutil.ignore_patterns("pages", "sources"))
    (folder / "content" / "pages").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", folder / "site_overrides")
    config_path = folder / "content" / "briefing.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["sources"] = {}  # the desk's articles carry their date on their first line
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    size = write_desk(folder / "content" / "sources", count)
    return folder, size


def timed(*command: str, cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return elapsed


def generate(project: Path) -> float:
    return timed(PYTHON, "-m", "generator", "generate", "--project", str(project), cwd=project)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def largest_page(site: Path) -> tuple[int, str]:
    """The largest generated page's HTML (source pages hold one article each: not counted)."""
    pages = [p for p in site.rglob("*.html") if "sources" not in p.relative_to(site).parts
             or p.name in ("index.html", "by-outlet.html")]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    return biggest.stat().st_size, biggest.relative_to(site).as_posix()


def verdict(ok: bool) -> str:
    return "" if ok else "  MISSED"


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1000, 3000]
    zensical = shutil.which("zensical", path=str(Path(PYTHON).parent))
    rows = {}
    with tempfile.TemporaryDirectory() as temp:
        for count in sizes:
            project, size = make_project(Path(temp) / f"desk{count}", count)
            cold = generate(project)
            # the largest child so far: at the largest size, this generation (smaller sizes ran
            # first, and no site was built at this size yet)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            row = {"bytes": size, "cold": cold, "generate_peak_mb": peak}
            if count == 1000 or count == sizes[-1] and 1000 not in sizes:
                row["unchanged"] = generate(project)
                changed = project / "content" / "sources" / "desk_00000.txt"
                changed.write_text(changed.read_text(encoding="utf-8") + "\nA late paragraph "
                                   "about the tariffs.\n", encoding="utf-8")
                row["one_changed"] = generate(project)
            row["mkdocs"] = timed(PYTHON, "-m", "mkdocs", "build", "-q", "-d",
                                  str(project / "site"), cwd=project)
            row["site"] = folder_size(project / "site")
            row["largest_page"] = largest_page(project / "site")
            if zensical:
                shutil.rmtree(project / "site")
                row["zensical"] = timed(zensical, "build", cwd=project)
                row["zensical_site"] = folder_size(project / "site")
            row["peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            rows[count] = row
            shutil.rmtree(project)
            print(f"{count:>5} articles ({size / 1e6:5.2f} MB): generate {cold:6.2f} s "
                  f"({size / 1e6 / cold:5.2f} MB/s), mkdocs build {row['mkdocs']:6.1f} s, "
                  f"site {row['site'] / 1e6:7.1f} MB"
                  + (f", zensical {row['zensical']:5.1f} s, {row['zensical_site'] / 1e6:6.1f} MB"
                     if zensical else ""), flush=True)
    print()
    largest = rows[sizes[-1]]
    rate = largest["bytes"] / 1e6 / largest["cold"]
    print(f"throughput, cold, {sizes[-1]} articles:   {rate:6.2f} MB/s (target >= 2)"
          + verdict(rate >= 2))
    if 100 in rows and 1000 in rows:
        growth = rows[1000]["cold"] / rows[100]["cold"]
        print(f"growth time(1000) / time(100):     {growth:6.2f}    (target <= 11)"
              + verdict(growth <= 11))
    rerun = next((r for r in rows.values() if "unchanged" in r), None)
    if rerun:
        print(f"unchanged re-run / cold:           {rerun['unchanged'] / rerun['cold']:6.2f}    "
              "(target <= 0.05)" + verdict(rerun["unchanged"] / rerun["cold"] <= 0.05))
        print(f"one changed re-run / cold:         {rerun['one_changed'] / rerun['cold']:6.2f}")
    share = largest["cold"] / largest["mkdocs"]
    print(f"generation / mkdocs build:         {share:6.2f}    (target <= 0.25)"
          + verdict(share <= 0.25))
    size, name = largest["largest_page"]
    print(f"largest page, {sizes[-1]} articles:       {size / 1e3:6.0f} KB (target <= 300: "
          f"{name})" + verdict(size <= 300_000))
    print(f"peak memory, generation, {sizes[-1]}:     {largest['generate_peak_mb']:6.0f} MB "
          "(target < 500)" + verdict(largest["generate_peak_mb"] < 500))
    print(f"peak memory, any step (site builds too): {largest['peak_mb']:4.0f} MB")
    for count, row in rows.items():
        print(f"per article at {count:>5}: site {row['site'] / count / 1e3:7.1f} KB, "
              f"mkdocs {row['mkdocs'] / count * 1e3:6.1f} ms"
              + (f", zensical {row['zensical_site'] / count / 1e3:7.1f} KB, "
                 f"{row['zensical'] / count * 1e3:6.1f} ms" if zensical else ""))


if __name__ == "__main__":
    main()
