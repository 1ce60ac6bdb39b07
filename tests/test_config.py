import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from generator.config import MAX_CONFIG_BYTES, MAX_YAML_DEPTH, load_config, read_yaml
from generator.errors import BriefingError

ROOT = Path(__file__).resolve().parent.parent


def error_for(tmp_path, text):
    path = tmp_path / "briefing.yml"
    path.write_text(text)
    with pytest.raises(BriefingError) as error:
        load_config(path)
    message = str(error.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_defaults_alone_are_valid():
    config = load_config(None)
    assert config.pages == ("quotes", "people", "timeline", "glossary", "other", "sources", "full")
    assert config.boilerplate


@pytest.mark.parametrize("text, expected", [
    ("titel: X\n", "did you mean 'title'"),
    ("title: X\nsources:\n  a.txt:\n    date: 2025-13-45\n", ":4: 'date' in briefing.yml.sources.a.txt is not a valid date"),
    ("pages: [backgrund]\nsections:\n  background: {terms: {x: 1}}\n", "did you mean 'background'"),
    ("title: !!python/object/apply:os.system ['echo hi']\n", "YAML tags that build objects"),
    ("- a\n- b\n", "must be a mapping"),
    ("", "empty"),
    ("sections:\n  taiwan:\n    threshold: high\n", "must be a number"),
    ("sections:\n  taiwan:\n    terms: {taiwan: lots}\n", "weight of 'taiwan'"),
    ("title: [unclosed\n", "invalid YAML"),
    # found by a hostile-input review: each silently did harm before
    ("sections:\n  index: {terms: {tariff: 2}}\n", ":2: 'index' cannot be a section id"),
    ("sections:\n  taiwan:\n    terms: {'': 5}\n", ":3: term '' in"),
    ("sections:\n  taiwan:\n    terms: {'-': 5}\n", "has no word to match"),
    ("sections:\n  taiwan:\n    terms: {taiwan: .nan}\n", "weight of 'taiwan'"),
    ("sections:\n  taiwan:\n    threshold: .nan\n", ":3: 'threshold' in"),
    ("sections:\n  taiwan:\n    threshold: -5\n", "must be a number above 0, not -5.0"),
    ("sections:\n  taiwan:\n    threshold: .inf\n", "must be a number above 0"),
    ("classify:\n  heading_weight: .nan\n", ":2: 'heading_weight' in"),
    ("people:\n  - {name: Scott Bessent, aliases: ['']}\n", ":2: people[0]: an alias of "),
    ("people:\n  - {name: Scott Bessent, aliases: ['  ']}\n", "an alias of 'Scott Bessent' has no"),
    ("people:\n  - {name: Scott Bessent, aliases: [~]}\n", "has no name in it"),
    ("people:\n  - {name: Scott Bessent, aliases: ['...']}\n", "has no name in it"),
    ("sections:\n  taiwan:\n    terms: [~]\n", "has no word to match"),
    ("classify:\n  heading_weight: .inf\n", "must be a number, 0 or more"),
    ("sources:\n  a.txt: {url: 'https://example.org/a\"b'}\n", "hold no space, quote or angle"),
    ("sources:\n  a.txt: {url: 'javascript:alert(1)'}\n", ":2: url of 'a.txt' must start with"),
])
def test_bad_configuration_gets_a_one_line_error(tmp_path, text, expected):
    assert expected in error_for(tmp_path, text)


def test_missing_configuration_says_how_to_fix(tmp_path):
    with pytest.raises(BriefingError, match="not found"):
        load_config(tmp_path / "nope.yml")


# --- YAML is read safely and with limits (aliases, nesting, size, bad scalars) ---------------


def timed_error_for(tmp_path, text, limit=0.5):
    start = time.perf_counter()
    message = error_for(tmp_path, text)
    assert time.perf_counter() - start < limit, "refused, but only after expensive work"
    return message


def billion_laughs(levels=9):
    """The review's document: each list item is nine aliases of the item before (9**8 'x's)."""
    names = "abcdefghijklmnop"[:levels]
    lines = ["title: X", "cleaning:", "  labels:", f"    - &{names[0]} [x,x,x,x,x,x,x,x,x]"]
    for previous, name in zip(names, names[1:]):
        lines.append(f"    - &{name} [{', '.join(['*' + previous] * 9)}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_at_the_first_alias_and_fast(tmp_path):
    message = timed_error_for(tmp_path, billion_laughs())
    assert ":5: YAML alias '*a' is not allowed" in message
    assert "write the value out" in message


@pytest.mark.parametrize("text, line", [
    ("base: &base {what: Summit}\nevent:\n  <<: *base\n", 3),  # the merge key of YAML 1.1
    ("title: &t X\nevent:\n  what: *t\n", 3),
    ("event:\n  what: *never_defined\n", 2),
])
def test_aliases_are_refused_with_their_line(tmp_path, text, line):
    message = timed_error_for(tmp_path, text)
    assert f":{line}: YAML alias" in message and "not allowed" in message


def test_a_merge_key_without_an_alias_is_refused_too(tmp_path):
    assert ":2: YAML merge keys (<<) are not allowed" in error_for(
        tmp_path, "event:\n  <<: {what: Summit}\n")


def test_an_anchor_alone_is_harmless(tmp_path):
    path = tmp_path / "briefing.yml"
    path.write_text("title: &t Summit\nsections:\n  trade: {terms: {tariff: 1}}\n")
    assert load_config(path).title == "Summit"


@pytest.mark.parametrize("text", [
    "title: " + "[" * 10_000 + "]" * 10_000 + "\n",                # flow lists
    "title: " + "[" * 10_000 + "\n",                                # ... never closed
    "title: " + "{a: " * 10_000 + "x" + "}" * 10_000 + "\n",        # flow mappings
    "title:\n" + "- " * 10_000 + "x\n",                             # block lists on one line
    # block mappings, one a line (~50 KB: 10,000 levels of indentation would be 50 MB)
    "".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "x\n",
], ids=["lists", "unclosed-lists", "mappings", "block-lists", "block-mappings"])
def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path, text):
    message = timed_error_for(tmp_path, text)
    assert f"nested more than {MAX_YAML_DEPTH} levels" in message


def test_nesting_up_to_the_limit_is_read(tmp_path):
    depth = MAX_YAML_DEPTH
    assert read_yaml("[" * depth + "]" * depth, "f.yml") is not None
    with pytest.raises(BriefingError, match=f"^f.yml:1: YAML nested more than {depth}"):
        read_yaml("[" * (depth + 1) + "]" * (depth + 1), "f.yml")


def test_the_line_of_deep_nesting_is_given(tmp_path):
    text = "title: X\nglossary:\n  x: " + "[\n" * 40 + "]" * 40 + "\n"
    # the glossary mapping is level 2, so the 31st '[' (on line 33) is level 33
    assert f":{MAX_YAML_DEPTH + 1}: YAML nested more than" in error_for(tmp_path, text)


def test_an_over_size_file_is_refused_before_it_is_parsed(tmp_path):
    padding = "# " + "x" * MAX_CONFIG_BYTES + "\n"
    message = timed_error_for(tmp_path, "title: X\n" + padding, limit=0.2)
    assert "too large" in message


def test_the_size_error_gives_the_limit_readme_gives_and_advice_that_can_be_followed(tmp_path):
    assert MAX_CONFIG_BYTES == 256 * 1024
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`briefing.yml` over 256 KB" in readme
    for text in ("title: X\n# " + "x" * MAX_CONFIG_BYTES + "\n",  # 12 bytes over
                 "title: X\n# " + "x" * (MAX_CONFIG_BYTES - 11) + "\n"):  # 1 byte over
        message = error_for(tmp_path, text)
        assert "is too large (257 KB; the limit is 256 KB)" in message
        assert "split" not in message and "remove what it no longer needs" in message
    message = str(pytest.raises(BriefingError, read_yaml, "x" * (MAX_CONFIG_BYTES + 1), "f.yml")
                  .value)
    assert "256 KB" in message and "remove what it no longer needs" in message


def test_the_size_limit_counts_bytes_not_characters(tmp_path):
    # 200,000 'é' are 400 KB in UTF-8 but only 200,000 characters
    text = "title: X\n# " + "é" * 200_000 + "\n"
    assert len(text) < MAX_CONFIG_BYTES < len(text.encode())
    assert "too large" in error_for(tmp_path, text)


def test_a_file_exactly_at_the_size_limit_is_read(tmp_path):
    head = "title: X\nsections:\n  trade: {terms: {tariff: 1}}\n# "
    path = tmp_path / "briefing.yml"
    path.write_bytes((head + "x" * (MAX_CONFIG_BYTES - len(head) - 1) + "\n").encode())
    assert path.stat().st_size == MAX_CONFIG_BYTES
    assert load_config(path).title == "X"


def test_read_yaml_refuses_over_size_text_too():
    with pytest.raises(BriefingError, match="^f.yml: is too large"):
        read_yaml("x" * (MAX_CONFIG_BYTES + 1), "f.yml")


@pytest.mark.parametrize("text, expected", [
    ("title: X\nsources:\n  a.txt: {outlet: !!int abc}\n", ":3: 'abc' is not a whole number"),
    ("title: X\nclassify:\n  heading_weight: !!float abc\n", ":3: 'abc' is not a number"),
    ("title: X\nclassify:\n  continue_previous: !!bool maybe\n",
     ":3: 'maybe' is not true or false"),
    ("title: X\nevent:\n  when: 0b_\n", ":3: '0b_' is not a whole number"),
    ("title: !!int ''\n", ":1: '' is not a whole number"),
    ("title: X\nevent: !!map [a, b]\n", ":2: the tag 'tag:yaml.org,2002:map' needs a mapping"),
    ("title: X\nevent: !!map abc\n", ":2: the tag 'tag:yaml.org,2002:map' needs a mapping"),
    ("title: X\nclassify:\n  heading_weight: " + "9" * 5_000 + "\n", ":3: number longer than"),
    ("title: X\nsections:\n  a: {threshold: 0x" + "f" * 400 + "}\n", ":3: number longer than"),
])
def test_bad_typed_values_are_errors_with_a_line(tmp_path, text, expected):
    assert expected in error_for(tmp_path, text)


@pytest.mark.parametrize("text, expected", [
    ("title: A\nsections:\n  background: {terms: {x: 1}}\npages: [background]\n"
     "sections:\n  taiwan: {terms: {y: 1}}\n",
     ":5: duplicate key 'sections' (also at line 2;"),
    ("title: A\ntitle: B\n", ":2: duplicate key 'title' (also at line 1;"),
    ("sources:\n  a.txt: {outlet: X}\n  b.txt: {}\n  a.txt: {date: 2025-10-30}\n",
     ":4: duplicate key 'a.txt' (also at line 2;"),
    ("sources:\n  a.txt:\n    outlet: X\n    outlet: Y\n",
     ":4: duplicate key 'outlet' (also at line 3;"),
    ("sections:\n  taiwan: {terms: {tariff: 1, tariff: 2}}\n", ":2: duplicate key 'tariff'"),
    ("glossary:\n  1: a\n  '1': b\n", ":3: duplicate key '1' (also at line 2;"),
])
def test_a_duplicate_key_at_any_depth_is_an_error_naming_both_lines(tmp_path, text, expected):
    assert expected in error_for(tmp_path, text)


def test_a_term_yes_or_on_is_the_word_not_a_truth_value():
    from generator.config import read_yaml
    assert read_yaml("terms:\n  yes: 1\n  on: 1\n  no: 2\n", "b.yml") == \
        {"terms": {"yes": 1, "on": 1, "no": 2}}


@pytest.mark.parametrize("text, expected", [
    ("title: X\nevent:\n  what: a\x00b\n", ":3: invalid YAML: a NUL byte (U+0000) (delete it;"),
    ("title: X\n\n\n# \x01\n", ":4: invalid YAML: a character YAML does not allow (U+0001)"),
    ("\x00title: X\n", ":1: invalid YAML: a NUL byte"),
])
def test_a_character_yaml_refuses_is_named_with_its_line(tmp_path, text, expected):
    message = error_for(tmp_path, text)
    assert expected in message and "position" not in message and "<unicode" not in message


def test_the_real_configuration_still_loads_with_key_lines():
    config = load_config(ROOT / "content" / "briefing.yml")
    assert config.sections and config.title
    lines = read_yaml("title: X\nevent:\n  what: Summit\n  when: 2025-10-30\n", "f.yml")
    assert lines.lines == {"title": 1, "event": 2}
    assert lines["event"].lines == {"what": 3, "when": 4}
    assert lines["event"]["when"] == "2025-10-30"  # dates stay text until checked


# mostly YAML's own punctuation, so the parser's corners are explored, and now and then anything
YAML_CHARS = st.sampled_from(list("[]{}:-,?&*!<>|'\"#%@`.\\ \t\n\r0123456789abexy_+"))
YAMLISH = st.text(alphabet=st.one_of(YAML_CHARS, st.characters()), max_size=80)
# runs of YAML tokens (tags, anchors, aliases, odd numbers, brackets), some repeated 1000 times
TOKENS = ["[", "]", "{", "}", ", ", ": ", "- ", "? ", "\n", "  ", "a", "1", "0b_", "0x", "._",
          "&a ", "*a", "<<", "!!int ", "!!float ", "!!bool ", "!!map ", "!!set ", "!!omap ",
          "!!binary ", "!!str ", "!!timestamp ", "'", '"', "#", "|", ">", "%YAML 1.1\n", "---\n"]
RUN_LENGTHS = st.sampled_from([1, 1, 1, 2, 3, 50, 1000])
YAML_RUNS = st.lists(st.tuples(st.sampled_from(TOKENS), RUN_LENGTHS),
                     max_size=12).map(lambda runs: "".join(token * n for token, n in runs))


def only_briefing_errors(text):
    try:
        read_yaml(text, "briefing.yml")
    except BriefingError as error:
        message = str(error)
        assert message.startswith("briefing.yml") and "\n" not in message
    # any other exception (YAMLError, RecursionError, MemoryError, TypeError ...) fails the test


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gives_data_or_a_briefing_error(text):
    only_briefing_errors(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_any_yaml_like_text_gives_data_or_a_briefing_error(text):
    only_briefing_errors(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAML_RUNS)
def test_any_run_of_yaml_tokens_gives_data_or_a_briefing_error(text):
    only_briefing_errors(text)


# --- cleaning.shape_model and phrase rules ----------------------------------------------------


def config_from(tmp_path, text):
    path = tmp_path / "briefing.yml"
    path.write_text(text)
    return load_config(path)


@pytest.mark.parametrize("value, expected", [("false", False), ("true", True), ("0.8", 0.8),
                                             ("1", 1.0), ("0", 0.0)])
def test_the_shape_model_can_be_turned_off_or_given_a_cut_off(tmp_path, value, expected):
    config = config_from(tmp_path, f"cleaning:\n  shape_model: {value}\n")
    assert config.shape_model == expected and type(config.shape_model) is type(expected)


def test_the_shape_model_is_on_with_its_own_cut_off_by_default():
    assert load_config(None).shape_model is True


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high", "[0.9]"])
def test_a_shape_model_setting_outside_0_to_1_is_an_error_with_its_line(tmp_path, value):
    message = error_for(tmp_path, f"title: X\ncleaning:\n  shape_model: {value}\n")
    assert ":3: 'shape_model' in briefing.yml.cleaning must be a number from 0 to 1" in message


def test_phrase_rules_take_max_words_and_min_share(tmp_path):
    config = config_from(tmp_path, "cleaning:\n  replace_defaults: true\n  boilerplate:\n"
                                   "    - reason: sign-off\n      pattern: 'back soon'\n"
                                   "      max_words: 12\n      min_share: 0.5\n")
    rule = config.boilerplate[0]
    assert (rule.reason, rule.max_words, rule.min_share) == ("sign-off", 12, 0.5)
    assert load_config(None).boilerplate[0].max_words is None  # other rules: any length


@pytest.mark.parametrize("key, value, expected", [
    ("max_words", "0", "must be above 0"),
    ("max_words", "many", "must be a whole number"),
    ("min_share", "2", "must be from 0 to 1"),
])
def test_bad_phrase_rule_limits_are_errors(tmp_path, key, value, expected):
    text = f"cleaning:\n  boilerplate:\n    - pattern: 'x'\n      {key}: {value}\n"
    message = error_for(tmp_path, text)
    assert f":4: '{key}' in briefing.yml.cleaning.boilerplate[" in message and expected in message


def test_rules_take_the_flags_for_reported_speech_the_articles_end_and_its_edges(tmp_path):
    config = config_from(tmp_path, "cleaning:\n  replace_defaults: true\n  boilerplate:\n"
                                   "    - reason: note\n      pattern: 'x'\n"
                                   "      unless_reported: true\n      ends_article: true\n"
                                   "      outside_article: true\n  buttons: [Save]\n")
    rule = config.boilerplate[0]
    assert (rule.unless_reported, rule.ends_article, rule.outside_article) == (True, True, True)
    assert config.buttons == frozenset({"save"})
    assert not load_config(None).boilerplate[0].ends_article  # off unless a rule says so


@pytest.mark.parametrize("key", ["unless_reported", "ends_article", "outside_article"])
def test_a_rule_flag_that_is_not_true_or_false_is_an_error_with_its_line(tmp_path, key):
    message = error_for(tmp_path, f"cleaning:\n  boilerplate:\n    - pattern: 'x'\n      {key}: 3\n")
    assert f":4: '{key}' in briefing.yml.cleaning.boilerplate[" in message


def test_a_term_with_an_apostrophe_matches_either_apostrophe():
    from generator.config import phrase_regex
    pattern = phrase_regex("world's two largest economies")
    assert pattern.search("the world’s two largest economies met")
    assert pattern.search("The world's two-largest economies met")
    assert not pattern.search("the worlds two largest economies")


@pytest.mark.parametrize("key, added, default", [
    ("list_labels", ("around the (web|region)", "Around the web:"), "More from Business"),
    ("tail_labels", ("from the archive", "From the archive:"), "About the authors")])
def test_whole_labels_add_to_the_defaults_and_a_bad_one_names_its_place(tmp_path, key, added,
                                                                          default):
    path = tmp_path / "briefing.yml"
    path.write_text(f"cleaning:\n  {key}: ['{added[0]}']\n")
    labels = getattr(load_config(path), key)
    assert any(label.fullmatch(added[1]) for label in labels)
    assert any(label.fullmatch(default) for label in labels)  # a default
    path.write_text(f"cleaning:\n  {key}: ['(?i)see also']\n")
    with pytest.raises(BriefingError, match=rf"{key}\[0\]: bad regular expression"):
        load_config(path)  # the editor's first label, however many the defaults hold
    path.write_text(f"cleaning:\n  {key}: ['(unclosed']\n")
    with pytest.raises(BriefingError, match=rf"{key}\[0\]: bad regular expression '\(unclosed'"):
        load_config(path)
