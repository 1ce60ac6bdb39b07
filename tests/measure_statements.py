"""Measure statement grouping against tests/labelled/statements/.

``labels.yml`` lists facts that several articles share (``same_fact``: the paragraphs, as
``file:line``, that report each) and pairs of paragraphs that look alike but say different things
(``look_alike``). Run:

    python tests/measure_statements.py [a|b|…|o|all] [--unit sentence|paragraph] [-v]

A pair of paragraphs is grouped when one statement holds words from both. Grouping uses the
people index of the merged articles and the `statements:` rules of content/briefing.yml, as the
pipeline does. Printed: the share of same-fact pairs grouped, the look-alike pairs grouped
(should be none) and the grouped pairs the labels do not name (neither right nor wrong: the
labels list the facts the writer saw). ``a`` to ``o`` keep only that cluster's articles
(a*.txt … o*.txt; c to o were written and labelled blind, and scored before any tuning on
them); ``all`` runs every cluster's articles as one desk;
tests/test_statements.py holds the thresholds.

One desk is one draw of a greedy grouping: removing an unrelated line (a caption) can move a
look-alike in or out. ``--perturbed N`` also measures N desks, each with a tenth of the
unlabelled paragraphs dropped at random (seeded), and prints the means: a change that only
moves the draw shows there as noise.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from dataclasses import dataclass, replace
from statistics import fmean
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.clean import remove_cross_source_repeats  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.pipeline import analyse, merge  # noqa: E402
from generator.partition import partition  # noqa: E402
from generator.statements import Statement, find_statements, group_statements  # noqa: E402

LABELLED = ROOT / "tests" / "labelled" / "statements"
CONFIG = ROOT / "content" / "briefing.yml"
CLUSTERS = ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o")  # the first letter of a cluster's file names
DROPPED = 0.1  # the share of unlabelled paragraphs a perturbed desk drops
Place = tuple[str, int]  # file name, line
Pair = frozenset[Place]


@dataclass(frozen=True)
class Result:
    same: int
    same_grouped: int
    look_alike: int
    look_alike_grouped: tuple[Pair, ...]
    missed: tuple[Pair, ...]
    unlabelled: tuple[Pair, ...]
    statements: tuple[Statement, ...]

    @property
    def recall(self) -> float:
        return self.same_grouped / self.same if self.same else 1.0


def _place(label: str) -> Place:
    name, line = label.rsplit(":", 1)
    return name, int(line)


def labelled_pairs(files: set[str]) -> tuple[set[Pair], set[Pair]]:
    """Same-fact pairs (paragraphs of different files) and look-alike pairs within these files."""
    labels = yaml.safe_load((LABELLED / "labels.yml").read_text(encoding="utf-8"))
    same: set[Pair] = set()
    for fact in labels["same_fact"]:
        places = [_place(p) for p in fact["paragraphs"] if _place(p)[0] in files]
        same |= {frozenset((a, b)) for a, b in itertools.combinations(places, 2) if a[0] != b[0]}
    look_alike = {frozenset(map(_place, item["pair"])) for item in labels["look_alike"]}
    return same, {pair for pair in look_alike if all(p[0] in files for p in pair)}


def cluster_files(cluster: str) -> list[Path]:
    paths = sorted(LABELLED.glob("*.txt"))
    return [p for p in paths if cluster == "all" or p.name.startswith(cluster)]


def grouped_pairs(statements: tuple[Statement, ...], names: dict[str, str]) -> set[Pair]:
    pairs: set[Pair] = set()
    for statement in statements:
        places = {(names[m.source_id], m.line) for m in statement.members}
        pairs |= {frozenset(pair) for pair in itertools.combinations(sorted(places), 2)}
    return pairs


def labelled_places() -> set[Place]:
    """Every paragraph the labels name, as a same fact's report or one of a look-alike pair."""
    labels = yaml.safe_load((LABELLED / "labels.yml").read_text(encoding="utf-8"))
    places = {_place(p) for fact in labels["same_fact"] for p in fact["paragraphs"]}
    return places | {_place(p) for item in labels["look_alike"] for p in item["pair"]}


def _analyses(cluster: str, config, seed: int | None) -> list:
    """The cluster's articles analysed; with a seed, each unlabelled kept paragraph dropped
    (as cleaning would remove it) with probability DROPPED."""
    analyses = [analyse(path, config) for path in cluster_files(cluster)]
    if seed is None:
        return analyses
    rng, keep = random.Random(seed), labelled_places()
    dropped = []
    for analysis in analyses:
        name = Path(analysis.source.meta.path).name
        paragraphs = tuple(
            replace(p, kept=False, removed_because="dropped (perturbed desk)")
            if p.kept and (name, p.line) not in keep and rng.random() < DROPPED else p
            for p in analysis.source.paragraphs)
        dropped.append(replace(analysis, source=replace(analysis.source, paragraphs=paragraphs)))
    return dropped


