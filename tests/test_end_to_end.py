"""From the real content/ to a built site, in a throwaway copy of the project."""

import html
import json
import re
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.clean import text_key
from generator.config import load_config
from generator.markdown import split_front_matter
from generator.pipeline import build_briefing, generate
from generator.load import find_sources
from tests.conftest import LABELLED, ROOT, copy_project
from tests.test_markdown import rendered_text

CITE = re.compile(r" \[[^\]]*\]\(([^)#]*?)([\w-]+)\.md#p(\d+) \"[^\"]*\"\)\{ \.cite[^}]*\}")
ALSO = " · *also reported by*"  # then the other sources reporting the same facts


def page_texts(project):
    return {p.relative_to(project.docs_dir).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(project.docs_dir.rglob("*.md"))}


FIGURE = re.compile(r"^\*\*(.+?):\*\* (.+)$")  # a key figure: measure, then values
LABEL = re.compile(r"^\*[^*]+:\* ")  # a generated label before cited text ("*In context:* ")


def cited_items(markdown_text):
    """(displayed text, source id, line) for every citation of a cited list item, table row or
    labelled line; a line citing several sources yields one item per citation, and a source
    cited as also reporting the entry's facts yields (None, source id, line)."""
    items = []
    for line in markdown_text.splitlines():
        line, _, also = line.partition(ALSO)
        items += [(None, m.group(2), int(m.group(3))) for m in CITE.finditer(also)]
        matches = list(CITE.finditer(line))
        if not matches:
            continue
        body = line[:matches[0].start()].strip()
        if body.startswith("| "):
            body = body.rstrip(" |").split(" | ")[1]
        elif body.startswith("- "):
            body = body[2:]
        body = LABEL.sub("", body)
        figure = FIGURE.match(body)
        if figure:  # "**what it measures:** 20% → 10%": each part is the first source's words
            parts = [figure.group(1), *figure.group(2).split(" → ")]
            first = matches[0]
            items += [(rendered_text(part), first.group(2), int(first.group(3)))
                      for part in parts]
            items += [(None, m.group(2), int(m.group(3))) for m in matches[1:]]
            continue
        shown = rendered_text(body).strip("“”")
        items += [(shown, m.group(2), int(m.group(3))) for m in matches]
    return items


@pytest.fixture
def generated(project):
    generate(project)
    return project


def cleaned_paragraphs(project):
    config = load_config(project.config_path)
    briefing = build_briefing(find_sources(project.sources_dir), config)
    return briefing, {(s.meta.id, p.line): p for s in briefing.sources for p in s.paragraphs}


def test_every_placed_sentence_is_verbatim_and_cites_its_paragraph(generated):
    _, paragraphs = cleaned_paragraphs(generated)
    total = 0
    for name, text in page_texts(generated).items():
        for shown, source_id, line in cited_items(text):
            paragraph = paragraphs[(source_id, line)]
            assert paragraph.kept, (name, line)
            assert shown is None or shown in paragraph.text, (name, shown)
            total += 1
    assert total > 50


def test_every_source_paragraph_is_on_a_page_or_has_a_reason(generated):
    briefing, _ = cleaned_paragraphs(generated)
    pages = page_texts(generated)
    for source in briefing.sources:
        page = pages[f"sources/{source.meta.id}.md"]
        for paragraph in source.paragraphs:
            if paragraph.kept:
                assert f"#p{paragraph.line}" in page or f"{{ #p{paragraph.line} }}" in page
            else:
                assert paragraph.removed_because


def test_sections_and_quotes_pages_carry_the_right_content(generated):
    pages = page_texts(generated)
    assert "self-governing island" in pages["taiwan.md"]
    assert "preliminary consensus" in pages["framework-deal.md"]
    assert "## Donald Trump, US president" in pages["quotes.md"]
    assert "I don’t know that we’ll even speak about Taiwan." in pages["quotes.md"]
    assert "**As of:** 2025-10-30" in pages["index.md"]
    assert "- **rare earths mining:** 70% [" in pages["index.md"]


def test_generation_is_deterministic(project, tmp_path):
    generate(project)
    first = page_texts(project)
    shutil.rmtree(project.docs_dir)
    shutil.rmtree(project.cache_dir, ignore_errors=True)
    generate(project)
    assert page_texts(project) == first
    generate(project)   # from the cache this time
    assert page_texts(project) == first


