"""Fit the shape model of generator/boilerplate_shape.py and choose its cut-off honestly.

A dev tool, not a test: it reads the pasted-page benchmark in ../shared/benchmarks/boilerplate/
(region variant, labelled by others; used only to measure and fit, nothing of it is written
here) and needs scikit-learn and numpy (`.venv/bin/pip install scikit-learn`). Run from the
project's root:

    .venv/bin/python tests/train_boilerplate.py            # print the figures only
    .venv/bin/python tests/train_boilerplate.py --write    # also write boilerplate_shape.json

The model is trained on what the rules of clean.py leave (the model itself turned off), on the
kept paragraphs it may remove (not guarded, not the article's core). Figures are printed twice:
in-sample (fitted and scored on all pages) and leave-sites-out (5 folds grouped by site, each
fold scored by a model that never saw that site's pages), for a row of cut-offs. The cut-off
written is the one with the best cross-validated recall among those whose cross-validated
content kept is at least MIN_KEPT and precision at least MIN_PRECISION: losing a real paragraph
is worse than keeping a menu line. Same data, same JSON, byte for byte (fixed folds, sorted
pages, deterministic solver, rounded weights).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "benchmarks" / "boilerplate"

from generator import boilerplate_shape as shape  # noqa: E402
from generator.clean import clean_paragraphs, shape_inputs  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.load import load_source  # noqa: E402

FOLDS = 5
REGULARISATION = 1.0  # scikit-learn's C: smaller is a simpler model
# Features computed but left out of the model: each repeats another one's information (length
# bands beside log_words, before/after the article beside the main run, title shape beside the
# title run) or weighed next to nothing; with them in, cross-validated recall at the same
# content kept is lower (the extra weights fit the training sites' noise).
LEFT_OUT = ("words_1_3", "words_4_7", "before_article", "after_article", "title_shaped",
            "title_share", "sentences", "between_removed", "cluster_share", "far_from_body",
            "one_sentence_by_credit", "digit_share")
MIN_KEPT = 0.970
MIN_PRECISION = 0.95
CUT_OFFS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99)
WEIGHT_DIGITS = 4


@dataclass
class Page:
    id: str
    site: str
    paragraphs: list
    features: list  # per paragraph: a feature dict, or None when the model may not touch it
    labels: list  # per paragraph: True (furniture), False (content), None (no gold line)
    gold: dict  # local line number -> "boilerplate" or "content"
    lines: list  # the file's text lines


def _scorer():
    """The benchmark's own counting (score.py), so the figures here are its figures."""
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_score", BENCH / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _labels(paragraphs, gold) -> list:
    """A paragraph is furniture when most of its gold lines are."""
    out = []
    for i, p in enumerate(paragraphs):
        end = paragraphs[i + 1].line if i + 1 < len(paragraphs) else p.line + 200
        marks = [gold[n] for n in range(p.line, end) if n in gold]
        out.append(None if not marks else
                   sum(m == "boilerplate" for m in marks) * 2 >= len(marks))
    return out


def load_pages() -> list[Page]:
    config = replace(load_config(ROOT / "content" / "briefing.yml"), shape_model=False)
    data = json.loads((BENCH / "labels.json").read_text(encoding="utf-8"))
    pages = []
    for page in sorted(data["pages"], key=lambda p: p["id"]):
        path = BENCH / "region" / f"{page['id']}.txt"
        source = load_source(path, config)
        paragraphs = list(clean_paragraphs(source.meta, source.lines, config))
        first, last = page["region"]["first_line"], page["region"]["last_line"]
        gold = {g["line"] - first + 1: g["label"] for g in page["lines"]
                if first <= g["line"] <= last and g["label"] != "none"}
        body, guard = shape_inputs(paragraphs, config)
        features = [None if f is None or guarded or shape.body_is_article_core(f) else f
                    for f, guarded in zip(shape.paragraph_features(paragraphs, body), guard)]
        if sum(body) < 2:  # remove_by_shape leaves such pages alone
            features = [None] * len(paragraphs)
        pages.append(Page(page["id"], page["host"], paragraphs, features,
                          _labels(paragraphs, gold), gold,
                          path.read_text(encoding="utf-8").split("\n")))
    return pages


def design(pages: list[Page], names: list[str]):
    import numpy as np
    rows, y, groups, where = [], [], [], []
    for pi, page in enumerate(pages):
        for i, (f, label) in enumerate(zip(page.features, page.labels)):
            if f is not None and label is not None:
                rows.append([f[n] for n in names])
                y.append(int(label))
                groups.append(page.site)
                where.append((pi, i))
    return np.array(rows, dtype=float), np.array(y), np.array(groups), where


