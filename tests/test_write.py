import json
import os
import subprocess
import sys

import pytest
import yaml

from generator.compose import CitedList, Page
from generator.errors import BriefingError
from generator.markdown import render_pages
from generator.write import (JOURNAL, MANIFEST, NAV_BEGIN, NAV_END, TEMP_SUFFIX, Changes,
                             dead_source_links, finish_interrupted, load_manifest, nav_block,
                             page_state, read_page, run_lock, safe_target, update_mkdocs_config,
                             write_pages)


def rendered(title="Page", body_note="Nothing yet.", path="topic.md"):
    page = Page(path, title, "d", (CitedList(None, (), note=body_note),))
    return render_pages([page], {}, {"as_of": "2025-01-01", "sources": 0})


def state(folder, relative):
    return page_state(read_page(folder / relative), relative, load_manifest(folder))


def test_edited_pages_are_kept_byte_for_byte(tmp_path):
    write_pages(tmp_path, rendered())
    target = tmp_path / "topic.md"
    edited = target.read_text() + "\nAn editor's note.\n"
    target.write_text(edited)
    assert state(tmp_path, "topic.md") == "edited"
    report = write_pages(tmp_path, rendered(body_note="New text."))
    assert report.kept_edits == ["topic.md"] and target.read_text() == edited


@pytest.mark.parametrize("edit", [('title: "Page"', "title: My title"),
                                  ('generated_by: "briefing"', "hide: [navigation]\ngenerated_by: "
                                                               "briefing")])
def test_an_edit_to_the_front_matter_is_an_edit(tmp_path, edit):
    write_pages(tmp_path, rendered())
    target = tmp_path / "topic.md"
    assert edit[0] in target.read_text()
    edited = target.read_text().replace(*edit)
    target.write_text(edited)
    report = write_pages(tmp_path, rendered(body_note="New text."))
    assert report.kept_edits == ["topic.md"] and target.read_text() == edited
    write_pages(tmp_path, rendered(body_note="New text."), force=True)
    assert (tmp_path / "topic.md.bak").read_text() == edited


def test_force_replaces_an_edit_and_keeps_a_backup(tmp_path):
    write_pages(tmp_path, rendered())
    target = tmp_path / "topic.md"
    target.write_text(target.read_text() + "edit\n")
    write_pages(tmp_path, rendered(body_note="New text."), force=True)
    assert "New text." in target.read_text()
    assert (tmp_path / "topic.md.bak").read_text().endswith("edit\n")


def test_a_second_forced_run_keeps_the_first_backup(tmp_path):
    """Found by a hostile-input review: the second --force overwrote PAGE.md.bak, and the
    first edit was lost."""
    write_pages(tmp_path, rendered())
    target = tmp_path / "topic.md"
    target.write_text(target.read_text() + "first edit\n")
    write_pages(tmp_path, rendered(body_note="New text."), force=True)
    target.write_text(target.read_text() + "second edit\n")
    write_pages(tmp_path, rendered(body_note="Newer text."), force=True)
    assert (tmp_path / "topic.md.bak").read_text().endswith("first edit\n")
    assert (tmp_path / "topic.md.bak2").read_text().endswith("second edit\n")
    (tmp_path / "topic.md.bak3").mkdir()  # in the way: the next free name is taken
    target.write_text(target.read_text() + "third edit\n")
    write_pages(tmp_path, rendered(body_note="Newest text."), force=True)
    assert (tmp_path / "topic.md.bak4").read_text().endswith("third edit\n")


def test_editor_pages_are_never_touched(tmp_path):
    mine = tmp_path / "topic.md"
    mine.write_text("# My own page\n")
    report = write_pages(tmp_path, rendered())
    assert report.editor_pages == ["topic.md"] and mine.read_text() == "# My own page\n"


def test_a_copy_of_a_generated_page_is_the_editors_and_survives(tmp_path):
    write_pages(tmp_path, rendered())
    copy = tmp_path / "my-copy.md"
    copy.write_text((tmp_path / "topic.md").read_text().replace('title: "Page"', "title: Mine"))
    report = write_pages(tmp_path, {})
    assert report.removed == ["topic.md"] and copy.exists()
    assert "my-copy.md" not in load_manifest(tmp_path)


def test_pages_of_removed_sources_go_unless_edited(tmp_path):
    write_pages(tmp_path, {**rendered(), **rendered(path="other.md")})
    (tmp_path / "other.md").write_text((tmp_path / "other.md").read_text() + "edit\n")
    report = write_pages(tmp_path, {})
    assert report.removed == ["topic.md"] and report.kept_orphans == ["other.md"]
    assert not (tmp_path / "topic.md").exists() and (tmp_path / "other.md").exists()
    assert list(load_manifest(tmp_path)) == ["other.md"]


