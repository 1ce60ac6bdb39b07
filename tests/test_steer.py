"""Steering: an editor drops a fact from the pages or pins it to one, by FILE:LINE."""

from __future__ import annotations

import pytest
import yaml

from generator.config import Steering, load_config
from generator.errors import BriefingError
from generator.pipeline import generate
from generator.segment import sentences
from generator.statements import Statement
from generator.steer import steer
from generator.structure import Briefing, Source, SourceMeta, SourceParagraph


def source(source_id: str, *texts: str, sections=("deal",)) -> Source:
    return Source(SourceMeta(source_id, f"content/sources/{source_id}.txt", "T", "O",
                             "2025-10-30"),
                  tuple(SourceParagraph(source_id, line, text, sections=sections)
                        for line, text in enumerate(texts, start=1)))


WIRE = source("wire", "The tariff falls to 10%.", "Soybean buying resumes.")
PAPER = source("paper", "The levy drops to 10 per cent.",
               "The duty is cut to 10%. Markets rose sharply in Asia.")
BRIEFING = Briefing("B", (WIRE, PAPER))


def tariff() -> Statement:
    [lead] = sentences(WIRE.paragraphs[0])
    [other] = sentences(PAPER.paragraphs[0])
    said_too = sentences(PAPER.paragraphs[1])[0]
    return Statement(lead, (lead, other, said_too), ("10%",))


def paragraph(briefing: Briefing, source_id: str, line: int) -> SourceParagraph:
    return next(p for s in briefing.sources if s.meta.id == source_id for p in s.paragraphs
                if p.line == line)


def test_a_dropped_fact_leaves_with_every_paragraph_that_says_nothing_else():
    steered = steer(BRIEFING, [tariff()], Steering(drop=(("paper.txt", 1),)))
    assert steered.statements == ()
    for place in (("wire", 1), ("paper", 1)):
        dropped = paragraph(steered.briefing, *place)
        assert not dropped.kept and "steer" in dropped.removed_because
    assert paragraph(steered.briefing, "paper", 2).kept  # it also says the markets rose
    assert paragraph(steered.briefing, "wire", 2).kept
    assert any("took off with the facts it names 1 other paragraph that reports them and "
               "nothing else: wire.txt:1" in note for note in steered.briefing.notes)


def test_a_pinned_fact_goes_to_the_page_named_with_its_statement_s_lead():
    steered = steer(BRIEFING, [tariff()], Steering(pin=(("paper.txt", 1, "taiwan"),)))
    assert paragraph(steered.briefing, "paper", 1).sections == ("taiwan", "deal")
    assert paragraph(steered.briefing, "wire", 1).sections == ("taiwan", "deal")
    assert paragraph(steered.briefing, "wire", 2).sections == ("deal",)
    assert len(steered.statements) == 1


def test_a_place_that_names_no_paragraph_is_a_note_not_a_change():
    steered = steer(BRIEFING, [tariff()], Steering(drop=(("wire.txt", 9),)), "briefing.yml")
    assert steered.briefing.sources == BRIEFING.sources
    assert any("steer.drop wire.txt:9 names no kept paragraph" in n
               for n in steered.briefing.notes)


def test_a_misspelt_file_is_a_note_with_the_closest_name_and_drop_wins_over_pin():
    steered = steer(BRIEFING, [tariff()], Steering(drop=(("wrie.txt", 1), ("paper.txt", 1)),
                                                   pin=(("paper.txt", 1, "taiwan"),)))
    notes = "\n".join(steered.briefing.notes)
    assert "steer.drop wrie.txt:1: no source file of that name (did you mean 'wire.txt'?)" in notes
    assert "paper.txt:1 under both drop and pin: dropped" in notes
    assert not paragraph(steered.briefing, "paper", 1).kept


