"""The built site in a real browser (Debian's chromium, driven by Playwright)."""

import functools
import http.server
import json
import os
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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def built_and_served(root: Path):
    """Build the project's site for a localhost address and serve it there; yields the URL.

    The site is built with that address as its site_url, as the deploy builds it with the Pages
    address: Material's instant navigation only follows links to the site_url's host and port.
    """
    handler = functools.partial(QuietHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = url
    try:
        result = CliRunner().invoke(main, ["build", "--project", str(root)])
    finally:
        os.environ.pop("SITE_URL") if previous is None else os.environ.update(SITE_URL=previous)
    assert result.exit_code == 0, result.output
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("browser") / "project").root
    for url in built_and_served(root):
        yield root / "site", url


@pytest.fixture(scope="module")
def site_url(site):
    return site[1]


def every_page(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                  if p.name != "404.html")


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    (project.sources_dir / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (project.sources_dir / "headline.txt").write_text(
        "<img src=x onerror=alert(1)> Trump Xi meet on Taiwan\n\nTrump and Xi spoke about "
        "Taiwan and tariffs, officials said on Thursday.\n", encoding="utf-8")
    config = project.config_path.read_text(encoding="utf-8")
    config = config.replace('title: "Trump–Xi meeting in Busan"',
                            'title: "Busan <img src=x onerror=alert(2)> \\"><script>alert(3)'
                            '</script>"', 1)
    config = config.replace("outlet: The Guardian", "outlet: \"<svg onload=alert(4)> Guardian\"")
    project.config_path.write_text(config, encoding="utf-8")
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


@pytest.mark.parametrize("page_path", ["sources/hostile.html", "sources/headline.html",
                                       "sources/004_f77be4efbc849815.html", "taiwan.html",
                                       "index.html"])
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
    assert page.locator("img[onerror], svg[onload], [onerror], [onload]").count() == 0
    page.close()


def test_searching_hostile_titles_runs_no_script(browser, hostile_url):
    """Material renders search results as HTML: titles in the index must be escaped text."""
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("onerror")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(300)
    assert dialogs == [] and page.locator("[onerror], [onload]").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.locator(".md-search-result").inner_text()
    page.close()


def test_every_page_loads_without_console_errors_or_requests_elsewhere(browser, site):
    site_dir, url = site
    origin = url.rstrip("/")
    pages = every_page(site_dir)
    assert len(pages) >= 12
    for path in pages:
        page = browser.new_page()
        errors, elsewhere = [], []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: request.url.startswith(origin) or
                request.url.startswith("data:") or elsewhere.append(request.url))
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        assert errors == [], (path, errors)
        assert elsewhere == [], (path, elsewhere)
        page.close()


def test_palette_toggle_switches_between_light_and_dark(browser, site_url):
    page = browser.new_page(color_scheme="light")
    page.goto(site_url)
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme() == "default"
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    page.close()


def test_key_quotes_and_timeline_render_their_entries(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "quotes.html")
    speakers = page.locator("article h2").all_inner_texts()
    assert any(s.startswith("Donald Trump, US president") for s in speakers)
    assert page.locator("article li").count() >= 10
    assert page.locator("article .quote-context").count() >= 5
    assert page.locator("article a.cite").count() >= 20
    page.goto(site_url + "timeline.html")
    dates = page.locator("article h2").all_inner_texts()
    assert any("30 October 2025" in d for d in dates) and any("27 October 2025" in d for d in dates)
    assert page.locator("article li a.cite").count() >= 10
    page.close()


def test_glossary_terms_show_their_definition_as_a_tooltip(browser, site_url):
    """The browser's own tooltip, from the title attribute (text, never HTML): Material's
    improved tooltips are off because they render titles as HTML."""
    page = browser.new_page()
    page.goto(site_url)
    abbr = page.locator("article abbr", has_text="APEC").first
    abbr.hover()
    page.wait_for_timeout(300)
    assert abbr.get_attribute("title") == "Asia-Pacific Economic Cooperation"
    assert page.locator(".md-tooltip2").count() == 0
    assert abbr.evaluate("e => getComputedStyle(e).cursor") == "help"
    page.close()


