"""Shared fixtures: the real configuration and seeds, and throwaway copies of the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import strategies as st

from generator.config import load_config
from generator.pipeline import Project, analyse

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "content" / "sources"
WIRE_SEED = SEEDS / "000_36119deba365cd7b.txt"
LIVE_SEED = SEEDS / "004_f77be4efbc849815.txt"
LABELLED = ROOT / "tests" / "labelled"


@pytest.fixture(scope="session")
def config():
    return load_config(ROOT / "content" / "briefing.yml")


@pytest.fixture(scope="session")
def wire(config):
    return analyse(WIRE_SEED, config).source


@pytest.fixture(scope="session")
def live(config):
    return analyse(LIVE_SEED, config).source


def paragraph_at(source, line):
    return next(p for p in source.paragraphs if p.line == line)


def read_people(config, *texts: str):
    """The people index and the quotations the per-source stages find in these paragraphs."""
    from generator.people import base_index, find_people
    from generator.quotes import find_quotes
    from generator.structure import SourceParagraph
    index = base_index(config)
    paragraphs = [SourceParagraph("s", 2 * n + 1, text) for n, text in enumerate(texts)]
    find_people(paragraphs, index, config)
    return index, find_quotes(paragraphs, config, index)


def copy_project(root: Path, with_pages: bool = False) -> Project:
    """A copy of the project (content, mkdocs.yml, overrides) to generate and build in."""
    root.mkdir(parents=True)
    shutil.copytree(ROOT / "content", root / "content",
                    ignore=None if with_pages else shutil.ignore_patterns("pages"))
    (root / "content" / "pages").mkdir(exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", root / "site_overrides")
    return Project(root)


@pytest.fixture
def project(tmp_path) -> Project:
    return copy_project(tmp_path / "project")


def pieces_text(pieces: list[str], alphabet: str, most: int = 6):
    """Texts made of up to ``most`` pieces, each one of ``pieces`` (the shapes a pattern or a
    cheap test is about) or a few characters of ``alphabet`` around them: the strategy of the
    property tests that hold a shortcut to the pattern it stands before."""
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(alphabet, max_size=6)),
                    max_size=most).map("".join)
