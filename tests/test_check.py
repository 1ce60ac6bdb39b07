"""`briefing check`: the editor's report before publishing."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from generator.check import check
from generator.cli import main
from generator.pipeline import generate


def part(report, title):
    return next(p for p in report.parts if p.title == title)


def test_the_seeds_report_their_spelling_variant_and_nothing_stale(project):
    generate(project)
    report = check(project)
    spelt = part(report, "Names spelt differently")
    assert spelt.total == 1 and "Guo Jiakun" in spelt.findings[0] \
        and "Gou Jiakun" in spelt.findings[0]
    assert re.search(r"000_\w+\.txt line 14", spelt.findings[0])  # where the variant is written
    assert report.stale == ()
    assert part(report, "Pages kept because you edited them").total == 0


def test_an_edited_page_is_listed_with_what_the_generator_now_cites_beyond_it(project):
    generate(project)
    page = project.docs_dir / "taiwan.md"
    text = page.read_text(encoding="utf-8")
    cited = [line for line in text.splitlines() if line.startswith("- ") and "#p" in line]
    page.write_text(text.replace(cited[0] + "\n", ""), encoding="utf-8")
    [finding] = part(check(project), "Pages kept because you edited them").findings
    line = re.search(r"#p(\d+)", cited[0]).group(1)
    assert finding.startswith("taiwan.md: kept as you edited it") and f"line {line}" in finding


def _edit_and_keep(project, page_name="taiwan.md"):
    """An edited page (one of its entries dropped), and the entries it still cites."""
    generate(project)
    page = project.docs_dir / page_name
    text = page.read_text(encoding="utf-8")
    cited = [line for line in text.splitlines() if line.startswith("- ") and "#p" in line]
    page.write_text(text.replace(cited[-1] + "\n", ""), encoding="utf-8")
    return cited[:-1]


def test_a_kept_page_citing_a_removed_source_is_reported(project):
    cited = _edit_and_keep(project)
    source = re.search(r"sources/([\w.-]+)\.md#p", cited[0]).group(1)
    (project.sources_dir / f"{source}.txt").unlink()
    config = project.config_path.read_text(encoding="utf-8")
    project.config_path.write_text(re.sub(rf"  {re.escape(source)}\.txt:\n(    .*\n)+", "",
                                          config), encoding="utf-8")
    findings = part(check(project), "Pages kept because you edited them").findings
    assert any(f"sources/{source}.md#p" in f and "a source that is gone" in f for f in findings)


def test_a_kept_page_quoting_words_its_source_no_longer_holds_is_reported(project):
    cited = _edit_and_keep(project)
    source, line = re.search(r"sources/([\w.-]+)\.md#p(\d+)", cited[0]).groups()
    path = project.sources_dir / f"{source}.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[int(line) - 1] = "Officials in a city by the sea said nothing at all about tariffs."
    path.write_text("\n".join(lines), encoding="utf-8")
    findings = part(check(project), "Pages kept because you edited them").findings
    assert any(f"line {line}, which does not hold these words now" in f
               for f in findings), findings


def test_a_kept_page_the_generator_would_write_alike_reports_no_broken_citation(project):
    generate(project)
    for page in project.docs_dir.glob("*.md"):
        page.write_text(page.read_text(encoding="utf-8") + "\nAn editor's note.\n",
                        encoding="utf-8")
    findings = part(check(project), "Pages kept because you edited them").findings
    assert findings and not any("does not hold" in f or "gone" in f or "starts no" in f
                                for f in findings)


def test_a_source_without_outlet_or_date_is_listed(project):
    (project.sources_dir / "undated.txt").write_text(
        "A headline about tariffs\n\nTrade talks went on in a city by the sea, officials "
        "said, and tariffs were the main subject of the day.\n", encoding="utf-8")
    [finding] = part(check(project), "Sources without an outlet or a date").findings
    assert finding.startswith(str(project.sources_dir / "undated.txt")) and "no date" in finding


@pytest.mark.parametrize("text", [
    "Skip to main content\n\nAccept all cookies\n",  # a saved cookie banner, no article
    "Trump and Xi meet in Busan\n",  # a headline alone
])
def test_a_source_that_keeps_no_article_text_is_named_first(project, text):
    (project.sources_dir / "empty-page.txt").write_text(text, encoding="utf-8")
    report = check(project)
    assert report.parts[0].title == "Sources with no article text"
    [finding] = report.parts[0].findings
    assert finding.startswith(f"{project.sources_dir / 'empty-page.txt'}: no article text kept: "
                              "is it the right file?")
    assert not any("no article text" in f for f in part(report, "Other notes").findings)


def test_findings_do_not_fail_the_command_but_bad_input_does(project):
    ok = CliRunner().invoke(main, ["check", "--project", str(project.root)])
    assert ok.exit_code == 0, ok.output
    assert "Names spelt differently (1)" in ok.output and "nothing blocks publishing" in ok.output
    project.config_path.write_text("titel: x\n", encoding="utf-8")
    bad = CliRunner().invoke(main, ["check", "--project", str(project.root)])
    assert bad.exit_code == 1 and "did you mean 'title'" in bad.output


def test_check_writes_no_page(project):
    check(project)
    assert not any(project.docs_dir.glob("*.md"))


def test_a_lead_of_two_statements_is_listed_once_with_its_most_sources():
    from generator.check import _unplaced_leads
    from generator.statements import Statement
    from generator.structure import Sentence, SourceParagraph
    lead = Sentence("a", 3, 0, 20, "People close to them said so.")
    other = [Sentence(s, 5, 0, 20, "People close to them said it.") for s in "bcd"]
    statements = [Statement(lead, (lead, *other), ()), Statement(lead, (lead, *other[:2]), ())]
    paragraphs = {("a", 3): SourceParagraph("a", 3, lead.text, sections=("other",))}
    assert [(s.text, n) for s, n in _unplaced_leads(statements, paragraphs)] == \
        [(lead.text, 4)]