def test_unchanged_pages_are_not_rewritten(tmp_path):
    write_pages(tmp_path, rendered())
    assert write_pages(tmp_path, rendered()).unchanged == ["topic.md"]


def test_without_a_manifest_only_identical_pages_are_taken_as_generated(tmp_path):
    (tmp_path / "topic.md").write_text(rendered()["topic.md"])
    (tmp_path / "other.md").write_text("# Other\n")
    report = write_pages(tmp_path, {**rendered(), **rendered(path="other.md")})
    assert report.unchanged == ["topic.md"] and report.editor_pages == ["other.md"]
    assert list(load_manifest(tmp_path)) == ["topic.md"]


def test_a_damaged_manifest_stops_the_run(tmp_path):
    (tmp_path / MANIFEST).write_text("{not json")
    with pytest.raises(BriefingError, match="manifest"):
        write_pages(tmp_path, rendered())


def test_a_symbolic_link_where_a_page_goes_is_refused(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "topic.md").symlink_to(outside)
    with pytest.raises(BriefingError, match="symbolic link"):
        write_pages(tmp_path / "pages", rendered())
    assert outside.read_text() == "secret"


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


def mkdocs_with_block(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text("theme: material\n")
    update_mkdocs_config(path, nav_block("A", [{"Home": "index.md"}], {}))
    path.write_text(path.read_text() + "plugins:\n  - search   # the editor's own setting\n")
    return path


@pytest.mark.parametrize("damage", [NAV_BEGIN, NAV_END])
def test_a_damaged_marker_stops_the_run_and_changes_nothing(tmp_path, damage):
    path = mkdocs_with_block(tmp_path)
    before = path.read_text().replace(damage + "\n", "")
    path.write_text(before)
    with pytest.raises(BriefingError, match="marker"):
        update_mkdocs_config(path, nav_block("B", [{"Home": "index.md"}], {}))
    assert path.read_text() == before


def test_a_duplicated_marker_stops_the_run(tmp_path):
    path = mkdocs_with_block(tmp_path)
    before = path.read_text() + NAV_END + "\n"
    path.write_text(before)
    with pytest.raises(BriefingError, match="marker"):
        update_mkdocs_config(path, nav_block("B", [{"Home": "index.md"}], {}))
    assert path.read_text() == before


@pytest.mark.parametrize("name", [NAV_END, NAV_BEGIN, f"x\n{NAV_END}\ny", f"{NAV_END}\r{NAV_BEGIN}"])
def test_names_holding_the_markers_cannot_break_the_block(tmp_path, name):
    path = mkdocs_with_block(tmp_path)
    for _ in range(3):
        update_mkdocs_config(path, nav_block(name, [{name: "index.md"}],
                                             {"briefing": {"outlet": name}}))
    lines = path.read_text().split("\n")
    begin, end = lines.index(NAV_BEGIN), lines.index(NAV_END)
    assert lines.count(NAV_BEGIN) == 1 and lines.count(NAV_END) == 1
    assert lines[end + 1:] == ["plugins:", "  - search   # the editor's own setting", ""]
    block = yaml.safe_load("\n".join(lines[begin:end]))
    assert block["site_name"] == name and block["extra"]["briefing"]["outlet"] == name


def test_a_write_that_fails_half_way_changes_nothing(tmp_path):
    changes = Changes(tmp_path / JOURNAL)
    (tmp_path / "a.md").write_text("old a")
    changes.write(tmp_path / "a.md", "new a")
    changes.write(tmp_path / "missing" / "b.md", "new b")
    (tmp_path / "missing").write_text("a file where a folder is needed")
    changes.remove(tmp_path / "a.md")
    with pytest.raises(BriefingError, match="nothing was changed"):
        changes.commit()
    assert (tmp_path / "a.md").read_text() == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "missing"]


