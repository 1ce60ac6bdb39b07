"""Figures on the outside benchmarks (../shared/benchmarks/, labelled by others), held as floors
at what the project reaches today. Skipped where the benchmarks are absent."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
pytestmark = pytest.mark.skipif(not BENCHMARKS.is_dir(), reason="../shared/benchmarks absent")


def score(name: str, tmp_path, *args: str) -> dict:
    out = tmp_path / f"{name}.json"
    subprocess.run([sys.executable, str(BENCHMARKS / name / "score.py"), "--json", str(out),
                    *args], cwd=ROOT, check=True, capture_output=True, timeout=600)
    return json.loads(out.read_text(encoding="utf-8"))


def test_quotations_and_speakers_on_real_news(tmp_path):
    result = score("quotes", tmp_path)
    print({k: round(v, 3) for k, v in result.items() if isinstance(v, float)})
    assert result["precision"] >= 0.975
    assert result["recall"] >= 0.98
    assert result["speaker_accuracy_named"] >= 0.925  # issue 11: 0.92


def test_boilerplate_on_real_pages(tmp_path):
    result = score("boilerplate", tmp_path, "--variant", "region", "--no-trafilatura")
    briefing = result["variants"]["region"]["systems"]["briefing"]
    print({k: round(v, 3) for k, v in briefing.items() if isinstance(v, float)})
    # Issue 10 asks for P 0.95, R 0.90, content kept 0.97. Honest (leave-sites-out) figures of
    # the shape model's cut-off: P 0.975, R 0.841, kept 0.970 (boilerplate_shape.json); with the
    # later shape rules (standfirsts, gallery captions) 0.975 / 0.852 / 0.970 here. Floors:
    # those less a margin.
    assert briefing["P"] >= 0.965 and briefing["R"] >= 0.84
    assert briefing["content_kept"] >= 0.965


def test_the_title_of_a_pasted_page_is_its_headline():
    from tests.measure_headlines import measure
    # Issue 10: "the headline is the headline". 58 and 31 of 100 with the first
    # headline-shaped line above the article; 77 and 67 choosing by the words the article
    # uses again (clean._headline_by_words). Floors: those less a margin.
    region, _ = measure("region")
    full, _ = measure("full")
    assert region >= 72 and full >= 60, (region, full)
