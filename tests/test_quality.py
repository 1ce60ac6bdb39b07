"""Quality is measured over the labelled set (tests/labelled/) and held at the stated thresholds."""

from tests.measure_quality import measure


def test_labelled_set_covers_the_shapes_outlets_publish():
    _, _, results = measure()
    shapes = " ".join(r.shape for r in results)
    for shape in ("wire report", "live blog", "broadcast transcript", "analysis"):
        assert shape in shapes
    assert len(results) >= 6


def test_boilerplate_and_section_quality_meet_thresholds():
    boilerplate, sections, _ = measure()
    print(f"boilerplate P={boilerplate.precision:.3f} R={boilerplate.recall:.3f}; "
          f"sections F1={sections.f1:.3f}")
    assert boilerplate.precision >= 0.95
    assert boilerplate.recall >= 0.90
    assert sections.f1 >= 0.85
