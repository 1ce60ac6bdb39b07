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
    result = score("boilerplate", tmp_path, "--variant", "both", "--no-trafilatura")
    # Issue 10's targets on the reader's selection of each page: P 0.95, R 0.90, content kept
    # 0.97; the whole page is held to the same. These are tuned figures (the rules were mended
    # on this set's misses); honest leave-sites-out figures of the shape model alone are in
    # boilerplate_shape.json, and the blind labelled pages (make quality) say how it travels.
    for variant in ("region", "full"):
        briefing = result["variants"][variant]["systems"]["briefing"]
        print(variant, {k: round(v, 4) for k, v in briefing.items() if isinstance(v, float)})
        assert briefing["P"] >= 0.95 and briefing["R"] >= 0.90, variant
        assert briefing["content_kept"] >= 0.97, variant


def test_the_title_of_a_pasted_page_is_its_headline():
    from tests.measure_headlines import measure
    # Issue 10: "the headline is the headline". 58 and 31 of 100 with the first
    # headline-shaped line above the article; 77 and 67 choosing by the words the article
    # uses again (clean._headline_by_words). Floors: those less a margin.
    region, _ = measure("region")
    full, _ = measure("full")
    assert region >= 72 and full >= 60, (region, full)