@pytest.mark.parametrize("path", ["index.html", "quotes.html", "timeline.html",
                                  "sources/004_f77be4efbc849815.html", "full.html"])
def test_phone_width_layout_has_no_sideways_scroll(browser, site_url, path):
    page = browser.new_page(viewport={"width": 375, "height": 740}, device_scale_factor=2,
                            is_mobile=True, has_touch=True)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.locator("label.md-header__button[for='__drawer']").is_visible()   # the menu
    width = page.evaluate("document.querySelector('article').getBoundingClientRect().width")
    assert 300 <= width <= 375                                   # the text uses the screen
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_accessibility_scan_finds_nothing_serious(browser, site, scheme):
    from axe_playwright_python.sync_playwright import Axe
    site_dir, url = site
    axe = Axe()
    problems = []
    for path in every_page(site_dir):
        page = browser.new_page(color_scheme=scheme)
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        violations = axe.run(page).response["violations"]
        problems += [(path, v["id"], v["impact"], v["nodes"][0]["html"][:80])
                     for v in violations if v["impact"] in ("serious", "critical")]
        page.close()
    assert problems == []


def test_instant_navigation_keeps_the_page_loaded(browser, site_url):
    page = browser.new_page()
    page.goto(site_url)
    page.evaluate("window.__stillHere = true")
    page.locator("nav.md-nav--primary a[href$='timeline.html']").first.click()
    page.wait_for_url("**/timeline.html")
    page.wait_for_selector("article h1:has-text('Timeline')")
    assert page.evaluate("window.__stillHere === true")   # no full reload: instant navigation
    page.close()