def test_a_place_finds_its_file_whichever_way_its_accents_are_written(tmp_path):
    path = tmp_path / "briefing.yml"
    path.write_text("sections:\n  taiwan: {terms: {taiwan: 1}}\nsteer:\n"
                    "  drop: ['Caf\u00e9.txt:1']\n", encoding="utf-8")  # typed composed
    saved = Source(SourceMeta("cafe", "content/sources/Cafe\u0301.txt", "T", "O", "2025-10-30"),
                   source("cafe", "The tariff falls to 10%.").paragraphs)  # saved by macOS
    steered = steer(Briefing("B", (saved,)), [], load_config(path).steer)
    assert not paragraph(steered.briefing, "cafe", 1).kept
    assert not steered.briefing.notes


@pytest.mark.parametrize("steer_yaml, message", [
    ({"drop": ["wire.txt"]}, "is not a source file and line"),
    ({"drop": ["../x.txt:3"]}, "is not a source file and line"),
    ({"drop": ["content/sources/wire.txt:3"]}, "name the file without its folder: wire.txt:3"),
    ({"pin": {"wire.txt:3": "taiwn"}}, "did you mean 'taiwan'"),
    ({"pinn": {}}, "did you mean 'pin'"),
])
def test_bad_steering_is_one_error_naming_briefing_yml(tmp_path, steer_yaml, message):
    path = tmp_path / "briefing.yml"
    path.write_text(yaml.safe_dump({"sections": {"taiwan": {"terms": {"taiwan": 1}}},
                                    "steer": steer_yaml}), encoding="utf-8")
    with pytest.raises(BriefingError) as error:
        load_config(path)
    assert message in str(error.value) and "briefing.yml" in str(error.value)


def test_steering_is_not_part_of_the_analysis_cache_key(tmp_path):
    path = tmp_path / "briefing.yml"
    path.write_text("title: T\n", encoding="utf-8")
    before = load_config(path).fingerprint
    path.write_text("title: T\nsteer:\n  drop: [a.txt:3]\n", encoding="utf-8")
    assert load_config(path).fingerprint == before


def test_dropping_a_seed_fact_regenerates_pages_without_freezing_them(project):
    generate(project)
    page = project.docs_dir / "framework-deal.md"
    cited = next(line for line in page.read_text(encoding="utf-8").splitlines()
                 if line.startswith("- ") and "sources/000_" in line.split("](")[1])
    line = int(cited.split("#p")[1].split()[0].rstrip(")\""))
    name = next(p.name for p in project.sources_dir.glob("000_*.txt"))
    config = yaml.safe_load(project.config_path.read_text(encoding="utf-8"))
    config["steer"] = {"drop": [f"{name}:{line}"]}
    project.config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    _briefing, report, _nav = generate(project)
    assert "framework-deal.md" in report.written and not report.kept_edits
    assert not any(f"sources/{name[:-4]}.md#p{line} " in row
                   for row in page.read_text(encoding="utf-8").splitlines())
    source_page = next(project.docs_dir.glob("sources/000_*.md")).read_text(encoding="utf-8")
    assert "dropped by the editor" in source_page


def test_a_paragraph_a_staying_fact_holds_is_not_dropped_with_another_fact():
    wire = source("wire", "The tariff falls to 10%.", "Markets in Asia rose sharply on Friday.")
    paper = source("paper", "The levy drops to 10 per cent.",
                   "The duty is cut to 10%. Markets rose sharply in Asia on Friday.")
    [tariff_w] = sentences(wire.paragraphs[0])
    [tariff_p] = sentences(paper.paragraphs[0])
    duty_p, markets_p = sentences(paper.paragraphs[1])
    [markets_w] = sentences(wire.paragraphs[1])
    tariff = Statement(tariff_w, (tariff_w, tariff_p, duty_p, markets_p), ("10%",))
    markets = Statement(markets_w, (markets_w, markets_p), ("markets",))
    steered = steer(Briefing("B", (wire, paper)), [tariff, markets],
                    Steering(drop=(("paper.txt", 1),)))
    assert steered.statements == (markets,)
    assert not paragraph(steered.briefing, "wire", 1).kept
    assert paragraph(steered.briefing, "paper", 2).kept  # the markets' fact, which stays, is there