def measure(cluster: str = "all", unit: str = "sentence", with_people: bool = True,
            seed: int | None = None) -> Result:
    config = load_config(CONFIG)
    analyses = _analyses(cluster, config, seed)
    sources = [a.source for a in analyses]
    kept = remove_cross_source_repeats([(s.meta, s.paragraphs) for s in sources])
    names = {s.meta.id: Path(s.meta.path).name for s in sources}
    rank = {s.meta.id: n for n, s in enumerate(sources)}  # no dates: file order
    people = merge(analyses, config).people if with_people else ()
    statements = group_statements([p for ps in kept for p in ps], rank, unit, people=people,
                                  rules=config.statements)
    found = grouped_pairs(statements, names)
    same, look_alike = labelled_pairs(set(names.values()))
    return Result(len(same), len(same & found), len(look_alike),
                  tuple(sorted(look_alike & found, key=sorted)),
                  tuple(sorted(same - found, key=sorted)),
                  tuple(sorted(found - same - look_alike, key=sorted)), statements)


def measure_partition(cluster: str = "all", seed: int | None = None) -> tuple[int, int, int, int]:
    """Same-fact pairs grouped and look-alikes grouped (found, labelled) in what `briefing
    extract --json` reports: the statements as a partition, each sentence in one statement,
    the cluster's articles merged as the pipeline merges a desk (dated sources in time order)."""
    config = load_config(CONFIG)
    briefing = merge(_analyses(cluster, config, seed), config)
    names = {s.meta.id: Path(s.meta.path).name for s in briefing.sources}
    found: set[Pair] = set()
    for part in partition(briefing.sources, find_statements(briefing, config.statements)):
        places = sorted({(names[s.source_id], s.line) for s in part.sentences})
        found |= {frozenset(pair) for pair in itertools.combinations(places, 2)
                  if pair[0][0] != pair[1][0]}
    same, look_alike = labelled_pairs(set(names.values()))
    return len(same & found), len(same), len(look_alike & found), len(look_alike)


def _show(pair: Pair) -> str:
    return " ~ ".join(f"{name}:{line}" for name, line in sorted(pair))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cluster", nargs="?", default="a", choices=(*CLUSTERS, "all"))
    parser.add_argument("--unit", default="sentence", choices=("sentence", "paragraph"))
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--perturbed", type=int, default=0, metavar="N",
                        help="also measure N desks with a tenth of unlabelled paragraphs dropped")
    args = parser.parse_args()
    result = measure(args.cluster, args.unit)
    print(f"cluster {args.cluster}, unit {args.unit}: {len(result.statements)} statements")
    print(f"same-fact pairs grouped: {result.same_grouped}/{result.same} "
          f"({result.recall:.0%})")
    print(f"look-alike pairs grouped: {len(result.look_alike_grouped)}/{result.look_alike}")
    print(f"grouped pairs not labelled: {len(result.unlabelled)}")
    same, total, look, looks = measure_partition(args.cluster)
    print(f"as extract --json reports them (each sentence in one statement): same-fact pairs "
          f"{same}/{total} ({same / total:.0%}), look-alikes {look}/{looks}")
    if args.perturbed:
        runs = [(measure(args.cluster, args.unit, seed=seed),
                 measure_partition(args.cluster, seed=seed)) for seed in range(args.perturbed)]
        print(f"{args.perturbed} perturbed desks (a tenth of unlabelled paragraphs dropped), "
              f"means: same-fact pairs {fmean(r.recall for r, _ in runs):.1%}, look-alikes "
              f"{fmean(len(r.look_alike_grouped) for r, _ in runs):.1f}; as extract --json "
              f"reports them {fmean(p[0] / p[1] for _, p in runs):.1%}, look-alikes "
              f"{fmean(p[2] for _, p in runs):.1f}")
    if args.verbose:
        for heading, pairs in (("look-alike grouped", result.look_alike_grouped),
                               ("missed", result.missed), ("not labelled", result.unlabelled)):
            print(f"\n{heading}:")
            for pair in pairs:
                print("  " + _show(pair))
        print("\nstatements:")
        for statement in result.statements:
            print(f"  {statement.reported_by} {statement.source_ids} on {statement.matched_on}")


if __name__ == "__main__":
    main()
