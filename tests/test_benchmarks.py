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
    assert briefing["P"] >= 0.96 and briefing["R"] >= 0.83  # issue 10 asks for 0.95 and 0.90
    assert briefing["content_kept"] >= 0.965  # issue 10 asks for 0.97
