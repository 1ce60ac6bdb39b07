"""A source full of markup and script builds a site that shows it as literal text."""

import re

from click.testing import CliRunner

from generator.cli import main

HOSTILE = """Hostile headline here

<script>document.title = "pwned"</script> Officials said the Taiwan talks went on.

An <img src=x onerror="alert(1)"> image and [a link](javascript:alert(1)) near Taiwan.

{{ config.site_name }} and {% include "x" %} templates mention the Taiwan Strait.

# Not a heading about Taiwan

| not | a table about Taiwan |

---
"""


def test_hostile_source_renders_as_text(project):
    (project.sources_dir / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--project", str(project.root)])
    assert result.exit_code == 0, result.output
    page = (project.root / "site" / "sources" / "hostile.html").read_text(encoding="utf-8")
    body = page[page.index('<article'):page.index('</article>')]
    assert "<script" not in body and "<img" not in body
    assert not re.search(r'(href|src)="(javascript|data):', body)  # Material's own buttons aside
    assert "&lt;script&gt;document.title" in body
    assert "{{ config.site_name }}" in body
    assert "<h1" not in body.split("</h1>", 1)[1]  # only the page's own title is a heading
    assert "<table" not in body.split("Removed in cleaning")[0]


# -- every slot a string from a source or briefing.yml can reach, theme templates included ----

import html.parser  # noqa: E402
import os  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import yaml  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from mkdocs.commands.build import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config as mkdocs_config  # noqa: E402

from generator.markdown import abbreviation_line, yaml_text  # noqa: E402
from generator.pipeline import generate  # noqa: E402
from tests.conftest import copy_project  # noqa: E402

SLOTS = ("site", "section", "outlet", "title", "headline", "term", "definition", "person",
         "role", "what", "where", "figure")
NASTY = ['<img src=x onerror=alert(1)> Trump Xi meet', '"><script>alert(1)</script>',
         "' onmouseover='alert(1)' x='", "{{ config.site_name }} {% if 1 %}x{% endif %}",
         "\\<b>bold</b> [link](javascript:alert(1)) *em* `code` <!-- c -->",
         "line\rbreak\u2028sep\x85nel\x0bvt \x02wzxhzdk:0\x03", '--8<-- "/etc/passwd"',
         "# <<< briefing: end of generated navigation", "&lt;not&gt; &amp; &#x3c;b&#x3e;",
         "</title><script>alert(1)</script>", "x\n*[y]: <script>alert(1)</script>"]


def slot_project(root: Path, strings: dict[str, str]):
    """A one-source project whose every configurable string and headline is given."""
    project = copy_project(root)
    for path in project.sources_dir.iterdir():
        path.unlink()
    term, person = yaml_text(strings["term"]), yaml_text(strings["person"])
    body = (f"{strings['headline'].replace(chr(0), '')}\n\n"
            f"Trump and Xi agreed a framework deal on tariffs and Taiwan, officials said. "
            f"{term} was mentioned, and {person} spoke.\n\n"
            f"\"We have a deal on tariffs and soybeans,\" {person} said on Thursday.\n")
    figure = yaml_text(strings["figure"])  # a key figure's measure, and a statement two
    # sources report in other words (its matched words go in a tooltip)
    (project.sources_dir / "a.txt").write_text(
        "date 2025-10-30\n" + body + f"\nThe {figure} tariff fell to 10% from 20% on Thursday, "
        "officials said.\n", encoding="utf-8")
    (project.sources_dir / "b.txt").write_text(
        body.replace("Thursday", "Friday") + f"\nOn Thursday the {figure} tariff was cut to 10% "
        "from 20%, the ministry said.\n", encoding="utf-8")  # one day: one fact
    config = yaml.safe_load(project.config_path.read_text(encoding="utf-8"))
    config["title"] = strings["site"]
    config["event"] = {"what": strings["what"], "when": "2025-10-30", "where": strings["where"]}
    config["sources"] = {"a.txt": {"outlet": strings["outlet"], "title": strings["title"],
                                   "date": "2025-10-30"}}
    first = next(iter(config["sections"]))
    config["sections"][first]["title"] = strings["section"]
    config["sections"][first]["terms"] = {"tariff": 2}
    config["people"] = [{"name": strings["person"], "role": strings["role"]}]
    config["glossary"] = {term: strings["definition"]}
    project.config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return project, first


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


class Inventory(html.parser.HTMLParser):
    """Elements and attributes of a page, its visible text and its attribute values."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shapes: set[tuple[str, str]] = set()
        self.scripts: set[str] = set()
        self.bad: list[str] = []
        self.texts: list[str] = []
        self.title = ""
        self.abbr_titles: list[str] = []
        self.h1: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.shapes.add((tag, ""))
        for name, value in attrs:
            self.shapes.add((tag, name))
            url = (value or "").strip().lower()
            if name.startswith("on") or name in URL_ATTRIBUTES and url.startswith(
                    ("javascript:", "data:text/html")) and \
                    url != "javascript:void(0)":  # Material's own search share button
                self.bad.append(f"<{tag} {name}={value!r}>")
            if tag == "abbr" and name == "title":
                self.abbr_titles.append(value or "")
        if tag == "script":
            self.scripts.add(dict(attrs).get("src") or dict(attrs).get("id") or "inline")
        self._in.append(tag)

    def handle_endtag(self, tag):
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data):
        if "title" in self._in and "head" not in self._in[-1:]:
            self.title += data
        if "h1" in self._in:
            self.h1.append(data)
        self.texts.append(data)


def build_and_inventory(project, site_url="http://127.0.0.1:8000/") -> dict[str, Inventory]:
    os.environ["SITE_URL"] = site_url
    try:
        generate(project)
        config = mkdocs_config(config_file=str(project.mkdocs_path), strict=True,
                               site_dir=str(project.root / "site"))
        mkdocs_build(config)
    finally:
        os.environ.pop("SITE_URL", None)
    pages = {}
    for path in (project.root / "site").rglob("*.html"):
        inventory = Inventory()
        inventory.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(project.root / "site").as_posix()] = inventory
    return pages


PLAIN = {slot: f"Plain {slot} words" for slot in SLOTS}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    project, _ = slot_project(tmp_path_factory.mktemp("baseline") / "p", PLAIN)
    pages = build_and_inventory(project)
    return ({shape for page in pages.values() for shape in page.shapes},
            {script for page in pages.values() for script in page.scripts})


def check_site(pages: dict[str, Inventory], strings: dict[str, str], section: str, baseline):
    shapes, scripts = baseline
    for name, page in pages.items():
        assert not page.bad, (name, page.bad)
        assert page.shapes <= shapes, (name, page.shapes - shapes)
        assert page.scripts <= scripts, (name, page.scripts - scripts)
    shown = {slot: yaml_text(text) for slot, text in strings.items()}
    assert pages["index.html"].title.strip() == shown["site"]
    assert pages[f"{section}.html"].title.strip() == f"{shown['section']} - {shown['site']}"
    assert "".join(pages["sources/a.html"].h1).strip().removesuffix("¶") == shown["title"]
    everything = " ".join(" ".join(p.texts) for p in pages.values())
    everything = " ".join(everything.split())
    for slot in ("outlet", "person", "what", "where", "term", "figure"):
        assert shown[slot] in everything, slot
    people = " ".join(" ".join(pages["people.html"].texts).split())
    if shown["person"] in people:  # a card only for a person found in the text (escaping aside)
        assert shown["role"] in people
    titles = {t for p in pages.values() for t in p.abbr_titles}
    assert titles <= {shown["definition"]}
    if abbreviation_line(strings["term"], strings["definition"]) and \
            shown["term"].replace(" ", "").isalnum():  # the abbr extension cannot match entities
        assert titles == {shown["definition"]}


def test_markup_in_every_slot_shows_as_text(tmp_path, baseline):
    strings = {slot: NASTY[number % len(NASTY)] + f" {slot}" for number, slot in enumerate(SLOTS)}
    project, section = slot_project(tmp_path / "p", strings)
    check_site(build_and_inventory(project), strings, section, baseline)


TRICKY = st.sampled_from(list("<>&\"'`\\/{}[]()*_#|!:;=-%$~^\r\n\t\x85\u2028\x00\x02\x03 ") +
                         ["<script>", "</title>", "onerror=", "javascript:", "{{", "{%", "--8<--",
                          "&amp;", "&#x3c;", "*[", "]:", "<!--", "# <<< briefing"])
SLOT_TEXT = st.lists(TRICKY | st.text(min_size=1, max_size=3), min_size=1, max_size=12).map(
    "".join).filter(lambda s: len(yaml_text(s)) >= 2 and any(c.isalnum() for c in s))


@settings(max_examples=int(os.environ.get("BRIEFING_SLOT_EXAMPLES", "5")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.fixed_dictionaries({slot: SLOT_TEXT for slot in SLOTS}))
def test_any_string_in_any_slot_shows_as_text(tmp_path_factory, baseline, strings):
    strings = {slot: f"{text} {slot}" for slot, text in strings.items()}
    project, section = slot_project(tmp_path_factory.mktemp("slots") / "p", strings)
    check_site(build_and_inventory(project), strings, section, baseline)


@pytest.mark.parametrize("url", ["javascript:alert(1)//", "http://x.test/\"><script>alert(1)</script>",
                                 "ftp://x.test/", "http://x.test/ onload=alert(1)"])
def test_a_hostile_site_url_stops_the_build(project, url, monkeypatch):
    monkeypatch.setenv("SITE_URL", url)
    result = CliRunner().invoke(main, ["build", "--project", str(project.root)])
    assert result.exit_code == 1 and "site_url" in result.output, result.output
    assert not (project.root / "site").exists()


def test_materials_html_tooltips_stay_off():
    """Material's content.tooltips renders an element's title text as HTML (innerHTML): a title
    holding markup would run. The browser test proves the native tooltips are harmless."""
    config = mkdocs_config(config_file=str(Path(__file__).parent.parent / "mkdocs.yml"))
    assert "content.tooltips" not in config.theme["features"]
    assert "site_overrides/hooks.py" in str(config["hooks"]) or config["hooks"]
