from hypothesis import HealthCheck, assume, given, settings, strategies as st

from generator.clean import (clean_paragraphs, normalise_space, remove_cross_source_repeats,
                             split_paragraphs)
from generator.load import DATE_LINE
from generator.structure import RawLine, SourceMeta
from tests.conftest import LIVE_SEED, WIRE_SEED, paragraph_at


def lines(text):
    return [RawLine(n, t) for n, t in enumerate(text.split("\n"), start=1)]


def test_wire_seed_clutter_is_removed_with_reasons(wire):
    reasons = {p.line: p.removed_because for p in wire.paragraphs if not p.kept}
    assert reasons[1] == "breadcrumb"
    assert reasons[3].startswith("headline")
    assert reasons[7] == reasons[8] == "picture or caption note"
    assert reasons[9] == "read-time or updated stamp"
    assert reasons[12] == "repeats line 5"
    assert reasons[48] == "syndication notice"
    assert paragraph_at(wire, 10).kept and paragraph_at(wire, 44).kept


def test_live_blog_labels_teasers_bylines_and_repeated_summary(live):
    reasons = {p.line: p.removed_because for p in live.paragraphs if not p.kept}
    assert reasons[2] == reasons[11] == "lone label"
    assert reasons[27] == "teaser line"
    assert reasons[31] == reasons[56] == "byline"
    assert all(reasons[n] == f"repeats line {n - 58}" for n in range(61, 68))
    assert paragraph_at(live, 12).heading and paragraph_at(live, 12).kept


def test_every_line_of_text_belongs_to_a_paragraph():
    for path in (WIRE_SEED, LIVE_SEED):
        raw = path.read_text(encoding="utf-8").split("\n")
        starts = {n for n, _ in split_paragraphs(lines("\n".join(raw)))}
        assert starts == {n for n, t in enumerate(raw, start=1) if t.strip()}


def test_hard_wrapped_blocks_join_but_ragged_lines_stay_apart():
    text = ("This paragraph was wrapped at a fixed width by the tool that\n"
            "exported it, so its lines are all of a similar length and the\n"
            "sentence runs on.\n\nShort line.\nAnother line that is much longer than the one before it.")
    paragraphs = split_paragraphs(lines(text))
    assert paragraphs[0][0] == 1 and paragraphs[0][1].endswith("sentence runs on.")
    assert [n for n, _ in paragraphs] == [1, 5, 6]


def test_repeats_across_sources_point_to_the_first(config):
    meta_a = SourceMeta("a", "a.txt", "A", "Wire", "2025-01-01")
    meta_b = SourceMeta("b", "b.txt", "B", "Paper", "2025-01-02")
    body = "The same syndicated paragraph appears in two papers on the same day."
    a = clean_paragraphs(meta_a, lines(f"Headline A\n\n{body}"), config)
    b = clean_paragraphs(meta_b, lines(f"Headline B\n\n{body}"), config)
    _, second = remove_cross_source_repeats([(meta_a, a), (meta_b, b)])
    assert second[-1].removed_because == "repeats a line 3"


def test_editor_patterns_from_configuration_apply(tmp_path):
    from generator.config import load_config
    path = tmp_path / "briefing.yml"
    path.write_text("cleaning:\n  boilerplate:\n    - reason: desk note\n      pattern: '^NOTE TO EDITORS'\n")
    config = load_config(path)
    meta = SourceMeta("s", "s.txt", "T", "O", None)
    result = clean_paragraphs(meta, lines("T\n\nNOTE TO EDITORS: embargoed.\n\nReal text here."), config)
    assert [(p.kept, p.removed_because) for p in result][1:] == [(False, "desk note"), (True, None)]


NEWSY = ["\n", "\n\n", " ", '"', "“", "”", "’", ":", ",", ".", "said", "told reporters", "Trump",
         "Xi Jinping", "Home / World / Asia", "By Jane Roe", "Key events", "Q:", "HOST:",
         "PARK:", "Taiwan", "tariffs", "(Photo: AFP)", "5 min read", "\r\n", "\t", "—", "<b>",
         "{{ x }}", "# ", "| a |", "Updated 10:05 GMT"]
news_text = st.lists(st.one_of(st.sampled_from(NEWSY), st.text(max_size=12)), max_size=60).map(
    "".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text)
def test_cleaning_accounts_for_every_word_and_keeps_text_verbatim(config, text):
    assume(not DATE_LINE.match(text.lstrip()))
    raw = lines(text)
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "", "O", None), raw, config)
    assert " ".join(p.text for p in paragraphs if p.text) == normalise_space(text)
    for paragraph in paragraphs:
        assert paragraph.kept or paragraph.removed_because
        assert paragraph.text in normalise_space(raw[paragraph.line - 1].text) or \
            normalise_space(raw[paragraph.line - 1].text) in paragraph.text


def test_a_title_over_a_date_line_is_two_paragraphs_but_a_wrapped_pair_is_one():
    title = lines("Press briefing by Treasury Secretary Scott Bessent\nTranscript, October 31, 2025")
    assert [n for n, _ in split_paragraphs(title)] == [1, 2]
    wrapped = lines("The framework deal agreed by negotiators in Kuala Lumpur offers both of\n"
                    "the leaders a way out of the trade war.")
    assert [n for n, _ in split_paragraphs(wrapped)] == [1]


def test_the_line_after_a_picture_credit_rule_is_its_caption(tmp_path):
    from generator.config import load_config
    path = tmp_path / "briefing.yml"
    path.write_text("cleaning:\n  boilerplate:\n    - id: picture-credit\n      reason: picture "
                    "note\n      pattern: '^Bild:'\n")
    config = load_config(path)
    text = "Bild: Kim Soo-jin\nXi and Trump shake hands before their talks.\nThe talks began."
    paragraphs = clean_paragraphs(SourceMeta("s", "s.txt", "T", "O", None), lines(text), config)
    assert [p.removed_because for p in paragraphs] == ["picture note", "picture or caption note",
                                                       None]