def figures(score, pages: list[Page], removed: set) -> dict:
    """P, R and content kept as score.py counts them, with `removed` (page, paragraph) pairs
    taken out on top of the rules."""
    total = score.Tally()
    for pi, page in enumerate(pages):
        predicted = [{"line": p.line, "kept": p.kept and (pi, i) not in removed,
                      "removed_because": p.removed_because}
                     for i, p in enumerate(page.paragraphs)]
        numbers = sorted(page.gold)
        verdict = score.removed_lines(predicted, numbers)
        rows = [(" ".join(score.tokens(page.lines[n - 1])), page.gold[n] == "boilerplate",
                 verdict[n][0]) for n in numbers]
        grouped = score.resolve_duplicates(rows)
        for k, n in enumerate(numbers):
            total.add(grouped[k], rows[k][2], len(page.lines[n - 1].split()))
    return total.figures()


def fit(x, y, regularisation: float):
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=regularisation, max_iter=5000, solver="lbfgs").fit(x, y)


def cross_validated(x, y, groups, regularisation: float):
    """Each paragraph's probability from a model fitted without its site's pages."""
    import numpy as np
    from sklearn.model_selection import GroupKFold
    probability = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        probability[test] = fit(x[train], y[train], regularisation).predict_proba(x[test])[:, 1]
    return probability


def shipped(model, names: list[str], threshold: float) -> shape.ShapeModel:
    """The model as the JSON holds it: weights rounded, applied by boilerplate_shape.score."""
    return shape.ShapeModel(tuple(names),
                            tuple(round(float(w), WEIGHT_DIGITS) for w in model.coef_[0]),
                            round(float(model.intercept_[0]), WEIGHT_DIGITS), threshold)


def in_sample(model: shape.ShapeModel, pages: list[Page], where) -> list[float]:
    return [shape.score(model, pages[pi].features[i]) for pi, i in where]


def table(score, pages, where, probabilities: dict, cut_offs) -> dict:
    rows = {}
    for cut in cut_offs:
        rows[cut] = {name: figures(score, pages, {w for w, p in zip(where, prob) if p >= cut})
                     for name, prob in probabilities.items()}
    return rows


def choose(rows: dict) -> float | None:
    fit_ = [cut for cut, r in rows.items()
            if r["cv"]["content_kept"] >= MIN_KEPT and r["cv"]["P"] >= MIN_PRECISION]
    return max(fit_, key=lambda cut: (rows[cut]["cv"]["R"], -cut), default=None)


def _short(f: dict) -> str:
    return f"P {f['P']:.3f} R {f['R']:.3f} kept {f['content_kept']:.3f}"


def about(regularisation, threshold, rules, row) -> str:
    return (f"Logistic regression (scikit-learn, C={regularisation}) over the shape features of "
            f"boilerplate_shape.py, fitted by tests/train_boilerplate.py on what the rules leave "
            f"of the pasted-page benchmark (region variant). Cut-off {threshold}: the best "
            f"leave-sites-out recall with content kept >= {MIN_KEPT} and precision >= "
            f"{MIN_PRECISION}. Rules alone: {_short(rules)}. With the model, {FOLDS}-fold "
            f"leave-sites-out: {_short(row['cv'])}; in-sample: {_short(row['in'])}.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write boilerplate_shape.json")
    parser.add_argument("--c", type=float, default=REGULARISATION, help="regularisation C")
    parser.add_argument("--threshold", type=float, help="write this cut-off, not the chosen one")
    parser.add_argument("--drop", nargs="*", default=list(LEFT_OUT), help="features to leave out")
    args = parser.parse_args()
    score = _scorer()
    pages = load_pages()
    names = [n for n in next(f for p in pages for f in p.features if f) if n not in args.drop]
    x, y, groups, where = design(pages, names)
    print(f"{len(y)} paragraphs the model may remove, {int(y.sum())} of them furniture, "
          f"{len(set(groups))} sites")
    rules = figures(score, pages, set())
    print(f"rules alone:      {_short(rules)}")
    model = shipped(fit(x, y, args.c), names, 0.5)
    probabilities = {"cv": cross_validated(x, y, groups, args.c),
                     "in": in_sample(model, pages, where)}
    rows = table(score, pages, where, probabilities, CUT_OFFS)
    print(f"{'cut-off':>8}  {'leave-sites-out (CV)':41}  in-sample")
    for cut, r in rows.items():
        print(f"{cut:>8}  {_short(r['cv'])} fp {r['cv']['fp']:<3}  {_short(r['in'])} "
              f"fp {r['in']['fp']}")
    threshold = args.threshold if args.threshold is not None else choose(rows)
    if threshold is None:
        print(f"no cut-off keeps cross-validated content >= {MIN_KEPT}; nothing written")
        return 1
    rows.update(table(score, pages, where, probabilities, (threshold,)))
    print(f"chosen cut-off {threshold}: CV {_short(rows[threshold]['cv'])}; "
          f"in-sample {_short(rows[threshold]['in'])}")
    for name, w in sorted(zip(names, model.weights), key=lambda nw: (-abs(nw[1]), nw[0]))[:12]:
        print(f"  {name:24} {w:+.3f}")
    if args.write:
        data = {"about": about(args.c, threshold, rules, rows[threshold]),
                "features": names, "weights": list(model.weights), "bias": model.bias,
                "threshold": threshold}
        shape.MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {shape.MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
