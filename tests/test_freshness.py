"""An unchanged project is not redone; any change to what a run reads or writes is seen."""

from generator.pipeline import generate


def test_an_unchanged_run_is_skipped_and_says_what_the_last_one_said(project):
    first_briefing, first, _ = generate(project)
    _, again, nav_changed = generate(project)
    assert again.skipped and not nav_changed and not again.written
    assert again.sources == first.sources == 2
    assert sorted(again.unchanged) == sorted(first.written)
    assert any("Gou Jiakun" in note for note in again.notes)  # the seed's misspelling note


def test_a_same_size_edit_made_at_once_is_seen(project):
    generate(project)
    page = project.docs_dir / "taiwan.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Taiwan", "TAIWAN", 1), encoding="utf-8")  # same size, at once
    _, report, _ = generate(project)
    assert not report.skipped and report.kept_edits == ["taiwan.md"]


def test_a_changed_source_or_configuration_is_redone(project):
    generate(project)
    source = project.sources_dir / "000_36119deba365cd7b.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nA late paragraph on Taiwan.\n",
                      encoding="utf-8")
    _, report, _ = generate(project)
    assert not report.skipped and "sources/000_36119deba365cd7b.md" in report.written
    project.config_path.write_text(project.config_path.read_text(encoding="utf-8").replace(
        "title: \"Trump–Xi meeting in Busan\"", "title: \"Busan meeting\""), encoding="utf-8")
    _, report, nav_changed = generate(project)
    assert not report.skipped and nav_changed


def test_force_is_never_skipped(project):
    generate(project)
    _, report, _ = generate(project, force=True)
    assert not report.skipped
