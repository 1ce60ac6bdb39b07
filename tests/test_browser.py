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

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="needs Debian's chromium (.ci/run installs it)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("browser") / "project").root
    result = CliRunner().invoke(main, ["build", "--project", str(root)])
    assert result.exit_code == 0, result.output
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


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
