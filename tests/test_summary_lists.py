"""A list under a summary label ("Key points", "KEY NUMBERS") is the article's own: an item
the furniture rules removed for its place or shape is kept when it is about the story."""

from pathlib import Path

import yaml

from generator.clean import clean_paragraphs
from generator.config import load_config
from generator.structure import SourceMeta
from generator.summary_lists import keep_summary_lists
from tests.test_clean import lines

ROOT = Path(__file__).resolve().parent.parent
CONFIG = load_config(ROOT / "content" / "briefing.yml")
BODY = ("The harbour authority said on Friday that container volumes rose for a third month "
        "running, helped by new routes to the south and by lower fuel costs for carriers.")
MORE = ("Officials expect the increase in volumes to continue into the spring, although they "
        "warned that weaker demand abroad could still weigh on container shipments.")
NUMBERS = ["3.2 pct — rise in container volumes in October",
           "14 — new routes opened to southern ports",
           "2 — months of rising container volumes before October"]


def cleaned(text: str, config=CONFIG):
    meta = SourceMeta("s", "s.txt", "", "O", None)
    paragraphs = keep_summary_lists(clean_paragraphs(meta, lines(text), config),
                                    config.summary_labels)
    return {p.text: p for p in paragraphs}


def test_a_live_blogs_key_points_are_kept_however_each_is_shaped():
    points = ["• Harbour volumes up for a third month running, officials say",
              "• New southern routes opened to carriers",
              "• Fuel costs for carriers at their lowest",
              "• Officials expect container volumes to keep rising into the spring"]
    text = "\n\n".join(["Harbour volumes rise again – live", "KEY POINTS", *points,
                        "10:05 — " + BODY, "10:20 — " + MORE])
    found = cleaned(text)
    assert all(found[point].kept for point in points)
    assert not found["KEY POINTS"].kept


def test_key_numbers_after_the_article_are_kept_and_what_follows_them_is_not():
    text = "\n\n".join(["Harbour volumes rise again", BODY, MORE, "Key numbers", *NUMBERS,
                        "Related: Port workers vote on new contract", "Share this article"])
    found = cleaned(text)
    assert all(found[number].kept for number in NUMBERS)
    assert not found["Related: Port workers vote on new contract"].kept
    assert not found["Share this article"].kept


def test_furniture_under_a_summary_label_is_not_kept():
    """A ticker, other stories' headlines: under the label, but not about the story."""
    furniture = ["Brent crude 70.52 +0.94 +1.35%", "Gold 2,650.10 -3.20 -0.12%",
                 "Pilot impostor arrested at airport", "Football coach quits after defeat"]
    text = "\n\n".join(["Harbour volumes rise again", BODY, MORE, "Key figures", *furniture])
    found = cleaned(text)
    assert not any(found[line].kept for line in furniture)


def test_summary_labels_are_the_editors(tmp_path):
    config_path = tmp_path / "briefing.yml"
    written = yaml.safe_load((ROOT / "content" / "briefing.yml").read_text(encoding="utf-8"))
    written["cleaning"] = {"summary_labels": ["die zahlen"]}
    config_path.write_text(yaml.safe_dump(written, allow_unicode=True), encoding="utf-8")
    text = "\n\n".join(["Harbour volumes rise again", BODY, MORE, "Die Zahlen", *NUMBERS])
    assert all(cleaned(text, load_config(config_path))[n].kept for n in NUMBERS)
    assert not any(cleaned(text)[n].kept for n in NUMBERS)


def test_without_summary_labels_the_lists_fall_to_the_furniture_rules():
    """What the stage mends: the same page cleaned without it loses the items."""
    text = "\n\n".join(["Harbour volumes rise again", BODY, MORE, "Key numbers", *NUMBERS])
    meta = SourceMeta("s", "s.txt", "", "O", None)
    paragraphs = clean_paragraphs(meta, lines(text), CONFIG)
    assert keep_summary_lists(paragraphs, ()) == paragraphs
    assert not all(p.kept for p in paragraphs[-3:])
    assert all(p.kept for p in keep_summary_lists(paragraphs, CONFIG.summary_labels)[-3:])


def test_the_list_ends_where_the_article_begins():
    """Found in review: the walk ran on through short body paragraphs and brought back other
    stories' headlines after the article that share its words."""
    points = ["• Harbour volumes up for a third month", "• New southern routes opened to carriers"]
    others = ["Harbour container volumes fall at rival northern port",
              "Carriers add routes to southern ports amid fuel cost fall"]
    text = "\n\n".join(["Harbour volumes rise again", "Key points", *points, BODY, MORE, *others])
    found = cleaned(text)
    assert all(found[point].kept for point in points)
    assert not any(found[line].kept for line in others)