def test_a_run_killed_during_the_renames_is_finished_by_the_next(tmp_path):
    """SIGKILL between two renames: the journal lets the next run put every file in place."""
    for name in "abc":
        (tmp_path / f"{name}.md").write_text(f"old {name}")
    script = f"""
import os, sys
sys.path.insert(0, {os.getcwd()!r})
from pathlib import Path
import generator.write as write
folder = Path({str(tmp_path)!r})
real_replace, count = os.replace, []
def replace_then_die(src, dst):
    real_replace(src, dst)
    count.append(1)
    if len(count) == 2:  # the journal, then one page: killed with two to go
        os.kill(os.getpid(), 9)
write.os.replace = replace_then_die
changes = write.Changes(folder / write.JOURNAL)
for name in "abc":
    changes.write(folder / f"{{name}}.md", f"new {{name}}")
changes.remove(folder / "c.md")
changes.commit()
"""
    result = subprocess.run([sys.executable, "-c", script])
    assert result.returncode == -9
    assert (tmp_path / JOURNAL).exists()
    assert [(tmp_path / f"{n}.md").read_text() for n in "ab"] == ["new a", "old b"]
    said = finish_interrupted(tmp_path / JOURNAL, tmp_path, tmp_path)
    assert said and "finished an interrupted run" in said[0]
    assert [(tmp_path / f"{n}.md").read_text() for n in "ab"] == ["new a", "new b"]
    assert not (tmp_path / "c.md").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]


def test_a_rename_that_fails_names_its_page_and_the_next_run_finishes(tmp_path):
    """A page that cannot be replaced (here a folder stands in its place; in the review, a file
    made immutable) is named in the error, and a later run finishes what this one began."""
    (tmp_path / "a.md").write_text("old a")
    (tmp_path / "b.md").mkdir()
    (tmp_path / "b.md" / "x").write_text("in the way")
    changes = Changes(tmp_path / JOURNAL)
    changes.write(tmp_path / "a.md", "new a")
    changes.write(tmp_path / "b.md", "new b")
    with pytest.raises(BriefingError, match=r"cannot put b\.md in place"):
        changes.commit()
    with pytest.raises(BriefingError, match=r"cannot put b\.md in place"):
        finish_interrupted(tmp_path / JOURNAL, tmp_path, tmp_path)
    (tmp_path / "b.md" / "x").unlink()
    (tmp_path / "b.md").rmdir()
    said = finish_interrupted(tmp_path / JOURNAL, tmp_path, tmp_path)
    assert said and "finished an interrupted run" in said[0]
    assert [(tmp_path / f"{n}.md").read_text() for n in "ab"] == ["new a", "new b"]


def test_leftover_temporary_files_are_cleared(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / f".abc-0{TEMP_SUFFIX}").write_text("x")
    (tmp_path / f".abc-1{TEMP_SUFFIX}").write_text("x")
    (tmp_path / "keep.md").write_text("x")
    said = finish_interrupted(tmp_path / JOURNAL, tmp_path / "sub", tmp_path)
    assert said == ["removed 2 temporary file(s) left by an interrupted run"]
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["keep.md"]


def test_one_run_at_a_time(tmp_path):
    lock = tmp_path / "run.lock"
    holder = subprocess.Popen([sys.executable, "-c", f"""
import sys, time
sys.path.insert(0, {os.getcwd()!r})
from pathlib import Path
from generator.write import run_lock
with run_lock(Path({str(lock)!r})):
    print("held", flush=True)
    time.sleep(30)
"""], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(BriefingError, match=f"in progress \\(pid {holder.pid}\\)"):
            with run_lock(lock):
                pass
    finally:
        holder.kill()
        holder.wait()
    with run_lock(lock):  # a killed holder's lock is free again
        with run_lock(lock):  # and taking it again in the same process is allowed
            pass


def test_pages_citing_a_source_that_is_gone_are_named(tmp_path):
    (tmp_path / "mine.md").write_text("# Mine\n\nSee [this](sources/old.md#p3) and "
                                      "[that](sources/kept.md#p1).\n")
    assert dead_source_links(tmp_path, ["mine.md"], {"kept"}) == [
        "content/pages/mine.md:3: cites sources/old.md, whose source is no longer in "
        "content/sources/"]


def test_the_manifest_is_deterministic(tmp_path):
    write_pages(tmp_path, {**rendered(path="b.md"), **rendered(path="a.md")})
    data = json.loads((tmp_path / MANIFEST).read_text())
    assert list(data["pages"]) == ["a.md", "b.md"]


def test_a_folder_linked_outside_is_refused_when_folders_are_resolved_once(tmp_path):
    """plan_pages resolves each folder once per run; a linked folder is still refused."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "pages" / "more").symlink_to(tmp_path / "elsewhere")
    resolved: dict = {}
    assert safe_target(tmp_path / "pages", "a.md", resolved) == tmp_path / "pages" / "a.md"
    with pytest.raises(BriefingError, match="outside"):
        safe_target(tmp_path / "pages", "more/b.md", resolved)