def test_a_new_article_changes_the_pages_without_code_changes(project):
    generate(project)
    before = page_texts(project)
    shutil.copy(LABELLED / "wire_outcome.txt", project.sources_dir / "wire_outcome.txt")
    generate(project)
    after = page_texts(project)
    assert "sources/wire_outcome.md" in after
    new_cites = lambda page: {c for c in cited_items(after[page]) if c[1] == "wire_outcome"}
    assert new_cites("taiwan.md") and new_cites("framework-deal.md")
    assert "I think it was an amazing meeting" in after["quotes.md"]
    assert after["index.md"] != before["index.md"] and "**Sources:** 3" in after["index.md"]
    assert "wire_outcome" in (project.root / "mkdocs.yml").read_text()
    assert "## April 2026" in after["timeline.md"] and new_cites("timeline.md")
    assert "## April 2026" not in before["timeline.md"]
    assert "## fentanyl tariff" not in after["glossary.md"]  # undefined: the editor's to-do
    assert "Pacific Wire" in (project.root / "mkdocs.yml").read_text() or \
        "Unknown outlet" in (project.root / "mkdocs.yml").read_text()   # the footer lists it


def test_the_full_briefing_shows_an_edited_page_as_the_editor_left_it(project):
    """The printed briefing must not say what the editor corrected on a page: it takes the
    edited page (its title and front matter aside, its headings one level down); --force,
    which takes the generator's page back, takes the generator's part back too."""
    generate(project)
    page = project.docs_dir / "taiwan.md"
    text = page.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("- "))
    page.write_text(text.replace(first, "- *Editor's note: checked with Taipei.*\n\n"
                                 "## Checked { #checked }\n\n[Back to the top](#taiwan-concerns)"
                                 "\n\n```text\n~~~\n# not a heading\n```\n\nSeen\n----\n", 1),
                    encoding="utf-8")
    generate(project)
    full = (project.docs_dir / "full.md").read_text(encoding="utf-8")
    part = full.split("{ #part-taiwan .briefing-part }", 1)[1].split("\n## ", 1)[0]
    assert "Editor's note: checked with Taipei." in part and first not in part
    assert "\n### Checked { #checked }" in part and "# Taiwan concerns" not in part
    assert "](taiwan.md#taiwan-concerns)" in part and "\n# not a heading\n" in part
    assert "\n### Seen\n" in part
    result = CliRunner().invoke(main, ["build", "--project", str(project.root)])
    assert result.exit_code == 0, result.output  # strict: every link and anchor resolves
    generate(project, force=True)
    full = (project.docs_dir / "full.md").read_text(encoding="utf-8")
    assert "checked with Taipei" not in full and first[2:60] in full


def test_check_reports_stale_pages(project):
    runner = CliRunner()
    result = runner.invoke(main, ["generate", "--check", "--project", str(project.root)])
    assert result.exit_code == 1 and "stale" in result.output
    assert runner.invoke(main, ["generate", "--project", str(project.root)]).exit_code == 0
    result = runner.invoke(main, ["generate", "--check", "--project", str(project.root)])
    assert result.exit_code == 0, result.output


def test_committed_pages_are_current():
    result = CliRunner().invoke(main, ["generate", "--check", "--project", str(ROOT)])
    assert result.exit_code == 0, result.output


