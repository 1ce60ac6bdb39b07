"""After the pages: build the site with ``mkdocs build --strict`` and swap it in.

The site is built into a temporary folder beside its target and replaces the old one only when
the build succeeds with no warning. The folder is checked first: it can never be, hold or lie
inside the project's own files, and an existing folder is replaced only if a previous build
made it (it holds the ``.briefing-site`` mark), so no command deletes what it did not make.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.errors import BriefingError

SITE_MARK = ".briefing-site"
PROJECT_FILES = ("content", "generator", "site_overrides", "tests", "mkdocs.yml",
                 "pyproject.toml", "README.md", "Makefile", ".git", ".github", ".ci", ".venv",
                 ".cache")


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_site_dir(root: Path, site_dir: Path, docs_dir: Path) -> None:
    """Refuse a site folder whose replacement would delete anything but an earlier site."""
    root, site = root.resolve(), site_dir.resolve()
    protected = [root / name for name in PROJECT_FILES] + [docs_dir.resolve()]
    if _inside(root, site):
        raise BriefingError("the site folder would contain the project itself", str(site_dir),
                            hint="choose a folder of its own, such as site/")
    for path in protected:
        if _inside(site, path) or _inside(path, site):
            raise BriefingError(f"the site folder would replace or lie inside the project's own "
                                f"{path.name}", str(site_dir),
                                hint="choose a folder of its own, such as site/")
    if site_dir.is_symlink():
        raise BriefingError("the site folder is a symbolic link", str(site_dir),
                            hint="choose a real folder")
    if site_dir.exists() and not (site_dir / SITE_MARK).is_file() and \
            (not site_dir.is_dir() or any(site_dir.iterdir())):
        raise BriefingError(f"exists and was not built by `briefing build` (it has no "
                            f"{SITE_MARK} mark); it is left alone", str(site_dir),
                            hint="remove it yourself or choose another --site-dir")


def build_site(root: Path, mkdocs_path: Path, docs_dir: Path, site_dir: Path) -> int:
    """Build into a temporary folder and swap it in. Returns the number of pages built."""
    check_site_dir(root, site_dir, docs_dir)
    temp = site_dir.with_name(f".{site_dir.name}.building")
    old = site_dir.with_name(f".{site_dir.name}.old")
    for leftover in (temp, old):
        if leftover.is_symlink():
            leftover.unlink()
        shutil.rmtree(leftover, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                             "-f", str(mkdocs_path), "-d", str(temp.resolve())],
                            cwd=root, env=env, capture_output=True, text=True)
    output = (result.stderr + result.stdout).splitlines()
    warnings = [line for line in output if line.startswith(("WARNING", "ERROR"))]
    if result.returncode != 0 or warnings:
        shutil.rmtree(temp, ignore_errors=True)
        detail = warnings[0] if warnings else (output[-1] if output else "?")
        more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
        raise BriefingError(f"mkdocs build --strict failed: {' '.join(detail.split())}{more}",
                            str(mkdocs_path), hint="the previous site is unchanged")
    (temp / SITE_MARK).write_text("Built by `briefing build`; the next build replaces this "
                                  "folder.\n", encoding="utf-8")
    if site_dir.exists():
        site_dir.rename(old)
    temp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return sum(1 for _ in site_dir.rglob("*.html"))
