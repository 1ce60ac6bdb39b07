"""The built site in a real browser (Debian's chromium, driven by Playwright)."""

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import copy_project
from tests.test_hostile import HOSTILE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="needs Debian's chromium (.ci/run installs it)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def built_and_served(root: Path):
    """Build the project's site and serve it on localhost; yields the base URL."""
    result = CliRunner().invoke(main, ["build", "--project", str(root)])
    assert result.exit_code == 0, result.output
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    yield from built_and_served(copy_project(tmp_path_factory.mktemp("browser") / "project").root)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    (project.sources_dir / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    yield from built_and_served(project.root)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("term, expected", [("rare earths", "framework-deal.html"),
                                            ("Taiwan", "taiwan.html"),
                                            ("fentanyl", "framework-deal.html")])
def test_search_finds_and_opens_the_right_page(browser, site_url, term, expected):
    page = browser.new_page()
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(term)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    links = page.locator(".md-search-result__item a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")
    assert any(expected in link for link in links), links
    page.locator(f".md-search-result__item a[href*='{expected}']").first.click()
    page.wait_for_url(f"**/{expected}*")
    assert page.locator("mark").count() > 0 or term.lower() in page.content().lower()
    page.close()


@pytest.mark.parametrize("page_path", ["sources/hostile.html", "taiwan.html", "index.html"])
def test_no_script_from_a_hostile_source_runs(browser, hostile_url, page_path):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_url + page_path)
    page.wait_for_load_state("load")
    for link in page.locator("article a").all():
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith(("javascript:", "data:")), href
    page.wait_for_timeout(300)   # give an onerror handler the chance it must not get
    assert dialogs == []
    assert page.title() != "pwned" and "pwned" not in page.evaluate("document.title")
    assert page.locator("article script, article img[onerror]").count() == 0
    page.close()