def test_extract_json_contract(tmp_path):
    result = CliRunner().invoke(main, ["extract", "--json", str(LABELLED / "wire_outcome.txt"),
                                       str(ROOT / "content/sources/004_f77be4efbc849815.txt"),
                                       "--config", str(ROOT / "content/briefing.yml")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"sources", "people", "statements"}
    first = data["sources"][0]
    assert set(first) == {"path", "title", "outlet", "date", "paragraphs", "quotes", "events"}
    assert all(set(event) == {"line", "date", "text"} for event in first["events"])
    assert any(e["line"] == 7 and e["date"] == "2025-10-30" for e in first["events"])
    assert first["path"].endswith("wire_outcome.txt")
    paragraph = first["paragraphs"][0]
    assert set(paragraph) == {"line", "text", "kept", "removed_because", "sections"}
    assert paragraph == {"line": 1, "text": "World | Asia Pacific", "kept": False,
                         "removed_because": "breadcrumb", "sections": []}
    quote = next(q for q in data["sources"][1]["quotes"] if q["line"] == 8)
    assert quote == {"line": 8, "text": "I don’t know that we’ll even speak about Taiwan.",
                     "speaker": "Donald Trump"}
    assert {"name", "variants", "role"} == set(data["people"][0])
    assert all(set(s) == {"text", "section", "sources"} for s in data["statements"])
    held = [(place["path"], place["line"]) for s in data["statements"] for place in s["sources"]]
    kept = {(source["path"], p["line"]) for source in data["sources"]
            for p in source["paragraphs"] if p["kept"]}
    assert set(held) == kept  # every kept paragraph is in the statements, and nothing else


def test_bad_input_is_one_line_without_traceback(project):
    (project.config_path).write_text("titel: x\n")
    result = subprocess.run([sys.executable, "-m", "generator", "generate", "--project",
                             str(project.root)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "did you mean 'title'" in result.stderr


def test_site_builds_strict_and_search_finds_the_right_pages(project):
    result = CliRunner().invoke(main, ["build", "--project", str(project.root)])
    assert result.exit_code == 0, result.output
    site = project.root / "site"
    index = json.loads((site / "search" / "search_index.json").read_text())
    def pages_with(term):
        return {doc["location"].split("#")[0] for doc in index["docs"]
                if term.lower() in html.unescape(doc["text"] + doc["title"]).lower()}
    assert {"framework-deal.html", "background.html"} <= pages_with("rare earths")
    assert "taiwan.html" in pages_with("Taiwan")
    assert "framework-deal.html" in pages_with("fentanyl")
    home = (site / "index.html").read_text()
    assert "Briefing as of <strong>2025-10-30</strong>" in home
    assert "fonts.googleapis" not in home


def write_bad_source(path, kind):
    if kind == "empty":
        path.write_text("  \n\n")
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    elif kind == "5 MB line":
        path.write_text("Headline\n\n" + "Taiwan was not discussed at the talks. " * 140_000)
    elif kind == "100 MB file":
        with open(path, "wb") as stream:
            stream.truncate(100 * 1024 * 1024)


@pytest.mark.parametrize("kind, message", [("empty", "source is empty"),
                                           ("binary", "looks binary"),
                                           ("5 MB line", ":3: line is"),
                                           ("100 MB file", "too large")])
def test_a_bad_source_stops_the_run_in_one_line_and_changes_nothing(tmp_path, kind, message):
    project = copy_project(tmp_path / "project", with_pages=True)
    before = page_texts(project)
    bad = project.sources_dir / "bad.txt"
    write_bad_source(bad, kind)
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--project",
                             str(project.root)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"error: {bad}")
    assert message in result.stderr and "(" in result.stderr     # says how to fix it
    assert page_texts(project) == before and not (project.root / "site").exists()


def test_every_page_has_description_and_sharing_tags(project):
    result = CliRunner().invoke(main, ["build", "--project", str(project.root)])
    assert result.exit_code == 0, result.output
    site = project.root / "site"
    for path in ["index.html", "quotes.html", "timeline.html", "glossary.html",
                 "sources/004_f77be4efbc849815.html"]:
        page = (site / path).read_text(encoding="utf-8")
        description = re.search(r'<meta name="description" content="([^"]+)"', page).group(1)
        assert re.search(rf'<meta property="og:description" content="{re.escape(description)}"',
                         page), path
        assert '<meta property="og:title"' in page and '<meta property="og:url"' in page
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert not any(doc["location"].startswith("full.html") for doc in index["docs"])


def test_an_unwritable_cache_does_not_stop_generation(project):
    project.cache_dir.parent.mkdir(parents=True, exist_ok=True)
    project.cache_dir.write_text("a file where the cache folder should be")
    briefing, report, _ = generate(project)
    assert len(briefing.sources) == 2 and "index.md" in report.written


def test_long_pages_split_into_further_pages_that_build_strict_and_link_both_ways(
        project, monkeypatch):
    from generator import paginate
    monkeypatch.setattr(paginate, "FIRST_BUDGET", 2_000)
    monkeypatch.setattr(paginate, "PAGE_BUDGET", 3_000)
    result = CliRunner().invoke(main, ["build", "--project", str(project.root)])
    assert result.exit_code == 0, result.output  # strict: every link and anchor resolves
    more = sorted((project.docs_dir / "more").glob("*.md"))
    assert len(more) >= 4
    first = (project.docs_dir / "framework-deal.md").read_text(encoding="utf-8")
    assert "(more/framework-deal-2.md)" in first
    second = (project.docs_dir / "more" / "framework-deal-2.md").read_text(encoding="utf-8")
    assert "(../framework-deal.md)" in second
    mkdocs = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "more/" not in mkdocs.split("# >>> briefing")[1]  # not in the navigation
    assert (project.root / "site" / "more" / "framework-deal-2.html").exists()
