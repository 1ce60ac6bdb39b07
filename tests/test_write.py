import pytest

from generator.errors import BriefingError
from generator.markdown import render_pages
from generator.write import (Changes, nav_block, page_state, safe_target, update_mkdocs_config,
                             write_pages)
from generator.compose import Page, CitedList


def rendered(title="Page", body_note="Nothing yet."):
    page = Page("topic.md", title, "d", (CitedList(None, (), note=body_note),))
    return render_pages([page], {}, {"as_of": "2025-01-01", "sources": 0})


def test_edited_pages_are_kept_byte_for_byte(tmp_path):
    write_pages(tmp_path, rendered())
    target = tmp_path / "topic.md"
    edited = target.read_text() + "\nAn editor's note.\n"
    target.write_text(edited)
    assert page_state(target) == "edited"
    report = write_pages(tmp_path, rendered(body_note="New text."))
    assert report.kept_edits == ["topic.md"] and target.read_text() == edited


def test_force_replaces_an_edit_and_keeps_a_backup(tmp_path):
    write_pages(tmp_path, rendered())
    target = tmp_path / "topic.md"
    target.write_text(target.read_text() + "edit\n")
    write_pages(tmp_path, rendered(body_note="New text."), force=True)
    assert "New text." in target.read_text()
    assert (tmp_path / "topic.md.bak").read_text().endswith("edit\n")


def test_editor_pages_are_never_touched(tmp_path):
    mine = tmp_path / "topic.md"
    mine.write_text("# My own page\n")
    report = write_pages(tmp_path, rendered())
    assert report.editor_pages == ["topic.md"] and mine.read_text() == "# My own page\n"


def test_pages_of_removed_sources_go_unless_edited(tmp_path):
    write_pages(tmp_path, {**rendered(), "other.md": rendered()["topic.md"]})
    (tmp_path / "other.md").write_text((tmp_path / "other.md").read_text() + "edit\n")
    report = write_pages(tmp_path, {})
    assert report.removed == ["topic.md"] and report.kept_orphans == ["other.md"]
    assert not (tmp_path / "topic.md").exists() and (tmp_path / "other.md").exists()


def test_unchanged_pages_are_not_rewritten(tmp_path):
    write_pages(tmp_path, rendered())
    assert write_pages(tmp_path, rendered()).unchanged == ["topic.md"]


@pytest.mark.parametrize("bad", ["../escape.md", "/etc/passwd.md", "a/../../b.md", "x.html"])
def test_paths_cannot_leave_the_pages_folder(tmp_path, bad):
    with pytest.raises(BriefingError, match="outside"):
        safe_target(tmp_path, bad)


def test_generated_navigation_block_is_replaced_not_duplicated(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text("theme: material\n")
    assert update_mkdocs_config(path, nav_block("A", [{"Home": "index.md"}], {}))
    assert update_mkdocs_config(path, nav_block("B", [{"Home": "index.md"}], {}))
    text = path.read_text()
    assert text.count("site_name") == 1 and "site_name: B" in text and text.startswith("theme")


def test_a_write_that_fails_half_way_changes_nothing(tmp_path):
    changes = Changes()
    (tmp_path / "a.md").write_text("old a")
    changes.write(tmp_path / "a.md", "new a")
    changes.write(tmp_path / "missing" / "b.md", "new b")
    (tmp_path / "missing").write_text("a file where a folder is needed")
    changes.remove(tmp_path / "a.md")
    with pytest.raises(BriefingError, match="nothing was changed"):
        changes.commit()
    assert (tmp_path / "a.md").read_text() == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "missing"]