def test_full_briefing_prints_as_one_clean_document(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "full.html")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer',
        '.md-search'].map(s => document.querySelector(s))
        .filter(e => e && getComputedStyle(e).display !== 'none').length""")
    assert hidden == 0
    parts = page.locator("h2.briefing-part").all_inner_texts()
    assert {"Key quotes", "Timeline", "Glossary", "Taiwan concerns"} <= {p.strip() for p in parts}
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page\r") \
        + pdf.count(b"/Type /Page>") + pdf.count(b"/Type /Page ") >= len(parts)
    page.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}
SIDEWAYS_SCROLLERS = """() => [document.documentElement, ...document.querySelectorAll('body *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 &&
                 ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
    .map(e => e.tagName + '.' + e.className)"""
CUT_SITE_NAME = """() => [...document.querySelectorAll(
    '.md-header__topic:first-child .md-ellipsis')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
    .map(e => e.textContent.trim())"""


def test_every_page_fits_a_390_px_phone_with_its_title_whole(browser, site):
    """No sideways scrolling on any page, its folded parts opened, at 390×844; the site's name
    in the header wraps rather than ending in "…" (a long page title there may still be cut
    after two lines: the page shows it whole as its heading)."""
    site_dir, url = site
    for path in every_page(site_dir):
        page = browser.new_page(**PHONE)
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        assert page.evaluate(SIDEWAYS_SCROLLERS) == [], path
        assert page.evaluate(CUT_SITE_NAME) == [], path
        page.close()


def test_a_long_site_title_wraps_in_the_phone_header(browser, site_url):
    page = browser.new_page(**PHONE)
    page.goto(site_url)
    page.evaluate("""document.querySelector('.md-header__topic .md-ellipsis').textContent =
                     'Trump–Xi meeting in Busan, South Korea'""")
    topic = page.locator(".md-header__topic .md-ellipsis").first
    assert page.evaluate(CUT_SITE_NAME) == []
    assert topic.evaluate("e => e.getBoundingClientRect().height") > \
        topic.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)") * 1.5   # two lines
    page.close()


def test_tables_read_as_a_list_on_a_phone(browser, site_url):
    """Each row of a table (a source's removed paragraphs) stands alone, its cells one under
    the other, the first in bold."""
    page = browser.new_page(**PHONE)
    source = f"{site_url}sources/004_f77be4efbc849815.html"
    page.goto(source)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    table = page.locator("article table").first
    assert table.evaluate("e => getComputedStyle(e).display") == "block"
    assert not page.locator("article thead").first.is_visible() or \
        page.locator("article thead").first.bounding_box()["height"] <= 1
    rows = page.locator("article table tbody tr")
    assert rows.count() >= 3
    for row in rows.all()[:3]:
        lefts = row.locator("td").evaluate_all("cells => cells.map(c => "
                                               "Math.round(c.getBoundingClientRect().left))")
        tops = row.locator("td").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().top)")
        assert len(set(lefts)) == 1 and tops == sorted(tops) and len(set(tops)) == len(tops)
        assert row.locator("td").first.evaluate("e => getComputedStyle(e).fontWeight") == "700"
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(source)
    assert page.locator("article table").first.evaluate("e => getComputedStyle(e).display") \
        != "block"   # a table again on a wide screen
    page.close()


def test_key_figures_are_a_list_of_facts(browser, site_url):
    """What each figure measures in bold, then its values, then every source stating it."""
    page = browser.new_page(**PHONE)
    page.goto(site_url)
    items = page.locator("#key-figures + ul > li")
    assert items.count() >= 3
    for item in items.all()[:3]:
        assert item.locator("strong").first.inner_text().endswith(":")
        assert item.locator("a.cite").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


@pytest.mark.parametrize("query", ["rare earths", "Taiwan", "tariffs", "Xi Jinping summit"])
def test_every_search_result_link_highlights_something_or_nothing(browser, site_url, query):
    """Material gives a page's own result an empty "?h=" when the words matched only in its
    sections; search-links.js fills in their words (or drops h=)."""
    page = browser.new_page()
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(300)
    links = page.locator(".md-search-result__item a").evaluate_all(
        "els => els.map(e => new URL(e.href))"
        ".map(u => [u.href, u.searchParams.has('h'), u.searchParams.get('h')])")
    assert len(links) >= 2
    assert all(has is False or highlight.strip() for _, has, highlight in links), links
    first_page = page.locator(".md-search-result__item > a").first
    href = first_page.get_attribute("href")
    first_page.click()
    page.wait_for_url(lambda address: address.startswith(href.split("#")[0]))
    page.wait_for_function("document.querySelectorAll('article mark').length > 0",
                           timeout=5000)   # the words are highlighted where it lands
    page.close()


def test_citations_show_on_the_page_but_stay_out_of_the_search_index(browser, site):
    site_dir, url = site
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    checked = 0
    for path in every_page(site_dir):
        page = browser.new_page()
        page.goto(url + path)
        labels = {t.strip() for t in page.locator("article a.cite").all_inner_texts()}
        page.close()
        indexed = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]
                           if doc["location"].split("#")[0] == path)
        if not labels or not indexed:   # the full briefing is left out of search
            continue
        assert [label for label in labels if label in indexed] == [], path
        checked += 1
    assert checked >= 5


def test_a_glossary_term_is_underlined_once_per_section(browser, site):
    """The first use of a term after each h2 (or the page's start) is an <abbr> with its
    definition; later uses in the same section are plain text."""
    site_dir, url = site
    total = 0
    for path in every_page(site_dir):
        page = browser.new_page()
        page.goto(url + path)
        repeats = page.evaluate("""() => {
            const seen = new Set(), repeats = [];
            for (const e of document.querySelectorAll('article h2, article abbr')) {
              if (e.tagName === 'H2') seen.clear();
              if (e.tagName !== 'ABBR') continue;
              if (seen.has(e.title)) repeats.push(e.textContent);
              seen.add(e.title);
            }
            return repeats;
        }""")
        total += page.locator("article abbr[title]").count()
        assert repeats == [], (path, repeats)
        page.close()
    assert total >= 5
