"""`briefing build`: the site folder is checked before anything is deleted, and any MkDocs
warning fails the build."""

import pytest
from click.testing import CliRunner

from generator.build import SITE_MARK, check_site_dir
from generator.cli import main
from generator.errors import BriefingError
from generator.pipeline import generate


def build(project, *args):
    return CliRunner().invoke(main, ["build", "--project", str(project.root), *args])


@pytest.mark.parametrize("where", ["content", "content/pages", "content/sources/x", ".", "..",
                                   "site_overrides", "site_overrides/assets", "generator"])
def test_a_site_folder_in_the_projects_own_files_is_refused(project, where):
    generate(project)
    before = {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file()
              and ".cache" not in p.parts}
    result = build(project, "--site-dir", str(project.root / where))
    assert result.exit_code == 1 and "site folder" in result.output, result.output
    assert {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file()
            and ".cache" not in p.parts} == before


def test_a_folder_the_build_did_not_make_is_left_alone(project, tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "letter.txt").write_text("mine")
    result = build(project, "--site-dir", str(documents))
    assert result.exit_code == 1 and "was not built by `briefing build`" in result.output
    assert (documents / "letter.txt").read_text() == "mine"


def test_a_site_the_build_made_is_replaced(project, tmp_path):
    site = tmp_path / "public"
    assert build(project, "--site-dir", str(site)).exit_code == 0
    assert (site / SITE_MARK).is_file() and (site / "index.html").is_file()
    (site / "stale.html").write_text("old")
    assert build(project, "--site-dir", str(site)).exit_code == 0
    assert not (site / "stale.html").exists()


def test_an_empty_or_new_folder_is_fine(project, tmp_path):
    (tmp_path / "empty").mkdir()
    check_site_dir(project.root, tmp_path / "empty", project.docs_dir)
    check_site_dir(project.root, tmp_path / "new", project.docs_dir)
    with pytest.raises(BriefingError, match="symbolic link"):
        (tmp_path / "link").symlink_to(tmp_path / "empty")
        check_site_dir(project.root, tmp_path / "link", project.docs_dir)


def test_a_dead_link_on_an_edited_page_fails_the_build(project):
    generate(project)
    page = project.docs_dir / "taiwan.md"
    page.write_text(page.read_text() + "\nSee [the missing page](missing.md).\n")
    result = build(project)
    assert result.exit_code == 1, result.output
    assert "mkdocs build --strict failed" in result.output and "missing.md" in result.output
    assert not (project.root / "site").exists()
