"""Publishing: the GitHub Pages workflow (linted), `mkdocs gh-deploy`, and a Zensical build."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.pipeline import generate
from tests.conftest import ROOT, copy_project

WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def lint(path):
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                           "vendor.github-workflows", str(path)], capture_output=True, text=True)


def test_workflow_passes_the_github_workflow_schema():
    result = lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_lint_catches_a_broken_workflow(tmp_path):
    broken = yaml.safe_load(WORKFLOW.read_text())
    del broken["jobs"]["deploy"]["runs-on"]
    broken["jobs"]["build"]["steps"][0] = {"uses": 42}
    path = tmp_path / "deploy.yml"
    path.write_text(yaml.safe_dump(broken))
    assert lint(path).returncode != 0


def test_workflow_builds_checked_pages_and_deploys_the_pages_artifact():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert runs.index("make check") < runs.index("make site")   # stale pages stop the deploy
    site_step = next(s for s in build["steps"] if s.get("run") == "make site")
    assert "steps.pages.outputs.base_url" in site_step["env"]["SITE_URL"]
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert any("actions/deploy-pages" in s.get("uses", "") for s in deploy["steps"])
    assert "make site" in (ROOT / "Makefile").read_text() and "--strict" in \
        (ROOT / "generator" / "cli.py").read_text()


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=Briefing Test", "-c", "user.email=test@example.org",
                    *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
def test_gh_deploy_publishes_the_site_on_a_gh_pages_branch(tmp_path):
    project = copy_project(tmp_path / "project")
    generate(project)
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--bare", "-q", str(remote)], check=True)
    git(project.root, "init", "-q", "-b", "main")
    git(project.root, "add", "-A")
    git(project.root, "commit", "-q", "-m", "briefing")
    git(project.root, "remote", "add", "origin", str(remote))
    env = {**ENV, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    result = subprocess.run([str(BIN / "mkdocs"), "gh-deploy", "--force", "--strict"],
                            cwd=project.root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    listing = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=remote,
                             capture_output=True, text=True, check=True).stdout.split()
    assert {"index.html", "quotes.html", "timeline.html", ".nojekyll"} <= set(listing)


def test_zensical_builds_the_same_site(tmp_path):
    zensical = BIN / "zensical"
    if not zensical.exists():
        pytest.skip("zensical is installed by `make test`")
    project = copy_project(tmp_path / "project")
    generate(project)
    result = subprocess.run([str(zensical), "build"], cwd=project.root, capture_output=True,
                            text=True, env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project.root / "site"
    for page in ("index", "background", "framework-deal", "quotes", "people", "taiwan",
                 "timeline", "glossary", "full", "sources/000_36119deba365cd7b"):
        assert (site / f"{page}.html").is_file(), page
    home = (site / "index.html").read_text()
    assert "Briefing as of" in home and "<abbr" in home and 'property="og:title"' in home
    assert "I don’t know that we’ll even speak about Taiwan." in (site / "quotes.html").read_text()
